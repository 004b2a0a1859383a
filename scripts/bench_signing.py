"""Benchmark of signing (issue 6). Prints each figure and its ratio to a plain baseline measured in this run.

1. One signature on the prepared opinion with the full stamp (Chinese text in the bundled font, handwriting,
   seal), goal <= 1.5 s, vs pyHanko signing a one-page blank PDF with no stamp (the plain cost of PAdES).
2. Verifying the fully signed opinion (three departments, then the lead's locking field) with our verify (pyHanko validator + difference
   analysis + our report), goal <= 0.5 s, vs poppler's `pdfsig` verifying the same file (process included).

Median of --runs (after one warm-up, in the same process: the app signs in a running process).

    python scripts/bench_signing.py [--runs 5]
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchtime import median_seconds  # noqa: E402

from acceptance_app.reports.signing.certificates import load_certificate  # noqa: E402
from acceptance_app.reports.signing.pades import SignRequest  # noqa: E402
from acceptance_app.reports.signing.providers import Pkcs12Provider  # noqa: E402
from acceptance_app.reports.signing.verify import verify_pdf  # noqa: E402
from tests.reports.signing_support import (  # noqa: E402
    OPINION_FIELDS,
    PASSWORD,
    handwriting_png,
    make_pki,
    prepared_opinion,
    sign_all,
)


def blank_pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from acceptance_app.reports.signing.stamp import training_seal_png

    with tempfile.TemporaryDirectory() as tmp:
        pki = make_pki(Path(tmp) / "pki")
        key = pki.identity("张伟")
        opinion = prepared_opinion()
        hand, seal = handwriting_png(), training_seal_png("住房城乡建设部门")
        provider = Pkcs12Provider(key, PASSWORD)

        def sign_opinion() -> None:
            provider.sign_pdf(SignRequest("sig_1", "张伟", "住房城乡建设部门", hand, seal), opinion)

        blank = blank_pdf()

        def sign_blank() -> None:
            from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
            from pyhanko.sign import signers

            with provider.open_signer() as signer:
                writer = IncrementalPdfFileWriter(io.BytesIO(blank))
                signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name="Sig", md_algorithm="sha256"),
                                 signer=signer, output=io.BytesIO())

        sign_s = median_seconds(sign_opinion, args.runs, warm_up=True)
        blank_s = median_seconds(sign_blank, args.runs, warm_up=True)
        print(f"one signature with stamp (opinion):        {sign_s:6.3f} s  (goal <= 1.5 s)")
        print(f"baseline: pyHanko, blank page, no stamp:   {blank_s:6.3f} s  ratio {sign_s / blank_s:5.2f}x")

        signed = sign_all(opinion, pki, list(OPINION_FIELDS), seal)[-1]
        roots = [load_certificate(pki.ca_pem.read_bytes())]
        verify_s = median_seconds(lambda: verify_pdf(signed, roots), args.runs)
        print(f"verify {len(OPINION_FIELDS)}-signature opinion (ours):         {verify_s:6.3f} s  (goal <= 0.5 s)")
        if shutil.which("pdfsig"):
            path = Path(tmp) / "signed.pdf"
            path.write_bytes(signed)
            pdfsig_s = median_seconds(lambda: subprocess.run(["pdfsig", str(path)], capture_output=True, check=True),
                                      args.runs)
            print(f"baseline: pdfsig, same file (process):     {pdfsig_s:6.3f} s  ratio {verify_s / pdfsig_s:5.2f}x")
        else:
            print("baseline: pdfsig not installed (apt-get install poppler-utils)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
