"""A finding's photos side by side: before the rectification (left) and after it (right).

Built on the photos tab (import by button or drag-and-drop, progress, viewer); only the loading differs:
the finding's photos come split by services.finding_photos (attached after the "rectified" step = after).
"""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from acceptance_app.domain.photos import PhotoTarget
from acceptance_app.i18n import _
from acceptance_app.services.findings import photos as finding_photos
from acceptance_app.services.findings.photos import BeforeAfter
from acceptance_app.services.photos import library as photos

from acceptance_app.ui.photos.grid import PhotoGrid, PhotoGridModel
from acceptance_app.ui.photos.panel import PhotosPanel
from acceptance_app.ui.tasks import TaskRunner


class FindingPhotos(PhotosPanel):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.after_model = PhotoGridModel(lambda sha: photos.thumbnail_path(self.folder, sha), self)
        self.after_grid = PhotoGrid()
        self.after_grid.setObjectName("after_grid")
        self.after_grid.setModel(self.after_model)
        self.after_grid.files_dropped.connect(self.import_files)
        self.after_grid.activated.connect(self._open_viewer)
        self.grid.setObjectName("before_grid")
        layout = self.layout()
        index = layout.indexOf(self.grid)
        layout.removeWidget(self.grid)
        pair = QWidget()
        grid = QGridLayout(pair)
        grid.setContentsMargins(0, 0, 0, 0)
        self.before_label, self.after_label = QLabel(), QLabel()
        grid.addWidget(self.before_label, 0, 0)
        grid.addWidget(self.after_label, 0, 1)
        grid.addWidget(self.grid, 1, 0)
        grid.addWidget(self.after_grid, 1, 1)
        layout.insertWidget(index, pair, 1)
        self.setEnabled(False)

    def show_finding(self, finding_id: uuid.UUID | None) -> None:
        self.setEnabled(finding_id is not None)
        if finding_id is None:
            self.target = None
            self.model.set_rows([])
            self.after_model.set_rows([])
            self._labels(BeforeAfter((), ()))
            return
        self.show_target(PhotoTarget.finding(finding_id))

    def reload(self) -> None:
        target = self.target
        if target is None:
            return
        (self.runner.read(lambda session, task: finding_photos.before_after(session, target.id))
         .success(lambda split: self._split(target, split)).run())

    def _split(self, target: PhotoTarget, split: BeforeAfter) -> None:
        if target != self.target:
            return
        self.model.set_rows(split.before)
        self.after_model.set_rows(split.after)
        self._labels(split)
        self.count_label.setText(_("{n} photo(s)").format(n=len(split.before) + len(split.after)))
        self.loaded.emit()

    def _labels(self, split: BeforeAfter) -> None:
        self.before_label.setText(_("Before rectification ({n})").format(n=len(split.before)))
        self.after_label.setText(_("After rectification ({n})").format(n=len(split.after)))
