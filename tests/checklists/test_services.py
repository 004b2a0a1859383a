"""The runner's use cases on a real (temporary) SQLite database with the fixture forms."""

import pytest
import sqlalchemy as sa

from acceptance_app.domain.checklists.answers import AnswerInput
from acceptance_app.domain.checklists.verdicts import Reason
from acceptance_app.domain.enums import CellStatus, Discipline, InspectionKind, ItemVerdict, Verdict
from acceptance_app.domain.problems import KnownError
from acceptance_app.services import projects
from acceptance_app.services.checklists import inspections as checklists
from acceptance_app.services.checklists import verdicts
from acceptance_app.storage.models import Answer, AuditEvent, FormSnapshot
from acceptance_app.text import describe_error
from tests.checklists.helpers import (
    FAIL,
    FIRE_PASSING,
    PASS,
    answer_all,
    give_evidence,
    make_project,
    na,
    start,
)


def test_answering_every_item_passes_and_concludes(session):
    _, (unit, _other) = make_project(session)
    inspection = start(session, unit)
    answer_all(session, inspection)
    sheet = checklists.inspection_sheet(session, inspection).sheet
    assert (sheet.answered, sheet.total) == (7, 7)
    assert sheet.outcome.verdict is Verdict.PASSED
    result, _ = verdicts.conclude_inspection(session, inspection)
    assert (result.outcome.verdict, result.outcome.reason, result.advisory) == (Verdict.PASSED, Reason.ALL_PASSED, False)
    assert projects.get_unit(session, unit).cells[Discipline.FIRE] is CellStatus.PASSED
    with pytest.raises(KnownError) as refused:
        checklists.answer_item(session, inspection, "XF-06-3", FAIL)
    assert refused.value.code == "inspection.completed"


def test_conclude_refuses_and_lists_unanswered_and_missing_reason(session):
    _, (unit, _other) = make_project(session)
    inspection = start(session, unit)
    answer_all(session, inspection, {k: v for k, v in FIRE_PASSING.items() if k != "XF-06-3"}, **{"XF-06-5": na("")})
    with pytest.raises(KnownError) as refused:
        verdicts.conclude_inspection(session, inspection)
    message = describe_error(refused.value)
    assert "XF-06-3" in message and "XF-06-5" in message and "理由" in message
    assert projects.get_unit(session, unit).cells[Discipline.FIRE] is CellStatus.IN_PROGRESS


def test_failed_a_item_fails_with_reason_and_deciding_items(session):
    _, (unit, _other) = make_project(session)
    inspection = start(session, unit)
    answer_all(session, inspection, **{"XF-06-1": AnswerInput(samples=(1,), design=2), "XF-06-3": FAIL})
    give_evidence(session, inspection, "XF-06-1")
    give_evidence(session, inspection, "XF-06-3")
    result, _ = verdicts.conclude_inspection(session, inspection)
    assert (result.outcome.verdict, result.outcome.deciding) == (Verdict.FAILED, ("XF-06-1",))
    deciding = verdicts.deciding_items(session, unit, Discipline.FIRE)
    assert [(r.item.id, r.verdict, r.answer.values.samples) for r in deciding] == [("XF-06-1", ItemVerdict.FAIL, (1.0,))]
    rows = verdicts.record_items(session, inspection)
    assert rows[0].item.source.clause == "5.2.2" and rows[0].answer.values.design == 13.0


def test_project_level_answer_counts_for_every_unit(session):
    _, (first, second) = make_project(session)
    one, two = start(session, first), start(session, second)
    checklists.answer_item(session, one, "XF-04-2", AnswerInput(samples=(3.8,)))  # 消防车道 too narrow
    row = checklists.inspection_sheet(session, two).sheet.row("XF-04-2")
    assert (row.verdict, row.shared) == (ItemVerdict.FAIL, True)
    assert session.scalar(sa.select(sa.func.count()).select_from(Answer)) == 1


