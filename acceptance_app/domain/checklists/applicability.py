"""Does an item (or a whole discipline) apply to a unit, and why (the runner shows the reason)?

An item whose condition a unit does not meet is 不适用 by rule; the reason names the condition and the unit's
value (with the derivation's own reason for derived facts). A condition on a fact that is not known yet does not
exclude the item: it must be checked, and the reason says which fact is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from acceptance_app.domain.checklists.form import Form, Item
from acceptance_app.domain.entities import UnitData
from acceptance_app.domain.unit_facts import Derived, as_condition_values, derive_all


@dataclass(frozen=True)
class RuleReason:
    code: str  # "rule.uses", "rule.min_height", "rule.fact", "rule.fact_unknown" ...
    params: Mapping[str, Any] = field(default_factory=dict)
    derived: Derived | None = None  # for a fact condition: the value and why it has it


@dataclass(frozen=True)
class Applicability:
    applies: bool
    reasons: tuple[RuleReason, ...] = ()  # why not (or, when it applies, which facts were unknown)


APPLIES = Applicability(True)


def applicability(item: Item, unit: UnitData, derived: Mapping[str, Derived] | None = None) -> Applicability:
    rule = item.applies_to
    if rule is None:
        return APPLIES
    misses: list[RuleReason] = []
    unknown: list[RuleReason] = []
    if rule.uses and unit.use not in rule.uses:
        misses.append(RuleReason("rule.uses", {"use": unit.use.value, "uses": sorted(u.value for u in rule.uses)}))
    # min_height: the unit must be higher than this (a > 24 m rule); unknown height -> applies (check it).
    if rule.min_height is not None:
        if unit.height is None:
            unknown.append(RuleReason("rule.height_unknown", {"limit": rule.min_height}))
        elif not unit.height > rule.min_height:
            misses.append(RuleReason("rule.min_height", {"height": unit.height, "limit": rule.min_height}))
    if rule.min_storeys_below is not None and (unit.storeys_below or 0) < rule.min_storeys_below:
        misses.append(
            RuleReason("rule.min_storeys_below", {"storeys": unit.storeys_below or 0, "limit": rule.min_storeys_below})
        )
    if rule.min_storeys_above is not None:
        # Not entered -> the item applies (check it), as for an unknown height.
        if unit.storeys_above is None:
            unknown.append(RuleReason("rule.storeys_above_unknown", {"limit": rule.min_storeys_above}))
        elif unit.storeys_above < rule.min_storeys_above:
            misses.append(
                RuleReason("rule.min_storeys_above", {"storeys": unit.storeys_above, "limit": rule.min_storeys_above})
            )
    if rule.civil_air_defense is not None and unit.has_civil_air_defense != rule.civil_air_defense:
        misses.append(RuleReason("rule.civil_air_defense", {"expected": rule.civil_air_defense}))
    if rule.facts:
        derived = derive_all(unit) if derived is None else derived
        for name, wanted in rule.facts:
            fact = derived[name]
            have = as_condition_values(fact.value)
            params = {"fact": name, "wanted": list(wanted)}
            if have is None:
                unknown.append(RuleReason("rule.fact_unknown", params, fact))
            elif not have & set(wanted):
                misses.append(RuleReason("rule.fact", {**params, "value": sorted(have)}, fact))
    if misses:
        return Applicability(False, tuple(misses))
    return Applicability(True, tuple(unknown)) if unknown else APPLIES


def item_applies(item: Item, unit: UnitData, derived: Mapping[str, Derived] | None = None) -> bool:
    return applicability(item, unit, derived).applies


def applicable_items(form: Form, unit: UnitData) -> tuple[Item, ...]:
    derived = derive_all(unit)
    return tuple(item for item in form.items if item_applies(item, unit, derived))
