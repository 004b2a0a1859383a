"""Deadlines counted in Chinese working days: weekends and public holidays off, make-up Saturdays and Sundays
(调休) on. The `chinese_calendar` library knows each year only once the State Council has published it, so
a date beyond its last year is refused with a clear error rather than silently counted as a plain week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar

from acceptance_app.domain.problems import KnownError

FIRST_YEAR = min(chinese_calendar.holidays).year
LAST_YEAR = max(chinese_calendar.holidays).year


class CalendarOutOfRange(KnownError):
    def __init__(self, day: date) -> None:
        super().__init__("calendar.out_of_range", date=day.isoformat(), first=FIRST_YEAR, last=LAST_YEAR)


_HOLIDAYS = frozenset(chinese_calendar.holidays)  # public holidays (statutory and moved days off)
_MAKE_UP_DAYS = frozenset(chinese_calendar.workdays)  # Saturdays and Sundays worked in exchange (调休)


def is_working_day(day: date) -> bool:
    # The library's own is_workday() validates its argument on every call (~20 µs); a dashboard counts
    # tens of thousands of days, so read its two tables directly (a test checks both agree on every day).
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise CalendarOutOfRange(day)
    return day in _MAKE_UP_DAYS or (day.weekday() < 5 and day not in _HOLIDAYS)


def add_working_days(start: date, days: int) -> date:
    """The ``days``-th working day after ``start`` (``start`` itself is not counted; 0 gives ``start``)."""
    if days < 0:
        raise ValueError("days must not be negative")
    day, left = start, days
    while left:
        day += timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end``; negative when ``end`` is earlier."""
    if end < start:
        return -working_days_between(end, start)
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count


@dataclass(frozen=True)
class DaysLeft:
    """Time left to a deadline: working days when the calendar knows the dates, else calendar days."""

    days: int  # negative when overdue
    working: bool  # False: counted in calendar days because a date lies beyond the calendar

    @property
    def overdue(self) -> bool:
        return self.days < 0


def days_left(deadline: date, today: date) -> DaysLeft:
    try:
        days = working_days_between(today, deadline)
    except CalendarOutOfRange:
        return DaysLeft((deadline - today).days, working=False)
    if days == 0 and deadline < today:
        days = -1  # overdue over a weekend or holiday only: still overdue
    return DaysLeft(days, working=True)