def test_measured_values_sampling_and_design_value(session):
    _, (unit, _other) = make_project(session)
    inspection = start(session, unit)
    outcome, _ = checklists.answer_item(session, inspection, "XF-06-4", AnswerInput(samples=(0.36, 0.30)))
    assert (outcome.verdict, outcome.samples_needed) == (ItemVerdict.PENDING, 2)  # 加倍抽查
    outcome, _ = checklists.answer_item(session, inspection, "XF-06-4", AnswerInput(samples=(0.36, 0.30, 0.37, 0.40)))
    assert outcome.verdict is ItemVerdict.PASS
    with pytest.raises(KnownError) as refused:
        checklists.answer_item(session, inspection, "XF-04-1", AnswerInput(samples=(13.0,)))
    assert refused.value.code == "tolerance.design_missing"
    with pytest.raises(KnownError):
        checklists.answer_item(session, inspection, "XF-06-2", AnswerInput(choice="铁门"))
    with pytest.raises(KnownError) as unknown:
        checklists.answer_item(session, inspection, "XF-99-9", PASS)
    assert unknown.value.code == "answer.unknown_item"


def test_undo_restores_the_previous_answer_and_is_audited(session):
    _, (unit, _other) = make_project(session)
    inspection = start(session, unit)
    checklists.answer_item(session, inspection, "XF-06-3", PASS)
    checklists.answer_item(session, inspection, "XF-06-3", FAIL)
    checklists.set_note(session, inspection, "XF-06-3", "三层走道缺两处")
    assert checklists.undo_last(session, inspection)[0] == "XF-06-3"
    row = checklists.inspection_sheet(session, inspection).sheet.row("XF-06-3")
    assert (row.verdict, row.answer.values.note) == (ItemVerdict.FAIL, "")
    checklists.undo_last(session, inspection)
    assert checklists.inspection_sheet(session, inspection).sheet.row("XF-06-3").verdict is ItemVerdict.PASS
    checklists.undo_last(session, inspection)
    assert checklists.inspection_sheet(session, inspection).sheet.row("XF-06-3").verdict is ItemVerdict.PENDING
    with pytest.raises(KnownError):
        checklists.undo_last(session, inspection)
    session.flush()
    assert session.scalar(sa.select(sa.func.count()).select_from(Answer)) == 3  # nothing deleted
    updates = session.scalars(sa.select(AuditEvent).where(AuditEvent.entity == "answers", AuditEvent.action == "update"))
    assert any("retired" in e.changes for e in updates)


def test_pinned_form_survives_a_changed_form_file(session, forms_copy):
    _, (unit, _other) = make_project(session)
    inspection = start(session, unit, folder=forms_copy)
    fire = forms_copy / "fire.yaml"
    fire.write_text(fire.read_text("utf-8").replace('version: "T-1"', 'version: "T-2"').replace("防火间距", "防火间距（新）"), "utf-8")
    current = checklists.inspection_sheet(session, inspection)
    assert current.info.form_version == "T-1"
    assert current.sheet.row("XF-04-1").item.text == "防火间距"
    assert session.scalar(sa.select(sa.func.count()).select_from(FormSnapshot)) == 2  # form + jurisdiction
    _, (other, _x) = make_project(session, ("9#楼", "10#楼"))
    assert checklists.inspection_sheet(session, start(session, other, folder=forms_copy)).info.form_version == "T-2"


def test_service_failures_are_carried_into_the_formal_inspection(session):
    _, (unit, _other) = make_project(session)
    service = start(session, unit, kind=InspectionKind.SERVICE)
    answer_all(session, service, **{"XF-06-3": FAIL})
    give_evidence(session, service, "XF-06-3")
    advisory, _ = verdicts.conclude_inspection(session, service)
    assert advisory.advisory and advisory.outcome.verdict is Verdict.RECHECK
    assert projects.get_unit(session, unit).cells[Discipline.FIRE] is CellStatus.NOT_STARTED  # advisory only
    formal = checklists.inspection_sheet(session, start(session, unit)).sheet
    assert [r.item.id for r in formal.rows if r.recheck] == ["XF-06-3"]
    assert formal.answered == 0


def test_recheck_round_carries_passed_items_and_reopens_failed(session):
    project, (unit, _other) = make_project(session)
    first = start(session, unit)
    answer_all(session, first, **{"XF-06-3": FAIL})
    give_evidence(session, first, "XF-06-3")
    verdicts.conclude_inspection(session, first)
    assert projects.get_unit(session, unit).cells[Discipline.FIRE] is CellStatus.RECTIFYING
    second = start(session, unit)
    sheet = checklists.inspection_sheet(session, second)
    assert sheet.info.round == 2
    assert [r.item.id for r in sheet.sheet.rows if r.verdict is ItemVerdict.PENDING] == ["XF-06-3"]
    checklists.answer_item(session, second, "XF-06-3", PASS)
    verdicts.conclude_inspection(session, second)
    unit_result = verdicts.unit_verdict(session, unit)
    fire = next(o for o in unit_result.disciplines if o.discipline is Discipline.FIRE)
    assert fire.verdict is Verdict.PASSED
    assert unit_result.joint.verdict is None and "planning" in unit_result.joint.deciding  # not inspected yet
    result = verdicts.project_verdict(session, project)
    assert result.joint.verdict is None and len(result.units) == 2


