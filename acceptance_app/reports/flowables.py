"""Small drawn elements: check boxes (the bundled font has no ballot-box glyph), the QR code and signature boxes."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from acceptance_app.reports.results import SignatureSlot
from acceptance_app.reports.signing.fields import draw_signature_field


class CheckBoxes(Flowable):
    """A row like "■ 合格  □ 不合格  □ 不涉及" with the boxes drawn as shapes."""

    def __init__(self, options: list[tuple[str, bool]], font: str, size: float = 10.5) -> None:
        super().__init__()
        self.options, self.font, self.size = options, font, size
        self.height = size * 1.5

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        canvas, box, x = self.canv, self.size * 0.9, 2 * mm
        canvas.setFont(self.font, self.size)
        for label, checked in self.options:
            canvas.setLineWidth(0.8)
            canvas.rect(x, 1, box, box, stroke=1, fill=0)
            if checked:  # a tick made of two strokes
                path = canvas.beginPath()
                path.moveTo(x + box * 0.18, 1 + box * 0.5)
                path.lineTo(x + box * 0.42, 1 + box * 0.2)
                path.lineTo(x + box * 0.85, 1 + box * 0.85)
                canvas.setLineWidth(1.4)
                canvas.drawPath(path, stroke=1, fill=0)
            canvas.drawString(x + box + 1.5 * mm, 2, label)
            x += box + 4 * mm + canvas.stringWidth(label, self.font, self.size) + 6 * mm


class DrawnAtSave(Flowable):
    """A flowable of fixed size whose content is drawn when the document is saved, on a canvas that keeps
    every page open until then (reports.base.NumberedCanvas: ``draw_later``), else at once. For content that
    depends on work still running while the pages are laid out, like the manifest digest."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        later = getattr(canvas, "draw_later", None)
        if later is None:
            self.draw_content(canvas)
            return
        x, y = canvas.absolutePosition(0, 0)

        def draw_here(page: Canvas) -> None:
            page.saveState()
            page.translate(x, y)
            self.draw_content(page)
            page.restoreState()

        later(draw_here)

    def draw_content(self, canvas: Canvas) -> None:
        raise NotImplementedError


def qr_modules(value: str, level: str = "M") -> list[list[bool]]:
    """The QR code's dark modules, row by row."""
    qr = QRCode(None, getattr(QRErrorCorrectLevel, level))
    qr.addData(value)
    qr.make()
    return [[bool(m) for m in row] for row in qr.modules]


class QrCodeBox(DrawnAtSave):
    """A QR code drawn as one filled path of the dark module runs with a 4-module quiet zone: the geometry of
    ReportLab's QrCodeWidget in a Drawing, without a shape object per run (half a thousand for a SHA-256)."""

    def __init__(self, modules: Callable[[], list[list[bool]]], size: float = 28 * mm) -> None:
        super().__init__()
        self.width = self.height = size
        self.modules = modules

    def draw_content(self, canvas: Canvas) -> None:
        rows, border = self.modules(), 4
        box = self.width / (len(rows) + border * 2)
        path = canvas.beginPath()
        for r, row in enumerate(rows):
            c = 0
            for dark, run in itertools.groupby(row):
                length = len(list(run))
                if dark:
                    path.rect((c + border) * box, self.height - (r + border + 1) * box, length * box, box)
                c += length
        canvas.setFillColor(colors.black)
        canvas.drawPath(path, stroke=0, fill=1)


class TextLines(DrawnAtSave):
    """``count`` short lines, known only when drawn (``lines()``), set as a left-aligned Paragraph of ``style``
    would set them; each line must fit the width it is given."""

    def __init__(self, lines: Callable[[], list[str]], count: int, width: float, style: ParagraphStyle) -> None:
        super().__init__()
        self.lines, self.style = lines, style
        self.width, self.height = width, count * style.leading

    def draw_content(self, canvas: Canvas) -> None:
        style = self.style
        text = canvas.beginText(0, self.height - style.fontSize)
        text.setFont(style.fontName, style.fontSize, style.leading)
        text.setFillColor(style.textColor)
        text.textLines(self.lines())
        canvas.drawText(text)


class SignatureBox(Flowable):
    """An empty framed box for one signer; records its page and rectangle into ``slots`` when drawn."""

    def __init__(self, slot_name: str, department: str, title: str, signer: str, font: str,
                 slots: list[SignatureSlot], width: float = 80 * mm, height: float = 32 * mm,
                 mark: str = "（签章）") -> None:
        super().__init__()
        self.slot_name, self.department, self.title, self.signer = slot_name, department, title, signer
        self.mark = mark  # （签章）for an organ's decision, （签字）for a technician's advisory
        self.font, self.slots = font, slots
        self.width, self.height = width, height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(colors.grey)
        canvas.setLineWidth(0.6)
        canvas.rect(0, 0, self.width, self.height)
        canvas.setFillColor(colors.black)
        canvas.setFont(self.font, 9.5)
        canvas.drawString(2 * mm, self.height - 5 * mm, self.title)
        canvas.drawString(2 * mm, 2.5 * mm, f"验收人员：{self.signer}")
        canvas.drawRightString(self.width - 2 * mm, 2.5 * mm, self.mark)
        x1, y1 = canvas.absolutePosition(0, 0)
        x2, y2 = canvas.absolutePosition(self.width, self.height)
        slot = SignatureSlot(self.slot_name, self.department, canvas.getPageNumber(),
                             round(x1, 2), round(y1, 2), round(x2, 2), round(y2, 2))
        self.slots.append(slot)
        # The field goes in when the page is written (NumberedCanvas keeps pages open until the end).
        canvas.draw_later(lambda page_canvas: draw_signature_field(page_canvas, slot))
