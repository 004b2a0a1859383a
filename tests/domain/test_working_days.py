from datetime import date, timedelta

import pytest

from acceptance_app.domain.working_days import (
    LAST_YEAR,
    CalendarOutOfRange,
    add_working_days,
    days_left,
    working_days_between,
)


def test_national_day_week_is_skipped_and_make_up_saturday_counts() -> None:
    # 2026: 1-7 October off, Saturday 10 October is a make-up working day.
    assert add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 8)
    assert add_working_days(date(2026, 10, 9), 1) == date(2026, 10, 10)


def test_plain_week_and_zero_days() -> None:
    assert add_working_days(date(2026, 11, 20), 5) == date(2026, 11, 27)  # Friday + 5 = next Friday
    assert add_working_days(date(2026, 11, 20), 0) == date(2026, 11, 20)


def test_between_is_the_inverse_of_add() -> None:
    start = date(2026, 9, 25)
    for n in (1, 3, 10, 25):
        assert working_days_between(start, add_working_days(start, n)) == n


def test_beyond_the_calendar_is_refused_with_the_years_known() -> None:
    with pytest.raises(CalendarOutOfRange) as caught:
        add_working_days(date(LAST_YEAR, 12, 20), 30)
    assert caught.value.params["last"] == LAST_YEAR
    assert caught.value.params["date"].startswith(str(LAST_YEAR + 1))


def test_days_left_and_overdue() -> None:
    assert days_left(date(2026, 11, 27), date(2026, 11, 20)).days == 5
    late = days_left(date(2026, 11, 20), date(2026, 11, 25))
    assert late.overdue and late.days == -3 and late.working
    # Deadline on Friday, today is the Sunday after: overdue although no working day passed.
    assert days_left(date(2026, 11, 20), date(2026, 11, 22)).overdue
    # Beyond the calendar: counted in calendar days, flagged as such.
    far = days_left(date(LAST_YEAR + 1, 1, 31), date(LAST_YEAR, 12, 31))
    assert far == type(far)(31, working=False)


def test_the_fast_lookup_agrees_with_the_library_on_every_day_it_knows() -> None:
    import chinese_calendar

    from acceptance_app.domain.working_days import FIRST_YEAR, is_working_day

    day = date(FIRST_YEAR, 1, 1)
    while day.year <= LAST_YEAR:
        assert is_working_day(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)
