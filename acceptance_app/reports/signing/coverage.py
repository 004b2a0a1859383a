"""What a signature does not cover, measured on the bytes and fields ourselves rather than through one library.

pyHanko decides what an incremental update changed from its own revision parsing. A revision appended without
a proper ``%%EOF`` (missing, ``%EOF``, ``%%eof``, ``%%E OF``) is not a revision to it: it reads the file up to the
earlier marker and reports the last signature as covering it, while poppler (and any reader) draws the appended
objects. So the file length is compared with every signature's /ByteRange end here, and only the PDF's own
trailer whitespace may follow the last signed byte (ISO 32000-1 §7.5.5: the file ends with ``%%EOF`` and an
optional end-of-line; §7.2.2 white-space characters).

A signature field is a place for a signature, never content: the renderer writes every field into the issued
file with an empty appearance (``fields.draw_signature_field``), so a field that is not in the first revision,
or an unsigned field whose appearance draws something, is a change painted over the page and is refused by
name, also while the document is still being signed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ISO 32000-1 §7.2.2 white-space characters: NUL, HT, LF, FF, CR, SP.
TRAILER_WHITESPACE = b"\x00\t\n\x0c\r "
_EOF = re.compile(rb"%%EOF[\x00\t\n\x0c\r ]*\Z")


@dataclass(frozen=True)
class FieldProblem:
    field: str
    code: str  # "field_added" | "field_paints"


def unsigned_tail(data: bytes, signed_ends: list[int]) -> int:
    """How many bytes after the furthest signed byte are not trailer whitespace (0 when the end is signed)."""
    if not signed_ends:
        return 0  # nothing signed yet: nothing can have been changed after signing
    end = max(signed_ends)
    if end > len(data):
        return 0  # a ByteRange past the end: the signature's own integrity check fails
    return len(data[end:].rstrip(TRAILER_WHITESPACE))


def readable_prefix(data: bytes) -> bytes:
    """The file up to its last proper ``%%EOF``, for a reader that looks for the marker only near the end.

    Used when pyHanko cannot find the marker because something larger than its search window was appended
    after it; the appended bytes are still counted by ``unsigned_tail`` on the whole file."""
    marker = data.rfind(b"%%EOF")
    if marker < 0 or _EOF.search(data[marker:]):
        return data
    return data[:marker + 5] + b"\n"


def field_problems(reader) -> list[FieldProblem]:
    """Fields the issued file did not have, and unsigned fields whose appearance draws anything."""
    from pyhanko.sign.fields import enumerate_sig_fields

    original = {name for name, _value, _ref in enumerate_sig_fields(reader.get_historical_resolver(0),
                                                                     filled_status=None)}
    problems = []
    for name, value, ref in enumerate_sig_fields(reader, filled_status=None):
        if name not in original:
            problems.append(FieldProblem(name, "field_added"))
        elif value is None and _draws(ref.get_object()):
            problems.append(FieldProblem(name, "field_paints"))
    return problems


def _draws(field) -> bool:
    widgets = [field] if "/Rect" in field else [kid.get_object() for kid in field.get("/Kids", ())]
    for widget in widgets:
        appearance = widget.get("/AP")
        if appearance is None:
            continue
        for key in ("/N", "/R", "/D"):
            if key in appearance and _stream_draws(appearance[key]):
                return True
    return False


def _stream_draws(entry) -> bool:
    from pyhanko.pdf_utils.generic import DictionaryObject, StreamObject

    entry = entry.get_object() if hasattr(entry, "get_object") else entry
    if isinstance(entry, StreamObject):
        return bool(entry.data.strip(TRAILER_WHITESPACE))
    if isinstance(entry, DictionaryObject):  # appearance states: any state that draws counts
        return any(_stream_draws(state) for state in entry.values())
    return False


def signed_end(sig) -> int:
    byte_range = sig.sig_object["/ByteRange"]
    return int(byte_range[2]) + int(byte_range[3])


__all__ = ["FieldProblem", "field_problems", "readable_prefix", "signed_end", "unsigned_tail"]
