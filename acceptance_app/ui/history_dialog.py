"""历史: the audit trail of one record (services/audit_trail.py): who changed which field, when, from old to new,
on which laptop; exported to CSV from here."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QVBoxLayout, QWidget

from acceptance_app.domain.beijing_time import beijing_text
from acceptance_app.exports.history_csv import write_csv
from acceptance_app.i18n import _
from acceptance_app.services import audit_trail
from acceptance_app.text import audit

from acceptance_app.ui.errors import show_exception
from acceptance_app.ui.models.rows_model import Column, RowsModel
from acceptance_app.ui.tasks import TaskRunner
from acceptance_app.ui.widgets.table import make_table

HISTORY_COLUMNS: list[Column[audit_trail.HistoryEntry]] = [
    Column(lambda: _("When (Beijing time)"), lambda e: beijing_text(e.at, seconds=True)),
    Column(lambda: _("Who"), lambda e: e.actor),
    Column(lambda: _("Action"), lambda e: audit.action_label(e)),
    Column(lambda: _("Changed field"), lambda e: audit.field_label(e)),
    Column(lambda: _("Before"), audit.old_text),
    Column(lambda: _("After"), audit.new_text),
    Column(lambda: _("Laptop or package"), lambda e: e.device),
]


class HistoryDialog(QDialog):
    def __init__(self, title: str, entries: list[audit_trail.HistoryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.setWindowTitle(_("History: {title}").format(title=title))
        self.entries = entries
        self.model: RowsModel[audit_trail.HistoryEntry] = RowsModel(HISTORY_COLUMNS, self)
        self.model.set_rows(entries)
        self.view = make_table(self)
        self.view.setModel(self.model)
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        export = buttons.addButton(_("Export CSV…"), QDialogButtonBox.ButtonRole.ActionRole)
        export.setObjectName("history_csv")
        export.clicked.connect(self.export_csv)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(980, 420)

    def export_csv(self, _checked: bool = False, path: str | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, _("Export CSV"), "", "CSV (*.csv)")
        if path:
            write_csv(self.entries, Path(path))


def open_history(runner: TaskRunner, entity_id: uuid.UUID, title: str, parent: QWidget) -> None:
    def show(entries: list[audit_trail.HistoryEntry]) -> None:
        dialog = HistoryDialog(title, entries, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    (runner.read(lambda session, task: audit_trail.entity_history(session, entity_id, title))
     .success(show).failure(lambda error: show_exception(parent, error)).run())
