"""The photo viewer: zoom, annotation tools (arrow, ellipse, rectangle, text) and the EXIF panel.

Annotations are a separate layer saved through services.photos.save_annotations, in coordinates relative to
the picture (0..1), so documents draw them at the same spot on any copy. The original is never touched.
The display copy is decoded into a QImage on the reader thread, not on the GUI thread.
"""

from __future__ import annotations

import math
import uuid
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QBrush,
    QColor,
    QFont,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from acceptance_app.actor_text import actor_text
from acceptance_app.domain.beijing_time import beijing_text
from acceptance_app.domain.photos import DEFAULT_COLOR, PhotoDetail, normalized_shapes
from acceptance_app.i18n import _
from acceptance_app.services.photos import library as photos

from acceptance_app.ui.tasks import TaskRunner
from acceptance_app.ui.widgets.screen_fit import resize_to_screen

TOOLS = ("arrow", "ellipse", "rectangle", "text")
MIN_DRAG = 0.01  # a press and release closer than this (of the picture) is a click, not a shape


def shape_items(shape: dict[str, Any], width: float, height: float) -> QGraphicsItem:
    """One scene item for one normalized shape, on a picture of ``width`` × ``height`` scene units."""
    color = QColor(shape.get("color", DEFAULT_COLOR))
    if shape["kind"] == "text":
        # A white outline behind, the coloured text on top (as its child): readable on any photo, like the
        # rendering documents use (Pillow's stroke).
        font = QFont()
        font.setPixelSize(max(8, round(shape["size"] * height)))
        halo = QGraphicsSimpleTextItem(shape["text"])
        halo.setFont(font)
        halo.setBrush(QBrush(QColor("white")))
        halo.setPen(QPen(QColor("white"), max(1.0, font.pixelSize() / 6)))
        halo.setPos(shape["x"] * width, shape["y"] * height)
        text = QGraphicsSimpleTextItem(shape["text"], halo)
        text.setFont(font)
        text.setBrush(QBrush(color))
        return halo
    pen = QPen(color, max(2.0, shape["width"] * max(width, height)))
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    path = QPainterPath()
    if shape["kind"] == "arrow":
        start = QPointF(shape["x1"] * width, shape["y1"] * height)
        end = QPointF(shape["x2"] * width, shape["y2"] * height)
        path.moveTo(start)
        path.lineTo(end)
        angle = math.atan2(end.y() - start.y(), end.x() - start.x())
        head = pen.widthF() * 4
        for turn in (0.45, -0.45):
            path.moveTo(end)
            path.lineTo(end.x() - head * math.cos(angle + turn), end.y() - head * math.sin(angle + turn))
    else:
        box = QRectF(shape["x"] * width, shape["y"] * height, shape["w"] * width, shape["h"] * height).normalized()
        if shape["kind"] == "ellipse":
            path.addEllipse(box)
        else:
            path.addRect(box)
    item = QGraphicsPathItem(path)
    item.setPen(pen)
    return item


