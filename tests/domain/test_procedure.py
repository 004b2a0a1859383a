"""The procedure clock: pauses not counted, order enforced, warnings before the limit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from acceptance_app.domain.procedure import Event, OutOfOrder, Stage, check_next, clock


def calendar_days(start: date, end: date) -> tuple[int, bool]:  # a plain counter for the test's arithmetic
    return (end - start).days, False


def test_the_rectification_pause_is_not_counted() -> None:
    events = [Event(Stage.APPLIED, date(2026, 11, 2)), Event(Stage.ACCEPTED, date(2026, 11, 3), "SL-1"),
              Event(Stage.SITE, date(2026, 11, 10)), Event(Stage.RECTIFICATION, date(2026, 11, 11), reason="整改"),
              Event(Stage.RECEIPT, date(2026, 11, 12)), Event(Stage.REPORTED, date(2026, 11, 21)),
              Event(Stage.RECHECK, date(2026, 11, 23)), Event(Stage.OPINION, date(2026, 11, 24))]
    c = clock(events, 10, 2, date(2026, 12, 1), calendar_days)
    assert c.counted_days == 21 - 10  # 3 Nov..24 Nov is 21 days, the 10 of 11..21 Nov paused
    assert c.pauses[0].receipt == date(2026, 11, 12) and c.pauses[0].reason == "整改"
    assert not c.running and c.status == "over"


def test_warning_before_the_limit_and_paused_clock_does_not_run() -> None:
    start = date(2026, 11, 2)
    events = [Event(Stage.APPLIED, start), Event(Stage.ACCEPTED, start, "SL-1")]
    assert clock(events, 10, 2, start + timedelta(days=8), calendar_days).status == "warn"
    assert clock(events, 10, 2, start + timedelta(days=5), calendar_days).status == "ok"
    paused = [*events, Event(Stage.SITE, start), Event(Stage.RECTIFICATION, start + timedelta(days=1))]
    assert not clock(paused, 10, 2, start + timedelta(days=30), calendar_days).running


def test_stages_keep_their_order() -> None:
    with pytest.raises(OutOfOrder):
        check_next([], Event(Stage.ACCEPTED, date(2026, 11, 3)))
    applied = [Event(Stage.APPLIED, date(2026, 11, 5))]
    with pytest.raises(OutOfOrder):
        check_next(applied, Event(Stage.ACCEPTED, date(2026, 11, 4)))  # before the last stage
    paused = [*applied, Event(Stage.ACCEPTED, date(2026, 11, 5)), Event(Stage.SITE, date(2026, 11, 6)),
              Event(Stage.RECTIFICATION, date(2026, 11, 7))]
    with pytest.raises(OutOfOrder):
        check_next(paused, Event(Stage.OPINION, date(2026, 11, 9)))  # not while the rectification is open
