"""The Qt binding itself: defects that would crash the app after hours of use, not at once.

PySide6 6.12.0 releases one reference to ``True`` too many on every Python ``Signal(bool)`` emit of ``True``
(the TaskRunner's busy_changed fires on each task); after a few thousand answers the interpreter aborts with
"bool_dealloc". pyproject.toml keeps PySide6 below 6.12 until this test passes on a newer one.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    flag = Signal(bool)


def test_emitting_a_bool_signal_does_not_leak_references_to_true(qapp) -> None:  # type: ignore[no-untyped-def]
    emitter = _Emitter()
    received: list[bool] = []
    emitter.flag.connect(lambda value: received.append(value))
    gc.collect()
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.flag.emit(True)
    received.clear()
    gc.collect()
    assert sys.getrefcount(True) - before > -50  # a defective binding gives -200
