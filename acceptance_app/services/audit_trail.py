"""The audit trail, readable: who changed which field of which record, when, from old to new, on which laptop.

storage/audit.py writes one AuditEvent per insert/update/delete in the same flush (the exchange merge writes its
own, with the device it came from); this module reads them back one line per changed field, for one record
(``entity_history``) or for everything that belongs to a project (``project_history``), for the window and
the exports (CSV, XLSX). Nothing here writes.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.document_numbers import PENDING_NUMBER
from acceptance_app.reports import labels
from acceptance_app.storage.models import (
    Answer,
    AuditEvent,
    Commitment,
    Document,
    Finding,
    FindingEvent,
    Inspection,
    Party,
    Project,
    Unit,
)

# Bookkeeping columns that tell a reader nothing (the device is shown in its own column).
HIDDEN_FIELDS = {"id", "origin_device", "sequence", "sort_order", "project_id"}


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    entity: str
    entity_id: str
    record: str  # what the record is, in words: the unit's name, the item's code, the document's number
    action: str
    field: str
    old: Any  # the stored values (JSON: codes, numbers, ISO times); text/audit.py words them
    new: Any
    actor: str
    device: str
    # What the ids among the values name (a unit's name for a unit_id), so that no reader sees a UUID.
    names: Mapping[str, str] = dataclasses.field(default_factory=dict, compare=False, repr=False)


def _entries(events: Iterable[AuditEvent], names: dict[str, str]) -> list[HistoryEntry]:
    entries = []
    for event in events:
        for column, change in sorted((event.changes or {}).items()):
            if column in HIDDEN_FIELDS:
                continue
            old, new = (change[0], change[1]) if isinstance(change, list | tuple) else (None, change)
            if event.action == "create" and new in (None, "", [], {}):
                continue  # an empty column of a new record says nothing
            entries.append(HistoryEntry(event.at, event.entity, event.entity_id, names.get(event.entity_id, ""),
                                        event.action, column, old, new, event.actor, event.device, names))
    return entries


def _project_records(session: Session, project_id: uuid.UUID,
                     answers: set[str] | None = None) -> dict[str, str]:
    """Every record that belongs to the project, by id, with a name a reader recognises; of the answers (the bulk:
    every version of every item) only those in ``answers`` when it is given."""
    names: dict[str, str] = {}
    project = session.get(Project, project_id)
    if project is not None:
        names[str(project.id)] = project.name
    units = {u.id: u.name for u in session.scalars(sa.select(Unit).where(Unit.project_id == project_id))}
    names.update({str(k): v for k, v in units.items()})
    for party in session.scalars(sa.select(Party).where(Party.project_id == project_id)):
        names[str(party.id)] = party.name
    inspections = list(session.scalars(sa.select(Inspection).where(Inspection.unit_id.in_(units))))
    for inspection in inspections:
        names[str(inspection.id)] = (f"{units[inspection.unit_id]} {labels.DISCIPLINE[inspection.discipline]}"
                                     f" 第{inspection.round}轮")
    answer_scope = (Answer.id.in_([uuid.UUID(a) for a in answers]) if answers is not None
                    else Answer.inspection_id.in_([i.id for i in inspections]))
    for answer_id, item_id, unit_id in session.execute(
            sa.select(Answer.id, Answer.item_id, Answer.unit_id).where(answer_scope)):
        names[str(answer_id)] = f"{units.get(unit_id, '') if unit_id else ''} {item_id}".strip()
    finding_ids = []
    for finding in session.scalars(sa.select(Finding).where(Finding.project_id == project_id)):
        names[str(finding.id)] = f"{units.get(finding.unit_id, '')} {finding.item_id or ''} {finding.description[:30]}"
        finding_ids.append(finding.id)
    for event_id, finding_id in session.execute(
            sa.select(FindingEvent.id, FindingEvent.finding_id).where(FindingEvent.finding_id.in_(finding_ids))):
        names[str(event_id)] = names[str(finding_id)]
    for commitment in session.scalars(sa.select(Commitment).where(Commitment.project_id == project_id)):
        names[str(commitment.id)] = commitment.subject
    for document in session.scalars(sa.select(Document).where(Document.project_id == project_id)):
        names[str(document.id)] = document.number or PENDING_NUMBER
    return names


def project_history(session: Session, project_id: uuid.UUID) -> list[HistoryEntry]:
    names = _project_records(session, project_id)
    events = session.scalars(sa.select(AuditEvent).where(AuditEvent.entity_id.in_(list(names)))
                             .order_by(AuditEvent.at, AuditEvent.id))
    return _entries(events, names)


def entity_history(session: Session, entity_id: uuid.UUID, record: str = "") -> list[HistoryEntry]:
    """The history of one record (an answer, a finding, a unit, a document), oldest first."""
    events = list(session.scalars(sa.select(AuditEvent).where(AuditEvent.entity_id == str(entity_id))
                                  .order_by(AuditEvent.at, AuditEvent.id)))
    names = {str(entity_id): record}
    project_id = next((_project_of(e) for e in events if _project_of(e)), None)
    if project_id is not None:  # the names of the records its values point to (a unit, an inspection, an answer)
        names = {**_project_records(session, project_id, _referenced(events)), **names}
    return _entries(events, names)


def _referenced(events: list[AuditEvent]) -> set[str]:
    """The ids the events' values hold (a column ``*_id``), well formed."""
    ids = set()
    for event in events:
        for column, change in (event.changes or {}).items():
            if column.endswith("_id"):
                for value in change if isinstance(change, list | tuple) else (change,):
                    try:
                        ids.add(str(uuid.UUID(str(value))))
                    except ValueError:
                        pass
    return ids


def _project_of(event: AuditEvent) -> uuid.UUID | None:
    """The project a record belongs to, from its creation values (every project record names it)."""
    change = (event.changes or {}).get("project_id")
    value = change[-1] if isinstance(change, list | tuple) else change
    if event.entity == Project.__tablename__:
        value = event.entity_id
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


