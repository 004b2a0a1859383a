"""Values that vary by place (tolerance bands, sampling ratios, verdict rules), with inheritance.

A table (say 370100 济南) inherits every key it does not set from its parent (370000 山东省).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from acceptance_app.domain.checklists.form import VerdictRules
from acceptance_app.domain.enums import Discipline
from acceptance_app.domain.problems import KnownError


@dataclass(frozen=True)
class Band:
    upto: float | None  # None = no upper limit
    tolerance: str
    max_abs: float | None = None


@dataclass(frozen=True)
class JurisdictionValue:
    key: str
    value: Any = None
    tolerance: str = ""
    bands: tuple[Band, ...] = ()
    known: bool = False  # is it this jurisdiction's own value (or borrowed / assumed)?
    tag: str = "I"
    source: str = ""
    defined_in: str = ""  # code of the table that set it


@dataclass(frozen=True)
class JurisdictionTable:
    code: str
    name: str
    inherits: str | None
    values: Mapping[str, JurisdictionValue] = field(default_factory=dict)


@dataclass(frozen=True)
class Jurisdiction:
    """The effective values for one jurisdiction after inheritance."""

    code: str
    name: str
    values: Mapping[str, JurisdictionValue]
    chain: tuple[str, ...] = ()

    def get(self, key: str) -> JurisdictionValue:
        try:
            return self.values[key]
        except KeyError:
            raise KnownError("jurisdiction.unknown_key", key=key, jurisdiction=self.code) from None

    def tolerance_for(self, key: str, design: float | None) -> str:
        """The tolerance text for ``key``; a band table picks the band by the design value."""
        entry = self.get(key)
        if entry.tolerance:
            return entry.tolerance
        if entry.bands:
            if design is None:
                raise KnownError("tolerance.design_missing")
            for band in entry.bands:
                if band.upto is None or abs(design) <= band.upto:
                    if band.max_abs is not None:
                        return f"{band.tolerance} and ±{band.max_abs}"
                    return band.tolerance
            raise KnownError("jurisdiction.no_band", key=key, design=design)
        raise KnownError("jurisdiction.not_a_tolerance", key=key)

    def ratio(self, key: str) -> float:
        value = self.get(key).value
        if not isinstance(value, int | float):
            raise KnownError("jurisdiction.not_a_number", key=key)
        return float(value)

    def verdict_rules(self, discipline: Discipline, base: VerdictRules) -> VerdictRules:
        """The form's rules, with the keys the jurisdiction sets under `verdict.<form>` replaced."""
        entry = self.values.get(f"verdict.{discipline.value}")
        if entry is None or not isinstance(entry.value, Mapping):
            return base
        return VerdictRules.from_mapping(dict(entry.value), base)


def resolve_jurisdiction(tables: Mapping[str, JurisdictionTable], code: str) -> Jurisdiction:
    """Merge ``code``'s table over its ancestors'. Raises for an unknown code or an inheritance loop."""
    chain: list[JurisdictionTable] = []
    current: str | None = code
    while current is not None:
        if current in (t.code for t in chain):
            raise KnownError("jurisdiction.loop", jurisdiction=code)
        table = tables.get(current)
        if table is None:
            raise KnownError("jurisdiction.unknown", jurisdiction=current)
        chain.append(table)
        current = table.inherits
    merged: dict[str, JurisdictionValue] = {}
    for table in reversed(chain):
        merged.update(table.values)
    return Jurisdiction(code, chain[0].name, merged, tuple(t.code for t in chain))


EMPTY_JURISDICTION = Jurisdiction("", "", {})
