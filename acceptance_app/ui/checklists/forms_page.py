"""The 检查表 page: the forms in use (version, items by certainty tag and class, advisory items), the items still
recalled [R], the jurisdiction values not yet confirmed, and what the office's own forms folder changed against
the shipped forms. The files are read on the pool (services.forms_overview), never on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from acceptance_app.i18n import N_, _
from acceptance_app.settings import Settings, forms_folder
from acceptance_app.text.checklists import describe_form_problem

from acceptance_app.ui.tasks import TaskRunner

CHANGES = {"added": N_("added"), "removed": N_("removed"), "changed": N_("changed")}


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = QTableWidgetItem(text)
            cell.setToolTip(text)
            table.setItem(r, c, cell)
    table.resizeColumnsToContents()
    for column in range(table.columnCount() - 1):  # long texts are elided (full text in the tooltip)
        table.setColumnWidth(column, min(table.columnWidth(column), 380))


class FormsPage(QWidget):
    def __init__(self, runner: TaskRunner, settings: Callable[[], Settings], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._settings = settings
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.reload_button = QPushButton(_("Read again"))
        self.reload_button.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.reload_button)
        self.forms = _table([_("Form"), _("Version"), _("Items"), "C", "P", "R", "I", _("A/B/C"), _("Advisory")])
        self.recalled = _table([_("Item"), _("Text"), _("Basis")])
        self.unknown = _table([_("Value"), _("Tag"), _("Source")])
        self.diff = _table([_("Form"), _("Item"), _("Change"), _("Parts")])
        self.tabs = QTabWidget()
        self.tabs.addTab(self.recalled, _("Items still recalled [R]"))
        self.tabs.addTab(self.unknown, _("Jurisdiction values not confirmed"))
        self.tabs.addTab(self.diff, _("Changes against the shipped forms"))
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b3261e;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.forms, 1)
        layout.addWidget(self.tabs, 3)
        layout.addWidget(self.problems)

    def reload(self) -> None:
        from acceptance_app.services.checklists.overview import overview

        settings = self._settings()
        folder: Path = forms_folder(settings)
        self.heading.setText(_("Reading {folder}…").format(folder=folder))
        (self.runner.slow(lambda task: overview(folder, settings.jurisdiction)).success(self._show).run())

    def _show(self, result) -> None:  # noqa: ANN001 - a FormsOverview, imported lazily
        where = _("shipped forms") if result.shipped else _("this office's forms folder")
        self.heading.setText(
            _("Forms folder: {folder} ({where}) · jurisdiction {chain}").format(
                folder=result.folder, where=where, chain=" → ".join(result.jurisdiction_chain)
            )
        )
        _fill(
            self.forms,
            [
                [f.title, f.version_label, str(f.items), *(str(n) for _t, n in f.by_tag),
                 "/".join(str(n) for _c, n in f.by_class), str(f.advisory)]
                for f in result.forms
            ],
        )
        _fill(self.recalled, [[r.item_id, r.text, r.basis] for f in result.forms for r in f.recalled])
        _fill(self.unknown, [[v.key, v.tag, v.source] for v in result.unknown_values])
        rows = [[d.discipline.value, c.item_id, _(CHANGES[c.change]), "、".join(c.fields)]
                for d in result.form_diffs for c in d.changes]
        rows += [["", v.key, _(CHANGES[v.change]), ""] for v in result.value_diffs]
        _fill(self.diff, rows)
        count = sum(len(f.recalled) for f in result.forms)
        self.tabs.setTabText(0, _("Items still recalled [R]") + f" ({count})")
        self.tabs.setTabText(1, _("Jurisdiction values not confirmed") + f" ({len(result.unknown_values)})")
        self.tabs.setTabText(
            2,
            _("Changes against the shipped forms")
            + ("" if result.shipped else f" ({len(rows)})"),
        )
        self.tabs.setTabEnabled(2, not result.shipped)
        self.problems.setText(
            "\n".join(f"{p.path}:{p.line}: {describe_form_problem(p.code, p.params)}" for p in result.problems)
        )
