#!/usr/bin/env python3
"""Changing a concluded discipline with real key presses (xdotool, through the X server and Qt's xcb plugin) on the
real window: 1#住宅楼's concluded 消防 in the demo. 2 on a passed item of the unit asks for the reason first and is
refused (the verdict would change); N, a note, Enter asks for the reason and records the correction with it; H shows
the item's history. The records are read back; screenshots at the screen's size.

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/correction_keys.py OUT_DIR

Exit status 0 when every record is right. Needs xdotool (scripts/system-deps.sh --test).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import sqlalchemy as sa  # noqa: E402
from field_keys import find_item, keys, settle, type_text, xdotool  # noqa: E402

from PySide6.QtWidgets import QApplication  # noqa: E402

from acceptance_app import i18n  # noqa: E402
from acceptance_app.context import AppContext  # noqa: E402
from acceptance_app.demo.project import create_demo_project  # noqa: E402
from acceptance_app.domain.checklists.form import AnswerType, Scope  # noqa: E402
from acceptance_app.domain.enums import Discipline, InspectionStatus, ItemVerdict  # noqa: E402
from acceptance_app.settings import load_settings, save_settings  # noqa: E402
from acceptance_app.storage.data_folder import DataFolder  # noqa: E402
from acceptance_app.storage.db import open_database  # noqa: E402
from acceptance_app.storage.models import Answer  # noqa: E402

from acceptance_app.ui.fonts import install_app_font  # noqa: E402
from acceptance_app.ui.main_window import MainWindow  # noqa: E402
from acceptance_app.ui.qt_translations import install_qt_translations  # noqa: E402
from acceptance_app.ui.tasks import TaskRunner  # noqa: E402

UNIT = "1#住宅楼"  # the demo's unit whose 消防 is concluded 合格
NOTE = "closer model checked on site"
REASON = "note added after the site check"


def shot(app: QApplication, path: Path) -> None:
    settle(300)
    app.primaryScreen().grabWindow(0).save(str(path))


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "correction-keys")
    out.mkdir(parents=True, exist_ok=True)
    if shutil.which("xdotool") is None or not os.environ.get("DISPLAY"):
        print("needs xdotool and an X display (xvfb-run)", file=sys.stderr)
        return 2
    i18n.install("zh_CN")
    app = QApplication(sys.argv[:1])
    install_app_font(app)
    install_qt_translations(app)
    folder = DataFolder(Path(tempfile.mkdtemp(prefix="correction-keys-"))).ensure()
    settings = load_settings(folder.root)
    settings.inspector_name, settings.inspector_id = "王工", "J-017"
    save_settings(folder.root, settings)
    database = open_database(folder, actor="王工 J-017", require_actor=True)
    with database.session() as session, session.begin():
        project_id, _ = create_demo_project(session)
    runner = TaskRunner(database)
    window = MainWindow(AppContext(folder, settings, runner.database), runner)
    window.showMaximized()
    settle(800)
    window.open_project(project_id)
    settle(800)
    unit = next(r for r in window.project_page.unit_model.rows if r.data.name == UNIT)
    window.open_unit(unit.id)
    settle(800)
    page = window.unit_page
    page.open_discipline(Discipline.FIRE)
    tab = page.checklist(Discipline.FIRE)
    window.activateWindow()
    settle(600)
    xdotool("windowfocus", "--sync", str(int(window.winId())))  # no window manager under Xvfb: focus directly
    tab.view.setFocus()
    settle(300)

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
        shot(app, out / "01-reason-asked.png")
        keys("Return")
        settle(500)
        if "撤销结论" not in tab.message.text():
            problems.append(f"a verdict-changing correction was not refused with what to do: {tab.message.text()!r}")
    shot(app, out / "02-refused.png")
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
    shot(app, out / "03-corrected.png")
    tab.view.setFocus()
    keys("h")
    settle(600)
    history = next((w for w in QApplication.topLevelWidgets()
                    if w.objectName() == "answer_history_dialog" and w.isVisible()), None)
    if history is None:
        problems.append("H did not show the item's history")
    else:
        shot(app, out / "04-history.png")
        if history.model.rowCount() < 2:
            problems.append(f"history shows {history.model.rowCount()} version(s)")
        history.close()

    with database.session() as session:
        live = session.scalars(sa.select(Answer).where(Answer.inspection_id == current.info.id,
                                                       Answer.item_id == item, Answer.retired.is_(False))).one()
    if (live.verdict, live.note, live.change_reason, live.answered_by) != (ItemVerdict.PASS, NOTE, REASON,
                                                                           "王工 J-017"):
        problems.append(f"{item}: {(live.verdict, live.note, live.change_reason, live.answered_by)}")
    window.close()
    runner.shutdown()
    for problem in problems:
        print("FAIL", problem)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
