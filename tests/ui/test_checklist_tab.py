"""Answer a whole unit's fire checklist with the keyboard alone and read what the runner shows."""

from PySide6.QtCore import Qt

from acceptance_app.domain.enums import Discipline, ItemVerdict, Verdict
from acceptance_app.text.labels import label
from tests.ui.checklist_fixtures import (
    go_to,
    live_answers,
    type_text,
    type_value,
    verdicts_shown,
)

from acceptance_app.ui.checklists.model import Filter


def test_whole_checklist_by_keyboard_with_verdict_and_reasons(tab, qtbot, database):
    """The fire checklist walked by keyboard alone: values, a 不适用 with its reason on a measured item, a
    two-sample item entered one reading at a time; then the records in the database."""
    assert "尚未检查" in tab.header.text()
    qtbot.mouseClick(tab.start_formal, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 7 and "T-1" in tab.header.text()
    assert tab.view.hasFocus()  # the list has the keyboard without a click
    assert type_value(qtbot, tab, "13.2", "13") == "合格"
    qtbot.keyClick(tab.view, Qt.Key.Key_3)  # XF-04-2 消防车道宽度 (measured): 不适用 ...
    assert tab.editor.reason.hasFocus()
    type_text(qtbot, tab.editor.reason, "本楼不设消防车道")
    qtbot.keyClick(tab.editor.reason, Qt.Key.Key_Return)  # ... with its reason, then the next item
    assert tab.current_row().item.id == "XF-06-1" and tab.view.hasFocus()
    type_value(qtbot, tab, "2", "2")
    type_value(qtbot, tab, "甲级")
    qtbot.keyClick(tab.view, Qt.Key.Key_1)  # 疏散指示标志 合格
    assert type_value(qtbot, tab, "0.36") == "未作答 （还需 1 个样本）"
    assert tab.current_row().item.id == "XF-06-4"  # one sample is not enough: stays pending, cursor stays
    assert type_value(qtbot, tab, "0.38") == "合格"  # the second reading is added to the first
    qtbot.keyClick(tab.view, Qt.Key.Key_2)  # XF-06-5 (text item) 不合格
    shown = verdicts_shown(tab)
    assert shown["XF-04-2"] is ItemVerdict.NOT_APPLICABLE and shown["XF-06-5"] is ItemVerdict.FAIL
    assert list(shown.values()).count(ItemVerdict.PASS) == 5
    assert "已答 7 / 7" in tab.progress.text()
    assert tab.outcome.text().startswith(label(Verdict.RECHECK)) and "XF-06-5" in tab.outcome.text()

    records = live_answers(database)
    assert (records["XF-04-2"].verdict, records["XF-04-2"].samples, records["XF-04-2"].na_reason) == (
        ItemVerdict.NOT_APPLICABLE, [], "本楼不设消防车道")
    assert records["XF-06-4"].samples == [0.36, 0.38] and records["XF-06-4"].verdict is ItemVerdict.PASS
    assert records["XF-04-1"].samples == [13.2] and records["XF-04-1"].design_value == 13
    assert {r.answered_by for r in records.values()} == {"测试员"}

    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # 不合格 taken back
    assert verdicts_shown(tab)["XF-06-5"] is ItemVerdict.PENDING
    assert tab.current_row().item.id == "XF-06-5" and "XF-06-5" in tab.message.text()  # says what was undone
    qtbot.mouseClick(tab.conclude_button, Qt.MouseButton.LeftButton)
    assert "XF-06-5" in tab.message.text() and "未作答" in tab.message.text()


def test_readings_are_appended_and_can_be_deleted(tab, qtbot, database):
    qtbot.mouseClick(tab.start_formal, Qt.MouseButton.LeftButton)
    go_to(tab, qtbot, "XF-06-4")
    type_value(qtbot, tab, "0.12")
    type_value(qtbot, tab, "0.40")
    type_value(qtbot, tab, "0.41, 0.42")
    assert live_answers(database)["XF-06-4"].samples == [0.12, 0.40, 0.41, 0.42]
    assert tab.current_row().item.id == "XF-06-5"  # decided (加倍抽查 passed): on to the next item
    go_to(tab, qtbot, "XF-06-4")
    assert [tab.editor.samples.item(n).text() for n in range(tab.editor.samples.count())] == [
        "1: 0.12 MPa", "2: 0.4 MPa", "3: 0.41 MPa", "4: 0.42 MPa"]
    tab.editor.samples.setCurrentRow(0)  # the mistyped first reading
    tab.editor.samples.setFocus()
    qtbot.keyClick(tab.editor.samples, Qt.Key.Key_Delete)
    assert live_answers(database)["XF-06-4"].samples == [0.40, 0.41, 0.42]
    assert verdicts_shown(tab)["XF-06-4"] is ItemVerdict.PASS


def test_filter_keeps_the_current_item_and_rules_are_text(tab, qtbot):
    qtbot.mouseClick(tab.start_formal, Qt.MouseButton.LeftButton)
    go_to(tab, qtbot, "XF-06-2")
    tab.filter_mode.setCurrentIndex(tab.filter_mode.findData(Filter.UNANSWERED))
    assert tab.current_row().item.id == "XF-06-2"
    assert tab.view.visualRect(tab.view.currentIndex()).isValid()
    go_to(tab, qtbot, "XF-04-1")
    assert "&gt;= design" in tab.editor.title.text()  # escaped: the rule is shown, not eaten as markup


def test_filters_and_search(tab, qtbot):
    qtbot.mouseClick(tab.start_formal, Qt.MouseButton.LeftButton)
    tab.view.setFocus()
    type_value(qtbot, tab, "12", "13")  # 防火间距 too short: class A fails
    assert tab.outcome.text().startswith(label(Verdict.FAILED)) or "未作答" in tab.outcome.text()
    tab.filter_mode.setCurrentIndex(tab.filter_mode.findData(Filter.FAILED))
    assert tab.proxy.rowCount() == 1
    tab.filter_mode.setCurrentIndex(tab.filter_mode.findData(Filter.UNANSWERED))
    assert tab.proxy.rowCount() == 6
    tab.filter_mode.setCurrentIndex(tab.filter_mode.findData(Filter.CLASS_A))
    assert tab.proxy.rowCount() == 2
    tab.filter_mode.setCurrentIndex(tab.filter_mode.findData(Filter.ALL))
    qtbot.keyClick(tab.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search.hasFocus()
    type_text(qtbot, tab.search, "消火栓")
    assert tab.proxy.rowCount() == 1


def test_model_passes_qt_model_tester(tab, qtbot, qtmodeltester):
    qtbot.mouseClick(tab.start_formal, Qt.MouseButton.LeftButton)
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)


def test_j_k_move_and_note_by_keyboard(tab, qtbot):
    qtbot.mouseClick(tab.start_formal, Qt.MouseButton.LeftButton)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_J)
    qtbot.keyClick(tab.view, Qt.Key.Key_J)
    qtbot.keyClick(tab.view, Qt.Key.Key_K)
    assert tab.current_row().item.id == "XF-04-2"
    qtbot.keyClick(tab.view, Qt.Key.Key_Down)
    assert tab.current_row().item.id == "XF-06-1"
    qtbot.keyClick(tab.view, Qt.Key.Key_N)
    assert tab.editor.note.hasFocus()
    type_text(qtbot, tab.editor.note, "楼梯间前室门闭门器缺失")
    qtbot.keyClick(tab.editor.note, Qt.Key.Key_Return)
    row = next(r for r in tab.model.rows if r.item.id == "XF-06-1")
    assert row.answer.values.note == "楼梯间前室门闭门器缺失" and row.verdict is ItemVerdict.PENDING
    assert tab.view.hasFocus()


