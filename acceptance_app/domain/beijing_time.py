"""The one time zone people see: Beijing time (UTC+8, no daylight saving since 1991).

Times are stored in UTC (storage/models/base.py); every time shown on screen, printed by the CLI or written into
a document or a signature block goes through here, so two screens never disagree about when something happened.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8), "北京时间")
ZONE_LABEL = "北京时间"  # printed after a time where the reader cannot know the zone (signature blocks)


def to_beijing(value: datetime) -> datetime:
    """An aware datetime in Beijing time. A naive value is taken as UTC (how the database stores times)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(BEIJING)


def beijing_text(value: datetime | None, seconds: bool = False, empty: str = "") -> str:
    """"2026-12-05 10:56" (Beijing time) for a stored UTC time; ``empty`` for None."""
    if value is None:
        return empty
    return to_beijing(value).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def beijing_iso_text(value: str, seconds: bool = True) -> str:
    """An ISO-8601 time string (as signature records and exchange packages carry it) in Beijing time."""
    if not value:
        return ""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return value[:19]  # not ISO: shown as written rather than hidden
    return beijing_text(parsed, seconds=seconds)


def now_beijing() -> datetime:
    return datetime.now(BEIJING)
