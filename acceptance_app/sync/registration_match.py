"""Whether a registration record (验登合一) says what its signed opinion says: the laptop checks its own records
before it sends them, the hub checks every record it receives (hub/registration_check.py). Pure text
matching over the opinion's words; reading the PDF is the reports layer's work (an ``OpinionReader``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from acceptance_app.domain.identifiers import (
    check_real_estate_unit_code,
    normalize,
    project_region,
    real_estate_building_number,
)

# The joint conclusion of a passed opinion, as the opinion renderer words it (reports/opinion.py). A 不合格
# opinion says 不同意通过竣工联合验收, which contains the passed words: a text holding the refusal never passes.
PASSED_SENTENCE = "同意通过竣工联合验收"
FAILED_SENTENCE = "不同意通过竣工联合验收"


@dataclass(frozen=True)
class OpinionFacts:
    problems: tuple[str, ...]  # why the file is not a fully signed, unchanged opinion; empty when it is
    text: str  # the document's text with all white space removed


OpinionReader = Callable[[bytes], OpinionFacts]


def mismatch(record: dict[str, Any], text: str) -> str:
    """The first field of the record the opinion's text does not bear out, or ""."""
    if record.get("unit_result") != "passed" or FAILED_SENTENCE in text or PASSED_SENTENCE not in text:
        return "unit_result"
    for field in ("opinion_number", "project_code", "unit_name", "building_no", "unit_code"):
        value = _squeezed(record.get(field))
        if field in ("opinion_number", "unit_name") and not value:
            return field
        if value and value not in text:
            return field
    if not _unit_code_bound(record):
        return "real_estate_unit_code"
    above, below = (_area(record.get(k)) for k in ("area_above", "area_below"))
    if above is None or below is None:
        return "area_above" if above is None else "area_below"
    # The two area columns stand side by side in the unit's row of the opinion.
    if f"{above}{below}" not in text:
        return "area_above" if above not in text else "area_below"
    return ""


def _unit_code_bound(record: dict[str, Any]) -> bool:
    """The registry files the acceptance under the record's 不动产单元代码, which the opinion does not print (its
    unit table follows the 济南 organs' form: 单体代码, 幢号). So the code is held to what the opinion does print:
    well formed (GB/T 37346-2019), in the region of the printed 项目代码 (a city-level code such as 370100 covers
    its districts), and for a house (F) its 幢号 part is the printed 幢号. An empty code claims nothing."""
    code = normalize(str(record.get("real_estate_unit_code") or ""))
    if not code:
        return True
    if check_real_estate_unit_code(code):
        return False
    region = project_region(str(record.get("project_code") or ""))
    while region and region.endswith("00"):  # 370100 (the city) covers 3701xx; 370000 the province
        region = region[:-2]
    if region and not code.startswith(region):
        return False
    building = real_estate_building_number(code)
    printed = "".join(c for c in _squeezed(record.get("building_no")) if c.isdigit())  # "1#" prints 1
    if building is not None and printed and int(printed) != int(building):
        return False
    return True


def _area(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value or value < 0 \
            or value > 10_000_000:
        return None
    return f"{value:,.2f}"


def _squeezed(value: Any) -> str:
    return re.sub(r"\s+", "", str(value)) if value is not None else ""
