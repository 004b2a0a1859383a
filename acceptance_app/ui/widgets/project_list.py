"""The project list: search by name, 项目代码 or 建设单位, and open a project."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QVBoxLayout, QWidget

from acceptance_app.domain.entities import ProjectRow
from acceptance_app.i18n import _
from acceptance_app.services.changes import Changes

from acceptance_app.ui.models.columns import PROJECT_COLUMNS
from acceptance_app.ui.models.rows_model import RowsModel
from acceptance_app.ui.tasks import TaskRunner
from acceptance_app.ui.widgets.table import make_table

SEARCH_DELAY_MS = 200


class ProjectList(QWidget):
    project_activated = Signal(object)  # uuid.UUID
    new_project_requested = Signal()
    loaded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner: TaskRunner | None = None
        self.search = QLineEdit()
        self.search.setObjectName("project_search")
        self.search.setPlaceholderText(_("Search name, project code or builder"))
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton(_("New project"))
        self.new_button.clicked.connect(self.new_project_requested)
        self.model: RowsModel[ProjectRow] = RowsModel(PROJECT_COLUMNS, self)
        self.view = make_table(self)
        self.view.setObjectName("project_table")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # One click opens (a highlighted project that is not the open one invited signing the wrong one).
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(self._debounce.start)

    def attach(self, runner: TaskRunner) -> None:
        """Connect to the database once it is open (the list may already show rows read at start-up)."""
        self.runner = runner
        runner.changes_applied.connect(self._on_changes)

    def reload(self) -> None:
        if self.runner is None:
            return
        from acceptance_app.services import projects  # imported after the first paint (SQLAlchemy is slow)

        text = self.search.text()
        self.runner.read(lambda session, task: projects.list_projects(session, text)).success(self.set_rows).run()

    def set_rows(self, rows: list[ProjectRow]) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        # The name gets the width (elided in the middle); the code keeps 110 px, the builder is found by search.
        self.view.setColumnWidth(1, min(self.view.columnWidth(1), 110))
        self.view.setColumnHidden(2, True)
        self.loaded.emit()

    def _on_changes(self, changes: Changes) -> None:
        if changes.project or changes.unit or changes.party:
            self.reload()

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index)
        if row is not None:
            self.project_activated.emit(row.id)

    def select_project(self, project_id: uuid.UUID) -> None:
        for n, row in enumerate(self.model.rows):
            if row.id == project_id and self.view.currentIndex().row() != n:
                self.view.selectRow(n)
