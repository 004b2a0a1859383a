"""One set of field rules for projects, parties and units: lengths, characters, number ranges.

The same rules serve the dialogs (through domain.validation), the CLI and the services (which also normalise
before they store) and the exchange import (sync.merge), so a value one laptop accepts is never one another
laptop's import refuses: the text limits are the columns' own lengths (storage/models/core.py), which the
exchange decoder enforces. Normalising: white space at either end is dropped, the ideographic space becomes a
space, and full-width digits (what a Chinese input method types) become ASCII digits; in code fields (codes,
permit numbers, phone) every full-width ASCII character does. Control characters and undecodable bytes (a
non-UTF-8 command line arrives as lone surrogates) are refused with their position. Numbers must be finite
(NaN, inf and 1e309 are refused) and within a plausible range.
"""

from __future__ import annotations

import dataclasses
import math
import unicodedata
from typing import Any, TypeVar

from acceptance_app.domain.entities import PartyData, ProjectData, UnitData
from acceptance_app.domain.problems import Problem

# Column lengths (characters) of storage/models/core.py.
TEXT_LIMITS: dict[str, dict[str, int]] = {
    "project": {"name": 200, "project_code": 24, "engineering_code": 64, "location": 300, "region_code": 6,
                "planning_permit_no": 100, "construction_permit_no": 100},
    "party": {"name": 200, "uscc": 18, "contact_person": 100, "phone": 50},
    "unit": {"name": 200, "building_no": 50, "unit_code": 40, "real_estate_unit_code": 28},
}
CODE_FIELDS = frozenset({"project_code", "engineering_code", "region_code", "planning_permit_no",
                         "construction_permit_no", "uscc", "phone", "unit_code", "real_estate_unit_code"})
# (minimum, maximum, whole number). Storeys: GB 50352-2019 §3.1.2 calls a building over 100 m a super-high-rise,
# and the tallest buildings have about 160 storeys; heights above 700 m and areas above 10 km² are typing errors.
NUMBER_RANGES: dict[str, dict[str, tuple[float, float, bool]]] = {
    "project": {"land_use_area": (0, 10_000_000, False)},
    "unit": {"area_above": (0, 10_000_000, False), "area_below": (0, 10_000_000, False),
             "storeys_above": (0, 200, True), "storeys_below": (0, 30, True), "height": (0, 700, False)},
}
ENTITY_OF = {ProjectData: "project", PartyData: "party", UnitData: "unit"}

_FULL_WIDTH_DIGITS = {ord("０") + i: ord("0") + i for i in range(10)}
_FULL_WIDTH_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}

Data = TypeVar("Data", ProjectData, PartyData, UnitData)


def clean_text(value: str, code: bool = False) -> str:
    text = value.translate(_FULL_WIDTH_ASCII if code else _FULL_WIDTH_DIGITS).replace("\u3000", " ")
    return text.strip()


def normalised(data: Data) -> Data:
    """The same data with every text field cleaned (see the module docstring)."""
    entity = ENTITY_OF[type(data)]
    changes: dict[str, Any] = {name: clean_text(getattr(data, name), name in CODE_FIELDS)
               for name in TEXT_LIMITS[entity] if isinstance(getattr(data, name), str)}
    return dataclasses.replace(data, **changes)


def text_problems(field: str, value: Any, limit: int) -> list[Problem]:
    if not isinstance(value, str):
        return [Problem(field, "text.not_text")]
    for position, char in enumerate(value, 1):
        category = unicodedata.category(char)
        if category in ("Cc", "Cs", "Co", "Cn") or char in "\u2028\u2029":
            return [Problem(field, "text.bad_character", params={"position": position,
                                                                   "code": f"U+{ord(char):04X}"})]
    if len(value) > limit:
        return [Problem(field, "too_long", params={"max": limit})]
    return []


def number_problems(field: str, value: Any, minimum: float, maximum: float, whole: bool) -> list[Problem]:
    if value is None:
        return []
    if isinstance(value, bool) or not isinstance(value, int | float):
        return [Problem(field, "number.not_a_number", params={"value": str(value)[:40]})]
    if isinstance(value, float) and not math.isfinite(value):
        return [Problem(field, "number.not_finite", params={"value": str(value)})]
    if whole and value != int(value):
        return [Problem(field, "number.not_an_integer", params={"value": value})]
    if value < minimum:
        return [Problem(field, "number.non_negative" if minimum == 0 else "number.too_small",
                        params={"min": minimum})]
    if value > maximum:
        return [Problem(field, "number.too_large", params={"value": _short(value), "max": _short(maximum)})]
    return []


def check(data: ProjectData | PartyData | UnitData) -> list[Problem]:
    """Every field of ``data`` against its rule (as given: normalise first where the caller stores it)."""
    entity = ENTITY_OF[type(data)]
    problems = []
    for name, limit in TEXT_LIMITS[entity].items():
        problems += text_problems(name, getattr(data, name), limit)
    for name, (minimum, maximum, whole) in NUMBER_RANGES.get(entity, {}).items():
        problems += number_problems(name, getattr(data, name), minimum, maximum, whole)
    return problems


def check_row(entity: str, row: dict[str, Any]) -> list[Problem]:
    """The same rules over an exchange row of ``projects``, ``parties`` or ``units`` (its other columns aside)."""
    problems = []
    for name, limit in TEXT_LIMITS[entity].items():
        if name in row:
            problems += text_problems(name, row[name], limit)
    for name, (minimum, maximum, whole) in NUMBER_RANGES.get(entity, {}).items():
        if name in row:
            problems += number_problems(name, row[name], minimum, maximum, whole)
    return problems


def _short(value: float) -> str:
    text = f"{value:.6g}"
    return text if len(text) <= 24 else text[:24] + "…"
