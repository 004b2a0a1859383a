"""User text for the unit facts: fact names, the reasons of derived facts, why an item does (not) apply, and
the errors of a fact or an override. The domain returns codes (acceptance_app.domain.unit_facts and
domain.checklists.applicability); the UI and the CLI word them here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from acceptance_app.i18n import N_, _

if TYPE_CHECKING:  # the facts model loads on first use, not with the catalog (start-up time)
    from acceptance_app.domain.checklists.applicability import Applicability, RuleReason
    from acceptance_app.domain.unit_facts import Derived

FACT_NAMES = {
    "high_rise": N_("high-rise building"),
    "fire_class": N_("fire class (GB 50016 5.1.1)"),
    "fire_regime": N_("fire regime"),
    "crowded": N_("crowded place"),
    "fire_lift_required": N_("fire lift required"),
    "fire_lift": N_("fire lift installed"),
    "water_tank_required": N_("roof fire water tank required"),
    "lighting_1h": N_("emergency lighting for 1 h required"),
    "sprinklers": N_("sprinkler systems"),
    "steel_structure": N_("steel structure"),
    "accepted_alone": N_("accepted on its own"),
    "above_ground": N_("storeys above ground"),
    "below_ground": N_("storeys below ground"),
    "garage": N_("garage"),
    "ev_charging": N_("EV charging area"),
    "shared_stair": N_("stair shared by basement and upper floors"),
    "scissor_stair": N_("scissor stair"),
    "kitchen": N_("kitchen (catering)"),
    "elderly_care": N_("elderly care facility"),
    "curtain_wall": N_("curtain wall"),
    "smoke_curtain": N_("movable smoke curtain"),
    "parking_spaces": N_("parking spaces"),
    "underground_depth": N_("basement depth (m)"),
    "class_one_use": N_("a use listed as class 1 in GB 50016 5.1.1"),
}

VALUE_WORDS = {
    "true": N_("yes"),
    "false": N_("no"),
    "class-1": N_("class 1 high-rise"),
    "class-2": N_("class 2 high-rise"),
    "low-rise": N_("low or multi-storey"),
    "special": N_("special construction project (fire acceptance)"),
    "other": N_("other construction project (filing)"),
    "wet": N_("wet"),
    "dry": N_("dry"),
    "pre-action": N_("pre-action"),
    "none": N_("none"),
}

DERIVED_REASONS = {
    "high_rise.unknown_height": N_("building height not entered"),
    "high_rise.residential": N_("residential, height {height} m against {limit} m (GB 50016 2.1.1)"),
    "high_rise.single_storey": N_("single-storey building (GB 50016 2.1.1)"),
    "high_rise.other": N_("non-residential, height {height} m against {limit} m (GB 50016 2.1.1)"),
    "fire_class.unknown_height": N_("building height not entered"),
    "fire_class.low": N_("not a high-rise building, height {height} m (GB 50016 5.1.1)"),
    "fire_class.residential_one": N_("residential higher than {limit} m: {height} m (GB 50016 5.1.1)"),
    "fire_class.residential_two": N_("residential high-rise not higher than {limit} m: {height} m (GB 50016 5.1.1)"),
    "fire_class.public_over_50": N_("public building higher than 50 m: {height} m (GB 50016 5.1.1)"),
    "fire_class.elderly_care": N_("high-rise elderly care facility (GB 50016 5.1.1)"),
    "fire_class.public_use_unknown": N_(
        "public high-rise of {height} m: class 1 only for the uses GB 50016 5.1.1 lists; set that fact"
    ),
    "fire_class.public_listed_use": N_("high-rise with a use GB 50016 5.1.1 lists as class 1"),
    "fire_class.public_two": N_("public high-rise not over 50 m without a class 1 use (GB 50016 5.1.1)"),
    "crowded.stated": N_("entered for the unit"),
    "crowded.listed_use": N_("use {use} is a crowded place by the Fire Protection Law art. 73"),
    "crowded.not_listed": N_("use {use} is not listed in the Fire Protection Law art. 73"),
    "crowded.ask": N_("use {use}: a shopping mall or market is a crowded place, small shops are not; set the fact"),
    "regime.residential_class_one": N_("class 1 high-rise residential, {height} m (MOHURD order 51 art. 14 item {item})"),
    "regime.residential_other": N_("residential, not class 1 ({height} m): not in MOHURD order 51 art. 14"),
    "regime.unknown_height": N_("building height not entered"),
    "regime.unknown_area": N_("building area not entered"),
    "regime.unknown_size": N_("building area or height not entered"),
    "regime.kindergarten": N_("kindergarten over {limit} m²: {area} m² (MOHURD order 51 art. 14 item {item})"),
    "regime.school": N_("school building over {limit} m²: {area} m² (MOHURD order 51 art. 14 item {item})"),
    "regime.commercial": N_("shopping mall or market over {limit} m²: {area} m² (MOHURD order 51 art. 14 item {item})"),
    "regime.elderly_care": N_("elderly care over {limit} m²: {area} m² (MOHURD order 51 art. 14 item {item})"),
    "regime.public_large": N_("public building over 40000 m²: {area} m² (MOHURD order 51 art. 14 item {item})"),
    "regime.public_tall": N_("public building over 50 m: {height} m (MOHURD order 51 art. 14 item {item})"),
    "regime.not_listed": N_("{area} m², {height} m: no case of MOHURD order 51 art. 14 applies"),
    "fire_lift.residential": N_("residential, height {height} m against {limit} m (GB 50016 7.3.1)"),
    "fire_lift.public_class_one": N_("class 1 public high-rise (GB 50016 7.3.1)"),
    "fire_lift.public_class_two": N_("class 2 public high-rise, height {height} m against {limit} m (GB 50016 7.3.1)"),
    "fire_lift.underground": N_("underground, depth {depth} m and {area} m² (GB 50016 7.3.1: > 10 m and > 3000 m²)"),
    "fire_lift.low_rise": N_("not a high-rise building (GB 50016 7.3.1)"),
    "fire_lift.unknown": N_("height, class or basement depth not known"),
    "water_tank.high_rise": N_("high-rise building (GB 50974 6.1.9)"),
    "water_tank.unknown": N_("height, area or storeys not entered"),
    "water_tank.low_rise": N_(
        "not high-rise, {area} m², {storeys} storeys: required for public buildings over 10000 m² and 2 storeys "
        "(GB 50974 6.1.9)"
    ),
    "lighting.elderly_care": N_("elderly care facility (GB 51309 3.2.4)"),
    "lighting.underground": N_("underground area {area} m² over 20000 m² (GB 51309 3.2.4)"),
    "lighting.large_public": N_("public building of {area} m² over 100000 m² (GB 51309 3.2.4)"),
    "lighting.unknown": N_("building area not entered"),
    "lighting.ask": N_("a medical building needs 1 h (GB 51309 3.2.4): check"),
    "lighting.not_listed": N_("{area} m²: not a case of GB 51309 3.2.4"),
    "fact.stated": N_("entered for the unit"),
    "fact.unknown": N_("not entered for the unit"),
    "fact.structure": N_("from the unit's structure"),
    "fact.accepted_alone": N_("from the unit's data"),
    "fact.by_use": N_("not entered; use {use} normally has none"),
    "fact.garage": N_("from the unit's use and parking spaces"),
    "fact.overridden": N_("set by {by}: {reason}"),
}

RULE_REASONS = {
    "rule.uses": N_("only for uses {uses}; this unit is {use}"),
    "rule.min_height": N_("only above {limit} m; this unit is {height} m"),
    "rule.height_unknown": N_("applies above {limit} m; the height is not entered, so check it"),
    "rule.min_storeys_below": N_("only with at least {limit} storey(s) below ground; this unit has {storeys}"),
    "rule.min_storeys_above": N_("only with at least {limit} storey(s) above ground; this unit has {storeys}"),
    "rule.storeys_above_unknown": N_(
        "applies with at least {limit} storey(s) above ground; the storeys are not entered, so check it"
    ),
    "rule.civil_air_defense": N_("only for units with civil air defense works"),
    "rule.fact": N_("only where {fact} is {wanted}; this unit: {value} ({why})"),
    "rule.fact_unknown": N_("applies where {fact} is {wanted}; not known for this unit, so check it"),
}

ERRORS = {
    "facts.unknown": N_("Unknown unit fact \u201c{fact}\u201d"),
    "facts.bad_value": N_("Unit fact {fact}: \u201c{value}\u201d is not allowed"),
    "facts.not_overridable": N_("{fact} is not a derived fact that can be overridden ({allowed})"),
    "facts.override_without_reason": N_("Overriding {fact} needs a reason"),
}


def fact_name(name: str) -> str:
    return _(FACT_NAMES[name]) if name in FACT_NAMES else name


def value_words(values: list[str] | tuple[str, ...]) -> str:
    return "、".join(_(VALUE_WORDS[v]) if v in VALUE_WORDS else v for v in values)


def _format(template: str, params: Mapping[str, Any]) -> str:
    try:
        return _(template).format(**params)
    except (KeyError, IndexError):
        return _(template)


def describe_derived(derived: Derived) -> str:
    params: dict[str, Any] = dict(derived.params)
    if derived.overridden is not None:
        params = {"by": derived.overridden.by or "—", "reason": derived.overridden.reason}
    template = DERIVED_REASONS.get(derived.reason)
    return _format(template, params) if template else derived.reason


def describe_value(value: Any) -> str:
    from acceptance_app.domain.unit_facts import as_condition_values

    values = as_condition_values(value)
    return _("unknown") if values is None else value_words(sorted(values))


def describe_rule_reason(reason: RuleReason) -> str:
    params: dict[str, Any] = dict(reason.params)
    if "fact" in params:
        params["fact"] = fact_name(params["fact"])
    if "wanted" in params:
        params["wanted"] = value_words(params["wanted"])
    if "value" in params:
        params["value"] = value_words(params["value"])
    if "uses" in params:
        params["uses"] = "、".join(params["uses"])
    params["why"] = describe_derived(reason.derived) if reason.derived is not None else ""
    template = RULE_REASONS.get(reason.code)
    return _format(template, params) if template else reason.code


def describe_applicability(applicability: Applicability | None) -> str:
    """One line: why the item does not apply (or which fact was unknown); empty when it simply applies."""
    if applicability is None:
        return ""
    return "；".join(describe_rule_reason(r) for r in applicability.reasons)
