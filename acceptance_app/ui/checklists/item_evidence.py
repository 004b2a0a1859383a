"""Evidence on the item: the current item's photos as thumbnails beside the answer panel, photos dragged onto a
checklist row attached to that item, and a finding recorded from the row (F) with its photos.

The row's 待办 (missing photo / finding) updates as soon as the photo or finding is saved: the evidence rule
counts photos of the item and of its findings, and the checklist reloads on either change.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSize
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QListView, QTableView, QWidget

from acceptance_app.domain.checklists.sheet import ItemRow
from acceptance_app.domain.photos import ImportResult, PhotoRow, PhotoTarget
from acceptance_app.i18n import _
from acceptance_app.services.changes import Changes
from acceptance_app.services.findings import workflow as findings
from acceptance_app.services.photos import library as photos

from acceptance_app.ui import desktop_state
from acceptance_app.ui.checklists.item_finding import item_finding_dialog
from acceptance_app.ui.models.rows_model import ROW_ROLE
from acceptance_app.ui.photos.grid import ROW_ROLE as PHOTO_ROW_ROLE
from acceptance_app.ui.photos.grid import PhotoGrid, PhotoGridModel
from acceptance_app.ui.photos.panel import IMAGE_FILTER, start_import
from acceptance_app.ui.tasks import TaskRunner

STRIP_PX = 56


class ItemPhotoStrip(PhotoGrid):
    """One row of small thumbnails of the item's photos; a double-click opens the viewer, a drop attaches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("item_photos")
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setWordWrap(False)
        self.setIconSize(QSize(STRIP_PX, STRIP_PX))
        self.setGridSize(QSize(STRIP_PX + 6, STRIP_PX + 6))
        self.setFixedHeight(STRIP_PX + 12 + self.horizontalScrollBar().sizeHint().height())
        self.setToolTip(_("Photos of this item and of its findings; drop photos here to attach them"))


class ItemEvidence(QObject):
    def __init__(self, runner: TaskRunner, view: QTableView, inspection_id: Callable[[], uuid.UUID | None],
                 current_row: Callable[[], ItemRow | None], parent: QWidget) -> None:
        super().__init__(parent)
        self.runner, self.view, self.parent_widget = runner, view, parent
        self._inspection_id, self._current_row = inspection_id, current_row
        self.model = PhotoGridModel(lambda sha: photos.thumbnail_path(runner.database.folder, sha), self)
        self.strip = ItemPhotoStrip()
        self.strip.setModel(self.model)
        self.strip.files_dropped.connect(lambda files: self.attach_to_current(files))
        self.strip.activated.connect(self._open_viewer)
        self._shown: PhotoTarget | None = None
        view.viewport().setAcceptDrops(True)
        view.viewport().installEventFilter(self)
        runner.changes_applied.connect(self._on_changes)

    # The current item's photos ----------------------------------------------------------------------------
    def target(self, row: ItemRow | None) -> PhotoTarget | None:
        inspection_id = self._inspection_id()
        if row is None or inspection_id is None:
            return None
        return PhotoTarget.inspection(inspection_id, row.item.id)

    def show_item(self, row: ItemRow | None) -> None:
        target = self.target(row)
        self._shown = target
        if target is None:
            self.model.set_rows([])
            return
        self.runner.read(lambda session, task: photos.list_photos(session, target)).success(
            lambda rows: self._show(target, rows)).run()

    def _show(self, target: PhotoTarget, rows: Sequence[PhotoRow]) -> None:
        if target == self._shown:
            self.model.set_rows(rows)

    def _on_changes(self, changes: Changes) -> None:
        if changes.photo and self._shown is not None:
            self.show_item(self._current_row())

    def _open_viewer(self, index: QModelIndex) -> None:
        row = index.data(PHOTO_ROW_ROLE)
        if isinstance(row, PhotoRow):
            from acceptance_app.ui.photos.viewer import PhotoViewer

            viewer = PhotoViewer(self.runner, row.id, parent=self.parent_widget.window())
            viewer.show()

    # Attaching ----------------------------------------------------------------------------------------------
    def attach(self, row: ItemRow, files: Sequence[Path]) -> None:
        target = self.target(row)
        if target is None or not files:
            return
        start_import(self.runner, files, target, self.parent_widget).success(self._imported).run()

    def attach_to_current(self, files: Sequence[Path]) -> None:
        row = self._current_row()
        if row is not None:
            self.attach(row, files)

    def _imported(self, results: list[ImportResult]) -> None:
        if results:
            self.runner.changes_applied.emit(Changes(photo=True, checklist=True))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Files dropped on a row of the list go to that row's item."""
        kind = event.type()
        if watched is self.view.viewport() and kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            assert isinstance(event, QDragEnterEvent | QDragMoveEvent | QDropEvent)
            files = PhotoGrid._local_files(event)
            index = self.view.indexAt(event.position().toPoint())
            row = index.data(ROW_ROLE) if index.isValid() else None
            if not files or row is None:
                event.ignore()
                return True
            event.acceptProposedAction()
            if kind == QEvent.Type.Drop:
                self.view.setCurrentIndex(index)
                self.attach(row, files)
            return True
        return super().eventFilter(watched, event)

    # A finding from the row ----------------------------------------------------------------------------------
    def record_finding(self, ask_photos: bool = True) -> None:
        row, inspection_id = self._current_row(), self._inspection_id()
        if row is None or inspection_id is None:
            return
        dialog = item_finding_dialog(row, self.parent_widget)
        if not dialog.exec():
            return
        data, reason = dialog.result_data

        def recorded(finding_id: uuid.UUID) -> None:
            if ask_photos:
                self.ask_finding_photos(finding_id)

        self.runner.write(
            lambda session, task: findings.add_finding(session, inspection_id, data, class_reason=reason)
        ).success(recorded).run()

    def ask_finding_photos(self, finding_id: uuid.UUID) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self.parent_widget, _("Photos of the finding"), desktop_state.last_folder(),
            _("Photos ({patterns})").format(patterns=IMAGE_FILTER))
        if names:
            desktop_state.remember_folder(names[0])
            self.attach_finding_photos(finding_id, [Path(n) for n in names])

    def attach_finding_photos(self, finding_id: uuid.UUID, files: Sequence[Path]) -> None:
        start_import(self.runner, files, PhotoTarget.finding(finding_id), self.parent_widget).success(
            self._imported).run()
