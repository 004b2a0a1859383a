"""What the real-key scripts share (field_keys.py, unit_opinion_keys.py, correction_keys.py): X11 key events from
xdotool, through the X server and Qt's xcb plugin, typed while Qt's event loop keeps running; and the real main
window over a fresh data folder holding the demo, with an inspector set (every record names its maker), focused
without a window manager (Xvfb has none).

    from real_keys import keys, open_demo, type_text
    demo = open_demo(sys.argv, "field-keys")       # None: no xdotool or no display (exit 2)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shots import demo_project

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from acceptance_app import i18n
from acceptance_app.context import AppContext
from acceptance_app.settings import load_settings, save_settings
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.db import Database, open_database

from acceptance_app.ui.fonts import install_app_font
from acceptance_app.ui.main_window import MainWindow
from acceptance_app.ui.qt_translations import install_qt_translations
from acceptance_app.ui.tasks import TaskRunner

ACTOR = "王工 J-017"


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


def keys(*names: str, delay: int = 60) -> None:
    xdotool("key", "--delay", str(delay), *names)


def type_text(text: str) -> None:
    xdotool("type", "--delay", "40", text)


def find_item(item_id: str) -> None:
    """In the checklist: Ctrl+F, the item's id, Enter (back to the list, on the first match)."""
    keys("ctrl+f")
    keys("ctrl+a")
    type_text(item_id)
    keys("Return")


def screen(path: Path) -> None:
    """The whole screen: a combo box's open list and a dialog are windows of their own."""
    settle(300)
    QApplication.primaryScreen().grabWindow(0).save(str(path))


@dataclass
class Demo:
    out: Path
    app: QApplication
    window: MainWindow
    runner: TaskRunner
    database: Database
    made: Any  # what the fill function returned (一期's id by default)

    def focus(self) -> None:
        self.window.activateWindow()
        settle(600)
        xdotool("windowfocus", "--sync", str(int(self.window.winId())))  # no window manager under Xvfb

    def checklist(self, unit_name: str, discipline: Any) -> Any:
        """The unit's checklist tab of ``discipline``, opened (the project page must be open) with the keyboard
        on its list."""
        unit = next(r for r in self.window.project_page.unit_model.rows if r.data.name == unit_name)
        self.window.open_unit(unit.id)
        settle(800)
        page = self.window.unit_page
        page.open_discipline(discipline)
        tab = page.checklist(discipline)
        self.focus()
        tab.view.setFocus()
        settle(300)
        return tab

    def finish(self, problems: list[str]) -> int:
        """Close the window, print the problems and "ok" when there are none; the exit status."""
        self.window.close()
        self.runner.shutdown()
        for problem in problems:
            print("FAIL", problem)
        print("ok" if not problems else f"{len(problems)} problem(s)")
        return 1 if problems else 0


def open_demo(argv: list[str], name: str, fill: Callable[[Any], Any] = demo_project) -> Demo | None:
    """The window maximized over a fresh data folder filled by ``fill`` (in one transaction)."""
    out = Path(argv[1] if len(argv) > 1 else name)
    out.mkdir(parents=True, exist_ok=True)
    if shutil.which("xdotool") is None or not os.environ.get("DISPLAY"):
        print("needs xdotool and an X display (xvfb-run)", file=sys.stderr)
        return None
    i18n.install("zh_CN")
    app = QApplication(argv[:1])
    install_app_font(app)
    install_qt_translations(app)
    folder = DataFolder(Path(tempfile.mkdtemp(prefix=f"{name}-"))).ensure()
    settings = load_settings(folder.root)
    settings.inspector_name, settings.inspector_id = ACTOR.split()
    save_settings(folder.root, settings)
    database = open_database(folder, actor=ACTOR, require_actor=True)
    with database.session() as session, session.begin():
        made = fill(session)
    runner = TaskRunner(database)
    window = MainWindow(AppContext(folder, settings, runner.database), runner)
    window.showMaximized()
    settle(800)
    window.project_list.reload()
    settle(400)
    return Demo(out, app, window, runner, database, made)
