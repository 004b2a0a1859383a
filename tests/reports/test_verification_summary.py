"""The plain-words summary: partly signed is 签署中 (not a failure), red only for broken or altered files, an
untrusted certificate a warning; fields named by department."""

from __future__ import annotations

import io
from pathlib import Path

from acceptance_app.reports.signing.certificates import load_certificate
from acceptance_app.reports.signing.fields import list_fields
from acceptance_app.reports.signing.verify import verify_pdf
from acceptance_app.text.verification import FieldStatus, Verdict, VerificationSummary, summarize
from tests.reports.signing_support import Pki, make_pki
from tests.reports.test_signing_tamper import _signed_ranges, pki, states  # noqa: F401 (fixtures)


def _summary(data: bytes, pki: Pki) -> VerificationSummary:  # noqa: F811
    report = verify_pdf(data, [load_certificate(pki.ca_pem.read_bytes())])
    return summarize(report, [], list_fields(data))


def test_partly_signed_is_signing_not_failed(states: list[bytes], pki: Pki) -> None:  # noqa: F811
    summary = _summary(states[1], pki)  # two of the opinion's four fields signed (住建 signs once, last)
    assert (summary.signed, summary.expected, summary.verdict) == (2, 4, Verdict.SIGNING)
    assert "已签 2 / 应签 4" in summary.headline and "失败" not in summary.headline
    assert [line.status for line in summary.lines].count(FieldStatus.PENDING) == 2
    assert all(not line.department.startswith("sig_") and line.department for line in summary.lines)
    complete = _summary(states[-1], pki)
    assert complete.verdict is Verdict.VALID and "已签 4 / 应签 4" in complete.headline


def test_a_flipped_byte_or_a_later_edit_is_red(states: list[bytes], pki: Pki) -> None:  # noqa: F811
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    data = bytearray(states[-1])
    start, end = _signed_ranges(bytes(data))[0]
    data[(start + end) // 2] ^= 1
    assert _summary(bytes(data), pki).verdict is Verdict.BROKEN
    writer = IncrementalPdfFileWriter(io.BytesIO(states[-1]))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    page["/Rotate"] = generic.NumberObject(90)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    altered = _summary(out.getvalue(), pki)
    assert altered.verdict is Verdict.BROKEN and "验证失败" in altered.headline


def test_an_untrusted_certificate_is_a_warning(states: list[bytes], tmp_path: Path) -> None:  # noqa: F811
    other = make_pki(tmp_path / "other")
    summary = _summary(states[1], other)
    assert summary.verdict is Verdict.WARNING
    assert {line.status for line in summary.lines if line.signer} == {FieldStatus.UNTRUSTED}
