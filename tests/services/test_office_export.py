"""The XLSX export opens with openpyxl and holds what the project holds (counts and cells compared with the
database and the services the window uses); the audit trail reads back per record and as CSV."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path

import sqlalchemy as sa

from acceptance_app.domain.enums import Discipline
from acceptance_app.exports.history_csv import write_csv
from acceptance_app.exports.office_xlsx import export_xlsx
from acceptance_app.reports import labels
from acceptance_app.services import audit_trail
from acceptance_app.services.checklists import inspections as checklists
from acceptance_app.storage.db import Database
from acceptance_app.storage.models import Finding, FindingEvent, Unit


def test_xlsx_holds_what_the_project_holds(database: Database, demo_project: uuid.UUID, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "export.xlsx"
    with database.session() as s:
        counts = export_xlsx(s, demo_project, out)
        findings = s.scalar(sa.select(sa.func.count()).select_from(Finding).where(Finding.project_id == demo_project))
        events = s.scalar(sa.select(sa.func.count()).select_from(FindingEvent).join(Finding)
                          .where(Finding.project_id == demo_project))
        units = list(s.scalars(sa.select(Unit).where(Unit.project_id == demo_project)))
        expected = {}
        for discipline in Discipline:
            for unit in units:
                current = checklists.unit_checklist(s, unit.id, discipline).current
                if current is not None:
                    expected[(labels.DISCIPLINE[discipline], unit.name)] = {
                        r.item.id: labels.ITEM_VERDICT[r.verdict] for r in current.sheet.rows}
        history = audit_trail.project_history(s, demo_project)
        carried = s.scalar(sa.select(sa.func.count(sa.distinct(Finding.carried_from_id)))
                           .where(Finding.project_id == demo_project))
    book = load_workbook(out)
    assert findings and events and expected
    assert book["问题清单"].max_row - 1 == findings == counts.findings
    assert book["问题处理记录"].max_row - 1 == events == counts.finding_events
    assert book["变更记录"].max_row - 1 == len(history) == counts.audit_events
    assert {t for t, _u in expected} == {ws.title for ws in book if ws.title in labels.DISCIPLINE.values()}
    for (title, unit_name), verdicts in expected.items():
        sheet = book[title]
        header = [c.value for c in sheet[1]]
        column = header.index(unit_name)
        cells = {row[0].value: row[column].value for row in sheet.iter_rows(min_row=2)}
        assert {k: v for k, v in cells.items() if k in verdicts} == verdicts
        assert sheet.freeze_panes == "D2" and sheet.column_dimensions["C"].width == 50
    first = book["问题清单"]
    assert first.freeze_panes == "C2" and [c.value for c in first[1]][:3] == ["序号", "单体", "专业"]
    assert all(row[14].value for row in first.iter_rows(min_row=2))  # every finding has its history
    board = {row[1].value: row[2].value for row in book["整改看板"].iter_rows(min_row=2)}
    # the dashboard counts a technical-service finding carried into the formal acceptance once, as the window does
    assert board["待整改"] + board["已整改待复验"] + board["复验通过"] == findings - carried


def test_history_of_one_record_and_csv(database: Database, demo_project: uuid.UUID, tmp_path: Path) -> None:
    with database.session() as s:
        finding = s.scalars(sa.select(Finding).where(Finding.project_id == demo_project)).first()
        assert finding is not None
        entries = audit_trail.entity_history(s, finding.id, "问题")
    assert entries and entries[0].action == "create" and all(e.actor for e in entries)
    assert any(e.field == "description" and e.new == finding.description for e in entries)
    assert write_csv(entries, tmp_path / "h.csv") == len(entries)
    rows = list(csv.reader((tmp_path / "h.csv").read_text("utf-8-sig").splitlines()))
    assert rows[0][0] == "时间（北京时间）" and len(rows) == len(entries) + 1
