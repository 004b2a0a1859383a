"""The answer box under the checklist: the item and its rule, the readings taken so far (each one deletable), a box
for the next value (its verdict shown as you type), design value, reason for 不适用, note.

不适用 is an answer kind, never a value: only the 3 key, the 3 button or Enter in the reason box make it, and the
reason box never goes through the value parser (a "3" there once became a reading of 3 Pa that failed a class-A
item). Readings of a measured item are appended, so "Enter, type, Enter" twice gives two samples. What the
inspector is typing is kept when the saved answer comes back from the database.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from acceptance_app.domain.checklists.answers import AnswerInput, evaluate_item
from acceptance_app.domain.checklists.form import AnswerType
from acceptance_app.domain.checklists.jurisdiction import EMPTY_JURISDICTION, Jurisdiction
from acceptance_app.domain.checklists.sheet import ItemRow
from acceptance_app.domain.checklists.tolerance import parse_tolerance
from acceptance_app.domain.checklists.typed import answer_from_text
from acceptance_app.domain.enums import ItemVerdict
from acceptance_app.domain.problems import KnownError
from acceptance_app.i18n import _
from acceptance_app.text import describe_error
from acceptance_app.text.unit_facts import describe_applicability

from acceptance_app.ui.checklists.text import VERDICT_COLORS, item_verdict_text, rule_text
from acceptance_app.ui.widgets.clamped_label import ClampedLabel

KEY_HINT = "F1 {all} · Enter {value} · J/K {move} · N {note} · F {finding} · Ctrl+Z {undo}"


def key_hint() -> str:
    """One short line (1/2/3 are on the buttons); F1 lists every key."""
    return KEY_HINT.format(all=_("all shortcuts"), value=_("value"), move=_("up/down"), note=_("note"),
                           finding=_("finding"), undo=_("undo"))


class _Box(QLineEdit):
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class _Samples(QListWidget):
    """The readings of a measured item, left to right; Delete removes the selected one."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class AnswerEditor(QWidget):
    answer_ready = Signal(object)  # AnswerInput
    note_ready = Signal(str)
    done = Signal()  # Esc: back to the list
    verdict_clicked = Signal(object)  # ItemVerdict, from the buttons (mouse and touch)
    problem = Signal(str)  # why Enter saved nothing (shown on the tab's message line)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: ItemRow | None = None
        self.resample = True
        self.jurisdiction: Jurisdiction = EMPTY_JURISDICTION
        self._samples: tuple[float, ...] = ()
        self._edited: set[QLineEdit] = set()  # boxes the inspector typed into since the item was shown
        # Three lines at most (the whole text in the tooltip): a long title once drew over the list above.
        self.title = ClampedLabel(3)
        self.title.setObjectName("answer_title")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.keys = ClampedLabel(2)
        self.keys.setText(key_hint())
        self.keys.setObjectName("answer_keys")
        self.keys.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # grey in light and dark themes
        self.value = _Box()
        self.value.setObjectName("answer_value")
        self.samples = _Samples()
        self.samples.setObjectName("answer_samples")
        self.samples.setFlow(QListWidget.Flow.LeftToRight)
        self.samples.setFixedHeight(self.value.sizeHint().height() + 4)
        self.samples.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.samples.setToolTip(_("Readings taken so far; select one and press Delete to remove it"))
        self.delete_sample = QPushButton(_("Delete reading"))
        self.delete_sample.setObjectName("delete_sample")
        self.design = _Box()
        self.design.setObjectName("answer_design")
        self.reason = _Box()
        self.reason.setObjectName("answer_reason")
        self.reason.setPlaceholderText(_("why the item does not apply; Enter saves it as not applicable"))
        self.note = _Box()
        self.note.setObjectName("answer_note")
        self.live = QLabel()
        self.live.setObjectName("live_verdict")
        self.live.setMinimumWidth(120)
        self.buttons = {}
        buttons = QHBoxLayout()
        for verdict, text in (
            (ItemVerdict.PASS, _("1 Pass")),
            (ItemVerdict.FAIL, _("2 Fail")),
            (ItemVerdict.NOT_APPLICABLE, _("3 N/A")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"verdict_{verdict.value}")
            button.setMinimumHeight(32)  # a finger-sized target on a tablet
            button.clicked.connect(lambda _checked=False, v=verdict: self.verdict_clicked.emit(v))
            self.buttons[verdict] = button
            buttons.addWidget(button)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setVerticalSpacing(3)
        grid.addWidget(self.title, 0, 0, 1, 4)
        grid.addLayout(buttons, 0, 4, 1, 2)
        grid.addWidget(QLabel(_("Value")), 1, 0)
        grid.addWidget(self.value, 1, 1)
        grid.addWidget(self.live, 1, 2)
        self.samples_label = QLabel(_("Readings"))
        grid.addWidget(self.samples_label, 1, 3)
        grid.addWidget(self.samples, 1, 4)
        grid.addWidget(self.delete_sample, 1, 5)
        grid.addWidget(QLabel(_("Reason (N/A)")), 2, 0)
        grid.addWidget(self.reason, 2, 1, 1, 2)
        grid.addWidget(QLabel(_("Design value")), 2, 3)
        grid.addWidget(self.design, 2, 4, 1, 2)
        grid.addWidget(QLabel(_("Note")), 3, 0)
        grid.addWidget(self.note, 3, 1, 1, 2)
        grid.addWidget(self.keys, 3, 3, 1, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(4, 2)
        # Never squeezed below its height: the list above gives way instead (the panel once overlapped it).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        for box in (self.value, self.design):
            box.returnPressed.connect(self._submit_value)
        self.reason.returnPressed.connect(self._submit_reason)
        for box in (self.value, self.design, self.reason, self.note):
            box.escaped.connect(self.done)
            box.textEdited.connect(lambda _text, b=box: self._edited.add(b))
        self.note.returnPressed.connect(self._submit_note)
        self.value.textChanged.connect(self._preview)
        self.design.textChanged.connect(self._preview)
        self.delete_sample.clicked.connect(self._delete_sample)
        self.samples.delete_pressed.connect(self._delete_sample)
        self.show_row(None)

    # Showing an item -------------------------------------------------------------------------------------
    def show_row(self, row: ItemRow | None, jurisdiction: Jurisdiction | None = None, resample: bool = True) -> None:
        same_item = row is not None and self.row is not None and row.item.id == self.row.item.id
        if not same_item:
            self._edited.clear()
        self.row = row
        self.resample = resample  # 加倍抽查 only under the XF 836 scheme, as the sheet computes it
        if jurisdiction is not None:
            self.jurisdiction = jurisdiction
        self.setEnabled(row is not None)
        # An item 不适用 by rule opens to show why (the title stays readable); it takes no answer: change the
        # unit's facts instead.
        answerable = row is not None and not row.by_rule
        for widget in (self.value, self.reason, self.note, *self.buttons.values()):
            widget.setEnabled(answerable)
        values = row.answer.values if row and row.answer else AnswerInput()
        self.title.setText(self._title_html(row))
        measured = row is not None and row.item.answer.type is AnswerType.MEASURE
        self._samples = values.samples if measured else ()
        self.samples.setVisible(measured)
        self.samples_label.setVisible(measured)
        self.delete_sample.setVisible(measured)
        self.samples.clear()
        unit = row.item.answer.unit if row else ""
        for n, sample in enumerate(self._samples, start=1):
            item = QListWidgetItem(f"{n}: {sample:g} {unit}".strip())
            failed = row is not None and (n - 1) in row.failed_samples
            item.setToolTip(_("reading {n}").format(n=n) + ("  " + _("outside the rule") if failed else ""))
            self.samples.addItem(item)
        self.delete_sample.setEnabled(bool(self._samples))
        self.value.setPlaceholderText(self._placeholder(row))
        self._set(self.value, self._value_text(row, values))
        self._set(self.design, "" if values.design is None else f"{values.design:g}")
        self.design.setEnabled(row is not None and not row.by_rule and self._needs_design(row))
        self._set(self.reason, values.na_reason)
        self._set(self.note, values.note)
        self._preview()

    def _set(self, box: QLineEdit, text: str) -> None:
        if box not in self._edited:  # what the inspector is typing survives the reload after a save
            box.setText(text)

    def _title_html(self, row: ItemRow | None) -> str:
        if row is None:
            return ""
        item, spec = row.item, row.item.answer
        rule = rule_text(row, self.jurisdiction)
        what = {
            AnswerType.MEASURE: _("readings in {unit}, Enter adds each; rule {rule}"),
            AnswerType.COUNT: _("a whole number; rule {rule}"),
            AnswerType.CHOICE: _("one of: {options}"),
        }.get(spec.type, _("1 pass, 2 fail, 3 not applicable"))
        hint = what.format(unit=spec.unit, rule=rule, options="、".join(spec.options))
        # Every text from the form is escaped: a rule such as "<= 60 s" is text, not markup.
        advisory_note = _("Advisory clause: not meeting it is recorded as advice, never a failure")
        why = describe_applicability(row.applicability)
        heading = f"<b>{html.escape(item.id)}</b> {html.escape(item.text)} — {html.escape(item.criterion)}<br/>"
        basis = f"{html.escape(item.source.standard)} {html.escape(item.source.clause)}"
        if row.by_rule:
            # Not answerable: why it does not apply comes first (the panel shows three lines), not how to answer.
            return (heading + f"<b>{html.escape(_('N/A by rule'))}</b>：{html.escape(why)}"
                    + f"<br/><small>{basis}</small>")
        return (
            heading + f"<small>{html.escape(hint)} · {basis}</small>"
            + (f"<br/><small>{html.escape(advisory_note)}</small>" if item.advisory else "")
        )

    @staticmethod
    def _placeholder(row: ItemRow | None) -> str:
        if row is None:
            return ""
        kind = row.item.answer.type
        if kind is AnswerType.MEASURE:
            return _("next reading ({unit}); several separated by commas").format(unit=row.item.answer.unit)
        if kind is AnswerType.COUNT:
            return _("a whole number")
        if kind is AnswerType.CHOICE:
            return "、".join(row.item.answer.options)
        return _("Pass / Fail")

    @staticmethod
    def _needs_design(row: ItemRow | None) -> bool:
        if row is None:
            return False
        spec = row.item.answer
        if spec.type is AnswerType.COUNT:
            return "design" in (spec.min, spec.max)
        if spec.type is AnswerType.MEASURE:
            try:
                return parse_tolerance(spec.tolerance).needs_design
            except KnownError:
                return True
        return False

    @staticmethod
    def _value_text(row: ItemRow | None, values: AnswerInput) -> str:
        """What the value box shows for the stored answer: words, never the 1/2 key codes; empty for readings
        (they are in the list beside it) and for 不适用 (its reason is in its own box)."""
        if row is None or values.verdict is ItemVerdict.NOT_APPLICABLE:
            return ""
        kind = row.item.answer.type
        if kind is AnswerType.COUNT and values.samples:
            return f"{values.samples[0]:g}"
        if kind is AnswerType.CHOICE:
            return values.choice
        if kind in (AnswerType.VERDICT, AnswerType.TEXT) and values.verdict is not None:
            return item_verdict_text(values.verdict)
        return ""

    # What the boxes hold -------------------------------------------------------------------------------
    def _typed(self) -> AnswerInput | None:
        """The value box and design box as an answer (None when both are empty). Raises KnownError."""
        assert self.row is not None
        text = self.value.text().strip()
        if not text:
            if self.row.item.answer.type is AnswerType.MEASURE and self._samples:
                # Only the design value changed: the readings stay.
                return AnswerInput(samples=self._samples, design=self._design(), note=self._note_text())
            return None
        parsed = answer_from_text(self.row.item, text, self.design.text(), note=self._note_text())
        if parsed.verdict is not ItemVerdict.NOT_APPLICABLE and self.reason.text().strip():
            # A reason says 不适用, the value box says otherwise (the trial's "3" typed as a reading): ask.
            raise KnownError("answer.value_and_reason", item=self.row.item.id)
        if parsed.verdict is ItemVerdict.NOT_APPLICABLE:
            # "不适用" or "na" typed as a word: the reason box still holds the reason, never a value.
            return AnswerInput(verdict=ItemVerdict.NOT_APPLICABLE, na_reason=self.reason.text().strip(),
                               note=parsed.note)
        if self.row.item.answer.type is AnswerType.MEASURE:
            return AnswerInput(samples=self._samples + parsed.samples, design=parsed.design, note=parsed.note)
        return parsed

    def _design(self) -> float | None:
        assert self.row is not None
        from acceptance_app.domain.checklists.typed import parse_design

        return parse_design(self.row.item, self.design.text())

    def _note_text(self) -> str:
        return self.note.text().strip()

    def current_answer(self) -> AnswerInput | None:
        """The answer Enter in the value box would save (None: nothing typed)."""
        return self._typed()

    def _preview(self) -> None:
        if self.row is None:
            self.live.setText("")
            self.live.setStyleSheet("")
            return
        try:
            answer = self._typed() if self.value.text().strip() else None
        except KnownError as error:
            self._show_live(describe_error(error), "")
            return
        if answer is None:
            stored = self.row.verdict if self.row.answer else None
            self._show_live(item_verdict_text(stored) if stored else "", VERDICT_COLORS.get(stored) if stored else "")
            return
        try:
            outcome = evaluate_item(self.row.item, answer, self.jurisdiction, self.resample)
        except KnownError as error:
            self._show_live(describe_error(error), "")
            return
        text = item_verdict_text(outcome.verdict)
        if outcome.samples_needed:
            text += " " + _("({count} more sample(s))").format(count=outcome.samples_needed)
        self._show_live(text, VERDICT_COLORS[outcome.verdict] or "")

    def _show_live(self, text: str, color: str | None) -> None:
        self.live.setText(text)
        # Background and text colour together, so the verdict reads the same in a dark theme.
        self.live.setStyleSheet(f"background: {color}; color: #000; padding: 2px 6px;" if color else "")

    # Saving ----------------------------------------------------------------------------------------------
    def _emit(self, answer: AnswerInput) -> None:
        self._edited.clear()
        self.answer_ready.emit(answer)

    def _submit_value(self) -> None:
        if self.row is None:
            return
        try:
            answer = self._typed()
        except KnownError as error:
            self._show_live(_("not saved"), "")
            self.problem.emit(describe_error(error))
            return
        if answer is not None:
            self.value.clear()
            self._emit(answer)

    def _submit_reason(self) -> None:
        """Enter in the reason box: 不适用 with this reason, whatever the item's answer type."""
        if self.row is None:
            return
        self._emit(AnswerInput(verdict=ItemVerdict.NOT_APPLICABLE, na_reason=self.reason.text().strip(),
                               note=self._note_text()))

    def _submit_note(self) -> None:
        self._edited.discard(self.note)
        self.note_ready.emit(self.note.text())

    def _delete_sample(self) -> None:
        if self.row is None or not self._samples:
            return
        index = self.samples.currentRow()
        if index < 0:
            index = len(self._samples) - 1  # nothing selected: the last reading, the one most often mistyped
        remaining = self._samples[:index] + self._samples[index + 1:]
        try:
            design = self._design()
        except KnownError:
            design = self.row.answer.values.design if self.row.answer else None
        self._emit(AnswerInput(samples=remaining, design=design, note=self._note_text()))
