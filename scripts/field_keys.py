#!/usr/bin/env python3
"""The field flow with real key presses on the real window: X11 key events from xdotool, through the X server and
Qt's xcb plugin, to the checklist of 5#住宅楼 消防 in the demo project. Then the records are read back from the
database, and screenshots of the project page, the checklist and the photo viewer are saved at the screen's size.

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/field_keys.py OUT_DIR

Exit status 0 when every record is right; the failures are printed otherwise. Needs xdotool (scripts/system-deps.sh
--test). The window is navigated to the unit by code; everything the inspector types is typed with xdotool.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from acceptance_app import i18n  # noqa: E402
from acceptance_app.context import AppContext  # noqa: E402
from acceptance_app.domain.enums import Discipline, ItemVerdict  # noqa: E402
from acceptance_app.services.demo import create_demo_project  # noqa: E402
from acceptance_app.settings import load_settings, save_settings  # noqa: E402
from acceptance_app.storage.data_folder import DataFolder  # noqa: E402
from acceptance_app.storage.db import open_database  # noqa: E402

from acceptance_app.ui.fonts import install_app_font  # noqa: E402
from acceptance_app.ui.main_window import MainWindow  # noqa: E402
from acceptance_app.ui.qt_translations import install_qt_translations  # noqa: E402
from acceptance_app.ui.tasks import TaskRunner  # noqa: E402

MEASURED = "XF-14-1"  # 防烟楼梯间机械加压送风余压 40..50 Pa, class A: the trial's 不适用 that became 3 Pa
TWO_SAMPLES = "XF-12-3"  # 室内消火栓栓口动压, two samples at least: the trial's second reading replaced the first
VERDICT = "XF-01-1c"
REASON = "no mechanical pressurisation in this block"


def settle(ms: int = 200) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def xdotool(*args: str) -> None:
    """Run xdotool while Qt's event loop keeps running (the window must handle the keys as they arrive)."""
    process = subprocess.Popen(["xdotool", *args])
    while process.poll() is None:
        settle(30)
    if process.returncode:
        raise RuntimeError(f"xdotool {' '.join(args)} failed ({process.returncode})")
    settle(250)


def keys(*names: str) -> None:
    xdotool("key", "--delay", "60", *names)


def type_text(text: str) -> None:
    xdotool("type", "--delay", "40", text)


def find_item(item_id: str) -> None:
    keys("ctrl+f")
    keys("ctrl+a")
    type_text(item_id)
    keys("Return")  # back to the list, on the first match


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "field-keys")
    out.mkdir(parents=True, exist_ok=True)
    if shutil.which("xdotool") is None or not os.environ.get("DISPLAY"):
        print("needs xdotool and an X display (xvfb-run)", file=sys.stderr)
        return 2
    i18n.install("zh_CN")
    app = QApplication(sys.argv[:1])
    install_app_font(app)
    install_qt_translations(app)
    folder = DataFolder(Path(tempfile.mkdtemp(prefix="field-keys-")))
    folder.ensure()
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
    window.project_list.reload()
    settle(400)
    window.open_project(project_id)
    settle(800)
    window.grab().save(str(out / "01-project-page.png"))
    unit = next(r for r in window.project_page.unit_model.rows if r.data.name == "5#住宅楼")
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
    # 不适用 with its reason on a measured item: 3, type the reason, Enter.
    find_item(MEASURED)
    if tab.current_row() is None or tab.current_row().item.id != MEASURED:
        problems.append(f"search did not land on {MEASURED}: {tab.current_row() and tab.current_row().item.id}")
    keys("3")
    type_text(REASON)
    keys("Return")
    # Two readings, one at a time: Enter, type, Enter; Enter, type, Enter.
    find_item(TWO_SAMPLES)
    keys("Return")
    type_text("0.12")
    keys("Return")
    keys("Return")
    type_text("0.09")
    keys("Return")
    # A verdict item: 2 (fail), J moves on, K back, 1 (pass) replaces it, Ctrl+Z takes the pass back.
    find_item(VERDICT)
    keys("2", "j", "k", "1")
    window.grab().save(str(out / "02-checklist.png"))
    keys("ctrl+z")
    settle(500)
    if tab.current_row() is None or tab.current_row().item.id != VERDICT:
        problems.append("undo did not select the undone item")
    if VERDICT not in tab.message.text():
        problems.append(f"undo did not say what was undone: {tab.message.text()!r}")

    from tests.ui.checklist_fixtures import live_answers

    records = live_answers(database)
    measured = records.get(MEASURED)
    if measured is None or (measured.verdict, measured.samples, measured.na_reason) != (
            ItemVerdict.NOT_APPLICABLE, [], REASON):
        problems.append(f"{MEASURED}: {measured and (measured.verdict, measured.samples, measured.na_reason)}")
    sampled = records.get(TWO_SAMPLES)
    if sampled is None or sampled.samples != [0.12, 0.09]:
        problems.append(f"{TWO_SAMPLES}: samples {sampled and sampled.samples}")
    verdict = records.get(VERDICT)
    if verdict is None or verdict.verdict is not ItemVerdict.FAIL:
        problems.append(f"{VERDICT}: {verdict and verdict.verdict} after 2, 1, Ctrl+Z (expected fail)")
    names = {r.answered_by for r in records.values() if r.item_id in (MEASURED, TWO_SAMPLES, VERDICT)}
    if names != {"王工 J-017"}:
        problems.append(f"answered by {names}")

    # The photo viewer at this screen's size, on a photo of the demo.
    page.tabs.setCurrentWidget(page.photos_panel)
    settle(800)
    if page.photos_panel.model.rows:
        viewer = page.photos_panel.open_viewer(page.photos_panel.model.rows[0])
        settle(1200)
        viewer.grab().save(str(out / "03-photo-viewer.png"))
        screen = app.primaryScreen().availableGeometry()
        if not screen.contains(viewer.frameGeometry()):
            problems.append(f"photo viewer {viewer.frameGeometry().getRect()} outside the screen {screen.getRect()}")
        viewer.close()
    else:
        problems.append("no photo to show in the viewer")
    window.close()
    runner.shutdown()
    for problem in problems:
        print("FAIL", problem)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
