"""Composition root: the application context (acceptance_app/context.py: data folder, settings, database) ->
window -> database -> runner. The Qt side of the wiring is
``acceptance_app/ui/startup.py`` (only ``ui/`` imports PySide6); this module keeps what needs no Qt: the
process's age for the first-paint figures, and the entry the ``gui`` command calls.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from acceptance_app.context import AppContext

_IMPORTED_AT = time.monotonic()
SPAWN_TIME_ENV = "ACCEPTANCE_APP_SPAWN_TIME"  # wall-clock time the benchmark started the process


def process_age_seconds() -> float:
    """Seconds since this process started, for first-paint figures that include interpreter start-up."""
    spawned = os.environ.get(SPAWN_TIME_ENV)
    if spawned:
        return time.time() - float(spawned)
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.monotonic() - _IMPORTED_AT


def run_gui(context: AppContext, smoke_test: bool = False, demo: bool = False, package: str | None = None) -> int:
    from acceptance_app.ui.startup import run_gui as start  # Qt is imported only for the window

    return start(context, smoke_test=smoke_test, demo=demo, package=package)
