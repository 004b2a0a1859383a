"""One discipline's checklist for one unit: start, answer by keyboard (1 合格, 2 不合格, 3 不适用, Enter for a
value, arrows or J/K to move, N for a note, Ctrl+F to filter, Ctrl+Z to undo), progress, verdict and reasons.

Every write goes through the TaskRunner's single writer and is committed at once.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from acceptance_app.domain.checklists.answers import AnswerInput, ItemOutcome
from acceptance_app.domain.checklists.form import AnswerType, VerdictScheme, version_label
from acceptance_app.domain.checklists.sheet import ItemRow
from acceptance_app.domain.enums import Discipline, InspectionKind, InspectionStatus, ItemVerdict, Verdict
from acceptance_app.domain.problems import KnownError
from acceptance_app.i18n import _
from acceptance_app.services.changes import Changes
from acceptance_app.services.checklists import corrections, verdicts
from acceptance_app.services.checklists import inspections as checklists
from acceptance_app.services.checklists.inspections import Correction
from acceptance_app.settings import Settings, forms_folder
from acceptance_app.text import describe_error
from acceptance_app.text.checklists import answer_words
from acceptance_app.text.labels import label
from acceptance_app.text.unit_facts import describe_applicability

from acceptance_app.ui.checklists.answer_history_dialog import open_answer_history
from acceptance_app.ui.checklists.editor import AnswerEditor
from acceptance_app.ui.checklists.identical_units import IdenticalUnits
from acceptance_app.ui.checklists.item_evidence import ItemEvidence
from acceptance_app.ui.checklists.model import (
    FILTER_LABELS,
    SHARED_MARK,
    ChecklistFilter,
    ChecklistModel,
    Filter,
)
from acceptance_app.ui.checklists.reason_dialog import ReasonDialog
from acceptance_app.ui.checklists.shortcuts import shortcut_sheet
from acceptance_app.ui.checklists.text import answer_text, item_verdict_text, outcome_text, row_verdict_text
from acceptance_app.ui.errors import show_exception
from acceptance_app.ui.models.rows_model import ROW_ROLE
from acceptance_app.ui.tasks import TaskRunner
from acceptance_app.ui.widgets.clamped_label import ClampedLabel

_VERDICT_KEYS = {
    Qt.Key.Key_1: ItemVerdict.PASS,
    Qt.Key.Key_2: ItemVerdict.FAIL,
    Qt.Key.Key_3: ItemVerdict.NOT_APPLICABLE,
}
_CHOSEN_VERDICT = (AnswerType.VERDICT, AnswerType.TEXT)


class ChecklistTab(QWidget):
    def __init__(
        self,
        runner: TaskRunner,
        discipline: Discipline,
        settings: Callable[[], Settings],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"checklist_{discipline.value}")
        self.runner, self.discipline, self.settings = runner, discipline, settings
        self.unit_id: uuid.UUID | None = None
        self.state: checklists.UnitChecklist | None = None
        self._stale = False
        self._said_empty = False  # the message line says the filter matches nothing
        self.header = QLabel()
        self.header.setObjectName("checklist_header")
        # Clamped to a line or two (the rest in the tooltip): long text must not push the panel off the screen.
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress = ClampedLabel(1)
        self.progress.setObjectName("checklist_progress")
        self.outcome = ClampedLabel(2)
        self.outcome.setObjectName("checklist_outcome")
        self.message = ClampedLabel(2, hide_when_empty=True)
        self.message.setObjectName("checklist_message")
        self.start_formal = QPushButton(_("Start formal acceptance"))
        self.start_service = QPushButton(_("Start technical service (advisory)"))
        self.conclude_button = QPushButton(_("Conclude"))
        self.undo_button = QPushButton(_("Undo (Ctrl+Z)"))
        self.history_button = QPushButton(_("History… (H)"))
        self.history_button.setObjectName("item_history")
        self.history_button.setToolTip(_("Every answer given to this item in this unit: who, when, and why it "
                                         "was changed"))
        self.history_button.clicked.connect(self.show_history)
        self.reopen_button = QPushButton(_("Reopen conclusion…"))
        self.reopen_button.setObjectName("reopen_conclusion")
        self.reopen_button.setToolTip(_("Open the concluded discipline again to answer and conclude anew; "
                                        "the reason is recorded"))
        self.reopen_button.clicked.connect(self.reopen)
        self._reason_dialog: ReasonDialog | None = None
        self.identical = IdenticalUnits(self)
        self.copy_button = QPushButton(_("Copy from unit…"))
        self.copy_button.setObjectName("copy_from_unit")
        self.copy_button.setToolTip(_("Identical buildings: copy answers from another unit, item by item"))
        self.copy_button.clicked.connect(lambda: self.identical.copy_from_unit())
        self.pass_rest_button = QPushButton(_("Rest of group: pass…"))
        self.pass_rest_button.setObjectName("pass_rest_of_group")
        self.pass_rest_button.setToolTip(_("Answer 合格 to the unanswered pass/fail items of the current item's group"))
        self.pass_rest_button.clicked.connect(lambda: self.identical.pass_rest_of_group())
        self.start_formal.clicked.connect(lambda: self.start(InspectionKind.FORMAL))
        self.start_service.clicked.connect(lambda: self.start(InspectionKind.SERVICE))
        self.conclude_button.clicked.connect(self.conclude)
        self.undo_button.clicked.connect(self.undo)
        self.filter_mode = QComboBox()
        self.filter_mode.setObjectName("checklist_filter")
        for mode in Filter:
            self.filter_mode.addItem(_(FILTER_LABELS[mode]), mode)
        self.search = QLineEdit()
        self.search.setObjectName("checklist_search")
        self.search.setPlaceholderText(_("Filter items (Ctrl+F)"))
        self.model = ChecklistModel(self)
        self.proxy = ChecklistFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setObjectName("checklist_items")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setMinimumHeight(110)  # 1280x720: the list gives way before the answer panel does
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column in (0, 3, 6):  # id, class, verdict: as narrow as their text
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.installEventFilter(self)
        self.evidence = ItemEvidence(runner, self.view, self._inspection_id, self.current_row, self)
        self.finding_button = QPushButton(_("Record finding… (F)"))
        self.finding_button.setObjectName("record_finding")
        self.finding_button.setToolTip(_("A finding on this item, with discipline, unit, item, class and the "
                                         "measured value filled in; then its photos"))
        self.finding_button.clicked.connect(lambda: self.evidence.record_finding())
        self.editor = AnswerEditor()
        self.editor.answer_ready.connect(self._answer_from_editor)
        self.editor.note_ready.connect(self._note_from_editor)
        self.editor.done.connect(self.view.setFocus)
        self.editor.verdict_clicked.connect(self._verdict_key)
        self.editor.problem.connect(self.say)
        self.filter_mode.currentIndexChanged.connect(
            lambda: self._keeping_current(lambda: self.proxy.set_mode(self.filter_mode.currentData()))
        )
        self.search.textChanged.connect(lambda text: self._keeping_current(lambda: self.proxy.set_text(text)))
        self.search.returnPressed.connect(self.view.setFocus)  # Ctrl+F, type, Enter: back to answering
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        QShortcut(
            QKeySequence.StandardKey.Find,
            self,
            self._focus_search,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence.StandardKey.Undo,
            self,
            self.undo,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence(Qt.Key.Key_F1),
            self,
            self.show_shortcuts,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self._layout()
        runner.changes_applied.connect(self._on_changes)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        for button in (self.start_formal, self.start_service, self.copy_button, self.pass_rest_button,
                       self.undo_button, self.history_button, self.reopen_button, self.conclude_button):
            top.addWidget(button)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_mode)
        filters.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.editor, 1)
        side = QVBoxLayout()
        side.addWidget(self.finding_button)
        side.addWidget(self.evidence.strip)
        side.addStretch(1)
        bottom.addLayout(side)
        layout.addLayout(bottom)
        layout.addWidget(self.message)

    # Loading ---------------------------------------------------------------------------------------------
    def show_unit(self, unit_id: uuid.UUID) -> None:
        self.unit_id = unit_id
        self.reload()

    def reload(self) -> None:
        if self.unit_id is None:
            return
        unit_id, discipline = self.unit_id, self.discipline
        self.runner.read(
            lambda session, task: checklists.unit_checklist(session, unit_id, discipline)
        ).success(self._show).failure(self._error).run()

    def _show(self, state: checklists.UnitChecklist) -> None:
        if state.unit_id != self.unit_id:
            return
        self.state = state
        current = state.current
        open_ = current is not None and current.info.status is not InspectionStatus.COMPLETED
        # A passed (or 不涉及) formal conclusion needs no new round: the service would refuse it.
        settled = (current is not None and current.info.kind is InspectionKind.FORMAL
                   and current.info.verdict in (Verdict.PASSED, Verdict.NOT_APPLICABLE))
        can_start = state.applies and not settled and (
            current is None or current.info.status is InspectionStatus.COMPLETED)
        self.start_formal.setVisible(can_start)
        self.start_service.setVisible(can_start and current is None)
        if current is not None and can_start and current.info.kind is InspectionKind.FORMAL:
            self.start_formal.setText(
                _("Start re-inspection (round {round})").format(round=current.info.round + 1)
            )
        else:
            self.start_formal.setText(_("Start formal acceptance"))
        concluded = current is not None and current.info.status is InspectionStatus.COMPLETED
        self.conclude_button.setVisible(open_)
        self.undo_button.setVisible(open_)
        self.copy_button.setVisible(open_)
        self.pass_rest_button.setVisible(open_)
        self.history_button.setVisible(current is not None)
        self.reopen_button.setVisible(concluded)
        # A concluded discipline still shows its answers in the panel; changing one asks for the reason (更正).
        self.editor.setVisible(current is not None)
        self.finding_button.setVisible(open_)
        self.evidence.strip.setVisible(current is not None)
        if current is None:
            self.model.set_rows([])
            self.header.setText(_("Not inspected yet") if state.applies else _("Not applicable to this unit"))
            self.progress.setText("")
            self.outcome.setText("")
            return
        info, sheet = current.info, current.sheet
        kind = label(info.kind) + (" — " + _("advisory, not a legal verdict") if info.advisory else "")
        self.header.setText(
            f"<b>{info.form_title}</b>  "
            + _("form version {version}").format(version=version_label(info.form_version))
            + f" · {kind} · "
            + _("round {round}").format(round=info.round)
            + f" · {label(info.status)}"
        )
        # Many groups (消防 has ~20): list the unfinished ones, count the finished.
        open_groups = [g for g in sheet.groups if g.answered < g.total]
        groups = " · ".join(f"{g.title} {g.answered}/{g.total}" for g in open_groups)
        finished = len(sheet.groups) - len(open_groups)
        if finished:
            groups = (groups + " · " if groups else "") + _("{count} group(s) complete").format(
                count=finished
            )
        self.progress.setText(
            _("Answered {answered} of {total}").format(answered=sheet.answered, total=sheet.total)
            + f"　{groups}"
        )
        carried = sum(1 for r in sheet.rows if r.carried)
        shared = sum(1 for r in sheet.rows if r.shared and r.answer is not None)
        notes = []
        if carried:
            notes.append(_("{count} answer(s) carried over from the technical service or the last round").format(
                count=carried))
        if shared:
            notes.append(_("{count} project-level answer(s) ({mark}) count for every unit").format(
                count=shared, mark=SHARED_MARK))
        self.outcome.setText(outcome_text(sheet.outcome) + ("　" + "；".join(notes) if notes else ""))
        self.model.set_rows(sheet.all_rows, current.jurisdiction)  # items 不适用 by rule too, with the reason
        if not self.view.currentIndex().isValid() and self.proxy.rowCount():
            self._select(0)
        self._show_current()

    def _show_current(self) -> None:
        current = self.state.current if self.state else None
        row = self.current_row()
        resample = current is None or current.sheet.outcome.scheme is VerdictScheme.BY_CLASS
        self.editor.show_row(row, current.jurisdiction if current else None, resample)
        if row is None or self.evidence.target(row) != self.evidence._shown:
            self.evidence.show_item(row)

    def _on_changes(self, changes: Changes) -> None:
        # A finding or a photo changes the rows' 待办 (evidence still missing) at once.
        if changes.checklist or changes.inspection or changes.finding or changes.photo:
            # Hidden tabs (the other disciplines) reload when shown, not on every answer.
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()
        # The keyboard flow starts at once: 1/2/3/J/K work without a click into the list first.
        self.view.setFocus()

    # Navigation ------------------------------------------------------------------------------------------
    def current_row(self) -> ItemRow | None:
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _select(self, proxy_row: int) -> None:
        proxy_row = max(0, min(proxy_row, self.proxy.rowCount() - 1))
        index = self.proxy.index(proxy_row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    def _move(self, step: int) -> None:
        self._select(self.view.currentIndex().row() + step)

    def select_item(self, item_id: str) -> bool:
        for proxy_row in range(self.proxy.rowCount()):
            row = self.proxy.index(proxy_row, 0).data(ROW_ROLE)
            if row is not None and row.item.id == item_id:
                self._select(proxy_row)
                return True
        return False

    def _keeping_current(self, change: Callable[[], None]) -> None:
        """Change the filter, then show the item the panel is on if it still passes, else the first one: the
        panel never shows an item the list hides."""
        current = self.current_row()
        change()
        if self.proxy.rowCount() == 0:
            self._show_current()
            if self.model.rowCount():
                self.say(_("No item matches this filter: choose \u201cAll items\u201d or change the search "
                                       "(Ctrl+F)."))
                self._said_empty = True
            return
        if self._said_empty:
            self._said_empty = False
            self.say("")
        if current is None or not self.select_item(current.item.id):
            self._select(0)
        self._show_current()

    def show_shortcuts(self) -> None:
        QMessageBox.information(self, _("Keyboard shortcuts"), shortcut_sheet())

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if key in (Qt.Key.Key_J, Qt.Key.Key_K):
            self._move(1 if key == Qt.Key.Key_J else -1)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.editor.value.setFocus()
            row = self.current_row()
            if row is not None and row.item.answer.type is AnswerType.MEASURE:
                self.editor.value.end(False)  # readings are added, never typed over
            else:
                self.editor.value.selectAll()
            return True
        if key == Qt.Key.Key_Question:
            self.show_shortcuts()
            return True
        if key == Qt.Key.Key_N:
            self.editor.note.setFocus()
            return True
        if key == Qt.Key.Key_H:
            self.show_history()
            return True
        if key == Qt.Key.Key_F and self.finding_button.isVisible():
            self.evidence.record_finding()
            return True
        if key in _VERDICT_KEYS:
            self._verdict_key(_VERDICT_KEYS[Qt.Key(key)])
            return True
        return False

    def _verdict_key(self, verdict: ItemVerdict) -> None:
        row = self.current_row()
        if row is None or not self.editor.isVisible():
            return
        if row.by_rule:
            # Nothing to answer: the unit's facts exclude the item. Say why (change the facts to change it).
            self.say(
                _("{item} does not apply by rule: {why}").format(
                    item=row.item.id, why=describe_applicability(row.applicability)
                )
            )
            return
        if verdict is ItemVerdict.NOT_APPLICABLE:
            # 不适用 is saved at once (with the reason it had, if any); the reason box keeps the focus until
            # Enter saves the reason, so nothing typed next lands in the list.
            values = row.answer.values if row.answer else None
            reason = values.na_reason if values and values.verdict is ItemVerdict.NOT_APPLICABLE else ""
            self.editor.reason.setFocus()
            self._write(row, AnswerInput(verdict=verdict, na_reason=reason, note=self._note(row)),
                        focus=self.editor.reason)
            return
        if row.item.answer.type not in _CHOSEN_VERDICT:
            # Measured, counted or chosen items take their value; the verdict follows from it.
            self.editor.value.setFocus()
            self.say(_("Type the value for {item} and press Enter").format(item=row.item.id))
            return
        self._write(row, AnswerInput(verdict=verdict, note=self._note(row)), then_next=True)

    @staticmethod
    def _note(row: ItemRow) -> str:
        return row.answer.values.note if row.answer else ""

    # Writing ---------------------------------------------------------------------------------------------
    def _inspection_id(self) -> uuid.UUID | None:
        current = self.state.current if self.state else None
        return current.info.id if current else None

    def _write(
        self, row: ItemRow, answer: AnswerInput, then_next: bool = False, focus: QWidget | None = None
    ) -> None:
        inspection_id = self._inspection_id()
        if inspection_id is None:
            return
        if not self.runner.database.actor.strip():
            # Every answer names its inspector: none is set, so nothing is recorded.
            self.say(_("Who is working? Set your name, department and inspector id in "
                                   "File → Settings before answering; nothing was saved."))
            return
        item_id = row.item.id
        self.say("")
        if self._concluded():
            self._ask_correction(row, answer)
            return

        def done(outcome: ItemOutcome) -> None:
            # Still undecided (more samples needed): stay on the item so the next value goes to it.
            if then_next and outcome.verdict is not ItemVerdict.PENDING:
                self._move(1)
            (focus or self.view).setFocus()

        self.runner.write(
            lambda session, task: checklists.answer_item(session, inspection_id, item_id, answer)
        ).success(done).failure(self._error).run()

    def _answer_from_editor(self, answer: AnswerInput) -> None:
        row = self.current_row()
        if row is not None:
            self._write(row, answer, then_next=True)

    def _note_from_editor(self, note: str) -> None:
        row, inspection_id = self.current_row(), self._inspection_id()
        if row is None or inspection_id is None:
            return
        if self._concluded():
            if row.answer is not None:
                self._write(row, replace(row.answer.values, note=note))
            return
        item_id = row.item.id
        self.runner.write(
            lambda session, task: checklists.set_note(session, inspection_id, item_id, note)
        ).success(lambda _v: self.view.setFocus()).failure(self._error).run()

    def undo(self) -> None:
        inspection_id = self._inspection_id()
        if inspection_id is None:
            return

        def undone(item_id: str) -> None:
            # Back on the item that changed, and say what was taken back.
            if not self.select_item(item_id):
                self.filter_mode.setCurrentIndex(self.filter_mode.findData(Filter.ALL))
                self.select_item(item_id)
            row = self.current_row()
            now = item_verdict_text(row.verdict) if row is not None else ""
            self.say(_("Undone: the last answer to {item}; it is now {verdict}").format(
                item=item_id, verdict=now), notice=True)
            self.view.setFocus()

        self.runner.write(lambda session, task: checklists.undo_last(session, inspection_id)).success(
            undone).failure(self._error).run()

    def start(self, kind: InspectionKind) -> None:
        if self.unit_id is None:
            return
        unit_id, discipline, settings = self.unit_id, self.discipline, self.settings()
        folder = forms_folder(settings)
        self.runner.write(
            lambda session, task: checklists.start_inspection(
                session, unit_id, discipline, kind, forms_folder=folder, jurisdiction=settings.jurisdiction
            )
        ).success(lambda _result: self.view.setFocus()).failure(self._error).run()

    def conclude(self) -> None:
        inspection_id = self._inspection_id()
        if inspection_id is not None:
            self.runner.write(
                lambda session, task: verdicts.conclude_inspection(session, inspection_id)
            ).failure(self._error).run()

    def say(self, text: str, notice: bool = False) -> None:
        """The message line: red for what went wrong or is needed, green for what was done."""
        self.message.setStyleSheet("color: #1a6b1a;" if notice else "color: #c00;")
        self.message.setText(text)

    # A concluded discipline: 更正 with a reason, 撤销结论, history ---------------------------------------------
    def _concluded(self) -> bool:
        current = self.state.current if self.state else None
        return current is not None and current.info.status is InspectionStatus.COMPLETED

    def _ask_reason(self, title: str, explanation: str, action: str, example: str,
                    then: Callable[[str], None]) -> None:
        dialog = ReasonDialog(title, explanation, action, example, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reason_given.connect(then)
        dialog.finished.connect(lambda _result: self.view.setFocus())
        self._reason_dialog = dialog
        dialog.open()

    def _ask_correction(self, row: ItemRow, answer: AnswerInput) -> None:
        current = self.state.current if self.state else None
        assert current is not None
        verdict = label(current.info.verdict) if current.info.verdict else ""
        new = answer_words(row.item, answer) or (label(answer.verdict) if answer.verdict else "")
        if answer.verdict is not None and answer_words(row.item, answer):
            new = f"{label(answer.verdict)}：{new}"
        explanation = _(
            "{discipline} of this unit is concluded ({verdict}). Item {item}: \u201c{old}\u201d becomes "
            "\u201c{new}\u201d. Say why: the reason is recorded with the correction and shown in the item's "
            "history. A correction that would change the verdict is refused; reopen the conclusion first."
        ).format(discipline=label(self.discipline), verdict=verdict, item=row.item.id,
                 old=answer_text(row) or row_verdict_text(row), new=new)
        self._ask_reason(_("Correct a concluded answer"), explanation, _("Correct"), "读数误记，现场复核为1.10 m",
                         lambda reason: self._correct(row.item.id, answer, reason))

    def _correct(self, item_id: str, answer: AnswerInput, reason: str) -> None:
        inspection_id = self._inspection_id()
        if inspection_id is None:
            return

        def done(correction: Correction) -> None:
            text = _("{item} corrected; the reason is recorded in its history.").format(item=item_id)
            if correction.stale_record_sheets:
                text += " " + _("Issue the record sheet again: {numbers} no longer matches the answers.").format(
                    numbers="、".join(correction.stale_record_sheets))
            self.say(text, notice=True)
            self.view.setFocus()

        self.runner.write(
            lambda session, task: checklists.correct_answer(session, inspection_id, item_id, answer, reason)
        ).success(done).failure(self._error).run()

    def reopen(self) -> None:
        inspection_id = self._inspection_id()
        if inspection_id is None or not self._concluded():
            return
        explanation = _(
            "Reopening sets {discipline} of this unit back to \u201cin progress\u201d: its answers stay, the "
            "verdict is cleared until you conclude again. Not possible once the joint opinion has been issued. "
            "Say why: the reason is recorded."
        ).format(discipline=label(self.discipline))

        def reopen_with(reason: str) -> None:
            self.runner.write(
                lambda session, task: corrections.reopen_inspection(session, inspection_id, reason)
            ).success(lambda _r: self.say(_("Reopened: answer, then conclude again."), notice=True)
                      ).failure(self._error).run()

        self._ask_reason(_("Reopen the conclusion"), explanation, _("Reopen"), "复核发现消防车道被占用，需重新判定",
                         reopen_with)

    def show_history(self) -> None:
        row, inspection_id = self.current_row(), self._inspection_id()
        if row is not None and inspection_id is not None:
            open_answer_history(self.runner, inspection_id, row.item.id, self)

    def _error(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            self.say(describe_error(error))
        else:
            show_exception(self, error)
