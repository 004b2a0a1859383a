"""``opinion scopes`` and ``opinion render --unit`` as the window offers them: on 二期, 6# is ready to be accepted
on its own; 7# is refused with its reasons, and nothing is issued."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from acceptance_app.cli import main
from acceptance_app.storage.data_folder import DataFolder


def test_scopes_then_a_unit_not_ready_is_refused(data_folder: DataFolder, ready_project: uuid.UUID, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(data_folder.root), "--lang", "zh_CN"]
    assert main([*data, "opinion", "scopes", "--project", str(ready_project), "--json"]) == 0
    scopes = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    assert scopes["泉华苑住宅小区（二期）"]["unit_id"] is None
    assert scopes["6#住宅楼"]["ready"] and scopes["6#住宅楼"]["unit_code"] == "370112001270006"
    seventh = scopes["7#住宅楼"]
    assert not seventh["ready"] and "消防正在整改（整改后复验）" in seventh["reasons"]
    out = tmp_path / "7.pdf"
    for draft in ([], ["--draft"]):
        assert main([*data, "opinion", "render", "--project", str(ready_project), "--unit", seventh["unit_id"],
                     "--out", str(out), *draft]) == 2
        assert "单体7#住宅楼尚不能单独验收" in capsys.readouterr().err
    assert not out.exists()
    assert main([*data, "opinion", "render", "--project", str(ready_project), "--unit", scopes["6#住宅楼"]["unit_id"],
                 "--out", str(out)]) == 0
    number = capsys.readouterr().out.split("\t")[0]
    assert main([*data, "opinion", "scopes", "--project", str(ready_project)]) == 0
    lines = {line.split("\t")[1]: line.split("\t") for line in capsys.readouterr().out.splitlines()}
    assert lines["6#住宅楼"][2:4] == ["可出具", number]
    assert main([*data, "documents", "list", "--project", str(ready_project), "--json"]) == 0
    assert [row["unit_name"] for row in json.loads(capsys.readouterr().out)] == ["6#住宅楼"]
