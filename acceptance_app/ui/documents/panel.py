"""The documents of a project: issue each type with progress (the opinion for the whole project or one unit accepted
alone, ui/documents/opinion_scope.py), list them, preview, open and print; refusals show in the panel."""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from acceptance_app.domain.beijing_time import beijing_iso_text
from acceptance_app.domain.enums import DocumentType
from acceptance_app.domain.problems import KnownError
from acceptance_app.exports import office_xlsx
from acceptance_app.i18n import _
from acceptance_app.reports.rendering import RenderHelper
from acceptance_app.services.changes import Changes
from acceptance_app.services.documents import drafts as document_drafts
from acceptance_app.services.documents import issuing as documents
from acceptance_app.services.documents import scope as opinion_scope
from acceptance_app.services.signing import signatures as signing
from acceptance_app.text import describe_error
from acceptance_app.text.labels import label

from acceptance_app.ui.documents.draft_dialog import DraftDialog, show_draft
from acceptance_app.ui.documents.opinion_scope import OpinionScopeBox
from acceptance_app.ui.documents.preview import PdfPreview, render_pages, zoom_bar
from acceptance_app.ui.errors import show_exception
from acceptance_app.ui.history_dialog import open_history
from acceptance_app.ui.models.rows_model import Column, RowsModel
from acceptance_app.ui.signing.identities_dialog import IdentitiesDialog
from acceptance_app.ui.signing.sign_dialog import open_sign_dialog
from acceptance_app.ui.signing.verify_dialog import open_verify_dialog
from acceptance_app.ui.tasks import TaskRunner
from acceptance_app.ui.widgets.table import make_table

PREVIEW_DPI = 110  # sharp enough to fit a wide view or zoom in; scaled down to fit otherwise

def document_title(row: documents.DocumentRow) -> str:
    """The type, with the unit of an opinion accepted alone or of a record sheet: 联合验收意见书（6#住宅楼）."""
    if row.unit_name:
        return _("{type} ({unit})").format(type=label(row.type), unit=row.unit_name)
    return label(row.type)


DOCUMENT_COLUMNS: list[Column[documents.DocumentRow]] = [
    Column(lambda: _("Number"), lambda r: r.number),
    Column(lambda: _("Type"), document_title),
    Column(lambda: _("Version"), lambda r: str(r.version), align_right=True),
    Column(lambda: _("State"), lambda r: label(r.state)),
    Column(lambda: _("Issued at"), lambda r: beijing_iso_text(r.issued_at, seconds=False)),
]


