"""The unit facts dialog: what the checklist rules need to know about a unit (人员密集场所, sprinkler systems,
消防电梯, garage, stairs...), and the derived facts (高层, 一类/二类, fire regime...) with their reasons, each of which
the inspector may override with a reason. Unknown stays unknown: an item that depends on it is still checked."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from acceptance_app.domain.entities import UnitData
from acceptance_app.domain.unit_facts import OVERRIDABLE, Override, Sprinkler, UnitFacts, derive_all
from acceptance_app.i18n import _
from acceptance_app.text.unit_facts import describe_derived, describe_value, fact_name, value_words

BOOL_FACTS = (
    "crowded", "fire_lift", "ev_charging", "shared_stair", "scissor_stair", "kitchen", "elderly_care",
    "curtain_wall", "smoke_curtain", "class_one_use",
)
_TRI = ((None, "unknown"), (True, "yes"), (False, "no"))


def _tri_combo(value: bool | None) -> QComboBox:
    combo = QComboBox()
    for data, word in _TRI:
        combo.addItem(_(word) if word == "unknown" else value_words(["true" if data else "false"]), data)
    combo.setCurrentIndex(next(n for n, (data, _w) in enumerate(_TRI) if data is value))
    return combo


def _number(text: str, kind: type) -> float | int | None:
    text = text.strip()
    if not text:
        return None
    try:
        return kind(text)
    except ValueError:
        return None


class UnitFactsDialog(QDialog):
    def __init__(self, data: UnitData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Unit facts: {name}").format(name=data.name))
        self.data = data
        self.result_data: UnitData | None = None
        facts = data.facts
        form = QFormLayout()
        self.bools = {name: _tri_combo(getattr(facts, name)) for name in BOOL_FACTS}
        for name, combo in self.bools.items():
            combo.setObjectName(f"fact_{name}")
            combo.currentIndexChanged.connect(self._refresh)
            form.addRow(fact_name(name), combo)
        self.sprinkler_state = QComboBox()
        self.sprinkler_state.setObjectName("fact_sprinklers")
        for data_value, word in ((None, _("unknown")), ("none", value_words(["none"])), ("some", _("present"))):
            self.sprinkler_state.addItem(word, data_value)
        state = None if facts.sprinklers is None else ("some" if facts.sprinklers else "none")
        self.sprinkler_state.setCurrentIndex(self.sprinkler_state.findData(state))
        self.sprinkler_boxes = {s: QCheckBox(value_words([s.value])) for s in Sprinkler}
        sprinkler_row = QHBoxLayout()
        sprinkler_row.addWidget(self.sprinkler_state)
        for kind, box in self.sprinkler_boxes.items():
            box.setChecked(bool(facts.sprinklers and kind in facts.sprinklers))
            box.toggled.connect(self._refresh)
            sprinkler_row.addWidget(box)
        self.sprinkler_state.currentIndexChanged.connect(self._refresh)
        form.addRow(fact_name("sprinklers"), sprinkler_row)
        self.parking = QLineEdit("" if facts.parking_spaces is None else str(facts.parking_spaces))
        self.depth_edit = QLineEdit("" if facts.underground_depth is None else f"{facts.underground_depth:g}")
        for edit in (self.parking, self.depth_edit):
            edit.textChanged.connect(self._refresh)
        form.addRow(fact_name("parking_spaces"), self.parking)
        form.addRow(fact_name("underground_depth"), self.depth_edit)
        stated = QGroupBox(_("Facts of the unit"))
        stated.setLayout(form)

        self.derived_grid = QGridLayout()
        self.overrides: dict[str, tuple[QComboBox, QLineEdit]] = {}
        self.derived_labels: dict[str, QLabel] = {}
        for row, name in enumerate(OVERRIDABLE):
            value = QLabel()
            value.setWordWrap(True)
            self.derived_labels[name] = value
            choice = QComboBox()
            choice.setObjectName(f"override_{name}")
            choice.addItem(_("as derived"), None)
            for option in OVERRIDABLE[name]:
                choice.addItem(value_words([option]), option)
            reason = QLineEdit()
            reason.setObjectName(f"override_reason_{name}")
            reason.setPlaceholderText(_("reason for the override"))
            current = data.overrides.get(name)
            if current is not None:
                choice.setCurrentIndex(max(choice.findData(current.value), 0))
                reason.setText(current.reason)
            choice.currentIndexChanged.connect(self._refresh)
            reason.textChanged.connect(self._refresh)
            self.overrides[name] = (choice, reason)
            self.derived_grid.addWidget(QLabel(fact_name(name)), row, 0)
            self.derived_grid.addWidget(value, row, 1)
            self.derived_grid.addWidget(choice, row, 2)
            self.derived_grid.addWidget(reason, row, 3)
        self.derived_grid.setColumnStretch(1, 2)
        self.derived_grid.setColumnStretch(3, 1)
        derived = QGroupBox(_("Derived facts (GB 50016, MOHURD order 51) and overrides"))
        derived.setLayout(self.derived_grid)

        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(stated)
        inner.addWidget(derived)
        scroll = QScrollArea()  # fits a 1366x768 screen: the facts scroll, the buttons stay
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(900, 640)
        self._refresh()

    def _facts(self) -> UnitFacts:
        state = self.sprinkler_state.currentData()
        sprinklers: frozenset[Sprinkler] | None = None
        if state == "none":
            sprinklers = frozenset()
        elif state == "some":
            sprinklers = frozenset(k for k, box in self.sprinkler_boxes.items() if box.isChecked())
        return UnitFacts(
            **{name: combo.currentData() for name, combo in self.bools.items()},
            sprinklers=sprinklers,
            parking_spaces=_int_or_none(_number(self.parking.text(), int)),
            underground_depth=_number(self.depth_edit.text(), float),
        )

    def _overrides(self) -> tuple[dict[str, Override], list[str]]:
        result: dict[str, Override] = {}
        missing: list[str] = []
        for name, (choice, reason) in self.overrides.items():
            value = choice.currentData()
            if value is None:
                continue
            if not reason.text().strip():
                missing.append(name)
            old = self.data.overrides.get(name)
            keep = old is not None and old.value == value and old.reason == reason.text().strip()
            result[name] = old if keep and old is not None else Override(value, reason.text().strip())
        return result, missing

    def updated(self) -> UnitData:
        overrides, _missing = self._overrides()
        return dataclasses.replace(self.data, facts=self._facts(), overrides=overrides)

    def _refresh(self) -> None:
        for box in self.sprinkler_boxes.values():
            box.setEnabled(self.sprinkler_state.currentData() == "some")
        # Derive from the facts as entered, without the overrides: the inspector sees what they replace.
        derived = derive_all(dataclasses.replace(self.data, facts=self._facts(), overrides={}))
        for name, label in self.derived_labels.items():
            d = derived[name]
            label.setText(f"<b>{describe_value(d.value)}</b>　{describe_derived(d)}")
        _overrides, missing = self._overrides()
        bad_number = (self.parking.text().strip() and _number(self.parking.text(), int) is None) or (
            self.depth_edit.text().strip() and _number(self.depth_edit.text(), float) is None
        )
        texts = [_("Overriding {fact} needs a reason").format(fact=fact_name(n)) for n in missing]
        if bad_number:
            texts.append(_("Parking spaces and depth must be numbers"))
        self.problem.setText("；".join(texts))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not texts)

    def _accept(self) -> None:
        self._refresh()
        if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            self.result_data = self.updated()
            self.accept()


def _int_or_none(value: float | int | None) -> int | None:
    return None if value is None else int(value)
