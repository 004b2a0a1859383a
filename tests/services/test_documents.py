"""Issuing documents from the database: missing data, the full opinion, versions, unique numbers."""

from __future__ import annotations

import subprocess
import uuid
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from acceptance_app.domain.enums import (
    DISCIPLINES,
    Discipline,
    DocumentState,
    DocumentType,
    FindingStatus,
    InspectionKind,
    InspectionStatus,
    PartyRole,
    Verdict,
)
from acceptance_app.domain.procedure import Stage
from acceptance_app.fileio import file_sha256
from acceptance_app.services import timeline
from acceptance_app.services.documents import issuing as documents
from acceptance_app.services.documents import numbers as document_numbers
from acceptance_app.storage.db import Database, open_database
from acceptance_app.storage.models import (
    Commitment,
    Document,
    Finding,
    FindingEvent,
    Inspection,
    Party,
    Project,
    Unit,
)
from acceptance_app.text import describe_error


def complete_inspections(database: Database, project_id: uuid.UUID, failed: Discipline | None = None) -> None:
    """Stands in for the checklist runner (branch `checklists`): every applicable discipline concluded."""
    with database.session() as s, s.begin():
        for unit in s.scalars(sa.select(Unit).where(Unit.project_id == project_id)):
            for discipline in DISCIPLINES:
                if discipline is Discipline.CIVIL_AIR_DEFENSE and not unit.has_civil_air_defense:
                    continue
                verdict = Verdict.FAILED if discipline is failed else Verdict.PASSED
                # The demo already holds some rounds (findings demo): conclude the latest one instead.
                latest = s.scalars(sa.select(Inspection).where(
                    Inspection.unit_id == unit.id, Inspection.discipline == discipline,
                    Inspection.kind == InspectionKind.FORMAL).order_by(Inspection.round.desc())).first()
                if latest is None:
                    latest = Inspection(unit_id=unit.id, discipline=discipline, kind=InspectionKind.FORMAL)
                    s.add(latest)
                latest.status, latest.verdict = InspectionStatus.COMPLETED, verdict
    with database.session() as s, s.begin():  # the procedure clock the opinion prints its dates from
        if not timeline.project_timeline(s, project_id).clock.events:
            for stage, day, reference in ((Stage.APPLIED, date(2026, 11, 2), ""),
                                          (Stage.ACCEPTED, date(2026, 11, 3), "370100-LHYS-2026-0412"),
                                          (Stage.SITE, date(2026, 11, 20), "")):
                timeline.record_stage(s, project_id, stage, day, reference=reference)


def end_rectification(database: Database, project_id: uuid.UUID, discipline: Discipline) -> None:
    """Makes a failed discipline's 不合格 final: under the 细则 scheme a FAILED discipline with open findings is in
    rectification (整改后复验) and gets no opinion, so the stand-in takes its findings off the open list."""
    with database.session() as s, s.begin():
        units = sa.select(Unit.id).where(Unit.project_id == project_id)
        s.execute(sa.update(Finding).where(Finding.unit_id.in_(units), Finding.discipline == discipline)
                  .values(status=FindingStatus.CLOSED))


