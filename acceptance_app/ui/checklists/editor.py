"""The answer box under the checklist: measured values (verdict shown as you type), design value, reason for
不适用, note. Enter saves, Esc goes back to the list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from acceptance_app.domain.checklists.answers import AnswerInput, evaluate_item
from acceptance_app.domain.checklists.form import AnswerType
from acceptance_app.domain.checklists.jurisdiction import EMPTY_JURISDICTION, Jurisdiction
from acceptance_app.domain.checklists.sheet import ItemRow
from acceptance_app.domain.checklists.tolerance import parse_tolerance
from acceptance_app.domain.checklists.typed import answer_from_text
from acceptance_app.domain.enums import ItemVerdict
from acceptance_app.domain.problems import KnownError
from acceptance_app.i18n import _
from acceptance_app.messages import describe_error
from acceptance_app.unit_fact_messages import describe_applicability

from acceptance_app.ui.checklists.text import VERDICT_COLORS, item_verdict_text


class _Box(QLineEdit):
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class AnswerEditor(QWidget):
    answer_ready = Signal(object)  # AnswerInput
    note_ready = Signal(str)
    done = Signal()  # Esc: back to the list
    verdict_clicked = Signal(object)  # ItemVerdict, from the buttons (mouse and touch)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: ItemRow | None = None
        self.resample = True
        self.jurisdiction: Jurisdiction = EMPTY_JURISDICTION
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.value = _Box()
        self.value.setObjectName("answer_value")
        self.design = _Box()
        self.design.setObjectName("answer_design")
        self.reason = _Box()
        self.reason.setObjectName("answer_reason")
        self.note = _Box()
        self.note.setObjectName("answer_note")
        self.live = QLabel()
        self.live.setObjectName("live_verdict")
        self.live.setMinimumWidth(160)
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
        # Two compact rows: the list above must keep most of the height.
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.addWidget(self.title, 0, 0, 1, 3)
        grid.addLayout(buttons, 0, 3, 1, 2)
        grid.addWidget(QLabel(_("Value")), 1, 0)
        grid.addWidget(self.value, 1, 1)
        grid.addWidget(self.live, 1, 2)
        grid.addWidget(QLabel(_("Design value")), 1, 3)
        grid.addWidget(self.design, 1, 4)
        grid.addWidget(QLabel(_("Reason (N/A)")), 2, 0)
        grid.addWidget(self.reason, 2, 1, 1, 2)
        grid.addWidget(QLabel(_("Note")), 2, 3)
        grid.addWidget(self.note, 2, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(4, 2)
        for box in (self.value, self.design, self.reason):
            box.returnPressed.connect(self._submit)
            box.escaped.connect(self.done)
        self.note.returnPressed.connect(lambda: self.note_ready.emit(self.note.text()))
        self.note.escaped.connect(self.done)
        self.value.textChanged.connect(self._preview)
        self.design.textChanged.connect(self._preview)
        self.show_row(None)

    def show_row(self, row: ItemRow | None, jurisdiction: Jurisdiction | None = None, resample: bool = True) -> None:
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
        if row is None:
            self.title.setText("")
        else:
            spec = row.item.answer
            hint = {
                AnswerType.MEASURE: _("measured values ({unit}), several separated by commas; rule {rule}"),
                AnswerType.COUNT: _("a whole number"),
                AnswerType.CHOICE: _("one of: {options}"),
            }.get(spec.type, _("1 pass, 2 fail, 3 not applicable"))
            why = describe_applicability(row.applicability)
            advisory_note = _("Advisory clause: not meeting it is recorded as advice, never a failure")
            na_title = _("N/A by rule")
            self.title.setText(
                f"<b>{row.item.id}</b> {row.item.text} — {row.item.criterion}<br/><small>"
                + hint.format(unit=spec.unit, rule=spec.tolerance, options="、".join(spec.options))
                + f" · {row.item.source.standard} {row.item.source.clause}</small>"
                + (f"<br/><small>{advisory_note}</small>" if row.item.advisory else "")
                + (f"<br/><b>{na_title}</b>：{why}" if row.by_rule else "")
            )
        self.value.setText(self._value_text(row, values))
        self.design.setText("" if values.design is None else f"{values.design:g}")
        self.design.setEnabled(bool(row) and not row.by_rule and self._needs_design(row))
        self.reason.setText(values.na_reason)
        self.note.setText(values.note)
        self._preview()

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
        if row is None or values.verdict is ItemVerdict.NOT_APPLICABLE:
            return ""
        if values.samples:
            return ", ".join(f"{v:g}" for v in values.samples)
        if values.choice:
            return values.choice
        return (
            {ItemVerdict.PASS: "1", ItemVerdict.FAIL: "2"}.get(values.verdict, "") if values.verdict else ""
        )

    def current_answer(self) -> AnswerInput:
        assert self.row is not None
        text = self.value.text()
        if not text.strip() and self.reason.text().strip():
            text = "3"  # only a reason: 不适用
        return answer_from_text(
            self.row.item, text, self.design.text(), self.reason.text().strip(), self.note.text().strip()
        )

    def _preview(self) -> None:
        if self.row is None or not self.value.text().strip():
            self.live.setText("")
            self.live.setStyleSheet("")
            return
        try:
            outcome = evaluate_item(self.row.item, self.current_answer(), self.jurisdiction, self.resample)
        except KnownError as error:
            self.live.setText(describe_error(error))
            self.live.setStyleSheet("color: #a00;")
            return
        text = item_verdict_text(outcome.verdict)
        if outcome.samples_needed:
            text += " " + _("({count} more sample(s))").format(count=outcome.samples_needed)
        self.live.setText(text)
        color = VERDICT_COLORS[outcome.verdict] or "transparent"
        self.live.setStyleSheet(f"background: {color}; padding: 2px 6px;")

    def _submit(self) -> None:
        if self.row is None:
            return
        try:
            answer = self.current_answer()
        except KnownError as error:
            self.live.setText(describe_error(error))
            return
        self.answer_ready.emit(answer)
