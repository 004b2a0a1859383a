"""Text of the audit trail: what kind of record changed and how (the history dialog, the CSV and XLSX exports)."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from acceptance_app.domain.beijing_time import beijing_text
from acceptance_app.domain.enums import (
    BuildingUse,
    Discipline,
    DocumentState,
    DocumentType,
    FindingStatus,
    InspectionKind,
    InspectionStatus,
    ItemClass,
    ItemVerdict,
    PartyRole,
    Structure,
    Verdict,
)
from acceptance_app.domain.findings import CommitmentKind, CommitmentStatus, FindingAction
from acceptance_app.i18n import N_, _
from acceptance_app.text.core import FIELD_LABELS
from acceptance_app.text.findings import action_name, status_name
from acceptance_app.text.labels import label_of
from acceptance_app.text.unit_facts import describe_value, fact_name

if TYPE_CHECKING:
    from acceptance_app.services.audit_trail import HistoryEntry as _Entry
    from acceptance_app.services.checklists.answer_history import AnswerVersion


ENTITY_LABELS = {
    "projects": N_("Project"),
    "units": N_("Unit"),
    "parties": N_("Party"),
    "inspections": N_("Inspection"),
    "answers": N_("Answer"),
    "findings": N_("Finding"),
    "finding_events": N_("Finding step"),
    "commitments": N_("Commitment"),
    "procedure_events": N_("Procedure step"),
    "documents": N_("Document"),
}
ACTION_LABELS = {"create": N_("created"), "update": N_("changed"), "delete": N_("deleted")}


# The audit's column names that are not form fields.
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
    "discipline": N_("Discipline"),
    "kind": N_("Kind"),
    "round": N_("Round"),
    "role": N_("Role"),
    "use": N_("Use"),
    "structure": N_("Structure"),
    "item_id": N_("Checklist item"),
    "item_class": N_("Item class"),
    "choice": N_("Option chosen"),
    "text": N_("Text answer"),
    "design_value": N_("Design value"),
    "answered_at": N_("Answered at"),
    "started_at": N_("Started at"),
    "completed_at": N_("Concluded at"),
    "change_reason": N_("Reason for the correction"),
    "reopen_reason": N_("Reason for reopening"),
    "copied_from_id": N_("Copied from"),
    "replaces_id": N_("Replaces"),
    "inspection_id": N_("Inspection"),
    "recheck_inspection_id": N_("Re-check inspection"),
    "unit_id": N_("Unit"),
    "party_id": N_("Responsible party"),
    "finding_id": N_("Finding"),
    "carried_from_id": N_("Carried over from"),
    "supersedes_id": N_("Supersedes"),
    "accepted_alone": N_("Accepted alone"),
    "has_civil_air_defense": N_("Has civil air defense works"),
    "facts": N_("Unit facts"),
    "fact_overrides": N_("Overridden facts"),
    "form_version": N_("Form version"),
    "form_id": N_("Form"),
    "form_hash": N_("Form (content hash)"),
    "jurisdiction_hash": N_("Jurisdiction table (content hash)"),
    "description": N_("Description"),
    "created_by": N_("Recorded by"),
    "closed_by": N_("Closed by"),
    "closed_at": N_("Closed at"),
    "opened_on": N_("Opened on"),
    "origin": N_("Found during"),
    "deadline_days": N_("Deadline (working days)"),
    "deadline_provisional": N_("Deadline provisional"),
    "action": N_("Step"),
    "at": N_("At"),
    "by": N_("By"),
    "status_after": N_("Status after"),
    "blocks_opinion": N_("Blocks the opinion"),
    "due_on": N_("Due on"),
    "made_on": N_("Made on"),
    "promise": N_("Promise"),
    "subject": N_("Subject"),
    "check_note": N_("Check note"),
    "checked_at": N_("Checked at"),
    "checked_by": N_("Checked by"),
    "type": N_("Document"),
    "series": N_("Number series"),
}

# Stored codes and the enum that words them, per column; "kind", "status" and "verdict" differ by table.
_ENUMS: dict[str, type[Enum]] = {
    "discipline": Discipline, "role": PartyRole, "use": BuildingUse, "structure": Structure,
    "item_class": ItemClass, "state": DocumentState, "type": DocumentType, "origin": InspectionKind,
    "form_id": Discipline,
}
_ENUMS_BY_TABLE: dict[tuple[str, str], type[Enum]] = {
    ("inspections", "status"): InspectionStatus, ("inspections", "verdict"): Verdict,
    ("inspections", "kind"): InspectionKind, ("answers", "kind"): InspectionKind,
    ("answers", "verdict"): ItemVerdict, ("commitments", "kind"): CommitmentKind,
    ("commitments", "status"): CommitmentStatus,
}
_HASHES = {"form_hash", "jurisdiction_hash", "file_sha256", "inputs_sha256", "manifest_sha256"}
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def entity_label(entry: _Entry) -> str:
    return _(ENTITY_LABELS[entry.entity]) if entry.entity in ENTITY_LABELS else entry.entity


def action_label(entry: _Entry) -> str:
    return _(ACTION_LABELS.get(entry.action, entry.action))


def field_label(entry: _Entry) -> str:
    labels = HISTORY_FIELD_LABELS if entry.field in HISTORY_FIELD_LABELS else FIELD_LABELS
    return _(labels[entry.field]) if entry.field in labels else entry.field


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def value_text(entry: _Entry, value: Any) -> str:
    """A stored value as a reader reads it: codes in words, times in Beijing time, ids by the record's name,
    yes/no, readings joined; anything else as it is."""
    if value is None or value == "" or value == [] or value == {}:
        return ""
    column, table = entry.field, entry.entity
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return " / ".join(value_text(entry, v) for v in value)
    if isinstance(value, dict):
        if column in ("facts", "fact_overrides"):
            return "；".join(f"{fact_name(k)}：{describe_value(v)}" for k, v in value.items())
        return "；".join(f"{k}：{v}" for k, v in value.items())
    text = str(value)
    if column in _HASHES:
        return text[:12] + "…"
    if table == "findings" and column == "status" or table == "finding_events" and column == "status_after":
        try:
            return status_name(FindingStatus(text))
        except ValueError:
            return text
    if table == "finding_events" and column == "action":
        try:
            return action_name(FindingAction(text))
        except ValueError:
            return text
    enum = _ENUMS_BY_TABLE.get((table, column)) or _ENUMS.get(column)
    if enum is not None:
        return label_of(enum, text)
    if _ISO_TIME.match(text):
        try:
            return beijing_text(datetime.fromisoformat(text), seconds=True)
        except ValueError:
            return text
    if column.endswith("_id") and _is_uuid(text):
        return entry.names.get(text, text[:8] + "…")
    return text


def old_text(entry: _Entry) -> str:
    return value_text(entry, entry.old)


def new_text(entry: _Entry) -> str:
    return value_text(entry, entry.new)


def version_notes(version: AnswerVersion) -> str:
    """What else a reader must know of one answer version: live or replaced, taken back, corrected and why,
    copied from which unit, its note."""
    parts = []
    if version.live:
        parts.append(_("In force"))
    elif version.taken_back is not None:
        parts.append(_("Taken back by {by} at {at}").format(
            by=version.taken_back.by, at=beijing_text(version.taken_back.at, seconds=True)))
    else:
        parts.append(_("Replaced by a later answer"))
    if version.change_reason:
        parts.append(_("Corrected after the conclusion: {reason}").format(reason=version.change_reason))
    if version.copied_from:
        parts.append(_("Copied from {unit}").format(unit=version.copied_from))
    if version.values.note:
        parts.append(_("Note: {note}").format(note=version.values.note))
    return "；".join(parts)
