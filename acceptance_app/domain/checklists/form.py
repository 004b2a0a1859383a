"""The checklist form as immutable data (one discipline), as described in FORMS-FORMAT.md."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from acceptance_app.domain.enums import BuildingUse, Discipline, ItemClass, ItemVerdict

_CLAUSE_NUMBER = re.compile(r"\d+(?:\.\d+)*(?:、\d+(?:\.\d+)*)*")


class AnswerType(StrEnum):
    VERDICT = "verdict"  # 合格 / 不合格 / 不适用 chosen by the inspector
    MEASURE = "measure"  # number(s) checked against a tolerance
    COUNT = "count"  # a whole number with min/max
    CHOICE = "choice"  # one of the options; some of them pass
    TEXT = "text"  # free text plus a chosen verdict


class Scope(StrEnum):
    PROJECT = "project"  # answered once, counts for every unit it applies to
    UNIT = "unit"


class EvidenceKind(StrEnum):
    PHOTO = "photo"
    FINDING = "finding"
    REASON = "reason"


class Method(StrEnum):
    DOCUMENTS = "查"
    VISUAL = "看"
    MEASURE = "量"
    TEST = "测"


@dataclass(frozen=True)
class AnswerSpec:
    type: AnswerType
    unit: str = ""
    tolerance: str = ""
    min: int | str | None = None  # count: a number or "design"
    max: int | str | None = None
    options: tuple[str, ...] = ()
    passing: tuple[str, ...] = ()  # the file's `pass:`
    # measure: the code's mandatory limit, checked after `tolerance` (the comparison with the approved design
    # value: the standard's tolerance, else the 细则's 5 %). An absolute `tolerance` is itself a code limit.
    limit: str = ""
    # measure: an advisory (宜) value on top of the hard rule; missing it gives 建议, never 不合格.
    advice: str = ""


@dataclass(frozen=True)
class Evidence:
    """What must be attached for each verdict. Defaults from FORMS-FORMAT.md."""

    on_pass: tuple[EvidenceKind, ...] = ()
    on_fail: tuple[EvidenceKind, ...] = (EvidenceKind.PHOTO, EvidenceKind.FINDING)
    on_na: tuple[EvidenceKind, ...] = (EvidenceKind.REASON,)

    def required_for(self, verdict: ItemVerdict) -> tuple[EvidenceKind, ...]:
        # ADVICE (an advisory clause not met) asks for nothing: it is recorded, not a finding.
        return {
            ItemVerdict.PASS: self.on_pass,
            ItemVerdict.FAIL: self.on_fail,
            ItemVerdict.NOT_APPLICABLE: self.on_na,
        }.get(verdict, ())


@dataclass(frozen=True)
class Sampling:
    min_samples: int = 1
    all: bool = False
    extend_on_fail: int = 0
    ratio: float | str | None = None  # a literal, or "@key" in the jurisdiction table


@dataclass(frozen=True)
class AppliesTo:
    uses: frozenset[BuildingUse] = frozenset()
    min_height: float | None = None
    min_storeys_below: int | None = None
    civil_air_defense: bool | None = None
    min_storeys_above: int | None = None
    # Unit facts (acceptance_app.domain.unit_facts.FACTS), each name with the values that make the item apply.
    facts: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class Source:
    standard: str
    clause: str
    tag: str  # C confirmed | P partial | R recalled | I inferred
    note: str = ""

    @property
    def basis(self) -> str:
        """What a document prints: standard and clause only. The note is research provenance (links,
        "未确认") and never goes to print."""
        clause = self.clause.strip()
        if not clause:
            return self.standard
        if _CLAUSE_NUMBER.fullmatch(clause):
            clause = f"第{clause}条"
        return f"{self.standard} {clause}"


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    criterion: str
    method: Method
    item_class: ItemClass
    answer: AnswerSpec
    source: Source
    group_id: str = ""
    scope: Scope = Scope.UNIT
    evidence: Evidence = Evidence()
    sampling: Sampling | None = None
    applies_to: AppliesTo | None = None
    advisory: bool = False  # a 宜/不宜 clause: answered and recorded, shown as 建议, never 不合格
    line: int = 0  # line in the form file, for problems


@dataclass(frozen=True)
class Group:
    id: str
    title: str
    scope: Scope
    items: tuple[Item, ...]


class VerdictScheme(StrEnum):
    """How a discipline's items make its verdict; a jurisdiction table names one per discipline."""

    # 《建设工程消防设计审查验收工作细则》（2020）: any item that does not conform makes the 现场评定 不合格
    # until it is rectified and rechecked. Classes only order the findings.
    ANY_FAILURE = "any-failure"
    # XF 836-2016 style: A vetoes, up to N failures of a class allowed, others rectified; 加倍抽查 applies.
    BY_CLASS = "by-class"


