"""The holiday tables as data: the shipped files, an office's folder, a table installed or received in a
package; a deadline across 2026-12-31 counted on weekends only, marked, and recomputed when 2027 arrives."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from acceptance_app.domain.findings import FindingAction, FindingData
from acceptance_app.domain.problems import KnownError
from acceptance_app.domain.working_days import package_calendar
from acceptance_app.locator import forms_dir
from acceptance_app.services import calendar
from acceptance_app.services.findings import workflow as findings
from acceptance_app.settings import Settings
from acceptance_app.storage.calendar_files import read_folder
from acceptance_app.storage.db import Database
from acceptance_app.storage.models import AuditEvent, CalendarTable
from acceptance_app.text import describe_error
from tests import builders

OPENED = date(2026, 12, 18)  # a Friday; + 20 working days reaches into 2027


def table_2027(**change: object) -> bytes:
    """A made-up 2027 table in the shipped format (the real one is the State Council's notice)."""
    body = {"format": "acceptance-calendar", "version": 1, "year": 2027,
            "notice": {"title": "国务院办公厅关于2027年部分节假日安排的通知（测试）", "number": "", "published": ""},
            "days_off": {"元旦": ["2027-01-01", "2027-01-02", "2027-01-03"], "测试": ["2027-01-11", "2027-01-12"]},
            "workdays": {}}
    body.update(change)
    return json.dumps(body, ensure_ascii=False).encode()


def test_the_shipped_years_agree_with_the_package() -> None:
    shipped = read_folder(forms_dir() / "calendar")
    assert [t.year for t in shipped] == [2024, 2025, 2026]
    for table in shipped:
        known = package_calendar().tables[table.year]
        assert (table.days_off, table.workdays) == (known.days_off, known.workdays), table.year
        assert table.source.startswith(f"国务院办公厅关于{table.year}年部分节假日安排的通知")


def test_a_deadline_into_2027_is_accepted_marked_and_recomputed_when_the_table_arrives(database: Database) -> None:
    with database.session() as s, s.begin():
        built = builders.project(s)
        inspection = builders.inspection(s, built.unit_id)
        finding_id, _ = findings.add_finding(s, inspection, FindingData("防火门闭门器缺失", deadline_days=20),
                                             today=OPENED)
        row = findings.get_finding(s, finding_id, today=OPENED)
        assert row.deadline == date(2027, 1, 15) and row.deadline_provisional
        assert row.left is not None and row.left.provisional
        board = findings.dashboard(s, built.project_id, today=OPENED)
        assert board.provisional == 1 and board.recomputed == ()
        from acceptance_app.domain.enums import InspectionKind
        from acceptance_app.services.documents.inputs import findings_source

        [line] = findings_source(s, [built.unit_id], InspectionKind.FORMAL)
        assert line.deadline == "2027年1月15日（暂按周末计算）"  # printed so on the 整改通知书 (Chinese dates)

    with database.session() as s, s.begin():
        table, recomputed, _ = calendar.install_table(s, table_2027(), "2027.json")
        assert (table.year, recomputed) == (2027, 1)
    with database.session() as s:
        row = findings.get_finding(s, finding_id, today=OPENED)
        # Friday 1 and Monday 11, Tuesday 12 January are now days off: three working days later.
        assert row.deadline == date(2027, 1, 20) and not row.deadline_provisional
        events = findings.finding_events(s, finding_id)
        assert events[-1].action is FindingAction.DEADLINE_RECOMPUTED and events[-1].by == "测试员"
        assert "2027-01-15（暂按周末计算） → 2027-01-20" in events[-1].note and "2027年部分节假日" in events[-1].note
        board = findings.dashboard(s, built.project_id, today=OPENED)
        assert board.provisional == 0 and len(board.recomputed) == 1
        audited = s.scalars(sa.select(AuditEvent).where(AuditEvent.entity == "findings",
                                                        AuditEvent.entity_id == str(finding_id))).all()
        assert any(e.changes.get("deadline") == ["2027-01-15", "2027-01-20"] for e in audited)
    with database.session() as s, s.begin():  # installing it again changes nothing
        assert calendar.install_table(s, table_2027(), "2027.json")[1] == 0
        assert s.scalar(sa.select(sa.func.count()).select_from(CalendarTable)) == 1


def test_an_office_folder_replaces_a_year_and_is_named_as_the_source(database: Database, tmp_path: Path) -> None:
    folder = tmp_path / "office-forms" / "calendar"
    folder.mkdir(parents=True)
    (folder / "2027.json").write_bytes(table_2027())
    database.use_settings(Settings(forms_dir=str(folder.parent)))  # the office's forms folder holds calendar/
    with database.session() as s:
        known = {y.year: y for y in calendar.known_years(s)}
        assert known[2027].where == "office" and known[2026].where == "shipped"
        assert calendar.calendar_for(s).deadline(OPENED, 20).day == date(2027, 1, 20)


@pytest.mark.parametrize(("change", "words"), [
    ({"year": "2027"}, "“year”"),
    ({"days_off": {"元旦": ["2027-13-01"]}}, "2027-13-01"),
    ({"days_off": {"元旦": ["2026-01-01"]}}, "不在 2027 年"),
    ({"workdays": {"春节": ["2027-02-03"]}}, "不是周六或周日"),
    ({"format": "other"}, "acceptance-calendar"),
])
def test_a_bad_table_is_refused_naming_the_file_and_the_problem(database: Database, change: dict, words: str
                                                                ) -> None:
    with database.session() as s, s.begin():
        with pytest.raises(KnownError) as caught:
            calendar.install_table(s, table_2027(**change), "D:/通知/2027.json")
        message = describe_error(caught.value)
        assert "D:/通知/2027.json" in message and words in message, message
        assert s.scalar(sa.select(sa.func.count()).select_from(CalendarTable)) == 0


def test_a_table_installed_at_the_office_travels_in_a_package_and_settles_the_fields_deadline(
        database: Database, tmp_path: Path, template_database: Path) -> None:
    from tests.sync.helpers import export, import_, new_laptop

    with database.session() as s, s.begin():  # the field laptop: a finding counted on weekends only
        built = builders.project(s)
        inspection = builders.inspection(s, built.unit_id)
        finding_id, _ = findings.add_finding(s, inspection, FindingData("防火门闭门器缺失", deadline_days=20),
                                             today=OPENED)
    first = export(database, built.project_id, tmp_path / "field.acpkg")
    office = new_laptop(tmp_path / "office", template_database, "住建科")
    try:
        import_(office, first.path)
        with office.session() as s, s.begin():
            assert calendar.install_table(s, table_2027(), "2027.json")[1] == 1  # the office's copy settles
        back = export(office, built.project_id, tmp_path / "office.acpkg")
    finally:
        office.close()
    import_(database, back.path)
    with database.session() as s:
        row = findings.get_finding(s, finding_id, today=OPENED)
        assert row.deadline == date(2027, 1, 20) and not row.deadline_provisional
        assert {y.year: y.where for y in calendar.known_years(s)}[2027] == "installed"
