#!/usr/bin/env python3
"""Changing a concluded discipline with real key presses (xdotool, through the X server and Qt's xcb plugin) on the
real window: 1#住宅楼's concluded 消防 in the demo. 2 on a passed item of the unit asks for the reason first and is
refused (the verdict would change); N, a note, Enter asks for the reason and records the correction with it; H shows
the item's history. The records are read back; screenshots at the screen's size.

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/correction_keys.py OUT_DIR

Exit status 0 when every record is right. Needs xdotool (scripts/system-deps.sh --test).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import sqlalchemy as sa  # noqa: E402
from real_keys import ACTOR, find_item, keys, open_demo, screen, settle, type_text  # noqa: E402

from PySide6.QtWidgets import QApplication  # noqa: E402

from acceptance_app.domain.checklists.form import AnswerType, Scope  # noqa: E402
from acceptance_app.domain.enums import Discipline, InspectionStatus, ItemVerdict  # noqa: E402
from acceptance_app.storage.models import Answer  # noqa: E402

UNIT = "1#住宅楼"  # the demo's unit whose 消防 is concluded 合格
NOTE = "closer model checked on site"
REASON = "note added after the site check"



def main() -> int:
    demo = open_demo(sys.argv, "correction-keys")
    if demo is None:
        return 2
    out, window, database = demo.out, demo.window, demo.database
    window.open_project(demo.made)
    settle(800)
    tab = demo.checklist(UNIT, Discipline.FIRE)

    problems: list[str] = []
    current = tab.state.current if tab.state else None
    if current is None or current.info.status is not InspectionStatus.COMPLETED:
        print(f"FAIL {UNIT}'s 消防 is not concluded in the demo")
        return 1
    row = next((r for r in current.sheet.all_rows if r.item.answer.type is AnswerType.VERDICT
                and r.item.scope is Scope.UNIT and r.verdict is ItemVerdict.PASS), None)
    if row is None:
        print(f"FAIL no passed verdict item of {UNIT} itself")
        return 1
    item = row.item.id
    print(f"item: {item}")
    find_item(item)
    keys("2")  # 合格 → 不合格 on a concluded discipline: the reason first
    dialog = tab._reason_dialog
    if dialog is None or not dialog.isVisible():
        problems.append("2 on a concluded item did not ask for a reason")
    else:
        type_text("door closer broken")
        screen(out / "01-reason-asked.png")
        keys("Return")
        settle(500)
        if "撤销结论" not in tab.message.text():
            problems.append(f"a verdict-changing correction was not refused with what to do: {tab.message.text()!r}")
    screen(out / "02-refused.png")
    keys("n")
    type_text(NOTE)
    keys("Return")
    dialog = tab._reason_dialog
    if dialog is None or not dialog.isVisible():
        problems.append("a note on a concluded item did not ask for a reason")
    else:
        type_text(REASON)
        keys("Return")
        settle(500)
    screen(out / "03-corrected.png")
    tab.view.setFocus()
    keys("h")
    settle(600)
    history = next((w for w in QApplication.topLevelWidgets()
                    if w.objectName() == "answer_history_dialog" and w.isVisible()), None)
    if history is None:
        problems.append("H did not show the item's history")
    else:
        screen(out / "04-history.png")
        if history.model.rowCount() < 2:
            problems.append(f"history shows {history.model.rowCount()} version(s)")
        history.close()

    with database.session() as session:
        live = session.scalars(sa.select(Answer).where(Answer.inspection_id == current.info.id,
                                                       Answer.item_id == item, Answer.retired.is_(False))).one()
    if (live.verdict, live.note, live.change_reason, live.answered_by) != (ItemVerdict.PASS, NOTE, REASON,
                                                                           ACTOR):
        problems.append(f"{item}: {(live.verdict, live.note, live.change_reason, live.answered_by)}")
    return demo.finish(problems)


if __name__ == "__main__":
    sys.exit(main())
