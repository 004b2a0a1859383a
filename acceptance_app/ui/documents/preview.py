"""A scrollable page view of a PDF. Pages are rendered with pypdfium2 with forms initialised: QtPdf does not
draw signature widget appearances (not with any render flag: the stamps come out blank), pdfium does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from acceptance_app.ui.tasks import TaskState


def render_pages(path: Path, dpi: float, task: TaskState) -> list[tuple[int, int, bytes]]:
    """Off the GUI thread: each page as (width, height, RGB bytes); QImage/QPixmap are made on the GUI thread."""
    import pypdfium2 as pdfium

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


class PdfPreview(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setStyleSheet("QScrollArea { background: #808080; }")
        self.images: list[QImage] = []

    def show_pages(self, pages: list[tuple[int, int, bytes]]) -> None:
        """A fresh host widget per document, sized before it is shown (setWidget deletes the old one)."""
        self.images = [to_image(p) for p in pages]
        host = QWidget()
        host.setStyleSheet("background: #808080;")
        layout = QVBoxLayout(host)
        for image in self.images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setFixedSize(image.size())
            layout.addWidget(label)
        host.adjustSize()
        self.setWidget(host)

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
