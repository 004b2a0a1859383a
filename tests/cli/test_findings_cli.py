"""The rectification loop and commitments from the command line, on the demo project."""

from __future__ import annotations

import json

import sqlalchemy as sa

from acceptance_app.cli import main
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.db import open_database
from acceptance_app.storage.models import Inspection, Unit


def run(capsys, *args):  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_then_walk_the_loop_and_read_the_dashboard(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = str(tmp_path / "data")
    code, out, _ = run(capsys, "--data-dir", data, "demo", "--json")
    project, _ready = json.loads(out)["projects"]
    database = open_database(DataFolder(tmp_path / "data"))
    with database.session() as s:
        inspection = s.scalars(sa.select(Inspection.id).join(Unit).where(Unit.name == "配套商业S1")).first()
    database.close()

    code, out, err = run(capsys, "--data-dir", data, "findings", "add", "--inspection", str(inspection),
                         "--item", "XF-08-1", "--description", "消火栓箱门开启角度不足 120°", "--class", "C",
                         "--party", "contractor", "--days", "5", "--today", "2026-11-20")
    assert code == 0, err
    finding_id, deadline = out.split()
    assert deadline == "2026-11-27"

    for flag, status in (("--rectified", "rectified"), ("--recheck-fail", "open"), ("--rectified", "rectified"),
                         ("--recheck-pass", "closed")):
        code, out, err = run(capsys, "--data-dir", data, "findings", "update", finding_id, flag, "--note", "现场")
        assert code == 0, err
        assert out.split() == [finding_id, status]

    code, out, err = run(capsys, "--data-dir", data, "findings", "update", finding_id, "--rectified")
    assert code == 2 and "复验通过" in err  # closed: no more steps

    code, out, _ = run(capsys, "--data-dir", data, "findings", "list", "--project", project, "--json")
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows[finding_id]["status"] == "closed" and rows[finding_id]["left"] is None
    code, out, _ = run(capsys, "--data-dir", data, "dashboard", "--project", project, "--json")
    board = json.loads(out)
    assert board["overdue"] == 1 and board["by_discipline"]["fire"] >= 3
    assert board["unresolved"][0]["overdue"] is True


def test_bad_input_is_a_clear_message(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = str(tmp_path / "data")
    code, out, _ = run(capsys, "--data-dir", data, "demo", "--json")
    project, _ready = json.loads(out)["projects"]
    code, _out, err = run(capsys, "--data-dir", data, "commitments", "add", "--project", project, "--kind", "deferred",
                          "--subject", "", "--promise", "补交", "--due", "2020-01-01")
    assert code == 2 and err.splitlines() == ["事项: 必须填写", "承诺期限: 2020-01-01 已过"]
    code, out, err = run(capsys, "--data-dir", data, "commitments", "add", "--project", project, "--kind", "deferred",
                         "--subject", "消防设施检测报告", "--promise", "五日内补交", "--due", "2099-01-01")
    assert code == 0, err
    commitment = out.strip()
    code, _out, err = run(capsys, "--data-dir", data, "opinion", "render", "--project", project,
                          "--out", str(tmp_path / "o.pdf"))
    assert code == 2 and "消防设施检测报告" in err
    code, out, err = run(capsys, "--data-dir", data, "commitments", "update", commitment, "--fulfilled")
    assert code == 0, err
    code, out, _ = run(capsys, "--data-dir", data, "commitments", "list", "--project", project, "--open", "--json")
    assert sorted(c["subject"] for c in json.loads(out)) == ["城建档案移交", "景观绿化乔木补植"]
