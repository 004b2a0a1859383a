"""Identical buildings in the runner: copy answers from another unit through the review dialog, and answer the
rest of the current item's group 合格 after a confirmation (services/checklists/copying.py does the recording)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from acceptance_app.i18n import _
from acceptance_app.services.checklists import copying as checklist_copy

from acceptance_app.ui.checklists.copy_dialog import CopyAnswersDialog

if TYPE_CHECKING:
    from acceptance_app.ui.checklists.tab import ChecklistTab


class IdenticalUnits:
    def __init__(self, tab: ChecklistTab) -> None:
        self.tab = tab

    def copy_from_unit(self) -> None:
        inspection_id = self.tab._inspection_id()
        if inspection_id is None:
            return
        self.tab.runner.read(lambda s, t: checklist_copy.other_units(s, inspection_id)).success(
            lambda units: self._choose_copy(inspection_id, units)).run()

    def _choose_copy(self, inspection_id: uuid.UUID, units: list) -> None:
        if not units:
            self.tab.say(_("No other unit of this project has this discipline's checklist to copy from."))
            return
        dialog = CopyAnswersDialog(self.tab.runner, inspection_id, units, self.tab)
        if not dialog.exec():
            return
        source, items = dialog.source_unit(), dialog.chosen()
        if source is None:
            return
        self.tab.runner.write(lambda s, t: checklist_copy.copy_answers(s, inspection_id, source, items)).success(
            lambda count: self.tab.say(_("Copied {count} answer(s) from {unit}.").format(
                count=count, unit=dialog.unit.currentText()), notice=True)).failure(self.tab._error).run()

    def pass_rest_of_group(self) -> None:
        row, inspection_id = self.tab.current_row(), self.tab._inspection_id()
        if row is None or inspection_id is None:
            return
        item_id = row.item.id

        def read(session, task):
            group_id, title = checklist_copy.group_of_item(session, inspection_id, item_id)
            return group_id, title, checklist_copy.open_items_of_group(session, inspection_id, group_id)

        self.tab.runner.read(read).success(lambda found: self._confirm_pass_rest(inspection_id, *found)).run()

    def _confirm_pass_rest(self, inspection_id: uuid.UUID, group_id: str, title: str, items: list[str]) -> None:
        if not items:
            self.tab.say(_("{group}: no unanswered pass/fail item left.").format(group=title))
            return
        answer = QMessageBox.question(
            self.tab, _("Rest of group: pass"),
            _("Answer 合格 to these {count} unanswered item(s) of {group}?\n{items}").format(
                count=len(items), group=title, items="、".join(items)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.tab.runner.write(lambda s, t: checklist_copy.pass_rest_of_group(s, inspection_id, group_id)).success(
            lambda done: self.tab.say(_("{count} item(s) of {group} answered 合格.").format(
                count=len(done), group=title), notice=True)).failure(self.tab._error).run()

