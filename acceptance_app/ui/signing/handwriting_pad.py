"""A pad to sign on with mouse, pen or finger. Tablet and touch input reach it as the mouse events Qt
synthesises for them (the default), so one code path serves all three; pen pressure sets the line width."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QTabletEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

INK = QColor(20, 30, 120)


class HandwritingPad(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handwriting_pad")
        self.setMinimumSize(360, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.strokes: list[tuple[QPainterPath, float]] = []
        self._pressure = 1.0
        self._drawing = False
        self.background: QImage | None = None  # the saved signature, shown until the person draws anew

    def clear(self) -> None:
        self.strokes.clear()
        self.background = None
        self.update()

    def is_empty(self) -> bool:
        return not self.strokes

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802 (Qt API)
        self._pressure = max(0.3, event.pressure())
        event.ignore()  # let Qt synthesise the mouse event that draws

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            if self.background is not None and not self.strokes:
                self.background = None  # drawing replaces the saved signature
            path = QPainterPath(event.position())
            path.lineTo(event.position() + QPointF(0.1, 0.1))  # a dot is a stroke too
            self.strokes.append((path, 3.0 * self._pressure))
            self._drawing = True
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drawing and self.strokes:
            self.strokes[-1][0].lineTo(event.position())
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._drawing = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.setPen(QPen(QColor(200, 200, 200), 1, Qt.PenStyle.DashLine))
        painter.drawLine(10, self.height() - 25, self.width() - 10, self.height() - 25)
        if self.background is not None and not self.strokes:
            scaled = self.background.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation)
            painter.drawImage((self.width() - scaled.width()) // 2, (self.height() - scaled.height()) // 2, scaled)
        self._draw_strokes(painter)
        painter.end()

    def _draw_strokes(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for path, width in self.strokes:
            painter.setPen(QPen(INK, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                Qt.PenJoinStyle.RoundJoin))
            painter.drawPath(path)

    def to_png(self) -> bytes:
        """The strokes on a transparent background, cropped to what was drawn (2x for print sharpness)."""
        bounds = QPainterPath()
        for path, _width in self.strokes:
            bounds.addPath(path)
        box = bounds.boundingRect().adjusted(-6, -6, 6, 6)
        image = QImage(int(box.width() * 2) + 1, int(box.height() * 2) + 1, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.scale(2, 2)
        painter.translate(-box.topLeft())
        self._draw_strokes(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())
