"""The hub's reader of signed opinions (sync.registration_match.OpinionReader): verification by our own
verifier and the text by pdfium, given to the hub application where it is created (the hub may not import the
reports layer itself).

Trust: with trust roots configured (``hub serve --trust``), every signer must chain to one of them; without,
signatures must still be intact, valid, cover the whole file and leave no field unsigned, but who signed is not
judged (the registry judges the certificates it knows).
"""

from __future__ import annotations

import re
from pathlib import Path

from acceptance_app.pdfium_lock import PDFIUM
from acceptance_app.reports.signing.fields import LOCKING_FIELD
from acceptance_app.sync.registration_match import OpinionFacts, OpinionReader

# Issue codes about who signed rather than whether the file is signed and unchanged.
_TRUST_CODES = frozenset({"untrusted", "training", "expired"})


def opinion_reader(trust: list[Path] | None = None) -> OpinionReader:
    from acceptance_app.reports.signing.certificates import load_trust_roots

    roots = load_trust_roots([p for p in trust or [] if p.exists()]) if trust else []

    def read(data: bytes) -> OpinionFacts:
        return OpinionFacts(_problems(data, roots), _text(data))

    return read


def _problems(data: bytes, roots: list) -> tuple[str, ...]:
    from acceptance_app.reports.signing.verify import verify_pdf

    report = verify_pdf(data, roots)
    ignored = frozenset() if roots else _TRUST_CODES
    problems = [i.code for i in report.issues]
    for signature in report.signatures:
        problems += [f"{signature.field}:{i.code}" for i in signature.issues if i.code not in ignored]
    if LOCKING_FIELD not in {s.field for s in report.signatures}:
        problems.append(f"{LOCKING_FIELD}:missing")
    return tuple(dict.fromkeys(problems))


def _text(data: bytes) -> str:
    import pypdfium2

    with PDFIUM:  # one PDFium call at a time in the process (the window may be rendering a preview)
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError:
            return ""
        try:
            pages = []
            for index in range(len(document)):
                page = document[index]
                textpage = page.get_textpage()
                pages.append(textpage.get_text_range())
                textpage.close()
                page.close()
        finally:
            document.close()
    return re.sub(r"\s+", "", "".join(pages))
