"""A dialog of labelled fields that validates as you type.

Each field shows the domain's problems for it right below (errors in red, warnings in amber) once the user has
touched it: a new, empty dialog does not greet the user with red "必须填写" (field trial item 36); OK stays
disabled while any error remains. Validation is pure domain code, cheap enough for every keystroke.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from acceptance_app.domain.problems import Problem
from acceptance_app.text import describe_problem
from acceptance_app.text.labels import label

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5a00;"


@dataclass(frozen=True)
class Field:
    name: str
    title: str
    kind: str = "text"  # text | float | int | choice | bool
    choices: Sequence[Enum] = ()
    placeholder: str = ""
    maximum: float = 1e9
    optional_number: bool = True  # an empty number field means "unknown" (None)


class FormDialog(QDialog):
    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        build: Callable[[dict[str, Any]], Any],
        validate: Callable[[Any], list[Problem]],
        initial: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._fields = list(fields)
        self._build = build
        self._validate = validate
        self.editors: dict[str, QWidget] = {}
        self.problem_labels: dict[str, QLabel] = {}
        self.result_data: Any = None
        self.touched: set[str] = set()  # fields the user (or the prefill) changed: only they show problems

        form = QFormLayout()
        for spec in self._fields:
            editor = self._make_editor(spec)
            editor.setObjectName(f"field_{spec.name}")
            self.editors[spec.name] = editor
            problem = QLabel()
            problem.setObjectName(f"problem_{spec.name}")
            problem.setWordWrap(True)
            problem.hide()
            self.problem_labels[spec.name] = problem
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(editor)
            box.addWidget(problem)
            holder = QWidget()
            holder.setLayout(box)
            box.setContentsMargins(0, 0, 0, 0)
            form.addRow(spec.title, holder)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.general_problems = QLabel()
        self.general_problems.setWordWrap(True)
        self.general_problems.setStyleSheet(ERROR_STYLE)
        self.general_problems.hide()
        layout.addWidget(self.general_problems)
        layout.addWidget(self.buttons)
        if initial:
            self.set_values(initial)
        self.revalidate()

    # Editors -----------------------------------------------------------------------------------------
    def _make_editor(self, spec: Field) -> QWidget:
        if spec.kind == "choice":
            combo = QComboBox()
            for value in spec.choices:
                combo.addItem(label(value), value)
            combo.currentIndexChanged.connect(lambda _i, n=spec.name: self._touch(n))
            return combo
        if spec.kind == "bool":
            check = QCheckBox()
            check.toggled.connect(lambda _c, n=spec.name: self._touch(n))
            return check
        line = QLineEdit()
        line.setPlaceholderText(spec.placeholder)
        if spec.kind in ("float", "int"):
            line.setAlignment(Qt.AlignmentFlag.AlignRight)
        line.textChanged.connect(lambda _t, n=spec.name: self._touch(n))
        return line

    def _touch(self, name: str) -> None:
        self.touched.add(name)
        self.revalidate()

    def set_values(self, values: dict[str, Any]) -> None:
        for spec in self._fields:
            if spec.name not in values:
                continue
            editor, value = self.editors[spec.name], values[spec.name]
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(editor.findData(value), 0))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QLineEdit):
                editor.setText("" if value is None else (f"{value:g}" if isinstance(value, float) else str(value)))

    def raw_values(self) -> tuple[dict[str, Any], list[Problem]]:
        values: dict[str, Any] = {}
        problems: list[Problem] = []
        for spec in self._fields:
            editor = self.editors[spec.name]
            if isinstance(editor, QComboBox):
                values[spec.name] = editor.currentData()
            elif isinstance(editor, QCheckBox):
                values[spec.name] = editor.isChecked()
            elif isinstance(editor, QLineEdit):
                text = editor.text().strip()
                if spec.kind in ("float", "int"):
                    values[spec.name] = None
                    if text:
                        try:
                            number = float(text.replace(",", "")) if spec.kind == "float" else int(text)
                            values[spec.name] = number
                        except ValueError:
                            code = "number.not_a_number" if spec.kind == "float" else "number.not_an_integer"
                            problems.append(Problem(spec.name, code, params={"value": text}))
                else:
                    values[spec.name] = text
        return values, problems

    # Validation --------------------------------------------------------------------------------------
    def revalidate(self) -> list[Problem]:
        values, problems = self.raw_values()
        data = None
        if not problems:
            data = self._build(values)
            problems = self._validate(data)
        by_field: dict[str, list[Problem]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(problem)
        for name, widget in self.problem_labels.items():
            mine = by_field.pop(name, []) if name in self.touched else []
            by_field.pop(name, None)
            widget.setVisible(bool(mine))
            widget.setText("\n".join(describe_problem(p, with_field=False) for p in mine))
            widget.setStyleSheet(ERROR_STYLE if any(p.is_error for p in mine) else WARNING_STYLE)
        leftover = [p for group in by_field.values() for p in group] if self.touched else []
        self.general_problems.setVisible(bool(leftover))
        self.general_problems.setText("\n".join(describe_problem(p) for p in leftover))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not any(p.is_error for p in problems))
        self.result_data = data
        return problems

    def _accept(self) -> None:
        self.touched.update(spec.name for spec in self._fields)  # OK pressed: every problem shows
        problems = self.revalidate()
        if not any(p.is_error for p in problems):
            self.accept()
