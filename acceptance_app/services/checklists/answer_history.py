"""The history of one item's answer in one unit: every version ever given (answers are versioned, never
deleted), in technical service and in each formal round, who gave it, when, on which laptop, why it was
corrected after the conclusion, where a copied answer came from, and which versions were taken back (undo).
What an office reads when a verdict is challenged; the window's 历史 button and ``inspections history``."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.checklists.answers import AnswerInput
from acceptance_app.domain.checklists.form import Item, Scope
from acceptance_app.domain.enums import InspectionKind, ItemVerdict
from acceptance_app.services.checklists import forms as checklist_forms
from acceptance_app.services.checklists.inspections import stored_answer
from acceptance_app.services.common import get_or_raise
from acceptance_app.storage.models import Answer, AuditEvent, Inspection, Unit


@dataclass(frozen=True)
class TakenBack:
    at: datetime
    by: str


@dataclass(frozen=True)
class AnswerVersion:
    answer_id: uuid.UUID
    at: datetime
    by: str
    device: str
    kind: InspectionKind
    round: int
    verdict: ItemVerdict
    values: AnswerInput
    change_reason: str  # given when the discipline was already concluded (更正)
    copied_from: str  # the unit it was copied from ("identical buildings"), "" otherwise
    live: bool
    taken_back: TakenBack | None  # retired by undo, with nothing replacing it


@dataclass(frozen=True)
class ItemHistory:
    item: Item
    unit_name: str
    versions: tuple[AnswerVersion, ...]  # oldest first


def _taken_back(session: Session, rows: list[Answer]) -> dict[uuid.UUID, TakenBack]:
    """Retired versions that no later version replaced were taken back: when and by whom, from the audit."""
    replaced = {row.replaces_id for row in rows if row.replaces_id is not None}
    undone = [row.id for row in rows if row.retired and row.id not in replaced]
    found: dict[uuid.UUID, TakenBack] = {}
    if not undone:
        return found
    events = session.scalars(sa.select(AuditEvent).where(
        AuditEvent.entity == Answer.__tablename__, AuditEvent.entity_id.in_([str(i) for i in undone]),
        AuditEvent.action == "update").order_by(AuditEvent.at))
    for event in events:
        change = (event.changes or {}).get("retired")
        if isinstance(change, list | tuple) and change[-1] is True:
            found[uuid.UUID(event.entity_id)] = TakenBack(event.at, event.actor)
    return found


def _source_units(session: Session, rows: list[Answer]) -> dict[uuid.UUID, str]:
    sources = {row.copied_from_id for row in rows if row.copied_from_id is not None}
    if not sources:
        return {}
    return dict(session.execute(
        sa.select(Answer.id, Unit.name).join(Unit, Unit.id == Answer.unit_id).where(Answer.id.in_(sources))
    ).tuples().all())


def item_history(session: Session, inspection_id: uuid.UUID, item_id: str) -> ItemHistory:
    inspection = get_or_raise(session, Inspection, inspection_id)
    unit = session.get(Unit, inspection.unit_id)
    assert unit is not None
    item = checklist_forms.pinned_form(session, inspection.form_hash).item(item_id)
    scope = (Answer.unit_id.is_(None) if item.scope is Scope.PROJECT else Answer.unit_id == unit.id)
    rows = list(session.scalars(
        sa.select(Answer).where(Answer.item_id == item.id, Answer.discipline == inspection.discipline,
                                Answer.project_id == unit.project_id, scope)
        .order_by(Answer.answered_at, Answer.sequence)))
    taken_back = _taken_back(session, rows)
    sources = _source_units(session, rows)
    versions = tuple(
        AnswerVersion(row.id, row.answered_at, row.answered_by, row.origin_device, row.kind, row.round,
                      row.verdict, stored_answer(row).values, row.change_reason,
                      sources.get(row.copied_from_id, "") if row.copied_from_id else "",
                      not row.retired, taken_back.get(row.id))
        for row in rows)
    return ItemHistory(item, unit.name, versions)
