"""How conflicts and sync figures read in the UI."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from acceptance_app.domain.beijing_time import beijing_iso_text, beijing_text
from acceptance_app.i18n import N_, _
from acceptance_app.services.exchange.conflicts import ConflictRow
from acceptance_app.text import FIELD_LABELS

from acceptance_app.ui.models.rows_model import Column

ENTITY_LABELS = {
    "projects": N_("Project"),
    "parties": N_("Responsible party"),
    "units": N_("Unit"),
    "inspectors": N_("Inspector"),
    "inspections": N_("Inspection"),
    "answers": N_("Checklist answer"),
    "findings": N_("Finding"),
    "finding_events": N_("Finding step"),
    "commitments": N_("Commitment"),
    "procedure_events": N_("Procedure step"),
    "photos": N_("Photo"),
    "photo_links": N_("Photo link"),
    "photo_annotations": N_("Photo annotation"),
    "documents": N_("Document"),
    "document_signatures": N_("Signature"),
}


def entity_label(entity: str) -> str:
    return _(ENTITY_LABELS[entity]) if entity in ENTITY_LABELS else entity


def _short(value: Any) -> str:
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= 24 else text[:23] + "…"


def differences_text(row: ConflictRow) -> str:
    """What differs, as "column: local → remote", the columns a person can judge first."""
    return "；".join(f"{_(FIELD_LABELS.get(column, column))}：{_short(local)} → {_short(remote)}"
                    for column, (local, remote) in sorted(row.differences.items()))


def conflict_columns(department: Callable[[str], str]) -> list[Column[ConflictRow]]:
    """``department``: a department code as the window names it (ui.departments.department_text)."""
    return [
        Column(lambda: _("Record"), lambda r: entity_label(r.entity)),
        Column(lambda: _("From"), lambda r: f"{r.remote_inspector}（{department(r.remote_department)}）"),
        Column(lambda: _("Received"), lambda r: beijing_iso_text(r.created_at, seconds=False)),
        Column(lambda: _("This laptop → the other"), differences_text, tooltip=differences_text),
    ]


def when(value: datetime | None) -> str:
    return beijing_text(value, empty=_("never"))
