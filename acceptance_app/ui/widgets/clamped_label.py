"""A word-wrapped label of at most N lines; the whole text is in its tooltip.

A wrapped QLabel asks its layout for as many lines as its text needs, and a long message or title then pushes
the controls below it off a 768-pixel screen (or draws over the list above). Clamped, the layout stays put.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ClampedLabel(QLabel):
    def __init__(self, lines: int, parent: QWidget | None = None, hide_when_empty: bool = False) -> None:
        super().__init__(parent)
        self.lines = lines
        self.hide_when_empty = hide_when_empty  # a message line that takes no height while it has nothing to say
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._fit()
        if hide_when_empty:
            self.hide()

    def _fit(self) -> None:
        self.setFixedHeight(self.fontMetrics().lineSpacing() * self.lines + 4)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text if text else "")
        if self.hide_when_empty:
            self.setVisible(bool(text))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._fit()
