"""Worker processes that die with the process that started them.

A pool worker outlives a parent killed with SIGKILL (or a crash): it keeps decoding and writing store files no row
will ever point to, and holds the resource tracker open. Each worker therefore (1) asks Linux to send it SIGKILL
when its parent dies (prctl PR_SET_PDEATHSIG), and (2) on every platform watches the parent's sentinel (a pipe on
POSIX, the process handle on Windows, which ``multiprocessing`` gives every spawned child) from a daemon thread
and exits at once when it fires. The resource tracker then sees its last writer gone and exits too.
"""

from __future__ import annotations

import os
import sys
import threading

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Pool initializer (spawn context): end this process as soon as its parent is gone."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watchdog below still applies
    import multiprocessing
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return
    if not _alive(parent):  # the parent died before the prctl above took effect
        os._exit(1)

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(1)  # no cleanup: the parent's transaction decides what is kept; the sweep removes the rest

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def _alive(parent) -> bool:
    from multiprocessing.connection import wait

    return not wait([parent.sentinel], timeout=0)
