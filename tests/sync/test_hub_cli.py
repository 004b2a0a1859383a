"""The command line end to end: ``hub user add|list``, ``hub serve`` with TLS in its own process, and
``sync login|status``, ``push``, ``pull`` of a data folder against it."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import ssl
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from acceptance_app import i18n
from acceptance_app.cli import main
from acceptance_app.sync.credentials import token_path
from tests.sync.postgres_cluster import free_port

ROOT = Path(__file__).resolve().parents[2]


def self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "hub.test")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "hub.crt", folder / "hub.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.fixture(autouse=True)
def _chinese_again_afterwards():  # type: ignore[no-untyped-def]
    """``--lang en`` installs English for the whole process: later tests in this worker expect Chinese."""
    yield
    i18n.install("zh_CN")


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out + err


@pytest.fixture
def served_hub(hub_db_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    cert, key = self_signed(tmp_path)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "acceptance_app", "hub", "serve", "--db", hub_db_url, "--port", str(port),
         "--files", str(tmp_path / "hub-files"), "--tls-cert", str(cert), "--tls-key", str(key)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"https://127.0.0.1:{port}"
    trust = ssl.create_default_context(cafile=str(cert))
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/health", verify=trust).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(process.stdout.read().decode() if process.stdout else "hub did not start")
            time.sleep(0.1)
        yield url, hub_db_url, cert
    finally:
        process.terminate()
        process.wait(10)
        if process.stdout:
            process.stdout.close()


def test_hub_and_sync_commands(served_hub, capsys, data_folder, demo_project, monkeypatch, tmp_path):
    url, db_url, cert = served_hub
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the city office's own CA, as httpx reads it
    code, out = cli(capsys, "hub", "user", "add", "--db", db_url, "--name", "张三", "--department", "housing",
                    "--jurisdiction", "370100", "--json")
    assert code == 0
    token = json.loads(out)["token"]
    code, out = cli(capsys, "hub", "user", "list", "--db", db_url, "--json")
    assert [a["name"] for a in json.loads(out)] == ["张三"] and token not in out

    data = ["--data-dir", str(data_folder.root)]
    assert cli(capsys, *data, "push")[0] == 2  # no hub set yet: a known error
    code, out = cli(capsys, *data, "sync", "login", "--hub", url, "--token", token)
    assert code == 0 and "张三" in out, out
    assert stat.S_IMODE(os.stat(token_path(data_folder)).st_mode) == 0o600
    assert token not in (data_folder.root / "settings.json").read_text("utf-8")

    code, out = cli(capsys, *data, "push", "--json")
    assert code == 0, out
    pushed = json.loads(out)
    assert pushed["sent"] and pushed["sent"] == pushed["exported"] and pushed["waiting"] == 0
    code, out = cli(capsys, *data, "sync", "status", "--project", str(demo_project), "--json")
    status = json.loads(out)
    assert status["pending"] == 0 and status["last_sent_package"] == pushed["sent"][0]
    code, out = cli(capsys, *data, "pull", "--json")
    assert code == 0 and json.loads(out)["imported"] == []  # only its own package on the hub
    code, out = cli(capsys, *data, "sync", "status")
    assert "waiting: 0" in out
