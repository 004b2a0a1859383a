"""Advisory (宜) items never fail a verdict; measured items name the rule that decided; the verdict scheme;
applicability by unit facts with the rule's reason."""

import pytest

from acceptance_app.domain.checklists.answers import AnswerInput, Rule, evaluate_item
from acceptance_app.domain.checklists.applicability import applicability
from acceptance_app.domain.checklists.form import (
    AnswerSpec,
    AnswerType,
    AppliesTo,
    Item,
    Method,
    Sampling,
    Source,
    VerdictRules,
    VerdictScheme,
)
from acceptance_app.domain.checklists.verdicts import Reason, discipline_verdict
from acceptance_app.domain.entities import UnitData
from acceptance_app.domain.enums import BuildingUse, Discipline, ItemClass, ItemVerdict, Verdict
from acceptance_app.domain.unit_facts import Sprinkler, UnitFacts

P, F, A = ItemVerdict.PASS, ItemVerdict.FAIL, ItemVerdict.ADVICE


def item(item_id="XF-1", cls="A", answer=None, **kw):
    return Item(
        item_id, "text", "criterion", Method.MEASURE, ItemClass(cls),
        answer or AnswerSpec(AnswerType.VERDICT), Source("GB 50016-2014", "7.1.8", "R"), **kw,
    )


SLOPE = AnswerSpec(AnswerType.MEASURE, "%", tolerance="<= 10", advice="<= 8")  # XF-02-3: 10 % hard, 8 % 宜
SPEED = AnswerSpec(AnswerType.MEASURE, "m/s", tolerance="±10%", limit="<= 10")  # design, then a code limit
TURN = AnswerSpec(AnswerType.MEASURE, "m", tolerance=">= 15")  # an advisory item: 不宜小于15m


@pytest.mark.parametrize(
    ("spec", "advisory", "samples", "design", "verdict", "decided_by"),
    [
        (SLOPE, False, (7.5,), None, P, Rule.ADVICE),
        (SLOPE, False, (9.0,), None, A, Rule.ADVICE),  # above the 宜 value, within the mandatory one
        (SLOPE, False, (10.5,), None, F, Rule.LIMIT),
        (SPEED, False, (8.0,), 8.5, P, Rule.LIMIT),
        (SPEED, False, (7.0,), 8.5, F, Rule.DESIGN),  # -17.6 % from the design value
        (SPEED, False, (10.4,), 10.0, F, Rule.LIMIT),  # within ±10 % of design, above the code's limit
        (TURN, True, (16.0,), None, P, Rule.ADVICE),
        (TURN, True, (12.0,), None, A, Rule.ADVICE),  # 不宜小于15m: 建议, not 不合格
    ],
)
def test_measured_items_name_the_rule_that_decided(spec, advisory, samples, design, verdict, decided_by):
    outcome = evaluate_item(item(answer=spec, advisory=advisory), AnswerInput(samples=samples, design=design))
    assert (outcome.verdict, outcome.decided_by) == (verdict, decided_by)


def test_an_advisory_verdict_item_answered_fail_is_advice():
    outcome = evaluate_item(item(advisory=True), AnswerInput(verdict=F))
    assert outcome.verdict is A


@pytest.mark.parametrize("scheme", list(VerdictScheme))
def test_no_advisory_item_can_make_a_verdict_fail(scheme):
    rules = VerdictRules(scheme=scheme)
    items = [item("XF-1", "A", advisory=True), item("XF-2", "A", answer=SLOPE), item("XF-3", "C")]
    # Even a FAIL stored for an advisory item (an older answer) does not count.
    for verdicts in ({"XF-1": A, "XF-2": A, "XF-3": P}, {"XF-1": F, "XF-2": A, "XF-3": P}):
        outcome = discipline_verdict(Discipline.FIRE, rules, items, verdicts)
        assert outcome.verdict is Verdict.PASSED
        assert set(outcome.advice) == {"XF-1", "XF-2"} and outcome.scheme is scheme


def test_the_xize_scheme_fails_on_any_failed_item_and_names_itself():
    items = [item("XF-1", "C"), item("XF-2", "B")]
    outcome = discipline_verdict(Discipline.FIRE, VerdictRules(), items, {"XF-1": F, "XF-2": P})
    assert (outcome.verdict, outcome.reason, outcome.deciding, outcome.scheme) == (
        Verdict.FAILED, Reason.ANY_FAILURE, ("XF-1",), VerdictScheme.ANY_FAILURE,
    )
    by_class = VerdictRules.from_mapping({"scheme": "by-class", "max_failures": {"C": 3}})
    outcome = discipline_verdict(Discipline.FIRE, by_class, items, {"XF-1": F, "XF-2": P})
    assert (outcome.verdict, outcome.reason) == (Verdict.RECHECK, Reason.RECHECK)


def test_resampling_only_under_the_by_class_scheme():
    spec = AnswerSpec(AnswerType.MEASURE, "m", tolerance=">= 1.0")
    it = item(answer=spec, sampling=Sampling(min_samples=2, extend_on_fail=4))
    answer = AnswerInput(samples=(1.2, 0.9))
    assert evaluate_item(it, answer, resample=True).verdict is ItemVerdict.PENDING
    assert evaluate_item(it, answer, resample=False).verdict is F


def residential(height, **facts):
    return UnitData("u", height=height, storeys_above=9, use=BuildingUse.RESIDENTIAL, facts=UnitFacts(**facts))


@pytest.mark.parametrize(
    ("facts", "u", "applies", "code"),
    [
        ((("high_rise", ("true",)),), residential(26.0), False, "rule.fact"),
        ((("high_rise", ("true",)),), residential(28.0), True, None),
        ((("sprinklers", ("dry", "pre-action")),), residential(54.9, sprinklers=frozenset({Sprinkler.WET})), False, "rule.fact"),
        ((("sprinklers", ("dry", "pre-action")),), residential(54.9), True, "rule.fact_unknown"),
        ((("fire_lift_required", ("true",)),), residential(33.0), False, "rule.fact"),
        ((("steel_structure", ("true",)),), residential(54.9), False, "rule.fact"),
    ],
)
def test_applicability_by_facts_carries_the_reason(facts, u, applies, code):
    result = applicability(item(applies_to=AppliesTo(facts=facts)), u)
    assert result.applies is applies
    assert [r.code for r in result.reasons] == ([code] if code else [])
    if code == "rule.fact":
        assert result.reasons[0].derived is not None and result.reasons[0].derived.reason


def test_an_item_with_a_code_limit_compares_with_the_design_value_only_when_one_is_entered():
    spec = AnswerSpec(AnswerType.MEASURE, "m", tolerance="-5%..+100%", limit=">= 4.0")  # 消防车道净宽
    it = item(answer=spec)
    assert evaluate_item(it, AnswerInput(samples=(4.2,))).decided_by is Rule.LIMIT  # no design: the code decides
    below_design = evaluate_item(it, AnswerInput(samples=(4.5,), design=5.0))
    assert (below_design.verdict, below_design.decided_by) == (F, Rule.DESIGN)  # -10 % from the approved design
    below_code = evaluate_item(it, AnswerInput(samples=(3.9,), design=4.0))
    assert (below_code.verdict, below_code.decided_by) == (F, Rule.LIMIT)
    ok = evaluate_item(it, AnswerInput(samples=(5.1,), design=5.0))
    assert (ok.verdict, ok.checked) == (P, (Rule.DESIGN, Rule.LIMIT))
