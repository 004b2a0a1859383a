"""Every correction of the 2026-12 domain review (section 1: fire a-d, planning, 人防, 档案, jurisdiction tables)
holds in the shipped forms, one row per corrected item id; and no advisory item can fail a verdict."""

from __future__ import annotations

import pytest

from acceptance_app.domain.checklists.answers import AnswerInput, evaluate_item
from acceptance_app.domain.checklists.applicability import applicability
from acceptance_app.domain.checklists.form import VerdictScheme
from acceptance_app.domain.checklists.verdicts import discipline_verdict
from acceptance_app.domain.entities import UnitData
from acceptance_app.domain.enums import BuildingUse, Discipline, ItemVerdict, Structure, Verdict
from acceptance_app.domain.unit_facts import Sprinkler, UnitFacts
from acceptance_app.locator import forms_dir
from acceptance_app.storage.forms.loader import load_library

LIBRARY = load_library(forms_dir())
FORMS = {d: LIBRARY.form(d) for d in Discipline}
JINAN = LIBRARY.jurisdiction("370100")


def item(item_id):
    prefix = {"XF": Discipline.FIRE, "GH": Discipline.PLANNING, "RF": Discipline.CIVIL_AIR_DEFENSE, "DA": Discipline.ARCHIVE}
    return FORMS[prefix[item_id[:2]]].item(item_id)


def measure(item_id, *samples, design=None):
    # 济南 judges fire by the 细则's any-failure scheme: no 加倍抽查.
    return evaluate_item(item(item_id), AnswerInput(samples=samples, design=design), JINAN, resample=False).verdict


RES_26 = UnitData("9层住宅", height=26.0, storeys_above=9, storeys_below=1, area_above=6000, use=BuildingUse.RESIDENTIAL,
                  structure=Structure.SHEAR_WALL, facts=UnitFacts(sprinklers=frozenset()))
RES_549 = UnitData("18层住宅", height=54.9, storeys_above=18, storeys_below=2, area_above=12876, use=BuildingUse.RESIDENTIAL,
                   structure=Structure.SHEAR_WALL, facts=UnitFacts(sprinklers=frozenset({Sprinkler.WET}), fire_lift=True))
RES_33 = UnitData("11层住宅", height=33.0, storeys_above=11, storeys_below=1, area_above=7900, use=BuildingUse.RESIDENTIAL)
SHOP = UnitData("配套商业", height=9.9, storeys_above=2, storeys_below=0, area_above=2400, area_below=0.0,
                use=BuildingUse.COMMERCIAL)
GARAGE = UnitData("地下车库", height=0.0, storeys_above=0, storeys_below=1, area_below=9860, use=BuildingUse.PARKING)
STEEL = UnitData("钢结构", height=20.0, storeys_above=4, area_above=8000, use=BuildingUse.OFFICE, structure=Structure.STEEL)


def applies(item_id, unit):
    return applicability(item(item_id), unit).applies


