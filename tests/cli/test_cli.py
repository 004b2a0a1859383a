import json
import subprocess
import sys

import pytest

from acceptance_app.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data_dir(tmp_path):
    return str(tmp_path / "data")


def test_demo_then_list_projects_and_units_as_json(capsys, data_dir):
    code, out, _ = run(capsys, "--data-dir", data_dir, "demo", "--json")
    assert code == 0
    project_id, ready_id = json.loads(out)["projects"]
    code, out, _ = run(capsys, "--data-dir", data_dir, "projects", "list", "--json")
    names = {p["id"]: p["name"] for p in json.loads(out)}
    assert names == {project_id: "泉华苑住宅小区（一期）", ready_id: "泉华苑住宅小区（二期）"}
    code, out, _ = run(capsys, "--data-dir", data_dir, "units", "list", "--project", project_id, "--json")
    units = json.loads(out)
    assert len(units) == 7
    garage = next(u for u in units if u["data"]["name"].startswith("地下车库"))
    assert garage["cells"]["civil-air-defense"] == "not-started"
    assert units[0]["cells"]["civil-air-defense"] == "not-applicable"


def test_wrong_identifier_gives_chinese_message_naming_field_and_rule(capsys, data_dir):
    code, out, _ = run(capsys, "--data-dir", data_dir, "projects", "add", "--name", "测试", "--code", "2023-370102-47-01-123456")
    project_id = out.strip()
    code, out, err = run(
        capsys, "--data-dir", data_dir, "parties", "add", "--project", project_id, "--role", "builder",
        "--name", "某公司", "--uscc", "91110000600037341M",
    )
    assert code == 2 and out == ""
    assert "统一社会信用代码" in err and "校验码错误" in err and "应为 L" in err


def test_english_messages_on_request(capsys, data_dir):
    code, _, err = run(capsys, "--data-dir", data_dir, "--lang", "en", "projects", "add", "--name", "x", "--code", "2023-1")
    assert code == 2 and "Project code: must look like" in err


def test_unknown_project_is_a_known_error(capsys, data_dir):
    code, _, err = run(capsys, "--data-dir", data_dir, "units", "list", "--project", "00000000-0000-0000-0000-000000000000")
    assert code == 2 and "找不到记录" in err


def test_smoke_test_prints_first_paint_as_last_line(tmp_path):
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "acceptance_app", "--data-dir", str(tmp_path / "d"), "gui", "--smoke-test", "--demo"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("first-paint-seconds: ") and float(last.split(": ")[1]) > 0
