"""What a rendering gives back, without ReportLab: the services and the render helper's caller import only this."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SignatureSlot:
    """Where the signing step creates a PDF signature field: PDF points, origin bottom-left, page 1-based."""

    name: str  # field name, ASCII: sig_planning, sig_lead ...
    department: str
    page: int
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class RenderResult:
    pages: int
    manifest_sha256: str
    signature_slots: tuple[SignatureSlot, ...]


@dataclass(frozen=True)
class RenderedFile:
    """A document written to a file: the rendering's result and the file's sha256, hashed as it was written."""

    result: RenderResult
    file_sha256: str
