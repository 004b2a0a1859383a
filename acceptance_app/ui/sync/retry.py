"""The automatic retry after a network failure, visible and cancellable (issue 17): a bounded backoff of
30/60/120/240/480 s counted down once a second ("将在 45 秒后重试…") with 立即重试 and 停止自动重试."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from acceptance_app.i18n import _

RETRY_DELAYS_S = (30, 60, 120, 240, 480)


class AutoRetry(QWidget):
    """One row: the countdown, 立即重试, 停止自动重试. Hidden while nothing waits for a retry."""

    retry = Signal(str)  # what to try again ("push" or "pull"): the countdown ended, or 立即重试
    text_changed = Signal(str)  # the countdown for the status bar; "" when no retry is due

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The time the countdown counts by: a test gives its own and ticks the timer by hand (no sleeping).
        self.clock: Callable[[], float] = time.monotonic
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.attempt = 0
        self.what = ""
        self.due = 0.0
        self.label = QLabel(objectName="sync_retry")
        self.now_button = QPushButton(_("Retry now"), objectName="sync_retry_now")
        self.now_button.clicked.connect(self.retry_now)
        self.cancel_button = QPushButton(_("Stop retrying"), objectName="sync_retry_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.now_button)
        row.addWidget(self.cancel_button)
        self.hide()

    @property
    def waiting(self) -> bool:
        """A retry is counted down (not while it runs)."""
        return self.timer.isActive()

    def schedule(self, what: str) -> bool:
        """Count down to the next attempt; False when the attempts are used up (the caller then says why)."""
        if self.attempt >= len(RETRY_DELAYS_S):
            self.cancel()
            return False
        delay = RETRY_DELAYS_S[self.attempt]
        self.attempt += 1
        self.what = what
        self.due = self.clock() + delay
        self.timer.start()
        self.show()
        self._say(_("Retrying in {seconds} s… (attempt {n} of {total})").format(
            seconds=delay, n=self.attempt, total=len(RETRY_DELAYS_S)))
        return True

    def seconds_left(self) -> int:
        return max(0, math.ceil(self.due - self.clock()))

    def tick(self) -> None:
        if not self.what:  # stopped meanwhile
            return
        left = self.seconds_left()
        if left <= 0:
            self.retry_now()
            return
        self._say(_("Retrying in {seconds} s… (attempt {n} of {total})").format(
            seconds=left, n=self.attempt, total=len(RETRY_DELAYS_S)))

    def retry_now(self) -> None:
        self.timer.stop()
        self._say(_("Retrying now… (attempt {n} of {total})").format(n=self.attempt, total=len(RETRY_DELAYS_S)))
        self.retry.emit(self.what or "push")

    def cancel(self) -> None:
        was = bool(self.what)
        self.timer.stop()
        self.attempt, self.what = 0, ""
        self.hide()
        if was:
            self.text_changed.emit("")

    def _say(self, text: str) -> None:
        self.label.setText(text)
        self.text_changed.emit(text)
