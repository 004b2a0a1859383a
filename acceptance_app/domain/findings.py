"""Findings (问题/整改项) and commitments (告知承诺/容缺): their states, the steps between them, and the rows
the services hand to the UI, CLI and documents.

A finding moves 待整改 -> 已整改待复验 -> 复验通过, or back to 待整改 when the re-check fails (Fieldwire's
"completed, then verified" two-step close-out). Every step is an event with who, when and a note.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from acceptance_app.domain.enums import Discipline, FindingStatus, InspectionKind, ItemClass, PartyRole
from acceptance_app.domain.problems import KnownError, Problem
from acceptance_app.domain.working_days import DaysLeft, WorkingCalendar, package_calendar


class FindingAction(StrEnum):
    OPEN = "open"  # 提出
    RECTIFY = "rectify"  # 整改完成 (reported by the responsible party, recorded by the inspector)
    RECHECK_PASS = "recheck-pass"  # 复验通过
    RECHECK_FAIL = "recheck-fail"  # 复验不通过
    # Not a step of the loop (no transition): the deadline was recounted when its year's holiday table arrived.
    DEADLINE_RECOMPUTED = "deadline-recomputed"


class FindingOrigin(StrEnum):
    FORMAL = "formal"  # found in the formal acceptance
    SERVICE = "service"  # carried from a pre-acceptance technical-service session


TRANSITIONS: dict[tuple[FindingStatus, FindingAction], FindingStatus] = {
    (FindingStatus.OPEN, FindingAction.RECTIFY): FindingStatus.RECTIFIED,
    (FindingStatus.RECTIFIED, FindingAction.RECHECK_PASS): FindingStatus.CLOSED,
    (FindingStatus.RECTIFIED, FindingAction.RECHECK_FAIL): FindingStatus.OPEN,
}


class StepNotAllowed(KnownError):
    def __init__(self, status: FindingStatus, action: FindingAction) -> None:
        super().__init__("finding.step_not_allowed", status=status.value, action=action.value)
        self.status = status
        self.action = action


def next_status(status: FindingStatus, action: FindingAction) -> FindingStatus:
    try:
        return TRANSITIONS[(status, action)]
    except KeyError:
        raise StepNotAllowed(status, action) from None


def allowed_actions(status: FindingStatus) -> list[FindingAction]:
    return [action for (source, action) in TRANSITIONS if source is status]


MAX_DEADLINE_DAYS = 180  # working days; a longer rectification is a new acceptance, not a finding


@dataclass(frozen=True)
class FindingData:
    """What an inspector enters for a new finding."""

    description: str
    item_class: ItemClass = ItemClass.B
    party_role: PartyRole = PartyRole.CONTRACTOR
    deadline_days: int = 15  # working days from the day the finding is made
    item_id: str | None = None  # e.g. XF-04-1; None for a finding outside the checklist


def validate_finding(data: FindingData) -> list[Problem]:
    problems = []
    if not data.description.strip():
        problems.append(Problem("description", "required"))
    elif len(data.description) > 1000:
        problems.append(Problem("description", "too_long", params={"max": 1000}))
    if data.deadline_days is None or data.deadline_days < 1:
        problems.append(Problem("deadline_days", "number.positive"))
    elif data.deadline_days > MAX_DEADLINE_DAYS:
        problems.append(Problem("deadline_days", "number.implausible", params={"value": data.deadline_days}))
    if data.item_id is not None and len(data.item_id) > 40:
        problems.append(Problem("item_id", "too_long", params={"max": 40}))
    return problems


@dataclass(frozen=True)
class FindingEventRow:
    action: FindingAction
    status_after: FindingStatus
    at: datetime
    by: str
    note: str


@dataclass(frozen=True)
class FindingRow:
    id: uuid.UUID
    project_id: uuid.UUID
    unit_id: uuid.UUID
    unit_name: str
    inspection_id: uuid.UUID
    inspection_kind: InspectionKind
    round: int
    discipline: Discipline
    item_id: str | None
    description: str
    item_class: ItemClass
    party_role: PartyRole
    party_name: str
    opened_on: date
    deadline: date
    status: FindingStatus
    origin: FindingOrigin
    created_by: str
    closed_by: str
    closed_at: datetime | None
    last_note: str
    left: DaysLeft | None  # None once closed
    deadline_days: int = 0  # as entered, in working days
    deadline_provisional: bool = False  # counted on weekends only (暂按周末计算) until the year's table arrives

    @property
    def overdue(self) -> bool:
        return self.left is not None and self.left.overdue


def time_left(status: FindingStatus, deadline: date, today: date,
              calendar: WorkingCalendar | None = None) -> DaysLeft | None:
    """Closed findings have no time left; rectified ones keep counting (the re-check may still fail)."""
    return None if status is FindingStatus.CLOSED else (calendar or package_calendar()).days_left(deadline, today)


# Commitments -----------------------------------------------------------------------------------------
class CommitmentKind(StrEnum):
    PROMISE = "promise"  # 告知承诺: a condition accepted on a written promise, checked later
    DEFERRED = "deferred"  # 容缺受理: a material accepted as missing, to be supplied


class CommitmentStatus(StrEnum):
    OPEN = "open"  # 待履行
    FULFILLED = "fulfilled"  # 已履行 (checked)
    BROKEN = "broken"  # 未履行 (checked: promise broken -> 信用 record, measures item 21)


# Whether an open commitment of each kind blocks the final opinion. A 容缺 material must be in the file
# before the opinion is issued; a 告知承诺 is checked after it. Jurisdictions differ: services take the
# rule as a parameter and each commitment stores the value it was made with (it can be set per row).
DEFAULT_BLOCKING_RULE: dict[CommitmentKind, bool] = {
    CommitmentKind.PROMISE: False,
    CommitmentKind.DEFERRED: True,
}


@dataclass(frozen=True)
class CommitmentData:
    kind: CommitmentKind
    subject: str  # what: 城建档案移交, 室外工程 ...
    promise: str  # the promised material or condition, as the written promise says
    party_role: PartyRole
    due_on: date
    blocks_opinion: bool | None = None  # None: from the rule for the kind


def validate_commitment(data: CommitmentData, today: date | None = None) -> list[Problem]:
    problems = []
    for name in ("subject", "promise"):
        value = getattr(data, name)
        if not value.strip():
            problems.append(Problem(name, "required"))
        elif len(value) > 500:
            problems.append(Problem(name, "too_long", params={"max": 500}))
    if today is not None and data.due_on < today:
        problems.append(Problem("due_on", "commitment.due_in_past", params={"date": data.due_on.isoformat()}))
    return problems


def blocks_opinion(kind: CommitmentKind, rule: dict[CommitmentKind, bool] | None = None) -> bool:
    return (rule or DEFAULT_BLOCKING_RULE)[kind]


@dataclass(frozen=True)
class CommitmentRow:
    id: uuid.UUID
    project_id: uuid.UUID
    kind: CommitmentKind
    subject: str
    promise: str
    party_role: PartyRole
    party_name: str
    made_on: date
    due_on: date
    status: CommitmentStatus
    blocks_opinion: bool
    checked_by: str
    checked_at: datetime | None
    check_note: str
    days_left: int  # calendar days (promises are dated, not counted); negative when overdue

    @property
    def overdue(self) -> bool:
        return self.status is CommitmentStatus.OPEN and self.days_left < 0

    @property
    def blocking(self) -> bool:
        return self.status is CommitmentStatus.OPEN and self.blocks_opinion


def check_commitment(status: CommitmentStatus, result: CommitmentStatus) -> CommitmentStatus:
    """A commitment is checked once: open -> fulfilled or broken."""
    if status is not CommitmentStatus.OPEN or result is CommitmentStatus.OPEN:
        raise KnownError("commitment.already_checked", status=status.value)
    return result


_CLASS_RANK = {ItemClass.A: 0, ItemClass.B: 1, ItemClass.C: 2}


def class_lowered(item_class: ItemClass, finding_class: ItemClass) -> bool:
    """A finding on a class-A (否决项) item recorded as B or C: a lower class than the item's, which the
    inspector must justify (a failed 否决项 recorded as 关键项 would change the unit's verdict)."""
    return _CLASS_RANK[finding_class] > _CLASS_RANK[item_class]
