"""The base renderer, in the pretix style (BaseReportlabInvoiceRenderer): class attributes for the page,
hooks for fonts, styles, page templates, headers/footers and the story; NumberedCanvas for 第 X 页 共 Y 页.

Photos are embedded by path as JPEG pass-through, so ASCII85 must be off (pure-Python ASCII85 took 45 s vs 0.9 s
for 50 photos) and PIL objects are never passed. Every font is the bundled TrueType font, embedded as a subset.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.textsplit import wordSplit
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
    tables,
)

from acceptance_app import locator
from acceptance_app.reports.flowables import QrCodeBox, SignatureBox, TextLines, qr_modules
from acceptance_app.reports.fontcache import load_ttfont
from acceptance_app.reports.inputs import DocumentInput, PhotoInput, Signer, manifest_sha256
from acceptance_app.reports.pdf_writer import draw_jpeg, write_pdf
from acceptance_app.reports.results import RenderResult, SignatureSlot

rl_config.useA85 = 0  # JPEG pass-through without ASCII85 (on by default, slow and 25 % larger)
rl_config.canvas_basefontname = "NotoSansSC"
# Table cells that hold a plain string are drawn with the cell style font: Helvetica unless told otherwise,
# and that would put an unembedded font into the PDF.
tables.CellStyle.fontname = "NotoSansSC"

FONT = "NotoSansSC"
FONT_BOLD = "NotoSansSC-Bold"


class NumberedCanvas(Canvas):
    """Keeps each page open until the document is saved, so that the footer can print the total page count.
    What depends on the manifest digest (the footer's ``footer(canvas)``, the closing block's ``draw_later``
    callbacks) is drawn then too: the digest is still being computed while the pages are laid out."""

    def __init__(self, *args: Any, footer: Callable[[Canvas], None] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved_page_states: list[dict[str, Any]] = []
        self._footer = footer
        self._later: list[Callable[[Canvas], None]] = []

    def draw_later(self, draw: Callable[[Canvas], None]) -> None:
        """Run ``draw(canvas)`` on the current page when the document is saved."""
        self._later.append(draw)

    def showPage(self) -> None:  # noqa: N802 (ReportLab API)
        self._saved_page_states.append(dict(self.__dict__))
        self._startPage()
        self._later = []

    def save(self) -> None:
        total = len(self._saved_page_states)
        for state in self._saved_page_states:
            self.__dict__.update(state)
            for draw in ([self._footer] if self._footer else []) + self._later:
                self.saveState()
                draw(self)
                self.restoreState()
            self.setFont(FONT, 9)
            self.setFillColor(colors.black)
            self.drawCentredString(A4[0] / 2, 10 * mm, f"第 {self._pageNumber} 页 共 {total} 页")
            super().showPage()
        write_pdf(self._doc, self, self._filename)


def draw_draft_watermark(canvas: Canvas, pagesize: tuple[float, float]) -> None:
    """草稿 across the page in light grey, under nothing a reader could mistake for an issued document."""
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.55, 0.55, 0.55, alpha=0.4))
    canvas.setFont(FONT_BOLD, 120)
    canvas.translate(pagesize[0] / 2, pagesize[1] / 2)
    canvas.rotate(45)
    canvas.drawCentredString(0, -40, "草稿")
    canvas.setFont(FONT_BOLD, 22)
    canvas.drawCentredString(0, -90, "未编号 · 未出具 · 仅供核对")
    canvas.restoreState()


def register_fonts() -> None:
    registered = pdfmetrics.getRegisteredFontNames()
    if FONT not in registered:
        pdfmetrics.registerFont(load_ttfont(FONT, locator.font_path(bold=False)))
    if FONT_BOLD not in registered:
        pdfmetrics.registerFont(load_ttfont(FONT_BOLD, locator.font_path(bold=True)))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


class BaseRenderer:
    pagesize: ClassVar[tuple[float, float]] = A4
    left_margin: ClassVar[float] = 25 * mm
    right_margin: ClassVar[float] = 20 * mm
    top_margin: ClassVar[float] = 25 * mm
    bottom_margin: ClassVar[float] = 20 * mm
    title: ClassVar[str] = ""
    subject: ClassVar[str] = ""
    photos_per_page: ClassVar[int] = 4  # 2 or 4

    def __init__(self, data: DocumentInput) -> None:
        self.data = data
        self.slots: list[SignatureSlot] = []
        # Hashing the photo files (about 0.07 s for 400) and encoding the QR code run on a thread while the
        # fonts load and the pages are laid out (file reads and sha256 release the GIL); what shows the digest
        # is drawn when the document is saved (NumberedCanvas).
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="manifest")
        self._manifest: Future[str] = pool.submit(manifest_sha256, data)
        self._qr: Future[list[list[bool]]] = pool.submit(lambda: qr_modules(self._qr_text()))
        pool.shutdown(wait=False)

    @property
    def verify_code(self) -> str:
        """The short 验证码 printed on the document: the first 40 bits of the manifest digest in base32."""
        return verification_code(self.manifest)

    def _qr_text(self) -> str:
        """The jurisdiction's verification address with the code, or (none configured) the number and code."""
        url = getattr(self.data, "verify_url", "")
        if url:
            return f"{url}{'&' if '?' in url else '?'}code={self.verify_code}"
        return f"{self.data.number} 验证码 {self.verify_code}"

    @property
    def manifest(self) -> str:
        """The content manifest's sha256 (what the QR code carries); raises what hashing raised."""
        return self._manifest.result()

    # Hooks ------------------------------------------------------------------------------------------
    def _register_fonts(self) -> None:
        register_fonts()

    def _get_stylesheet(self) -> StyleSheet1:
        sheet = StyleSheet1()
        base = ParagraphStyle("Normal", fontName=FONT, fontSize=10.5, leading=16, wordWrap="CJK")
        sheet.add(base)
        sheet.add(ParagraphStyle("Body", parent=base, alignment=TA_JUSTIFY, firstLineIndent=21))
        sheet.add(ParagraphStyle("Title", parent=base, fontName=FONT_BOLD, fontSize=20, leading=28,
                                 alignment=TA_CENTER, spaceAfter=4))
        sheet.add(ParagraphStyle("Number", parent=base, alignment=TA_CENTER, spaceAfter=10))
        sheet.add(ParagraphStyle("Heading", parent=base, fontName=FONT_BOLD, fontSize=12, leading=18,
                                 spaceBefore=8, spaceAfter=4))
        sheet.add(ParagraphStyle("Cell", parent=base, fontSize=8.5, leading=11))
        sheet.add(ParagraphStyle("CellHead", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=11,
                                 alignment=TA_CENTER))
        sheet.add(ParagraphStyle("Caption", parent=base, fontSize=8, leading=10.5))
        sheet.add(ParagraphStyle("Right", parent=base, alignment=TA_RIGHT))
        sheet.add(ParagraphStyle("Small", parent=base, fontSize=8, leading=10, textColor=colors.dimgrey))
        return sheet

    def _get_page_templates(self, doc: BaseDocTemplate) -> list[PageTemplate]:
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="normal",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        return [
            PageTemplate(id="First", frames=[frame], onPage=self._on_first_page, pagesize=self.pagesize),
            PageTemplate(id="Later", frames=[frame], onPage=self._on_other_page, pagesize=self.pagesize),
        ]

    @property
    def is_draft(self) -> bool:
        """A document without a number is a draft: only issuing reserves a number, so a numberless PDF was
        rendered for the preview before the confirmation (services/documents/drafts.py) and has no effect."""
        return not self.data.number

    def _footer(self, canvas: Canvas) -> None:
        """Drawn on every page when the document is saved (NumberedCanvas)."""
        if self.is_draft:
            draw_draft_watermark(canvas, self.pagesize)
        canvas.setFont(FONT, 8)
        canvas.setFillColor(colors.dimgrey)
        canvas.drawString(self.left_margin, 10 * mm, self.data.number)
        canvas.drawRightString(self.pagesize[0] - self.right_margin, 10 * mm, f"校验：{self.manifest[:16]}")

    def _on_first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor("#B22222"))
        canvas.setLineWidth(1.2)
        top = self.pagesize[1] - self.top_margin + 6 * mm
        canvas.line(self.left_margin, top, self.pagesize[0] - self.right_margin, top)
        canvas.setFont(FONT_BOLD, 11)
        canvas.setFillColor(colors.HexColor("#B22222"))
        canvas.drawCentredString(self.pagesize[0] / 2, top + 3 * mm, self.data.issuer)
        canvas.restoreState()

    def _on_other_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8.5)
        canvas.setFillColor(colors.dimgrey)
        top = self.pagesize[1] - self.top_margin + 6 * mm
        canvas.drawString(self.left_margin, top + 2 * mm, f"{self.title}　{self.data.project.name}")
        canvas.drawRightString(self.pagesize[0] - self.right_margin, top + 2 * mm, self.data.number)
        canvas.setLineWidth(0.5)
        canvas.line(self.left_margin, top, self.pagesize[0] - self.right_margin, top)
        canvas.restoreState()

    def _get_story(self, data: Any) -> list[Flowable]:
        raise NotImplementedError

    # Shared building blocks ---------------------------------------------------------------------------
    def _title_block(self, title: str) -> list[Flowable]:
        number = self.data.number or "（草稿，未编号）"
        return [Paragraph(title, self.styles["Title"]), Paragraph(number, self.styles["Number"])]

    def _table(self, header: list[str], rows: list[list[Any]], widths: list[float],
               align_center: tuple[int, ...] = ()) -> Table:
        """A grid that breaks across pages and repeats its header row on each page."""
        cell, head, padding = self.styles["Cell"], self.styles["CellHead"], 3
        inner = [w - 2 * padding for w in widths]
        body = [[_cell(h, head, w) for h, w in zip(header, inner, strict=True)]]
        body += [[c if isinstance(c, Flowable) else _cell(c, cell, w) for c, w in zip(row, inner, strict=True)]
                 for row in rows]
        table = Table(body, colWidths=widths, repeatRows=1, splitByRow=1)
        commands: list[tuple[Any, ...]] = [
            # Plain-string cells (those that fit on their lines) are set by the Table in these fonts, exactly
            # where a one-line Paragraph of the Cell/CellHead style would be.
            ("FONT", (0, 0), (-1, -1), cell.fontName, cell.fontSize, cell.leading),
            ("FONT", (0, 0), (-1, 0), head.fontName, head.fontSize, head.leading),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ]
        table.setStyle(TableStyle(commands))
        return table

    def _facts_table(self, pairs: list[tuple[str, str]]) -> Table:
        """Label/value pairs, two pairs a row."""
        cell, head = self.styles["Cell"], self.styles["CellHead"]
        rows, width = [], self._frame_width()
        padded = pairs + [("", "")] * (len(pairs) % 2)
        for i in range(0, len(padded), 2):
            row = []
            for label, value in padded[i:i + 2]:
                row += [Paragraph(label, head), Paragraph(_esc(value), cell)]
            rows.append(row)
        table = Table(rows, colWidths=[width * 0.16, width * 0.34] * 2)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F4F4F4")),
                                   ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#F4F4F4")),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        return table

    def _frame_width(self) -> float:
        return self.pagesize[0] - self.left_margin - self.right_margin

    def _signature_block(self, signers: tuple[Signer, ...], heading: str = "签章",
                         mark: str = "（签章）") -> list[Flowable]:
        boxes = [
            SignatureBox(_slot_name(s, i), s.field_label or s.department_label, _box_title(s), _box_names(s), FONT, self.slots,
                         mark=mark)
            for i, s in enumerate(signers)
        ]
        rows = [boxes[i:i + 2] + [Spacer(0, 0)] * (2 - len(boxes[i:i + 2])) for i in range(0, len(boxes), 2)]
        grid = Table(rows, colWidths=[self._frame_width() / 2] * 2)
        grid.setStyle(TableStyle([("BOTTOMPADDING", (0, 0), (-1, -1), 6), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        return [KeepTogether([Paragraph(heading, self.styles["Heading"]), grid])]

    def _closing(self, receipt: bool = False) -> list[Flowable]:
        """Issuer and date on the right, the verification QR code and the short 验证码 on the left (the content
        digest itself is in the footer and the PDF's metadata, not in the body)."""
        qr = QrCodeBox(self._qr.result)
        text = Paragraph(f"{_esc(self.data.issuer)}<br/>{_chinese_date(self.data.issue_date)}", self.styles["Right"])
        where = "扫码核验" if getattr(self.data, "verify_url", "") else "扫码或向出具机关核验"
        verify = TextLines(lambda: [f"验证码：{self.verify_code}", f"{where}文书编号及内容"],
                           2, 70 * mm, self.styles["Normal"])
        table = Table([[qr, verify, text]], colWidths=[32 * mm, 70 * mm, self._frame_width() - 102 * mm])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
        kept: list[Flowable] = [table]
        if receipt:  # 建设单位签收 (in every national 消防 文书 template), kept on the page of the closing block
            kept += [Spacer(1, 6 * mm), Paragraph(
                "建设单位签收：＿＿＿＿＿＿＿＿＿＿（签字、盖章）　　签收日期：＿＿＿＿年＿＿月＿＿日", self.styles["Normal"])]
        return [Spacer(1, 6 * mm), KeepTogether(kept)]

    def _photo_appendix(self, title: str, photos: list[PhotoInput]) -> list[Flowable]:
        """2 or 4 photos a page with captions; JPEG display copies embedded by path (no re-encoding)."""
        if not photos:
            return []
        story: list[Flowable] = [PageBreak(), Paragraph(title, self.styles["Heading"])]
        per_page = self.photos_per_page
        for start in range(0, len(photos), per_page):
            if start:
                story.append(PageBreak())
            chunk = [(start + i + 1, p) for i, p in enumerate(photos[start:start + per_page])]
            story.append(PhotoGrid(chunk, self.styles["Caption"], rows=2, columns=per_page // 2))
        return story

    # Render -------------------------------------------------------------------------------------------
    def render(self, target: Path | BinaryIO, invariant: bool | None = None) -> RenderResult:
        """Render to a path or an open binary file (services pass fileio.atomic_writer's handle)."""
        self._register_fonts()
        self.styles = self._get_stylesheet()
        self.slots.clear()
        keywords = f"{self.data.project.project_code},{self.data.number},{self.title},sha256:{self.manifest}"
        doc = BaseDocTemplate(
            str(target) if isinstance(target, Path) else target, pagesize=self.pagesize,
            leftMargin=self.left_margin, rightMargin=self.right_margin,
            topMargin=self.top_margin, bottomMargin=self.bottom_margin,
            title=f"{self.title} {self.data.number}", author=self.data.issuer,
            subject=self.subject or self.title, keywords=keywords, creator="acceptance_app",
            invariant=rl_config.invariant if invariant is None else int(invariant), lang="zh-CN",
            initialFontName=FONT, initialFontSize=10.5, initialLeading=16,
        )
        doc.addPageTemplates(self._get_page_templates(doc))
        story = [NextPageTemplate("Later"), *self._get_story(self.data)]
        doc.build(story, canvasmaker=partial(NumberedCanvas, footer=self._footer))
        return RenderResult(doc.page, self.manifest, tuple(self.slots))


class PhotoGrid(Flowable):
    """One appendix page of photos, drawn straight onto the canvas: a Table of Image flowables costs
    about as much again as the images themselves (bench_documents.py)."""

    caption_height = 14 * mm

    def __init__(self, photos: list[tuple[int, PhotoInput]], style: ParagraphStyle, rows: int, columns: int) -> None:
        super().__init__()
        self.photos, self.style, self.rows, self.columns = photos, style, rows, columns

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, avail_height - 12 * mm
        return self.width, self.height

    def draw(self) -> None:
        cell_w, cell_h = self.width / self.columns, self.height / self.rows
        image_w, image_h = cell_w - 4 * mm, cell_h - self.caption_height - 4 * mm
        for slot, (index, photo) in enumerate(self.photos):
            x = (slot % self.columns) * cell_w
            top = self.height - (slot // self.columns) * cell_h
            pixels_w, pixels_h = draw_jpeg(self.canv, photo.path, x, top - image_h, image_w, image_h, anchor="nw")
            drawn_h = pixels_h * min(image_w / pixels_w, image_h / pixels_h)  # the caption goes right under it
            self._caption(index, photo, x, top - drawn_h - 1.5 * mm, image_w)

    def _caption(self, index: int, photo: PhotoInput, x: float, top: float, width: float) -> None:
        """Three short lines written straight onto the canvas, as a Caption-style Paragraph would set them:
        a Paragraph with line breaks takes ReportLab's slow multi-fragment CJK wrapper, about 1 ms a caption.
        textsplit.wordSplit is ReportLab's own CJK line breaker (the one Paragraph uses for plain text)."""
        style = self.style
        lines = [f"图{index}　{photo.item}", f"拍摄时间：{photo.taken_at}　检查人：{photo.inspector}",
                 f"位置：{photo.gps or '无定位'}"]
        text = self.canv.beginText(x, top - style.fontSize)
        text.setFont(style.fontName, style.fontSize, style.leading)
        text.setFillColor(style.textColor)
        for line in lines:
            if pdfmetrics.stringWidth(line, style.fontName, style.fontSize) <= width:
                text.textLine(line)  # the usual case; wordSplit measures every character on its own
            else:
                text.textLines([part for _space, part in wordSplit(line, width, style.fontName, style.fontSize)])
        self.canv.drawText(text)


def _cell(value: Any, style: ParagraphStyle, width: float) -> str | Flowable | list[Flowable]:
    """A table cell. Text that fits its width line by line stays a plain string, which the Table draws itself:
    a Paragraph costs a markup parse and a CJK wrap for the same look. Text that needs wrapping becomes one
    Paragraph per line (a <br/> would put ReportLab on its slow multi-fragment CJK wrapper)."""
    text = "" if value is None else str(value)
    lines = text.split("\n")
    if all(pdfmetrics.stringWidth(line, style.fontName, style.fontSize) <= width for line in lines):
        return text
    paragraphs: list[Flowable] = [Paragraph(_esc(line), style) for line in lines]
    return paragraphs if len(paragraphs) > 1 else paragraphs[0]


def verification_code(manifest_hex: str) -> str:
    """8 base32 characters (40 bits) of the manifest digest, grouped 4-4: short enough to type."""
    code = base64.b32encode(bytes.fromhex(manifest_hex)[:5]).decode()
    return f"{code[:4]}-{code[4:]}"


def _box_title(signer: Signer) -> str:
    return f"{signer.department_label}{f'（{signer.duties}）' if signer.duties else ''}"


def _box_names(signer: Signer) -> str:
    """The representative, then the team members on site."""
    return "、".join(signer.members) if signer.members else signer.name


def _slot_name(signer: Signer, index: int) -> str:
    return "sig_lead" if signer.is_lead else f"sig_{index + 1}"


def _esc(value: Any) -> str:
    text = "" if value is None else str(value)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _chinese_date(value: Any) -> str:
    return f"{value.year}年{value.month}月{value.day}日"
