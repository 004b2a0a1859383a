"""A finding recorded from a checklist row (F, or the button under the list): discipline, unit, item, class and
the measured value filled in; then the photos of the defect, attached to the finding. The class follows the
item's; a lower class asks for the reason, which the finding's history keeps."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from acceptance_app.domain.checklists.form import AnswerType
from acceptance_app.domain.checklists.sheet import ItemRow
from acceptance_app.domain.enums import ItemClass, PartyRole
from acceptance_app.domain.findings import FindingData, class_lowered, validate_finding
from acceptance_app.domain.problems import Problem
from acceptance_app.i18n import _

from acceptance_app.ui.checklists.text import answer_text
from acceptance_app.ui.dialogs.form import Field, FormDialog
from acceptance_app.ui.findings.dialogs import PARTY_CHOICES


def finding_text(row: ItemRow) -> str:
    """"XF-12-3a 室内消火栓栓口动压：实测 0.12 MPa（要求 …）" — what the inspector would otherwise type."""
    text = f"{row.item.id} {row.item.text}"
    shown = answer_text(row)
    if row.answer is not None and shown and row.item.answer.type is not AnswerType.VERDICT:
        text += _(": measured {value} (required: {criterion})").format(value=shown, criterion=row.item.criterion)
    return text


def item_finding_dialog(row: ItemRow, parent: QWidget | None = None) -> FormDialog:
    """``result_data`` is ``(FindingData, class_reason)``."""
    item_class = row.item.item_class
    fields = [
        Field("description", _("Description")),
        Field("item_class", _("Class"), kind="choice", choices=list(ItemClass)),
        Field("class_reason", _("Reason for a lower class"),
              placeholder=_("only when the class is lower than the item's")),
        Field("party_role", _("Responsible party"), kind="choice", choices=list(PARTY_CHOICES)),
        Field("deadline_days", _("Deadline (working days)"), kind="int", optional_number=False),
    ]
    initial: dict[str, Any] = {"description": finding_text(row), "item_class": item_class,
                               "party_role": PartyRole.CONTRACTOR, "deadline_days": 15}

    def build(values: dict[str, Any]) -> tuple[FindingData, str]:
        data = FindingData(values["description"], values["item_class"], values["party_role"],
                           values["deadline_days"] if values["deadline_days"] is not None else 0, row.item.id)
        return data, (values["class_reason"] or "").strip()

    def validate(result: tuple[FindingData, str]) -> list[Problem]:
        data, reason = result
        problems = validate_finding(data)
        if class_lowered(item_class, ItemClass(data.item_class)) and not reason:
            problems.append(Problem("class_reason", "finding.class_reason",
                                    params={"item": row.item.id, "item_class": item_class.value}))
        return problems

    title = _("New finding on {item}").format(item=row.item.id)
    return FormDialog(title, fields, build, validate, initial, parent)
