"""Whether a registration record (验登合一) says what its signed opinion says: the laptop checks its own records
before it sends them, the hub checks every record it receives (hub/registration_check.py). Pure text
matching over the opinion's words; reading the PDF is the reports layer's work (an ``OpinionReader``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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
    # The opinion's unit table prints 单体代码 only, no 不动产单元代码 (reports/opinion.py, since the opinion
    # follows the 济南 organs' form): the record's real_estate_unit_code is not something the opinion bears out.
    for field in ("opinion_number", "unit_name", "building_no", "unit_code"):
        value = _squeezed(record.get(field))
        if field in ("opinion_number", "unit_name") and not value:
            return field
        if value and value not in text:
            return field
    above, below = (_area(record.get(k)) for k in ("area_above", "area_below"))
    if above is None or below is None:
        return "area_above" if above is None else "area_below"
    # The two area columns stand side by side in the unit's row of the opinion.
    if f"{above}{below}" not in text:
        return "area_above" if above not in text else "area_below"
    return ""


def _area(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value or value < 0 \
            or value > 10_000_000:
        return None
    return f"{value:,.2f}"


def _squeezed(value: Any) -> str:
    return re.sub(r"\s+", "", str(value)) if value is not None else ""
