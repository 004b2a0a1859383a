"""The unit x discipline matrix: which status each cell shows, derived from inspections."""

from __future__ import annotations

from collections.abc import Iterable

from acceptance_app.domain.entities import InspectionSummary, UnitData
from acceptance_app.domain.enums import (
    DISCIPLINES,
    CellStatus,
    Discipline,
    InspectionKind,
    InspectionStatus,
    Verdict,
)


def discipline_applies(unit: UnitData, discipline: Discipline) -> bool:
    # 人防 acceptance only concerns units that contain 人防 works; the others are 不涉及.
    if discipline is Discipline.CIVIL_AIR_DEFENSE:
        return unit.has_civil_air_defense
    return True


_VERDICT_CELL = {
    Verdict.PASSED: CellStatus.PASSED,
    Verdict.FAILED: CellStatus.FAILED,
    Verdict.RECHECK: CellStatus.RECTIFYING,
    Verdict.NOT_APPLICABLE: CellStatus.NOT_APPLICABLE,
}


def cell_status(unit: UnitData, discipline: Discipline, inspections: Iterable[InspectionSummary]) -> CellStatus:
    """Status from the latest formal round; technical-service sessions are advisory and do not count."""
    if not discipline_applies(unit, discipline):
        return CellStatus.NOT_APPLICABLE
    formal = [i for i in inspections if i.discipline is discipline and i.kind is InspectionKind.FORMAL]
    if not formal:
        return CellStatus.NOT_STARTED
    latest = max(formal, key=lambda i: i.round)
    if latest.status is InspectionStatus.COMPLETED and latest.verdict is not None:
        return _VERDICT_CELL[latest.verdict]
    if latest.status is InspectionStatus.NOT_STARTED:
        return CellStatus.NOT_STARTED if latest.round == 1 else CellStatus.RECTIFYING
    return CellStatus.IN_PROGRESS if latest.round == 1 else CellStatus.RECTIFYING


def unit_cells(unit: UnitData, inspections: Iterable[InspectionSummary]) -> dict[Discipline, CellStatus]:
    items = list(inspections)
    return {d: cell_status(unit, d, items) for d in DISCIPLINES}
