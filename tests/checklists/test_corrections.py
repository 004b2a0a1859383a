"""更正 and 撤销结论: an answer of a concluded discipline changes only with a reason, recorded with it; a change
that would alter the verdict, follows a later round, or sits under an issued opinion is refused and writes
nothing; the item's history shows every version."""

import uuid

import pytest
import sqlalchemy as sa

from acceptance_app.demo.ready import create_ready_project
from acceptance_app.domain.checklists.answers import AnswerInput
from acceptance_app.domain.enums import Discipline, InspectionKind, InspectionStatus, ItemVerdict, Verdict
from acceptance_app.domain.problems import KnownError
from acceptance_app.services.audit_trail import entity_history
from acceptance_app.services.checklists import corrections, verdicts
from acceptance_app.services.checklists import inspections as checklists
from acceptance_app.services.checklists.answer_history import item_history
from acceptance_app.services.documents import issuing
from acceptance_app.storage.models import Answer, Inspection, Unit
from acceptance_app.text import describe_error
from acceptance_app.text.audit import field_label, new_text, version_notes
from tests.checklists.helpers import FAIL, answer_all, give_evidence, make_project, start

READING = "XF-04-2"  # measured, passes at 4.5 in the fixture forms


def _concluded(database, verdict_items=None):
    with database.session() as s:  # give_evidence commits the photo it imports
        _, (unit, _other) = make_project(s)
        inspection = start(s, unit)
        answer_all(s, inspection, **(verdict_items or {}))
        for item_id in (verdict_items or {}):
            give_evidence(s, inspection, item_id)
        verdicts.conclude_inspection(s, inspection)
        s.commit()
    return unit, inspection


def _live(database, inspection, item_id):
    with database.session() as s:
        return s.scalars(sa.select(Answer).where(Answer.inspection_id == inspection, Answer.item_id == item_id,
                                                 Answer.retired.is_(False))).one()


def _count(database):
    with database.session() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(Answer))


def test_a_correction_needs_a_reason_and_records_it_with_the_new_version(database):
    _unit, inspection = _concluded(database)
    before, count = _live(database, inspection, READING), _count(database)
    for reason in ("", "  ", "误记"):  # blank, or too short to tell anything
        with pytest.raises(KnownError) as refused, database.session() as s, s.begin():
            checklists.correct_answer(s, inspection, READING, AnswerInput(samples=(4.6,)), reason)
        assert refused.value.code == "answer.correction_reason_required"
        assert "XF-04-2" in describe_error(refused.value)
    assert _count(database) == count and _live(database, inspection, READING).id == before.id

    with database.session() as s, s.begin():
        correction, changes = checklists.correct_answer(
            s, inspection, READING, AnswerInput(samples=(4.6,)), "  读数误记为4.5，现场复核为4.6  ")
    assert correction.outcome.verdict is ItemVerdict.PASS and correction.reason == "读数误记为4.5，现场复核为4.6"
    assert changes.checklist and correction.stale_record_sheets == ()
    after = _live(database, inspection, READING)
    assert after.samples == [4.6] and after.change_reason == "读数误记为4.5，现场复核为4.6"
    assert after.replaces_id == before.id and after.answered_by == "测试员"
    with database.session() as s:
        assert s.get(Answer, before.id).retired  # kept, never deleted
        concluded = s.get(Inspection, inspection)
        assert (concluded.status, concluded.verdict) == (InspectionStatus.COMPLETED, Verdict.PASSED)
        reasons = [e for e in entity_history(s, after.id, "XF-04-2") if e.field == "change_reason"]
    assert [new_text(e) for e in reasons] == ["读数误记为4.5，现场复核为4.6"]
    assert field_label(reasons[0]) in ("Reason for the correction", "更正理由")


def test_an_open_inspection_is_answered_not_corrected(database):
    with database.session() as s, s.begin():
        _, (unit, _other) = make_project(s)
        inspection = start(s, unit)
        with pytest.raises(KnownError) as refused:
            checklists.correct_answer(s, inspection, READING, AnswerInput(samples=(4.6,)), "读数误记，现场复核")
    assert refused.value.code == "inspection.not_concluded"


