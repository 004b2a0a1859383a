"""RFC 3161: a reachable timestamp server stamps the signature; an unreachable one leaves a clear note."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from asn1crypto import keys, tsp, x509
from cryptography import x509 as cx509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from acceptance_app.reports.signing.certificates import load_certificate
from acceptance_app.reports.signing.pades import SignRequest
from acceptance_app.reports.signing.providers import Pkcs12Provider
from acceptance_app.reports.signing.verify import verify_pdf
from tests.reports.signing_support import PASSWORD, make_pki, prepared_opinion


def _tsa(ca):  # type: ignore[no-untyped-def]
    ca_key, ca_cert = ca
    key = rsa.generate_private_key(65537, 2048)  # pyHanko's DummyTimeStamper signs with RSA only
    now = datetime.now(UTC) - timedelta(hours=1)
    cert = (cx509.CertificateBuilder()
            .subject_name(cx509.Name([cx509.NameAttribute(NameOID.COMMON_NAME, "测试时间戳服务")]))
            .issuer_name(ca_cert.subject).public_key(key.public_key()).serial_number(cx509.random_serial_number())
            .not_valid_before(now).not_valid_after(now + timedelta(days=30))
            .add_extension(cx509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
            .sign(ca_key, hashes.SHA256()))
    from pyhanko.sign.timestamps import DummyTimeStamper

    return DummyTimeStamper(
        tsa_cert=x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        tsa_key=keys.PrivateKeyInfo.load(key.private_bytes(serialization.Encoding.DER,
                                                           serialization.PrivateFormat.PKCS8,
                                                           serialization.NoEncryption())))


@pytest.fixture
def tsa_url(tmp_path: Path) -> Iterator[tuple[str, object]]:
    pki = make_pki(tmp_path / "pki")
    stamper = _tsa(pki.ca)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server API)
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            body = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa", pki
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_reachable_server_timestamps_the_signature(tsa_url) -> None:  # type: ignore[no-untyped-def]
    url, pki = tsa_url
    provider = Pkcs12Provider(pki.identity("张伟"), PASSWORD)
    result = provider.sign_pdf(SignRequest("sig_1", "张伟", "部门", timestamp_url=url), prepared_opinion())
    assert result.timestamp and result.timestamp_note == url
    report = verify_pdf(result.data, [load_certificate(pki.ca_pem.read_bytes())])
    assert report.signatures[0].timestamp[:10] == datetime.now(UTC).date().isoformat()
    assert report.signatures[0].ok


def test_unreachable_server_signs_offline_and_says_so(tmp_path: Path) -> None:
    pki = make_pki(tmp_path / "pki")
    provider = Pkcs12Provider(pki.identity("张伟"), PASSWORD)
    result = provider.sign_pdf(SignRequest("sig_1", "张伟", "部门", timestamp_url="http://127.0.0.1:9/tsa"),
                               prepared_opinion())
    assert result.timestamp == ""
    assert "时间戳服务器不可达（http://127.0.0.1:9/tsa" in result.timestamp_note
    assert verify_pdf(result.data, [load_certificate(pki.ca_pem.read_bytes())]).signatures[0].ok
