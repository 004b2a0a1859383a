"""The tolerance grammar of FORMS-FORMAT.md: parse once, then check measured values against it.

">= 4.0"  "<= 0.5"  "> 0"  "< 75"     absolute bounds
">= design"  "<= design"              compared with the design value
"±0.05"  "±5%"                        deviation from design, absolute or relative
"-5%..+0%"                            asymmetric deviation relative to design
"2.0..2.2"                            inclusive range
"@planning.area_tolerance"            a rule looked up in the jurisdiction table
conditions joined with " and "
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

from acceptance_app.domain.problems import KnownError

_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_COMPARE = re.compile(rf"^(>=|<=|>|<)\s*({_NUMBER}|design)$")
_PLUS_MINUS = re.compile(rf"^(?:±|\+-|\+/-)\s*({_NUMBER})\s*(%?)$")
_RELATIVE_RANGE = re.compile(rf"^({_NUMBER})%\s*\.\.\s*({_NUMBER})%$")
_RANGE = re.compile(rf"^({_NUMBER})\s*\.\.\s*({_NUMBER})$")
_REFERENCE = re.compile(r"^@([a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+)$")
_OPS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
}


class ToleranceError(KnownError):
    """A tolerance that does not parse, or cannot be checked (no design value, unknown reference)."""


@dataclass(frozen=True)
class Compare:
    op: str
    value: float | None  # None = the design value

    def check(self, measured: float, design: float | None) -> bool:
        bound = _need_design(design) if self.value is None else self.value
        return _OPS[self.op](measured, bound)


@dataclass(frozen=True)
class Deviation:
    """measured - design within [low, high]; relative (fractions of design) or absolute."""

    low: float
    high: float
    relative: bool

    def check(self, measured: float, design: float | None) -> bool:
        base = _need_design(design)
        scale = abs(base) if self.relative else 1.0
        diff = measured - base
        eps = 1e-9 * max(1.0, abs(base))  # 3.06 - 3.0 must count as within ±0.06
        return self.low * scale - eps <= diff <= self.high * scale + eps


@dataclass(frozen=True)
class Range:
    low: float
    high: float

    def check(self, measured: float, design: float | None) -> bool:
        return self.low <= measured <= self.high


@dataclass(frozen=True)
class Reference:
    key: str

    def check(self, measured: float, design: float | None) -> bool:  # pragma: no cover - resolved first
        raise ToleranceError("tolerance.unresolved", key=self.key)


Condition = Compare | Deviation | Range | Reference


def _need_design(design: float | None) -> float:
    if design is None:
        raise ToleranceError("tolerance.design_missing")
    return design


def _number(text: str, whole: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ToleranceError("tolerance.syntax", text=whole)
    return value


def _condition(part: str, whole: str) -> Condition:
    part = part.strip()
    if m := _COMPARE.match(part):
        return Compare(m[1], None if m[2] == "design" else _number(m[2], whole))
    if m := _PLUS_MINUS.match(part):
        size = _number(m[1], whole)
        if size < 0:
            raise ToleranceError("tolerance.syntax", text=whole)
        size = size / 100 if m[2] else size
        return Deviation(-size, size, relative=bool(m[2]))
    if m := _RELATIVE_RANGE.match(part):
        low, high = _number(m[1], whole) / 100, _number(m[2], whole) / 100
        if low > high:
            raise ToleranceError("tolerance.empty_range", text=whole)
        return Deviation(low, high, relative=True)
    if m := _RANGE.match(part):
        low, high = _number(m[1], whole), _number(m[2], whole)
        if low > high:
            raise ToleranceError("tolerance.empty_range", text=whole)
        return Range(low, high)
    if m := _REFERENCE.match(part):
        return Reference(m[1])
    raise ToleranceError("tolerance.syntax", text=whole)


@dataclass(frozen=True)
class Tolerance:
    text: str
    conditions: tuple[Condition, ...]

    @property
    def needs_design(self) -> bool:
        return any(
            isinstance(c, Deviation)
            or (isinstance(c, Compare) and c.value is None)
            or isinstance(c, Reference)
            for c in self.conditions
        )

    @property
    def references(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.conditions if isinstance(c, Reference))


def parse_tolerance(text: str) -> Tolerance:
    """Parse a tolerance; raises ToleranceError("tolerance.syntax", text=...) naming the rule that failed."""
    if not isinstance(text, str) or not text.strip():
        raise ToleranceError("tolerance.syntax", text=str(text))
    parts = re.split(r"\s+and\s+", text.strip())
    return Tolerance(text, tuple(_condition(p, text) for p in parts))


# The jurisdiction lookup returns a tolerance text for a key and a design value (bands pick by design).
Resolver = Callable[[str, "float | None"], str]


def check_measure(
    tolerance: Tolerance,
    measured: float,
    design: float | None,
    resolve: Resolver | None = None,
    depth: int = 0,
) -> bool:
    """Is ``measured`` inside the tolerance? References are looked up through ``resolve``."""
    if depth > 4:
        raise ToleranceError("tolerance.reference_loop", text=tolerance.text)
    for condition in tolerance.conditions:
        if isinstance(condition, Reference):
            if resolve is None:
                raise ToleranceError("tolerance.unresolved", key=condition.key)
            inner = parse_tolerance(resolve(condition.key, design))
            ok = check_measure(inner, measured, design, resolve, depth + 1)
        else:
            ok = condition.check(measured, design)
        if not ok:
            return False
    return True
