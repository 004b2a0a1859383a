"""Table model over a sheet's item rows, and the filter proxy (unanswered, failed, class A, needs evidence,
free text). One model row per item: a checklist of a thousand items is a thousand rows, no widgets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from acceptance_app.domain.checklists.evidence import needs_evidence
from acceptance_app.domain.checklists.jurisdiction import EMPTY_JURISDICTION, Jurisdiction
from acceptance_app.domain.checklists.sheet import ItemRow
from acceptance_app.domain.enums import ItemClass, ItemVerdict
from acceptance_app.i18n import N_, _

from acceptance_app.ui.checklists.text import (
    VERDICT_COLORS,
    answer_text,
    evidence_text,
    expectation,
    row_verdict_text,
)
from acceptance_app.ui.models.rows_model import ROW_ROLE

_Index = QModelIndex | QPersistentModelIndex

COLUMNS: list[tuple[str, Callable[[ItemRow], str]]] = [
    (N_("No."), lambda r: r.item.id),
    (N_("Group"), lambda r: r.group_title),
    (N_("Item"), lambda r: r.item.text + (f"  {SHARED_MARK}" if r.shared else "")),
    (N_("Class"), lambda r: r.item.item_class.value + (" " + _("advisory") if r.item.advisory else "")),
    (N_("Required"), expectation),
    (N_("Answer"), answer_text),
    (N_("Verdict"), row_verdict_text),
    (N_("To do"), evidence_text),
    (N_("Note"), lambda r: r.answer.values.note if r.answer else ""),
]
VERDICT_COLUMN = 6
REQUIRED_COLUMN = 4
SHARED_MARK = "⟲"


class ChecklistModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ItemRow] = []
        self.jurisdiction: Jurisdiction = EMPTY_JURISDICTION

    def set_rows(self, rows: Sequence[ItemRow], jurisdiction: Jurisdiction | None = None) -> None:
        if jurisdiction is not None:
            self.jurisdiction = jurisdiction
        same = [r.item.id for r in rows] == [r.item.id for r in self.rows]
        if same and rows:
            # Same items: update in place so selection and scroll position stay where the inspector is.
            self.rows = list(rows)
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows) or index.column() >= len(COLUMNS):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == REQUIRED_COLUMN:
                return expectation(row, self.jurisdiction)
            return COLUMNS[index.column()][1](row)
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == VERDICT_COLUMN:
            color = VERDICT_COLORS[row.verdict]
            return QBrush(QColor(color)) if color else None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == VERDICT_COLUMN and VERDICT_COLORS[row.verdict]:
            return QBrush(QColor("#000"))  # on its light background, readable in a dark theme too
        if role == Qt.ItemDataRole.ToolTipRole:
            source = row.item.source
            lines = [row.item.criterion, f"{source.standard} {source.clause}"]
            if row.shared:
                lines.append(SHARED_MARK + " " + _("a project-level item: one answer counts for every unit"))
            if row.carried:
                lines.append(_("answer carried over from an earlier round or the technical service"))
            if row.by_rule:
                lines.append(evidence_text(row))
            return "\n".join(lines)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and section < len(COLUMNS)
        ):
            return _(COLUMNS[section][0])
        return None


class Filter(StrEnum):
    ALL = "all"
    UNANSWERED = "unanswered"
    FAILED = "failed"
    CLASS_A = "class-a"
    NEEDS_EVIDENCE = "needs-evidence"


FILTER_LABELS = {
    Filter.ALL: N_("All items"),
    Filter.UNANSWERED: N_("Unanswered"),
    Filter.FAILED: N_("Failed"),
    Filter.CLASS_A: N_("Class A (veto)"),
    Filter.NEEDS_EVIDENCE: N_("Needs evidence"),
}

_TESTS: dict[Filter, Callable[[ItemRow], bool]] = {
    Filter.ALL: lambda r: True,
    Filter.UNANSWERED: lambda r: r.verdict is ItemVerdict.PENDING,
    Filter.FAILED: lambda r: r.verdict is ItemVerdict.FAIL,
    Filter.CLASS_A: lambda r: r.item.item_class is ItemClass.A,
    Filter.NEEDS_EVIDENCE: lambda r: (
        bool(r.missing) or (r.verdict is ItemVerdict.PENDING and needs_evidence(r.item))
    ),
}


class ChecklistFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.mode = Filter.ALL
        self.text = ""

    def set_mode(self, mode: Filter) -> None:
        self.beginFilterChange()
        self.mode = mode
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.text = text.strip().lower()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ChecklistModel)
        row = model.rows[source_row]
        if not _TESTS[self.mode](row):
            return False
        if self.text:
            haystack = f"{row.item.id} {row.item.text} {row.group_title} {row.item.criterion}".lower()
            return self.text in haystack
        return True
