"""A concluded discipline on the unit page, by keyboard: changing an answer asks for the reason first (更正),
a change of verdict is refused with what to do, the item's history (H) shows every version, and the conclusion
can be reopened with a reason; the unit's own change history opens from its page."""

import sqlalchemy as sa

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from acceptance_app.domain.enums import InspectionStatus, ItemVerdict
from acceptance_app.services.checklists import verdicts
from acceptance_app.storage.models import Answer, Inspection
from tests.checklists.helpers import answer_all, start
from tests.ui.checklist_fixtures import go_to, live_answers, type_text


def _conclude(tab, database):
    with database.session() as s, s.begin():
        inspection = start(s, tab.unit_id)
        answer_all(s, inspection)
        verdicts.conclude_inspection(s, inspection)
    tab.reload()
    return inspection


def _dialog_by_name(name):
    return next((w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()), None)


def _give_reason(qtbot, tab, reason):
    dialog = tab._reason_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok.isEnabled()  # nothing typed: the reason is required
    type_text(qtbot, dialog.reason, reason)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    return dialog


def test_a_concluded_answer_changes_only_with_a_reason_and_shows_in_its_history(tab, qtbot, database, tmp_path):
    inspection = _conclude(tab, database)
    assert "已完成" in tab.header.text()
    assert tab.editor.isVisible() and tab.reopen_button.isVisible() and tab.history_button.isVisible()
    assert not tab.conclude_button.isVisible() and not tab.undo_button.isVisible()

    go_to(tab, qtbot, "XF-06-3")  # 合格 → 不合格 would change the verdict: refused, nothing saved
    qtbot.keyClick(tab.view, Qt.Key.Key_2)
    dialog = tab._reason_dialog
    assert "XF-06-3" in dialog.explanation.text() and "不合格" in dialog.explanation.text()
    type_text(qtbot, dialog.reason, "复核")
    assert not dialog.ok.isEnabled()  # two characters say nothing
    type_text(qtbot, dialog.reason, "发现闭门器损坏")
    assert dialog.ok.isEnabled()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert "撤销结论" in tab.message.text() or "重新" in tab.message.text()
    assert live_answers(database, "XF-06-3")["XF-06-3"].verdict is ItemVerdict.PASS

    qtbot.keyClick(tab.view, Qt.Key.Key_N)  # a note added after the conclusion is a correction too
    type_text(qtbot, tab.editor.note, "闭门器型号已核对")
    qtbot.keyClick(tab.editor.note, Qt.Key.Key_Return)
    _give_reason(qtbot, tab, "补记现场核对情况，结论不变")
    assert "XF-06-3" in tab.message.text() and "理由" in tab.message.text()
    live = live_answers(database, "XF-06-3")["XF-06-3"]
    assert (live.note, live.change_reason, live.verdict) == ("闭门器型号已核对", "补记现场核对情况，结论不变",
                                                             ItemVerdict.PASS)

    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: _dialog_by_name("answer_history_dialog") is not None)
    history = _dialog_by_name("answer_history_dialog")
    assert history.model.rowCount() == 2
    remarks = [history.model.index(r, 6).data() for r in range(2)]
    assert "取代" in remarks[0] and "补记现场核对情况" in remarks[1] and "当前有效" in remarks[1]
    csv_path = tmp_path / "history.csv"
    history.export_csv(path=str(csv_path))
    lines = csv_path.read_text("utf-8-sig").splitlines()
    assert lines[0].startswith("单体,检查项,时间（北京时间）") and len(lines) == 3
    assert "补记现场核对情况，结论不变" in lines[2] and "XF-06-3" in lines[2]
    history.close()

    with database.session() as s:
        assert s.get(Inspection, inspection).status is InspectionStatus.COMPLETED
        assert s.scalar(sa.select(sa.func.count()).select_from(Answer).where(Answer.item_id == "XF-06-3")) == 2


def test_reopening_asks_why_and_opens_the_discipline_again(tab, qtbot, database):
    inspection = _conclude(tab, database)
    qtbot.mouseClick(tab.reopen_button, Qt.MouseButton.LeftButton)
    dialog = tab._reason_dialog
    assert "撤销" in dialog.windowTitle() or "重新" in dialog.windowTitle()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape)  # cancelled: nothing changes
    with database.session() as s:
        assert s.get(Inspection, inspection).status is InspectionStatus.COMPLETED
    qtbot.mouseClick(tab.reopen_button, Qt.MouseButton.LeftButton)
    _give_reason(qtbot, tab, "复核发现消防车道被占用，需重新判定")
    assert "进行中" in tab.header.text() and tab.conclude_button.isVisible() and not tab.reopen_button.isVisible()
    with database.session() as s:
        reopened = s.get(Inspection, inspection)
        assert (reopened.status, reopened.verdict) == (InspectionStatus.IN_PROGRESS, None)
        assert reopened.reopen_reason == "复核发现消防车道被占用，需重新判定"
    go_to(tab, qtbot, "XF-06-3")
    qtbot.keyClick(tab.view, Qt.Key.Key_2)  # open again: answered as usual, no reason asked
    assert live_answers(database, "XF-06-3")["XF-06-3"].verdict is ItemVerdict.FAIL


def test_the_unit_page_opens_the_unit_s_change_history_in_words(window, demo_project, qtbot):
    window.open_project(demo_project)
    unit = next(r for r in window.project_page.unit_model.rows if r.data.name == "1#住宅楼")
    window.open_unit(unit.id)
    page = window.unit_page
    page.show_facts(True)
    qtbot.mouseClick(page.history_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _dialog_by_name("history_dialog") is not None)
    dialog = _dialog_by_name("history_dialog")
    cells = {dialog.model.index(r, c).data() for r in range(dialog.model.rowCount()) for c in range(7)}
    assert "剪力墙结构" in cells and "住宅" in cells and "1#住宅楼" in cells
    assert not any(str(c).startswith(("shear-wall", "residential")) for c in cells)
    assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "时间（北京时间）"
    dialog.close()
