"""Deadlines counted in Chinese working days: weekends and public holidays off, make-up Saturdays and Sundays
(调休) on.

The holidays of a year are known only once the State Council has published that year's notice (国务院办公厅关于
××××年部分节假日安排的通知, usually in November of the year before). The app owns that table as data, one year
per file (see ``storage/calendar_files.py``); this module only counts with the tables it is given. A year with
no table is never refused: it is counted on weekends alone and everything computed from it says so
(``provisional``: printed 暂按周末计算), to be recomputed when the year's table arrives.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

PROVISIONAL_MARK = "暂按周末计算"  # printed beside a date counted without the year's holiday table


@dataclass(frozen=True)
class YearTable:
    """One year's public holidays and make-up working days, with the notice they come from."""

    year: int
    days_off: frozenset[date]  # public holidays and the days off moved onto them
    workdays: frozenset[date]  # Saturdays and Sundays worked in exchange (调休)
    source: str  # the notice's title (and 文号 when known), or the package the table was read from
    sha256: str = ""  # of the file the table was read from; "" when it came from the package


@dataclass(frozen=True)
class WorkingCalendar:
    """Working days over the years whose tables it holds; other years count weekends only (provisional)."""

    tables: dict[int, YearTable] = field(default_factory=dict)

    @classmethod
    def of(cls, tables: Iterable[YearTable]) -> WorkingCalendar:
        return cls({t.year: t for t in tables})

    def knows(self, year: int) -> bool:
        return year in self.tables

    def is_working_day(self, day: date) -> bool:
        table = self.tables.get(day.year)
        if table is None:
            return day.weekday() < 5
        return day in table.workdays or (day.weekday() < 5 and day not in table.days_off)

    def unknown_years(self, start: date, end: date) -> tuple[int, ...]:
        """The years between the two dates (both included) counted on weekends only."""
        low, high = sorted((start.year, end.year))
        return tuple(y for y in range(low, high + 1) if y not in self.tables)

    def add_working_days(self, start: date, days: int) -> date:
        """The ``days``-th working day after ``start`` (``start`` itself is not counted; 0 gives ``start``)."""
        if days < 0:
            raise ValueError("days must not be negative")
        day, left = start, days
        while left:
            day += timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def deadline(self, start: date, days: int) -> Deadline:
        end = self.add_working_days(start, days)
        return Deadline(end, bool(self.unknown_years(start, end)))

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end``; negative when ``end`` is earlier."""
        if end < start:
            return -self.working_days_between(end, start)
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count

    def days_left(self, deadline: date, today: date) -> DaysLeft:
        days = self.working_days_between(today, deadline)
        if days == 0 and deadline < today:
            days = -1  # overdue over a weekend or holiday only: still overdue
        return DaysLeft(days, provisional=bool(self.unknown_years(today, deadline)))


@dataclass(frozen=True)
class Deadline:
    day: date
    provisional: bool  # a year on the way had no holiday table: counted on weekends only


@dataclass(frozen=True)
class DaysLeft:
    """Working days left to a deadline."""

    days: int  # negative when overdue
    provisional: bool = False  # a year between today and the deadline is counted on weekends only

    @property
    def overdue(self) -> bool:
        return self.days < 0


def package_tables() -> tuple[YearTable, ...]:
    """The years the chinese-calendar package knows: the default source where it knows the year."""
    import chinese_calendar  # its tables are import-time constants, read once here

    package = f"chinese-calendar {getattr(chinese_calendar, '__version__', '')}".strip()
    off: dict[int, set[date]] = {}
    on: dict[int, set[date]] = {}
    for day in chinese_calendar.holidays:
        off.setdefault(day.year, set()).add(day)
    for day in chinese_calendar.workdays:
        on.setdefault(day.year, set()).add(day)
    return tuple(
        YearTable(year, frozenset(off[year]), frozenset(on.get(year, ())),
                  f"国务院办公厅关于{year}年部分节假日安排的通知（{package}）")
        for year in sorted(off)
    )


_PACKAGE: WorkingCalendar | None = None


def package_calendar() -> WorkingCalendar:
    """The package's years alone (for code that has no session to read the app's tables from)."""
    global _PACKAGE
    if _PACKAGE is None:
        _PACKAGE = WorkingCalendar.of(package_tables())
    return _PACKAGE


# Conveniences over the package's years; services use the calendar of their session (services/calendar.py).
def add_working_days(start: date, days: int, calendar: WorkingCalendar | None = None) -> date:
    return (calendar or package_calendar()).add_working_days(start, days)


def working_days_between(start: date, end: date, calendar: WorkingCalendar | None = None) -> int:
    return (calendar or package_calendar()).working_days_between(start, end)


def days_left(deadline: date, today: date, calendar: WorkingCalendar | None = None) -> DaysLeft:
    return (calendar or package_calendar()).days_left(deadline, today)
