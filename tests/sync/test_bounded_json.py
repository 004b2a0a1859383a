"""Bounded JSON (issue 20, item 7): deep nesting is refused with a code, small or large, never a RecursionError."""

from __future__ import annotations

import pytest

from acceptance_app.domain.problems import KnownError
from acceptance_app.sync import bounded_json


def test_depth_counts_brackets_outside_strings_only() -> None:
    assert bounded_json.nesting_depth(b'{"a": [1, {"b": "[[[[{{{{"}]}') == 3
    assert bounded_json.nesting_depth(b'["\\"]]]]", [[0]]]') == 3


@pytest.mark.parametrize("size_limit", [bounded_json.SCAN_BYTES, 0], ids=["scanned", "parsed"])
def test_deep_json_is_refused_with_a_code(monkeypatch: pytest.MonkeyPatch, size_limit: int) -> None:
    monkeypatch.setattr(bounded_json, "SCAN_BYTES", size_limit)  # 0: as a records.json above the scan size
    with pytest.raises(KnownError) as info:
        bounded_json.loads(b"[" * 100_000 + b"]" * 100_000, "payload/records.json")
    assert info.value.code == "exchange.json_too_deep"
    assert bounded_json.loads(b'{"a": [[1]]}', "x") == {"a": [[1]]}


def test_a_parsed_value_is_walked_without_recursion() -> None:
    value: list = []
    for _ in range(50_000):
        value = [value]
    with pytest.raises(KnownError) as info:
        bounded_json.check_depth(value, "payload/records.json")
    assert info.value.params["depth"] == bounded_json.MAX_DEPTH + 1
