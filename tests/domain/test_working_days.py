from datetime import date, timedelta

import pytest

from acceptance_app.domain.working_days import WorkingCalendar, YearTable, package_calendar, package_tables

CAL = package_calendar()
LAST = max(CAL.tables)


def test_national_day_week_is_skipped_and_make_up_saturday_counts() -> None:
    # 2026: 1-7 October off, Saturday 10 October is a make-up working day.
    assert CAL.add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 8)
    assert CAL.add_working_days(date(2026, 10, 9), 1) == date(2026, 10, 10)


def test_plain_week_and_zero_days() -> None:
    assert CAL.add_working_days(date(2026, 11, 20), 5) == date(2026, 11, 27)  # Friday + 5 = next Friday
    assert CAL.add_working_days(date(2026, 11, 20), 0) == date(2026, 11, 20)
    with pytest.raises(ValueError):
        CAL.add_working_days(date(2026, 11, 20), -1)


def test_between_is_the_inverse_of_add() -> None:
    start = date(2026, 9, 25)
    for n in (1, 3, 10, 25):
        assert CAL.working_days_between(start, CAL.add_working_days(start, n)) == n


def test_a_deadline_across_the_year_end_is_counted_on_weekends_and_marked_provisional() -> None:
    # 2026-12-18 (Friday) + 20 working days: 10 left in 2026 (21-31 Dec), then 10 weekdays of 2027.
    assert LAST == 2026, "the package learnt 2027: move this test to the first year it does not know"
    deadline = CAL.deadline(date(2026, 12, 18), 20)
    assert deadline == type(deadline)(date(2027, 1, 15), provisional=True)
    assert not CAL.deadline(date(2026, 12, 1), 5).provisional  # inside a known year: not marked
    assert CAL.unknown_years(date(2026, 12, 18), date(2028, 1, 3)) == (2027, 2028)


def test_a_year_table_replaces_the_weekend_count() -> None:
    # A made-up 2027 table: Friday 1 and Monday 4 January off, Saturday 9 January worked.
    fake = YearTable(2027, frozenset({date(2027, 1, 1), date(2027, 1, 4)}), frozenset({date(2027, 1, 9)}), "test")
    calendar = WorkingCalendar.of((*package_tables(), fake))
    assert not calendar.is_working_day(date(2027, 1, 4))  # a Monday off
    assert calendar.is_working_day(date(2027, 1, 9))  # a Saturday worked
    deadline = calendar.deadline(date(2026, 12, 18), 20)
    assert deadline.provisional is False and deadline.day == date(2027, 1, 18)  # net one day off: Monday


def test_days_left_and_overdue() -> None:
    assert CAL.days_left(date(2026, 11, 27), date(2026, 11, 20)).days == 5
    late = CAL.days_left(date(2026, 11, 20), date(2026, 11, 25))
    assert late.overdue and late.days == -3 and not late.provisional
    # Deadline on Friday, today is the Sunday after: overdue although no working day passed.
    assert CAL.days_left(date(2026, 11, 20), date(2026, 11, 22)).overdue
    far = CAL.days_left(date(2027, 1, 29), date(2026, 12, 31))
    assert far.provisional and far.days == 21  # the weekdays 1-29 January 2027


def test_the_calendar_agrees_with_the_package_on_every_day_it_knows() -> None:
    import chinese_calendar

    day = date(min(CAL.tables), 1, 1)
    while day.year <= LAST:
        assert CAL.is_working_day(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)
