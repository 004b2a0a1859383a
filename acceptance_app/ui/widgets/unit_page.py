"""A unit: its facts and, per discipline, its acceptance status. The checklist runner adds its tabs here."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from acceptance_app.domain.entities import UnitRow
from acceptance_app.domain.enums import DISCIPLINES, CellStatus, Discipline
from acceptance_app.domain.identifiers import format_real_estate_unit_code
from acceptance_app.domain.photos import PhotoTarget
from acceptance_app.domain.unit_facts import derive_all
from acceptance_app.i18n import _
from acceptance_app.services import projects
from acceptance_app.services.changes import Changes
from acceptance_app.settings import Settings
from acceptance_app.text.labels import label
from acceptance_app.text.unit_facts import describe_derived, describe_value, fact_name

from acceptance_app.ui import desktop_state
from acceptance_app.ui.checklists.tab import ChecklistTab
from acceptance_app.ui.findings.unit_tab import UnitFindingsTab
from acceptance_app.ui.history_dialog import open_history
from acceptance_app.ui.models.columns import CELL_COLORS
from acceptance_app.ui.photos.panel import PhotosPanel
from acceptance_app.ui.tasks import TaskRunner


def _fmt(value: float | int | None, unit: str = "") -> str:
    if value is None:
        return "—"
    text = f"{value:,.2f}" if isinstance(value, float) else str(value)
    return f"{text} {unit}".strip()


FACT_COLUMNS = 3


class UnitPage(QWidget):
    loaded = Signal()

    def __init__(
        self, runner: TaskRunner, parent: QWidget | None = None, settings: Callable[[], Settings] = Settings
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.unit_id: uuid.UUID | None = None
        self.row: UnitRow | None = None
        self._opened_for: uuid.UUID | None = None
        self._restoring = False
        self.title = QLabel()
        self.title.setObjectName("unit_title")
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        # Facts in a compact grid (FACT_COLUMNS label/value pairs a row): the checklist below is the
        # inspector's main screen and gets the height.
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(12)
        self.facts.setVerticalSpacing(2)
        # The facts fold away (folded by default): on a 768-pixel laptop the checklist needs the height.
        self.facts_box = QGroupBox(_("Unit"))
        self.facts_box.setObjectName("unit_facts")
        # The derived facts the checklist rules use (高层, 一类/二类, fire regime...), reasons in the tooltip.
        self.derived = QLabel()
        self.derived.setObjectName("unit_derived_facts")
        self.derived.setWordWrap(True)
        self.facts_button = QPushButton(_("Unit facts…"))
        self.facts_button.setObjectName("unit_facts_button")
        self.facts_button.clicked.connect(self.edit_facts)
        self.history_button = QPushButton(_("Change history…"))
        self.history_button.setObjectName("unit_history_button")
        self.history_button.setToolTip(_("Who changed this unit's data and facts, when, from what to what"))
        self.history_button.clicked.connect(self.show_history)
        derived_row = QHBoxLayout()
        derived_row.addWidget(self.derived, 1)
        derived_row.addWidget(self.history_button)
        derived_row.addWidget(self.facts_button)
        box_layout = QVBoxLayout()
        box_layout.setContentsMargins(6, 2, 6, 2)
        box_layout.addLayout(self.facts)
        box_layout.addLayout(derived_row)
        self.facts_box.setLayout(box_layout)
        self.facts_box.setVisible(False)
        self.facts_toggle = QToolButton()
        self.facts_toggle.setObjectName("facts_toggle")
        self.facts_toggle.setCheckable(True)
        self.facts_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.facts_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.facts_toggle.setText(_("Unit facts"))
        self.facts_toggle.toggled.connect(self.show_facts)
        self.status_labels: dict[Discipline, QPushButton] = {}
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        for discipline in DISCIPLINES:
            # A badge opens its discipline's tab (it looked like a button and did nothing).
            badge = QPushButton()
            badge.setObjectName(f"status_{discipline.value}")
            badge.setFlat(True)
            badge.setCursor(Qt.CursorShape.PointingHandCursor)
            badge.clicked.connect(lambda _checked=False, d=discipline: self.open_discipline(d))
            self.status_labels[discipline] = badge
            top.addWidget(badge)
        top.addWidget(self.facts_toggle)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("discipline_tabs")
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.facts_box)
        layout.addWidget(self.tabs, 1)
        self.checklists = [ChecklistTab(runner, d, settings) for d in DISCIPLINES]
        for tab in self.checklists:
            self.tabs.addTab(tab, label(tab.discipline))
        self.photos_panel = PhotosPanel(runner)
        self.tabs.addTab(self.photos_panel, _("Photos"))
        self.findings_tab = UnitFindingsTab(runner)
        self.tabs.addTab(self.findings_tab, _("Findings"))
        remembered = desktop_state.value("unit/last_discipline")
        self.last_discipline = Discipline(remembered) if remembered in {d.value for d in DISCIPLINES} else None
        self.tabs.currentChanged.connect(self._remember_discipline)
        runner.changes_applied.connect(self._on_changes)

    def show_facts(self, shown: bool) -> None:
        self.facts_box.setVisible(shown)
        self.facts_toggle.setChecked(shown)
        self.facts_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def checklist(self, discipline: Discipline) -> ChecklistTab:
        return next(t for t in self.checklists if t.discipline is discipline)

    def open_discipline(self, discipline: Discipline) -> None:
        tab = self.checklist(discipline)
        index = self.tabs.indexOf(tab)
        if self.tabs.isTabVisible(index):
            self.tabs.setCurrentIndex(index)
            tab.view.setFocus()

    def _remember_discipline(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, ChecklistTab) and not self._restoring:
            self.last_discipline = widget.discipline
            desktop_state.set_value("unit/last_discipline", widget.discipline.value)

    def show_unit(self, unit_id: uuid.UUID) -> None:
        self.unit_id = unit_id
        self._opened_for = None
        self.reload()
        for tab in self.checklists:
            tab.show_unit(unit_id)
        self.photos_panel.show_target(PhotoTarget.unit(unit_id))
        self.findings_tab.show_unit(unit_id)

    def reload(self) -> None:
        if self.unit_id is None:
            return
        unit_id = self.unit_id
        self.runner.read(lambda session, task: projects.get_unit(session, unit_id)).success(self._show).run()

    def _show(self, row: UnitRow) -> None:
        if row.id != self.unit_id:
            return
        self.row = row
        data = row.data
        self.title.setText(data.name)
        self._restoring = True  # hiding tabs moves the current one: not the inspector's choice
        for discipline, badge in self.status_labels.items():
            status = row.cells[discipline]
            applies = status is not CellStatus.NOT_APPLICABLE
            badge.setText(_("{discipline}: {status}").format(discipline=label(discipline), status=label(status)))
            badge.setEnabled(applies)
            badge.setToolTip(_("Open the {discipline} checklist").format(discipline=label(discipline)) if applies
                             else _("{discipline} does not apply to this unit").format(discipline=label(discipline)))
            # Text colour set with the background: readable in a dark theme too.
            badge.setStyleSheet(f"background: {CELL_COLORS[status]}; color: #000; border: 1px solid #bbb; "
                                "padding: 3px 6px;")
            # A discipline that does not apply is not offered (人防 on a unit without 人防 works).
            self.tabs.setTabVisible(self.tabs.indexOf(self.checklist(discipline)), applies)
        self._open_last_discipline(row)
        self._restoring = False
        while self.facts.count():
            item = self.facts.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        facts = [
            (_("Building no."), data.building_no or "—"),
            (_("Building code"), data.unit_code or "—"),
            (_("Real estate unit code"), format_real_estate_unit_code(data.real_estate_unit_code) or "—"),
            (_("Area above / below ground"), f"{_fmt(data.area_above, 'm²')} / {_fmt(data.area_below, 'm²')}"),
            (_("Storeys above / below ground"), f"{_fmt(data.storeys_above)} / {_fmt(data.storeys_below)}"),
            (_("Building height"), _fmt(data.height, "m")),
            (_("Structure"), label(data.structure)),
            (_("Use"), label(data.use)),
            (_("Contains civil air defense works"), _("Yes") if data.has_civil_air_defense else _("No")),
            (_("Accepted on its own"), _("Yes") if data.accepted_alone else _("No")),
        ]
        for n, (title, value) in enumerate(facts):
            text = QLabel(value)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            line, column = divmod(n, FACT_COLUMNS)
            caption = QLabel(title)
            caption.setStyleSheet("color: #555;")
            self.facts.addWidget(caption, line, 2 * column)
            self.facts.addWidget(text, line, 2 * column + 1)
        for column in range(FACT_COLUMNS):
            self.facts.setColumnStretch(2 * column + 1, 1)
        derived = derive_all(data)
        shown = ("high_rise", "fire_class", "fire_regime", "crowded", "fire_lift_required")
        self.derived.setText(
            "　".join(
                f"{fact_name(n)}：<b>{describe_value(derived[n].value)}</b>" + ("*" if derived[n].overridden else "")
                for n in shown
            )
        )
        self.derived.setToolTip("\n".join(f"{fact_name(n)}：{describe_derived(derived[n])}" for n in shown))
        self.loaded.emit()

    def show_history(self) -> None:
        if self.row is not None:
            open_history(self.runner, self.row.id, self.row.data.name, self)

    def edit_facts(self) -> None:
        if self.row is None:
            return
        from acceptance_app.ui.dialogs.unit_facts import UnitFactsDialog

        dialog = UnitFactsDialog(self.row.data, self)
        if dialog.exec() and dialog.result_data is not None:
            unit_id, data = self.row.id, dialog.result_data
            self.runner.write(lambda session, task: projects.update_unit(session, unit_id, data)).run()
    def _open_last_discipline(self, row: UnitRow) -> None:
        """A unit opens on the discipline used last, when it applies; else the first that applies."""
        if self._opened_for == row.id:
            return
        self._opened_for = row.id
        applicable = [d for d in DISCIPLINES if row.cells.get(d) is not CellStatus.NOT_APPLICABLE]
        self.findings_tab.show_unit(row.id, applicable)  # no 人防 finding on a unit without 人防 works
        wanted = [self.last_discipline] if self.last_discipline else []
        for discipline in [*wanted, *DISCIPLINES]:
            if row.cells.get(discipline) not in (None, CellStatus.NOT_APPLICABLE):
                self.open_discipline(discipline)
                return

    def _on_changes(self, changes: Changes) -> None:
        if changes.unit or changes.inspection or changes.checklist:
            self.reload()
