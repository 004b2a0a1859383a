"""The finding, note and commitment dialogs: field lists over the shared FormDialog."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from acceptance_app.domain.enums import RESPONSIBLE_PARTY_ROLES, Discipline, ItemClass, PartyRole
from acceptance_app.domain.findings import (
    CommitmentData,
    CommitmentKind,
    FindingData,
    FindingRow,
    validate_commitment,
    validate_finding,
)
from acceptance_app.domain.problems import Problem
from acceptance_app.i18n import _

from acceptance_app.ui.dialogs.form import Field, FormDialog

PARTY_CHOICES = (*RESPONSIBLE_PARTY_ROLES, PartyRole.FIRE_SERVICE)


def finding_dialog(disciplines: Sequence[Discipline], row: FindingRow | None = None,
                   parent: QWidget | None = None) -> FormDialog:
    """New finding (choose the discipline) or correction of one (the discipline stays). ``result_data`` is
    ``(discipline, FindingData)``."""
    fields = [
        Field("description", _("Description"), placeholder=_("e.g. fire door closer missing")),
        Field("item_id", _("Checklist item"), placeholder="XF-04-1"),
        Field("item_class", _("Class"), kind="choice", choices=list(ItemClass)),
        Field("party_role", _("Responsible party"), kind="choice", choices=list(PARTY_CHOICES)),
        Field("deadline_days", _("Deadline (working days)"), kind="int", optional_number=False),
    ]
    if row is None:
        fields.insert(0, Field("discipline", _("Discipline"), kind="choice", choices=list(disciplines)))
    initial: dict[str, Any] = {"item_class": ItemClass.B, "party_role": PartyRole.CONTRACTOR, "deadline_days": 15}
    if row is not None:
        initial = {"description": row.description, "item_id": row.item_id or "", "item_class": row.item_class,
                   "party_role": row.party_role, "deadline_days": row.deadline_days}
    fixed = row.discipline if row is not None else None

    def build(values: dict[str, Any]) -> tuple[Discipline, FindingData]:
        data = FindingData(values["description"], values["item_class"], values["party_role"],
                           values["deadline_days"] if values["deadline_days"] is not None else 0,
                           values["item_id"] or None)
        discipline = values.get("discipline", fixed)
        assert discipline is not None  # the form asks for it when the finding has none yet
        return discipline, data

    title = _("Edit finding") if row else _("New finding")
    return FormDialog(title, fields, build, lambda result: validate_finding(result[1]), initial, parent)


def note_dialog(title: str, parent: QWidget | None = None) -> FormDialog:
    """A note for a step (what was done, what the re-check found); ``result_data`` is the text."""
    return FormDialog(title, [Field("note", _("Note"))], lambda v: v["note"], lambda _note: [], None, parent)


def commitment_dialog(parent: QWidget | None = None, today: date | None = None) -> FormDialog:
    fields = [
        Field("kind", _("Kind"), kind="choice", choices=list(CommitmentKind)),
        Field("subject", _("Subject"), placeholder=_("e.g. transfer of the archives")),
        Field("promise", _("Promised material or condition")),
        Field("party_role", _("Responsible party"), kind="choice", choices=list(PARTY_CHOICES)),
        Field("due_on", _("Promised date"), placeholder="2027-02-28"),
    ]
    day = today or date.today()

    def build(values: dict[str, Any]) -> CommitmentData | list[Problem]:
        try:
            due = date.fromisoformat(values["due_on"])
        except ValueError:
            return [Problem("due_on", "date.format", params={"value": values["due_on"]})]
        return CommitmentData(values["kind"], values["subject"], values["promise"], values["party_role"], due)

    def validate(data: CommitmentData | list[Problem]) -> list[Problem]:
        return data if isinstance(data, list) else validate_commitment(data, day)

    return FormDialog(_("New commitment"), fields, build, validate, {"party_role": PartyRole.BUILDER}, parent)
