"""JSON from outside (a package's manifest and records, a hub upload) with its nesting bounded.

``json.loads`` recurses once per level: a few kilobytes of ``[[[[…`` raise RecursionError (a crash, or HTTP 500
on the hub), and a merely deep value stored in a JSON column fails later, when it is encoded again. Our own
documents nest at most 6 levels (records.json: tables > rows > row > samples/shapes > shape > points), so
anything deeper than ``MAX_DEPTH`` is refused:
- up to ``SCAN_BYTES`` (a manifest, a small records.json), before parsing, by a scan of the brackets outside
  strings;
- above it (a large records.json, where that scan costs several times the parse, scripts/bench_trust.py), by the
  parser's own recursion guard (a RecursionError is refused, never raised), and the only values that are stored
  as nested JSON, the JSON columns, are bounded one by one as they are decoded (``check_depth``, sync.records).
"""

from __future__ import annotations

import json
import re
import sys
from itertools import accumulate
from typing import Any

from acceptance_app.domain.problems import KnownError

MAX_DEPTH = 32
SCAN_BYTES = 1024 * 1024
_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def nesting_depth(raw: bytes) -> int:
    brackets = _STRINGS.sub(b"", raw).translate(None, _NOT_BRACKETS)
    return max(accumulate(_STEP[b] for b in brackets), default=0)


def loads(raw: bytes, entry: str, max_depth: int = MAX_DEPTH) -> Any:
    """Parse UTF-8 JSON from ``entry`` (a package path, for the message) or raise a KnownError."""
    if len(raw) <= SCAN_BYTES:
        depth = nesting_depth(raw)
        if depth > max_depth:
            raise KnownError("exchange.json_too_deep", entry=entry, depth=depth, limit=max_depth)
    try:
        return json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise KnownError("exchange.json_too_deep", entry=entry, depth=sys.getrecursionlimit(),
                         limit=max_depth) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise KnownError("exchange.malformed_json", entry=entry, detail=str(error)[:200]) from None


def check_depth(value: Any, entry: str, max_depth: int = MAX_DEPTH) -> Any:
    """``value`` (parsed JSON) if it nests at most ``max_depth`` levels; walked without recursion."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > max_depth:
                raise KnownError("exchange.json_too_deep", entry=entry, depth=depth, limit=max_depth)
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return value
