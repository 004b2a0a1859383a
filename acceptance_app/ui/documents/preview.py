"""A scrollable page view of a PDF. Pages are rendered with pypdfium2 with forms initialised: QtPdf does not
draw signature widget appearances (not with any render flag: the stamps come out blank), pdfium does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from acceptance_app.i18n import _
from acceptance_app.pdfium_lock import PDFIUM

from acceptance_app.ui.tasks import TaskState

PAGE_MARGIN = 12


def render_pages(path: Path, dpi: float, task: TaskState) -> list[tuple[int, int, bytes]]:
    """Off the GUI thread: each page as (width, height, RGB bytes); QImage/QPixmap are made on the GUI thread."""
    import pypdfium2 as pdfium

    with PDFIUM:  # one PDFium call at a time in the process
        document = pdfium.PdfDocument(path)
        try:
            document.init_forms()
            pages = []
            for index in range(len(document)):
                task.check()
                task.progress(index, len(document))
                page = document[index]
                bitmap = page.render(scale=dpi / 72, may_draw_forms=True)
                image = bitmap.to_pil().convert("RGB")
                # Closed here, not left to the garbage collector: pdfium objects finalized at interpreter exit
                # next to Qt's abort the process.
                bitmap.close()
                page.close()
                pages.append((image.width, image.height, image.tobytes()))
            return pages
        finally:
            document.close()


def to_image(page: tuple[int, int, bytes]) -> QImage:
    width, height, data = page
    return QImage(data, width, height, width * 3, QImage.Format.Format_RGB888).copy()


ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)


class PdfPreview(QScrollArea):
    """Pages fit the view's width by default (a page clipped at the right was item 27 of the field trial);
    Ctrl+wheel, ``zoom_in``/``zoom_out`` change the scale, ``fit_width`` goes back to fitting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setStyleSheet("QScrollArea { background: #808080; }")
        self.images: list[QImage] = []
        self.labels: list[QLabel] = []
        self.fitting = True
        self.scale = 1.0

    def show_pages(self, pages: list[tuple[int, int, bytes]]) -> None:
        """A fresh host widget per document, sized before it is shown (setWidget deletes the old one)."""
        self.images = [to_image(p) for p in pages]
        host = QWidget()
        host.setStyleSheet("background: #808080;")
        layout = QVBoxLayout(host)
        self.labels = []
        for _image in self.images:
            label = QLabel()
            layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.labels.append(label)
        self._apply_scale()
        host.adjustSize()
        self.setWidget(host)

    def _fit_scale(self) -> float:
        if not self.images:
            return 1.0
        widest = max(image.width() for image in self.images)
        room = self.viewport().width() - 2 * PAGE_MARGIN - self.verticalScrollBar().sizeHint().width()
        return max(ZOOM_RANGE[0], room / widest)

    def _apply_scale(self) -> None:
        if self.fitting:
            self.scale = self._fit_scale()
        for image, label in zip(self.images, self.labels, strict=True):
            size = image.size() * self.scale
            label.setPixmap(QPixmap.fromImage(image).scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                                            Qt.TransformationMode.SmoothTransformation))
            label.setFixedSize(size)
        if self.widget() is not None:
            self.widget().adjustSize()

    def fit_width(self) -> None:
        self.fitting = True
        self._apply_scale()

    def zoom(self, factor: float) -> None:
        self.fitting = False
        self.scale = min(ZOOM_RANGE[1], max(ZOOM_RANGE[0], self.scale * factor))
        self._apply_scale()

    def zoom_in(self) -> None:
        self.zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom(1 / ZOOM_STEP)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if self.fitting and self.images:
            self._apply_scale()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt API)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)

    def print_pages(self, parent: QWidget, path: Path) -> None:
        """Prints the rendered page images (the PDF as the preview shows it, stamps included)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(path.name)
        if QPrintDialog(printer, parent).exec() != QPrintDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        try:
            for index, image in enumerate(self.images):
                if index:
                    printer.newPage()
                target = painter.viewport()
                size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(target.x(), target.y(), size.width(), size.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
        finally:
            painter.end()


def zoom_bar(preview: PdfPreview) -> QHBoxLayout:
    """适合宽度 / 放大 / 缩小 for a preview."""
    bar = QHBoxLayout()
    for name, text, slot in (("fit_width", _("Fit width"), preview.fit_width),
                             ("zoom_in", _("Zoom in"), preview.zoom_in),
                             ("zoom_out", _("Zoom out"), preview.zoom_out)):
        button = QPushButton(text, objectName=name)
        button.clicked.connect(slot)
        bar.addWidget(button)
    bar.addStretch(1)
    return bar
