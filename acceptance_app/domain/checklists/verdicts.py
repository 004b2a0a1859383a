"""Discipline verdict per unit from the class rules, and the joint verdict per unit and per project.

Every outcome carries the rule that decided it and the items (or disciplines, or units) that triggered it,
so the UI and the documents can say why.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from acceptance_app.domain.checklists.form import Item, VerdictRules, VerdictScheme
from acceptance_app.domain.enums import Discipline, ItemClass, ItemVerdict, Verdict


class Reason(StrEnum):
    NOT_APPLICABLE = "not-applicable"  # discipline or every item 不涉及
    INCOMPLETE = "incomplete"  # items still unanswered: no verdict yet
    ANY_FAILURE = "any-failure"  # 细则 (2020): an item does not conform -> 不合格 until rectified and rechecked
    FAIL_IF_ANY = "fail-if-any"  # a failed item of a veto class
    MAX_FAILURES = "max-failures"  # too many failed items of a class
    RECHECK = "recheck"  # failed items that can be rectified and re-checked
    ALL_PASSED = "all-passed"


@dataclass(frozen=True)
class DisciplineOutcome:
    discipline: Discipline
    verdict: Verdict | None  # None while incomplete
    reason: Reason
    deciding: tuple[str, ...] = ()  # item ids that decided it (failed, or unanswered while incomplete)
    failed_by_class: tuple[tuple[ItemClass, int], ...] = ()
    limit: int | None = None  # max_failures limit that was exceeded
    scheme: VerdictScheme = VerdictScheme.ANY_FAILURE  # the scheme that made the verdict (the record names it)
    advice: tuple[str, ...] = ()  # advisory items not met (建议): recorded, never a failure


def discipline_verdict(
    discipline: Discipline,
    rules: VerdictRules,
    items: Iterable[Item],
    verdicts: Mapping[str, ItemVerdict],
    discipline_applies: bool = True,
) -> DisciplineOutcome:
    """``items``: the items applicable to the unit; ``verdicts``: item id -> verdict (absent = unanswered)."""
    items = list(items)
    scheme = rules.scheme
    if not discipline_applies:
        return DisciplineOutcome(discipline, Verdict.NOT_APPLICABLE, Reason.NOT_APPLICABLE, scheme=scheme)
    state = {item.id: verdicts.get(item.id, ItemVerdict.PENDING) for item in items}
    pending = tuple(i for i, v in state.items() if v is ItemVerdict.PENDING)
    # An advisory item can never fail (whatever was stored for it): 宜 is not grounds for 不合格.
    failed = [item for item in items if state[item.id] is ItemVerdict.FAIL and not item.advisory]
    advice = tuple(
        item.id
        for item in items
        if state[item.id] is ItemVerdict.ADVICE or (item.advisory and state[item.id] is ItemVerdict.FAIL)
    )
    by_class = {c: [i.id for i in failed if i.item_class is c] for c in ItemClass}
    counts = tuple((c, len(ids)) for c, ids in by_class.items() if ids)

    def outcome(
        verdict: Verdict | None, reason: Reason, deciding: tuple[str, ...] = (), **kw: Any
    ) -> DisciplineOutcome:
        return DisciplineOutcome(discipline, verdict, reason, deciding, counts, scheme=scheme, advice=advice, **kw)

    if pending:
        return outcome(None, Reason.INCOMPLETE, pending)
    if items and all(v is ItemVerdict.NOT_APPLICABLE for v in state.values()) or not items:
        return outcome(Verdict.NOT_APPLICABLE, Reason.NOT_APPLICABLE)
    if scheme is VerdictScheme.ANY_FAILURE:
        if failed:
            return outcome(Verdict.FAILED, Reason.ANY_FAILURE, tuple(i.id for i in failed))
        return outcome(Verdict.PASSED, Reason.ALL_PASSED)
    vetoes = tuple(i.id for i in failed if i.item_class in rules.fail_if_any)
    if vetoes:
        return outcome(Verdict.FAILED, Reason.FAIL_IF_ANY, vetoes)
    for item_class, limit in rules.max_failures:
        if len(by_class[item_class]) > limit:
            return outcome(Verdict.FAILED, Reason.MAX_FAILURES, tuple(by_class[item_class]), limit=limit)
    if failed:
        # Classes the rules do not name still never give 合格: a failed item must be rectified and re-checked.
        return outcome(Verdict.RECHECK, Reason.RECHECK, tuple(i.id for i in failed))
    return outcome(Verdict.PASSED, Reason.ALL_PASSED)


@dataclass(frozen=True)
class JointOutcome:
    verdict: Verdict | None  # None while any part is undecided
    deciding: tuple[str, ...]  # disciplines (per unit) or unit keys (per project) that are not 合格


_SEVERITY = (Verdict.FAILED, Verdict.RECHECK)


def _joint(parts: Mapping[str, Verdict | None]) -> JointOutcome:
    """合格 only when every applicable part is 合格; the worst part decides otherwise."""
    undecided = tuple(k for k, v in parts.items() if v is None)
    for verdict in _SEVERITY:
        hits = tuple(k for k, v in parts.items() if v is verdict)
        if hits:
            return JointOutcome(verdict, hits)
    if undecided:
        return JointOutcome(None, undecided)
    if all(v is Verdict.NOT_APPLICABLE for v in parts.values()):
        return JointOutcome(Verdict.NOT_APPLICABLE, ())
    return JointOutcome(Verdict.PASSED, ())


def joint_unit_verdict(outcomes: Iterable[DisciplineOutcome]) -> JointOutcome:
    return _joint({o.discipline.value: o.verdict for o in outcomes})


def joint_project_verdict(unit_verdicts: Mapping[str, Verdict | None]) -> JointOutcome:
    """``unit_verdicts``: unit key (id or name) -> the unit's joint verdict."""
    return _joint(dict(unit_verdicts))
