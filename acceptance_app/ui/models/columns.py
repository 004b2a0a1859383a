"""Column sets of the project list, the party list and the unit x discipline matrix."""

from __future__ import annotations

from acceptance_app.domain.entities import PartyRow, ProjectRow, UnitRow
from acceptance_app.domain.enums import DISCIPLINES, CellStatus, Discipline
from acceptance_app.domain.identifiers import format_real_estate_unit_code
from acceptance_app.i18n import _
from acceptance_app.text.labels import label

from acceptance_app.ui.models.rows_model import Column

CELL_COLORS = {
    CellStatus.NOT_STARTED: "#f2f2f2",
    CellStatus.IN_PROGRESS: "#d6e9fb",
    CellStatus.PASSED: "#cdeccf",
    CellStatus.FAILED: "#f8c9c4",
    CellStatus.RECTIFYING: "#fde5b8",
    CellStatus.NOT_APPLICABLE: "#ffffff",
}


def _number(value: float | int | None, digits: int = 2) -> str:
    if value is None:
        return ""
    return f"{value:,.{digits}f}" if isinstance(value, float) else str(value)


PROJECT_COLUMNS: list[Column[ProjectRow]] = [
    Column(lambda: _("Project name"), lambda r: r.name),
    Column(lambda: _("Project code"), lambda r: r.project_code),
    Column(lambda: _("Builder"), lambda r: r.builder_name),
    Column(lambda: _("Units"), lambda r: str(r.unit_count), align_right=True),
]

PARTY_COLUMNS: list[Column[PartyRow]] = [
    Column(lambda: _("Role"), lambda r: label(r.data.role)),
    Column(lambda: _("Name"), lambda r: r.data.name),
    Column(lambda: _("Unified social credit code"), lambda r: r.data.uscc),
    Column(lambda: _("Contact"), lambda r: r.data.contact_person),
    Column(lambda: _("Phone"), lambda r: r.data.phone),
]


def _cell_column(discipline: Discipline) -> Column[UnitRow]:
    return Column(
        lambda: label(discipline),
        lambda r: label(r.cells.get(discipline, CellStatus.NOT_STARTED)),
        background=lambda r: CELL_COLORS[r.cells.get(discipline, CellStatus.NOT_STARTED)],
    )


UNIT_COLUMNS: list[Column[UnitRow]] = [
    Column(lambda: _("Unit"), lambda r: r.data.name),
    Column(lambda: _("Building no."), lambda r: r.data.building_no),
    Column(lambda: _("Area above (m²)"), lambda r: _number(r.data.area_above), align_right=True),
    Column(lambda: _("Area below (m²)"), lambda r: _number(r.data.area_below), align_right=True),
    Column(
        lambda: _("Storeys"),
        lambda r: f"{_number(r.data.storeys_above)}/{_number(r.data.storeys_below)}",
        align_right=True,
    ),
    Column(lambda: _("Height (m)"), lambda r: _number(r.data.height), align_right=True),
    Column(lambda: _("Use"), lambda r: label(r.data.use)),
    Column(
        lambda: _("Real estate unit code"),
        lambda r: format_real_estate_unit_code(r.data.real_estate_unit_code),
    ),
    *[_cell_column(d) for d in DISCIPLINES],
]
