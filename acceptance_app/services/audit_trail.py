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

from acceptance_app.i18n import N_, _
from acceptance_app.messages import FIELD_LABELS
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

ENTITY_LABELS = {
    "projects": N_("Project"),
    "units": N_("Unit"),
    "parties": N_("Party"),
    "inspections": N_("Inspection"),
    "answers": N_("Answer"),
    "findings": N_("Finding"),
    "finding_events": N_("Finding step"),
    "commitments": N_("Commitment"),
    "documents": N_("Document"),
}
ACTION_LABELS = {"create": N_("created"), "update": N_("changed"), "delete": N_("deleted")}
HIDDEN_FIELDS = {"id", "origin_device"}
# The columns a reader asks about, in words; any other column shows its name.
HISTORY_FIELD_LABELS = {
    "status": N_("Status"),
    "state": N_("Status"),
    "verdict": N_("Verdict"),
    "number": N_("Document number"),
    "version": N_("Version"),
    "note": N_("Note"),
    "name": N_("Name of the record"),
    "samples": N_("Readings"),
    "na_reason": N_("Reason for not applicable"),
    "retired": N_("Replaced by a later answer"),
    "answered_by": N_("Answered by"),
    "deadline": N_("Deadline"),
    "file_path": N_("File"),
    "file_sha256": N_("File SHA-256"),
    "issued_at": N_("Issued at"),
}


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

    @property
    def entity_label(self) -> str:
        return _(ENTITY_LABELS[self.entity]) if self.entity in ENTITY_LABELS else self.entity

    @property
    def action_label(self) -> str:
        return _(ACTION_LABELS.get(self.action, self.action))

    @property
    def field_label(self) -> str:
        labels = HISTORY_FIELD_LABELS if self.field in HISTORY_FIELD_LABELS else FIELD_LABELS
        return _(labels[self.field]) if self.field in labels else self.field


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
        names[str(answer_id)] = f"{units.get(unit_id, '')} {item_id}".strip()
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
        names[str(document.id)] = document.number
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


CSV_HEADER = ("时间（UTC）", "对象", "记录", "操作", "字段", "原值", "新值", "操作人", "设备或交换包")


def write_csv(entries: list[HistoryEntry], path: Any) -> int:
    """The entries as CSV (UTF-8 with BOM, so that Excel and WPS read the Chinese); returns the rows written."""
    import csv
    import io

    from acceptance_app.fileio import atomic_write_bytes

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for e in entries:
        writer.writerow((e.at.isoformat(timespec="seconds"), e.entity_label, e.record, e.action_label, e.field_label,
                         e.old, e.new, e.actor, e.device))
    atomic_write_bytes(path, buffer.getvalue().encode("utf-8-sig"))
    return len(entries)
