"""Changes after signing that one library's revision parsing misses (issue 20, items 1 and 2).

Each attack is checked against pdfsig as well: poppler draws the appended content and says the document is not
totally signed, so our verdict must be "modified" too, through the CLI's exit code and JSON.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from acceptance_app.cli import main
from acceptance_app.cli.signing import EXIT_VERIFY_FAILED
from acceptance_app.reports.signing.certificates import load_certificate
from acceptance_app.reports.signing.verify import VerificationReport, verify_pdf
from acceptance_app.text import describe_issue
from tests.reports.signing_support import Pki, make_pki, prepared_opinion, sign_all

ORDER = ["sig_1", "sig_2", "sig_3", "sig_lead"]
# The end of an appended revision as an attacker may write it: no marker, or one no reader takes for %%EOF.
ENDINGS = {"proper": b"%%EOF\n", "none": b"", "one_percent": b"%EOF\n", "lower": b"%%eof\n", "spaced": b"%%E OF\n"}

needs_pdfsig = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils' pdfsig is not installed")


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def states(pki: Pki) -> list[bytes]:
    return sign_all(prepared_opinion(), pki, ORDER)


def _verify(data: bytes, pki: Pki) -> VerificationReport:
    return verify_pdf(data, [load_certificate(pki.ca_pem.read_bytes())])


def _paint_over_page_one(signed: bytes, small: bool) -> bytes:
    """An incremental update that adds a content stream painting a red block over page 1, ending in %%EOF."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    paint = b"q 1 0 0 rg 40 300 520 300 re f Q" + (b"" if small else b"\n%" + b"x" * 3000)
    contents = page.raw_get("/Contents")
    streams = list(contents) if isinstance(contents, generic.ArrayObject) else [contents]
    page["/Contents"] = generic.ArrayObject([*streams, writer.add_object(generic.StreamObject(stream_data=paint))])
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _with_ending(updated: bytes, ending: bytes) -> bytes:
    return updated[:updated.rfind(b"%%EOF")] + ending


def _pdfsig(path: Path) -> str:
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout


@needs_pdfsig
@pytest.mark.parametrize("small", [True, False], ids=["short_update", "long_update"])
@pytest.mark.parametrize("ending", list(ENDINGS))
def test_appended_revision_is_modified_whatever_its_end_marker(
        states: list[bytes], pki: Pki, tmp_path: Path, ending: str, small: bool,
        capsys: pytest.CaptureFixture[str]) -> None:
    tampered = _with_ending(_paint_over_page_one(states[-1], small), ENDINGS[ending])
    path = tmp_path / "tampered.pdf"
    path.write_bytes(tampered)
    assert "Not total document signed" in _pdfsig(path)  # poppler sees the change too

    report = _verify(tampered, pki)
    assert not report.ok() and not report.ok(allow_unsigned=True)
    assert [i.code for i in report.issues] == ["appended"]
    last = report.signatures[-1]
    assert last.field == "sig_lead" and not last.whole_document and last.modification_level == "OTHER"
    assert "签名之后文书被以不允许的方式修改" in "\n".join(describe_issue(i) for i in last.issues)

    assert main(["--data-dir", str(tmp_path / "data"), "verify", str(path), "--json", "--trust",
                 str(pki.ca_pem)]) == EXIT_VERIFY_FAILED
    printed = json.loads(capsys.readouterr().out)
    assert printed["ok"] is False
    assert printed["issues"][0]["code"] == "appended" and printed["issues"][0]["after"] > 0


def test_trailer_whitespace_after_the_last_signature_is_allowed(states: list[bytes], pki: Pki) -> None:
    assert _verify(states[-1] + b"\r\n \n", pki).ok()
    report = _verify(states[-1] + b"\n%", pki)
    assert not report.ok() and [i.code for i in report.issues] == ["appended"]


def test_partly_signed_document_with_a_proper_unsigned_update_is_modified(states: list[bytes], pki: Pki) -> None:
    # Even with a correct %%EOF, an update nobody signed is a change, also while others still have to sign.
    report = _verify(_paint_over_page_one(states[2], small=True), pki)
    assert not report.ok(allow_unsigned=True)
    assert "appended" in [i.code for i in report.issues]


