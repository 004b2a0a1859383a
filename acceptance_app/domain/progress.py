"""The one progress-and-cancel interface of slow work (photo import, hub push/pull, rendering, signing).

Plain values, no Qt: the UI runner's ``TaskState`` implements it and polls it every 100 ms (Orange's
``TaskState``); the CLI passes nothing or a printer. Work reports ``progress(done, total, label)`` and looks at
``cancelled()`` between steps; what it committed before a cancel stays committed.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def progress(self, done: int, total: int, label: str = "") -> None: ...

    def cancelled(self) -> bool: ...
