"""Concluding an inspection, and the verdicts with their reasons for units and projects.

The functions the documents call:
- ``record_items(session, inspection_id)`` every applicable item with answer, measurement, samples, source;
- ``deciding_items(session, unit_id, discipline)`` the items that decided the unit's discipline verdict;
- ``conclusion(session, inspection_id)`` the discipline outcome of one inspection (verdict, rule, items);
- ``unit_verdict(session, unit_id)`` / ``project_verdict(session, project_id)`` joint verdicts with reasons.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.checklists.sheet import ItemRow
from acceptance_app.domain.checklists.verdicts import (
    DisciplineOutcome,
    JointOutcome,
    Reason,
    joint_project_verdict,
    joint_unit_verdict,
)
from acceptance_app.domain.enums import (
    DISCIPLINES,
    Discipline,
    InspectionKind,
    InspectionStatus,
    ItemVerdict,
    Verdict,
)
from acceptance_app.domain.matrix import discipline_applies
from acceptance_app.domain.problems import KnownError
from acceptance_app.services.changes import Changes
from acceptance_app.services.checklists.inspections import (
    CHANGED,
    InspectionInfo,
    _inspection,
    inspection_sheet,
    latest_inspection,
)
from acceptance_app.services.common import get_or_raise
from acceptance_app.services.projects import _unit_data
from acceptance_app.storage.models import Unit, utcnow


@dataclass(frozen=True)
class Conclusion:
    info: InspectionInfo
    outcome: DisciplineOutcome
    advisory: bool  # technical service: never a legal verdict


def conclude_inspection(session: Session, inspection_id: uuid.UUID) -> tuple[Conclusion, Changes]:
    """Fix the verdict. Refused, with the items listed, while any item is unanswered or lacks evidence."""
    current = inspection_sheet(session, inspection_id)
    if current.info.status is InspectionStatus.COMPLETED:
        raise KnownError("inspection.completed")
    blocking = [row for row in current.sheet.rows if row.blocking]
    if blocking:
        raise KnownError("inspection.incomplete", count=len(blocking), items=_blocking_items(blocking),
                         more=len(blocking) > 12)
    inspection = _inspection(session, inspection_id)
    inspection.status = InspectionStatus.COMPLETED
    inspection.verdict = current.sheet.outcome.verdict
    inspection.completed_at = utcnow()
    session.flush()
    return conclusion(session, inspection_id), CHANGED


def _blocking_items(rows: list[ItemRow], limit: int = 12) -> tuple[tuple[str, tuple[str, ...] | None], ...]:
    """(item id, the evidence kinds it lacks; None when unanswered) of the first ``limit`` blocking rows."""
    return tuple(
        (row.item.id, tuple(k.value for k in row.missing) if row.verdict is not ItemVerdict.PENDING else None)
        for row in rows[:limit]
    )


def conclusion(session: Session, inspection_id: uuid.UUID) -> Conclusion:
    current = inspection_sheet(session, inspection_id)
    return Conclusion(current.info, current.sheet.outcome, current.info.advisory)


def record_items(session: Session, inspection_id: uuid.UUID) -> tuple[ItemRow, ...]:
    """Every applicable item in form order: ``row.item`` (text, criterion, class, answer spec, ``source``),
    ``row.answer.values`` (samples, design, choice, text, note, na_reason), ``row.verdict``, ``row.shared``."""
    return inspection_sheet(session, inspection_id).sheet.rows


def discipline_outcome(
    session: Session, unit_id: uuid.UUID, discipline: Discipline, kind: InspectionKind = InspectionKind.FORMAL
) -> DisciplineOutcome:
    """The unit's verdict in one discipline from its latest inspection (None verdict: not started or open)."""
    unit = get_or_raise(session, Unit, unit_id)
    if not discipline_applies(_unit_data(unit), discipline):
        return DisciplineOutcome(discipline, Verdict.NOT_APPLICABLE, Reason.NOT_APPLICABLE)
    latest = latest_inspection(session, unit_id, discipline, kind)
    if latest is None or not latest.form_hash:
        return DisciplineOutcome(discipline, None, Reason.INCOMPLETE)
    return inspection_sheet(session, latest.id).sheet.outcome


def deciding_items(
    session: Session, unit_id: uuid.UUID, discipline: Discipline, kind: InspectionKind = InspectionKind.FORMAL
) -> tuple[ItemRow, ...]:
    """The rows of the items that decided the unit's verdict in ``discipline`` (failed or, while open,
    unanswered); empty when everything passed or nothing applies."""
    latest = latest_inspection(session, unit_id, discipline, kind)
    if latest is None or not latest.form_hash:
        return ()
    sheet = inspection_sheet(session, latest.id).sheet
    return tuple(sheet.row(item_id) for item_id in sheet.outcome.deciding)


@dataclass(frozen=True)
class UnitVerdict:
    unit_id: uuid.UUID
    unit_name: str
    disciplines: tuple[DisciplineOutcome, ...]
    joint: JointOutcome


@dataclass(frozen=True)
class ProjectVerdict:
    project_id: uuid.UUID
    units: tuple[UnitVerdict, ...]
    joint: JointOutcome  # deciding = unit names that are not 合格


def unit_verdict(
    session: Session, unit_id: uuid.UUID, kind: InspectionKind = InspectionKind.FORMAL
) -> UnitVerdict:
    unit = get_or_raise(session, Unit, unit_id)
    outcomes = tuple(discipline_outcome(session, unit_id, d, kind) for d in DISCIPLINES)
    return UnitVerdict(unit.id, unit.name, outcomes, joint_unit_verdict(outcomes))


def project_verdict(
    session: Session, project_id: uuid.UUID, kind: InspectionKind = InspectionKind.FORMAL
) -> ProjectVerdict:
    units = session.scalars(
        sa.select(Unit).where(Unit.project_id == project_id).order_by(Unit.sort_order, Unit.name)
    )
    verdicts = tuple(unit_verdict(session, u.id, kind) for u in units)
    joint = joint_project_verdict({v.unit_name: v.joint.verdict for v in verdicts})
    return ProjectVerdict(project_id, verdicts, joint)