class AnnotationView(QGraphicsView):
    """The picture with its shapes; in a drawing tool, press-drag-release makes a shape (relative coords)."""

    shape_drawn = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.pixmap_item = QGraphicsPixmapItem()
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.pixmap_item)
        self.tool: str | None = None
        self.text = ""
        self._start: QPointF | None = None
        self._preview: QGraphicsItem | None = None
        self._shape_items: list[QGraphicsItem] = []

    @property
    def picture_size(self) -> tuple[float, float]:
        size = self.pixmap_item.pixmap().size()
        return float(max(1, size.width())), float(max(1, size.height()))

    def set_image(self, image: QImage) -> None:
        self.pixmap_item.setPixmap(QPixmap.fromImage(image))
        self.scene().setSceneRect(self.pixmap_item.boundingRect())
        self.fit()

    def set_tool(self, tool: str | None) -> None:
        self.tool = tool
        self.setDragMode(QGraphicsView.DragMode.NoDrag if tool else QGraphicsView.DragMode.ScrollHandDrag)

    def show_shapes(self, shapes: list[dict[str, Any]]) -> None:
        for item in self._shape_items:
            self.scene().removeItem(item)
        width, height = self.picture_size
        self._shape_items = [shape_items(shape, width, height) for shape in shapes]
        for item in self._shape_items:
            self.scene().addItem(item)

    # Zoom ---------------------------------------------------------------------------------------------------
    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        if 0.05 <= current * factor <= 16:
            self.scale(factor, factor)

    def fit(self) -> None:
        self.fitInView(self.pixmap_item, Qt.AspectRatioMode.KeepAspectRatio)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8)

    # Drawing ------------------------------------------------------------------------------------------------
    def _relative(self, pos: QPointF) -> tuple[float, float]:
        width, height = self.picture_size
        point = self.mapToScene(pos.toPoint())
        return point.x() / width, point.y() / height

    def _shape(self, end: QPointF) -> dict[str, Any] | None:
        assert self._start is not None
        x1, y1 = self._relative(self._start)
        x2, y2 = self._relative(end)
        if self.tool == "text":
            return {"kind": "text", "x": x1, "y": y1, "text": self.text} if self.text.strip() else None
        if abs(x2 - x1) < MIN_DRAG and abs(y2 - y1) < MIN_DRAG:
            return None
        if self.tool == "arrow":
            return {"kind": "arrow", "x1": x1, "y1": y1, "x2": x2, "y2": y2}
        return {"kind": self.tool, "x": min(x1, x2), "y": min(y1, y2), "w": abs(x2 - x1), "h": abs(y2 - y1)}

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.tool and event.button() == Qt.MouseButton.LeftButton:
            self._start = event.position()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._start is not None and self.tool != "text":
            if self._preview is not None:
                self.scene().removeItem(self._preview)
                self._preview = None
            shape = self._shape(event.position())
            if shape is not None:
                width, height = self.picture_size
                self._preview = shape_items(normalized_shapes([shape])[0], width, height)
                self.scene().addItem(self._preview)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._start is not None:
            if self._preview is not None:
                self.scene().removeItem(self._preview)
                self._preview = None
            shape = self._shape(event.position())
            self._start = None
            if shape is not None:
                self.shape_drawn.emit(shape)
            event.accept()
            return
        super().mouseReleaseEvent(event)


def file_size_text(size: int) -> str:
    """"2.4 MB", "86 KB": a small photo is never "0.0 MB"."""
    return f"{size / 1e6:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} KB"


def exif_rows(detail: PhotoDetail) -> list[tuple[str, str]]:
    taken = beijing_text(detail.taken_at, seconds=True, empty="—")
    if detail.gps_lat is not None and detail.gps_lon is not None:
        gps = f"{abs(detail.gps_lat):.6f}°{'N' if detail.gps_lat >= 0 else 'S'}, " \
              f"{abs(detail.gps_lon):.6f}°{'E' if detail.gps_lon >= 0 else 'W'}"
    else:
        gps = "—"
    imported = beijing_text(detail.imported_at)
    return [
        (_("File name"), detail.original_name),
        (_("Taken at"), taken),
        (_("GPS position"), gps),
        (_("Camera"), detail.camera or "—"),
        (_("Size"), f"{detail.width} × {detail.height}  ({file_size_text(detail.size)})"),
        (_("EXIF orientation"), str(detail.orientation)),
        (_("Imported"), f"{imported}  {actor_text(detail.imported_by)}"),
        ("SHA-256", detail.sha256[:16] + "…"),
        *old_photo_warning(detail),
    ]


OLD_PHOTO_DAYS = 180


def old_photo_warning(detail: PhotoDetail) -> list[tuple[str, str]]:
    """A photo taken long before it was imported may not show the site as inspected: say so (the trial attached
    a photo from 2008 as evidence without a word)."""
    if detail.taken_at is None or (detail.imported_at - detail.taken_at).days < OLD_PHOTO_DAYS:
        return []
    days = (detail.imported_at - detail.taken_at).days
    return [(_("Warning"), _("taken {days} days before it was imported: check it shows the site as inspected")
             .format(days=days))]


