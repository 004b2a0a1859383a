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
    QVBoxLayout,
    QWidget,
)

from acceptance_app.domain.entities import UnitRow
from acceptance_app.domain.enums import DISCIPLINES, Discipline
from acceptance_app.domain.identifiers import format_real_estate_unit_code
from acceptance_app.domain.photos import PhotoTarget
from acceptance_app.domain.unit_facts import derive_all
from acceptance_app.i18n import _
from acceptance_app.services import projects
from acceptance_app.services.changes import Changes
from acceptance_app.settings import Settings
from acceptance_app.text.unit_facts import describe_derived, describe_value, fact_name

from acceptance_app.ui.checklists.tab import ChecklistTab
from acceptance_app.ui.findings.unit_tab import UnitFindingsTab
from acceptance_app.ui.labels import label
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
        self.title = QLabel()
        self.title.setObjectName("unit_title")
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        # Facts in a compact grid (FACT_COLUMNS label/value pairs a row): the checklist below is the
        # inspector's main screen and gets the height.
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(12)
        self.facts.setVerticalSpacing(2)
        facts_box = QGroupBox(_("Unit"))
        # The derived facts the checklist rules use (高层, 一类/二类, fire regime...), reasons in the tooltip.
        self.derived = QLabel()
        self.derived.setObjectName("unit_derived_facts")
        self.derived.setWordWrap(True)
        self.facts_button = QPushButton(_("Unit facts…"))
        self.facts_button.setObjectName("unit_facts_button")
        self.facts_button.clicked.connect(self.edit_facts)
        derived_row = QHBoxLayout()
        derived_row.addWidget(self.derived, 1)
        derived_row.addWidget(self.facts_button)
        box_layout = QVBoxLayout()
        box_layout.setContentsMargins(6, 2, 6, 2)
        box_layout.addLayout(self.facts)
        box_layout.addLayout(derived_row)
        facts_box.setLayout(box_layout)
        self.status_labels: dict[Discipline, QLabel] = {}
        status_row = QHBoxLayout()
        for discipline in DISCIPLINES:
            badge = QLabel()
            badge.setObjectName(f"status_{discipline.value}")
            badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
            badge.setMinimumWidth(120)
            self.status_labels[discipline] = badge
            status_row.addWidget(badge)
        status_row.addStretch(1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("discipline_tabs")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(status_row)
        layout.addWidget(facts_box)
        layout.addWidget(self.tabs, 1)
        self.checklists = [ChecklistTab(runner, d, settings) for d in DISCIPLINES]
        for tab in self.checklists:
            self.tabs.addTab(tab, label(tab.discipline))
        self.photos_panel = PhotosPanel(runner)
        self.tabs.addTab(self.photos_panel, _("Photos"))
        self.findings_tab = UnitFindingsTab(runner)
        self.tabs.addTab(self.findings_tab, _("Findings"))
        runner.changes_applied.connect(self._on_changes)

    def show_unit(self, unit_id: uuid.UUID) -> None:
        self.unit_id = unit_id
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
        for discipline, badge in self.status_labels.items():
            status = row.cells[discipline]
            badge.setText(f"{label(discipline)}：{label(status)}")
            badge.setStyleSheet(f"background: {CELL_COLORS[status]}; border: 1px solid #bbb; padding: 4px;")
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

    def edit_facts(self) -> None:
        if self.row is None:
            return
        from acceptance_app.ui.dialogs.unit_facts import UnitFactsDialog

        dialog = UnitFactsDialog(self.row.data, self)
        if dialog.exec() and dialog.result_data is not None:
            unit_id, data = self.row.id, dialog.result_data
            self.runner.write(lambda session, task: projects.update_unit(session, unit_id, data)).run()

    def _on_changes(self, changes: Changes) -> None:
        if changes.unit or changes.inspection or changes.checklist:
            self.reload()
