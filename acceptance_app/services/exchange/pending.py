"""What of a project is not yet on the hub: records and photos changed since the hub's last receipt.

The outbox counts packages; an inspector thinks in work done (field trial item 16: "待发送 0" after a day of
answers, because no package had been made yet). So this counts the project's records whose ``updated_at`` is
after the last package the hub confirmed (OutboxItem.sent_at with a checked receipt), and the photos linked to
it since then; with no receipt at all, everything counts. Records merged in from other laptops keep the time
they were changed there, so they count only if they changed after the last receipt too.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.storage.models import (
    Answer,
    Commitment,
    Document,
    Finding,
    FindingEvent,
    Inspection,
    OutboxItem,
    OutboxState,
    Party,
    PhotoLink,
    Project,
    Unit,
)


@dataclass(frozen=True)
class PendingChanges:
    records: int
    photos: int
    last_receipt_at: datetime | None

    @property
    def total(self) -> int:
        return self.records + self.photos


def last_receipt_at(session: Session, project_id: uuid.UUID) -> datetime | None:
    return session.scalar(sa.select(sa.func.max(OutboxItem.sent_at))
                          .where(OutboxItem.project_id == project_id, OutboxItem.state == OutboxState.SENT))


def pending_changes(session: Session, project_id: uuid.UUID) -> PendingChanges:
    since = last_receipt_at(session, project_id)
    units = sa.select(Unit.id).where(Unit.project_id == project_id)
    findings = sa.select(Finding.id).where(Finding.project_id == project_id)
    inspections = sa.select(Inspection.id).where(Inspection.unit_id.in_(units))
    queries = [
        (Project, Project.id == project_id),
        (Unit, Unit.project_id == project_id),
        (Party, Party.project_id == project_id),
        (Inspection, Inspection.unit_id.in_(units)),
        (Answer, Answer.project_id == project_id),
        (Finding, Finding.project_id == project_id),
        (FindingEvent, FindingEvent.finding_id.in_(findings)),
        (Commitment, Commitment.project_id == project_id),
        (Document, Document.project_id == project_id),
    ]
    records = 0
    for model, belongs in queries:
        query = sa.select(sa.func.count()).select_from(model).where(belongs)
        if since is not None:
            query = query.where(model.updated_at > since)  # type: ignore[attr-defined]
        records += session.scalar(query) or 0
    photos = sa.select(sa.func.count(sa.distinct(PhotoLink.photo_id))).where(sa.or_(
        PhotoLink.project_id == project_id, PhotoLink.unit_id.in_(units),
        PhotoLink.inspection_id.in_(inspections), PhotoLink.finding_id.in_(findings)))
    if since is not None:
        photos = photos.where(PhotoLink.updated_at > since)
    return PendingChanges(records, session.scalar(photos) or 0, since)
