"""Writes forms/calendar/<year>.json for the years given, from the chinese-calendar package's tables.

    python scripts/calendar_from_package.py 2024 2025 2026

The package transcribes each year's State Council notice (国务院办公厅关于××××年部分节假日安排的通知); the file
names that notice. For a year the package does not know yet, write the file by hand from the notice's text
(same format, see acceptance_app/storage/calendar_files.py) and check it with `calendar check FILE`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import chinese_calendar
from chinese_calendar.constants import Holiday

from acceptance_app.domain.working_days import package_tables
from acceptance_app.fileio import atomic_write_text
from acceptance_app.locator import forms_dir
from acceptance_app.storage.calendar_files import FOLDER, table_file

_CHINESE = {h.value: h.chinese for h in Holiday}


def main(years: list[int]) -> int:
    tables = {t.year: t for t in package_tables()}
    names = {day: _CHINESE.get(name, name) for day, name in {**chinese_calendar.holidays,
                                                              **chinese_calendar.workdays}.items()}
    folder = forms_dir() / FOLDER
    folder.mkdir(exist_ok=True)
    for year in years:
        if year not in tables:
            print(f"{year}: the package does not know this year; write it from the notice", file=sys.stderr)
            return 1
        text = table_file(tables[year], f"国务院办公厅关于{year}年部分节假日安排的通知", names=names)
        atomic_write_text(Path(folder, f"{year}.json"), text)
        print(folder / f"{year}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]]))
