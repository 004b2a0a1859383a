"""验证: the document's signatures in plain words (reports/signing/summary.py): 已签 n / 应签 m, one row per field
named as its department; red only when a signature is broken or the document was altered."""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from acceptance_app.i18n import _
from acceptance_app.services.signing import signatures as signing
from acceptance_app.settings import Settings
from acceptance_app.text.verification import FieldLine, Verdict, VerificationSummary, summarize

from acceptance_app.ui.departments import department_names, field_department_text
from acceptance_app.ui.errors import show_exception
from acceptance_app.ui.models.rows_model import Column, RowsModel
from acceptance_app.ui.tasks import TaskRunner
from acceptance_app.ui.widgets.screen_fit import resize_to_screen
from acceptance_app.ui.widgets.table import make_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

VERIFY_COLUMNS: list[Column[FieldLine]] = [
    Column(lambda: _("Department"), lambda r: r.department),
    Column(lambda: _("Result"), lambda r: r.status.label),
    Column(lambda: _("Signer"), lambda r: r.signer or "—"),
    Column(lambda: _("Signing time"), lambda r: r.signing_time or "—"),
    Column(lambda: _("Details"), lambda r: r.details),
]
VERDICT_STYLE = {
    Verdict.VALID: "color: #1a7f37; font-weight: bold;",
    Verdict.SIGNING: "color: #1f4e9c; font-weight: bold;",
    Verdict.WARNING: "color: #9a6700; font-weight: bold;",
    Verdict.BROKEN: "color: #c62828; font-weight: bold;",
}


def trust_paths(settings: Settings, data_root: Path) -> list[Path]:
    return [Path(settings.trust_dir) if settings.trust_dir else data_root / "trust"]


class VerifyDialog(QDialog):
    def __init__(self, number: str, summary: VerificationSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Verification of {number}").format(number=number))
        self.result_summary = summary
        self.summary = QLabel("\n".join([summary.headline, *summary.notes]), objectName="verify_summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(VERDICT_STYLE[summary.verdict])
        self.model: RowsModel[FieldLine] = RowsModel(VERIFY_COLUMNS, self)
        self.model.set_rows(list(summary.lines))
        self.view = make_table(self)
        self.view.setObjectName("verify_table")
        self.view.setModel(self.model)
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setStretchLastSection(True)
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
    names = department_names(runner.database.settings)

    def summary_of(session: Session) -> VerificationSummary:
        report, issues, fields = signing.verification_parts(session, document_id, trust)
        # Each field named as the jurisdiction's table names its department, as the document's body does.
        return summarize(report, issues, [dataclasses.replace(f, department=field_department_text(f.department, names))
                                          for f in fields])

    def show(summary: VerificationSummary) -> None:
        dialog = VerifyDialog(number, summary, parent=parent)
        dialog.setObjectName("verify_dialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    (runner.read(lambda session, task: summary_of(session))
     .with_progress(_("Verifying signatures"), parent)
     .success(show).failure(lambda error: show_exception(parent, error)).run())
