"""A read-only table model over a list of immutable rows, described by column specs.

Every list in the UI is one of these: columns say how to get the display text (and optionally a
background colour and alignment) from a row. Rows are replaced wholesale (``set_rows``), which is cheap for
the sizes involved (hundreds of units) and keeps the model trivially correct.

A view with ``setSortingEnabled(True)`` sorts the model itself (``sort``): by a column's ``sort_key`` where it
has one (a date, not its text; 1#, 2#, 10# in natural order), else by its text. The order is kept when new rows
come, so a refresh does not undo the user's choice; no proxy model, so ``row_at`` stays the row shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

Row = TypeVar("Row")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    title: Callable[[], str]
    text: Callable[[Row], str]
    background: Callable[[Row], str | None] | None = None
    align_right: bool = False
    tooltip: Callable[[Row], str] | None = None
    sort_key: Callable[[Row], Any] | None = None  # what the column sorts by, when its text would mislead


class RowsModel(QAbstractTableModel, Generic[Row]):
    def __init__(self, columns: Sequence[Column[Row]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Row] = []
        self.sorted_by: tuple[int, Qt.SortOrder] | None = None  # None: the order the rows came in

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = self._sorted(list(rows))
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            self.sorted_by = None  # the header's "no sort indicator": keep the order the rows come in
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        rows_before = [self.rows[i.row()] for i in old]
        self.sorted_by = (column, order)
        self.rows = self._sorted(self.rows)
        position = {id(row): n for n, row in enumerate(self.rows)}
        self.changePersistentIndexList(old, [self.index(position[id(row)], i.column())
                                             for row, i in zip(rows_before, old, strict=True)])
        self.layoutChanged.emit()

    def _sorted(self, rows: list[Row]) -> list[Row]:
        if self.sorted_by is None:
            return rows
        column, order = self.sorted_by
        spec = self.columns[column]
        key = spec.sort_key or spec.text
        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)  # stable: ties keep their order

    def row_at(self, index: _Index) -> Row | None:
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows) or index.column() >= len(self.columns):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.BackgroundRole and column.background is not None:
            color = column.background(row)
            return QBrush(QColor(color)) if color else None
        if role == Qt.ItemDataRole.ForegroundRole and column.background is not None and column.background(row):
            return QBrush(QColor("#000"))  # dark text on the light status colours, in a dark theme too
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Long names are elided in the middle; the tooltip has them whole.
            return column.tooltip(row) if column.tooltip is not None else column.text(row) or None
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title() if section < len(self.columns) else None
        return None