def test_a_correction_that_would_change_the_verdict_is_refused_and_writes_nothing(database):
    _unit, inspection = _concluded(database)
    count = _count(database)
    with pytest.raises(KnownError) as refused, database.session() as s, s.begin():
        checklists.correct_answer(s, inspection, "XF-06-3", FAIL, "复核发现闭门器损坏")
    assert refused.value.code == "answer.correction_changes_verdict"
    message = describe_error(refused.value)
    assert "XF-06-3" in message and refused.value.params["concluded"] == "passed"
    assert _count(database) == count and _live(database, inspection, "XF-06-3").verdict is ItemVerdict.PASS


def test_reopening_needs_a_reason_then_the_discipline_is_answered_and_concluded_anew(database):
    _unit, inspection = _concluded(database)
    with pytest.raises(KnownError) as refused, database.session() as s, s.begin():
        corrections.reopen_inspection(s, inspection, "")
    assert refused.value.code == "inspection.reopen_reason_required"
    with database.session() as s, s.begin():
        corrections.reopen_inspection(s, inspection, "复核发现XF-06-3闭门器损坏，需重新判定")
    with database.session() as s:
        reopened = s.get(Inspection, inspection)
        assert (reopened.status, reopened.verdict, reopened.completed_at) == (InspectionStatus.IN_PROGRESS, None, None)
        assert reopened.reopen_reason == "复核发现XF-06-3闭门器损坏，需重新判定"
        status = [e for e in entity_history(s, inspection, "1#楼") if e.field == "status"]
    assert [new_text(e) for e in status][-1] in ("In progress", "进行中")
    with database.session() as s:
        checklists.answer_item(s, inspection, "XF-06-3", FAIL)
        give_evidence(s, inspection, "XF-06-3")
        assert verdicts.conclude_inspection(s, inspection)[0].outcome.verdict is not Verdict.PASSED
        s.commit()
    with pytest.raises(KnownError) as twice, database.session() as s, s.begin():
        corrections.reopen_inspection(s, uuid.uuid4(), "不存在的检查也要理由")
    assert twice.value.code != "inspection.reopen_reason_required"


def test_a_round_followed_by_a_later_one_is_changed_in_the_later_round(database):
    unit, first = _concluded(database, {"XF-06-3": FAIL})
    with database.session() as s, s.begin():
        assert s.get(Inspection, first).verdict is not Verdict.PASSED
        second = start(s, unit)
    assert second != first
    with pytest.raises(KnownError) as refused, database.session() as s, s.begin():
        checklists.correct_answer(s, first, READING, AnswerInput(samples=(4.6,)), "读数误记，现场复核为4.6")
    assert refused.value.code == "inspection.later_round" and refused.value.params == {"round": 1, "later": 2}
    with pytest.raises(KnownError), database.session() as s, s.begin():
        corrections.reopen_inspection(s, first, "第一轮判定有误，需重新判定")


def test_an_issued_opinion_closes_the_unit_and_record_sheets_are_named_for_reissue(database):
    with database.session() as s, s.begin():
        second, _ = create_ready_project(s)  # 二期: 6# accepted on its own, 7# in rectification
    with database.session() as s:
        sixth = s.scalars(sa.select(Unit.id).where(Unit.name == "6#住宅楼")).one()
        fire = s.scalars(sa.select(Inspection.id).where(
            Inspection.unit_id == sixth, Inspection.discipline == Discipline.FIRE,
            Inspection.kind == InspectionKind.FORMAL).order_by(Inspection.round.desc())).first()
        item = s.scalars(sa.select(Answer.item_id).where(
            Answer.inspection_id == fire, Answer.unit_id == sixth, Answer.retired.is_(False),
            Answer.verdict == ItemVerdict.PASS, Answer.note == "")).first()  # the unit's own item, not ⟲
    with database.session() as s, s.begin():
        sheets, _ = issuing.issue_record_sheets(s, second)
    with database.session() as s, s.begin():
        note = "复核：原记录漏记说明"
        current = checklists.current_answer(s, fire, item)
        correction, changes = checklists.correct_answer(
            s, fire, item, AnswerInput(**{**current.__dict__, "note": note}), "补记现场说明，结论不变")
    assert changes.report and len(correction.stale_record_sheets) == 1
    assert correction.stale_record_sheets[0] in {d.number for d in sheets}

    with database.session() as s, s.begin():
        opinion, _ = issuing.issue_opinion(s, second, sixth)
    with pytest.raises(KnownError) as refused, database.session() as s, s.begin():
        corrections.reopen_inspection(s, fire, "需重新判定消防结论")
    assert refused.value.code == "inspection.document_issued"
    message = describe_error(refused.value)
    assert opinion.number in message and "6#住宅楼" in message
    with pytest.raises(KnownError) as also, database.session() as s, s.begin():
        checklists.correct_answer(s, fire, item, AnswerInput(verdict=ItemVerdict.PASS), "再次补记说明")
    assert also.value.code == "inspection.document_issued"


