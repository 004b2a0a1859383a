"""Derived unit facts on the real cases of the 济南 review (issue 13), table-driven."""

import pytest

from acceptance_app.domain.entities import UnitData
from acceptance_app.domain.enums import BuildingUse, Structure
from acceptance_app.domain.problems import KnownError
from acceptance_app.domain.unit_facts import (
    FireClass,
    FireRegime,
    Override,
    Sprinkler,
    UnitFacts,
    check_override,
    derive_all,
)

R, K, C, P = BuildingUse.RESIDENTIAL, BuildingUse.KINDERGARTEN, BuildingUse.COMMERCIAL, BuildingUse.PARKING


def unit(use, height, storeys, area_above, area_below=0.0, **facts):
    return UnitData(
        "u", height=height, storeys_above=storeys, storeys_below=1, area_above=area_above,
        area_below=area_below, use=use, facts=UnitFacts(**facts),
    )


CASES = [
    # case, unit, high_rise, fire_class, regime, crowded, fire_lift_required
    ("26 m 9-storey residential is 多层", unit(R, 26.0, 9, 6000), False, FireClass.LOW, FireRegime.OTHER, False, False),
    ("27 m residential is still 多层 (> 27 m only)", unit(R, 27.0, 9, 6000), False, FireClass.LOW, FireRegime.OTHER, False, False),
    ("25 m office is 高层 (> 24 m)", unit(BuildingUse.OFFICE, 25.0, 6, 6000, class_one_use=False), True, FireClass.TWO, FireRegime.OTHER, False, False),
    ("33 m 11-storey residential needs no 消防电梯", unit(R, 33.0, 11, 7900), True, FireClass.TWO, FireRegime.OTHER, False, False),
    ("33.45 m residential needs one", unit(R, 33.45, 11, 7900), True, FireClass.TWO, FireRegime.OTHER, False, True),
    ("54.9 m residential is 一类 and 特殊建设工程", unit(R, 54.9, 18, 12876), True, FireClass.ONE, FireRegime.SPECIAL, False, True),
    ("54 m residential is 二类", unit(R, 54.0, 18, 12876), True, FireClass.TWO, FireRegime.OTHER, False, True),
    ("3,186 m² 幼儿园 is 特殊建设工程 and 人员密集", unit(K, 11.7, 3, 3186), False, FireClass.LOW, FireRegime.SPECIAL, True, False),
    ("900 m² 幼儿园 is not 特殊", unit(K, 7.5, 2, 900), False, FireClass.LOW, FireRegime.OTHER, True, False),
    ("2-storey 2,400 m² shop is neither", unit(C, 9.9, 2, 2400), False, FireClass.LOW, FireRegime.OTHER, None, False),
    ("12,000 m² 商场 is 特殊 (art. 14 item 3)", unit(C, 18.0, 4, 12000, crowded=True), False, FireClass.LOW, FireRegime.SPECIAL, True, False),
    ("60 m public building is 一类 and 特殊", unit(BuildingUse.OFFICE, 60.0, 15, 30000), True, FireClass.ONE, FireRegime.SPECIAL, False, True),
    ("garage with no storeys above", unit(P, 0.0, 0, 0, 9860, underground_depth=5.2), False, FireClass.LOW, FireRegime.OTHER, False, False),
    ("deep garage needs a 消防电梯", unit(P, 0.0, 0, 0, 9860, underground_depth=10.5), False, FireClass.LOW, FireRegime.OTHER, False, True),
]


@pytest.mark.parametrize(("case", "u", "high", "cls", "regime", "crowded", "lift"), CASES, ids=[c[0] for c in CASES])
def test_derivations_of_the_real_cases(case, u, high, cls, regime, crowded, lift):
    d = derive_all(u)
    got = (d["high_rise"].value, d["fire_class"].value, d["fire_regime"].value, d["crowded"].value)
    assert got == (high, cls, regime, crowded), case
    assert d["fire_lift_required"].value is lift, case
    for name in ("high_rise", "fire_class", "fire_regime", "crowded", "fire_lift_required"):
        assert d[name].reason, f"{case}: {name} has no reason"


def test_public_high_rise_between_24_and_50_m_needs_the_use_fact():
    d = derive_all(unit(BuildingUse.PUBLIC, 40.0, 10, 20000))
    assert d["fire_class"].value is None and d["fire_class"].reason == "fire_class.public_use_unknown"


def test_unknown_height_is_unknown_not_guessed():
    d = derive_all(UnitData("u", use=R))
    assert d["high_rise"].value is None and d["fire_regime"].value is None


def test_an_override_replaces_the_derived_value_and_keeps_its_reason():
    u = unit(K, 11.7, 3, 800)
    assert derive_all(u)["fire_regime"].value is FireRegime.OTHER
    override = Override("special", "与托育中心合建，总面积超1000 m²", by="张工")
    u2 = UnitData(**{**u.__dict__, "overrides": {"fire_regime": override}})
    d = derive_all(u2)["fire_regime"]
    assert d.value is FireRegime.SPECIAL and d.overridden == override and d.reason == "fact.overridden"


@pytest.mark.parametrize(
    ("name", "override", "code"),
    [
        ("fire_regime", Override("special", "  "), "facts.override_without_reason"),
        ("fire_regime", Override("maybe", "x"), "facts.bad_value"),
        ("height", Override("30", "x"), "facts.not_overridable"),
    ],
)
def test_an_override_needs_a_known_fact_a_value_and_a_reason(name, override, code):
    with pytest.raises(KnownError) as info:
        check_override(name, override)
    assert info.value.code == code


def test_facts_round_trip_and_refuse_unknown_keys():
    facts = UnitFacts(crowded=True, sprinklers=frozenset({Sprinkler.WET}), parking_spaces=320)
    assert UnitFacts.from_dict(facts.as_dict()) == facts
    assert UnitFacts.from_dict({"sprinklers": []}).sprinklers == frozenset()
    with pytest.raises(KnownError) as info:
        UnitFacts.from_dict({"sprinkler": ["wet"]})
    assert info.value.code == "facts.unknown"
    with pytest.raises(KnownError):
        UnitFacts.from_dict({"sprinklers": ["foam"]})


def test_steel_and_garage_come_from_the_unit():
    d = derive_all(UnitData("g", use=P, structure=Structure.STEEL))
    assert d["steel_structure"].value is True and d["garage"].value is True
