"""What every screenshot script shares: a real main window at the size asked for, over a fresh temporary data
folder filled by a function of the script's choosing (the demo by default), waiting without sleeping the event
loop, and a guard that turns an unexpected message box into a report instead of a script that hangs on it.

    from scripts.shots import open_window, settle
    shots = open_window(sys.argv, actor="张伟")          # shots.window is shown, 1366x768
    ...
    return shots.finish()
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from acceptance_app import i18n
from acceptance_app.context import AppContext
from acceptance_app.settings import load_settings
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.db import Database, open_database

from acceptance_app.ui.fonts import install_app_font
from acceptance_app.ui.main_window import MainWindow
from acceptance_app.ui.qt_translations import install_qt_translations
from acceptance_app.ui.tasks import TaskRunner

LAPTOP = (1366, 768)  # the inspectors' screens


def settle(ms: int = 300) -> None:
    """Let the window work for ``ms`` (queued results arrive, layouts settle) before a grab."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(predicate: Callable[[], Any], ms: int = 30000) -> bool:
    """Run the event loop until ``predicate()`` holds (True) or ``ms`` passed (False)."""
    waited = 0
    while not predicate():
        if waited >= ms:
            return False
        settle(100)
        waited += 100
    return True


def demo_projects(session: Any) -> Any:
    """Both demo projects (一期 in progress, 二期 concluded): ``DemoProjects``."""
    from acceptance_app.demo.project import create_demo

    return create_demo(session)[0]


def demo_project(session: Any) -> Any:
    """一期 of the demo only: its id."""
    from acceptance_app.demo.project import create_demo_project

    return create_demo_project(session)[0]


@dataclass
class Shots:
    out: Path
    app: QApplication
    window: MainWindow
    runner: TaskRunner
    database: Database
    made: Any  # what the fill function returned
    unexpected: list[str] = field(default_factory=list)  # message boxes nobody asked for (see guard_message_boxes)

    def save(self, widget: Any, name: str) -> None:
        widget.grab().save(str(self.out / name))

    def finish(self) -> int:
        self.window.close()
        self.runner.shutdown()
        self.database.close()
        print(f"screenshots in {self.out}")
        if self.unexpected:
            print("unexpected message boxes:\n" + "\n".join(self.unexpected), file=sys.stderr)
        return 1 if self.unexpected else 0


def open_window(argv: list[str], *, actor: str, fill: Callable[[Any], Any] = demo_project,
                lang: str = "zh_CN", size: tuple[int, int] = LAPTOP, prefix: str = "shots-") -> Shots:
    """``argv``: the script's (the output folder first, "screenshots" if none). The window is shown."""
    out = Path(argv[1] if len(argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    i18n.install(lang)
    app = QApplication(argv[:1])
    install_app_font(app)
    install_qt_translations(app)  # Qt's own buttons (Cancel, Close) in the window's language, as the app does
    folder = DataFolder(Path(tempfile.mkdtemp(prefix=prefix)) / "data")
    database = open_database(folder, actor=actor)
    with database.session() as session, session.begin():
        made = fill(session)
    runner = TaskRunner(database)
    window = MainWindow(AppContext(folder, load_settings(folder.root), database), runner)
    window.resize(*size)
    window.show()
    shots = Shots(out, app, window, runner, database, made)
    guard_message_boxes(shots)
    return shots


def guard_message_boxes(shots: Shots) -> None:
    """A message box opened with exec() would wait for a click forever: grab it, note its text, close it, and
    let the script go on (``finish`` then fails). Dialogs a script means to grab are not message boxes."""

    def check() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            name = f"unexpected-{len(shots.unexpected) + 1}.png"
            shots.save(box, name)
            shots.unexpected.append(f"{name}: {box.windowTitle()}: {box.text()}")
            box.reject()

    timer = QTimer(shots.app)
    timer.setInterval(500)
    timer.timeout.connect(check)
    timer.start()
