"""验证: the per-signature report of a document's current file, one row per signature, with the reasons."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from acceptance_app.domain.beijing_time import beijing_iso_text
from acceptance_app.i18n import _
from acceptance_app.reports.signing.verify import (
    Issue,
    SignatureReport,
    VerificationReport,
)
from acceptance_app.services import signing
from acceptance_app.settings import Settings
from acceptance_app.text import describe_issue, modification_text

from acceptance_app.ui.errors import show_exception
from acceptance_app.ui.models.rows_model import Column, RowsModel
from acceptance_app.ui.tasks import TaskRunner
from acceptance_app.ui.widgets.screen_fit import resize_to_screen
from acceptance_app.ui.widgets.table import make_table


def _yes(value: bool) -> str:
    return _("yes") if value else _("NO")


VERIFY_COLUMNS: list[Column[SignatureReport]] = [
    Column(lambda: _("Result"), lambda r: _("Valid") if r.ok else _("FAILED")),
    Column(lambda: _("Field"), lambda r: r.field),
    Column(lambda: _("Signer"), lambda r: r.signer),
    Column(lambda: _("Signing time"), lambda r: beijing_iso_text(r.signing_time)),
    Column(lambda: _("Timestamp"), lambda r: r.timestamp[:19].replace("T", " ") or _("none")),
    Column(lambda: _("Intact"), lambda r: _yes(r.intact)),
    Column(lambda: _("Whole document"), lambda r: _yes(r.whole_document)),
    Column(lambda: _("Changes after"), lambda r: modification_text(r.modification_level)),
    Column(lambda: _("Trusted"), lambda r: _yes(r.trusted)),
    Column(lambda: _("Problems"), lambda r: "；".join(describe_issue(i) for i in r.issues)),
]


def trust_paths(settings: Settings, data_root: Path) -> list[Path]:
    return [Path(settings.trust_dir) if settings.trust_dir else data_root / "trust"]


class VerifyDialog(QDialog):
    def __init__(self, number: str, report: VerificationReport, record_issues: list[Issue],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Verification of {number}").format(number=number))
        self.report, self.record_issues = report, record_issues
        ok = report.ok() and not record_issues
        problems = [describe_issue(i) for i in [*report.issues, *record_issues]]
        summary = _("All signatures are valid.") if ok else _("Verification FAILED.")
        self.summary = QLabel("\n".join([summary, *problems]), objectName="verify_summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #1a7f37; font-weight: bold;" if ok else "color: #c62828; font-weight: bold;")
        self.model: RowsModel[SignatureReport] = RowsModel(VERIFY_COLUMNS, self)
        self.model.set_rows(list(report.signatures))
        self.view = make_table(self)
        self.view.setObjectName("verify_table")
        self.view.setModel(self.model)
        self.view.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        resize_to_screen(self, 1100, 320)


def open_verify_dialog(runner: TaskRunner, document_id: uuid.UUID, number: str, parent: QWidget) -> None:
    assert runner.database is not None
    trust = trust_paths(runner.database.settings, runner.database.folder.root)

    def show(result: Any) -> None:
        report, record_issues = result
        dialog = VerifyDialog(number, report, record_issues, parent=parent)
        dialog.setObjectName("verify_dialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    (runner.read(lambda session, task: signing.verify_document(session, document_id, trust))
     .with_progress(_("Verifying signatures"), parent)
     .success(show).failure(lambda error: show_exception(parent, error)).run())