CORRECTIONS = [
    # 1.1a wrong numbers or meaning
    ("XF-14-4a", lambda: "安全出口" in item("XF-14-4a").text and item("XF-14-4a").source.clause == "4.4.12"
     and measure("XF-14-4a", 1.6, 1.4) is ItemVerdict.FAIL and measure("XF-14-4a", 1.5, 1.6) is ItemVerdict.PASS),
    ("XF-02-3", lambda: measure("XF-02-3", 9.0) is ItemVerdict.ADVICE and measure("XF-02-3", 10.5) is ItemVerdict.FAIL
     and item("XF-02-3").source.clause == "3.4.5"),
    ("XF-02-8", lambda: applies("XF-02-8", RES_549) and item("XF-02-8").source.clause == "2.2.3"),
    ("XF-02-8a", lambda: applies("XF-02-8a", RES_549) and item("XF-02-8a").advisory),
    ("XF-02-8b", lambda: applies("XF-02-8b", RES_549) and item("XF-02-8b").advisory),
    ("XF-02-8c", lambda: applies("XF-02-8c", RES_549) and item("XF-02-8c").source.clause == "2.2.3"),
    ("XF-02-8d", lambda: applies("XF-02-8d", RES_549) and "安全玻璃" in item("XF-02-8d").criterion),
    ("XF-12-3", lambda: "报警阀组" in item("XF-12-3").criterion and item("XF-12-3").source.clause == "6.5.1"
     and not applies("XF-12-3", RES_26)),
    ("XF-14-7", lambda: item("XF-14-7").answer.tolerance == "±10%" and measure("XF-14-7", 10900, 9500, design=10000) is ItemVerdict.PASS
     and measure("XF-14-7", 8900, 10000, 10000, 10000, 10000, design=10000) is ItemVerdict.FAIL),
    *[(i, lambda i=i: item(i).source.standard.startswith("GB 55037") and item(i).source.clause in ("6.6.5", "6.6.6、6.6.7"))
      for i in ("XF-04-1", "XF-04-1a", "XF-04-1b", "XF-04-1c", "XF-04-1d", "XF-04-1e", "XF-04-1f")],
    ("XF-05-1a", lambda: item("XF-05-1a").source.clause == "6.5.3"),
    ("XF-05-1", lambda: item("XF-05-1").source.clause == "6.5.4"),
    ("XF-13-1", lambda: item("XF-13-1").source.clause == "6.2.5"),
    ("XF-13-1b", lambda: item("XF-13-1b").source.clause == "6.2.6"),
    ("XF-14-3", lambda: item("XF-14-3").source.clause == "5.2.3"),
    ("XF-14-3a", lambda: item("XF-14-3a").source.clause == "5.2.3"),
    ("XF-06-6", lambda: item("XF-06-6").source.clause == "4.6.3、4.6.4"),
    ("XF-11-12", lambda: item("XF-11-12").source.clause.startswith("7.3")),
    ("XF-11-12a", lambda: item("XF-11-12a").source.clause.startswith("7.3") and item("XF-11-12a").advisory),
    ("XF-11-9a", lambda: not applies("XF-11-9a", RES_26) and applies("XF-11-9a", RES_33)),
    *[(i, lambda i=i: not applies(i, RES_26) and applies(i, RES_549))
      for i in ("XF-02-6", "XF-02-6a", "XF-02-7", "XF-02-7a", "XF-02-7b", "XF-02-4a")],
    ("XF-11-2d", lambda: not applies("XF-11-2d", SHOP)),
    *[(f"XF-10-{n}", lambda n=n: not applies(f"XF-10-{n}", RES_33) and not applies(f"XF-10-{n}", SHOP)
       and applies(f"XF-10-{n}", RES_549)) for n in ("1", "2", "3", "4", "4a", "5", "5a", "6")],
    ("XF-01-3", lambda: not applies("XF-01-3", RES_549) and applies("XF-01-3", STEEL)),
    ("XF-01-3a", lambda: not applies("XF-01-3a", RES_549) and applies("XF-01-3a", STEEL)),
    ("XF-12-4", lambda: not applies("XF-12-4", RES_549)),
    ("XF-12-4a", lambda: not applies("XF-12-4a", RES_549)),
    ("XF-05-1b", lambda: not applies("XF-05-1b", GARAGE)),
    ("XF-04-1f", lambda: not applies("XF-04-1f", GARAGE) and not applies("XF-04-1f", RES_549)),
    ("XF-09-8c", lambda: not applies("XF-09-8c", RES_549)),
    ("XF-09-9a", lambda: not applies("XF-09-9a", RES_549)),
    # 1.1b 宜 clauses are advisory
    *[(i, lambda i=i: item(i).advisory) for i in
      ("XF-02-4a", "XF-02-7a", "XF-10-2", "XF-11-13", "XF-12-4", "XF-12-4a", "XF-13-3a", "XF-16-2a", "XF-16-3a")],
    ("XF-02-7", lambda: measure("XF-02-7", 4.0) is ItemVerdict.ADVICE and measure("XF-02-7", 11.0) is ItemVerdict.FAIL),
    # 1.1c classes from the national checklist's 子项 levels
    *[(i, lambda i=i, c=c: item(i).item_class.value == c) for i, c in {
        "XF-05-3": "A", "XF-05-2": "A", "XF-06-8": "A", "XF-09-5": "A", "XF-09-8": "A", "XF-10-6": "B",
        "XF-11-14": "B", "XF-12-5": "A", "XF-12-5a": "B", "XF-13-6": "B", "XF-14-1": "B", "XF-15-4": "A",
        "XF-16-1": "A", "XF-16-4": "A",
    }.items()],
    # 1.1d verdict: the 细则's scheme, named by the jurisdiction
    ("verdict.fire", lambda: JINAN.verdict_rules(Discipline.FIRE, FORMS[Discipline.FIRE].verdict).scheme
     is VerdictScheme.ANY_FAILURE),
    # 1.2 planning
    *[(i, lambda i=i: not applies(i, GARAGE)) for i in ("GH-C1", "GH-C2", "GH-C3", "GH-C4", "GH-E2")],
    ("GH-B1", lambda: item("GH-B1").advisory),
    ("GH-B4", lambda: FORMS[Discipline.PLANNING].has_item("GH-B4a") and item("GH-B4a").method.value == "查"),
    ("GH-A2", lambda: "重庆" in item("GH-A2").source.note and "重庆" in JINAN.get("planning.verify_days").source),
    ("GH-H1", lambda: "多测合一" in item("GH-H1").source.note),
    ("GH-H2", lambda: "多测合一" in item("GH-H2").source.note),
    # 1.3 人防
    ("RF-E2", lambda: item("RF-E2").advisory and item("RF-E2a").answer.tolerance == ">= 1.0"
     and item("RF-E2c").item_class.value == "A"),
    ("RF-C6", lambda: item("RF-C6").advisory),
    ("civil-air-defense.authority", lambda: JINAN.get("civil-air-defense.authority").value == "国防动员（人民防空）部门"),
    # 1.4 档案
    *[(i, lambda i=i, c=c: item(i).source.clause == c and item(i).source.tag == "P") for i, c in {
        "DA-B1": "4.2.1", "DA-B2": "4.2.3", "DA-B3": "4.2.4", "DA-B4": "4.2.5", "DA-B5": "4.2.6", "DA-B6": "4.2.7",
        "DA-C1": "4.2.8", "DA-C2": "4.2.8", "DA-C3": "4.2.8", "DA-C4": "4.2.8"}.items()],
    ("DA-B5", lambda: item("DA-B5").advisory),
    ("DA-D1", lambda: item("DA-D1").advisory and item("DA-D1a").advisory),
    ("DA-C1", lambda: "系统电子签章" in item("DA-C1").answer.passing and "系统电子签章" in item("DA-C2").answer.passing),
    # 1.5 jurisdiction tables
    ("fire.filing_commitment_pilots", lambda: "济南市" not in JINAN.get("fire.filing_commitment_pilots").value
     and JINAN.get("fire.filing_commitment_pilot").value is False),
    *[(key, lambda key=key: JINAN.get(key).known and JINAN.get(key).tag == "C") for key in (
        "procedure.service_before_acceptance", "procedure.unit_alone", "procedure.quality_supervision_merged",
        "registration.first_registration_days", "codes.unit_code", "codes.unit_code_pilot", "exchange.standard")],
]