def test_the_item_history_shows_every_version_with_why_and_who(database):
    _unit, inspection = _concluded(database)
    with database.session() as s, s.begin():
        checklists.correct_answer(s, inspection, READING, AnswerInput(samples=(4.6,)), "读数误记，现场复核为4.6")
    with database.session() as s:
        history = item_history(s, inspection, READING)
    assert history.unit_name == "1#楼" and history.item.id == READING
    first, corrected = history.versions
    assert (first.live, corrected.live) == (False, True)
    assert first.values.samples == (4.5,) and corrected.values.samples == (4.6,)
    assert corrected.change_reason == "读数误记，现场复核为4.6" and corrected.by == "测试员" and corrected.device
    assert "读数误记" in version_notes(corrected) and first.taken_back is None


def test_an_answer_taken_back_says_so_in_its_history(database):
    with database.session() as s, s.begin():
        _, (unit, _other) = make_project(s)
        inspection = start(s, unit)
        checklists.answer_item(s, inspection, READING, AnswerInput(samples=(4.5,)))
        checklists.answer_item(s, inspection, READING, AnswerInput(samples=(9.9,)))
        checklists.undo_last(s, inspection)
    with database.session() as s:
        versions = item_history(s, inspection, READING).versions
    assert [v.live for v in versions] == [True, False]
    assert versions[1].taken_back is not None and versions[1].taken_back.by == "测试员"
    assert "测试员" in version_notes(versions[1])


def test_a_project_level_answer_is_corrected_only_if_every_unit_keeps_its_verdict(database):
    with database.session() as s:
        _, (first, second) = make_project(s)
        one, two = start(s, first), start(s, second)
        answer_all(s, one)  # XF-04-2 (消防车道) is project-level: answered once, counts for both units
        answer_all(s, two, **{"XF-04-2": AnswerInput(samples=(4.5,))})
        verdicts.conclude_inspection(s, one)
        s.commit()
    with database.session() as s, s.begin():
        inspection_two = s.get(Inspection, two)
        assert inspection_two.status is not InspectionStatus.COMPLETED
        verdicts.conclude_inspection(s, two)
    with pytest.raises(KnownError) as refused, database.session() as s, s.begin():
        checklists.correct_answer(s, one, READING, AnswerInput(samples=(3.8,)), "复核：消防车道净宽实测3.8 m")
    assert refused.value.code == "answer.correction_changes_verdict"
    assert "1#楼" in describe_error(refused.value)
    with database.session() as s, s.begin():
        checklists.correct_answer(s, two, READING, AnswerInput(samples=(4.4,)), "复核：消防车道净宽实测4.4 m")
    with database.session() as s:
        for inspection in (one, two):
            assert checklists.inspection_sheet(s, inspection).sheet.row(READING).answer.values.samples == (4.4,)


def test_a_project_level_answer_cannot_change_a_concluded_unit_from_an_open_one(database):
    with database.session() as s:
        _, (first, second) = make_project(s)
        one, two = start(s, first), start(s, second)
        answer_all(s, one)
        verdicts.conclude_inspection(s, one)
        s.commit()
    with pytest.raises(KnownError) as refused, database.session() as s, s.begin():
        checklists.answer_item(s, two, READING, AnswerInput(samples=(3.8,)))  # would fail 1#楼 silently
    assert refused.value.code == "answer.shared_item_concluded"
    assert "1#楼" in describe_error(refused.value) and "消防" in describe_error(refused.value)
    with database.session() as s, s.begin():
        checklists.answer_item(s, two, "XF-06-3", FAIL)  # the unit's own items are answered as usual
    with database.session() as s:
        assert checklists.inspection_sheet(s, one).sheet.row(READING).answer.values.samples == (4.5,)
