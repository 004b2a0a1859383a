"""A 4-signer + lead opinion signed through the CLI, checked by our verify, pyHanko's validator and pdfsig."""

from __future__ import annotations

import io
import json
import subprocess
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from acceptance_app.cli import main
from acceptance_app.domain.enums import DocumentState
from acceptance_app.reports.signing.certificates import load_certificate
from acceptance_app.services.documents import issuing as documents
from acceptance_app.storage.db import Database
from acceptance_app.storage.models import Document, DocumentSignature
from tests.reports.signing_support import NAMES, handwriting_png, make_pki
from tests.services.test_documents import complete_inspections

ORDER = ["sig_1", "sig_2", "sig_3", "sig_lead"]


def _pdfsig(path: Path) -> str:
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout


@pytest.fixture
def issued_opinion(database: Database, demo_project: uuid.UUID) -> Path:
    complete_inspections(database, demo_project)
    with database.session() as s, s.begin():
        issued, _ = documents.issue_opinion(s, demo_project)
    assert [slot.name for slot in issued.signature_slots] == ORDER
    return issued.path


def test_four_signatures_through_the_cli_verify_everywhere(
        tmp_path: Path, database: Database, issued_opinion: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(database.folder.root)]
    pki = make_pki(tmp_path / "pki")
    hand = tmp_path / "hand.png"
    hand.write_bytes(handwriting_png())
    assert main([*data, "sign", "--list-fields", str(issued_opinion)]) == 0
    listing = capsys.readouterr().out
    assert listing.count("未签署") == 4 and "锁定" in listing

    current = issued_opinion
    for n, field in enumerate(ORDER, 1):
        if field == "sig_lead":  # the lead signing before the others is refused, nothing written
            pass
        out = tmp_path / f"signed-{n}.pdf"
        assert main([*data, "sign", str(current), "--field", field, "--pkcs12", str(pki.identity(NAMES[field])),
                     "--password-file", str(pki.password_file), "--handwriting", str(hand), "--out", str(out)]) == 0
        printed = capsys.readouterr().out
        assert "无时间戳：未配置时间戳服务器" in printed and "已记录到文书" in printed
        current = out
    assert "文书现已锁定" in printed

    assert main([*data, "verify", str(current), "--trust", str(pki.ca_pem), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and [s["field"] for s in report["signatures"]] == ORDER
    assert [s["signer"] for s in report["signatures"]] == [NAMES[f] for f in ORDER]
    assert report["signatures"][-1]["whole_document"] and report["signatures"][-1]["timestamp"] == ""

    # pyHanko's own validator, with its difference analysis
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(current.read_bytes()))
    context = ValidationContext(trust_roots=[load_certificate(pki.ca_pem.read_bytes())])
    assert all(validate_pdf_signature(sig, context).bottom_line for sig in reader.embedded_signatures)

    # poppler's independent implementation
    pdfsig = _pdfsig(current)
    assert pdfsig.count("Signature is Valid.") == 4
    assert pdfsig.rstrip().endswith("Certificate issuer isn't Trusted.")  # NSS does not know our test CA
    assert "Total document signed" in pdfsig

    with database.session() as s:
        document = s.scalars(sa.select(Document)).one()
        assert document.state is DocumentState.SIGNED
        rows = s.scalars(sa.select(DocumentSignature).order_by(DocumentSignature.signed_at)).all()
        assert [(r.field, r.signer_name) for r in rows] == [(f, NAMES[f]) for f in ORDER]

    # the file without its last revision is a recorded intermediate: the record says the lead's signature is gone
    signed = current.read_bytes()
    cut = signed.rfind(b"%%EOF", 0, signed.rfind(b"%%EOF") - 1) + len(b"%%EOF\n")
    removed = tmp_path / "removed.pdf"
    removed.write_bytes(signed[:cut])
    assert main([*data, "verify", str(removed), "--trust", str(pki.ca_pem)]) == 3
    printed = capsys.readouterr().out
    assert "签名域“sig_lead”未签署" in printed and "记录显示签名域“sig_lead”已由 王建华" in printed

    assert main([*data, "sign", str(current), "--field", "sig_1", "--pkcs12", str(pki.identity("某人")),
                 "--password-file", str(pki.password_file), "--out", str(tmp_path / "x.pdf")]) == 2
    assert "已被最终签名锁定" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_lead_first_wrong_password_and_untrusted(tmp_path: Path, database: Database, issued_opinion: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(database.folder.root)]
    pki = make_pki(tmp_path / "pki")
    key = pki.identity("王建华")
    out = tmp_path / "o.pdf"
    args = [*data, "sign", str(issued_opinion), "--pkcs12", str(key), "--password-file", str(pki.password_file),
            "--out", str(out)]
    assert main([*args, "--field", "sig_lead"]) == 2
    assert "牵头部门最后签署" in capsys.readouterr().err
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("错误", "utf-8")
    assert main([*args[:-4], "--password-file", str(wrong), "--out", str(out), "--field", "sig_1"]) == 2
    assert "口令错误" in capsys.readouterr().err
    assert main([*args, "--field", "sig_nope"]) == 2
    assert "没有签名域“sig_nope”" in capsys.readouterr().err
    assert not out.exists()

    assert main([*args, "--field", "sig_1"]) == 0
    capsys.readouterr()
    assert main([*data, "verify", str(out), "--allow-unsigned"]) == 3  # no trust roots configured
    printed = capsys.readouterr().out
    assert "不能链接到已配置的信任根" in printed and "验证失败" in printed
    assert main([*data, "verify", str(out), "--trust", str(pki.ca_pem)]) == 3  # 4 fields still unsigned
    assert "签名域“sig_lead”未签署" in capsys.readouterr().out
    assert main([*data, "verify", str(out), "--trust", str(pki.ca_pem), "--allow-unsigned"]) == 0
