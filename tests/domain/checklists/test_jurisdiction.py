import pytest

from acceptance_app.domain.checklists.form import VerdictRules
from acceptance_app.domain.checklists.jurisdiction import (
    JurisdictionTable,
    JurisdictionValue,
    resolve_jurisdiction,
)
from acceptance_app.domain.enums import Discipline, ItemClass
from acceptance_app.domain.problems import KnownError


def table(code, inherits, **values):
    return JurisdictionTable(code, code, inherits, {k: JurisdictionValue(k, **v) for k, v in values.items()})


def test_city_inherits_province_and_overrides_one_key():
    tables = {
        "370000": table("370000", None, **{"sampling.fire.hydrant": {"value": 0.1}, "planning.tol": {"tolerance": "±1%"}}),
        "370100": table("370100", "370000", **{"sampling.fire.hydrant": {"value": 0.2, "known": True}}),
    }
    jinan = resolve_jurisdiction(tables, "370100")
    assert jinan.ratio("sampling.fire.hydrant") == 0.2 and jinan.get("sampling.fire.hydrant").known
    assert jinan.tolerance_for("planning.tol", None) == "±1%"
    with pytest.raises(KnownError) as caught:
        jinan.get("planning.nowhere")
    assert caught.value.code == "jurisdiction.unknown_key"


def test_loops_and_unknown_parents_are_errors():
    loop = {"1": table("1", "2"), "2": table("2", "1")}
    with pytest.raises(KnownError) as caught:
        resolve_jurisdiction(loop, "1")
    assert caught.value.code == "jurisdiction.loop"
    with pytest.raises(KnownError) as caught:
        resolve_jurisdiction({"1": table("1", "9")}, "1")
    assert caught.value.code == "jurisdiction.unknown"


def test_jurisdiction_overrides_verdict_rules_per_form():
    rules = {"max_failures": {"C": 5}}
    jinan = resolve_jurisdiction({"370100": table("370100", None, **{"verdict.fire": {"value": rules}})}, "370100")
    base = VerdictRules.from_mapping({"fail_if_any": ["A"], "max_failures": {"C": 3}})
    fire = jinan.verdict_rules(Discipline.FIRE, base)
    assert fire.max_failures == ((ItemClass.C, 5),) and fire.fail_if_any == frozenset({ItemClass.A})
    assert jinan.verdict_rules(Discipline.PLANNING, base) is base
