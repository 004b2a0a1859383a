"""Natural order for names people number: 1#, 2#, ..., 10# (not 1#, 10#, 2#), XF-2 before XF-10."""

from __future__ import annotations

import re

_PARTS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key comparing runs of digits as numbers and the rest as text (numbers before text at a tie)."""
    return tuple((0, int(part)) if part.isdigit() else (1, part.casefold())
                 for part in _PARTS.split(text) if part)
