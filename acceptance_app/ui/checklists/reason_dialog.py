"""Asks why a concluded discipline is changed (更正 of an answer, 撤销结论): the reason is recorded with the
change, so the dialog explains that and accepts nothing shorter than the service does. Opened with ``open()``
(window-modal, not a nested event loop): the caller acts on ``reason_given``."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from acceptance_app.i18n import _
from acceptance_app.services.checklists.corrections import MIN_REASON_CHARS


class ReasonDialog(QDialog):
    reason_given = Signal(str)

    def __init__(self, title: str, explanation: str, action: str, example: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reason_dialog")
        self.setWindowTitle(title)
        self.explanation = QLabel(explanation)
        self.explanation.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason_text")
        self.reason.setPlaceholderText(_("Reason (at least {count} characters), e.g. {example}")
                                       .format(count=MIN_REASON_CHARS, example=example))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("reason_ok")
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda value: self.ok.setEnabled(len(" ".join(value.split())) >= MIN_REASON_CHARS))
        self.reason.returnPressed.connect(self._accept_if_ok)
        self.buttons.accepted.connect(self._accept_if_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _accept_if_ok(self) -> None:
        if self.ok.isEnabled():
            self.accept()
            self.reason_given.emit(" ".join(self.reason.text().split()))