def _add_painting_field(source: bytes, name: str = "sig_evil") -> bytes:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field, enumerate_sig_fields

    writer = IncrementalPdfFileWriter(io.BytesIO(source))
    append_signature_field(writer, SigFieldSpec(name, box=(0, 0, 595, 842), on_page=0))
    field = next(ref.get_object() for field_name, _v, ref in enumerate_sig_fields(writer, filled_status=None)
                 if field_name == name)
    number = generic.NumberObject
    appearance = generic.StreamObject({
        generic.NameObject("/Type"): generic.NameObject("/XObject"),
        generic.NameObject("/Subtype"): generic.NameObject("/Form"),
        generic.NameObject("/BBox"): generic.ArrayObject([number(0), number(0), number(595), number(842)]),
    }, stream_data=b"1 1 1 rg 0 0 595 842 re f 1 0 0 rg 50 50 400 400 re f")
    field["/AP"] = generic.DictionaryObject({generic.NameObject("/N"): writer.add_object(appearance)})
    writer.update_container(field)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@needs_pdfsig
def test_added_unsigned_field_with_an_appearance_is_refused_by_name(
        states: list[bytes], pki: Pki, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tampered = _add_painting_field(states[2])  # three of four signed: a document still being signed
    path = tmp_path / "field.pdf"
    path.write_bytes(tampered)
    assert "sig_evil" in _pdfsig(path)

    report = _verify(tampered, pki)
    assert not report.ok(allow_unsigned=True)
    assert report.issues[0].code == "field_added" and report.issues[0].params == {"field": "sig_evil"}
    assert main(["--data-dir", str(tmp_path / "data"), "verify", str(path), "--allow-unsigned", "--trust",
                 str(pki.ca_pem)]) == EXIT_VERIFY_FAILED
    out = capsys.readouterr().out
    assert "签名域“sig_evil”是在文书签发之后添加的" in out and "验证失败" in out


def test_added_field_stays_refused_after_a_later_signature_covers_it(states: list[bytes], pki: Pki) -> None:
    from tests.reports.signing_support import sign_all as sign_more

    # Two of four signed: the lead signs last and refuses an open field, so a careless sig_3 signs over it.
    tampered = _add_painting_field(states[1])
    resigned = sign_more(tampered, pki, ["sig_3"])[-1]
    report = _verify(resigned, pki)
    assert not report.ok(allow_unsigned=True)
    assert ("field_added", {"field": "sig_evil"}) in [(i.code, i.params) for i in report.issues]


def test_renderer_field_given_a_painting_appearance_is_refused(states: list[bytes], pki: Pki) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import enumerate_sig_fields

    # Two of four signed, so another field (sig_3) is still open to sign over the painted sig_lead.
    writer = IncrementalPdfFileWriter(io.BytesIO(states[1]))
    field = next(ref.get_object() for name, _v, ref in enumerate_sig_fields(writer, filled_status=None)
                 if name == "sig_lead")
    appearance = generic.StreamObject({generic.NameObject("/Subtype"): generic.NameObject("/Form")},
                                      stream_data=b"0 0 0 rg 0 0 100 40 re f")
    field["/AP"] = generic.DictionaryObject({generic.NameObject("/N"): writer.add_object(appearance)})
    writer.update_container(field)
    out = io.BytesIO()
    writer.write(out)
    report = _verify(sign_all(out.getvalue(), pki, ["sig_3"])[-1], pki)
    assert not report.ok(allow_unsigned=True)
    assert ("field_paints", {"field": "sig_lead"}) in [(i.code, i.params) for i in report.issues]


def test_document_being_signed_still_passes_with_allow_unsigned(states: list[bytes], pki: Pki) -> None:
    report = _verify(states[2], pki)
    assert not report.ok() and report.ok(allow_unsigned=True)
    assert {i.code for i in report.issues} == {"unsigned"}
