from datetime import UTC, datetime

from acceptance_app.domain.beijing_time import beijing_iso_text, beijing_text, to_beijing


def test_utc_is_shown_eight_hours_later():
    stored = datetime(2026, 12, 5, 2, 56, tzinfo=UTC)
    assert beijing_text(stored) == "2026-12-05 10:56"
    assert beijing_text(datetime(2026, 12, 5, 17, 30, 5, tzinfo=UTC), seconds=True) == "2026-12-06 01:30:05"


def test_naive_values_are_utc_and_none_is_empty():
    assert to_beijing(datetime(2026, 1, 1, 0, 0)).hour == 8
    assert beijing_text(None, empty="—") == "—"


def test_iso_strings_from_signature_records():
    assert beijing_iso_text("2026-12-05T03:01:33+00:00") == "2026-12-05 11:01:33"
    assert beijing_iso_text("") == ""
