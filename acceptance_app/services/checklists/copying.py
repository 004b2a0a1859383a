"""Identical buildings: a 住宅小区 has many blocks built to one design. The inspector copies one block's answers to
another, item by item from a review list, never silently: measurements are copied only where ticked (a reading
belongs to the block it was taken in). And "the rest of this group 合格" answers a group's open items at once,
after a confirmation. Every copied answer names the answer it came from (answers.copied_from_id, in its audit).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.checklists.answers import AnswerInput
from acceptance_app.domain.checklists.applicability import item_applies
from acceptance_app.domain.checklists.form import AnswerType, Scope
from acceptance_app.domain.enums import InspectionStatus, ItemVerdict
from acceptance_app.domain.problems import KnownError
from acceptance_app.services.changes import Changes
from acceptance_app.services.checklists import forms as checklist_forms
from acceptance_app.services.checklists.inspections import (
    CHANGED,
    _current_row,
    _inspection,
    answer_item,
    latest_inspection,
    stored_answer,
)
from acceptance_app.services.projects import _unit_data
from acceptance_app.storage.models import Answer, Inspection, Unit


@dataclass(frozen=True)
class CopyCandidate:
    item_id: str
    text: str
    group_title: str
    source_answer_id: uuid.UUID
    source: AnswerInput
    source_verdict: ItemVerdict
    measured: bool  # readings or a count: copied only when ticked
    target_verdict: ItemVerdict | None  # what the target has now (None: unanswered)

    @property
    def ticked_by_default(self) -> bool:
        return not self.measured and self.target_verdict is None


def _source_inspection(session: Session, target: Inspection, source_unit_id: uuid.UUID) -> Inspection:
    if source_unit_id == target.unit_id:
        raise KnownError("copy.same_unit")
    source = latest_inspection(session, source_unit_id, target.discipline, target.kind)
    if source is None or not source.form_hash:
        unit = session.get(Unit, source_unit_id)
        raise KnownError("copy.no_source", unit=unit.name if unit else str(source_unit_id))
    return source


def copy_candidates(session: Session, target_id: uuid.UUID, source_unit_id: uuid.UUID) -> list[CopyCandidate]:
    """The source unit's live answers that the target could take: items of the target's form that apply to the
    target unit (project-level items are shared already and left out), in the form's order."""
    target = _inspection(session, target_id)
    source = _source_inspection(session, target, source_unit_id)
    target_unit, source_unit = session.get(Unit, target.unit_id), session.get(Unit, source.unit_id)
    assert target_unit is not None and source_unit is not None
    form = checklist_forms.pinned_form(session, target.form_hash)
    source_form = checklist_forms.pinned_form(session, source.form_hash)
    candidates = []
    for group in form.groups:
        for item in group.items:
            if item.scope is Scope.PROJECT or not item_applies(item, _unit_data(target_unit)):
                continue
            if not source_form.has_item(item.id):
                continue
            source_row = _current_row(session, source, source_unit, source_form.item(item.id))
            if source_row is None or source_row.verdict is ItemVerdict.PENDING:
                continue
            target_row = _current_row(session, target, target_unit, item)
            values = stored_answer(source_row).values
            candidates.append(CopyCandidate(
                item.id, item.text, group.title, source_row.id, values, source_row.verdict,
                measured=item.answer.type in (AnswerType.MEASURE, AnswerType.COUNT) and bool(values.samples),
                target_verdict=target_row.verdict if target_row is not None else None,
            ))
    return candidates


def copy_answers(session: Session, target_id: uuid.UUID, source_unit_id: uuid.UUID,
                 item_ids: list[str]) -> tuple[int, Changes]:
    """Copy the ticked items' answers (each its own new answer version, naming its source). Returns the count."""
    target = _inspection(session, target_id)
    if target.status is InspectionStatus.COMPLETED:
        raise KnownError("inspection.completed")
    wanted = set(item_ids)
    by_id = {c.item_id: c for c in copy_candidates(session, target_id, source_unit_id)}
    unknown = sorted(wanted - set(by_id))
    if unknown:
        raise KnownError("copy.not_offered", items="、".join(unknown))
    for item_id in [i for i in by_id if i in wanted]:  # in the form's order
        candidate = by_id[item_id]
        answer_item(session, target_id, item_id, candidate.source, copied_from_id=candidate.source_answer_id)
    return len(wanted), CHANGED


def open_items_of_group(session: Session, inspection_id: uuid.UUID, group_id: str) -> list[str]:
    """The group's verdict-type items still unanswered in this inspection (the ones "mark the rest 合格" takes;
    measured, counted and chosen items need their value)."""
    inspection = _inspection(session, inspection_id)
    unit = session.get(Unit, inspection.unit_id)
    assert unit is not None
    form = checklist_forms.pinned_form(session, inspection.form_hash)
    group = next((g for g in form.groups if g.id == group_id), None)
    if group is None:
        raise KnownError("copy.unknown_group", group=group_id)
    return [item.id for item in group.items
            if item.scope is not Scope.PROJECT and item_applies(item, _unit_data(unit))
            and item.answer.type in (AnswerType.VERDICT, AnswerType.TEXT)
            and _current_row(session, inspection, unit, item) is None]


def pass_rest_of_group(session: Session, inspection_id: uuid.UUID, group_id: str) -> tuple[list[str], Changes]:
    """Answer 合格 to every open verdict item of the group (after the UI's confirmation). Returns the item ids."""
    items = open_items_of_group(session, inspection_id, group_id)
    for item_id in items:
        answer_item(session, inspection_id, item_id, AnswerInput(verdict=ItemVerdict.PASS))
    return items, CHANGED if items else Changes()


def copied_from(session: Session, answer_id: uuid.UUID) -> str:
    """"3#住宅楼" — the unit an answer was copied from ("" when it was not copied)."""
    row = session.execute(
        sa.select(Unit.name).join(Answer, Answer.unit_id == Unit.id).where(
            Answer.id == sa.select(Answer.copied_from_id).where(Answer.id == answer_id).scalar_subquery())
    ).first()
    return row[0] if row else ""



def group_of_item(session: Session, inspection_id: uuid.UUID, item_id: str) -> tuple[str, str]:
    """(group id, group title) of the item in the inspection's form."""
    form = checklist_forms.pinned_form(session, _inspection(session, inspection_id).form_hash)
    for group in form.groups:
        if any(item.id == item_id for item in group.items):
            return group.id, group.title
    raise KnownError("answer.unknown_item", item=item_id, form=form.title, version=form.version)


def other_units(session: Session, inspection_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    """The project's other units with an inspection of this discipline and kind: where answers can come from."""
    target = _inspection(session, inspection_id)
    unit = session.get(Unit, target.unit_id)
    assert unit is not None
    rows = session.execute(
        sa.select(Unit.id, Unit.name).where(Unit.project_id == unit.project_id, Unit.id != unit.id,
                                            Unit.id.in_(sa.select(Inspection.unit_id).where(
                                                Inspection.discipline == target.discipline,
                                                Inspection.kind == target.kind)))
        .order_by(Unit.sort_order, Unit.name)
    )
    return [(row[0], row[1]) for row in rows]
