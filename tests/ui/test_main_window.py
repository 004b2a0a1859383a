from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from acceptance_app.context import AppContext
from acceptance_app.domain.enums import CellStatus, Discipline
from acceptance_app.services import projects
from tests.ui.conftest import when_modal

from acceptance_app.ui.dialogs.entities import party_dialog, unit_dialog
from acceptance_app.ui.dialogs.form import FormDialog


def cell_text(view, row, column):
    return view.model().index(row, column).data()


def test_demo_project_can_be_browsed(window, demo_project, qtbot):
    window.project_list.reload()
    assert window.project_list.model.rowCount() == 1
    assert cell_text(window.project_list.view, 0, 0) == "泉华苑住宅小区（一期）"
    index = window.project_list.model.index(0, 0)
    view = window.project_list.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())  # one click opens
    page = window.project_page
    assert window.pages.currentWidget() is page
    assert page.title.text() == "泉华苑住宅小区（一期）"
    assert "2023-370112-47-01-258316" in page.facts.text()
    assert page.unit_model.rowCount() == 7
    headers = [page.unit_model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.unit_model.columnCount())]
    assert headers[-4:] == ["规划", "人防", "消防", "档案"]
    garage_row = next(n for n, r in enumerate(page.unit_model.rows) if "地下车库" in r.data.name)
    assert cell_text(page.unit_view, garage_row, len(headers) - 3) == "未开始"
    assert cell_text(page.unit_view, 0, len(headers) - 3) == "不涉及"
    page.unit_view.doubleClicked.emit(page.unit_model.index(garage_row, 0))
    assert window.pages.currentWidget() is window.unit_page
    assert window.unit_page.title.text().startswith("地下车库")
    assert window.unit_page.status_labels[Discipline.CIVIL_AIR_DEFENSE].text() == "人防：未开始"
    facts = window.unit_page.facts
    shown = [facts.itemAt(n).widget().text() for n in range(facts.count())]
    assert shown[shown.index("不动产单元代码") + 1] == "370112 005003 GB00126 F00080000"
    assert shown[shown.index("含人防工程") + 1] == "是"
    window.back_action.trigger()
    assert window.pages.currentWidget() is page


def test_search_filters_the_list(window, demo_project, database, qtbot):
    with database.session() as s, s.begin():
        from acceptance_app.demo.project import create_scaled_projects

        create_scaled_projects(s, 2, units_per_project=2)
    window.project_list.reload()
    assert window.project_list.model.rowCount() == 3
    # QTest can only type ASCII; Chinese text arrives through the input method as a whole string.
    with qtbot.waitSignal(window.project_list.loaded, timeout=2000):
        window.project_list.search.setText("泉华置业")
    assert [r.name for r in window.project_list.model.rows] == ["泉华苑住宅小区（一期）"]


def fill(dialog: FormDialog, **values: str) -> None:
    for name, value in values.items():
        editor = dialog.editors[name]
        assert isinstance(editor, QLineEdit)
        editor.setText(value)


