"""One set of field rules (issue 20, item 8): the same verdict wherever a value comes from."""

from __future__ import annotations

import pytest

from acceptance_app.domain import field_rules
from acceptance_app.domain.entities import PartyData, ProjectData, UnitData
from acceptance_app.domain.enums import PartyRole
from acceptance_app.domain.validation import validate_party, validate_project, validate_unit


def _codes(problems) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(p.field, p.code) for p in problems}


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf"), float("1e309")])
def test_numbers_that_are_not_finite_are_refused(value: float) -> None:
    assert ("area_above", "number.not_finite") in _codes(validate_unit(UnitData("1#", area_above=value)))


def test_ranges_and_whole_numbers() -> None:
    problems = _codes(validate_unit(UnitData("1#", storeys_below=10**30, storeys_above=-1, height=1e6)))
    assert {("storeys_below", "number.too_large"), ("storeys_above", "number.non_negative"),
            ("height", "number.too_large")} <= problems
    assert ("storeys_above", "number.not_an_integer") in _codes(field_rules.check(UnitData("1#", storeys_above=2.5)))


def test_every_text_limit_is_its_column_length() -> None:
    from acceptance_app.storage.models import Party, Project, Unit

    for entity, model in (("project", Project), ("party", Party), ("unit", Unit)):
        for name, limit in field_rules.TEXT_LIMITS[entity].items():
            assert model.__table__.c[name].type.length == limit, (entity, name)


def test_texts_too_long_or_with_control_characters_are_refused_by_field() -> None:
    project = ProjectData("项目", "2024-370112-47-01-000001", location="地" * 301, planning_permit_no="a\x00b")
    assert {("location", "too_long"), ("planning_permit_no", "text.bad_character")} <= _codes(
        validate_project(project))
    party = PartyData(PartyRole.BUILDER, "建设单位", "91370112MA3NCK2L5X", phone="1" * 51, contact_person="\ud800")
    assert {("phone", "too_long"), ("contact_person", "text.bad_character")} <= _codes(validate_party(party))


def test_full_width_digits_and_spaces_are_normalised() -> None:
    unit = field_rules.normalised(UnitData("　４#楼 ", building_no="１２", unit_code="３７０１ＡＢ"))
    assert (unit.name, unit.building_no, unit.unit_code) == ("4#楼", "12", "3701AB")
    project = field_rules.normalised(ProjectData("项目", "２０２４-３７０１１２-４７-０１-０００００１"))
    assert project.project_code == "2024-370112-47-01-000001" and not validate_project(project)
