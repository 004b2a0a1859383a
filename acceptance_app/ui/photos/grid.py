"""The thumbnail grid: a QListView in IconMode over a model that loads thumbnails lazily, off the GUI thread.

The view asks only for the items it paints, so a unit with thousands of photos opens at once: the model
answers with a grey placeholder and queues the thumbnail file for a QThreadPool worker, which decodes it
into a QImage (safe off the GUI thread, unlike QPixmap); the image comes back through a queued signal and
the one item is repainted. Decoded images are kept in a bounded cache.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage, QPainter
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from acceptance_app.domain.beijing_time import beijing_text
from acceptance_app.domain.photos import PhotoRow

THUMB_PX = 160  # shown size; the stored thumbnails are 256 px and are scaled down once when loaded
CACHE_LIMIT = 600
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class _LoadedSignal(QObject):
    loaded = Signal(str, QImage)  # sha256, image


class _LoadThumbnail(QRunnable):
    def __init__(self, sha256: str, path: Path, relay: _LoadedSignal) -> None:
        super().__init__()
        self.sha256, self.path, self.relay = sha256, path, relay

    def run(self) -> None:
        image = QImage(str(self.path))
        if not image.isNull():
            image = _squared(image.scaled(THUMB_PX, THUMB_PX, Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))
        self.relay.loaded.emit(self.sha256, image)


def _squared(image: QImage) -> QImage:
    """Centre on a transparent square, so portrait and landscape captions line up in the grid."""
    square = QImage(THUMB_PX, THUMB_PX, QImage.Format.Format_ARGB32_Premultiplied)
    square.fill(Qt.GlobalColor.transparent)
    painter = QPainter(square)  # painting on a QImage is allowed off the GUI thread
    painter.drawImage((THUMB_PX - image.width()) // 2, (THUMB_PX - image.height()) // 2, image)
    painter.end()
    return square


class PhotoGridModel(QAbstractListModel):
    def __init__(self, thumbnail_path: Any, parent: QObject | None = None) -> None:
        """``thumbnail_path(sha256) -> Path`` (injected: the model knows nothing about the store)."""
        super().__init__(parent)
        self.thumbnail_path = thumbnail_path
        self.rows: list[PhotoRow] = []
        self._images: OrderedDict[str, QImage] = OrderedDict()
        self._pending: set[str] = set()
        self._row_of: dict[str, int] = {}
        self._relay = _LoadedSignal()
        self._relay.loaded.connect(self._loaded, Qt.ConnectionType.QueuedConnection)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        grey = QImage(THUMB_PX, THUMB_PX * 3 // 4, QImage.Format.Format_RGB32)
        grey.fill(QColor("#d9d9d9"))
        self._placeholder = _squared(grey)

    def set_rows(self, rows: Sequence[PhotoRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._row_of = {row.sha256: n for n, row in enumerate(self.rows)}
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.caption or row.original_name
        if role == Qt.ItemDataRole.DecorationRole:
            return self._image(row.sha256)
        if role == Qt.ItemDataRole.ToolTipRole:
            taken = beijing_text(row.taken_at, empty="—")
            return f"{row.original_name}\n{row.width}×{row.height}\n{taken}"
        if role == ROW_ROLE:
            return row
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags

    def _image(self, sha256: str) -> QImage:
        image = self._images.get(sha256)
        if image is not None:
            self._images.move_to_end(sha256)
            return image
        if sha256 not in self._pending:
            self._pending.add(sha256)
            self.pool.start(_LoadThumbnail(sha256, self.thumbnail_path(sha256), self._relay))
        return self._placeholder

    def _loaded(self, sha256: str, image: QImage) -> None:
        self._pending.discard(sha256)
        # A missing or unreadable thumbnail keeps the placeholder (and is not asked for again on every paint).
        self._images[sha256] = self._placeholder if image.isNull() else image
        while len(self._images) > CACHE_LIMIT:
            self._images.popitem(last=False)
        row = self._row_of.get(sha256)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def loaded_count(self) -> int:
        return sum(image is not self._placeholder for image in self._images.values())

    def shutdown(self) -> None:
        self.pool.clear()
        self.pool.waitForDone()


class PhotoGrid(QListView):
    """The grid; dropping files or folders on it asks for them to be imported."""

    files_dropped = Signal(list)  # list[Path]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)  # lets the view lay out thousands of items without asking each one
        self.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.setGridSize(QSize(THUMB_PX + 24, THUMB_PX + 40))
        self.setSpacing(4)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    @staticmethod
    def _local_files(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._local_files(event)
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(files)
