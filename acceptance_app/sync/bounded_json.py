"""JSON from outside (a package's manifest and records, a hub upload) parsed only after its nesting is bounded.

``json.loads`` recurses once per level: a few kilobytes of ``[[[[…`` raise RecursionError (a crash, or HTTP 500
on the hub), and a merely deep value stored in a JSON column fails later, when it is encoded again. Our own
documents nest at most 6 levels (records.json: tables > rows > row > samples/shapes > shape > points), so
anything deeper than ``MAX_DEPTH`` is refused before parsing, by a scan that runs at C speed except for one
pass over the brackets.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

from acceptance_app.domain.problems import KnownError

MAX_DEPTH = 32
_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def nesting_depth(raw: bytes) -> int:
    brackets = _STRINGS.sub(b"", raw).translate(None, _NOT_BRACKETS)
    return max(accumulate(_STEP[b] for b in brackets), default=0)


def loads(raw: bytes, entry: str, max_depth: int = MAX_DEPTH) -> Any:
    """Parse UTF-8 JSON from ``entry`` (a package path, for the message) or raise a KnownError."""
    depth = nesting_depth(raw)
    if depth > max_depth:
        raise KnownError("exchange.json_too_deep", entry=entry, depth=depth, limit=max_depth)
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise KnownError("exchange.malformed_json", entry=entry, detail=str(error)[:200]) from None
