"""不适用 is an answer kind, never a value: regression tests for the field trial's blocker (a reason typed after 3
on a measured item was stored as a reading of 3 Pa and failed a class-A item), through the keyboard and the
buttons, for every answer type."""

import pytest

from PySide6.QtCore import Qt

from acceptance_app.domain.enums import ItemVerdict
from tests.ui.checklist_fixtures import go_to, live_answers, type_text, verdicts_shown

# One item of each answer type in the fixture fire form.
ITEMS = {
    "measure": "XF-04-2",
    "measure-with-design": "XF-04-1",
    "sampled-measure": "XF-06-4",
    "count": "XF-06-1",
    "choice": "XF-06-2",
    "verdict": "XF-06-3",
    "text": "XF-06-5",
}
REASON = "本楼无机械加压送风"


def started(tab, qtbot):
    qtbot.mouseClick(tab.start_formal, Qt.MouseButton.LeftButton)


def assert_na(database, item_id, reason=REASON):
    row = live_answers(database, item_id)[item_id]
    assert (row.verdict, row.samples, row.choice, row.design_value, row.na_reason) == (
        ItemVerdict.NOT_APPLICABLE, [], "", None, reason)
    assert row.answered_by == "测试员"


@pytest.mark.parametrize("kind", ITEMS)
def test_key_3_then_reason_and_enter(tab, qtbot, database, kind):
    started(tab, qtbot)
    item_id = ITEMS[kind]
    go_to(tab, qtbot, item_id)
    qtbot.keyClick(tab.view, Qt.Key.Key_3)
    assert tab.editor.reason.hasFocus()  # the save of 不适用 did not take the focus back to the list
    type_text(qtbot, tab.editor.reason, REASON)
    qtbot.keyClick(tab.editor.reason, Qt.Key.Key_Return)
    assert_na(database, item_id)
    assert verdicts_shown(tab)[item_id] is ItemVerdict.NOT_APPLICABLE


@pytest.mark.parametrize("kind", ITEMS)
def test_button_then_reason_and_enter(tab, qtbot, database, kind):
    started(tab, qtbot)
    item_id = ITEMS[kind]
    go_to(tab, qtbot, item_id)
    qtbot.mouseClick(tab.editor.buttons[ItemVerdict.NOT_APPLICABLE], Qt.MouseButton.LeftButton)
    assert tab.editor.reason.hasFocus()
    type_text(qtbot, tab.editor.reason, REASON)
    qtbot.keyClick(tab.editor.reason, Qt.Key.Key_Return)
    assert_na(database, item_id)


@pytest.mark.parametrize("kind", ITEMS)
def test_reason_alone_and_enter_is_not_applicable(tab, qtbot, database, kind):
    started(tab, qtbot)
    item_id = ITEMS[kind]
    go_to(tab, qtbot, item_id)
    tab.editor.reason.setFocus()
    type_text(qtbot, tab.editor.reason, REASON)
    qtbot.keyClick(tab.editor.reason, Qt.Key.Key_Return)
    assert_na(database, item_id)


def test_a_reading_typed_while_a_reason_is_filled_in_is_refused(tab, qtbot, database):
    started(tab, qtbot)
    go_to(tab, qtbot, "XF-04-2")
    tab.editor.reason.setFocus()
    type_text(qtbot, tab.editor.reason, REASON)
    tab.editor.value.setFocus()
    qtbot.keyClicks(tab.editor.value, "3")  # the trial's "hinted 3" typed into the value box
    qtbot.keyClick(tab.editor.value, Qt.Key.Key_Return)
    assert "XF-04-2" not in live_answers(database)
    assert "不适用理由" in tab.message.text() and "未保存" in tab.message.text()


def test_reason_is_kept_while_the_save_of_3_comes_back(tab, qtbot, database):
    """What the inspector types in the reason box survives the reload that follows the save of 不适用."""
    started(tab, qtbot)
    go_to(tab, qtbot, "XF-04-1")
    qtbot.keyClick(tab.view, Qt.Key.Key_3)
    type_text(qtbot, tab.editor.reason, "本楼")
    tab.reload()  # another save's changes arrive while typing
    assert tab.editor.reason.text() == "本楼" and tab.editor.reason.hasFocus()
    type_text(qtbot, tab.editor.reason, "无加压送风")
    qtbot.keyClick(tab.editor.reason, Qt.Key.Key_Return)
    assert_na(database, "XF-04-1", "本楼无加压送风")


def test_the_service_refuses_not_applicable_with_a_value(database):
    from acceptance_app.domain.checklists.answers import AnswerInput
    from acceptance_app.domain.problems import KnownError
    from acceptance_app.services.checklists import inspections as checklists
    from tests.checklists.helpers import make_project, start

    with database.session() as session, session.begin():
        _, (unit, _other) = make_project(session)
        inspection_id = start(session, unit)
    with database.session() as session, session.begin(), pytest.raises(KnownError) as error:
        checklists.answer_item(session, inspection_id, "XF-04-2",
                               AnswerInput(verdict=ItemVerdict.NOT_APPLICABLE, samples=(3.0,), na_reason=REASON))
    assert error.value.code == "answer.na_with_value"
