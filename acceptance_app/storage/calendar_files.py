"""The holiday tables as files: one JSON file per year in a ``calendar/`` folder beside the forms.

The program ships its years in ``forms/calendar``; an office's forms folder (the ``forms_dir`` setting) may
hold its own ``calendar/`` that replaces them year by year; a table installed from a file or received in an
exchange package is kept in the database (``calendar_tables``) as the same bytes. JSON, not YAML, so that
reading a deadline never imports the YAML parser (issuing a document must not).

A file::

    {"format": "acceptance-calendar", "version": 1, "year": 2027,
     "notice": {"title": "国务院办公厅关于2027年部分节假日安排的通知", "number": "国办发明电〔2026〕…号",
                "published": "2026-11-…"},
     "days_off": {"元旦": ["2027-01-01", ...], "春节": [...]},
     "workdays": {"春节": ["2027-02-…"]}}

``days_off`` are the days the notice gives off (holidays and the days moved onto them); ``workdays`` the
Saturdays and Sundays it makes working days (调休). Every problem is refused with the file and what is wrong.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from acceptance_app.domain.problems import KnownError
from acceptance_app.domain.working_days import YearTable

FORMAT = "acceptance-calendar"
VERSION = 1
FOLDER = "calendar"


def _bad(name: str, code: str, **params: Any) -> KnownError:
    return KnownError(f"calendar.{code}", file=name, **params)


def _days(raw: Any, key: str, name: str, year: int) -> frozenset[date]:
    if not isinstance(raw, dict):
        raise _bad(name, "bad_field", field=key)
    days: set[date] = set()
    for holiday, values in raw.items():
        if not isinstance(values, list):
            raise _bad(name, "bad_field", field=f"{key}.{holiday}")
        for value in values:
            try:
                day = date.fromisoformat(str(value))
            except ValueError:
                raise _bad(name, "bad_date", field=f"{key}.{holiday}", value=str(value)) from None
            if day.year != year:
                raise _bad(name, "wrong_year", field=f"{key}.{holiday}", date=day.isoformat(), year=year)
            if key == "workdays" and day.weekday() < 5:
                raise _bad(name, "not_weekend", field=f"{key}.{holiday}", date=day.isoformat())
            days.add(day)
    return frozenset(days)


def parse_table(data: bytes, name: str) -> YearTable:
    """One year's table from the bytes of its file; ``name`` is how problems name the file."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise _bad(name, "bad_json", detail=str(error)) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT or raw.get("version") != VERSION:
        raise _bad(name, "bad_format", format=FORMAT, version=VERSION)
    year = raw.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1990 <= year <= 2200:
        raise _bad(name, "bad_field", field="year")
    notice = raw.get("notice")
    if not isinstance(notice, dict) or not str(notice.get("title", "")).strip():
        raise _bad(name, "bad_field", field="notice.title")
    days_off = _days(raw.get("days_off"), "days_off", name, year)
    workdays = _days(raw.get("workdays", {}), "workdays", name, year)
    if not days_off:
        raise _bad(name, "bad_field", field="days_off")
    both = sorted(days_off & workdays)
    if both:
        raise _bad(name, "off_and_on", date=both[0].isoformat())
    number = str(notice.get("number", "")).strip()
    source = str(notice["title"]).strip() + (f"（{number}）" if number else "")
    return YearTable(year, days_off, workdays, source, hashlib.sha256(data).hexdigest())


def read_table(path: Path) -> YearTable:
    table = parse_table(path.read_bytes(), str(path))
    if path.stem != str(table.year):
        raise _bad(str(path), "file_name", expected=f"{table.year}.json")
    return table


def read_folder(folder: Path) -> tuple[YearTable, ...]:
    """Every ``<year>.json`` of a ``calendar/`` folder (none when it does not exist), checked."""
    if not folder.is_dir():
        return ()
    return tuple(read_table(path) for path in sorted(folder.glob("*.json")))


def table_file(table: YearTable, title: str, number: str = "", published: str = "",
               names: dict[date, str] | None = None) -> str:
    """The JSON text of a year's table (what ``scripts/calendar_from_package.py`` writes)."""
    names = names or {}

    def grouped(days: frozenset[date]) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for day in sorted(days):
            groups.setdefault(names.get(day, "节假日"), []).append(day.isoformat())
        return groups

    body = {"format": FORMAT, "version": VERSION, "year": table.year,
            "notice": {"title": title, "number": number, "published": published},
            "days_off": grouped(table.days_off), "workdays": grouped(table.workdays)}
    text = json.dumps(body, ensure_ascii=False, indent=1)
    # One line per holiday: a reader checks the file against the notice line by line.
    return re.sub(r"\[\n\s*([^\]]*?)\n\s*\]", lambda m: "[" + re.sub(r",\n\s*", ", ", m[1]) + "]", text) + "\n"
