"""Text of the audit trail: what kind of record changed and how (the history dialog, the CSV and XLSX exports)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from acceptance_app.i18n import N_, _
from acceptance_app.text.core import FIELD_LABELS

if TYPE_CHECKING:
    from acceptance_app.services.audit_trail import HistoryEntry as _Entry


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
}


def entity_label(entry: _Entry) -> str:
    return _(ENTITY_LABELS[entry.entity]) if entry.entity in ENTITY_LABELS else entry.entity


def action_label(entry: _Entry) -> str:
    return _(ACTION_LABELS.get(entry.action, entry.action))


def field_label(entry: _Entry) -> str:
    labels = HISTORY_FIELD_LABELS if entry.field in HISTORY_FIELD_LABELS else FIELD_LABELS
    return _(labels[entry.field]) if entry.field in labels else entry.field
