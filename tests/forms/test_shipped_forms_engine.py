"""The shipped forms through the real form engine: they check clean, and their rules behave as an inspector
expects on typical buildings (which stacked height items show, what a measured value gives)."""

from __future__ import annotations

from pathlib import Path

import pytest

from acceptance_app.domain.checklists.answers import sample_passes
from acceptance_app.domain.checklists.applicability import applicable_items
from acceptance_app.domain.entities import UnitData
from acceptance_app.domain.enums import BuildingUse, Discipline
from acceptance_app.storage.forms.loader import check_paths, load_library

FORMS = Path(__file__).resolve().parents[2] / "forms"


@pytest.fixture(scope="module")
def library():
    return load_library(FORMS)


def test_forms_check_finds_nothing_in_the_shipped_folder(library):
    assert check_paths([FORMS]) == []
    assert set(library.forms) == set(Discipline)
    assert library.jurisdiction("370100").chain == ("370100", "370000")


def _shown(library, discipline: Discipline, **unit) -> set[str]:
    return {item.id for item in applicable_items(library.form(discipline), UnitData(name="测试楼", **unit))}


def test_stacked_height_items_show_only_the_steps_a_building_reaches(library):
    low = _shown(library, Discipline.FIRE, use=BuildingUse.RESIDENTIAL, height=18.0)
    mid = _shown(library, Discipline.FIRE, use=BuildingUse.RESIDENTIAL, height=60.0)
    tall = _shown(library, Discipline.FIRE, use=BuildingUse.RESIDENTIAL, height=120.0)
    insulation = {"XF-04-1", "XF-04-1a", "XF-04-1b"}
    assert low & insulation == {"XF-04-1"}
    assert mid & insulation == {"XF-04-1", "XF-04-1a"}
    assert tall & insulation == insulation
    tanks = {"XF-11-2", "XF-11-2a", "XF-11-2b", "XF-11-2c"}
    assert mid & tanks == {"XF-11-2", "XF-11-2a", "XF-11-2b"}
    assert "XF-09-7" in tall and "XF-09-7" not in mid  # 避难层 only above 100 m
    office = _shown(library, Discipline.FIRE, use=BuildingUse.OFFICE, height=30.0)
    assert office & {"XF-04-1", "XF-04-1c", "XF-04-1d", "XF-04-1e"} == {"XF-04-1c", "XF-04-1d"}


def test_civil_air_defense_items_show_only_for_units_with_civil_air_defense_works(library):
    assert _shown(library, Discipline.CIVIL_AIR_DEFENSE, has_civil_air_defense=False) == set()
    garage = _shown(
        library, Discipline.CIVIL_AIR_DEFENSE, use=BuildingUse.PARKING, has_civil_air_defense=True
    )
    assert len(garage) == len(library.form(Discipline.CIVIL_AIR_DEFENSE).items)  # every RF item applies
    basement_only = {"GH-B5", "GH-C2a", "GH-D1b"}
    assert _shown(library, Discipline.PLANNING, storeys_below=0) & basement_only == set()
    assert _shown(library, Discipline.PLANNING, storeys_below=2) >= basement_only


@pytest.mark.parametrize(
    ("item_id", "design", "measured", "passes"),
    [
        ("GH-D1", 12000, 12050, True),  # > 10000 m²: ±0.5 %
        ("GH-D1", 12000, 12080, False),
        ("GH-D1", 3000, 3050, True),  # 1000-5000 m²: ±2 %
        ("GH-D1", 800, 820, True),  # <= 1000 m²: ±3 %
        ("GH-D1", 800, 830, False),
        ("XF-02-1", 13.0, 12.4, True),  # 防火间距: at most 5 % short of the design
        ("XF-02-1", 13.0, 12.3, False),
        ("XF-02-1", 13.0, 20.0, True),
        ("XF-06-1", 2000, 2090, True),  # 防火分区面积: at most 5 % over the design
        ("XF-06-1", 2000, 2110, False),
        ("XF-06-1", 2000, 1500, True),
        ("XF-02-2", None, 3.9, False),  # 消防车道净宽 >= 4.0 m, whatever the design says
        ("XF-14-1", None, 45, True),  # 楼梯间余压 40-50 Pa
        ("XF-14-1", None, 55, False),
        ("GH-B1", None, 0.06, True),  # 角点偏差 <= 0.10 m (inferred limit)
    ],
)
def test_measured_values_get_the_verdict_an_inspector_expects(library, item_id, design, measured, passes):
    jinan = library.jurisdiction("370100")
    item = next(
        item for form in library.forms.values() for item in form.items if item.id == item_id
    )  # fmt: skip
    assert sample_passes(item, measured, design, jinan) is passes
