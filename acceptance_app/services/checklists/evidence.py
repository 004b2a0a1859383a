"""The evidence a checklist item's rules ask for when it is answered 不合格: photos and findings.

A photo counts for an item when it is attached to the item itself or to one of the item's findings (the
inspector photographs the defect once, on the finding). The checklists service calls ``existing_evidence``
explicitly; nothing is registered at import. A new kind of evidence gets its function here, a call in
``existing_evidence`` and its kind in ``SUPPLIED``.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.checklists.form import EvidenceKind
from acceptance_app.services.findings import workflow as findings
from acceptance_app.services.photos import library as photos
from acceptance_app.storage.models import Finding, PhotoLink

# Kinds this module can report. The 不适用 reason is checked from the answer itself. A kind nothing supplies yet
# is counted as present for every item (``assumed_evidence``): it could never be given.
SUPPLIED = frozenset({EvidenceKind.PHOTO, EvidenceKind.FINDING, EvidenceKind.REASON})


def photo_evidence(session: Session, inspection_id: uuid.UUID) -> dict[str, set[EvidenceKind]]:
    on_findings = (
        sa.select(Finding.item_id)
        .join(PhotoLink, PhotoLink.finding_id == Finding.id)
        .where(Finding.inspection_id == inspection_id, Finding.item_id.is_not(None))
        .distinct()
    )
    items = set(photos.photo_evidence(session, inspection_id)) | set(session.scalars(on_findings))
    return {item: {EvidenceKind.PHOTO} for item in items if item is not None}


def finding_evidence(session: Session, inspection_id: uuid.UUID) -> dict[str, set[EvidenceKind]]:
    return {item: {EvidenceKind.FINDING} for item in findings.finding_evidence(session, inspection_id)}


def combined(*provided: Mapping[str, Collection[EvidenceKind]]) -> dict[str, set[EvidenceKind]]:
    """item id -> every kind any of ``provided`` reports for it (one kind adds to another, never replaces)."""
    result: dict[str, set[EvidenceKind]] = {}
    for kinds_by_item in provided:
        for item_id, kinds in kinds_by_item.items():
            result.setdefault(item_id, set()).update(kinds)
    return result


def existing_evidence(session: Session, inspection_id: uuid.UUID) -> dict[str, set[EvidenceKind]]:
    """item id -> the evidence kinds present for it in this inspection."""
    return combined(photo_evidence(session, inspection_id), finding_evidence(session, inspection_id))


def assumed_evidence() -> frozenset[EvidenceKind]:
    return frozenset(EvidenceKind) - SUPPLIED
