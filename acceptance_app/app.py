"""Composition root: settings -> database -> runner -> MainWindow. The only place that wires them."""

from __future__ import annotations

import os
import sys
import time

from acceptance_app.cli.context import CliContext

_IMPORTED_AT = time.monotonic()
SPAWN_TIME_ENV = "ACCEPTANCE_APP_SPAWN_TIME"  # wall-clock time the benchmark started the process


def process_age_seconds() -> float:
    """Seconds since this process started, for first-paint figures that include interpreter start-up."""
    spawned = os.environ.get(SPAWN_TIME_ENV)
    if spawned:
        return time.time() - float(spawned)
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.monotonic() - _IMPORTED_AT


def run_gui(context: CliContext, smoke_test: bool = False, demo: bool = False) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from acceptance_app.services.demo import create_demo_project
    from acceptance_app.services.projects import list_projects
    from acceptance_app.ui.errors import CrashHandler
    from acceptance_app.ui.fonts import install_app_font
    from acceptance_app.ui.main_window import MainWindow
    from acceptance_app.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("acceptance_app")
    install_app_font(app)  # type: ignore[arg-type]
    previous_crash = CrashHandler(context.folder.logs).install()
    database = context.database()
    was_empty = False
    with database.session() as session:
        was_empty = not list_projects(session)
    if demo and was_empty:
        with database.session() as session, session.begin():
            create_demo_project(session)
        was_empty = False
    runner = TaskRunner(database)
    window = MainWindow(runner, context.settings, context.folder.root)
    if smoke_test:
        def report() -> None:
            print(f"first-paint-seconds: {process_age_seconds():.3f}", flush=True)
            window.close()
            app.quit()

        window.first_paint.connect(lambda: QTimer.singleShot(0, report))
    elif previous_crash:
        from acceptance_app.ui.errors import report_previous_crash

        QTimer.singleShot(0, lambda: report_previous_crash(window, previous_crash))
    if was_empty and not smoke_test and context.settings.offer_demo_on_empty:
        QTimer.singleShot(0, window.offer_demo)
    window.show()
    code = app.exec()
    runner.shutdown()
    return code
