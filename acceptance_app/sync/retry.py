"""Bounded retries with exponential backoff and full jitter, for the hub client.

Jitter spreads the retries of many laptops coming back online at once (a city office's morning); the bound
keeps a dead hub from stalling a push forever: the outbox retries later instead.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Backoff:
    base: float = 0.2  # seconds before the first retry (at most)
    cap: float = 10.0
    max_attempts: int = 8  # consecutive failures of one request before giving up
    sleep: Callable[[float], None] = time.sleep
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int) -> float:
        """attempt 0, 1, 2...: a random wait up to base * 2**attempt, never more than cap."""
        return self.rng.uniform(0, min(self.cap, self.base * (2**attempt)))

    def wait(self, attempt: int) -> None:
        self.sleep(self.delay(attempt))


def outbox_delay(attempts: int, rng: random.Random | None = None) -> float:
    """How long a failed outbox row waits before the next push tries it: 30 s doubling to 1 h, jittered."""
    top = min(3600.0, 30.0 * (2 ** max(0, attempts - 1)))
    return (rng or random).uniform(top / 2, top)