def test_unit_page_has_a_checklist_tab_per_discipline_with_demo_answers(window, demo_project, qtbot):
    window.open_project(demo_project)
    unit = next(r for r in window.project_page.unit_model.rows if r.data.name == "2#住宅楼")
    window.open_unit(unit.id)
    page = window.unit_page
    assert [page.tabs.tabText(n) for n in range(page.tabs.count())] == ["规划", "人防", "消防", "档案", "照片", "问题"]
    fire = next(t for t in page.checklists if t.discipline is Discipline.FIRE)
    page.tabs.setCurrentWidget(fire)
    assert "已完成" in fire.header.text() and "检查表版本" in fire.header.text()
    # 济南 judges fire by the 细则 (2020): a non-conforming item makes it 不合格 until rectified; the scheme is named.
    assert fire.outcome.text().startswith(label(Verdict.FAILED)) and "细则" in fire.outcome.text()
    assert fire.start_formal.isVisible() and "第 2 轮" in fire.start_formal.text()
    air = next(t for t in page.checklists if t.discipline is Discipline.CIVIL_AIR_DEFENSE)
    page.tabs.setCurrentWidget(air)
    assert air.header.text() == "本单体不涉及" and not air.start_formal.isVisible()
    assert not page.tabs.isTabVisible(page.tabs.indexOf(air))  # not offered where it does not apply
    assert page.status_labels[Discipline.FIRE].isEnabled() and not page.status_labels[Discipline.CIVIL_AIR_DEFENSE].isEnabled()
    page.status_labels[Discipline.FIRE].click()  # the badge opens its tab
    assert page.tabs.currentWidget() is fire


