"""The findings table with a button for each step of the loop, the selected finding's history and photos.

Used by the unit's 问题 tab and by the project's 整改 dashboard; the owner says how rows are loaded and
whether new findings can be added here. Every write goes through the TaskRunner; the table reloads on
the runner's ``changes_applied`` (finding or photo changes).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.orm import Session

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from acceptance_app.actor_text import actor_text
from acceptance_app.domain.beijing_time import beijing_text
from acceptance_app.domain.enums import Discipline
from acceptance_app.domain.findings import FindingAction, FindingEventRow, FindingRow, allowed_actions
from acceptance_app.i18n import _
from acceptance_app.services.changes import Changes
from acceptance_app.services.findings import workflow as findings
from acceptance_app.text.findings import action_name

from acceptance_app.ui.errors import show_exception
from acceptance_app.ui.findings.columns import FINDING_COLUMNS
from acceptance_app.ui.findings.dialogs import finding_dialog
from acceptance_app.ui.findings.photos import FindingPhotos
from acceptance_app.ui.findings.step_dialog import StepDialog
from acceptance_app.ui.models.rows_model import RowsModel
from acceptance_app.ui.tasks import TaskRunner
from acceptance_app.ui.widgets.table import make_table

RowsLoader = Callable[[Session], Sequence[FindingRow]]


class FindingsView(QWidget):
    loaded = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.loader: RowsLoader | None = None
        self.disciplines: Sequence[Discipline] = ()
        self.add_target: Callable[[Session, Discipline, Any], Any] | None = None
        self.selected_id: uuid.UUID | None = None

        self.add_button = QPushButton(_("New finding…"))
        self.add_button.setObjectName("add_finding")
        self.add_button.clicked.connect(self.add_finding)
        self.add_button.hide()
        self.edit_button = QPushButton(_("Edit…"))
        self.edit_button.setObjectName("edit_finding")
        self.edit_button.clicked.connect(self.edit_finding)
        self.step_buttons: dict[FindingAction, QPushButton] = {}
        for action, text in ((FindingAction.RECTIFY, _("Rectified…")),
                             (FindingAction.RECHECK_PASS, _("Re-check passed…")),
                             (FindingAction.RECHECK_FAIL, _("Re-check failed…"))):
            button = QPushButton(text)
            button.setObjectName(f"step_{action.value}")
            button.clicked.connect(lambda _checked=False, a=action: self.step(a))
            self.step_buttons[action] = button
        self.history_button = QPushButton(_("History…"), objectName="finding_audit")
        self.history_button.clicked.connect(self.open_audit)
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.add_button)
        self.bar.addWidget(self.edit_button)
        for button in self.step_buttons.values():
            self.bar.addWidget(button)
        self.bar.addWidget(self.history_button)
        self.bar.addStretch(1)

        self.model: RowsModel[FindingRow] = RowsModel(FINDING_COLUMNS, self)
        self.table = make_table(self)
        self.table.setObjectName("finding_table")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        # Sortable by a click on a header (field trial item 28); the rows come in the service's order until then.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        # The model keeps the selection through a sort (persistent indexes); keep it in sight as well.
        self.table.horizontalHeader().sortIndicatorChanged.connect(
            lambda *_args: self.table.scrollTo(self.table.currentIndex()))
        self.table.selectionModel().currentRowChanged.connect(lambda index, _old: self._select(index))
        self.table.doubleClicked.connect(lambda _index: self.edit_finding())
        self.history = QLabel()
        self.history.setObjectName("finding_history")
        self.history.setWordWrap(True)
        self.history.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.photos = FindingPhotos(runner, self)

        details = QSplitter(Qt.Orientation.Horizontal)
        details.addWidget(self.history)
        details.addWidget(self.photos)
        details.setStretchFactor(1, 3)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.bar)
        layout.addWidget(split, 1)
        self._update_buttons(None)
        runner.changes_applied.connect(self._on_changes)

    # Loading ------------------------------------------------------------------------------------------------
    def set_loader(self, loader: RowsLoader) -> None:
        self.loader = loader
        self.reload()

    def reload(self) -> None:
        loader = self.loader
        if loader is not None:
            self.runner.read(lambda session, task: loader(session)).success(self._show).run()

    def _show(self, rows: Sequence[FindingRow]) -> None:
        self.model.set_rows(rows)  # in the order the user chose by a header, if any
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self._reselect()
        self.loaded.emit()

    def _reselect(self) -> None:
        """Keep the selected finding selected (and in sight) where the rows now put it."""
        ids = [r.id for r in self.model.rows]
        if self.selected_id in ids:
            self.table.selectRow(ids.index(self.selected_id))
            self._select(self.model.index(ids.index(self.selected_id), 0))
        else:
            self.selected_id = None
            self._select(self.model.index(-1, 0))

    def _on_changes(self, changes: Changes) -> None:
        if changes.finding or changes.inspection:
            self.reload()

    def current(self) -> FindingRow | None:
        return next((r for r in self.model.rows if r.id == self.selected_id), None)

    def select_finding(self, finding_id: uuid.UUID) -> None:
        ids = [r.id for r in self.model.rows]
        self.table.selectRow(ids.index(finding_id))

    def _select(self, index: Any) -> None:
        row = self.model.row_at(index)
        self.selected_id = row.id if row else None
        self._update_buttons(row)
        self.photos.show_finding(row.id if row else None)
        if row is None:
            self.history.setText(_("Select a finding to see its history and photos."))
            return
        finding_id = row.id
        (self.runner.read(lambda session, task: findings.finding_events(session, finding_id))
         .success(lambda events: self._show_history(finding_id, events)).run())

    def _show_history(self, finding_id: uuid.UUID, events: Sequence[FindingEventRow]) -> None:
        if finding_id != self.selected_id:
            return
        lines = []
        for event in events:
            when = beijing_text(event.at)
            note = f"：{event.note}" if event.note else ""
            lines.append(f"{when}  {action_name(event.action)}（{actor_text(event.by)}）{note}")
        self.history.setText("\n".join(lines))

    def _update_buttons(self, row: FindingRow | None) -> None:
        allowed = allowed_actions(row.status) if row else []
        for action, button in self.step_buttons.items():
            button.setEnabled(action in allowed)
        self.edit_button.setEnabled(row is not None and bool(allowed))
        self.history_button.setEnabled(row is not None)

    def open_audit(self) -> None:
        """Every change of the finding's record, field by field (who, when, old → new, which laptop)."""
        from acceptance_app.ui.history_dialog import open_history

        row = self.current()
        if row is not None:
            open_history(self.runner, row.id, f"{row.unit_name} {row.item_id or ''} {row.description[:30]}", self)

    # Writing ------------------------------------------------------------------------------------------------
    def enable_adding(self, disciplines: Sequence[Discipline],
                      add: Callable[[Session, Discipline, Any], Any]) -> None:
        """Show "New finding" for these disciplines; ``add(session, discipline, FindingData)`` records it."""
        self.disciplines, self.add_target = disciplines, add
        self.add_button.setVisible(bool(disciplines))

    def add_finding(self) -> None:
        add = self.add_target
        if add is None:
            return
        dialog = finding_dialog(self.disciplines, None, self)
        if dialog.exec():
            discipline, data = dialog.result_data
            self._write(lambda session: add(session, discipline, data), select_result=True)

    def edit_finding(self) -> None:
        row = self.current()
        if row is None or not allowed_actions(row.status):
            return
        dialog = finding_dialog((), row, self)
        if dialog.exec():
            _discipline, data = dialog.result_data
            self._write(lambda session: findings.update_finding(session, row.id, data))

    def step(self, action: FindingAction) -> None:
        row = self.current()
        if row is None:
            return
        dialog = StepDialog(action, row, self)
        if not dialog.exec():
            return
        note, finding_id, files = dialog.note.text().strip(), row.id, list(dialog.files)
        # The photos are imported after the step is recorded: a photo added to a rectified finding is an
        # after-photo (services.finding_photos), and the import commits per photo on the pool.
        then = (lambda: self.photos.import_files(files)) if files else None
        if action is FindingAction.RECTIFY:
            self._write(lambda session: findings.mark_rectified(session, finding_id, note), then=then)
        else:
            passed = action is FindingAction.RECHECK_PASS
            self._write(lambda session: findings.recheck(session, finding_id, passed, note), then=then)

    def _write(self, fn: Callable[[Session], Any], select_result: bool = False,
               then: Callable[[], Any] | None = None) -> None:
        def done(result: Any) -> None:
            if select_result and isinstance(result, uuid.UUID):
                self.selected_id = result  # the new finding, selected when the table reloads
            if then is not None:
                then()

        (self.runner.write(lambda session, task: fn(session))
         .success(done)
         .failure(lambda error: show_exception(self, error))
         .run())