def test_civil_air_defense_not_applicable_without_works(session):
    _, (unit, _other) = make_project(session)
    with pytest.raises(KnownError):
        start(session, unit, Discipline.CIVIL_AIR_DEFENSE)
    outcome = verdicts.discipline_outcome(session, unit, Discipline.CIVIL_AIR_DEFENSE)
    assert outcome.verdict is Verdict.NOT_APPLICABLE


def test_a_failed_item_needs_its_finding_and_photo_before_concluding(session):
    _, (unit, _other) = make_project(session)
    inspection = start(session, unit)
    answer_all(session, inspection, **{"XF-06-3": FAIL})
    with pytest.raises(KnownError) as refused:
        verdicts.conclude_inspection(session, inspection)
    message = describe_error(refused.value)
    assert "XF-06-3" in message and "照片" in message
    give_evidence(session, inspection, "XF-06-3")  # a finding on the item, photographed
    assert verdicts.conclude_inspection(session, inspection)[0].outcome.verdict is Verdict.RECHECK


def test_evidence_of_photos_and_findings_adds_up(session):
    from acceptance_app.domain.checklists.form import EvidenceKind
    from acceptance_app.services.checklists import evidence

    _, (unit, _other) = make_project(session)
    inspection = start(session, unit)
    answer_all(session, inspection, **{"XF-06-3": FAIL})
    assert evidence.existing_evidence(session, inspection) == {}
    give_evidence(session, inspection, "XF-06-3")  # a finding on the item, photographed
    assert evidence.existing_evidence(session, inspection) == {"XF-06-3": {EvidenceKind.PHOTO, EvidenceKind.FINDING}}
    assert evidence.combined({"XF-06-3": {EvidenceKind.PHOTO}}, {"XF-06-4": {EvidenceKind.PHOTO}},
                             {"XF-06-3": {EvidenceKind.FINDING}}) == {
        "XF-06-3": {EvidenceKind.PHOTO, EvidenceKind.FINDING}, "XF-06-4": {EvidenceKind.PHOTO}}
    assert evidence.assumed_evidence() == frozenset()  # every kind a form may ask for is supplied


def test_record_and_deciding_lines_for_documents(session):
    from acceptance_app.services.checklists.records import (
        deciding_item_fields,
        inspection_deciding_items,
        record_line_fields,
    )

    _, (unit, _other) = make_project(session)
    inspection = start(session, unit)
    answer_all(session, inspection, **{"XF-06-4": AnswerInput(samples=(0.36, 0.30, 0.37, 0.40))})
    lines = {r.item.id: record_line_fields(r) for r in verdicts.record_items(session, inspection)}
    assert lines["XF-04-1"] == {
        "item_id": "XF-04-1", "text": "防火间距", "answer": "", "measurement": "13.2 m（设计 13 m，按设计值判定）", "samples": "",
        "verdict_label": "合格", "clause": "GB 50016-2014（2018年版） 第5.2.2条",
    }
    assert lines["XF-06-4"]["samples"] == "0.36 / 0.3 / 0.37 / 0.4" and lines["XF-06-2"]["answer"] == "甲级"
    passed = [deciding_item_fields(r)["item_id"] for r in inspection_deciding_items(session, inspection)]
    assert passed == ["XF-04-1", "XF-06-1"]  # the veto items, which passing made it 合格
    checklists.answer_item(session, inspection, "XF-06-3", FAIL)
    assert [r.item.id for r in inspection_deciding_items(session, inspection)] == ["XF-06-3"]


def test_starting_without_a_valid_form_says_where_to_look(session, forms_copy):
    fire = forms_copy / "fire.yaml"
    fire.write_text(fire.read_text("utf-8").replace("class: A", "class: Z", 1), "utf-8")
    _, (unit, _other) = make_project(session)
    with pytest.raises(KnownError) as refused:
        start(session, unit, folder=forms_copy)
    message = describe_error(refused.value)
    assert str(forms_copy) in message and "forms check" in message
    assert session.scalar(sa.select(sa.func.count()).select_from(FormSnapshot)) == 0