@pytest.mark.parametrize(("item_id", "check"), CORRECTIONS, ids=[c[0] for c in CORRECTIONS])
def test_each_corrected_item_has_its_corrected_value(item_id, check):
    assert check(), item_id


@pytest.mark.parametrize("discipline", list(Discipline))
def _missing_answer(it):
    """An answer that misses the item's rule: 不合格 for a verdict item, a value outside the tolerance."""
    if it.answer.type.value in ("verdict", "text"):
        return AnswerInput(verdict=ItemVerdict.FAIL)
    count = it.sampling.min_samples if it.sampling else 1
    for value in (-1e6, 0.0, 1e6):
        answer = AnswerInput(samples=(value,) * max(count, 5), design=1.0)
        if evaluate_item(it, answer, JINAN).verdict is not ItemVerdict.PASS:
            return answer
    raise AssertionError(f"no value misses {it.id}")


@pytest.mark.parametrize("discipline", list(Discipline))
def test_no_advisory_item_can_make_a_verdict_fail(discipline):
    """Answer every advisory item of the shipped form so that it misses its rule (and every other item 合格):
    each gives 建议, and the verdict is 合格 under the jurisdiction's scheme."""
    form = FORMS[discipline]
    rules = JINAN.verdict_rules(discipline, form.verdict)
    verdicts = {}
    for it in form.items:
        if it.advisory:
            verdicts[it.id] = evaluate_item(it, _missing_answer(it), JINAN).verdict
            assert verdicts[it.id] is ItemVerdict.ADVICE, it.id
        else:
            verdicts[it.id] = ItemVerdict.PASS
    assert any(it.advisory for it in form.items)
    assert discipline_verdict(discipline, rules, form.items, verdicts).verdict is Verdict.PASSED


