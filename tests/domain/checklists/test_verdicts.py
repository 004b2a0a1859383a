from acceptance_app.domain.checklists.answers import AnswerInput, evaluate_item
from acceptance_app.domain.checklists.applicability import item_applies
from acceptance_app.domain.checklists.evidence import missing_evidence
from acceptance_app.domain.checklists.form import (
    AnswerSpec,
    AnswerType,
    AppliesTo,
    EvidenceKind,
    Item,
    Method,
    Sampling,
    Source,
    VerdictRules,
)
from acceptance_app.domain.checklists.verdicts import (
    Reason,
    discipline_verdict,
    joint_project_verdict,
    joint_unit_verdict,
)
from acceptance_app.domain.entities import UnitData
from acceptance_app.domain.enums import BuildingUse, Discipline, ItemClass, ItemVerdict, Verdict

P, F, NA = ItemVerdict.PASS, ItemVerdict.FAIL, ItemVerdict.NOT_APPLICABLE
FIRE_RULES = VerdictRules.from_mapping(
    {"scheme": "by-class", "fail_if_any": ["A"], "max_failures": {"C": 3}, "recheck_if_any": ["B", "C"]}
)


def item(item_id, cls="C", answer=None, **kw):
    return Item(
        item_id,
        "text",
        "criterion",
        Method.VISUAL,
        ItemClass(cls),
        answer or AnswerSpec(AnswerType.VERDICT),
        Source("GB 50016-2014", "5.2.2", "R"),
        **kw,
    )


def verdict_of(items, answers):
    return discipline_verdict(Discipline.FIRE, FIRE_RULES, items, answers)


def test_any_failed_a_item_fails_the_discipline_and_names_it():
    items = [item("XF-1", "A"), item("XF-2", "B"), item("XF-3")]
    outcome = verdict_of(items, {"XF-1": F, "XF-2": F, "XF-3": P})
    assert (outcome.verdict, outcome.reason, outcome.deciding) == (
        Verdict.FAILED,
        Reason.FAIL_IF_ANY,
        ("XF-1",),
    )


def test_b_failure_means_recheck():
    items = [item("XF-1", "A"), item("XF-2", "B")]
    outcome = verdict_of(items, {"XF-1": P, "XF-2": F})
    assert (outcome.verdict, outcome.deciding) == (Verdict.RECHECK, ("XF-2",))


def test_more_than_max_c_failures_fail_three_only_recheck():
    items = [item(f"XF-{n}") for n in range(5)]
    three = verdict_of(items, {f"XF-{n}": (F if n < 3 else P) for n in range(5)})
    four = verdict_of(items, {f"XF-{n}": (F if n < 4 else P) for n in range(5)})
    assert three.verdict is Verdict.RECHECK
    assert (four.verdict, four.reason, four.limit, len(four.deciding)) == (
        Verdict.FAILED,
        Reason.MAX_FAILURES,
        3,
        4,
    )


def test_unanswered_items_leave_no_verdict_and_are_listed():
    outcome = verdict_of([item("XF-1"), item("XF-2")], {"XF-1": P})
    assert (outcome.verdict, outcome.reason, outcome.deciding) == (None, Reason.INCOMPLETE, ("XF-2",))


def test_all_passed_and_not_applicable():
    items = [item("XF-1"), item("XF-2")]
    assert verdict_of(items, {"XF-1": P, "XF-2": NA}).verdict is Verdict.PASSED
    assert verdict_of(items, {"XF-1": NA, "XF-2": NA}).verdict is Verdict.NOT_APPLICABLE
    outcome = discipline_verdict(
        Discipline.CIVIL_AIR_DEFENSE, FIRE_RULES, items, {}, discipline_applies=False
    )
    assert outcome.verdict is Verdict.NOT_APPLICABLE


def test_jurisdiction_override_keeps_unset_keys():
    stricter = VerdictRules.from_mapping({"max_failures": {"C": 0}}, FIRE_RULES)
    assert stricter.fail_if_any == FIRE_RULES.fail_if_any
    items = [item("XF-1")]
    assert discipline_verdict(Discipline.FIRE, stricter, items, {"XF-1": F}).verdict is Verdict.FAILED


