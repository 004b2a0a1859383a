"""Typing and reading helpers, shared by the checklist UI tests."""

import sqlalchemy as sa

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from acceptance_app.storage.models import Answer


def verdicts_shown(tab):
    return {row.item.id: row.verdict for row in tab.model.rows}


def type_text(qtbot, box, text):
    """QTest can only type ASCII; Chinese arrives as committed input-method text (as an IME commits it)."""
    if text.isascii():
        qtbot.keyClicks(box, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(box, event)


def type_value(qtbot, tab, value, design=None):
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert tab.editor.value.hasFocus()
    type_text(qtbot, tab.editor.value, value)
    if design is not None:
        tab.editor.design.clear()
        qtbot.keyClicks(tab.editor.design, design)
    shown = tab.editor.live.text()
    qtbot.keyClick(tab.editor.design if design is not None else tab.editor.value, Qt.Key.Key_Return)
    return shown


def go_to(tab, qtbot, item_id):
    assert tab.select_item(item_id)
    tab.view.setFocus()


def live_answers(database, item_id=None):
    """The live (not retired) answer rows in the database, by item id."""
    with database.session() as session:
        query = sa.select(Answer).where(Answer.retired.is_(False))
        return {a.item_id: a for a in session.scalars(query) if item_id in (None, a.item_id)}
