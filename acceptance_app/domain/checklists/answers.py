"""The verdict of one item from the inspector's answer (FORMS-FORMAT.md answer types)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

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


class Rule(StrEnum):
    """Which rule a measured or counted value was compared with (the record names the one that decided)."""

    DESIGN = "design"  # the approved design value: the standard's tolerance, else the 细则's 5 %
    LIMIT = "limit"  # the code's mandatory limit (应/不应/必须/不得)
    ADVICE = "advice"  # an advisory value (宜/不宜): missing it gives 建议, never 不合格


@dataclass(frozen=True)
class ItemOutcome:
    verdict: ItemVerdict
    failed_samples: tuple[int, ...] = ()  # indexes of samples outside the tolerance
    samples_needed: int = 0  # more samples required before the item can be decided (sampling rules)
    checked: tuple[Rule, ...] = ()  # the rules the value was compared with, in order
    decided_by: Rule | None = None  # the rule a failing (or 建议) value missed; on a pass, the last one checked


PENDING = ItemOutcome(ItemVerdict.PENDING)


def _soften(item: Item, outcome: ItemOutcome) -> ItemOutcome:
    """An advisory item never fails: a result that misses it is 建议."""
    if item.advisory and outcome.verdict is ItemVerdict.FAIL:
        return ItemOutcome(
            ItemVerdict.ADVICE, outcome.failed_samples, 0, outcome.checked, outcome.decided_by and Rule.ADVICE
        )
    return outcome


def evaluate_item(
    item: Item,
    answer: AnswerInput | None,
    jurisdiction: Jurisdiction = EMPTY_JURISDICTION,
    resample: bool = True,
) -> ItemOutcome:
    """Item verdict. Raises KnownError for an answer that does not fit the item (wrong choice, missing design).
    ``resample``: apply the item's 加倍抽查 (only under the XF 836 by-class scheme)."""
    return _soften(item, _evaluate(item, answer, jurisdiction, resample))


def _evaluate(
    item: Item, answer: AnswerInput | None, jurisdiction: Jurisdiction, resample: bool
) -> ItemOutcome:
    if answer is None:
        return PENDING
    if answer.verdict is ItemVerdict.NOT_APPLICABLE:
        return ItemOutcome(ItemVerdict.NOT_APPLICABLE)
    kind = item.answer.type
    if kind in (AnswerType.VERDICT, AnswerType.TEXT):
        if answer.verdict is ItemVerdict.ADVICE:
            return ItemOutcome(ItemVerdict.FAIL if item.advisory else ItemVerdict.PENDING)
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
        passed = count_passes(item, answer.samples[0], answer.design)
        rule = Rule.DESIGN if "design" in (item.answer.min, item.answer.max) else Rule.LIMIT
        return ItemOutcome(ItemVerdict.PASS if passed else ItemVerdict.FAIL, (), 0, (rule,), rule)
    return _measure_outcome(item, answer, jurisdiction, resample)


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


def measure_rules(item: Item, design: float | None = 0.0) -> tuple[tuple[Rule, str], ...]:
    """The rules of a measured item in the order they are applied: the design comparison (or, when the
    tolerance is absolute, the code limit it states), the code's mandatory limit, then the advisory value.
    An item that has a code limit compares with the design value only when one was entered (``design``)."""
    spec = item.answer
    rules: list[tuple[Rule, str]] = []
    if spec.tolerance:
        rule = Rule.DESIGN if parse_tolerance(spec.tolerance).needs_design else Rule.LIMIT
        if not (rule is Rule.DESIGN and design is None and spec.limit):
            rules.append((rule, spec.tolerance))
    if spec.limit:
        rules.append((Rule.LIMIT, spec.limit))
    if spec.advice:
        rules.append((Rule.ADVICE, spec.advice))
    if item.advisory:  # the whole clause is 宜: every value it states is advice
        return tuple((Rule.ADVICE, text) for _rule, text in rules)
    return tuple(rules)


def sample_rule(
    item: Item, value: float, design: float | None, jurisdiction: Jurisdiction = EMPTY_JURISDICTION
) -> Rule | None:
    """The first rule one measured value misses, or None when it meets them all."""
    for rule, text in measure_rules(item, design):
        if not check_measure(parse_tolerance(text), value, design, jurisdiction.tolerance_for):
            return rule
    return None


def sample_passes(
    item: Item, value: float, design: float | None, jurisdiction: Jurisdiction = EMPTY_JURISDICTION
) -> bool:
    """One measured value against the item's hard rules (used as the inspector types); 建议 is not a failure."""
    return sample_rule(item, value, design, jurisdiction) in (None, Rule.ADVICE)


def _measure_outcome(
    item: Item, answer: AnswerInput, jurisdiction: Jurisdiction, resample: bool
) -> ItemOutcome:
    missed = [sample_rule(item, value, answer.design, jurisdiction) for value in answer.samples]
    checked = tuple(rule for rule, _text in measure_rules(item, answer.design))
    failed = tuple(n for n, rule in enumerate(missed) if rule not in (None, Rule.ADVICE))
    advised = tuple(n for n, rule in enumerate(missed) if rule is Rule.ADVICE)
    first = missed[failed[0]] if failed else None
    sampling = item.sampling
    # 加倍抽查 (XF 836): a single failed sample asks for `extend_on_fail` more; they all pass -> the item passes,
    # any further failure -> it fails. Samples taken before the first failure count as the first batch.
    # Under the 细则's scheme any failure is a failure, so no resampling.
    if resample and sampling and sampling.extend_on_fail and len(failed) == 1:
        after = len(answer.samples) - 1 - failed[0]
        if after < sampling.extend_on_fail:
            return ItemOutcome(ItemVerdict.PENDING, failed, sampling.extend_on_fail - after, checked, first)
        return ItemOutcome(ItemVerdict.PASS, failed, 0, checked, first)
    if failed:
        return ItemOutcome(ItemVerdict.FAIL, failed, 0, checked, first)
    needed = sampling.min_samples - len(answer.samples) if sampling else 0
    if needed > 0:
        return ItemOutcome(ItemVerdict.PENDING, (), needed, checked)
    if advised:
        return ItemOutcome(ItemVerdict.ADVICE, advised, 0, checked, Rule.ADVICE)
    return ItemOutcome(ItemVerdict.PASS, (), 0, checked, checked[-1] if checked else None)
