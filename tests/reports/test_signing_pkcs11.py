"""The PKCS#11 path against SoftHSM2 (the USB keys officials carry speak the same interface)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from acceptance_app.domain.problems import KnownError
from acceptance_app.reports.signing.certificates import load_certificate
from acceptance_app.reports.signing.pades import SignRequest
from acceptance_app.reports.signing.providers import Pkcs11Provider
from acceptance_app.reports.signing.verify import verify_pdf
from acceptance_app.text import describe_error
from tests.reports.signing_support import PASSWORD, make_pki, prepared_opinion

MODULE = "/usr/lib/softhsm/libsofthsm2.so"
pytestmark = pytest.mark.skipif(
    shutil.which("softhsm2-util") is None or shutil.which("pkcs11-tool") is None or not Path(MODULE).exists(),
    reason="SoftHSM2 not installed: apt-get install softhsm2 opensc (scripts/system-deps.sh TEST list)")


@pytest.fixture
def token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    (tmp_path / "tokens").mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tmp_path / 'tokens'}\nobjectstore.backend = file\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}
    run = lambda *args: subprocess.run(args, check=True, capture_output=True, env=env)  # noqa: E731
    run("softhsm2-util", "--init-token", "--free", "--label", "验收令牌", "--pin", "123456", "--so-pin", "654321")
    pki = make_pki(tmp_path / "pki")
    key, cert, _chain = pkcs12.load_key_and_certificates(pki.identity("陈静").read_bytes(), PASSWORD.encode())
    (tmp_path / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption()))
    (tmp_path / "cert.der").write_bytes(cert.public_bytes(serialization.Encoding.DER))
    run("softhsm2-util", "--import", str(tmp_path / "key.pem"), "--token", "验收令牌", "--label", "signer",
        "--id", "01", "--pin", "123456")
    run("pkcs11-tool", "--module", MODULE, "--token-label", "验收令牌", "--login", "--pin", "123456",
        "--write-object", str(tmp_path / "cert.der"), "--type", "cert", "--label", "signer", "--id", "01")
    return pki


def test_sign_with_token_and_verify(token) -> None:  # type: ignore[no-untyped-def]
    provider = Pkcs11Provider(MODULE, "验收令牌", "signer", "123456")
    assert provider.certificate().subject.native["common_name"] == "陈静"
    result = provider.sign_pdf(SignRequest("sig_2", "陈静", "人民防空部门"), prepared_opinion())
    report = verify_pdf(result.data, [load_certificate(token.ca_pem.read_bytes())])
    assert report.signatures[0].ok and report.signatures[0].signer == "陈静"
    assert report.ok(allow_unsigned=True)


def test_wrong_pin_and_wrong_label_are_clear(token) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(KnownError) as caught:
        Pkcs11Provider(MODULE, "验收令牌", "signer", "000000").certificate()
    assert "无法使用令牌" in describe_error(caught.value) and "验收令牌" in describe_error(caught.value)
    with pytest.raises(KnownError) as caught:
        Pkcs11Provider(MODULE, "验收令牌", "nobody", "123456").certificate()
    assert "密钥“nobody”" in describe_error(caught.value)
