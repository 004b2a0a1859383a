"""The document commands, through the real entry point."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from acceptance_app.cli import main
from acceptance_app.fileio import file_sha256


def test_render_commands_print_number_and_sha256(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "demo"]) == 0
    project, ready = capsys.readouterr().out.split()
    assert main([*data, "opinion", "render", "--project", project, "--out", str(tmp_path / "o.pdf")]) == 2
    assert "规划条件核实尚未完成并作出结论" in capsys.readouterr().err
    assert not (tmp_path / "o.pdf").exists()
    out = tmp_path / "r.pdf"
    assert main([*data, "rectification", "render", "--project", project, "--out", str(out)]) == 0
    number, sha = capsys.readouterr().out.split()
    assert number.startswith("济联验整〔") and sha == file_sha256(out)
    assert main([*data, "service-report", "render", "--project", project, "--out", str(tmp_path / "s.pdf")]) == 0
    capsys.readouterr()
    assert main([*data, "documents", "list", "--project", project, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["type"] for r in rows] == ["rectification", "service-report"]
    assert rows[0]["number"] == number


def test_every_document_renders_at_once_from_the_concluded_demo_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "demo"]) == 0
    _main, ready = capsys.readouterr().out.split()
    for command in ("opinion", "rectification", "service-report", "record-sheets"):
        out = tmp_path / f"{command}.pdf"
        assert main([*data, command, "render", "--project", ready, "--out", str(out)]) == 0, capsys.readouterr().err
        printed = capsys.readouterr().out.splitlines()
        assert printed and all(line.split("\t")[1] for line in printed)
    text = subprocess.run(["pdftotext", str(tmp_path / "opinion.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    for expected in ("泉华苑住宅小区（二期）", "6#住宅楼", "7#住宅楼", "二期地下车库", "联合验收结论", "整改"):
        assert expected in text


def test_draft_renders_without_a_number_and_records_nothing(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "demo"]) == 0
    _main, ready = capsys.readouterr().out.split()
    out = tmp_path / "draft.pdf"
    assert main([*data, "opinion", "render", "--project", ready, "--out", str(out), "--draft"]) == 0
    assert capsys.readouterr().out.split("\t")[-1].strip() == str(out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "草稿" in text and "未编号" in text and "济联验〔" not in text
    assert main([*data, "documents", "list", "--project", ready, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main([*data, "record-sheets", "render", "--project", ready, "--out-dir", str(tmp_path / "s"),
                 "--draft"]) == 0
    assert len(list((tmp_path / "s").glob("*.pdf"))) == len(capsys.readouterr().out.splitlines()) > 1
    assert main([*data, "documents", "list", "--project", ready, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
