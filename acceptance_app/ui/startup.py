"""The window's start-up: Qt, the font and the main window first, with the project list read by the standard
library's sqlite3 (storage/quick_read.py); right after the first paint a background thread imports SQLAlchemy
and opens (and if needed migrates) the database; then the runner is attached.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from acceptance_app.app import process_age_seconds

from acceptance_app.ui.first_run import warm_caches_in_background

if TYPE_CHECKING:
    from acceptance_app.context import AppContext
    from acceptance_app.storage.db import Database


def run_gui(context: AppContext, smoke_test: bool = False, demo: bool = False, package: str | None = None) -> int:
    from PySide6.QtCore import QObject, Qt, QTimer, Signal
    from PySide6.QtWidgets import QApplication, QMessageBox

    from acceptance_app.storage.quick_read import read_project_rows
    from acceptance_app.text import describe_error

    from acceptance_app.ui.errors import CrashHandler, report_previous_crash
    from acceptance_app.ui.fonts import install_app_font
    from acceptance_app.ui.identity import set_identity, show_splash
    from acceptance_app.ui.main_window import MainWindow
    from acceptance_app.ui.qt_translations import install_qt_translations
    from acceptance_app.ui.single_instance import SingleInstance, forward_to_running, server_name

    class Opener(QObject):
        opened = Signal(object)
        failed = Signal(object)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_identity(app)  # type: ignore[arg-type]
    request = {"package": str(Path(package).resolve())} if package else {}
    instance = None
    if not smoke_test:  # the smoke test measures a window of its own, even beside a running one
        name = server_name(context.folder.root)
        if forward_to_running(name, request):
            return 0  # the window already open on this data folder comes forward (and opens the package)
        instance = SingleInstance(name, app)
    splash = show_splash(app)  # type: ignore[arg-type]
    splash_at = process_age_seconds()
    install_app_font(app)  # type: ignore[arg-type]
    install_qt_translations(app)  # type: ignore[arg-type]
    previous_crash = CrashHandler(context.folder.logs).install()
    from acceptance_app.app_log import install_log_file

    install_log_file(context.folder.logs)
    logging.getLogger(__name__).info("window started, data folder %s, actor %r", context.folder.root,
                                     context.actor or "(none yet)")
    window = MainWindow(context)
    rows = read_project_rows(context.folder.database)
    if rows is not None:
        window.project_list.set_rows(rows)
    opener = Opener()
    state: dict[str, object] = {}

    def open_in_background() -> None:
        try:
            opener.opened.emit(context.database())
        except BaseException as error:  # noqa: BLE001 - shown to the user on the GUI thread
            opener.failed.emit(error)

    def on_first_paint() -> None:
        state["first_paint"] = process_age_seconds()
        if splash is not None:
            splash.finish(window)
        threading.Thread(target=open_in_background, name="open-database", daemon=True).start()

    def bring_forward(request: dict) -> None:
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
        if request.get("package"):
            open_package(request["package"])

    def open_package(path: str) -> None:
        if window.runner is None:  # the database is still opening: right after it is attached
            window.attached.connect(lambda: open_package(path), Qt.ConnectionType.SingleShotConnection)
            return
        from acceptance_app.ui.open_package import import_package_file

        import_package_file(window, Path(path))

    def on_opened(database: Database) -> None:
        from acceptance_app.demo.project import create_demo
        from acceptance_app.services.projects import list_projects

        from acceptance_app.ui.tasks import TaskRunner

        runner = TaskRunner(database)
        state["runner"] = runner
        window.attach(runner)
        warm_caches_in_background()
        if smoke_test:
            print(f"ready-seconds: {process_age_seconds():.3f}", flush=True)
            print(f"first-paint-seconds: {state['first_paint']:.3f}", flush=True)
            if splash is not None:
                print(f"splash-seconds: {splash_at:.3f}", flush=True)
            QTimer.singleShot(0, window.close)
            return
        if previous_crash:
            QTimer.singleShot(0, lambda: report_previous_crash(window, previous_crash))

        def after_count(projects: list) -> None:
            window.ensure_identity()  # the first start asks who is working before anything is recorded
            window.show_empty_state(bool(projects))
            if projects:
                window.open_last_project()
                return
            if demo:
                runner.write(lambda s, t: create_demo(s)).success(lambda made: window.open_project(made.main)).run()
            elif context.settings.offer_demo_on_empty:
                window.offer_demo()

        runner.read(lambda s, t: list_projects(s)).success(after_count).run()

    def on_failed(error: BaseException) -> None:
        from acceptance_app.domain.problems import KnownError

        if not isinstance(error, KnownError):
            raise error
        QMessageBox.critical(window, window.windowTitle(), describe_error(error))
        window.close()

    window.first_paint.connect(on_first_paint)
    opener.opened.connect(on_opened)
    opener.failed.connect(on_failed)
    if instance is not None:
        instance.request_received.connect(bring_forward)
    if package:
        open_package(package)
    window.show()
    code = app.exec()
    if instance is not None:
        instance.close()
    runner = state.get("runner")
    if runner is not None:
        runner.shutdown()  # type: ignore[attr-defined]
    return code
