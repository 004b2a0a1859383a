"""Field rules for projects, parties and units. Returns Problems; the caller decides what blocks."""

from __future__ import annotations

from datetime import date

from acceptance_app.domain import field_rules, identifiers
from acceptance_app.domain.entities import PartyData, ProjectData, UnitData
from acceptance_app.domain.problems import Problem, Severity


def _required(value: str, field: str) -> list[Problem]:
    text = value.strip() if isinstance(value, str) else ""
    return [] if text else [Problem(field, "required")]


def _rules(data: ProjectData | PartyData | UnitData) -> tuple[list[Problem], set[str]]:
    """Length, character and range problems (field_rules), and the fields they concern: those fields' own
    checks below would only repeat the complaint or fail on the bad value."""
    problems = field_rules.check(data)
    return problems, {p.field for p in problems}


def validate_project(data: ProjectData, today: date | None = None) -> list[Problem]:
    problems, bad = _rules(data)
    problems += _required(data.name, "name")
    if "project_code" not in bad:
        problems += identifiers.check_project_code(data.project_code, today=today)
    if "region_code" not in bad and data.region_code and not (
            len(data.region_code) == 6 and data.region_code.isascii() and data.region_code.isdigit()):
        problems.append(Problem("region_code", "region_code.pattern", params={"value": data.region_code}))
    if data.issuing_organ and not (len(data.issuing_organ) == 6 and data.issuing_organ.isdigit()):
        problems.append(Problem("issuing_organ", "region_code.pattern", params={"value": data.issuing_organ}))
    if "land_use_area" not in bad and data.land_use_area is not None and data.land_use_area <= 0:
        problems.append(Problem("land_use_area", "number.positive"))
    return problems


def validate_party(data: PartyData) -> list[Problem]:
    problems, bad = _rules(data)
    return problems + _required(data.name, "name") + ([] if "uscc" in bad else identifiers.check_uscc(data.uscc))


def _non_negative(value: float | int | None, field: str) -> list[Problem]:
    if value is not None and value < 0:
        return [Problem(field, "number.non_negative")]
    return []


def validate_unit(data: UnitData) -> list[Problem]:
    problems, bad = _rules(data)
    problems += _required(data.name, "name")
    if bad & {"unit_code", "real_estate_unit_code", "building_no", "area_above", "area_below", "storeys_above",
              "storeys_below", "height"}:
        return problems  # the checks below read these values as codes and numbers
    problems += identifiers.check_unit_code(data.unit_code)
    if data.real_estate_unit_code:
        bdc = identifiers.check_real_estate_unit_code(data.real_estate_unit_code)
        problems += bdc
        number = identifiers.real_estate_building_number(data.real_estate_unit_code)
        digits = "".join(c for c in data.building_no if c.isdigit())
        if not bdc and number is not None and digits and int(number) != int(digits):
            problems.append(
                Problem(
                    "real_estate_unit_code",
                    "bdc.building_mismatch",
                    Severity.WARNING,
                    params={"in_code": number, "building_no": data.building_no},
                )
            )
    for field in ("area_above", "area_below", "storeys_above", "storeys_below", "height"):
        problems += _non_negative(getattr(data, field), field)
    if data.storeys_above is not None and data.storeys_above > 200:
        problems.append(Problem("storeys_above", "number.implausible", params={"value": data.storeys_above}))
    if data.height is not None and data.height > 700:
        problems.append(Problem("height", "number.implausible", params={"value": data.height}))
    if data.storeys_below and data.area_below == 0:
        problems.append(Problem("area_below", "unit.below_ground_area_missing", Severity.WARNING))
    return problems
