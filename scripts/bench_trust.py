#!/usr/bin/env python3
"""Issue 20 figures: what the new checks cost where they run on every package and every verification.

    python scripts/bench_trust.py [--rows 200000] [--repeat 5]

1. Bounded JSON: ``sync.bounded_json.loads`` on a records.json of ``--rows``
   answer-like rows, against plain ``json.loads`` of the same bytes in the same run (the ratio is the price of
   refusing deep nesting before parsing).
2. Verification of the fully signed opinion (three departments, then the lead): ``verify_pdf`` (pyHanko's validation plus our byte-range
   and field checks), against pyHanko's validation of the same signatures alone (``validate_pdf_signature`` per
   signature) in the same run.
Medians of ``--repeat`` runs; the machine is shared, so read the ratios rather than the seconds.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _median(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def records(rows: int) -> bytes:
    row = {"id": "", "project_id": str(uuid.uuid4()), "unit_id": str(uuid.uuid4()), "discipline": "fire",
           "kind": "formal", "round": 1, "inspection_id": str(uuid.uuid4()), "item_id": "XF-04-1",
           "form_hash": "a" * 64, "verdict": "pass", "samples": [0.35, 0.36, [1, 2]], "design_value": 0.35,
           "choice": "", "text": '室内消火栓栓口动压 "抽样"', "note": "", "na_reason": "", "answered_by": "张伟",
           "answered_at": "2026-11-20T02:00:00+00:00", "sequence": 1, "replaces_id": None, "retired": False}
    table = [dict(row, id=str(uuid.uuid4())) for _ in range(rows)]
    return json.dumps({"tables": {"answers": table}, "bases": {}}, ensure_ascii=False).encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from acceptance_app.sync import bounded_json

    for rows in (args.rows, 1_500):  # above and below the size scanned before parsing
        raw = records(rows)
        plain = _median(lambda raw=raw: json.loads(raw.decode("utf-8")), args.repeat)
        bounded = _median(lambda raw=raw: bounded_json.loads(raw, "payload/records.json"), args.repeat)
        how = "scanned first" if len(raw) <= bounded_json.SCAN_BYTES else "parser's guard"
        print(f"records.json {len(raw) / 1e6:.1f} MB, {rows} rows ({how}): json.loads {plain:.3f} s, "
              f"bounded_json.loads {bounded:.3f} s, ratio {bounded / plain:.2f}")

    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from acceptance_app.reports.signing.certificates import load_certificate
    from acceptance_app.reports.signing.verify import verify_pdf
    from tests.reports.signing_support import OPINION_FIELDS, make_pki, prepared_opinion, sign_all

    with tempfile.TemporaryDirectory() as folder:
        pki = make_pki(Path(folder))
        signed = sign_all(prepared_opinion(), pki, list(OPINION_FIELDS))[-1]
        roots = [load_certificate(pki.ca_pem.read_bytes())]

    def pyhanko_alone() -> None:
        reader = PdfFileReader(io.BytesIO(signed), strict=False)
        for sig in reader.embedded_signatures:
            validate_pdf_signature(sig, ValidationContext(trust_roots=roots, allow_fetching=False))

    assert verify_pdf(signed, roots).ok()
    alone = _median(pyhanko_alone, args.repeat)
    ours = _median(lambda: verify_pdf(signed, roots), args.repeat)
    print(f"verify {len(OPINION_FIELDS)}-signature opinion ({len(signed) / 1e3:.0f} kB): pyHanko alone {alone:.3f} s, "
          f"verify_pdf {ours:.3f} s, ratio {ours / alone:.2f}")


if __name__ == "__main__":
    main()