def _text(path: Path) -> str:
    """The text without line breaks (a phrase may wrap at the end of a line)."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.replace("\n", "")


def test_opinion_without_concluded_disciplines_lists_what_is_missing(database: Database, demo_project: uuid.UUID) -> None:
    with database.session() as s, s.begin():
        # The demo's findings and commitments name the builder: remove them first (foreign keys).
        builder = sa.select(Party.id).where(Party.project_id == demo_project, Party.role == PartyRole.BUILDER)
        named = sa.select(Finding.id).where(Finding.party_id.in_(builder))
        s.execute(sa.delete(FindingEvent).where(FindingEvent.finding_id.in_(named)))
        s.execute(sa.delete(Finding).where(Finding.carried_from_id.in_(named)))
        s.execute(sa.delete(Finding).where(Finding.party_id.in_(builder)))
        s.execute(sa.delete(Commitment).where(Commitment.party_id.in_(builder)))
        s.execute(sa.delete(Party).where(Party.project_id == demo_project, Party.role == PartyRole.BUILDER))
        s.execute(sa.update(Unit).where(Unit.name == "幼儿园").values(area_above=None))
    with database.session() as s, s.begin(), pytest.raises(documents.DocumentDataMissing) as caught:
        documents.issue_opinion(s, demo_project)
    message = describe_error(caught.value)
    assert "缺少建设单位" in message
    assert "单体“幼儿园”缺少地上建筑面积" in message
    assert "消防验收尚未完成并作出结论" in message
    assert "人防工程竣工验收备案尚未完成并作出结论：地下车库（含人防工程）" in message
    assert not list(database.folder.documents.rglob("*.pdf"))
    with database.session() as s:
        assert s.scalars(sa.select(Document)).all() == []


def test_full_opinion_renders_with_units_and_conclusions(database: Database, demo_project: uuid.UUID) -> None:
    complete_inspections(database, demo_project, failed=Discipline.FIRE)
    # the demo's fire findings are open: 消防 is in rectification, no opinion but the 整改通知书
    with database.session() as s, s.begin(), pytest.raises(documents.DocumentDataMissing) as caught:
        documents.issue_opinion(s, demo_project)
    assert "消防验收正在整改（整改后复验）：2#住宅楼" in describe_error(caught.value)
    end_rectification(database, demo_project, Discipline.FIRE)
    with database.session() as s, s.begin():
        issued, changes = documents.issue_opinion(s, demo_project)
    assert changes.report
    assert issued.path.is_relative_to(database.folder.documents)
    assert issued.file_sha256 == file_sha256(issued.path)
    text = _text(issued.path)
    for expected in ("泉华苑住宅小区（一期）", "1#住宅楼", "地下车库（含人防工程）", "配套商业S1", "济南泉华置业有限公司",
                     "消防验收", "不同意通过竣工联合验收", issued.number, "济南市自然资源和规划局",
                     "济南市国防动员办公室（人防）", "济南市城建档案馆", "济南市住房和城乡建设局（牵头；消防验收）",
                     "规划条件核实合格", "同意备案", "同意验收", "向济南市人民政府申请行政复议", "验证码",
                     "建设单位签收", "住房和城乡建设部令第58号修正"):
        assert expected in text, expected
    assert issued.number == f"济联验〔{date.today().year}〕1号"  # 文号: a plain annual serial, no device id
    assert "人民防空部门" not in text and "SHA-256" not in text and "附件：现场照片" not in text
    assert text.count("住房和城乡建设局（牵头") == 1
    assert [slot.name for slot in issued.signature_slots][-1] == "sig_lead"


def test_one_unit_opinion(database: Database, demo_project: uuid.UUID) -> None:
    complete_inspections(database, demo_project)
    with database.session() as s:
        unit_id = s.scalars(sa.select(Unit.id).where(Unit.name == "幼儿园")).one()
    with database.session() as s, s.begin():
        issued, _ = documents.issue_opinion(s, demo_project, unit_id)
    text = _text(issued.path)
    assert "幼儿园" in text and "1#住宅楼" not in text and "同意通过竣工联合验收" in text


def test_opinion_names_the_failed_items_that_decided_and_no_items_when_passed(
        database: Database, demo_project: uuid.UUID) -> None:
    with database.session() as s:
        units = {u.name: u.id for u in s.scalars(sa.select(Unit).where(Unit.project_id == demo_project))}

    def opinion_text(name: str) -> str:
        with database.session() as s, s.begin():
            return _text(documents.issue_opinion(s, demo_project, units[name])[0].path)

    complete_inspections(database, demo_project)
    assert "不合格检查项" not in opinion_text("1#住宅楼")  # every item passed: the record sheets list them
    complete_inspections(database, demo_project, failed=Discipline.FIRE)
    end_rectification(database, demo_project, Discipline.FIRE)  # a final 不合格, not one in rectification
    failed = opinion_text("2#住宅楼")  # the demo's checklist failed XF-06-4a (door opening force) on 2#
    assert "不合格检查项" in failed and "XF-06-4a" in failed and "不合格" in failed


def test_unchanged_content_reuses_the_document_and_a_change_makes_a_new_version(
    database: Database, demo_project: uuid.UUID
) -> None:
    complete_inspections(database, demo_project)
    with database.session() as s, s.begin():
        first, _ = documents.issue_opinion(s, demo_project)
    with database.session() as s, s.begin():
        again, _ = documents.issue_opinion(s, demo_project)
    assert again.reused and again.number == first.number
    with database.session() as s, s.begin():
        s.execute(sa.update(Unit).where(Unit.name == "幼儿园").values(height=13.8))
    first_bytes = first.path.read_bytes()
    with database.session() as s, s.begin():
        second, _ = documents.issue_opinion(s, demo_project)
    assert second.number != first.number and second.version == 2 and second.supersedes_id == first.id
    assert first.path.read_bytes() == first_bytes  # never regenerated in place
    with database.session() as s:
        states = {d.number: d.state for d in s.scalars(sa.select(Document))}
    assert states == {first.number: DocumentState.SUPERSEDED, second.number: DocumentState.ISSUED}


def test_every_document_type_renders_for_the_demo(database: Database, demo_project: uuid.UUID) -> None:
    complete_inspections(database, demo_project)
    with database.session() as s, s.begin():
        documents.issue_opinion(s, demo_project)
    with database.session() as s, s.begin():
        documents.issue_rectification_list(s, demo_project)
    with database.session() as s, s.begin():
        documents.issue_service_report(s, demo_project)
    with database.session() as s, s.begin():
        sheets, _ = documents.issue_record_sheets(s, demo_project)
    assert len(sheets) == 7 * 3 + 1  # 7 units x 3 disciplines + the one civil air defence unit
    with database.session() as s:
        rows = documents.list_documents(s, demo_project)
    assert {r.type for r in rows} == set(DocumentType)
    assert len({r.number for r in rows}) == len(rows)


def test_a_reserved_number_is_never_reused_after_a_crash(database: Database, demo_project: uuid.UUID) -> None:
    complete_inspections(database, demo_project)
    with database.session() as s:
        lost = document_numbers.take_serial(s, "济联验", date.today().year)  # the program dies here, before the PDF
        s.rollback()
    reopened = open_database(database.folder)
    with reopened.session() as s, s.begin():
        issued, _ = documents.issue_opinion(s, demo_project)
    reopened.close()
    assert lost == 1
    assert issued.number == f"济联验〔{date.today().year}〕2号"


def test_a_district_bureau_issues_with_its_own_code_and_appeal_route(database: Database, demo_project: uuid.UUID) -> None:
    complete_inspections(database, demo_project, failed=Discipline.FIRE)
    end_rectification(database, demo_project, Discipline.FIRE)
    with database.session() as s, s.begin():
        s.execute(sa.update(Project).where(Project.id == demo_project).values(issuing_organ="370112"))
        document_numbers.grant_block(s, "历城联验", date.today().year, document_numbers.device_of(s), 5)
    with database.session() as s, s.begin():
        issued, _ = documents.issue_opinion(s, demo_project)
    text = _text(issued.path)
    assert issued.number == f"历城联验〔{date.today().year}〕1号"
    assert "济南市历城区住房和城乡建设局" in text and "向济南市历城区人民政府申请行政复议" in text


def test_an_unknown_issuing_organ_lists_what_is_missing_and_uses_no_number(
        database: Database, demo_project: uuid.UUID) -> None:
    complete_inspections(database, demo_project)
    with database.session() as s, s.begin():
        s.execute(sa.update(Project).where(Project.id == demo_project).values(issuing_organ="379999"))
    with database.session() as s, s.begin(), pytest.raises(documents.DocumentDataMissing) as caught:
        documents.issue_opinion(s, demo_project)
    assert "没有出具机关“379999”" in describe_error(caught.value)
    with database.session() as s:
        assert s.scalars(sa.select(Document)).all() == []


def test_areas_say_measured_with_the_survey_report_and_archive_hand_over_is_listed(
        database: Database, demo_project: uuid.UUID) -> None:
    complete_inspections(database, demo_project)
    with database.session() as s, s.begin():
        s.execute(sa.update(Project).where(Project.id == demo_project).values(survey_report_no="JC370112-2026-0417"))
    with database.session() as s, s.begin():
        text = _text(documents.issue_opinion(s, demo_project)[0].path)
    assert "（实测）" in text and "测绘报告编号JC370112-2026-0417" in text.replace(" ", "")
    assert "3个月内向济南市城建档案馆移交工程档案" in text
