"""The 问题 tab of a unit: its findings, new ones recorded on the current inspection of a discipline, and
a 复验 round for the unresolved findings of a discipline."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QComboBox, QPushButton, QVBoxLayout, QWidget

from acceptance_app.domain.enums import DISCIPLINES, Discipline
from acceptance_app.i18n import _
from acceptance_app.services.findings import rechecks
from acceptance_app.services.findings import workflow as findings
from acceptance_app.text.labels import label

from acceptance_app.ui.errors import show_exception
from acceptance_app.ui.findings.view import FindingsView
from acceptance_app.ui.tasks import TaskRunner


class UnitFindingsTab(QWidget):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.unit_id: uuid.UUID | None = None
        self.view = FindingsView(runner, self)
        self.recheck_discipline = QComboBox()
        self.recheck_discipline.setObjectName("recheck_discipline")
        self.recheck_button = QPushButton(_("Start re-inspection round"))
        self.recheck_button.setObjectName("start_recheck")
        self.recheck_button.setToolTip(_("A new round that checks only the unresolved findings of the discipline"))
        self.recheck_button.clicked.connect(self.start_recheck)
        self.view.bar.addWidget(self.recheck_discipline)
        self.view.bar.addWidget(self.recheck_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        # The re-inspection is offered for the discipline of the finding in hand.
        self.view.table.selectionModel().currentRowChanged.connect(lambda *_args: self._follow_selection())

    def _follow_selection(self) -> None:
        row = self.view.current()
        if row is not None:
            self.recheck_discipline.setCurrentIndex(max(self.recheck_discipline.findData(row.discipline), 0))

    def show_unit(self, unit_id: uuid.UUID, disciplines: list[Discipline] | None = None) -> None:
        self.unit_id = unit_id
        shown = disciplines or list(DISCIPLINES)
        self.recheck_discipline.clear()
        for discipline in shown:
            self.recheck_discipline.addItem(label(discipline), discipline)
        # class_reason "": a person chose the class here, so a class below the item's is refused with a message
        # (the checklist row's F asks for the reason).
        self.view.enable_adding(shown, lambda session, discipline, data: findings.add_finding_on_unit(
            session, unit_id, discipline, data, class_reason=""))
        self.view.set_loader(lambda session: findings.unit_findings(session, unit_id))

    def start_recheck(self) -> None:
        unit_id, discipline = self.unit_id, self.recheck_discipline.currentData()
        if unit_id is None or discipline is None:
            return
        (self.runner.write(lambda session, task: rechecks.start_recheck_round(session, unit_id, discipline))
         .failure(lambda error: show_exception(self, error))
         .run())
