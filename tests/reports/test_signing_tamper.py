"""Every way a signed opinion can be changed or mis-signed gives a failure with a clear message."""

from __future__ import annotations

import io
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from acceptance_app.reports.signing.certificates import load_certificate
from acceptance_app.reports.signing.verify import VerificationReport, verify_pdf
from acceptance_app.text import describe_issue
from tests.reports.signing_support import Pki, make_pki, prepared_opinion, sign_all

ORDER = ["sig_1", "sig_2", "sig_3", "sig_lead"]


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def states(pki: Pki) -> list[bytes]:
    return sign_all(prepared_opinion(), pki, ORDER)


def _verify(data: bytes, pki: Pki) -> VerificationReport:
    return verify_pdf(data, [load_certificate(pki.ca_pem.read_bytes())])


def _texts(report: VerificationReport) -> str:
    return "\n".join(describe_issue(i) for s in report.signatures for i in s.issues) + "\n".join(
        describe_issue(i) for i in report.issues)


def test_untouched_file_verifies(states: list[bytes], pki: Pki) -> None:
    report = _verify(states[-1], pki)
    assert report.ok() and len(report.signatures) == 4
    assert report.signatures[-1].whole_document


def _signed_ranges(data: bytes) -> list[tuple[int, int]]:
    from pyhanko.pdf_utils.reader import PdfFileReader

    ranges = []
    for sig in PdfFileReader(io.BytesIO(data)).embedded_signatures:
        a, b, c, d = (int(x) for x in sig.sig_object["/ByteRange"])
        ranges += [(a, a + b), (c, c + d)]
    return ranges


def test_random_byte_flips_inside_signed_ranges_fail(states: list[bytes], pki: Pki) -> None:
    data = states[-1]
    ranges = _signed_ranges(data)
    rng = random.Random(20261125)
    for _ in range(6):
        start, end = rng.choice(ranges)
        offset = rng.randrange(start, end)
        tampered = bytearray(data)
        tampered[offset] ^= 1 << rng.randrange(8)
        report = _verify(bytes(tampered), pki)
        assert not report.ok(), f"flip at {offset} not detected"
        assert _texts(report), f"flip at {offset} failed without a message"


def test_appended_incremental_edit_fails(states: list[bytes], pki: Pki) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(states[-1]))
    page_ref = writer.root["/Pages"]["/Kids"][0]
    page = page_ref.get_object()
    page["/Rotate"] = generic.NumberObject(90)  # any visible change
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    report = _verify(out.getvalue(), pki)
    assert not report.ok()
    assert "签名之后文书被以不允许的方式修改" in _texts(report) or "违反了它设定的锁定" in _texts(report)


def test_removed_last_signature_fails(states: list[bytes], pki: Pki) -> None:
    # Rewrite the file without its last revision: what remains is the 4-signature file.
    data = states[-1]
    last_start = data.rfind(b"%%EOF", 0, data.rfind(b"%%EOF") - 1)
    truncated = data[:last_start + len(b"%%EOF")] + b"\n"
    report = _verify(truncated, pki)
    assert len(report.signatures) == 3
    assert not report.ok()
    assert "签名域“sig_lead”未签署（如曾签署，则该签名已被移除）" in _texts(report)


def test_expired_certificate_fails(pki: Pki) -> None:
    from acceptance_app.reports.signing.pades import SignRequest
    from acceptance_app.reports.signing.providers import Pkcs12Provider
    from tests.reports.signing_support import PASSWORD

    old = pki.identity("过期者", days=365, not_before=datetime.now(UTC) - timedelta(days=800))
    data = Pkcs12Provider(old, PASSWORD).sign_pdf(SignRequest("sig_1", "过期者", "部门"), prepared_opinion()).data
    report = _verify(data, pki)
    assert not report.signatures[0].ok
    assert "签署人证书在验证时间不在有效期内" in _texts(report)


def test_untrusted_certificate_fails(states: list[bytes], tmp_path: Path) -> None:
    other = make_pki(tmp_path / "other")
    report = verify_pdf(states[-1], [load_certificate(other.ca_pem.read_bytes())])
    assert not report.ok()
    assert all("不能链接到已配置的信任根" in _texts(VerificationReport((s,), (), ())) for s in report.signatures)


def test_training_identity_is_marked_and_not_trusted(tmp_path: Path) -> None:
    from acceptance_app.reports.signing import certificates
    from acceptance_app.reports.signing.pades import SignRequest
    from acceptance_app.reports.signing.providers import Pkcs12Provider

    generated = certificates.make_signer_identity("张伟（培训用）", "住建（培训用）", "pw")
    (tmp_path / "t.p12").write_bytes(generated.pkcs12)
    data = Pkcs12Provider(tmp_path / "t.p12", "pw").sign_pdf(
        SignRequest("sig_1", "张伟", "部门", training=True), prepared_opinion()).data
    report = verify_pdf(data, [])
    assert report.signatures[0].training and not report.signatures[0].ok
    assert "培训用证书：不受信任，仅供练习" in _texts(report)