def test_an_advisory_item_never_asks_for_failure_evidence():
    for form in FORMS.values():
        for it in form.items:
            if it.advisory:
                assert not it.evidence.on_fail or it.answer.type.value == "verdict", it.id


def test_a_printed_basis_never_carries_a_research_note():
    for form in FORMS.values():
        for it in form.items:
            basis = it.source.basis
            for word in ("未确认", "可能为", "未识别", "http", "领域研究", "原文未见"):
                assert word not in basis, (it.id, basis)


def test_form_versions_read_in_chinese():
    assert FORMS[Discipline.FIRE].version_label == "2026年12月版"


KINDERGARTEN = UnitData("幼儿园", height=11.7, storeys_above=3, storeys_below=0, area_above=3186, area_below=0.0,
                        use=BuildingUse.KINDERGARTEN)
WHICH_APPLY = [
    # unit, item, applies: the real cases of the review
    (RES_26, "XF-11-9a", False), (RES_33, "XF-11-9a", True),  # 高层 0.35 MPa: 住宅 > 27 m only
    (RES_26, "XF-02-6", False), (RES_549, "XF-02-6", True),  # 登高场地 for 高层 only
    (RES_33, "XF-10-1", False), (RES_549, "XF-10-1", True),  # 消防电梯: 住宅 > 33 m
    (RES_549, "XF-20-11", True), (RES_33, "XF-20-11", False),  # 避难房间 > 54 m
    (RES_549, "XF-12-4", False),  # a wet system only: no 干式 充水时间
    (RES_549, "XF-02-8", True), (GARAGE, "XF-02-8", False),  # 消防救援口 for every building with storeys above
    (GARAGE, "XF-19-1", True), (RES_549, "XF-19-1", False),  # 地下汽车库 items
    (GARAGE, "XF-04-1c", False), (GARAGE, "GH-C1", False),  # no façade, no 建筑高度 for a garage below ground
    (KINDERGARTEN, "XF-04-1f", True), (SHOP, "XF-04-1f", True),  # 人员密集: 幼儿园 yes; a shop is unknown: checked
    (SHOP, "XF-10-1", False), (KINDERGARTEN, "XF-10-1", False),
    (STEEL, "XF-01-3", True), (RES_549, "XF-01-3", False),
]


@pytest.mark.parametrize(("unit", "item_id", "expected"), WHICH_APPLY,
                         ids=[f"{u.name}-{i}" for u, i, _e in WHICH_APPLY])
def test_which_items_apply_to_the_real_cases(unit, item_id, expected):
    result = applicability(item(item_id), unit)
    assert result.applies is expected
    if not expected:
        assert result.reasons, "an item that does not apply says why"