def test_create_project_with_validation_as_you_type(window, qtbot, database):
    seen = {}

    def interact(dialog: FormDialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        fill(dialog, name="历城区测试项目", project_code="2023-3701")
        seen["ok_enabled_with_bad_code"] = ok.isEnabled()
        seen["problem"] = dialog.problem_labels["project_code"].text()
        dialog.editors["project_code"].clear()
        qtbot.keyClicks(dialog.editors["project_code"], "2023-370112-47-01-100200")
        seen["problem_after"] = dialog.problem_labels["project_code"].isVisible()
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_modal(interact, qtbot)
    window.new_project()
    assert seen["ok_enabled_with_bad_code"] is False
    assert "格式应如 2023-370102-47-01-123456" in seen["problem"]
    assert seen["problem_after"] is False
    assert window.pages.currentWidget() is window.project_page
    assert window.project_page.title.text() == "历城区测试项目"
    assert "缺少责任主体：建设单位、勘察单位、设计单位、施工单位、监理单位" == window.project_page.missing_parties.text()
    assert [r.name for r in window.project_list.model.rows] == ["历城区测试项目"]


def test_add_party_and_unit_then_see_the_matrix(window, qtbot, database):
    with database.session() as s, s.begin():
        from acceptance_app.domain.entities import ProjectData

        project_id, _ = projects.create_project(s, ProjectData("矩阵项目", "2024-370102-47-01-000010"))
    window.open_project(project_id)
    page = window.project_page

    def party(dialog: FormDialog) -> None:
        fill(dialog, name="济南某置业有限公司", uscc="91110000600037341M")
        assert "校验码错误" in dialog.problem_labels["uscc"].text()
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        fill(dialog, uscc="91110000600037341L")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(party, qtbot)
    page.add_party()
    assert [p.data.name for p in page.party_model.rows] == ["济南某置业有限公司"]

    def unit(dialog: FormDialog) -> None:
        fill(dialog, name="1#楼", building_no="1", real_estate_unit_code="370102001002GB00001F0002000")
        assert "应为 28 位" in dialog.problem_labels["real_estate_unit_code"].text()
        fill(dialog, real_estate_unit_code="370102001002GB00001F00020000")
        warning = dialog.problem_labels["real_estate_unit_code"].text()
        assert "幢号为 0002" in warning  # a warning only: OK stays enabled
        fill(dialog, area_above="abc")
        assert "不是数字" in dialog.problem_labels["area_above"].text()
        fill(dialog, area_above="5230.5", storeys_above="18", height="54.9")
        dialog.editors["has_civil_air_defense"].setChecked(True)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(unit, qtbot)
    page.add_unit()
    [row] = page.unit_model.rows
    assert row.data.area_above == 5230.5 and row.data.has_civil_air_defense
    assert row.cells[Discipline.CIVIL_AIR_DEFENSE] is CellStatus.NOT_STARTED
    assert cell_text(page.unit_view, 0, 2) == "5,230.50"


def test_dialogs_prefill_for_editing(qtbot, demo_project, session):
    detail = projects.get_project(session, demo_project)
    dialog = unit_dialog(detail.units[0].data)
    qtbot.addWidget(dialog)
    assert dialog.editors["name"].text() == "1#住宅楼"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog2 = party_dialog(detail.parties[0].data)
    qtbot.addWidget(dialog2)
    assert dialog2.editors["role"].currentText() == "建设单位"


def test_the_demo_from_the_menu_makes_both_projects_and_opens_the_first(window, qtbot):
    window.create_demo()
    names = [row.name for row in window.project_list.model.rows]
    assert sorted(names) == ["泉华苑住宅小区（一期）", "泉华苑住宅小区（二期）"]
    assert window.pages.currentWidget() is window.project_page
    assert window.project_page.title.text() == "泉华苑住宅小区（一期）"


def test_first_start_asks_who_is_working_and_the_records_name_them(window, runner, qtbot, tmp_path):
    from acceptance_app.settings import load_settings

    from acceptance_app.ui.dialogs.identity_dialog import IdentityDialog

    runner.database.actor = ""  # nobody set yet: the first start
    runner.database.require_actor = True

    def answer(dialog):
        assert isinstance(dialog, IdentityDialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # a name is required
        dialog.fields.name.setText("王工")
        dialog.fields.inspector_id.setText("J-017")
        dialog.fields.department.setCurrentIndex(dialog.fields.department.findData("housing"))
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_modal(answer, qtbot)
    assert window.ensure_identity()
    assert runner.database.actor == "王工 J-017"
    saved = load_settings(window.data_dir)
    assert (saved.inspector_name, saved.inspector_id, saved.inspector_department) == ("王工", "J-017", "housing")


def test_without_an_inspector_the_checklist_records_nothing(tab, runner, database, qtbot):
    from tests.ui.checklist_fixtures import live_answers

    qtbot.mouseClick(tab.start_formal, Qt.MouseButton.LeftButton)
    runner.database.actor = ""
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_3)
    assert live_answers(database) == {}
    assert "设置" in tab.message.text() and "未保存" in tab.message.text()


def test_one_click_opens_the_project_and_names_are_not_cut_alike(window, demo_project, database, qtbot):
    from acceptance_app.demo.ready import create_ready_project

    with database.session() as s, s.begin():
        second = create_ready_project(s)
    window.project_list.reload()
    view = window.project_list.view
    rows = {r.name: n for n, r in enumerate(window.project_list.model.rows)}
    for name in ("泉华苑住宅小区（二期）", "泉华苑住宅小区（一期）"):
        index = window.project_list.model.index(rows[name], 0)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
        assert window.project_page.title.text() == name
        assert index.data(Qt.ItemDataRole.ToolTipRole) == name  # the whole name, whatever the column shows
    assert view.textElideMode() == Qt.TextElideMode.ElideMiddle  # "泉华苑…（二期）", never "泉华苑住宅小…"
    assert second is not None


def test_the_window_remembers_its_layout_project_and_folder(window, runner, data_folder, demo_project, qtbot, tmp_path):
    from acceptance_app.settings import Settings

    from acceptance_app.ui import desktop_state
    from acceptance_app.ui.main_window import MainWindow

    window.project_list.reload()
    window.open_project(demo_project)
    window.resize(760, 560)  # inside the offscreen screen (800x600): restoreGeometry keeps windows on screen
    split = window.centralWidget()
    split.setSizes([333, 427])
    desktop_state.remember_folder(str(tmp_path))
    window.close()
    again = MainWindow(AppContext(data_folder, Settings(), runner.database), runner)
    qtbot.addWidget(again)
    again.show()
    again.project_list.reload()
    assert (again.width(), again.height()) == (760, 560)
    assert again.centralWidget().sizes()[0] == 333
    assert again.open_last_project() and again.project_page.project_id == demo_project
    assert desktop_state.last_folder() == str(tmp_path)


def test_the_status_bar_keeps_its_text_when_a_status_tip_shows(window, qtbot):
    shown = window.status_text.text()
    assert "数据文件夹" in shown
    window.statusBar().showMessage("菜单项的提示")  # what hovering a menu item does
    assert window.status_text.isVisible() and window.status_text.text() == shown


def test_a_fresh_form_shows_no_red_until_something_is_typed(window, qtbot):
    from acceptance_app.ui.dialogs.entities import project_dialog

    dialog = project_dialog(None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # still incomplete ...
    assert not any(label.isVisible() for label in dialog.problem_labels.values())  # ... but nothing is red yet
    qtbot.keyClicks(dialog.editors["project_code"], "2023-37")
    # The field typed in says what is wrong; an untouched one stays quiet until the user has been in it.
    assert dialog.problem_labels["project_code"].isVisible() and not dialog.problem_labels["name"].isVisible()
    qtbot.keyClicks(dialog.editors["name"], "x")
    qtbot.keyClick(dialog.editors["name"], Qt.Key.Key_Backspace)
    assert dialog.problem_labels["name"].isVisible()


def test_qt_file_dialog_speaks_chinese(qtbot):
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts  # the gaps in qtbase_zh_CN are filled


def test_a_unit_opens_on_the_discipline_used_last(window, demo_project, qtbot):
    window.open_project(demo_project)
    rows = {r.data.name: r.id for r in window.project_page.unit_model.rows}
    window.open_unit(rows["2#住宅楼"])
    page = window.unit_page
    page.open_discipline(Discipline.ARCHIVE)
    window.open_unit(rows["3#住宅楼"])
    assert page.tabs.currentWidget() is page.checklist(Discipline.ARCHIVE)
