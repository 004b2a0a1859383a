"""The whole checklist flow from the command line."""

import json

from acceptance_app.cli import main
from tests.checklists.conftest import FIXTURE_FORMS


def run(capsys, data_dir, *args):
    code = main(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_start_answer_show_conclude_and_verdicts(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"version": 2, "forms_dir": str(FIXTURE_FORMS)}), "utf-8")
    _, project, _ = run(capsys, data, "projects", "add", "--name", "测试项目", "--code", "2024-370112-47-01-123456")
    project = project.strip().splitlines()[-1]
    _, unit, _ = run(capsys, data, "units", "add", "--project", project, "--name", "1#楼", "--height", "54.9", "--storeys-below", "1")
    unit = unit.strip().splitlines()[-1]
    code, out, _ = run(capsys, data, "inspections", "start", "--unit", unit, "--discipline", "fire", "--json")
    assert code == 0
    inspection = json.loads(out)["inspection"]
    answers = [
        ("XF-04-1", "13.2", "13"), ("XF-04-2", "4.5", None), ("XF-06-1", "2", "2"), ("XF-06-2", "甲级", None),
        ("XF-06-3", "合格", None), ("XF-06-4", "0.36, 0.38", None), ("XF-06-5", "1", None),
    ]
    for item, value, design in answers:
        extra = ["--design", design] if design else []
        code, out, err = run(capsys, data, "inspections", "answer", "--inspection", inspection, "--item", item, "--value", value, *extra)
        assert code == 0, err
    code, out, err = run(capsys, data, "inspections", "answer", "--inspection", inspection, "--item", "XF-04-2", "--value", "四米")
    assert code == 2 and "XF-04-2" in err and "四米" in err and "不是数字" in err
    code, out, _ = run(capsys, data, "inspections", "show", "--inspection", inspection, "--json")
    shown = json.loads(out)
    assert shown["progress"] == {**shown["progress"], "answered": 7, "total": 7}
    assert shown["inspection"]["form_version"] == "T-1" and shown["outcome"]["verdict"] == "passed"
    assert shown["items"][0]["source"]["clause"] == "5.2.2"
    code, out, _ = run(capsys, data, "inspections", "conclude", "--inspection", inspection, "--json")
    assert json.loads(out)["verdict"] == "passed"
    code, out, _ = run(capsys, data, "verdicts", "--project", project, "--json")
    result = json.loads(out)
    fire = next(d for d in result["units"][0]["disciplines"] if d["discipline"] == "fire")
    assert fire["verdict"] == "passed" and result["joint"]["verdict"] is None  # other disciplines not inspected


def test_a_concluded_answer_is_corrected_with_a_reason_reopened_and_its_history_read(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"version": 2, "forms_dir": str(FIXTURE_FORMS)}), "utf-8")
    _, project, _ = run(capsys, data, "projects", "add", "--name", "测试项目", "--code", "2024-370112-47-01-123456")
    _, unit, _ = run(capsys, data, "units", "add", "--project", project.strip().splitlines()[-1], "--name", "1#楼",
                     "--height", "54.9", "--storeys-below", "1")
    _, out, _ = run(capsys, data, "inspections", "start", "--unit", unit.strip().splitlines()[-1], "--discipline",
                    "fire", "--json")
    inspection = json.loads(out)["inspection"]
    for item, value, design in (("XF-04-1", "13.2", "13"), ("XF-04-2", "4.5", None), ("XF-06-1", "2", "2"),
                                ("XF-06-2", "甲级", None), ("XF-06-3", "合格", None), ("XF-06-4", "0.36, 0.38", None),
                                ("XF-06-5", "1", None)):
        run(capsys, data, "inspections", "answer", "--inspection", inspection, "--item", item, "--value", value,
            *(["--design", design] if design else []))
    assert run(capsys, data, "inspections", "conclude", "--inspection", inspection)[0] == 0
    answer = ("inspections", "answer", "--inspection", inspection, "--item", "XF-04-2", "--value", "4.6")
    code, _, err = run(capsys, data, *answer)
    assert code == 2 and "理由" in err  # concluded: the change is a correction
    code, _, err = run(capsys, data, *answer, "--correction", "误记")
    assert code == 2 and "至少 4 个字" in err
    code, out, err = run(capsys, data, *answer, "--correction", "读数误记，现场复核为4.6 m")
    assert code == 0 and out.split() == ["XF-04-2", "pass"], err
    code, out, err = run(capsys, data, "inspections", "answer", "--inspection", inspection, "--item", "XF-06-3",
                         "--value", "不合格", "--correction", "复核发现闭门器损坏")
    assert code == 2 and "撤销结论" in err  # would change the verdict
    code, out, _ = run(capsys, data, "inspections", "history", "--inspection", inspection, "--item", "XF-04-2", "--json")
    versions = json.loads(out)["versions"]
    assert [v["answer"] for v in versions] == ["4.5 m", "4.6 m"] and [v["live"] for v in versions] == [False, True]
    assert versions[1]["correction"] == "读数误记，现场复核为4.6 m" and versions[1]["by"]
    assert run(capsys, data, "inspections", "reopen", "--inspection", inspection, "--reason", "短")[0] == 2
    code, _, err = run(capsys, data, "inspections", "reopen", "--inspection", inspection, "--reason",
                       "复核发现闭门器损坏，需重新判定")
    assert code == 0, err
    code, out, _ = run(capsys, data, "inspections", "answer", "--inspection", inspection, "--item", "XF-06-3",
                       "--value", "不合格")
    assert code == 0 and out.split() == ["XF-06-3", "fail"]
