"""The evidence a checklist item's rules ask for when it is answered 不合格: photos and findings.

A photo counts for an item when it is attached to the item itself or to one of the item's findings (the
inspector photographs the defect once, on the finding). Registered with checklist_forms on import; the
checklists service imports this module, so concluding an inspection always sees both kinds.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.checklists.form import EvidenceKind
from acceptance_app.services import checklist_forms, findings, photos
from acceptance_app.storage.models import Finding, PhotoLink


def photo_evidence(session: Session, inspection_id: uuid.UUID) -> dict[str, set[EvidenceKind]]:
    on_findings = (
        sa.select(Finding.item_id)
        .join(PhotoLink, PhotoLink.finding_id == Finding.id)
        .where(Finding.inspection_id == inspection_id, Finding.item_id.is_not(None))
        .distinct()
    )
    items = set(photos.photo_evidence(session, inspection_id)) | set(session.scalars(on_findings))
    return {item: {EvidenceKind.PHOTO} for item in items}


def finding_evidence(session: Session, inspection_id: uuid.UUID) -> dict[str, set[EvidenceKind]]:
    return {item: {EvidenceKind.FINDING} for item in findings.finding_evidence(session, inspection_id)}


checklist_forms.register_evidence_provider({EvidenceKind.PHOTO}, photo_evidence)
checklist_forms.register_evidence_provider({EvidenceKind.FINDING}, finding_evidence)
