"""Identical buildings in the runner: the review list ticks no reading, copies what stays ticked; the rest of a
group 合格 only after Yes."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from acceptance_app.domain.enums import Discipline, ItemVerdict
from acceptance_app.settings import Settings
from tests.checklists.conftest import FIXTURE_FORMS
from tests.checklists.helpers import FIRE_PASSING, answer_all, make_project, na, start
from tests.ui.checklist_fixtures import verdicts_shown
from tests.ui.conftest import when_modal

from acceptance_app.ui.checklists.copy_dialog import CopyAnswersDialog
from acceptance_app.ui.checklists.tab import ChecklistTab


def two_units(runner, database, qtbot):
    with database.session() as session, session.begin():
        _, (source, target) = make_project(session)
        answer_all(session, start(session, source), FIRE_PASSING, **{"XF-06-3": na("本楼无此项")})
        start(session, target)
    tab = ChecklistTab(runner, Discipline.FIRE, lambda: Settings(forms_dir=str(FIXTURE_FORMS)))
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    tab.show_unit(target)
    return tab


def test_copy_from_an_identical_unit_through_the_review_list(runner, database, qtbot):
    tab = two_units(runner, database, qtbot)
    seen = {}

    def review(dialog):
        assert isinstance(dialog, CopyAnswersDialog)
        rows = {dialog.tree.topLevelItem(n).text(0): dialog.tree.topLevelItem(n)
                for n in range(dialog.tree.topLevelItemCount())}
        seen["ticked"] = sorted(dialog.chosen())
        rows["XF-06-1"].setCheckState(0, Qt.CheckState.Checked)  # this count is the same here: tick it by hand
        rows["XF-06-2"].setCheckState(0, Qt.CheckState.Unchecked)
        dialog.accept()

    when_modal(review, qtbot)
    qtbot.mouseClick(tab.copy_button, Qt.MouseButton.LeftButton)
    assert seen["ticked"] == ["XF-06-2", "XF-06-3", "XF-06-5"]  # readings (XF-06-1, XF-06-4) not ticked
    shown = verdicts_shown(tab)
    assert shown["XF-06-1"] is ItemVerdict.PASS and shown["XF-06-3"] is ItemVerdict.NOT_APPLICABLE
    assert shown["XF-06-2"] is ItemVerdict.PENDING and shown["XF-06-4"] is ItemVerdict.PENDING
    assert "3" in tab.message.text() and "1#楼" in tab.message.text()


def test_rest_of_group_passes_only_after_yes(runner, database, qtbot):
    tab = two_units(runner, database, qtbot)
    assert tab.select_item("XF-06-2")
    when_modal(lambda box: box.button(QMessageBox.StandardButton.No).click(), qtbot)
    qtbot.mouseClick(tab.pass_rest_button, Qt.MouseButton.LeftButton)
    assert verdicts_shown(tab)["XF-06-3"] is ItemVerdict.PENDING
    texts = {}

    def yes(box):
        texts["question"] = box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    when_modal(yes, qtbot)
    qtbot.mouseClick(tab.pass_rest_button, Qt.MouseButton.LeftButton)
    assert "XF-06-3" in texts["question"] and "XF-06-5" in texts["question"]
    shown = verdicts_shown(tab)
    assert shown["XF-06-3"] is ItemVerdict.PASS and shown["XF-06-5"] is ItemVerdict.PASS
    assert shown["XF-06-2"] is ItemVerdict.PENDING  # a choice item needs its value