def test_joint_verdict_passes_only_when_every_applicable_discipline_passes():
    def outcome(d, v):
        return discipline_verdict(d, FIRE_RULES, [item("X")], {"X": v})

    passed = [outcome(Discipline.PLANNING, P), outcome(Discipline.FIRE, P)]
    none = discipline_verdict(Discipline.CIVIL_AIR_DEFENSE, FIRE_RULES, [], {}, discipline_applies=False)
    assert joint_unit_verdict([*passed, none]).verdict is Verdict.PASSED
    recheck = joint_unit_verdict([*passed, outcome(Discipline.ARCHIVE, F)])
    assert (recheck.verdict, recheck.deciding) == (Verdict.RECHECK, ("archive",))
    project = joint_project_verdict({"1#": Verdict.PASSED, "2#": Verdict.FAILED, "3#": None})
    assert (project.verdict, project.deciding) == (Verdict.FAILED, ("2#",))
    assert joint_project_verdict({"1#": Verdict.PASSED, "3#": None}).verdict is None


def test_measure_samples_each_checked_and_extended_on_fail():
    spec = AnswerSpec(AnswerType.MEASURE, unit="m", tolerance=">= 4.0")
    hydrant = item("XF-9", "B", spec, sampling=Sampling(min_samples=2, extend_on_fail=2))
    assert evaluate_item(hydrant, AnswerInput(samples=(4.2,))).samples_needed == 1
    assert evaluate_item(hydrant, AnswerInput(samples=(4.2, 4.1))).verdict is P
    waiting = evaluate_item(hydrant, AnswerInput(samples=(4.2, 3.9)))
    assert (waiting.verdict, waiting.failed_samples, waiting.samples_needed) == (ItemVerdict.PENDING, (1,), 2)
    assert evaluate_item(hydrant, AnswerInput(samples=(4.2, 3.9, 4.0, 4.5))).verdict is P
    assert evaluate_item(hydrant, AnswerInput(samples=(4.2, 3.9, 3.0, 4.5))).verdict is F


def test_count_choice_text_and_na():
    stairs = item("XF-5", "A", AnswerSpec(AnswerType.COUNT, min="design"))
    assert evaluate_item(stairs, AnswerInput(samples=(2,), design=2)).verdict is P
    assert evaluate_item(stairs, AnswerInput(samples=(1,), design=2)).verdict is F
    door = item(
        "XF-6", "B", AnswerSpec(AnswerType.CHOICE, options=("甲级", "乙级", "丙级"), passing=("甲级",))
    )
    assert evaluate_item(door, AnswerInput(choice="乙级")).verdict is F
    note = item("XF-7", "C", AnswerSpec(AnswerType.TEXT))
    assert evaluate_item(note, AnswerInput(text="见附件", verdict=P)).verdict is P
    assert evaluate_item(door, AnswerInput(verdict=NA, na_reason="无")).verdict is NA
    assert evaluate_item(door, None).verdict is ItemVerdict.PENDING


def test_applicability_by_use_height_basement_and_civil_air_defense():
    rule = item("XF-8", applies_to=AppliesTo(uses=frozenset({BuildingUse.RESIDENTIAL}), min_height=24))
    assert item_applies(rule, UnitData("1#", height=54.0))
    assert not item_applies(rule, UnitData("1#", height=24.0))
    assert not item_applies(rule, UnitData("1#", height=54.0, use=BuildingUse.OFFICE))
    basement = item("RF-1", applies_to=AppliesTo(min_storeys_below=1, civil_air_defense=True))
    assert item_applies(basement, UnitData("1#", storeys_below=1, has_civil_air_defense=True))
    assert not item_applies(basement, UnitData("1#", storeys_below=0, has_civil_air_defense=True))
    assert not item_applies(basement, UnitData("1#", storeys_below=2))


def test_missing_evidence_by_verdict():
    thing = item("XF-1")
    assert missing_evidence(thing, F, set()) == (EvidenceKind.PHOTO, EvidenceKind.FINDING)
    assert missing_evidence(thing, F, {EvidenceKind.PHOTO}) == (EvidenceKind.FINDING,)
    assert missing_evidence(thing, NA, set()) == (EvidenceKind.REASON,)
    assert missing_evidence(thing, P, set()) == ()


def test_typed_answers():
    import pytest

    from acceptance_app.domain.checklists.typed import answer_from_text
    from acceptance_app.domain.problems import KnownError

    width = item("XF-2", "B", AnswerSpec(AnswerType.MEASURE, unit="m", tolerance=">= 4.0"))
    assert answer_from_text(width, "4.2，4.1 3.9").samples == (4.2, 4.1, 3.9)
    assert answer_from_text(width, "不适用", na_reason="无车道").verdict is NA
    assert answer_from_text(item("XF-3"), "2").verdict is F
    with pytest.raises(KnownError) as caught:
        answer_from_text(width, "4.2m")
    assert caught.value.params == {"item": "XF-2", "value": "4.2m"}
    with pytest.raises(KnownError):
        answer_from_text(item("XF-3"), "maybe")
