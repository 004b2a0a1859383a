"""The findings tab and the rectification dashboard, clicked through as an inspector would."""

from __future__ import annotations

import uuid
from pathlib import Path

import sqlalchemy as sa
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint, Qt

from acceptance_app.domain.enums import Discipline, FindingStatus, ItemClass, PartyRole
from acceptance_app.domain.findings import CommitmentKind, FindingAction
from acceptance_app.services.findings import workflow as findings
from acceptance_app.storage.db import Database
from acceptance_app.storage.models import Unit
from tests import photo_samples as samples
from tests.ui.conftest import when_modal

from acceptance_app.ui.findings.columns import OVERDUE_COLOR
from acceptance_app.ui.findings.dashboard import FindingsDashboard
from acceptance_app.ui.findings.unit_tab import UnitFindingsTab
from acceptance_app.ui.models.rows_model import RowsModel
from acceptance_app.ui.tasks import TaskRunner


def _unit_id(database: Database, project_id: uuid.UUID, name: str) -> uuid.UUID:
    with database.session() as s:
        return s.scalars(sa.select(Unit.id).where(Unit.project_id == project_id, Unit.name == name)).one()


def _cell(model: RowsModel, row: int, title: str, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # type: ignore[type-arg]
    column = [c.title() for c in model.columns].index(title)
    return model.data(model.index(row, column), role)


def _fill_note(text: str, qtbot: QtBot, photos: list[Path] | None = None, seen: list[str] | None = None) -> None:
    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        if hasattr(dialog, "editors"):  # a commitment's check: the plain note dialog
            dialog.editors["note"].setText(text)
            dialog.accept()
            return
        if seen is not None:
            seen.append(dialog.windowTitle() + "|" + dialog.description.text())
        dialog.note.setText(text)
        dialog.add_photos(photos or [])
        dialog.accept()

    when_modal(fill, qtbot)


def test_add_rectify_fail_rectify_pass_in_the_unit_tab(qtbot: QtBot, runner: TaskRunner, database: Database, tmp_path: Path,
                                                       demo_project: uuid.UUID) -> None:
    tab = UnitFindingsTab(runner)
    qtbot.addWidget(tab)
    tab.show()
    tab.show_unit(_unit_id(database, demo_project, "配套商业S1"))
    view = tab.view
    before = view.model.rowCount()
    assert before == 2  # the demo's overdue door closer and the rectified sprinkler valve

    def fill_finding(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.set_values({"discipline": Discipline.FIRE, "description": "三层消火栓箱门开启角度不足 120°",
                           "item_id": "XF-08-1", "item_class": ItemClass.C, "party_role": PartyRole.CONTRACTOR,
                           "deadline_days": 5})
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.accept()

    when_modal(fill_finding, qtbot)
    view.add_button.click()
    assert view.model.rowCount() == before + 1
    row = view.current()
    assert row is not None and row.item_id == "XF-08-1"  # the new finding is selected
    index = view.model.rows.index(row)
    assert _cell(view.model, index, "状态") == "待整改"
    assert _cell(view.model, index, "剩余工作日") == "剩余 5 天"
    assert not view.step_buttons[view_action("recheck-pass")].isEnabled()

    after = samples.jpeg(tmp_path / "after.jpg", size=(800, 600))
    seen: list[str] = []
    for action, note, status in (("rectify", "已调整箱门铰链", "已整改待复验"),
                                 ("recheck-fail", "开启角度仍为 100°", "待整改"),
                                 ("rectify", "更换箱门", "已整改待复验"),
                                 ("recheck-pass", "复验合格", "复验通过")):
        button = view.step_buttons[view_action(action)]
        assert button.isEnabled(), action
        _fill_note(note, qtbot, [after] if note == "更换箱门" else None, seen)
        button.click()
        index = [r.id for r in view.model.rows].index(row.id)
        assert _cell(view.model, index, "状态") == status
        assert _cell(view.model, index, "最近说明") == note
    assert _cell(view.model, index, "剩余工作日") == "—"
    assert not any(b.isEnabled() for b in view.step_buttons.values())
    history = view.history.text().splitlines()
    assert len(history) == 5 and "复验不通过" in history[2] and history[4].endswith("复验合格")
    # short titles, the whole description in the dialog, the after-photo taken in the rectify step
    assert seen[0].split("|")[0] == "已整改" and seen[0].split("|")[1] == row.description
    qtbot.waitUntil(lambda: view.photos.after_model.rowCount() == 1, timeout=10000)
    assert view.photos.model.rowCount() == 0
    from acceptance_app.ui.history_dialog import HistoryDialog

    view.history_button.click()  # the audit trail of the record: every status change with who and the laptop
    audit = [d for d in view.findChildren(HistoryDialog) if d.isVisible()][0]
    changes = [(e.field, e.old, e.new) for e in audit.entries if e.action == "update"]
    assert ("status", "open", "rectified") in changes and ("status", "rectified", "closed") in changes
    assert all(e.actor and e.device for e in audit.entries)


def view_action(value: str) -> FindingAction:
    return FindingAction(value)


def test_a_refused_finding_shows_the_message_and_changes_nothing(qtbot: QtBot, runner: TaskRunner,
                                                                 database: Database, demo_project: uuid.UUID) -> None:
    tab = UnitFindingsTab(runner)
    qtbot.addWidget(tab)
    tab.show_unit(_unit_id(database, demo_project, "3#住宅楼"))  # the demo checks its fire safety only
    before = tab.view.model.rowCount()
    seen: list[str] = []

    def read_message(box) -> None:  # type: ignore[no-untyped-def]
        seen.append(box.text())
        box.accept()

    def fill_finding(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.set_values({"discipline": Discipline.PLANNING, "description": "室外台阶高度与总平面图不符",
                           "deadline_days": 5})
        dialog.accept()
        when_modal(read_message, qtbot)  # the warning that follows

    when_modal(fill_finding, qtbot)
    tab.view.add_button.click()
    assert seen == ["该单体尚无规划条件核实检查；请先开始检查再登记问题。"]
    assert tab.view.model.rowCount() == before


def test_dashboard_shows_figures_overdue_in_red_and_commitments(qtbot: QtBot, runner: TaskRunner,
                                                              database: Database, demo_project: uuid.UUID) -> None:
    with database.session() as s:
        board = findings.dashboard(s, demo_project)  # the demo's findings and its checklists' failed items
    assert board.open >= 4 and board.by_discipline[Discipline.FIRE] >= 4
    dashboard = FindingsDashboard(runner)
    qtbot.addWidget(dashboard)
    dashboard.show_project(demo_project)
    assert dashboard.figures["overdue"].text() == "超期\n1"
    assert dashboard.figures["open"].text() == f"待整改\n{board.open}"
    assert f"消防 <b>{board.by_discipline[Discipline.FIRE]}</b>" in dashboard.by_discipline.text()
    assert f"施工单位 <b>{board.by_party[PartyRole.CONTRACTOR]}</b>" in dashboard.by_party.text()
    model = dashboard.view.model
    assert _cell(model, 0, "剩余工作日").startswith("超期")
    assert _cell(model, 0, "剩余工作日", Qt.ItemDataRole.BackgroundRole).color().name() == OVERDUE_COLOR
    assert {r.status for r in model.rows} == set(FindingStatus)
    subjects = {r.subject: r for r in dashboard.commitment_model.rows}
    assert set(subjects) == {"城建档案移交", "景观绿化乔木补植", "住宅质量保证书、住宅使用说明书"}
    assert dashboard.blocking.text() == ""

    # A 容缺 commitment blocks the opinion until it is checked.
    def fill_commitment(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.set_values({"kind": CommitmentKind.DEFERRED, "subject": "消防设施检测报告", "promise": "五个工作日内补交",
                           "party_role": PartyRole.BUILDER, "due_on": "2099-01-31"})
        dialog.accept()

    when_modal(fill_commitment, qtbot)
    dashboard.findChild(type(dashboard.fulfilled_button), "add_commitment").click()
    assert "消防设施检测报告" in dashboard.blocking.text()
    row = [r.subject for r in dashboard.commitment_model.rows].index("消防设施检测报告")
    dashboard.commitment_table.selectRow(row)
    assert dashboard.fulfilled_button.isEnabled()
    _fill_note("已补交", qtbot)
    dashboard.fulfilled_button.click()
    assert dashboard.blocking.text() == ""


def test_the_findings_and_commitments_models_pass_the_model_tester(qtmodeltester, runner: TaskRunner,  # type: ignore[no-untyped-def]
                                                                 demo_project: uuid.UUID, qtbot: QtBot) -> None:
    dashboard = FindingsDashboard(runner)
    qtbot.addWidget(dashboard)
    dashboard.show_project(demo_project)
    qtmodeltester.check(dashboard.view.model)
    qtmodeltester.check(dashboard.commitment_model)


def test_dashboard_tells_of_a_provisional_deadline_and_of_its_recomputation(qtbot: QtBot, runner: TaskRunner,
                                                                           database: Database) -> None:
    from datetime import date

    from acceptance_app.domain.findings import FindingData
    from acceptance_app.services import calendar
    from tests import builders
    from tests.services.test_calendar import table_2027

    with database.session() as s, s.begin():
        built = builders.project(s)
        findings.add_finding(s, builders.inspection(s, built.unit_id), FindingData("闭门器缺失", deadline_days=20),
                             today=date(2026, 12, 18))
    dashboard = FindingsDashboard(runner)
    qtbot.addWidget(dashboard)
    dashboard.show_project(built.project_id)
    assert dashboard.calendar_notice.isVisibleTo(dashboard)
    assert "1 项整改期限所跨年份尚无节假日安排表：暂按周末计算" in dashboard.calendar_notice.text()
    assert _cell(dashboard.view.model, 0, "整改期限") == "2027-01-15（暂按周末计算）"
    with qtbot.wait_signal(dashboard.loaded):
        runner.write(lambda session, task: calendar.install_table(session, table_2027(), "2027.json")[2]).run()
    assert "已按新到的节假日安排表重新计算 1 项整改期限" in dashboard.calendar_notice.text()
    assert "2027-01-15（暂按周末计算） → 2027-01-20" in dashboard.calendar_notice.text()
def test_dashboard_tiles_and_unit_and_discipline_filter_the_list(qtbot: QtBot, runner: TaskRunner,
                                                                 database: Database, demo_project: uuid.UUID) -> None:
    with database.session() as s:
        board = findings.dashboard(s, demo_project)
        rows = findings.list_findings(s, demo_project)
    dashboard = FindingsDashboard(runner)
    qtbot.addWidget(dashboard)
    dashboard.show_project(demo_project)
    assert dashboard.view.model.rowCount() == len(rows)
    dashboard.figures["open"].click()
    assert dashboard.view.model.rowCount() == board.open
    assert {r.status for r in dashboard.view.model.rows} == {FindingStatus.OPEN}
    dashboard.figures["overdue"].click()  # one tile at a time
    assert not dashboard.figures["open"].isChecked() and dashboard.view.model.rowCount() == board.overdue
    dashboard.figures["overdue"].click()  # again: everything
    assert dashboard.view.model.rowCount() == len(rows)
    fire = dashboard.discipline_filter.findData(Discipline.FIRE)
    dashboard.discipline_filter.setCurrentIndex(fire)
    assert {r.discipline for r in dashboard.view.model.rows} == {Discipline.FIRE}
    unit = rows[0]
    dashboard.discipline_filter.setCurrentIndex(0)
    dashboard.unit_filter.setCurrentIndex(dashboard.unit_filter.findData(str(unit.unit_id)))
    assert dashboard.view.model.rowCount() == sum(1 for r in rows if r.unit_id == unit.unit_id)


def _click_header(qtbot: QtBot, dashboard: FindingsDashboard, title: str, table=None) -> None:  # type: ignore[no-untyped-def]
    table = table or dashboard.view.table
    header = table.horizontalHeader()
    column = [c.title() for c in table.model().columns].index(title)
    table.scrollTo(table.model().index(0, column))  # a column off to the right is brought into view first
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_dashboard_columns_sort_by_a_header_click_and_keep_it_across_refreshes(
        qtbot: QtBot, runner: TaskRunner, database: Database, demo_project: uuid.UUID) -> None:
    from acceptance_app.domain.enums import DISCIPLINES
    from acceptance_app.domain.natural_order import natural_key

    with database.session() as s, s.begin():  # a tenth building: text order would put it before 2#
        s.execute(sa.update(Unit).where(Unit.project_id == demo_project, Unit.name == "5#住宅楼")
                  .values(name="10#住宅楼"))
    dashboard = FindingsDashboard(runner)
    qtbot.addWidget(dashboard)
    dashboard.resize(1300, 700)
    dashboard.show()
    dashboard.show_project(demo_project)
    model = dashboard.view.model
    assert model.rowCount() > 3

    _click_header(qtbot, dashboard, "整改期限")  # by the date, not its text
    deadlines = [r.deadline for r in model.rows]
    assert deadlines == sorted(deadlines) and len(set(deadlines)) > 1
    _click_header(qtbot, dashboard, "整改期限")  # again: latest first
    assert [r.deadline for r in model.rows] == sorted(deadlines, reverse=True)

    _click_header(qtbot, dashboard, "单体")  # unit names in natural order: 2# before 10#
    names = [r.unit_name for r in model.rows]
    assert names == sorted(names, key=natural_key) and names != sorted(names)
    assert names.index("10#住宅楼") > names.index("2#住宅楼")
    dashboard.view.table.selectRow(len(names) - 1)
    chosen = dashboard.view.selected_id

    _click_header(qtbot, dashboard, "专业")  # disciplines in the forms' order; the selection stays
    assert [DISCIPLINES.index(r.discipline) for r in model.rows] == sorted(DISCIPLINES.index(r.discipline)
                                                                           for r in model.rows)
    assert dashboard.view.current() is not None and dashboard.view.current().id == chosen

    _click_header(qtbot, dashboard, "状态")
    order = list(FindingStatus)
    statuses = [order.index(r.status) for r in model.rows]
    assert statuses == sorted(statuses)
    with qtbot.wait_signal(dashboard.view.loaded):  # a refresh (an edit elsewhere) keeps the order
        dashboard.view.reload()
    assert [order.index(r.status) for r in model.rows] == sorted(statuses)
    assert dashboard.view.table.horizontalHeader().sortIndicatorSection() == 0

    _click_header(qtbot, dashboard, "整改期限")
    dashboard.figures["open"].click()  # the tiles and the filters still filter, in the chosen order
    assert {r.status for r in model.rows} == {FindingStatus.OPEN}
    assert [r.deadline for r in model.rows] == sorted(r.deadline for r in model.rows)
    dashboard.discipline_filter.setCurrentIndex(dashboard.discipline_filter.findData(Discipline.FIRE))
    assert {r.discipline for r in model.rows} <= {Discipline.FIRE}
    assert [r.deadline for r in model.rows] == sorted(r.deadline for r in model.rows)

    commitments = dashboard.commitment_model  # the commitments below sort the same way
    _click_header(qtbot, dashboard, "承诺期限", dashboard.commitment_table)
    assert [r.due_on for r in commitments.rows] == sorted(r.due_on for r in commitments.rows)
    _click_header(qtbot, dashboard, "承诺期限", dashboard.commitment_table)
    assert [r.due_on for r in commitments.rows] == sorted((r.due_on for r in commitments.rows), reverse=True)


def test_natural_order_of_unit_names() -> None:
    from acceptance_app.domain.natural_order import natural_key

    names = ["10#住宅楼", "2#住宅楼", "1#住宅楼", "配套商业S1", "地下车库", "1#住宅楼 二单元"]
    assert sorted(names, key=natural_key) == ["1#住宅楼", "1#住宅楼 二单元", "2#住宅楼", "10#住宅楼",
                                              "地下车库", "配套商业S1"]
