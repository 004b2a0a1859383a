"""Timing shared by the bench scripts (run from scripts/, which Python puts first on the path)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(fn: Callable[[], object], runs: int, warm_up: bool = False) -> float:
    """The median wall time of ``runs`` calls: one slow outlier (a busy machine) does not move it.
    ``warm_up``: one untimed call first (imports, font loading)."""
    if warm_up:
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
