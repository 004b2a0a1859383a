"""A table view set up the same way everywhere: whole-row selection, sorting off, compact rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def make_table(parent: QWidget | None = None, stretch_column: int | None = 0) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch_column is not None:
        view.horizontalHeader().setStretchLastSection(False)
    view.setWordWrap(False)
    # Elide in the middle: "泉华苑住宅小区（一期）" and "（二期）" keep the part that tells them apart.
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    # Size columns from the first rows only: measuring every row of a 500-unit matrix costs a visible stall.
    view.horizontalHeader().setResizeContentsPrecision(40)
    return view
