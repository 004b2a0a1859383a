"""Turning what an inspector types (CLI --value, the runner's edit box) into an AnswerInput."""

from __future__ import annotations

import re
from typing import Any

from acceptance_app.domain.checklists.answers import AnswerInput
from acceptance_app.domain.checklists.form import AnswerType, Item
from acceptance_app.domain.enums import ItemVerdict
from acceptance_app.domain.problems import KnownError

VERDICT_WORDS = {
    ItemVerdict.PASS: ("1", "pass", "ok", "合格", "√"),
    ItemVerdict.FAIL: ("2", "fail", "不合格", "×"),
    ItemVerdict.NOT_APPLICABLE: ("3", "na", "n/a", "不适用"),
}
_WORD = {word: verdict for verdict, words in VERDICT_WORDS.items() for word in words}
_SEPARATORS = re.compile(r"[,，;；\s]+")


def verdict_word(text: str) -> ItemVerdict | None:
    return _WORD.get(text.strip().lower())


def _is_number(text: str) -> bool:
    try:
        float(text.strip())
    except ValueError:
        return False
    return True


def parse_numbers(item: Item, text: str) -> tuple[float, ...]:
    """"4.2, 4.1 4.3" -> (4.2, 4.1, 4.3); full-width commas and semicolons work too."""
    values = []
    for part in _SEPARATORS.split(text.strip()):
        if not part:
            continue
        try:
            values.append(float(part))
        except ValueError:
            raise KnownError("answer.not_a_number", item=item.id, value=part) from None
    return tuple(values)


def parse_design(item: Item, text: str | None) -> float | None:
    if text is None or not text.strip():
        return None
    values = parse_numbers(item, text)
    if len(values) != 1:
        raise KnownError("answer.not_a_number", item=item.id, value=text)
    return values[0]


def answer_from_text(
    item: Item, value: str, design: str | None = None, na_reason: str = "", note: str = "", text: str = ""
) -> AnswerInput:
    """``value``: a verdict word (合格/不合格/不适用, 1/2/3, pass/fail/na) for any item; otherwise numbers
    for measure/count items, an option for choice items."""
    kind = item.answer.type
    numeric = kind in (AnswerType.MEASURE, AnswerType.COUNT) and _is_number(value)
    # On a number item "2" is a count, not the key for 不合格.
    chosen = None if numeric else verdict_word(value)
    common: dict[str, Any] = {"na_reason": na_reason, "note": note, "text": text}
    if chosen is ItemVerdict.NOT_APPLICABLE:
        return AnswerInput(verdict=chosen, **common)
    if kind in (AnswerType.VERDICT, AnswerType.TEXT):
        if chosen is None:
            raise KnownError("answer.bad_value", item=item.id, value=value, expected="合格 / 不合格 / 不适用")
        return AnswerInput(verdict=chosen, **common)
    if kind is AnswerType.CHOICE:
        return AnswerInput(choice=value.strip(), **common)
    if chosen is not None:
        raise KnownError("answer.bad_value", item=item.id, value=value, expected=item.answer.unit or kind.value)
    samples = parse_numbers(item, value)
    return AnswerInput(samples=samples, design=parse_design(item, design), **common)
