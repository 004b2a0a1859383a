"""The document commands, through the real entry point."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import sqlalchemy as sa

from acceptance_app.cli import main
from acceptance_app.fileio import file_sha256
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.db import open_database
from acceptance_app.storage.models import Unit


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
    # 7# 消防 is in rectification (整改后复验): no opinion for the whole project, the notice instead
    assert main([*data, "opinion", "render", "--project", ready, "--out", str(tmp_path / "all.pdf")]) == 2
    assert "正在整改（整改后复验）：7#住宅楼" in capsys.readouterr().err
    database = open_database(DataFolder(tmp_path / "data"))
    with database.session() as s:
        sixth = str(s.scalars(sa.select(Unit.id).where(Unit.name == "6#住宅楼")).one())
    database.close()
    for command in ("opinion", "rectification", "service-report", "record-sheets"):
        out = tmp_path / f"{command}.pdf"
        unit = ["--unit", sixth] if command == "opinion" else []  # 6# is accepted on its own
        assert main([*data, command, "render", "--project", ready, *unit, "--out", str(out)]) == 0, \
            capsys.readouterr().err
        printed = capsys.readouterr().out.splitlines()
        assert printed and all(line.split("\t")[1] for line in printed)
    text = subprocess.run(["pdftotext", str(tmp_path / "opinion.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout.replace("\n", "")
    for expected in ("泉华苑住宅小区（二期）（6#住宅楼）", "联合验收结论", "单体单独验收的前提条件", "同意通过竣工联合验收"):
        assert expected in text, expected
    assert "7#住宅楼" not in text


def test_draft_renders_without_a_number_and_records_nothing(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "demo"]) == 0
    _main, ready = capsys.readouterr().out.split()
    database = open_database(DataFolder(tmp_path / "data"))
    with database.session() as s:  # 7# is in rectification: the draft is 6#'s opinion, accepted on its own
        sixth = str(s.scalars(sa.select(Unit.id).where(Unit.name == "6#住宅楼")).one())
    database.close()
    out = tmp_path / "draft.pdf"
    assert main([*data, "opinion", "render", "--project", ready, "--unit", sixth, "--out", str(out), "--draft"]) == 0, \
        capsys.readouterr().err
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
