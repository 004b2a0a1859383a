"""The project's 整改 dashboard: figures (open, rectified, closed, overdue, due soon), open findings by
discipline and by party, every finding of the project, and the commitments (告知承诺 / 容缺)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from acceptance_app.domain.enums import DISCIPLINES, RESPONSIBLE_PARTY_ROLES, Discipline, FindingStatus
from acceptance_app.domain.findings import CommitmentRow, CommitmentStatus, FindingRow
from acceptance_app.i18n import _
from acceptance_app.services.changes import Changes
from acceptance_app.services.findings import commitments
from acceptance_app.services.findings import workflow as findings
from acceptance_app.services.findings.workflow import Dashboard
from acceptance_app.text.labels import label

from acceptance_app.ui.errors import show_exception
from acceptance_app.ui.findings.columns import COMMITMENT_COLUMNS, OVERDUE_COLOR
from acceptance_app.ui.findings.dialogs import commitment_dialog, note_dialog
from acceptance_app.ui.findings.view import FindingsView
from acceptance_app.ui.models.rows_model import RowsModel
from acceptance_app.ui.tasks import TaskRunner
from acceptance_app.ui.widgets.table import make_table

TILE_STYLE = ("QPushButton { font-size: 13pt; padding: 6px; border: 1px solid #ccc; background: #fafafa; }"
              " QPushButton:checked { border: 2px solid #1f4e9c; background: #e3ecfa; }")


def _figure(text: str, name: str) -> QPushButton:
    """A tile that is also a filter (field trial item 28): click to show only its findings, again to show all."""
    widget = QPushButton(text)
    widget.setObjectName(name)
    widget.setCheckable(True)
    widget.setMinimumWidth(150)  # "3 个工作日内到期" on one line
    widget.setStyleSheet(TILE_STYLE)
    return widget


def matches(row: FindingRow, tile: str | None, unit_id: uuid.UUID | None, discipline: Discipline | None) -> bool:
    """The dashboard's filters: a tile (status, overdue, due soon), a unit, a discipline."""
    if unit_id is not None and row.unit_id != unit_id or discipline is not None and row.discipline != discipline:
        return False
    statuses = {"open": FindingStatus.OPEN, "rectified": FindingStatus.RECTIFIED, "closed": FindingStatus.CLOSED}
    if tile in statuses:
        return row.status is statuses[tile]
    if tile == "overdue":
        return row.overdue
    if tile == "due_soon":
        return row.status is not FindingStatus.CLOSED and row.left is not None and \
            0 <= row.left.days <= findings.DUE_SOON_DAYS
    return True