class DocumentsPanel(QWidget):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.project_id: uuid.UUID | None = None
        self.current: Path | None = None
        issue: list[tuple[str, str, DocumentType]] = [
            ("issue_opinion", _("Issue opinion…"), DocumentType.OPINION),
            ("issue_rectification", _("Issue rectification notice…"), DocumentType.RECTIFICATION),
            ("issue_service_report", _("Issue service report…"), DocumentType.SERVICE_REPORT),
            ("issue_record_sheets", _("Issue record sheets…"), DocumentType.RECORD_SHEET),
        ]
        # Two rows: what to issue (the opinion's scope first), then what to do with the selected document.
        issuing = QHBoxLayout()
        self.scope_box = OpinionScopeBox(self)
        scope_label = QLabel(_("&Opinion covers:"))
        scope_label.setBuddy(self.scope_box)
        issuing.addWidget(scope_label)
        issuing.addWidget(self.scope_box, 1)
        for name, text, doc_type in issue:
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, d=doc_type: self.issue(d))
            issuing.addWidget(button)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(_("Open in viewer"))
        self.open_button.clicked.connect(self.open_external)
        self.print_button = QPushButton(_("Print…"))
        self.print_button.clicked.connect(self.print_current)
        self.sign_button = QPushButton(_("Sign…"), objectName="sign_document")
        self.sign_button.clicked.connect(self.sign_selected)
        self.verify_button = QPushButton(_("Verify"), objectName="verify_document")
        self.verify_button.clicked.connect(self.verify_selected)
        for button in (self.sign_button, self.verify_button, self.open_button, self.print_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        self.history_button = QPushButton(_("History…"), objectName="document_history")
        self.history_button.clicked.connect(self.history_selected)
        self.history_button.setEnabled(False)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        export_button = QPushButton(_("Export Excel…"), objectName="export_xlsx")
        export_button.clicked.connect(self.export_xlsx)
        buttons.addWidget(export_button)
        identities_button = QPushButton(_("Signing identities…"), objectName="signing_identities")
        identities_button.clicked.connect(self.manage_identities)
        buttons.addWidget(identities_button)

        self.model: RowsModel[documents.DocumentRow] = RowsModel(DOCUMENT_COLUMNS, self)
        self.view = make_table(self)
        self.view.setObjectName("document_table")
        self.view.setModel(self.model)
        for column in (0, 1):  # the number and the type, which names the unit: 联合验收意见书（6#住宅楼）
            self.view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setMinimumWidth(480)
        self.view.selectionModel().currentRowChanged.connect(lambda index, _old: self._preview_row(index))
        self.preview = PdfPreview(self)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(zoom_bar(self.preview))
        right_layout.addWidget(self.preview, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        # Why issuing was refused (a unit not ready, data missing, already issued): shown here, in the panel,
        # not in a modal box, so the inspector can read it while choosing again.
        self.message = QLabel(objectName="documents_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet("color: #8a4b00;")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(issuing)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        self.draft_dialog: DraftDialog | None = None
        self.replaces = ""  # the number of the opinion in force that the draft shown would supersede
        self.wanted: uuid.UUID | None = None  # the document to select once the list shows it
        # What an opinion can cover is read when the tab is seen, not after every answer elsewhere: on a project of
        # hundreds of units the reads held up the project page (500 units: 98 ms instead of 59 ms to paint).
        self._scopes_stale = False
        self._helper: RenderHelper | None = None
        runner.changes_applied.connect(self._on_changes)

    def show_project(self, project_id: uuid.UUID) -> None:
        if project_id != self.project_id:
            self.scope_box.set_scopes([])  # another project's units are never offered, not even for a moment
            self.show_message("")
        self.project_id = project_id
        self.wanted = None
        self.reload()
        self.reload_scopes()

    def reload_scopes(self) -> None:
        """What an opinion can cover now (services/documents/scope.py); later when the tab is hidden."""
        if self.project_id is None:
            return
        if not self.isVisible():
            self._scopes_stale = True
            return
        self._scopes_stale = False
        project_id = self.project_id
        self.runner.read(lambda s, t: opinion_scope.opinion_scopes(s, project_id)).success(
            lambda scopes: self._set_scopes(project_id, scopes)).run()

    def _set_scopes(self, project_id: uuid.UUID, scopes: list[opinion_scope.OpinionScope]) -> None:
        if project_id == self.project_id:  # the answer of a project since left is dropped
            self.scope_box.set_scopes(scopes)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _failed(self, error: BaseException) -> None:
        """A refusal (KnownError) or a file error is shown in the panel; anything else is a bug for the crash
        dialog."""
        if isinstance(error, KnownError):
            self.show_message(describe_error(error))
        elif isinstance(error, OSError):
            self.show_message(_("The operation failed: {error}").format(error=error))
        else:
            show_exception(self, error)

    def reload(self, select: uuid.UUID | None = None) -> None:
        """Reread the list and keep the selected document selected (or select ``select``): after signing, the
        signed document stays selected so that 验证 works at once (field trial item 13)."""
        if self.project_id is None:
            return
        project_id = self.project_id
        if select is not None:  # kept until a reread shows it: reloads for other changes may overtake this one
            self.wanted = select
        keep = self.wanted or (self.selected_row().id if self.selected_row() is not None else None)
        self.runner.read(lambda s, t: documents.list_documents(s, project_id)).success(
            lambda rows: self._set_rows(rows, keep)).run()

    def _set_rows(self, rows: list[documents.DocumentRow], keep: uuid.UUID | None) -> None:
        keep = self.wanted or keep
        self.model.set_rows(rows)
        index = next((i for i, row in enumerate(rows) if row.id == keep), None)
        if index is not None:
            self.wanted = None
            self.view.selectRow(index)
        else:
            for button in (self.sign_button, self.verify_button, self.history_button):
                button.setEnabled(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._scopes_stale:
            self.reload_scopes()

    def _on_changes(self, changes: Changes) -> None:
        if changes.report:
            self.reload()
        # a verdict, a finding closed or a unit's 单独验收 changes what an opinion can cover
        if changes.report or changes.unit or changes.inspection or changes.checklist or changes.finding:
            self.reload_scopes()

    def issue(self, doc_type: DocumentType) -> None:
        """Draft first: build the inputs (reader), render them without a number (pool), show them; only the
        dialog's 出具 numbers and records the document (``_confirm_issue``). The opinion covers the scope chosen
        beside its button: the whole project or one unit accepted on its own."""
        if self.project_id is None:
            return
        self.show_message("")
        project_id, title, unit_id = self.project_id, label(doc_type), None
        self.replaces = ""
        if doc_type is DocumentType.OPINION:
            scope = self.scope_box.current_scope()
            unit_id = scope.unit_id if scope is not None else None
            if scope is not None:
                self.replaces = scope.issued_number  # an unchanged opinion is refused; a changed one replaces it
                if unit_id is not None:
                    title = _("{type} ({unit})").format(type=title, unit=scope.name)

            def drafts(session: Any, task: Any) -> list[document_drafts.Draft]:
                return opinion_scope.opinion_drafts(session, project_id, unit_id)
        else:
            def drafts(session: Any, task: Any) -> list[document_drafts.Draft]:
                return document_drafts.draft_inputs(session, doc_type, project_id)
        (self.runner.read(drafts)
         .with_progress(_("Preparing the draft"), self)
         .success(lambda found: self._render_draft(found, title, doc_type, unit_id))
         .failure(self._failed)
         .run())

    def _render_draft(self, drafts: list[document_drafts.Draft], title: str, doc_type: DocumentType,
                      unit_id: uuid.UUID | None = None) -> None:
        if not drafts:
            self.show_message(_("There is nothing to issue: no inspection is completed yet."))
            return

        helper = self._renderer()

        def render(task: Any) -> list[tuple[int, int, bytes]]:
            with tempfile.TemporaryDirectory(prefix="draft-") as folder:
                rendered = document_drafts.render_drafts(drafts, Path(folder), helper.render, progress=task.progress)
                return [page for draft in rendered for page in render_pages(draft.path, PREVIEW_DPI, task)]

        (self.runner.slow(render)
         .with_progress(_("Rendering the draft"), self)
         .success(lambda pages: self._show_draft(title, pages, len(drafts), doc_type, unit_id))
         .failure(self._failed)
         .run())

    def _renderer(self) -> RenderHelper:
        """Documents render in a helper process, started at the first draft and kept: rendered on a pool thread
        of this process, ReportLab held the interpreter long enough to keep an answer from committing for up to
        80-120 ms (scripts/bench_issuing.py)."""
        if self._helper is None:
            helper = self._helper = RenderHelper()
            self.destroyed.connect(lambda *_args: helper.close())
        return self._helper

    def _show_draft(self, title: str, pages: list[tuple[int, int, bytes]], count: int,
                    doc_type: DocumentType, unit_id: uuid.UUID | None = None) -> None:
        self.draft_dialog = show_draft(title, pages, count, self, self.replaces)
        self.draft_dialog.confirmed.connect(lambda: self._confirm_issue(doc_type, title, unit_id))

    def _confirm_issue(self, doc_type: DocumentType, label: str, unit_id: uuid.UUID | None = None) -> None:
        """Reserve (the inputs read and the numbers taken, each number its own short commit) on the reader,
        render on the pool, record on the writer (a short write): the writer stays free for answers and photos
        while a long document renders."""
        if self.project_id is None:
            return
        project_id = self.project_id
        failed = self._failed

        def plan(session: Any, task: Any) -> documents.IssuePlan:
            if unit_id is not None:  # still ready: a sync may have brought a change since the draft
                opinion_scope.ensure_unit_ready(session, project_id, unit_id)
            return documents.plan_issue(session, doc_type, project_id, unit_id)

        (self.runner.read(plan)
         .with_progress(label, self)
         .success(lambda planned: self._render(planned, label, failed))
         .failure(failed)
         .run())

    def _render(self, plan: documents.IssuePlan, label: str, failed: Callable[[BaseException], None]) -> None:
        helper = self._renderer()
        (self.runner.slow(lambda task: documents.render_plan(plan, helper.render))
         .with_progress(label, self)
         .success(lambda rendered: self._record(plan, rendered, failed))
         .failure(failed)
         .run())

    def _record(self, plan: documents.IssuePlan, rendered: Any, failed: Callable[[BaseException], None]) -> None:
        (self.runner.write(lambda session, task: (documents.record_plan(session, plan, rendered), Changes(report=True)))
         .success(self._issued)
         .failure(failed)
         .run())

    def _issued(self, issued: list[documents.IssuedDocument]) -> None:
        if issued:
            self.reload(select=issued[0].id)

    def _preview_row(self, index: Any) -> None:
        row = self.model.row_at(index)
        for button in (self.sign_button, self.verify_button, self.history_button):
            button.setEnabled(row is not None)
        if row is not None:  # the latest signed file when there is one (services.signing)
            self.runner.read(lambda s, t: signing.current_path(s, row.id)).success(self.show_pdf).run()

    def selected_row(self) -> documents.DocumentRow | None:
        return self.model.row_at(self.view.currentIndex())

    def sign_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            open_sign_dialog(self.runner, row.id, self, lambda _result: self._signed(row.id))

    def _signed(self, document_id: uuid.UUID) -> None:
        self.reload(select=document_id)  # selecting it shows the signed file (_preview_row)

    def manage_identities(self) -> None:
        dialog = IdentitiesDialog(self.runner, self)
        dialog.setObjectName("identities_dialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def verify_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            open_verify_dialog(self.runner, row.id, row.number, self)

    def history_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            open_history(self.runner, row.id, row.number, self)

    def export_xlsx(self, _checked: bool = False, path: str | None = None) -> None:
        """The project's workbook for the offices (exports/office_xlsx.py), read and written off the GUI."""
        if self.project_id is None:
            return
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, _("Export Excel workbook"), "", "Excel (*.xlsx)")
        if not path:
            return
        target = Path(path) if path.endswith(".xlsx") else Path(path + ".xlsx")
        project_id = self.project_id
        (self.runner.read(lambda session, task: office_xlsx.export_xlsx(session, project_id, target))
         .with_progress(_("Writing the Excel workbook"), self)
         .success(lambda counts: self._exported(target, counts))
         .failure(lambda error: show_exception(self, error))
         .run())

    def show_pdf(self, path: Path) -> None:
        self.current = path
        (self.runner.slow(lambda task: render_pages(path, PREVIEW_DPI, task))
         .with_progress(_("Rendering preview"), self)
         .success(self.preview.show_pages)
         .failure(lambda error: show_exception(self, error))
         .run())
        for button in (self.open_button, self.print_button):
            button.setEnabled(True)

    def open_external(self) -> None:
        if self.current is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.current)))

    def print_current(self) -> None:
        if self.current is not None:
            self.preview.print_pages(self, self.current)

    def _exported(self, target: Path, counts: Any) -> None:
        QMessageBox.information(self, _("Excel workbook written"), _(
            "{path}: {findings} findings, {sheets} discipline sheets, the rectification dashboard and "
            "{audit} history lines.").format(path=target, findings=counts.findings,
                                             sheets=counts.discipline_sheets, audit=counts.audit_events))
