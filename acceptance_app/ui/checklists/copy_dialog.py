"""Copy answers from an identical unit: choose the unit, review the items (ticked: the answers without readings
that this unit has not answered yet; a measurement is copied only when ticked by hand), then copy."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from acceptance_app.i18n import _
from acceptance_app.services.checklists import copying as checklist_copy
from acceptance_app.services.checklists.copying import CopyCandidate

from acceptance_app.ui.checklists.text import item_verdict_text
from acceptance_app.ui.tasks import TaskRunner
from acceptance_app.ui.widgets.screen_fit import resize_to_screen


class CopyAnswersDialog(QDialog):
    def __init__(self, runner: TaskRunner, inspection_id: uuid.UUID, units: Sequence[tuple[uuid.UUID, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("copy_answers_dialog")
        self.setWindowTitle(_("Copy answers from an identical unit"))
        self.runner, self.inspection_id = runner, inspection_id
        self.candidates: list[CopyCandidate] = []
        self.unit = QComboBox()
        self.unit.setObjectName("copy_source_unit")
        for unit_id, name in units:
            self.unit.addItem(name, unit_id)
        self.unit.currentIndexChanged.connect(self.reload)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("copy_candidates")
        self.tree.setHeaderLabels([_("No."), _("Item"), _("Answer there"), _("Here now")])
        self.tree.setRootIsDecorated(False)
        self.tree.itemChanged.connect(lambda *_args: self._count())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Copy the ticked answers"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Copy from")))
        layout.addWidget(self.unit)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        resize_to_screen(self, 900, 640)
        self.reload()

    def source_unit(self) -> uuid.UUID | None:
        return self.unit.currentData()

    def reload(self) -> None:
        source, target = self.source_unit(), self.inspection_id
        if source is None:
            return
        self.runner.read(lambda s, t: checklist_copy.copy_candidates(s, target, source)).success(self._show).run()

    def _show(self, candidates: list[CopyCandidate]) -> None:
        self.candidates = candidates
        self.tree.blockSignals(True)
        self.tree.clear()
        for candidate in candidates:
            values = candidate.source
            there = item_verdict_text(candidate.source_verdict)
            if candidate.measured:
                there += "  " + " / ".join(f"{v:g}" for v in values.samples)
            if values.na_reason:
                there += f"（{values.na_reason}）"
            here = item_verdict_text(candidate.target_verdict) if candidate.target_verdict else "—"
            row = QTreeWidgetItem([candidate.item_id, candidate.text, there, here])
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(0, Qt.CheckState.Checked if candidate.ticked_by_default else Qt.CheckState.Unchecked)
            if candidate.measured:
                row.setToolTip(2, _("a measurement: copied only when you tick it"))
            self.tree.addTopLevelItem(row)
        self.tree.blockSignals(False)
        for column in (0, 2, 3):
            self.tree.resizeColumnToContents(column)
        self._count()

    def chosen(self) -> list[str]:
        return [self.tree.topLevelItem(n).text(0) for n in range(self.tree.topLevelItemCount())
                if self.tree.topLevelItem(n).checkState(0) == Qt.CheckState.Checked]

    def _count(self) -> None:
        count = len(self.chosen())
        self.summary.setText(_("{chosen} of {total} answers ticked. Readings are not ticked: they belong to the "
                               "unit they were taken in.").format(chosen=count, total=len(self.candidates)))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(count > 0)
