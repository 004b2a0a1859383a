"""One inspection's checklist as plain rows: every item with its answer, computed verdict, what it still
needs, and the discipline outcome. Built from a pinned form and stored answers; used by the UI, the CLI and
the documents (record sheets list every row with its measurement and source)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime

from acceptance_app.domain.checklists.answers import AnswerInput, ItemOutcome, evaluate_item
from acceptance_app.domain.checklists.applicability import Applicability, applicability
from acceptance_app.domain.checklists.evidence import missing_evidence
from acceptance_app.domain.checklists.form import EvidenceKind, Form, Item, Scope, VerdictRules, VerdictScheme
from acceptance_app.domain.checklists.jurisdiction import Jurisdiction
from acceptance_app.domain.checklists.verdicts import DisciplineOutcome, discipline_verdict
from acceptance_app.domain.entities import UnitData
from acceptance_app.domain.enums import ItemVerdict
from acceptance_app.domain.problems import KnownError
from acceptance_app.domain.unit_facts import derive_all


@dataclass(frozen=True)
class StoredAnswer:
    values: AnswerInput
    round: int
    answered_by: str = ""
    answered_at: datetime | None = None


@dataclass(frozen=True)
class ItemRow:
    item: Item
    group_title: str
    verdict: ItemVerdict
    answer: StoredAnswer | None = None
    failed_samples: tuple[int, ...] = ()
    samples_needed: int = 0
    missing: tuple[EvidenceKind, ...] = ()  # evidence still to attach
    recheck: bool = False  # failed before (technical service or the previous round): check it again
    carried: bool = False  # answer taken over from an earlier round
    outcome: ItemOutcome | None = None  # the computed outcome: which rule (design / limit / advice) decided
    applicability: Applicability | None = None  # why the item applies or not (unknown facts, the rule missed)

    @property
    def by_rule(self) -> bool:
        """不适用 by the item's rule (the unit's facts), not by the inspector's answer."""
        return self.applicability is not None and not self.applicability.applies

    @property
    def advice(self) -> bool:
        """An advisory clause not met (建议): recorded, never a failure."""
        return self.verdict is ItemVerdict.ADVICE

    @property
    def shared(self) -> bool:
        """A project-level item: one answer counts for every unit."""
        return self.item.scope is Scope.PROJECT

    @property
    def blocking(self) -> bool:
        return self.verdict is ItemVerdict.PENDING or bool(self.missing)


@dataclass(frozen=True)
class GroupProgress:
    group_id: str
    title: str
    answered: int
    total: int


@dataclass(frozen=True)
class Sheet:
    form: Form
    rows: tuple[ItemRow, ...]  # applicable items only, in form order
    outcome: DisciplineOutcome
    groups: tuple[GroupProgress, ...]
    # Items the unit's facts exclude (不适用 by rule, verdict NOT_APPLICABLE, reason in ``applicability``),
    # in form order. Shown (and openable) in the runner; they take no answer and count for nothing.
    excluded: tuple[ItemRow, ...] = ()

    @property
    def answered(self) -> int:
        return sum(g.answered for g in self.groups)

    @property
    def total(self) -> int:
        return sum(g.total for g in self.groups)

    @property
    def all_rows(self) -> tuple[ItemRow, ...]:
        """Applicable and excluded rows together, in form order (what the runner lists)."""
        if not self.excluded:
            return self.rows
        order = {item.id: n for n, item in enumerate(self.form.items)}
        return tuple(sorted((*self.rows, *self.excluded), key=lambda r: order[r.item.id]))

    def row(self, item_id: str) -> ItemRow:
        return next(r for r in self.rows if r.item.id == item_id)


def _outcome(
    item: Item, answer: StoredAnswer | None, jurisdiction: Jurisdiction, resample: bool = True
) -> ItemOutcome:
    try:
        return evaluate_item(item, answer.values if answer else None, jurisdiction, resample)
    except KnownError:
        # An answer stored under a rule that no longer resolves stays visible but undecided.
        return ItemOutcome(ItemVerdict.PENDING)


def build_sheet(
    form: Form,
    unit: UnitData,
    answers: Mapping[str, StoredAnswer],
    jurisdiction: Jurisdiction,
    rules: VerdictRules,
    current_round: int = 1,
    recheck: Collection[str] = (),
    evidence: Mapping[str, Collection[EvidenceKind]] | None = None,
    discipline_applies: bool = True,
    assumed_evidence: Collection[EvidenceKind] = (),
) -> Sheet:
    """``evidence``: kinds present per item; ``assumed_evidence``: kinds counted as present for every item."""
    evidence = {} if evidence is None else evidence
    rows: list[ItemRow] = []
    excluded: list[ItemRow] = []
    groups: list[GroupProgress] = []
    derived = derive_all(unit)
    resample = rules.scheme is VerdictScheme.BY_CLASS
    for group in form.groups:
        answered = total = 0
        for item in group.items:
            why = applicability(item, unit, derived)
            if not why.applies:
                excluded.append(ItemRow(item, group.title, ItemVerdict.NOT_APPLICABLE, applicability=why))
                continue
            answer = answers.get(item.id)
            outcome = _outcome(item, answer, jurisdiction, resample)
            carried = answer is not None and answer.round < current_round
            again = item.id in recheck
            if carried and outcome.verdict is ItemVerdict.FAIL:
                # 复验: what failed in the previous round must be checked again in this one.
                outcome, again = ItemOutcome(ItemVerdict.PENDING), True
            have = set(evidence.get(item.id, ())) | set(assumed_evidence)
            if answer and answer.values.na_reason.strip():
                have.add(EvidenceKind.REASON)
            missing = missing_evidence(item, outcome.verdict, have)
            rows.append(
                ItemRow(
                    item,
                    group.title,
                    outcome.verdict,
                    answer,
                    outcome.failed_samples,
                    outcome.samples_needed,
                    missing,
                    again,
                    carried,
                    outcome,
                    why,
                )
            )
            total += 1
            answered += outcome.verdict is not ItemVerdict.PENDING
        if total:
            groups.append(GroupProgress(group.id, group.title, answered, total))
    verdicts = {r.item.id: r.verdict for r in rows}
    verdict = discipline_verdict(form.discipline, rules, [r.item for r in rows], verdicts, discipline_applies)
    return Sheet(form, tuple(rows), verdict, tuple(groups), tuple(excluded))
