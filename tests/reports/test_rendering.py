"""Rendering into a file here and in the render helper process."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from acceptance_app.domain.enums import DocumentType
from acceptance_app.fileio import file_sha256
from acceptance_app.reports.rendering import RenderHelper, portable, render_file
from tests.reports import sample


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_helper_renders_what_this_process_renders(tmp_path: Path) -> None:
    data = sample.opinion()
    here = render_file(DocumentType.OPINION, data, tmp_path / "here.pdf")
    with RenderHelper() as helper:
        there = helper.render(DocumentType.OPINION, data, tmp_path / "there.pdf")
        notice = helper.render(DocumentType.RECTIFICATION, sample.rectification(), tmp_path / "notice.pdf")
    assert there.result == here.result and there.result.pages >= 2
    assert there.file_sha256 == file_sha256(tmp_path / "there.pdf")
    assert notice.file_sha256 == file_sha256(tmp_path / "notice.pdf")
    assert _text(tmp_path / "there.pdf") == _text(tmp_path / "here.pdf")
    assert "泉华苑住宅小区（一期）" in _text(tmp_path / "there.pdf")


def test_an_error_in_the_helper_is_raised_here_and_the_helper_goes_on(tmp_path: Path) -> None:
    missing = replace(sample.PHOTOS[0], path=tmp_path / "gone.jpg")
    with RenderHelper() as helper:
        with pytest.raises(FileNotFoundError, match="gone.jpg"):
            helper.render(DocumentType.RECTIFICATION, replace(sample.rectification(), findings=(
                replace(sample.FINDINGS[0], photos=(missing,)),)), tmp_path / "bad.pdf")
        helper.render(DocumentType.OPINION, sample.opinion(), tmp_path / "good.pdf")
    assert "联合验收" in _text(tmp_path / "good.pdf")


def test_when_the_helper_has_died_the_document_is_rendered_here(tmp_path: Path) -> None:
    with RenderHelper() as helper:
        assert helper._process is not None
        helper._process.kill()
        helper._process.join()
        rendered = helper.render(DocumentType.OPINION, sample.opinion(), tmp_path / "o.pdf")
    assert rendered.file_sha256 == file_sha256(tmp_path / "o.pdf")


def test_issuing_imports_no_reportlab_so_the_helper_can_load_it_meanwhile() -> None:
    """Nor Pillow nor the checklist forms' YAML: a passed one-unit opinion with cached photo renderings needs none."""
    code = ("import sys, acceptance_app.services.documents.issuing; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'PIL', 'pillow_heif', 'yaml'}))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


class _TwoPartError(Exception):
    def __init__(self, what: str, where: str) -> None:
        super().__init__(f"{what} at {where}")


def test_an_error_that_would_not_unpickle_comes_back_as_its_text() -> None:
    kept = FileNotFoundError(2, "No such file", "gone.jpg")
    assert portable(kept) is kept
    sent = portable(_TwoPartError("字形缺失", "第2页"))
    assert isinstance(sent, RuntimeError) and str(sent) == "_TwoPartError: 字形缺失 at 第2页"