@dataclass(frozen=True)
class VerdictRules:
    scheme: VerdictScheme = VerdictScheme.ANY_FAILURE
    fail_if_any: frozenset[ItemClass] = frozenset({ItemClass.A})
    max_failures: tuple[tuple[ItemClass, int], ...] = ()
    recheck_if_any: frozenset[ItemClass] = frozenset({ItemClass.B, ItemClass.C})

    @classmethod
    def from_mapping(cls, raw: dict, base: VerdictRules | None = None) -> VerdictRules:
        """Build from the file's `verdict:` shape; keys absent in ``raw`` keep ``base``'s value."""
        base = base or cls()
        return cls(
            scheme=VerdictScheme(raw["scheme"]) if "scheme" in raw else base.scheme,
            fail_if_any=frozenset(ItemClass(c) for c in raw["fail_if_any"])
            if "fail_if_any" in raw
            else base.fail_if_any,
            max_failures=tuple(sorted((ItemClass(k), int(v)) for k, v in raw["max_failures"].items()))
            if "max_failures" in raw
            else base.max_failures,
            recheck_if_any=frozenset(ItemClass(c) for c in raw["recheck_if_any"])
            if "recheck_if_any" in raw
            else base.recheck_if_any,
        )


def version_label(version: str) -> str:
    """A form version as printed and shown: "2026.12" -> "2026年12月版"; any other form of version as is."""
    match = re.fullmatch(r"(\d{4})\.(\d{1,2})", version)
    return f"{match[1]}年{int(match[2])}月版" if match else version


@dataclass(frozen=True)
class Outcomes:
    """A discipline's outcome in the organ's own words (the form's ``outcomes:``); 消防 by the unit's regime."""

    passed: str = ""
    failed: str = ""
    by_regime: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    source: str = ""

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any] | None) -> Outcomes:
        raw = raw or {}
        regimes = {k: dict(v) for k, v in (raw.get("by_regime") or {}).items()}
        return cls(str(raw.get("passed", "")), str(raw.get("failed", "")), regimes, str(raw.get("source", "")))

    def words(self, passed: bool, regime: str | None = None) -> str:
        """The words for a concluded verdict; "" when the form gives none for this regime."""
        key = "passed" if passed else "failed"
        if self.by_regime:
            return self.by_regime.get(regime or "", {}).get(key, "")
        return self.passed if passed else self.failed


@dataclass(frozen=True)
class Form:
    discipline: Discipline
    version: str
    title: str
    verdict: VerdictRules
    groups: tuple[Group, ...]
    basis: tuple[str, ...] = ()
    sha256: str = ""
    path: str = ""
    outcomes: Outcomes = field(default_factory=Outcomes)
    _index: dict[str, Item] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({item.id: item for group in self.groups for item in group.items})

    @property
    def version_label(self) -> str:
        return version_label(self.version)

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(self._index.values())

    def item(self, item_id: str) -> Item:
        return self._index[item_id]

    def has_item(self, item_id: str) -> bool:
        return item_id in self._index
