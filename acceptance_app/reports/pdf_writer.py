"""Writing the PDF with the photos' JPEG bytes copied from their files as the file is written.

ReportLab reads every JPEG into memory when it is drawn, and when the document is saved copies the whole file
three times over (the stream, the object, the joined document) before writing it: for a 400-photo appendix
that is 90 MB held from the first photo on and about 0.15 s of copying. Here a photo is a ``JpegFile``: its
header is read when it is drawn (size and colour components, as ReportLab's ``loadImageFromJPEG`` reads them),
its bytes only when the document is written, straight from the file into the output. ``write_pdf`` is
ReportLab's ``PDFDocument.SaveToFile`` with the objects written one by one as they are formatted; without
``JpegFile`` objects it writes the very bytes ReportLab writes (tests/reports/test_pdf_writer.py).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.lib.utils import _digester
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfutils import readJPEGInfo
from reportlab.pdfgen.canvas import Canvas


class JpegFile(pdfdoc.PDFImageXObject):
    """A JPEG image XObject that stays in its file until the document is written (DCT pass-through)."""

    def __init__(self, name: str, path: Path) -> None:
        self.name, self.path, self.mask = name, path, None
        with path.open("rb") as handle:
            width, height, components, _dpi = readJPEGInfo(handle)
            self.size = os.fstat(handle.fileno()).st_size
        self.width, self.height, self.bitsPerComponent = width, height, 8
        self.colorSpace = {1: "DeviceGray", 3: "DeviceRGB"}.get(components, "DeviceCMYK")
        self._dotrans = int(components not in (1, 3))  # Adobe CMYK JPEGs are stored inverted (as ReportLab)
        self._filters = ("DCTDecode",)

    def stream_dictionary(self, document: pdfdoc.PDFDocument, length: int) -> bytes:
        """The stream's dictionary, as PDFImageXObject.format writes it."""
        entries: dict[str, Any] = {
            "Type": pdfdoc.PDFName("XObject"), "Subtype": pdfdoc.PDFName("Image"),
            "Width": self.width, "Height": self.height, "BitsPerComponent": self.bitsPerComponent,
            "ColorSpace": pdfdoc.PDFName(self.colorSpace),
        }
        if self._dotrans:
            entries["Decode"] = pdfdoc.PDFArray([1, 0, 1, 0, 1, 0, 1, 0])
        entries["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(f) for f in self._filters])
        entries["Length"] = length
        return pdfdoc.format(pdfdoc.PDFDictionary(entries), document)

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        """In memory, for a document written by ReportLab itself."""
        self.streamContent = self.path.read_bytes()
        return super().format(document)


def draw_jpeg(canvas: Canvas, path: Path, x: float, y: float, width: float, height: float,
              anchor: str = "c") -> tuple[int, int]:
    """``canvas.drawImage(str(path), ...)`` with aspect ratio kept, the image held as a JpegFile: registered
    under the name drawImage gives a file, so drawImage finds it and only places it."""
    name = _digester(f"{path}None".encode())
    registered = canvas._doc.getXObjectName(name)
    if registered not in canvas._doc.idToObject:
        image = JpegFile(name, path)
        canvas._doc.Reference(image, registered)
        canvas._doc.addForm(name, image)
    return canvas.drawImage(str(path), x, y, width, height, preserveAspectRatio=True, anchor=anchor)


class _Output:
    """ReportLab's PDFFile (an offset-keeping accumulator) writing to a file as it goes."""

    def __init__(self, handle: BinaryIO, version: tuple[int, int]) -> None:
        self.handle, self.offset = handle, 0
        self.add(pdfdoc.pdfdocEnc(f"%PDF-{version[0]}.{version[1]}")
                 + b"\n%\223\214\213\236 ReportLab Generated PDF document (opensource)\n")

    def add(self, data: bytes | str) -> int:
        encoded = pdfdoc.pdfdocEnc(data)
        start = self.offset
        self.handle.write(encoded)
        self.offset += len(encoded)
        return start

    def add_file(self, path: Path, length: int) -> None:
        with path.open("rb") as source:
            if os.fstat(source.fileno()).st_size != length:
                raise OSError(f"照片文件在生成文书时被改动：{path}")
            shutil.copyfileobj(source, self.handle, 1 << 20)
        self.offset += length


def write_pdf(document: pdfdoc.PDFDocument, canvas: Canvas, target: str | Path | BinaryIO) -> None:
    """Save ``document`` (the canvas's) to a path or an open binary file, as ``document.SaveToFile`` would."""
    if hasattr(target, "write"):
        _write(document, canvas, target)  # type: ignore[arg-type]
        return
    with open(target, "wb") as handle:
        _write(document, canvas, handle)


def _write(document: pdfdoc.PDFDocument, canvas: Canvas, handle: BinaryIO) -> None:
    # GetPDFData's preparation ...
    for font in document.delayedFonts:
        font.addObjects(document)
    document.info.invariant = document.invariant
    document.info.digest(document.signature)
    document.Reference(document.Catalog)
    document.Reference(document.info)
    document.Outlines.prepare(document, canvas)
    if document.Outlines.ready < 0:
        document.Catalog.Outlines = None
    # ... and format's loop, each object written when formatted.
    document.encrypt.prepare(document)
    catalog, info = document.Reference(document.Catalog), document.Reference(document.info)
    encrypt_info = document.encrypt.info()
    encrypt_ref = document.Reference(encrypt_info) if encrypt_info else None
    output = _Output(handle, document._pdfVersion)
    document.__accum__ = output
    ids, counter = [], 0
    while True:
        counter += 1  # objects may be added while others are formatted
        if counter not in document.numberToId:
            break
        oid = document.numberToId[counter]
        obj = document.idToObject[oid]
        if not rl_config.invariant and rl_config.pdfComments:
            output.add(f"% {ascii(oid)}: class {obj.__class__.__name__[:50]} \n")
        document.idToOffset[oid] = output.offset
        if isinstance(obj, JpegFile):
            if encrypt_info:
                raise ValueError("an encrypted PDF is written by ReportLab's own SaveToFile")
            number, version = document.idToObjectNumberAndVersion[oid]
            document.encrypt.register(number, version)
            output.add(pdfdoc.pdfdocEnc(f"{number} {version} obj\n")
                       + obj.stream_dictionary(document, obj.size) + b"\nstream\n")
            output.add_file(obj.path, obj.size)
            output.add(b"endstream\nendobj\n")
        else:
            output.add(pdfdoc.PDFIndirectObject(oid, obj).format(document))
        ids.append(oid)
    del document.__accum__
    if counter - 1 != len(document.numberToId):
        raise ValueError(f"PDF object count {counter - 1} does not match {len(document.numberToId)}")
    xref = pdfdoc.PDFCrossReferenceTable()
    xref.addsection(0, ids)
    xref_offset = output.add(xref.format(document))
    trailer = pdfdoc.PDFTrailer(startxref=xref_offset, Size=len(document.numberToId) + 1, Root=catalog,
                                Info=info, Encrypt=encrypt_ref, ID=document.ID())
    output.add(trailer.format(document))
