"""A project: its facts, its five responsible parties, and the unit x discipline matrix."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from acceptance_app.domain.entities import PartyRow, ProjectDetail, UnitRow
from acceptance_app.domain.enums import RESPONSIBLE_PARTY_ROLES
from acceptance_app.i18n import _
from acceptance_app.services import projects
from acceptance_app.services.changes import Changes
from acceptance_app.settings import Settings
from acceptance_app.text.labels import label

from acceptance_app.ui.dialogs.entities import party_dialog, project_dialog, unit_dialog
from acceptance_app.ui.documents.panel import DocumentsPanel
from acceptance_app.ui.findings.dashboard import FindingsDashboard
from acceptance_app.ui.models.columns import PARTY_COLUMNS, UNIT_COLUMNS
from acceptance_app.ui.models.rows_model import RowsModel
from acceptance_app.ui.sync.panel import SyncPanel
from acceptance_app.ui.tasks import TaskRunner
from acceptance_app.ui.widgets.table import make_table


def scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class ProjectPage(QWidget):
    unit_activated = Signal(object)  # uuid.UUID
    loaded = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, settings: Callable[[], Settings] = Settings,
                 save_settings: Callable[[Settings], None] = lambda settings: None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.project_id: uuid.UUID | None = None
        self.detail: ProjectDetail | None = None

        self.title = QLabel()
        self.title.setObjectName("project_title")
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.facts = QLabel()
        self.facts.setObjectName("project_facts")
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setWordWrap(True)
        self.missing_parties = QLabel()
        self.missing_parties.setStyleSheet("color: #8a5a00;")
        self.edit_button = QPushButton(_("Edit project"))
        self.edit_button.clicked.connect(self.edit_project)

        self.party_model: RowsModel[PartyRow] = RowsModel(PARTY_COLUMNS, self)
        self.party_view = make_table(self)
        self.party_view.setObjectName("party_table")
        self.party_view.setModel(self.party_model)
        self.party_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.party_view.doubleClicked.connect(self.edit_party)
        add_party = QPushButton(_("Add party"))
        add_party.setObjectName("add_party")
        add_party.clicked.connect(self.add_party)

        self.unit_model: RowsModel[UnitRow] = RowsModel(UNIT_COLUMNS, self)
        self.unit_view = make_table(self)
        self.unit_view.setObjectName("unit_matrix")
        self.unit_view.setModel(self.unit_model)
        self.unit_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.unit_view.activated.connect(self._unit_activated)
        self.unit_view.doubleClicked.connect(self._unit_activated)
        add_unit = QPushButton(_("Add unit"))
        add_unit.setObjectName("add_unit")
        add_unit.clicked.connect(self.add_unit)
        edit_unit = QPushButton(_("Edit unit"))
        edit_unit.clicked.connect(self.edit_selected_unit)

        header = QGridLayout()
        header.addWidget(self.title, 0, 0)
        header.addWidget(self.edit_button, 0, 1, Qt.AlignmentFlag.AlignRight)
        header.addWidget(self.facts, 1, 0, 1, 2)
        header.addWidget(self.missing_parties, 2, 0, 1, 2)

        parties_box = QGroupBox(_("Responsible parties"))
        parties_layout = QVBoxLayout(parties_box)
        parties_layout.addWidget(self.party_view)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(add_party)
        parties_layout.addLayout(row)

        units_box = QGroupBox(_("Units and acceptance status"))
        units_layout = QVBoxLayout(units_box)
        units_layout.addWidget(self.unit_view)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Double-click a unit to open it.")))
        row.addStretch(1)
        row.addWidget(edit_unit)
        row.addWidget(add_unit)
        units_layout.addLayout(row)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(parties_box)
        split.addWidget(units_box)
        split.setObjectName("project_split")
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([250, 420])  # the five parties visible at once (a remembered layout replaces this)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        self.documents = DocumentsPanel(runner, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(split, _("Overview"))
        self.findings_dashboard = FindingsDashboard(runner, self)
        self.sync_panel = SyncPanel(runner, settings, save_settings, self)
        # A tab taller or wider than a 1280x720 screen scrolls inside its tab; it never makes the window
        # bigger than the screen (the window's minimum is the largest minimum of all tabs, shown or not).
        self.tabs.addTab(scrolling(self.documents), _("Documents"))
        self.tabs.addTab(scrolling(self.findings_dashboard), _("Rectification"))
        self.tabs.addTab(scrolling(self.sync_panel), _("Sync"))
        layout.addWidget(self.tabs, 1)
        runner.changes_applied.connect(self._on_changes)

    def show_tab(self, panel: QWidget) -> None:
        """Bring the tab holding ``panel`` to the front (the office tabs sit inside scroll areas)."""
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is panel or page.isAncestorOf(panel):
                self.tabs.setCurrentIndex(index)
                return

    # Loading ------------------------------------------------------------------------------------------
    def show_project(self, project_id: uuid.UUID) -> None:
        self.project_id = project_id
        self.documents.show_project(project_id)
        self.findings_dashboard.show_project(project_id)
        self.sync_panel.show_project(project_id)
        self.reload()

    def reload(self) -> None:
        if self.project_id is None:
            return
        project_id = self.project_id
        self.runner.read(lambda session, task: projects.get_project(session, project_id)).success(self._show).run()

    def _show(self, detail: ProjectDetail) -> None:
        if detail.id != self.project_id:
            return  # a newer request is on its way
        self.detail = detail
        data = detail.data
        self.title.setText(data.name)
        self.facts.setText(
            "  ·  ".join(
                part
                for part in (
                    _("Project code: {code}").format(code=data.project_code),
                    data.location,
                    _("Planning permit: {no}").format(no=data.planning_permit_no) if data.planning_permit_no else "",
                    _("Construction permit: {no}").format(no=data.construction_permit_no)
                    if data.construction_permit_no
                    else "",
                )
                if part
            )
        )
        present = {p.data.role for p in detail.parties}
        missing = [label(role) for role in RESPONSIBLE_PARTY_ROLES if role not in present]
        self.missing_parties.setVisible(bool(missing))
        self.missing_parties.setText(_("Missing responsible parties: {roles}").format(roles="、".join(missing)))
        self.party_model.set_rows(detail.parties)
        self.unit_model.set_rows(detail.units)
        self.party_view.resizeColumnsToContents()
        self.unit_view.resizeColumnsToContents()
        self.loaded.emit()

    def _on_changes(self, changes: Changes) -> None:
        if changes.project or changes.unit or changes.party or changes.inspection or changes.checklist:
            self.reload()

    # Editing ------------------------------------------------------------------------------------------
    def edit_project(self) -> None:
        if self.detail is None:
            return
        dialog = project_dialog(self.detail.data, self)
        if dialog.exec():
            data, project_id = dialog.result_data, self.detail.id
            self.runner.write(lambda s, t: projects.update_project(s, project_id, data)).run()

    def add_party(self) -> None:
        if self.project_id is None:
            return
        dialog = party_dialog(None, self)
        if dialog.exec():
            data, project_id = dialog.result_data, self.project_id
            self.runner.write(lambda s, t: projects.add_party(s, project_id, data)).run()

    def edit_party(self, index: QModelIndex) -> None:
        row = self.party_model.row_at(index)
        if row is None:
            return
        dialog = party_dialog(row.data, self)
        if dialog.exec():
            data = dialog.result_data
            self.runner.write(lambda s, t: projects.update_party(s, row.id, data)).run()

    def add_unit(self) -> None:
        if self.project_id is None:
            return
        dialog = unit_dialog(None, self)
        if dialog.exec():
            data, project_id = dialog.result_data, self.project_id
            self.runner.write(lambda s, t: projects.add_unit(s, project_id, data)).run()

    def edit_selected_unit(self) -> None:
        indexes = self.unit_view.selectionModel().selectedRows()
        row = self.unit_model.row_at(indexes[0]) if indexes else None
        if row is None:
            return
        dialog = unit_dialog(row.data, self)
        if dialog.exec():
            data = dialog.result_data
            self.runner.write(lambda s, t: projects.update_unit(s, row.id, data)).run()

    def _unit_activated(self, index: QModelIndex) -> None:
        row = self.unit_model.row_at(index)
        if row is not None:
            self.unit_activated.emit(row.id)
