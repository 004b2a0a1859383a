"""历史 of one item in one unit: every version of its answer (services/checklists/answer_history.py), in
Beijing time, with who gave it, in which inspection and round, the verdict, the answer, and what else a
reader must know (in force, replaced, taken back, corrected and why, copied from which unit)."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from acceptance_app.domain.beijing_time import beijing_text
from acceptance_app.exports.history_csv import write_versions_csv
from acceptance_app.i18n import _
from acceptance_app.services.checklists.answer_history import AnswerVersion, ItemHistory, item_history
from acceptance_app.text.audit import version_notes
from acceptance_app.text.checklists import answer_words
from acceptance_app.text.labels import label

from acceptance_app.ui.errors import show_exception
from acceptance_app.ui.models.rows_model import Column, RowsModel
from acceptance_app.ui.tasks import TaskRunner
from acceptance_app.ui.widgets.table import make_table


def _columns(history: ItemHistory) -> list[Column[AnswerVersion]]:
    return [
        Column(lambda: _("When (Beijing time)"), lambda v: beijing_text(v.at, seconds=True)),
        Column(lambda: _("Who"), lambda v: v.by),
        Column(lambda: _("Inspection"), lambda v: f"{label(v.kind)} · " + _("round {round}").format(round=v.round)),
        Column(lambda: _("Verdict"), lambda v: label(v.verdict)),
        Column(lambda: _("Answer"), lambda v: answer_words(history.item, v.values)),
        Column(lambda: _("Laptop or package"), lambda v: v.device),
        Column(lambda: _("Remarks"), version_notes),  # last: it takes the rest of the width
    ]


class AnswerHistoryDialog(QDialog):
    def __init__(self, history: ItemHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answer_history_dialog")
        self.setWindowTitle(_("History: {unit} {item}").format(unit=history.unit_name, item=history.item.id))
        self.history = history
        title = QLabel(f"{history.item.id}  {history.item.text}")
        title.setTextFormat(Qt.TextFormat.PlainText)  # item texts hold "<" and "≤" (trial item 5)
        title.setWordWrap(True)
        self.model: RowsModel[AnswerVersion] = RowsModel(_columns(history), self)
        self.model.set_rows(list(history.versions))
        self.view = make_table(self)
        self.view.setModel(self.model)
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(header.count() - 1, QHeaderView.ResizeMode.Stretch)
        self.view.setWordWrap(True)
        self.view.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        export = buttons.addButton(_("Export CSV…"), QDialogButtonBox.ButtonRole.ActionRole)
        export.setObjectName("answer_history_csv")
        export.clicked.connect(self.export_csv)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(1100, 380)


    def export_csv(self, _checked: bool = False, path: str | None = None) -> None:
        if path is None:
            name = f"{self.history.unit_name}-{self.history.item.id}-历史.csv"
            path, _filter = QFileDialog.getSaveFileName(self, _("Export CSV"), name, "CSV (*.csv)")
        if path:
            write_versions_csv(self.history, Path(path))


def open_answer_history(runner: TaskRunner, inspection_id: uuid.UUID, item_id: str, parent: QWidget) -> None:
    def show(history: ItemHistory) -> None:
        dialog = AnswerHistoryDialog(history, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    (runner.read(lambda session, task: item_history(session, inspection_id, item_id))
     .success(show).failure(lambda error: show_exception(parent, error)).run())
