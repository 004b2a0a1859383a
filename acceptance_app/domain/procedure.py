"""The procedure clock of a joint acceptance: 申请 → 受理 → 现场验收 → 整改 (paused) → 复验 → 出具意见.

The Shandong measures forbid hidden time (2023 工程建设项目审批制度改革措施 item 15: 明确起止时点、计时规则, no
"体外循环"; item 33: 审批预警机制). So every stage is recorded with its date, the rectification pause with its
reason, the builder's receipt of the notice and the day the rectification report came back; the clock counts
working days from 受理 to 出具意见 without the pause (整改时间不计入办理时限), against the jurisdiction's limit,
with a warning some days before the limit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Stage(StrEnum):
    APPLIED = "applied"  # 申请
    ACCEPTED = "accepted"  # 受理 (with the 受理编号)
    SITE = "site"  # 现场验收
    RECTIFICATION = "rectification"  # 整改: the one-time notice issued, the clock pauses (reason)
    RECEIPT = "receipt"  # the builder signed for the notice
    REPORTED = "reported"  # the rectification report came back: the clock runs again
    RECHECK = "recheck"  # 复验
    OPINION = "opinion"  # 出具意见 (办结)


ORDER = tuple(Stage)
# What must come before each stage (a rectification round may repeat: 整改 → 签收 → 回复 → 复验 → 整改 ...).
REQUIRES: dict[Stage, Stage] = {
    Stage.ACCEPTED: Stage.APPLIED, Stage.SITE: Stage.ACCEPTED, Stage.RECTIFICATION: Stage.SITE,
    Stage.RECEIPT: Stage.RECTIFICATION, Stage.REPORTED: Stage.RECTIFICATION, Stage.RECHECK: Stage.REPORTED,
    Stage.OPINION: Stage.SITE,
}


@dataclass(frozen=True)
class Event:
    stage: Stage
    on: date
    reference: str = ""  # 受理编号
    reason: str = ""  # why the clock pauses


@dataclass(frozen=True)
class Pause:
    start: date
    end: date | None  # None: still paused (the report has not come back)
    reason: str
    receipt: date | None  # the builder's receipt of the notice


@dataclass(frozen=True)
class Clock:
    events: tuple[Event, ...]
    pauses: tuple[Pause, ...]
    counted_days: int  # working days from 受理 to 出具意见 (or today), without the pauses
    limit_days: int
    warn_before: int
    running: bool  # False: not yet accepted, paused, or concluded
    estimated: bool  # a year without a holiday table was counted on weekends only (暂按周末计算)

    @property
    def status(self) -> str:
        """"over" past the limit, "warn" within ``warn_before`` days of it, else "ok"."""
        if self.counted_days > self.limit_days:
            return "over"
        if self.counted_days >= self.limit_days - self.warn_before:
            return "warn"
        return "ok"

    def first(self, stage: Stage) -> Event | None:
        return next((e for e in self.events if e.stage is stage), None)

    def last(self, stage: Stage) -> Event | None:
        return next((e for e in reversed(self.events) if e.stage is stage), None)


class OutOfOrder(ValueError):
    def __init__(self, stage: Stage, needs: Stage | None, earlier: date | None = None) -> None:
        super().__init__(stage.value)
        self.stage, self.needs, self.earlier = stage, needs, earlier


def check_next(events: Sequence[Event], new: Event) -> None:
    """A stage needs its predecessor recorded, and no date earlier than the last event's."""
    stages = {e.stage for e in events}
    needs = REQUIRES.get(new.stage)
    if needs is not None and needs not in stages:
        raise OutOfOrder(new.stage, needs)
    if events and new.on < max(e.on for e in events):
        raise OutOfOrder(new.stage, None, max(e.on for e in events))
    if new.stage is Stage.OPINION and _paused(events):
        raise OutOfOrder(new.stage, Stage.REPORTED)


def _paused(events: Sequence[Event]) -> bool:
    paused = False
    for event in events:
        if event.stage is Stage.RECTIFICATION:
            paused = True
        elif event.stage is Stage.REPORTED:
            paused = False
    return paused


def pauses(events: Sequence[Event]) -> list[Pause]:
    result: list[Pause] = []
    start: Event | None = None
    receipt: date | None = None
    for event in events:
        if event.stage is Stage.RECTIFICATION:
            start, receipt = event, None
        elif event.stage is Stage.RECEIPT and start is not None:
            receipt = event.on
        elif event.stage is Stage.REPORTED and start is not None:
            result.append(Pause(start.on, event.on, start.reason, receipt))
            start = None
    if start is not None:
        result.append(Pause(start.on, None, start.reason, receipt))
    return result


def clock(events: Sequence[Event], limit_days: int, warn_before: int, today: date,
          between: Callable[[date, date], tuple[int, bool]]) -> Clock:
    """``between(a, b)`` gives the working days after ``a`` up to ``b`` and whether they were estimated."""
    ordered = tuple(sorted(events, key=lambda e: (e.on, ORDER.index(e.stage))))
    accepted = next((e for e in ordered if e.stage is Stage.ACCEPTED), None)
    done = next((e for e in reversed(ordered) if e.stage is Stage.OPINION), None)
    found = pauses(ordered)
    counted, estimated = 0, False
    if accepted is not None:
        end = done.on if done else today
        counted, estimated = between(accepted.on, end)
        for pause in found:
            # the days from the notice up to the report's return are not counted
            days, guess = between(pause.start, min(pause.end or end, end))
            counted -= days
            estimated |= guess
    running = accepted is not None and done is None and not (found and found[-1].end is None)
    return Clock(ordered, tuple(found), max(counted, 0), limit_days, warn_before, running, estimated)