class FindingsDashboard(QWidget):
    loaded = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.project_id: uuid.UUID | None = None
        self.figures = {name: _figure("", f"figure_{name}")
                        for name in ("open", "rectified", "closed", "overdue", "due_soon")}
        self.tile: str | None = None
        for name, tile in self.figures.items():
            tile.clicked.connect(lambda checked, n=name: self.set_tile(n if checked else None))
        self.unit_filter = QComboBox(objectName="filter_unit")
        self.discipline_filter = QComboBox(objectName="filter_discipline")
        self.discipline_filter.addItem(_("All disciplines"), None)
        for discipline in DISCIPLINES:
            self.discipline_filter.addItem(label(discipline), discipline)
        for combo in (self.unit_filter, self.discipline_filter):
            combo.currentIndexChanged.connect(lambda _i: self._apply_filters())
        # The unresolved counts, one line each under the tiles: as boxes beside the tiles they made the page
        # wider than a 1366-px laptop's window and left the findings table one row high.
        self.by_discipline = QLabel()
        self.by_discipline.setObjectName("by_discipline")
        self.by_party = QLabel()
        self.by_party.setObjectName("by_party")
        for widget in (self.by_discipline, self.by_party):
            widget.setTextFormat(Qt.TextFormat.RichText)
            widget.setWordWrap(True)
        top = QVBoxLayout()
        tiles = QHBoxLayout()
        for tile in self.figures.values():
            tiles.addWidget(tile)
        tiles.addStretch(1)
        top.addLayout(tiles)
        top.addWidget(self.by_discipline)
        top.addWidget(self.by_party)

        self.view = FindingsView(runner, self)
        self.commitment_model: RowsModel[CommitmentRow] = RowsModel(COMMITMENT_COLUMNS, self)
        self.commitment_table = make_table(self)
        self.commitment_table.setObjectName("commitment_table")
        self.commitment_table.setModel(self.commitment_model)
        self.commitment_table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.commitment_table.setSortingEnabled(True)  # by a header click, as the findings above
        self.commitment_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.commitment_table.selectionModel().currentRowChanged.connect(lambda *_args: self._commitment_buttons())
        add = QPushButton(_("New commitment…"))
        add.setObjectName("add_commitment")
        add.clicked.connect(self.add_commitment)
        self.fulfilled_button = QPushButton(_("Fulfilled…"))
        self.fulfilled_button.setObjectName("commitment_fulfilled")
        self.fulfilled_button.clicked.connect(lambda: self.check_commitment(CommitmentStatus.FULFILLED))
        self.broken_button = QPushButton(_("Broken…"))
        self.broken_button.setObjectName("commitment_broken")
        self.broken_button.clicked.connect(lambda: self.check_commitment(CommitmentStatus.BROKEN))
        self.blocking = QLabel()
        self.blocking.setObjectName("blocking_commitments")
        self.blocking.setStyleSheet(f"color: {OVERDUE_COLOR};")
        commitments_box = QGroupBox(_("Commitments (notification and promise, accepted with material missing)"))
        box_layout = QVBoxLayout(commitments_box)
        bar = QHBoxLayout()
        for button in (add, self.fulfilled_button, self.broken_button):
            bar.addWidget(button)
        bar.addWidget(self.blocking, 1)
        box_layout.addLayout(bar)
        box_layout.addWidget(self.commitment_table)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(_("Unit")))
        filters.addWidget(self.unit_filter)
        filters.addWidget(QLabel(_("Discipline")))
        filters.addWidget(self.discipline_filter)
        filters.addStretch(1)
        self.view.bar.insertLayout(self.view.bar.count() - 1, filters)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(commitments_box)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        # The procedure clock near or past its limit (services/timeline.py); empty when every clock is fine.
        self.clock_warnings = QLabel()
        self.clock_warnings.setObjectName("clock_warnings")
        self.clock_warnings.setWordWrap(True)
        self.clock_warnings.setStyleSheet(f"color: {OVERDUE_COLOR};")
        # The calendar's word: deadlines counted on weekends only, and those recomputed when the table came.
        self.calendar_notice = QLabel()
        self.calendar_notice.setObjectName("calendar_notice")
        self.calendar_notice.setWordWrap(True)
        self.calendar_notice.setStyleSheet("background: #fff8e1; border: 1px solid #ffcc80; padding: 4px;")
        self.calendar_notice.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.clock_warnings)
        layout.addWidget(self.calendar_notice)
        layout.addWidget(split, 1)
        self._commitment_buttons()
        runner.changes_applied.connect(self._on_changes)

    def show_project(self, project_id: uuid.UUID) -> None:
        self.project_id = project_id
        self.tile = None
        for tile in self.figures.values():
            tile.setChecked(False)
        self.unit_filter.blockSignals(True)
        self.unit_filter.clear()
        self.unit_filter.addItem(_("All units"), None)
        self.unit_filter.blockSignals(False)
        self.discipline_filter.setCurrentIndex(0)
        self._apply_filters()
        self.reload()

    def set_tile(self, name: str | None) -> None:
        self.tile = name
        for other, tile in self.figures.items():
            tile.setChecked(other == name)
        self._apply_filters()

    def _apply_filters(self) -> None:
        project_id = self.project_id
        if project_id is None:
            return
        unit = self.unit_filter.currentData()  # kept as text: QComboBox compares item data as variants
        tile, discipline = self.tile, self.discipline_filter.currentData()
        unit_id = uuid.UUID(unit) if unit else None
        self.view.set_loader(lambda session: [r for r in findings.list_findings(session, project_id)
                                              if matches(r, tile, unit_id, discipline)])

    def _fill_units(self, units: list[tuple[uuid.UUID, str]]) -> None:
        current = self.unit_filter.currentData()
        self.unit_filter.blockSignals(True)
        self.unit_filter.clear()
        self.unit_filter.addItem(_("All units"), None)
        for unit_id, name in units:
            self.unit_filter.addItem(name, str(unit_id))
        self.unit_filter.setCurrentIndex(max(self.unit_filter.findData(current), 0))
        self.unit_filter.blockSignals(False)

    def reload(self) -> None:
        project_id = self.project_id
        if project_id is None:
            return
        (self.runner.read(lambda session, task: (findings.dashboard(session, project_id),
                                                 commitments.list_commitments(session, project_id),
                                                 _units_of(session, project_id)))
         .success(lambda result: self._show(project_id, *result)).run())

    def _on_changes(self, changes: Changes) -> None:
        if changes.finding or changes.inspection or changes.party:
            self.reload()

    def _show(self, project_id: uuid.UUID, board: Dashboard, rows: Sequence[CommitmentRow],
              units: list[tuple[uuid.UUID, str]]) -> None:
        if project_id != self.project_id:
            return
        self._fill_units(units)
        texts = {
            "open": _("To rectify\n{n}").format(n=board.open),
            "rectified": _("Awaiting re-check\n{n}").format(n=board.rectified),
            "closed": _("Closed\n{n}").format(n=board.closed),
            "overdue": _("Overdue\n{n}").format(n=board.overdue),
            "due_soon": _("Due within 3 days\n{n}").format(n=board.due_soon),
        }
        for name, text in texts.items():
            self.figures[name].setText(text)
        self.figures["overdue"].setStyleSheet(TILE_STYLE + (
            f" QPushButton {{ color: white; background: {OVERDUE_COLOR}; }}" if board.overdue else ""))
        self.by_discipline.setText(self._counts(_("Unresolved by discipline"), [
            (label(d), board.by_discipline.get(d, 0)) for d in DISCIPLINES]))
        self.by_party.setText(self._counts(_("Unresolved by responsible party"), [
            (label(r), board.by_party[r]) for r in RESPONSIBLE_PARTY_ROLES if board.by_party.get(r)] or [(_("None"), 0)]))
        self._calendar_notice(board)
        self.commitment_model.set_rows(rows)
        self.commitment_table.resizeColumnsToContents()
        self.commitment_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.clock_warnings.setText("\n".join(_("Procedure clock: {warning}").format(warning=w)
                                               for w in board.clock_warnings))
        self.clock_warnings.setVisible(bool(board.clock_warnings))
        blocking = [r.subject for r in rows if r.blocking]
        self.blocking.setText(_("The opinion is blocked by: {items}").format(items="、".join(blocking))
                              if blocking else "")
        self._commitment_buttons()
        self.loaded.emit()

    def _calendar_notice(self, board: Dashboard) -> None:
        lines = []
        if board.provisional:
            lines.append(_("{n} deadlines fall in a year whose holiday table is not here yet: counted on weekends "
                           "only (provisional), recomputed when the table arrives.").format(n=board.provisional))
        if board.recomputed:
            lines.append(_("{n} deadlines were recomputed with a newly arrived holiday table (see each finding's "
                           "history): {latest}").format(n=len(board.recomputed), latest=board.recomputed[0].note))
        self.calendar_notice.setText("\n".join(lines))
        self.calendar_notice.setVisible(bool(lines))

    @staticmethod
    def _counts(title: str, pairs: list[tuple[str, int]]) -> str:
        return _("{title}: {counts}").format(title=title, counts="　".join(f"{name} <b>{count}</b>"
                                                                         for name, count in pairs))

    # Commitments ----------------------------------------------------------------------------------------------
    def _current_commitment(self) -> CommitmentRow | None:
        return self.commitment_model.row_at(self.commitment_table.currentIndex())

    def _commitment_buttons(self) -> None:
        row = self._current_commitment()
        is_open = row is not None and row.status is CommitmentStatus.OPEN
        self.fulfilled_button.setEnabled(is_open)
        self.broken_button.setEnabled(is_open)

    def add_commitment(self) -> None:
        project_id = self.project_id
        if project_id is None:
            return
        dialog = commitment_dialog(self)
        if dialog.exec():
            data = dialog.result_data
            (self.runner.write(lambda session, task: commitments.add_commitment(session, project_id, data))
             .failure(lambda error: show_exception(self, error)).run())

    def check_commitment(self, result: CommitmentStatus) -> None:
        row = self._current_commitment()
        if row is None:
            return
        dialog = note_dialog(f"{label(result)}：{row.subject}", self)
        if dialog.exec():
            note = dialog.result_data
            (self.runner.write(lambda session, task: commitments.record_check(session, row.id, result, note))
             .failure(lambda error: show_exception(self, error)).run())


def _units_of(session, project_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    from acceptance_app.services import projects

    return [(unit.id, unit.data.name) for unit in projects.get_project(session, project_id).units]
