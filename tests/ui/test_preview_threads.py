"""PDFium is not thread-safe: previews rendered on two pool threads at once (the document just signed and the one
selected) crashed the process in ``get_page``. Every use holds ``pdfium_lock.PDFIUM``; without it this test dies
with a segmentation fault more often than not."""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from acceptance_app.ui.documents.preview import render_pages
from acceptance_app.ui.tasks import TaskState


def _pdf(path: Path, pages: int = 6) -> Path:
    drawing = canvas.Canvas(str(path), pagesize=A4)
    for number in range(pages):
        drawing.drawString(72, 720, f"page {number + 1}")
        drawing.rect(72, 72, 400, 500 - 40 * number)
        drawing.showPage()
    drawing.save()
    return path


def test_previews_render_on_several_threads_at_once(tmp_path: Path) -> None:
    files = [_pdf(tmp_path / f"{n}.pdf") for n in range(4)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda path: render_pages(path, 60, TaskState()), files * 3))
    assert len(results) == 12 and all(len(pages) == 6 for pages in results)
    width, height, data = results[0][0]
    assert (width, height) == (497, 702)  # A4 at 60 dpi and len(data) == width * height * 3
