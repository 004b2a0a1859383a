"""The one runner for slow work (STYLE rule 3), modelled on Anki's QueryOp/CollectionOp over TaskManager.

- ``runner.write(fn)``: ``fn(session, task)`` runs on the single database-writer thread inside one
  transaction and returns ``Changes`` or ``(value, Changes)``; after commit ``changes_applied`` is emitted.
- ``runner.read(fn)``: ``fn(session, task)`` on the reader thread, with its own session, no commit.
- ``runner.slow(fn)``: ``fn(task)`` on the pool (photos, PDFs, signing, sync).

Each returns an Operation: ``.success(cb).failure(cb).with_progress(label).run()``. Results reach the GUI
thread through a queued signal; operations never touch widgets. ``task.progress(done, total, label)`` and
``task.cancelled()`` are plain values; the UI polls them every 100 ms and shows a progress dialog with a
Cancel button only after 600 ms. With ``inline=True`` (tests) everything runs synchronously.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from acceptance_app.i18n import _
from acceptance_app.services.changes import Changes

if TYPE_CHECKING:
    from acceptance_app.storage.db import Database

POLL_MS = 100
SHOW_PROGRESS_AFTER_S = 0.6


class Cancelled(Exception):
    """Raised by an operation that noticed ``task.cancelled()``; not an error for the user."""


@dataclass
class TaskState:
    """Shared between the worker (writes) and the GUI thread (reads); plain values only."""

    done: int = 0
    total: int = 0
    label: str = ""
    _cancel: threading.Event = field(default_factory=threading.Event)

    def progress(self, done: int, total: int, label: str = "") -> None:
        self.done, self.total, self.label = done, total, label or self.label

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self.cancelled():
            raise Cancelled()


class _InlineExecutor(Executor):
    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        fn(*args, **kwargs)
        return None


class _Relay(QObject):
    finished = Signal(object, object, object)  # operation, result, error


class Operation:
    def __init__(self, runner: TaskRunner, kind: str, fn: Callable[..., Any]) -> None:
        self._runner = runner
        self.kind = kind
        self.fn = fn
        self.state = TaskState()
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self.progress_label: str | None = None
        self.parent: QWidget | None = None
        self.started_at = 0.0
        self.dialog: QProgressDialog | None = None

    def success(self, callback: Callable[[Any], None]) -> Operation:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Operation:
        self._on_failure = callback
        return self

    def with_progress(self, label: str, parent: QWidget | None = None) -> Operation:
        self.progress_label = label
        self.parent = parent
        return self

    def run(self) -> Operation:
        self._runner._start(self)
        return self

    def cancel(self) -> None:
        self.state.cancel()


class TaskRunner(QObject):
    changes_applied = Signal(object)  # Changes
    busy_changed = Signal(bool)

    def __init__(self, database: Database, inline: bool = False, pool_workers: int = 2) -> None:
        super().__init__()
        self.database = database
        self.inline = inline
        self._writer: Executor = _InlineExecutor() if inline else ThreadPoolExecutor(1, "db-writer")
        self._reader: Executor = _InlineExecutor() if inline else ThreadPoolExecutor(1, "db-reader")
        self._pool: Executor = _InlineExecutor() if inline else ThreadPoolExecutor(pool_workers, "slow")
        self._relay = _Relay()
        self._relay.finished.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self._active: list[Operation] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.default_failure: Callable[[BaseException], None] | None = None

    # Builders ----------------------------------------------------------------------------------------
    def write(self, fn: Callable[..., Any]) -> Operation:
        return Operation(self, "write", fn)

    def read(self, fn: Callable[..., Any]) -> Operation:
        return Operation(self, "read", fn)

    def slow(self, fn: Callable[..., Any]) -> Operation:
        return Operation(self, "slow", fn)

    @property
    def active(self) -> int:
        return len(self._active)

    # Execution ---------------------------------------------------------------------------------------
    def _start(self, op: Operation) -> None:
        op.started_at = time.monotonic()
        self._active.append(op)
        if len(self._active) == 1:
            self.busy_changed.emit(True)
        if op.progress_label is not None and not self.inline:
            self._timer.start()
        executor = {"write": self._writer, "read": self._reader, "slow": self._pool}[op.kind]
        if self.inline:
            self._finish(op, *self._execute(op))
        else:
            executor.submit(self._work, op)

    def _work(self, op: Operation) -> None:
        result, error = self._execute(op)
        self._relay.finished.emit(op, result, error)

    def _execute(self, op: Operation) -> tuple[Any, BaseException | None]:
        try:
            if op.kind == "slow":
                return op.fn(op.state), None
            with self.database.session() as session:
                if op.kind == "write":
                    with session.begin():
                        return op.fn(session, op.state), None
                return op.fn(session, op.state), None
        except BaseException as error:  # noqa: BLE001 - handed to the GUI thread, never swallowed
            return None, error

    def _finish(self, op: Operation, result: Any, error: BaseException | None) -> None:
        if op in self._active:
            self._active.remove(op)
        if op.dialog is not None:
            op.dialog.reset()
            op.dialog.deleteLater()
            op.dialog = None
        if not self._active:
            self._timer.stop()
            self.busy_changed.emit(False)
        if error is not None:
            if isinstance(error, Cancelled):
                return
            handler = op._on_failure or self.default_failure
            if handler is None:
                raise error
            handler(error)
            return
        value = result
        changes: Changes | None = None
        if op.kind == "write":
            if isinstance(result, Changes):
                value, changes = None, result
            elif isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], Changes):
                value, changes = result
        if op._on_success is not None:
            op._on_success(value)
        if changes:
            self.changes_applied.emit(changes)

    def _poll(self) -> None:
        now = time.monotonic()
        for op in self._active:
            if op.progress_label is None:
                continue
            if op.dialog is None and now - op.started_at >= SHOW_PROGRESS_AFTER_S:
                op.dialog = QProgressDialog(op.progress_label, _("Cancel"), 0, 0, op.parent)
                op.dialog.setWindowTitle(op.progress_label)  # not the application's id (field trial item 19)
                op.dialog.setWindowModality(Qt.WindowModality.WindowModal)
                op.dialog.setMinimumDuration(0)
                op.dialog.canceled.connect(op.cancel)
                op.dialog.show()
            if op.dialog is not None:
                state = op.state
                op.dialog.setMaximum(max(state.total, 0))
                op.dialog.setValue(min(state.done, state.total) if state.total else 0)
                if state.label:
                    op.dialog.setLabelText(f"{op.progress_label}\n{state.label}")

    def shutdown(self) -> None:
        """Stop accepting work and wait for the threads (called at exit and by tests)."""
        self._timer.stop()
        for executor in (self._writer, self._reader, self._pool):
            executor.shutdown(wait=True, cancel_futures=True)
