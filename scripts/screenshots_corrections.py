#!/usr/bin/env python3
"""PNGs of a concluded discipline being changed (run under Xvfb at the laptop's size):

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots_corrections.py OUT_DIR

On the demo's 一期: 1#'s concluded 消防 tab, the reason asked when an answer is changed (更正), the refusal of a
correction that would change the verdict, a note corrected with its reason, the item's 历史 (H), the unit's
变更记录 and the 撤销结论 dialog. A fresh temporary data folder; the screen is grabbed whole, dialogs included.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QInputMethodEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from acceptance_app.domain.enums import Discipline, ItemVerdict  # noqa: E402
from scripts.shots import Shots, open_window, settle  # noqa: E402


def shot(shots: Shots, name: str) -> None:
    """The whole screen: the dialogs over the window are what is looked at."""
    settle(300)
    QGuiApplication.primaryScreen().grabWindow(0).save(str(shots.out / name))


def commit_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Chinese as an input method commits it (QTest types ASCII only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def main() -> int:
    shots = open_window(sys.argv, actor="刘海涛", prefix="shots-corrections-")
    window, project = shots.window, shots.made
    settle(800)
    window.open_project(project)
    settle(600)
    unit = next(r for r in window.project_page.unit_model.rows if r.data.name == "1#住宅楼")
    window.open_unit(unit.id)
    settle(800)
    page = window.unit_page
    tab = page.checklist(Discipline.FIRE)
    page.tabs.setCurrentWidget(tab)
    settle(600)
    target = next(r.item.id for r in tab.model.rows if r.verdict is ItemVerdict.PASS and r.item.answer.type.value
                  == "verdict")
    tab.select_item(target)
    tab.view.setFocus()
    shot(shots, "60-concluded-fire-tab.png")
    QTest.keyClick(tab.view, Qt.Key.Key_2)  # 合格 → 不合格 on a concluded discipline
    settle(300)
    dialog = tab._reason_dialog
    assert dialog is not None
    commit_text(dialog.reason, "复核发现闭门器损坏")
    shot(shots, "61-correction-reason.png")
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    settle(600)
    shot(shots, "62-correction-refused-verdict.png")
    QTest.keyClick(tab.view, Qt.Key.Key_N)
    commit_text(tab.editor.note, "闭门器型号已现场核对")
    QTest.keyClick(tab.editor.note, Qt.Key.Key_Return)
    settle(300)
    assert tab._reason_dialog is not None
    commit_text(tab._reason_dialog.reason, "补记现场核对情况，结论不变")
    QTest.keyClick(tab._reason_dialog.reason, Qt.Key.Key_Return)
    settle(800)
    shot(shots, "63-note-corrected.png")
    tab.view.setFocus()
    QTest.keyClick(tab.view, Qt.Key.Key_H)
    settle(800)
    shot(shots, "64-item-history.png")
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "answer_history_dialog":
            widget.close()
    page.show_facts(True)
    settle(300)
    page.show_history()
    settle(1000)
    shot(shots, "65-unit-history.png")
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "history_dialog":
            widget.close()
    tab.reopen()
    settle(300)
    shot(shots, "66-reopen-dialog.png")
    return shots.finish()


if __name__ == "__main__":
    raise SystemExit(main())
