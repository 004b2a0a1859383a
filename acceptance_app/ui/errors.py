"""Two kinds of failure (qutebrowser's KnownError vs BugError): known errors are shown as a message; anything else is a bug that
goes to the crash log in the data folder and a crash dialog. faulthandler writes hard crashes to a file
that is reported at the next start."""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from acceptance_app import __version__
from acceptance_app.domain.problems import KnownError
from acceptance_app.i18n import _

log = logging.getLogger(__name__)
_fault_file: IO[str] | None = None


def show_exception(parent: QWidget | None, error: BaseException) -> None:
    """Runner failures end here (Anki's errors.show_exception)."""
    if isinstance(error, KnownError):
        from acceptance_app.text import describe_error  # the catalog loads on first use: start-up time

        QMessageBox.warning(parent, _("Cannot do that"), describe_error(error))
    elif isinstance(error, OSError):
        QMessageBox.critical(parent, _("File or disk error"), _("The operation failed: {error}").format(error=error))
    else:
        report_crash(type(error), error, error.__traceback__)


class CrashHandler:
    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.crash_log = logs / "crash.log"
        self.fault_log = logs / "faulthandler.log"

    def install(self) -> str | None:
        """Hook sys/threading excepthooks and faulthandler; returns last run's hard-crash report, if any."""
        global _fault_file, _handler
        self.logs.mkdir(parents=True, exist_ok=True)
        previous = None
        if self.fault_log.exists() and self.fault_log.stat().st_size:
            previous = self.fault_log.read_text("utf-8", errors="replace")
            self.fault_log.replace(self.logs / "faulthandler.previous.log")
        _fault_file = self.fault_log.open("w", encoding="utf-8")
        faulthandler.enable(_fault_file)
        _handler = self
        sys.excepthook = report_crash
        threading.excepthook = lambda args: report_crash(args.exc_type, args.exc_value, args.exc_traceback)
        return previous

    def write(self, text: str) -> None:
        with self.crash_log.open("a", encoding="utf-8") as handle:
            handle.write(text)


_handler: CrashHandler | None = None


def report_crash(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> None:
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    log.error("unhandled exception\n%s", text)
    where = ""
    if _handler is not None:
        _handler.write(f"--- {stamp} acceptance_app {__version__}\n{text}\n")
        where = str(_handler.crash_log)
    if QApplication.instance() is None:
        sys.__stderr__.write(text)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, _("Unexpected error"), _(
        "An unexpected error occurred. Your data saved so far is safe.\n"
        "The details were written to: {path}"
    ).format(path=where or "-"))
    box.setDetailedText(text)
    box.exec()


def report_previous_crash(parent: QWidget | None, report: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _("The program stopped unexpectedly last time"),
        _("The last session ended with a crash. Everything that was saved before it is kept."),
        parent=parent,
    )
    box.setDetailedText(report)
    box.exec()
