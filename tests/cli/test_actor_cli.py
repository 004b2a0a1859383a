"""Every record names a person: the CLI takes --actor or the configured inspector, never a "cli" placeholder."""

import json
import sqlite3
from pathlib import Path

from acceptance_app.cli import main
from acceptance_app.settings import ACTOR_ENV, load_settings, save_settings
from acceptance_app.storage.data_folder import DataFolder


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def actors(data_dir: str) -> set[str]:
    with sqlite3.connect(DataFolder(Path(data_dir)).database) as conn:
        return {row[0] for row in conn.execute("select distinct actor from audit_events")}


ADD = ("projects", "add", "--name", "测试项目", "--code", "2023-370102-47-01-123456")


def test_a_write_without_a_named_person_is_refused_and_changes_nothing(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv(ACTOR_ENV, raising=False)
    data_dir = str(tmp_path / "data")
    code, out, err = run(capsys, "--data-dir", data_dir, *ADD)
    assert code == 2 and "--actor" in err and "未保存" in err
    code, out, _ = run(capsys, "--data-dir", data_dir, "projects", "list", "--json")
    assert code == 0 and json.loads(out) == []  # reading needs nobody


def test_actor_option_and_configured_inspector_name_the_records(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv(ACTOR_ENV, raising=False)
    data_dir = str(tmp_path / "data")
    assert run(capsys, "--data-dir", data_dir, "--actor", "李检 J-002", *ADD)[0] == 0
    assert actors(data_dir) == {"李检 J-002"}
    settings = load_settings(Path(data_dir))
    settings.inspector_name, settings.inspector_id = "王工", "J-017"
    save_settings(Path(data_dir), settings)
    assert run(capsys, "--data-dir", data_dir, "projects", "add", "--name", "第二个", "--code", "2023-370102-47-01-123457")[0] == 0
    assert actors(data_dir) == {"李检 J-002", "王工 J-017"}


def test_a_finding_from_the_cli_takes_its_items_class_and_refuses_a_lower_one_without_reason(capsys, tmp_path):
    data_dir = str(tmp_path / "data")
    assert run(capsys, "--data-dir", data_dir, "demo", "--json")[0] == 0
    code, out, _ = run(capsys, "--data-dir", data_dir, "projects", "list", "--json")
    project_id = next(p["id"] for p in json.loads(out) if p["name"].endswith("（一期）"))
    code, out, _ = run(capsys, "--data-dir", data_dir, "units", "list", "--project", project_id, "--json")
    unit = next(u["id"] for u in json.loads(out) if u["data"]["name"] == "5#住宅楼")
    code, out, _ = run(capsys, "--data-dir", data_dir, "inspections", "start", "--unit", unit, "--discipline", "fire")
    inspection = out.strip()
    add = ("--data-dir", data_dir, "findings", "add", "--inspection", inspection, "--item", "XF-01-1c",
           "--description", "使用性质与设计不符")
    code, out, err = run(capsys, *add, "--class", "C")
    assert code == 2 and "XF-01-1c" in err and "理由" in err
    assert run(capsys, *add, "--class", "C", "--class-reason", "仅为标识问题")[0] == 0
    code, out, _ = run(capsys, *add)  # no --class: the item's class A
    assert code == 0
    code, out, _ = run(capsys, "--data-dir", data_dir, "findings", "list", "--project", project_id, "--json")
    classes = sorted(f["item_class"] for f in json.loads(out) if f["item_id"] == "XF-01-1c")
    assert classes == ["A", "C"]
