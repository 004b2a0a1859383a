"""PDFium is not thread-safe: pypdfium2 asks that a process make one PDFium call at a time. The window renders
previews on the pool (two documents can render at once: the one just signed and the one selected) and the exchange
reads opinions' text, so every use of pypdfium2 holds this lock. Without it the screenshot run of the office flow
died with a segmentation fault in ``PdfDocument.get_page`` about one time in three."""

from __future__ import annotations

import threading

PDFIUM = threading.RLock()
