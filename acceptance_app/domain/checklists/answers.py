"""The verdict of one item from the inspector's answer (FORMS-FORMAT.md answer types)."""

from __future__ import annotations

from dataclasses import dataclass

from acceptance_app.domain.checklists.form import AnswerType, Item
from acceptance_app.domain.checklists.jurisdiction import EMPTY_JURISDICTION, Jurisdiction
from acceptance_app.domain.checklists.tolerance import check_measure, parse_tolerance
from acceptance_app.domain.enums import ItemVerdict
from acceptance_app.domain.problems import KnownError


@dataclass(frozen=True)
class AnswerInput:
    """What the inspector gave for one item. Only the fields of the item's answer type matter."""

    verdict: ItemVerdict | None = None  # chosen: verdict/text types, and 不适用 for every type
    samples: tuple[float, ...] = ()  # measure: each sample; count: one value
    design: float | None = None  # design value for relative tolerances / `min: design`
    choice: str = ""
    text: str = ""
    na_reason: str = ""
    note: str = ""


@dataclass(frozen=True)
class ItemOutcome:
    verdict: ItemVerdict
    failed_samples: tuple[int, ...] = ()  # indexes of samples outside the tolerance
    samples_needed: int = 0  # more samples required before the item can be decided (sampling rules)


PENDING = ItemOutcome(ItemVerdict.PENDING)


def evaluate_item(
    item: Item, answer: AnswerInput | None, jurisdiction: Jurisdiction = EMPTY_JURISDICTION
) -> ItemOutcome:
    """Item verdict. Raises KnownError for an answer that does not fit the item (wrong choice, missing design)."""
    if answer is None:
        return PENDING
    if answer.verdict is ItemVerdict.NOT_APPLICABLE:
        return ItemOutcome(ItemVerdict.NOT_APPLICABLE)
    kind = item.answer.type
    if kind in (AnswerType.VERDICT, AnswerType.TEXT):
        return ItemOutcome(answer.verdict or ItemVerdict.PENDING)
    if kind is AnswerType.CHOICE:
        if not answer.choice:
            return PENDING
        if answer.choice not in item.answer.options:
            raise KnownError(
                "answer.unknown_option",
                item=item.id,
                value=answer.choice,
                options="、".join(item.answer.options),
            )
        return ItemOutcome(ItemVerdict.PASS if answer.choice in item.answer.passing else ItemVerdict.FAIL)
    if not answer.samples:
        return PENDING
    if kind is AnswerType.COUNT:
        return ItemOutcome(
            ItemVerdict.PASS if count_passes(item, answer.samples[0], answer.design) else ItemVerdict.FAIL
        )
    return _measure_outcome(item, answer, jurisdiction)


def count_passes(item: Item, value: float, design: float | None) -> bool:
    if value != int(value):
        raise KnownError("answer.not_whole", item=item.id, value=value)

    def bound(raw: int | str | None) -> float | None:
        if raw == "design":
            if design is None:
                raise KnownError("tolerance.design_missing")
            return design
        return None if raw is None else float(raw)

    low, high = bound(item.answer.min), bound(item.answer.max)
    return (low is None or value >= low) and (high is None or value <= high)


def sample_passes(
    item: Item, value: float, design: float | None, jurisdiction: Jurisdiction = EMPTY_JURISDICTION
) -> bool:
    """One measured value against the item's tolerance (used as the inspector types)."""
    return check_measure(parse_tolerance(item.answer.tolerance), value, design, jurisdiction.tolerance_for)


def _measure_outcome(item: Item, answer: AnswerInput, jurisdiction: Jurisdiction) -> ItemOutcome:
    failed = tuple(
        n
        for n, value in enumerate(answer.samples)
        if not sample_passes(item, value, answer.design, jurisdiction)
    )
    sampling = item.sampling
    # 加倍抽查 (XF 836): a single failed sample asks for `extend_on_fail` more; they all pass -> the item passes,
    # any further failure -> it fails. Samples taken before the first failure count as the first batch.
    if sampling and sampling.extend_on_fail and len(failed) == 1:
        after = len(answer.samples) - 1 - failed[0]
        if after < sampling.extend_on_fail:
            return ItemOutcome(ItemVerdict.PENDING, failed, sampling.extend_on_fail - after)
        return ItemOutcome(ItemVerdict.PASS, failed)
    if failed:
        return ItemOutcome(ItemVerdict.FAIL, failed)
    needed = sampling.min_samples - len(answer.samples) if sampling else 0
    if needed > 0:
        return ItemOutcome(ItemVerdict.PENDING, (), needed)
    return ItemOutcome(ItemVerdict.PASS)