class PhotoViewer(QDialog):
    loaded = Signal()
    saved = Signal()

    def __init__(self, runner: TaskRunner, photo_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(_("Photo"))
        resize_to_screen(self, 1200, 800)
        self.runner = runner
        self.photo_id = photo_id
        self.shapes: list[dict[str, Any]] = []
        self.detail: PhotoDetail | None = None
        self.view = AnnotationView()
        self.view.setObjectName("photo_view")
        self.view.shape_drawn.connect(self.add_shape)
        self.text_edit = QLineEdit(_("Problem"))
        self.text_edit.setObjectName("annotation_text")
        self.text_edit.setMaximumWidth(160)
        self.text_edit.textChanged.connect(self._text_changed)
        self.view.text = self.text_edit.text()
        self.status = QLabel()
        self.exif_form = QFormLayout()
        exif_box = QGroupBox(_("EXIF"))
        exif_box.setLayout(self.exif_form)
        exif_box.setMinimumWidth(240)
        side = QVBoxLayout()
        side.addWidget(exif_box)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(self._toolbar())
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        self.reload()

    def _toolbar(self) -> QToolBar:
        bar = QToolBar()
        group = QActionGroup(self)
        group.setExclusive(True)
        names = {None: _("Move"), "arrow": _("Arrow"), "ellipse": _("Ellipse"), "rectangle": _("Rectangle"),
                 "text": _("Text")}
        self.tool_actions: dict[str | None, QAction] = {}
        for tool, title in names.items():
            action = QAction(title, self, checkable=True)
            action.triggered.connect(lambda _checked=False, t=tool: self.view.set_tool(t))
            group.addAction(action)
            bar.addAction(action)
            self.tool_actions[tool] = action
        self.tool_actions[None].setChecked(True)
        bar.addWidget(self.text_edit)
        bar.addSeparator()
        for title, slot in ((_("Zoom in"), lambda: self.view.zoom(1.25)), (_("Zoom out"), lambda: self.view.zoom(0.8)),
                            (_("Fit"), self.view.fit), (_("Undo"), self.undo), (_("Save annotations"), self.save)):
            bar.addAction(title).triggered.connect(slot)
        return bar

    def _text_changed(self, text: str) -> None:
        self.view.text = text

    def choose_tool(self, tool: str | None) -> None:
        self.tool_actions[tool].setChecked(True)
        self.view.set_tool(tool)

    # Data ---------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        folder, photo_id = self.runner.database.folder, self.photo_id

        def read(session: Any, task: Any) -> tuple[PhotoDetail, QImage, list[dict[str, Any]]]:
            detail = photos.get_photo(session, photo_id)
            image = QImage(str(photos.photo_paths(session, folder, photo_id).display))  # decoded off the GUI
            return detail, image, photos.get_annotations(session, photo_id)

        self.runner.read(read).success(self._show).run()

    def _show(self, loaded: tuple[PhotoDetail, QImage, list[dict[str, Any]]]) -> None:
        detail, image, shapes = loaded
        self.detail = detail
        self.setWindowTitle(_("Photo: {name}").format(name=detail.original_name))
        self.view.set_image(image)
        while self.exif_form.rowCount():
            self.exif_form.removeRow(0)
        for title, value in exif_rows(detail):
            text = QLabel(value)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.exif_form.addRow(title, text)
        self.shapes = shapes
        self.view.show_shapes(self.shapes)
        self.loaded.emit()

    def add_shape(self, shape: dict[str, Any]) -> None:
        self.shapes.append(normalized_shapes([shape])[0])
        self.view.show_shapes(self.shapes)
        self.status.setText(_("{n} annotation(s), not saved").format(n=len(self.shapes)))

    def undo(self) -> None:
        if self.shapes:
            self.shapes.pop()
            self.view.show_shapes(self.shapes)

    def save(self) -> None:
        shapes, photo_id = list(self.shapes), self.photo_id
        self.runner.write(lambda session, task: photos.save_annotations(session, photo_id, shapes)).success(
            lambda _value: self._saved()
        ).run()

    def _saved(self) -> None:
        self.status.setText(_("{n} annotation(s) saved").format(n=len(self.shapes)))
        self.saved.emit()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.view.fit()
