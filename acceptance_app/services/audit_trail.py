"""The audit trail, readable: who changed which field of which record, when, from old to new, on which laptop.

storage/audit.py writes one AuditEvent per insert/update/delete in the same flush (the exchange merge writes its
own, with the device it came from); this module reads them back one line per changed field, for one record
(``entity_history``) or for everything that belongs to a project (``project_history``), for the window and
the exports (CSV, XLSX). Nothing here writes.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.document_numbers import PENDING_NUMBER
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

HIDDEN_FIELDS = {"id", "origin_device"}
# The columns a reader asks about, in words; any other column shows its name.


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    entity: str
    entity_id: str
    record: str  # what the record is, in words: the unit's name, the item's code, the document's number
    action: str
    field: str
    old: str
    new: str
    actor: str
    device: str



def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        import json

        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _entries(events: Iterable[AuditEvent], names: dict[str, str]) -> list[HistoryEntry]:
    entries = []
    for event in events:
        for field, change in sorted((event.changes or {}).items()):
            if field in HIDDEN_FIELDS:
                continue
            old, new = (change[0], change[1]) if isinstance(change, list | tuple) else (None, change)
            if event.action == "create" and new in (None, "", [], {}):
                continue  # an empty column of a new record says nothing
            entries.append(HistoryEntry(event.at, event.entity, event.entity_id, names.get(event.entity_id, ""),
                                        event.action, field, _text(old), _text(new), event.actor, event.device))
    return entries


def _project_records(session: Session, project_id: uuid.UUID) -> dict[str, str]:
    """Every record that belongs to the project, by id, with a name a reader recognises."""
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
        names[str(inspection.id)] = f"{units[inspection.unit_id]} {inspection.discipline.value} #{inspection.round}"
    for answer_id, item_id, unit_id in session.execute(
            sa.select(Answer.id, Answer.item_id, Answer.unit_id)
            .where(Answer.inspection_id.in_([i.id for i in inspections]))):
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
    events = session.scalars(sa.select(AuditEvent).where(AuditEvent.entity_id == str(entity_id))
                             .order_by(AuditEvent.at, AuditEvent.id))
    return _entries(events, {str(entity_id): record})


