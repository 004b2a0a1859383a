from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from acceptance_app.context import AppContext
from acceptance_app.domain.enums import Discipline
from acceptance_app.settings import Settings
from tests.checklists.conftest import FIXTURE_FORMS
from tests.checklists.helpers import make_project

from acceptance_app.ui.checklists.tab import ChecklistTab
from acceptance_app.ui.fonts import install_app_font
from acceptance_app.ui.main_window import MainWindow
from acceptance_app.ui.qt_translations import install_qt_translations
from acceptance_app.ui.tasks import TaskRunner


@pytest.fixture(scope="session", autouse=True)
def _app_font(qapp):  # type: ignore[no-untyped-def]
    install_app_font(qapp)
    assert install_qt_translations(qapp)  # Qt's own buttons (Yes/No/Cancel) in Chinese too


class UnexpectedError(AssertionError):
    pass


@pytest.fixture(autouse=True)
def _crash_fails_the_test(request, monkeypatch):  # type: ignore[no-untyped-def]
    """An unexpected exception would open the crash box with exec() and hang the test run for ever: fail the test
    with the traceback instead (pytest-qt reports exceptions raised in slots)."""
    if request.module.__name__.endswith("test_errors"):
        return  # the crash box itself is under test there

    def fail(exc_type, exc, tb):  # type: ignore[no-untyped-def]
        import traceback

        raise UnexpectedError("".join(traceback.format_exception(exc_type, exc, tb)))

    monkeypatch.setattr("acceptance_app.ui.errors.report_crash", fail)


@pytest.fixture
def runner(database, qapp):  # type: ignore[no-untyped-def]
    runner = TaskRunner(database, inline=True)
    yield runner
    runner.shutdown()


@pytest.fixture
def window(runner, data_folder, qtbot):  # type: ignore[no-untyped-def]
    win = MainWindow(AppContext(data_folder, Settings(), runner.database), runner)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def tab(runner, database, qtbot):  # type: ignore[no-untyped-def]
    with database.session() as session, session.begin():
        _, (unit, _other) = make_project(session)
    widget = ChecklistTab(runner, Discipline.FIRE, lambda: Settings(forms_dir=str(FIXTURE_FORMS)))
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.show_unit(unit)
    return widget



def when_modal(callback, qtbot):  # type: ignore[no-untyped-def]
    """Run ``callback(dialog)`` on the next modal dialog (dialogs block in exec())."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
            return
        callback(dialog)

    QTimer.singleShot(0, poll)


def pdf_page_count(path: Path) -> int:
    """Pages of a PDF as poppler reads them, to compare with what a preview shows."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