def test_answer_with_the_mouse(tab, qtbot):
    qtbot.mouseClick(tab.start_formal, Qt.MouseButton.LeftButton)
    row = next(n for n, r in enumerate(tab.model.rows) if r.item.id == "XF-06-3")
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=tab.view.visualRect(tab.proxy.index(row, 2)).center())
    assert tab.current_row().item.id == "XF-06-3"
    qtbot.mouseClick(tab.editor.buttons[ItemVerdict.FAIL], Qt.MouseButton.LeftButton)
    assert verdicts_shown(tab)["XF-06-3"] is ItemVerdict.FAIL


def test_a_unit_s_facts_decide_which_fire_items_show_and_say_why(window, database, qtbot):
    """A 9-storey and an 18-storey residential building: items the facts exclude are listed as 按规则不适用 with the
    rule's reason, still selectable; advisory items are marked."""
    from acceptance_app.domain.entities import UnitData
    from acceptance_app.domain.enums import BuildingUse, InspectionKind, Structure
    from acceptance_app.domain.unit_facts import Sprinkler, UnitFacts
    from acceptance_app.locator import forms_dir
    from acceptance_app.services import projects
    from acceptance_app.services.checklists import inspections as checklists
    from tests.checklists.helpers import make_project

    with database.session() as session, session.begin():
        project, _units = make_project(session)
        low, _ = projects.add_unit(session, project, UnitData(
            "9层住宅", height=26.1, storeys_above=9, storeys_below=1, area_above=6200, area_below=600,
            structure=Structure.SHEAR_WALL, use=BuildingUse.RESIDENTIAL, facts=UnitFacts(sprinklers=frozenset())))
        high, _ = projects.add_unit(session, project, UnitData(
            "18层住宅", height=54.9, storeys_above=18, storeys_below=2, area_above=12876, area_below=1320,
            structure=Structure.SHEAR_WALL, use=BuildingUse.RESIDENTIAL,
            facts=UnitFacts(sprinklers=frozenset({Sprinkler.WET}), fire_lift=True, scissor_stair=True)))
        for unit in (low, high):
            checklists.start_inspection(session, unit, Discipline.FIRE, InspectionKind.FORMAL, forms_folder=forms_dir())
    shown = {}
    for unit in (low, high):
        window.open_unit(unit)
        fire = next(t for t in window.unit_page.checklists if t.discipline is Discipline.FIRE)
        window.unit_page.tabs.setCurrentWidget(fire)
        shown[unit] = {r.item.id: r for r in fire.model.rows}
    lift_low, lift_high = shown[low]["XF-10-1"], shown[high]["XF-10-1"]
    assert lift_low.by_rule and not lift_high.by_rule
    assert shown[low]["XF-20-11"].by_rule and not shown[high]["XF-20-11"].by_rule  # 避难房间 > 54 m
    assert not shown[low]["XF-20-6"].by_rule  # 剪刀楼梯 not entered for the 9-storey unit: checked
    # The 9-storey building's own page shows the reason for 消防电梯 items, and the row can still be opened.
    window.open_unit(low)
    fire = next(t for t in window.unit_page.checklists if t.discipline is Discipline.FIRE)
    window.unit_page.tabs.setCurrentWidget(fire)
    row_number = next(n for n, r in enumerate(fire.model.rows) if r.item.id == "XF-10-1")
    reason = fire.model.data(fire.model.index(row_number, 7))
    assert "33" in reason and "GB 50016 7.3.1" in reason
    assert fire.model.data(fire.model.index(row_number, 6)) == "按规则不适用"
    # Opened with the keyboard and answered with "1": nothing is recorded, the runner says why.
    fire.view.setCurrentIndex(fire.proxy.mapFromSource(fire.model.index(row_number, 0)))
    fire.view.setFocus()
    qtbot.keyClick(fire.view, Qt.Key.Key_1)
    assert "按规则不适用" in fire.message.text() and "33" in fire.message.text()
    assert "按规则不适用" in fire.editor.title.text() and not fire.editor.value.isEnabled()
    assert next(r for r in fire.model.rows if r.item.id == "XF-10-1").answer is None
    advisory = next(n for n, r in enumerate(fire.model.rows) if r.item.id == "XF-02-3")
    assert "宜" in fire.model.data(fire.model.index(advisory, 4))
def test_a_filter_that_matches_nothing_says_what_to_do(tab, qtbot):
    qtbot.mouseClick(tab.start_formal, Qt.MouseButton.LeftButton)
    tab.filter_mode.setCurrentIndex(tab.filter_mode.findData(Filter.FAILED))
    assert tab.proxy.rowCount() == 0 and "全部检查项" in tab.message.text()
    tab.filter_mode.setCurrentIndex(tab.filter_mode.findData(Filter.ALL))
    assert tab.message.text() == ""
