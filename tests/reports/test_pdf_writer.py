"""The streaming PDF writer: the bytes ReportLab itself writes, with the photos read from their files only
when the document is written."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from acceptance_app.reports.pdf_writer import JpegFile, draw_jpeg, write_pdf
from tests.reports.sample import DATA


def _canvas() -> tuple[Canvas, io.BytesIO]:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1, initialFontName="Helvetica")
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 800, "acceptance")
    return canvas, out


def _photo_pages(canvas: Canvas, paths: list[Path], draw) -> None:
    for n, path in enumerate(paths):
        draw(canvas, path, 72, 400 - 50 * n, 200, 150)
        if n % 2:
            canvas.showPage()
    canvas.showPage()


def _reportlab(canvas: Canvas, path: Path, x: float, y: float, w: float, h: float) -> None:
    canvas.drawImage(str(path), x, y, w, h, preserveAspectRatio=True, anchor="c")


def test_without_photos_it_writes_what_reportlab_writes() -> None:
    ours, our_bytes = _canvas()
    ours.showPage()
    write_pdf(ours._doc, ours, our_bytes)
    theirs, their_bytes = _canvas()
    theirs.save()
    assert our_bytes.getvalue() == their_bytes.getvalue()


def test_photos_drawn_from_files_give_the_bytes_of_reportlabs_draw_image(tmp_path: Path) -> None:
    # photo1 twice: the second drawing reuses the first image object, as drawImage does
    paths = [DATA / "photo1.jpg", DATA / "photo2.jpg", DATA / "photo1.jpg"]
    ours, our_bytes = _canvas()
    _photo_pages(ours, paths, draw_jpeg)
    images = [o for o in ours._doc.idToObject.values() if isinstance(o, JpegFile)]
    assert len(images) == 2 and not any(hasattr(image, "streamContent") for image in images)  # not in memory
    write_pdf(ours._doc, ours, our_bytes)

    theirs, their_bytes = _canvas()
    _photo_pages(theirs, paths, _reportlab)
    theirs.save()
    assert our_bytes.getvalue() == their_bytes.getvalue()
    assert (DATA / "photo2.jpg").read_bytes() in our_bytes.getvalue()


def test_writing_to_a_path_and_reportlabs_own_save_of_a_jpeg_file_agree(tmp_path: Path) -> None:
    ours, _ = _canvas()
    _photo_pages(ours, [DATA / "photo2.jpg"], draw_jpeg)
    write_pdf(ours._doc, ours, tmp_path / "ours.pdf")
    theirs, their_bytes = _canvas()
    _photo_pages(theirs, [DATA / "photo2.jpg"], draw_jpeg)
    theirs.save()  # ReportLab's SaveToFile formats the JpegFile in memory
    assert (tmp_path / "ours.pdf").read_bytes() == their_bytes.getvalue()


def test_a_photo_changed_between_drawing_and_writing_is_an_error_not_a_broken_file(tmp_path: Path) -> None:
    photo = tmp_path / "photo.jpg"
    shutil.copyfile(DATA / "photo1.jpg", photo)
    canvas, out = _canvas()
    _photo_pages(canvas, [photo], draw_jpeg)
    photo.write_bytes(photo.read_bytes() + b"\0" * 10)
    with pytest.raises(OSError, match="照片文件在生成文书时被改动"):
        write_pdf(canvas._doc, canvas, out)
