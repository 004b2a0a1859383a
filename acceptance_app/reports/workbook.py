"""The XLSX workbook offices open in Excel or WPS: plain tables in, one sheet each, written with openpyxl.

Like the PDF renderers it takes plain data (services/office_export.py builds it) and writes atomically. Every
sheet has its header rows frozen, a bold grey header, set column widths and wrapped long text; the wording is
Chinese, like the documents (official names of disciplines, verdicts and statuses from reports/labels.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from acceptance_app.fileio import atomic_path

MAX_SHEET_TITLE = 31  # Excel's limit
FORBIDDEN_IN_TITLE = str.maketrans({c: "_" for c in "[]:*?/\\"})


@dataclass(frozen=True)
class SheetTable:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    widths: tuple[float, ...]  # in characters; the last one repeats for further columns
    frozen_columns: int = 0  # columns that stay in view when scrolling right (the item's code and text)
    wrap: tuple[int, ...] = ()  # 0-based columns whose text wraps


@dataclass(frozen=True)
class WorkbookData:
    sheets: tuple[SheetTable, ...]
    title: str = ""


def write_xlsx(book: WorkbookData, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = book.title
    workbook.properties.creator = "acceptance_app"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E8E8E8")
    wrap = Alignment(wrap_text=True, vertical="top")
    used: set[str] = set()
    for table in book.sheets:
        title = table.title.translate(FORBIDDEN_IN_TITLE)[:MAX_SHEET_TITLE]
        while title in used:  # two disciplines never collide, but a long unit name might
            title = f"{title[:MAX_SHEET_TITLE - 2]}_{len(used)}"
        used.add(title)
        sheet = workbook.create_sheet(title)
        sheet.append(list(table.header))
        for cell in sheet[1]:
            cell.font, cell.fill = bold, fill
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for row in table.rows:
            sheet.append(list(row))
        for index in range(len(table.header)):
            width = table.widths[min(index, len(table.widths) - 1)]
            sheet.column_dimensions[get_column_letter(index + 1)].width = width
        for column in table.wrap:
            for cells in sheet.iter_rows(min_row=2, min_col=column + 1, max_col=column + 1):
                cells[0].alignment = wrap
        sheet.freeze_panes = sheet.cell(row=2, column=table.frozen_columns + 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as temp:
        workbook.save(temp)
