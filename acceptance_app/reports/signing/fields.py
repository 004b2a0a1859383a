"""Signature fields: created all at once, before the first signature.

A field added after a signature is a change that pyHanko (rightly) reports against the earlier signature
when the document is locked or certified (pyHanko: SuspiciousModification), so the issued document receives every field in
the rendered file itself (``draw_signature_field``). The lead department's field carries a /Lock dictionary: when
the lead signs (always last), the whole document is locked (FieldMDP all fields + DocMDP "no changes").
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from acceptance_app.domain.problems import KnownError

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from acceptance_app.reports.results import SignatureSlot

LOCKING_FIELD = "sig_lead"


@dataclass(frozen=True)
class FieldState:
    name: str
    department: str  # the field's readable name (/TU)
    page: int  # 1-based
    box: tuple[float, float, float, float]
    signed: bool
    signer: str  # the certificate's common name, "" while unsigned
    signing_time: str  # ISO, "" while unsigned
    locks_document: bool


def draw_signature_field(canvas: Canvas, slot: SignatureSlot) -> None:
    """Write the empty signature field of ``slot`` into the page being saved (a merged field + widget).

    It is part of the rendered file itself, not an incremental update: every field exists before anyone
    signs, and issuing a document does not load pyHanko (half a second of imports). The dictionary is the
    one pyHanko's ``append_signature_field`` writes: flags print + locked, an empty appearance, and on the
    lead's field a /Lock (FieldMDP all fields, DocMDP P 1: no changes after the lead has signed)."""
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString

    width, height = round(slot.x2 - slot.x1, 2), round(slot.y2 - slot.y1, 2)
    # An empty normal appearance, as pyHanko gives an unsigned field: PDF/A wants one on every widget.
    empty = canvas.acroForm.makeStream(width, height, "")
    entries = {
        "Type": PDFName("Annot"), "Subtype": PDFName("Widget"), "FT": PDFName("Sig"),
        "T": PDFString(slot.name), "TU": PDFString(slot.department),
        "Rect": PDFArray([slot.x1, slot.y1, slot.x2, slot.y2]), "F": 132, "P": canvas._doc.thisPageRef(),
        "AP": PDFDictionary({"N": canvas._doc.Reference(empty)}),
    }
    if slot.name == LOCKING_FIELD:
        entries["Lock"] = PDFDictionary({"Type": PDFName("SigFieldLock"), "Action": PDFName("All"), "P": 1})
    widget = PDFDictionary(entries)
    # An explicit name: NumberedCanvas restores each page's state at save, annotation counters included.
    name = f"SIGFIELD_{slot.name}"
    canvas._addAnnotation(widget, name=name)
    canvas.acroForm.fields.append(canvas._doc.refAnnotation(name))


def list_fields(source: bytes) -> list[FieldState]:
    """Every signature field of the PDF with who signed it (as the embedded signature says, not verified).

    A file pyHanko cannot read (not a PDF, a damaged signature DER) is a KnownError, never a traceback."""
    from pyhanko.pdf_utils.misc import PdfReadError

    try:
        return _list_fields(source)
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
        raise KnownError("signing.unreadable_pdf", reason=str(error)[:200]) from None


def _list_fields(source: bytes) -> list[FieldState]:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    reader = PdfFileReader(io.BytesIO(source), strict=False)
    signed = {sig.field_name: sig for sig in reader.embedded_signatures}
    page_refs = [p.idnum for p in _pages(reader)]
    states = []
    for name, _value, field_ref in enumerate_sig_fields(reader, filled_status=None):
        field = field_ref.get_object()
        widget = field if "/Rect" in field else field["/Kids"][0].get_object()
        page_ref = widget.get_value_as_reference("/P") if "/P" in widget else None
        page = page_refs.index(page_ref.idnum) + 1 if page_ref is not None and page_ref.idnum in page_refs else 0
        rect = tuple(float(v) for v in widget["/Rect"])
        sig = signed.get(name)
        signer, when = "", ""
        if sig is not None:
            signer = sig.signer_cert.subject.native.get("common_name", "")
            when = sig.self_reported_timestamp.isoformat() if sig.self_reported_timestamp else ""
        states.append(FieldState(name, str(field.get("/TU", "")), page, rect, sig is not None, signer, when, "/Lock" in field))
    return states


def _pages(reader):
    from pyhanko.pdf_utils.generic import Reference

    refs: list[Reference] = []

    def walk(node_ref: Reference) -> None:
        node = node_ref.get_object()
        if node.get("/Type") == "/Pages":
            for kid in node["/Kids"]:
                walk(kid.reference if hasattr(kid, "reference") else kid)
        else:
            refs.append(node_ref)

    walk(reader.root.raw_get("/Pages"))
    return refs
