"""The 照片 tab: the thumbnail grid of one record, import by dialog, folder or drag-and-drop, with progress.

Import runs on the runner's pool with a progress dialog and Cancel (what was imported before the cancel
stays: each photo is committed as it lands). The result is shown in the panel itself, not in a modal box:
one line per rejected file, naming the file and the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acceptance_app.domain.photos import ImportOutcome, ImportResult, PhotoRow, PhotoTarget
from acceptance_app.i18n import _
from acceptance_app.services.changes import Changes
from acceptance_app.services.photos import library as photos
from acceptance_app.text import describe_error

from acceptance_app.ui import desktop_state
from acceptance_app.ui.photos.grid import ROW_ROLE, PhotoGrid, PhotoGridModel
from acceptance_app.ui.tasks import Operation, TaskRunner, TaskState

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

IMAGE_FILTER = "*.jpg *.jpeg *.png *.tif *.tiff *.heic *.heif *.JPG *.JPEG *.PNG *.TIF *.TIFF *.HEIC *.HEIF"


def start_import(runner: TaskRunner, files: Sequence[Path], target: PhotoTarget, parent: QWidget) -> Operation:
    """The import as a runner operation (not yet run): on the pool, with progress and Cancel."""
    folder = runner.database.folder

    def work(session: Session, task: TaskState) -> tuple[list[ImportResult], Changes]:
        # A step operation, not a write: import_photos commits each photo as it lands, on the pool, so the
        # writer stays free for answers; the runner announces the photos when it ends, however it ends.
        results = photos.import_photos(session, folder, list(files), target, task)
        landed = any(r.outcome in (ImportOutcome.IMPORTED, ImportOutcome.DUPLICATE) for r in results)
        return results, Changes(photo=landed)

    return runner.steps(work, may_change=Changes(photo=True)).with_progress(_("Importing photos…"), parent)


class PhotosPanel(QWidget):
    loaded = Signal()
    import_finished = Signal(list)  # list[ImportResult]

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.folder = runner.database.folder
        self.target: PhotoTarget | None = None
        self.viewers: list[QWidget] = []
        self.model = PhotoGridModel(lambda sha: photos.thumbnail_path(self.folder, sha), self)
        self.grid = PhotoGrid()
        self.grid.setObjectName("photo_grid")
        self.grid.setModel(self.model)
        self.grid.files_dropped.connect(self.import_files)
        self.grid.activated.connect(self._open_viewer)
        self.import_button = QPushButton(_("Import photos…"))
        self.import_button.clicked.connect(self._choose_files)
        self.folder_button = QPushButton(_("Import folder…"))
        self.folder_button.clicked.connect(self._choose_folder)
        self.count_label = QLabel()
        self.count_label.setObjectName("photo_count")
        self.result_label = QLabel()
        self.result_label.setObjectName("import_result")
        self.rejections = QListWidget()
        self.rejections.setObjectName("rejections")
        self.rejections.setMaximumHeight(90)
        self.rejections.hide()
        hint = QLabel(_("Drag photos or folders here to import them."))
        hint.setStyleSheet("color: #777;")
        bar = QHBoxLayout()
        for widget in (self.import_button, self.folder_button, self.count_label):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.result_label)
        layout.addWidget(self.rejections)
        runner.changes_applied.connect(self._on_changes)

    # Loading ------------------------------------------------------------------------------------------------
    def show_target(self, target: PhotoTarget) -> None:
        self.target = target
        self.result_label.clear()
        self.rejections.clear()
        self.rejections.hide()
        self.reload()

    def reload(self) -> None:
        target = self.target
        if target is None:
            return
        self.runner.read(lambda session, task: photos.list_photos(session, target)).success(
            lambda rows: self._show(target, rows)
        ).run()

    def _show(self, target: PhotoTarget, rows: Sequence[PhotoRow]) -> None:
        if target != self.target:
            return
        self.model.set_rows(rows)
        self.count_label.setText(_("{n} photo(s)").format(n=len(rows)))
        self.loaded.emit()

    def _on_changes(self, changes: Changes) -> None:
        if changes.photo:
            self.reload()

    # Import -------------------------------------------------------------------------------------------------
    def _choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, _("Import photos"), desktop_state.last_folder(), _("Photos ({patterns})").format(patterns=IMAGE_FILTER)
        )
        if names:
            desktop_state.remember_folder(names[0])
            self.import_files([Path(n) for n in names])

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, _("Import a folder or camera card"), desktop_state.last_folder())
        if name:
            desktop_state.remember_folder(name)
            self.import_files([Path(name)])

    def import_files(self, files: Sequence[Path]) -> Operation[list[ImportResult]] | None:
        target = self.target
        if target is None or not files:
            return None
        return start_import(self.runner, files, target, self).success(self._imported).run()

    def _imported(self, results: list[ImportResult]) -> None:
        count = {outcome: sum(r.outcome is outcome for r in results) for outcome in ImportOutcome}
        self.result_label.setText(
            _("Imported {imported}, already there {duplicate}, rejected {rejected}, not done {cancelled}").format(
                imported=count[ImportOutcome.IMPORTED], duplicate=count[ImportOutcome.DUPLICATE],
                rejected=count[ImportOutcome.REJECTED], cancelled=count[ImportOutcome.CANCELLED],
            )
        )
        self.rejections.clear()
        for result in results:
            if result.outcome is ImportOutcome.REJECTED:
                self.rejections.addItem(describe_error(photos.rejection(result)))
        self.rejections.setVisible(self.rejections.count() > 0)
        self.import_finished.emit(results)

    # Viewer -------------------------------------------------------------------------------------------------
    def _open_viewer(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, PhotoRow):
            self.open_viewer(row)

    def open_viewer(self, row: PhotoRow) -> QWidget:
        from acceptance_app.ui.photos.viewer import PhotoViewer

        viewer = PhotoViewer(self.runner, row.id, parent=self.window())
        viewer.destroyed.connect(lambda *_args, v=viewer: self.viewers.remove(v) if v in self.viewers else None)
        self.viewers.append(viewer)
        viewer.show()
        return viewer
