"""Findings through the services: the loop with who and when, deadlines, the dashboard, 复验 rounds,
carrying technical-service findings, commitments that block the opinion, and the documents' sources."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
import sqlalchemy as sa

from acceptance_app.demo.data import HAND_FINDINGS, PHOTO_OF_KIND
from acceptance_app.domain.enums import (
    Discipline,
    FindingStatus,
    InspectionKind,
    InspectionStatus,
    ItemClass,
    PartyRole,
    Verdict,
)
from acceptance_app.domain.findings import (
    CommitmentData,
    CommitmentKind,
    CommitmentStatus,
    FindingAction,
    FindingData,
    FindingOrigin,
)
from acceptance_app.domain.problems import KnownError, ValidationFailed
from acceptance_app.services.documents import inputs as document_inputs
from acceptance_app.services.documents import issuing as documents
from acceptance_app.services.findings import commitments, rechecks
from acceptance_app.services.findings import workflow as findings
from acceptance_app.storage.db import Database
from acceptance_app.storage.models import Finding, Inspection, Unit
from acceptance_app.text import describe_error
from tests import builders

TODAY = date(2026, 11, 20)  # a Friday


def _unit(s, project_id: uuid.UUID, name: str = "1#住宅楼") -> Unit:  # type: ignore[no-untyped-def]
    return s.scalars(sa.select(Unit).where(Unit.project_id == project_id, Unit.name == name)).one()


def _inspection(s, unit: Unit, discipline: Discipline = Discipline.FIRE,  # type: ignore[no-untyped-def]
                kind: InspectionKind = InspectionKind.FORMAL) -> uuid.UUID:
    # A concluded round after whatever the demo's checklists left on this unit and discipline.
    last = s.scalar(sa.select(sa.func.max(Inspection.round)).where(
        Inspection.unit_id == unit.id, Inspection.discipline == discipline, Inspection.kind == kind)) or 0
    inspection = Inspection(id=uuid.uuid4(), unit_id=unit.id, discipline=discipline, kind=kind, round=last + 1,
                            status=InspectionStatus.COMPLETED, verdict=Verdict.RECHECK)
    s.add(inspection)
    s.flush()
    return inspection.id


DOOR = FindingData("防火门闭门器缺失", ItemClass.B, PartyRole.CONTRACTOR, 5, "XF-04-1")


def test_the_loop_records_who_and_when_and_a_failed_recheck_goes_back(database: Database) -> None:
    with database.session() as s, s.begin():
        inspection = builders.inspection(s, builders.project(s).unit_id)
        finding_id, changes = findings.add_finding(s, inspection, DOOR, today=TODAY)
        assert changes.finding
        row = findings.get_finding(s, finding_id, today=TODAY)
        assert row.status is FindingStatus.OPEN and row.deadline == date(2026, 11, 27)
        assert row.party_name == builders.PARTIES[1].name and row.created_by == "测试员"
        findings.mark_rectified(s, finding_id, "已安装闭门器")
        findings.recheck(s, finding_id, passed=False, note="仍不能自行关闭")
        assert findings.get_finding(s, finding_id).status is FindingStatus.OPEN
        findings.mark_rectified(s, finding_id, "更换闭门器")
        findings.recheck(s, finding_id, passed=True, note="复验合格")
        row = findings.get_finding(s, finding_id)
        assert row.status is FindingStatus.CLOSED and row.closed_by == "测试员" and row.left is None
        assert row.last_note == "复验合格"
        events = findings.finding_events(s, finding_id)
    assert [e.action for e in events] == [FindingAction.OPEN, FindingAction.RECTIFY, FindingAction.RECHECK_FAIL,
                                          FindingAction.RECTIFY, FindingAction.RECHECK_PASS]
    assert [e.status_after for e in events][-3:] == [FindingStatus.OPEN, FindingStatus.RECTIFIED, FindingStatus.CLOSED]
    assert all(e.by == "测试员" and e.at.tzinfo is not None for e in events)


def test_refused_steps_and_bad_input_change_nothing(database: Database) -> None:
    with database.session() as s, s.begin():
        inspection = builders.inspection(s, builders.project(s).unit_id)
        finding_id, _ = findings.add_finding(s, inspection, DOOR, today=TODAY)
    with database.session() as s, s.begin():
        with pytest.raises(KnownError) as caught:
            findings.recheck(s, finding_id, passed=True)
        assert describe_error(caught.value) == "该问题当前为“待整改”，不能进行“复验通过”。"
        with pytest.raises(ValidationFailed) as bad:
            findings.add_finding(s, inspection, FindingData(" ", deadline_days=0), today=TODAY)
        assert [p.field for p in bad.value.problems] == ["description", "deadline_days"]
    with database.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Finding).where(Finding.inspection_id == inspection)) == 1
        assert findings.get_finding(s, finding_id).status is FindingStatus.OPEN


def test_a_missing_party_is_named(database: Database) -> None:
    with database.session() as s, s.begin():
        inspection = builders.inspection(s, builders.project(s).unit_id)  # a builder and a contractor only
        with pytest.raises(KnownError) as caught:
            findings.add_finding(s, inspection, FindingData("地基", party_role=PartyRole.SURVEYOR), today=TODAY)
    assert "勘察单位" in describe_error(caught.value)


def test_evidence_counts_findings_per_item(database: Database, demo_project) -> None:
    with database.session() as s, s.begin():
        inspection = _inspection(s, _unit(s, demo_project))
        for data in (DOOR, DOOR, FindingData("喷头被遮挡", item_id="XF-07-1"), FindingData("其他", item_id=None)):
            findings.add_finding(s, inspection, data, today=TODAY)
        assert findings.finding_evidence(s, inspection) == {"XF-04-1": 2, "XF-07-1": 1}


def test_demo_dashboard_has_every_state_an_overdue_one_and_figures_by_discipline_and_party(
        database: Database, demo_project) -> None:
    with database.session() as s:
        board = findings.dashboard(s, demo_project)
        rows = findings.list_findings(s, demo_project)
    assert board.open >= 2 and board.rectified >= 1 and board.closed >= 1 and board.overdue >= 1
    assert {r.status for r in rows} == set(FindingStatus)
    assert board.by_discipline[Discipline.FIRE] >= 3 and Discipline.PLANNING not in board.by_discipline  # closed
    assert board.by_party[PartyRole.CONTRACTOR] >= 2 and board.by_party[PartyRole.DESIGNER] == 1
    overdue = [r for r in board.unresolved if r.overdue]
    assert overdue[0].description.startswith("配套商业S1二层东侧疏散楼梯间乙级防火门未安装闭门器")
    assert board.unresolved[0] == overdue[0]  # the most urgent first
    assert any(r.origin is FindingOrigin.SERVICE for r in rows)


def test_list_filters(database: Database, demo_project) -> None:
    with database.session() as s:
        fire = findings.list_findings(s, demo_project, discipline=Discipline.FIRE)
        designer = findings.list_findings(s, demo_project, party_role=PartyRole.DESIGNER)
        closed = findings.list_findings(s, demo_project, status=FindingStatus.CLOSED)
        late = findings.list_findings(s, demo_project, overdue_only=True)
    assert fire and all(r.discipline is Discipline.FIRE for r in fire)
    assert [r.item_id for r in designer] == ["XF-09-3a"]
    assert [r.item_id for r in closed] == ["GH-B3"]
    assert [r.item_id for r in late] == ["XF-06-3"]


def test_recheck_round_lists_only_unresolved_findings(database: Database, demo_project) -> None:
    with database.session() as s, s.begin():
        unit = _unit(s, demo_project)
        first = _inspection(s, unit)
        next_round = s.get(Inspection, first).round + 1
        a, _ = findings.add_finding(s, first, DOOR, today=TODAY)
        b, _ = findings.add_finding(s, first, FindingData("应急照明照度不足", item_id="XF-09-1"), today=TODAY)
        c, _ = findings.add_finding(s, first, FindingData("标识缺失", item_id="XF-10-1"), today=TODAY)
        findings.mark_rectified(s, c)
        findings.recheck(s, c, passed=True)
        findings.mark_rectified(s, b)
        scope, changes = rechecks.start_recheck_round(s, unit.id, Discipline.FIRE)
        assert changes.inspection and scope.round == next_round
        assert scope.item_ids == ("XF-04-1", "XF-09-1")
        assert {r.id for r in scope.findings} == {a, b}
        findings.recheck(s, b, passed=True)  # recorded in the new round
        again = rechecks.recheck_scope(s, scope.inspection_id)
        assert {r.id: r.status for r in again.findings}[b] is FindingStatus.CLOSED
        # The new round is not completed: no further round yet.
        with pytest.raises(KnownError) as caught:
            rechecks.start_recheck_round(s, unit.id, Discipline.FIRE)
        assert describe_error(caught.value).startswith(f"第 {next_round} 轮检查尚未完成")


def test_service_findings_are_carried_once_into_the_formal_acceptance(database: Database, demo_project) -> None:
    with database.session() as s, s.begin():
        unit = _unit(s, demo_project, "2#住宅楼")
        service = _inspection(s, unit, Discipline.PLANNING, InspectionKind.SERVICE)
        findings.add_finding(s, service, FindingData("车位数量少于规划", item_id="GH-06-1"), today=TODAY)
        carried, changes = rechecks.carry_service_findings(s, demo_project)
        assert carried == 1 and changes.finding  # (the demo's own service finding was carried when it was made)
        assert rechecks.carry_service_findings(s, demo_project)[0] == 0  # once only
        rows = findings.list_findings(s, demo_project, unit_id=unit.id)
    formal = [r for r in rows if r.inspection_kind is InspectionKind.FORMAL and r.discipline is Discipline.PLANNING]
    assert [(r.item_id, r.origin, r.status) for r in formal] == [("GH-06-1", FindingOrigin.SERVICE, FindingStatus.OPEN)]


def test_a_blocking_commitment_refuses_the_opinion_and_its_check_releases_it(database: Database, demo_project) -> None:
    with database.session() as s, s.begin():
        cid, _ = commitments.add_commitment(s, demo_project, CommitmentData(
            CommitmentKind.DEFERRED, "竣工测量报告", "十个工作日内补交", PartyRole.BUILDER, date(2026, 12, 31)),
            today=TODAY)
    with database.session() as s, s.begin(), pytest.raises(KnownError) as caught:
        documents.issue_opinion(s, demo_project)
    message = describe_error(caught.value)
    assert "竣工测量报告" in message and "容缺" in message
    with database.session() as s, s.begin():
        commitments.record_check(s, cid, CommitmentStatus.FULFILLED, "已补交")
        with pytest.raises(KnownError):
            commitments.record_check(s, cid, CommitmentStatus.BROKEN)
        commitments.ensure_opinion_allowed(s, demo_project)  # no longer blocked
        open_texts = document_inputs.commitments_source(s, demo_project)
    # The demo's promises, which do not block: the archive handover and the spring planting.
    assert len(open_texts) == 2 and "城建档案移交" in open_texts[0] and "景观绿化乔木补植" in open_texts[1]


def test_a_promise_blocks_when_the_rule_says_so(database: Database, demo_project) -> None:
    strict = {CommitmentKind.PROMISE: True, CommitmentKind.DEFERRED: True}
    with database.session() as s, s.begin():
        commitments.add_commitment(s, demo_project, CommitmentData(
            CommitmentKind.PROMISE, "室外配套", "春季补植绿化", PartyRole.BUILDER, date(2027, 4, 30)),
            rule=strict, today=TODAY)
        with pytest.raises(KnownError):
            commitments.ensure_opinion_allowed(s, demo_project)


def test_rectification_notice_source_lists_unresolved_findings_with_party_and_deadline(
        database: Database, demo_project) -> None:
    with database.session() as s:
        unit_ids = list(s.scalars(sa.select(Unit.id).where(Unit.project_id == demo_project)))
        lines = document_inputs.findings_source(s, unit_ids, InspectionKind.FORMAL)
        service = document_inputs.findings_source(s, unit_ids, InspectionKind.SERVICE)
    texts = {line.description: line for line in lines}
    door = texts[HAND_FINDINGS[0].description]
    assert door.item.startswith("XF-06-3") and door.item_class == "B 关键项"
    assert door.party == "施工单位 山东鲁建第三建设集团有限公司" and door.unit == "配套商业S1"
    assert HAND_FINDINGS[2].description not in texts  # closed
    # 幼儿园's service finding, and the one the checklist demo's service session on 5# recorded for its failed item
    assert {line.item.split()[0] for line in service} == {"XF-09-3a", "XF-11-3"}


def test_demo_findings_have_before_and_after_photos_and_the_notice_carries_them(
        database: Database, demo_project) -> None:
    from acceptance_app.services.findings import photos as finding_photos

    with database.session() as s:
        rows = {r.item_id: r for r in findings.list_findings(s, demo_project)}
        sprinkler = finding_photos.before_after(s, rows["XF-12-3"].id)
        door = finding_photos.before_after(s, rows["XF-06-3"].id)
        unit_ids = list(s.scalars(sa.select(Unit.id).where(Unit.project_id == demo_project)))
        lines = {line.item.split()[0]: line for line in document_inputs.findings_source(s, unit_ids,
                                                                                        InspectionKind.FORMAL)}
    assert [p.original_name for p in sprinkler.before] == [PHOTO_OF_KIND["valve"]]
    assert [p.original_name for p in sprinkler.after] == ["IMG_2388.JPG"]
    assert sprinkler.after[0].taken_at is not None  # the rectification photo has its capture time
    assert [p.original_name for p in door.before] == [PHOTO_OF_KIND["door"]] and door.after == ()
    assert [p.item for p in lines["XF-12-3"].photos] == ["整改前", "整改后"]
    assert all(p.path.is_file() for p in lines["XF-12-3"].photos)
