"""The one runner for slow work, modelled on Anki's QueryOp/CollectionOp over TaskManager (one thread for every
database write, results and change-sets delivered on the GUI thread).

- ``runner.write(fn)``: ``fn(session, task)`` runs on the single database-writer thread inside one short
  transaction and returns ``Changes`` or ``(value, Changes)``; after commit ``changes_applied`` is emitted.
- ``runner.read(fn)``: ``fn(session, task)`` on the reader thread, with its own session, no commit.
- ``runner.slow(fn)``: ``fn(task)`` on the pool, no database (previews, hub login).
- ``runner.steps(fn, may_change)``: ``fn(session, task) -> (value, Changes)`` on the pool with a session of its
  own that commits after each step (photo import, hub push/pull: minutes of network or decoding must not hold
  the writer). The runner announces ``may_change`` when it ends, also after a failure or a cancel (the steps
  committed before stay), and the returned Changes on success; the view never announces them itself.
- ``runner.split(reserve, work, record)``: a short write, slow work on the pool, a short write (signing: the
  key and the timestamp server are used between the two writes, so answers given meanwhile commit at once).

Each returns an ``Operation[T]``: ``.success(cb).failure(cb).with_progress(label).run()``, ``cb`` getting the
value of the ``Outcome[T]`` (value and changes). Results reach the GUI thread through a queued signal;
operations never touch widgets. ``TaskState`` is the ``domain.progress.Progress`` of every operation: plain
values the UI polls every 100 ms, with a progress dialog and a Cancel button shown only after 600 ms. With
``inline=True`` (tests) everything runs synchronously on the calling thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from acceptance_app.i18n import _
from acceptance_app.services.changes import Changes

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from acceptance_app.storage.db import Database

T = TypeVar("T")
R = TypeVar("R")  # what a split operation's reserve step hands to its slow work
W = TypeVar("W")  # what the slow work hands to the record step

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


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What an operation gave: its value and what it changed (announced by the runner after it ends)."""

    value: T
    changes: Changes | None = None


def outcome_of(result: Any) -> Outcome[Any]:
    """A service's return value as an Outcome: ``Changes``, ``(value, Changes)``, or a plain value."""
    if isinstance(result, Outcome):
        return result
    if isinstance(result, Changes):
        return Outcome(None, result)
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], Changes):
        return Outcome(result[0], result[1])
    return Outcome(result)


class _InlineExecutor(Executor):
    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # noqa: BLE001 - handed on through the future, as a thread pool does
            future.set_exception(error)
        return future


class _Relay(QObject):
    finished = Signal(object, object, object)  # operation, result, error


class Operation(Generic[T]):
    def __init__(self, runner: TaskRunner, kind: str, fn: Callable[..., Any], may_change: Changes | None = None) -> None:
        self._runner = runner
        self.kind = kind
        self.fn = fn
        self.may_change = may_change  # steps: announced however the work ends
        self.state = TaskState()
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self.progress_label: str | None = None
        self.parent: QWidget | None = None
        self.started_at = 0.0
        self.dialog: QProgressDialog | None = None

    def success(self, callback: Callable[[T], None]) -> Operation[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Operation[T]:
        self._on_failure = callback
        return self

    def with_progress(self, label: str, parent: QWidget | None = None) -> Operation[T]:
        self.progress_label = label
        self.parent = parent
        return self

    def run(self) -> Operation[T]:
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
        self._active: list[Operation[Any]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.default_failure: Callable[[BaseException], None] | None = None

    # Builders ----------------------------------------------------------------------------------------
    @overload
    def write(self, fn: Callable[[Session, TaskState], tuple[T, Changes]]) -> Operation[T]: ...

    @overload
    def write(self, fn: Callable[[Session, TaskState], Changes]) -> Operation[None]: ...

    def write(self, fn: Callable[[Session, TaskState], Any]) -> Operation[Any]:
        return Operation(self, "write", fn)

    def read(self, fn: Callable[[Session, TaskState], T]) -> Operation[T]:
        return Operation(self, "read", fn)

    def slow(self, fn: Callable[[TaskState], T]) -> Operation[T]:
        return Operation(self, "slow", fn)

    def steps(self, fn: Callable[[Session, TaskState], tuple[T, Changes]], may_change: Changes) -> Operation[T]:
        return Operation(self, "steps", fn, may_change)

    def split(self, reserve: Callable[[Session, TaskState], R], work: Callable[[R, TaskState], W],
              record: Callable[[Session, R, W, TaskState], tuple[T, Changes]]) -> Operation[T]:
        """reserve (short write, committed) -> work (pool, no session) -> record (short write)."""

        def run_split(task: TaskState) -> tuple[T, Changes]:
            reserved = self._on_writer(lambda session: reserve(session, task))
            task.check()
            worked = work(reserved, task)
            task.check()
            return self._on_writer(lambda session: record(session, reserved, worked, task))

        return Operation(self, "split", run_split)

    def _on_writer(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in a transaction of its own on the writer thread and wait for it (from a pool thread)."""

        def transaction() -> T:
            with self.database.session() as session, session.begin():
                return fn(session)

        return self._writer.submit(transaction).result()

    @property
    def active(self) -> int:
        return len(self._active)

    # Execution ---------------------------------------------------------------------------------------
    def _start(self, op: Operation[Any]) -> None:
        op.started_at = time.monotonic()
        self._active.append(op)
        if len(self._active) == 1:
            self.busy_changed.emit(True)
        if op.progress_label is not None and not self.inline:
            self._timer.start()
        executor = {"write": self._writer, "read": self._reader}.get(op.kind, self._pool)
        if self.inline:
            self._finish(op, *self._execute(op))
        else:
            executor.submit(self._work, op)

    def _work(self, op: Operation[Any]) -> None:
        result, error = self._execute(op)
        self._relay.finished.emit(op, result, error)

    def _execute(self, op: Operation[Any]) -> tuple[Any, BaseException | None]:
        try:
            if op.kind in ("slow", "split"):
                return op.fn(op.state), None
            with self.database.session() as session:
                if op.kind == "write":
                    with session.begin():
                        return op.fn(session, op.state), None
                return op.fn(session, op.state), None  # read; steps commit themselves
        except BaseException as error:  # noqa: BLE001 - handed to the GUI thread, never swallowed
            return None, error

    def _finish(self, op: Operation[Any], result: Any, error: BaseException | None) -> None:
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
            if op.may_change:  # steps committed before the failure or the cancel stay: views must show them
                self.changes_applied.emit(op.may_change)
            if isinstance(error, Cancelled):
                return
            handler = op._on_failure or self.default_failure
            if handler is None:
                raise error
            handler(error)
            return
        outcome = outcome_of(result) if op.kind in ("write", "steps", "split") else Outcome(result)
        if op._on_success is not None:
            op._on_success(outcome.value)
        changes = outcome.changes
        if op.may_change:
            changes = op.may_change | changes if changes else op.may_change
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
