"""`units add|update|facts`: the unit facts, the derived facts with their reasons, overrides with a reason."""

import json

from acceptance_app.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_facts_overrides_and_refusals(capsys, tmp_path):
    data = str(tmp_path / "data")
    code, out, _ = run(capsys, "--data-dir", data, "projects", "add", "--name", "测试", "--code", "2024-370112-47-01-123456")
    project = out.strip().splitlines()[-1]
    code, out, _ = run(capsys, "--data-dir", data, "units", "add", "--project", project, "--name", "幼儿园",
                       "--use", "kindergarten", "--height", "11.7", "--storeys-above", "3", "--area-above", "3186",
                       "--area-below", "0", "--sprinklers", "wet,pre-action", "--kitchen", "yes")
    assert code == 0
    unit = out.strip()
    code, out, _ = run(capsys, "--data-dir", data, "units", "facts", unit, "--json")
    facts = json.loads(out)
    assert facts["facts"] == {"kitchen": True, "sprinklers": ["pre-action", "wet"]}
    assert facts["derived"]["fire_regime"]["value"] == "special"
    assert "第51号" in facts["derived"]["fire_regime"]["text"] and facts["derived"]["crowded"]["value"] is True

    # An override without a reason is refused with a message and changes nothing.
    code, _, err = run(capsys, "--data-dir", data, "units", "update", unit, "--override", "fire_regime=other")
    assert code != 0 and "理由" in err
    code, out, _ = run(capsys, "--data-dir", data, "units", "facts", unit, "--json")
    assert json.loads(out)["derived"]["fire_regime"]["overridden"] is None

    code, _, _ = run(capsys, "--data-dir", data, "units", "update", unit, "--override", "fire_regime=other",
                     "--reason", "儿童用房不足1000 m²，其余为办公", "--sprinklers", "none")
    assert code == 0
    code, out, _ = run(capsys, "--data-dir", data, "units", "facts", unit, "--json")
    facts = json.loads(out)
    assert facts["facts"] == {"kitchen": True, "sprinklers": []}
    regime = facts["derived"]["fire_regime"]
    assert regime["value"] == "other" and regime["overridden"]["reason"].startswith("儿童用房")
    assert regime["overridden"]["by"] and regime["overridden"]["at"]
    code, _, _ = run(capsys, "--data-dir", data, "units", "update", unit, "--override", "fire_regime=derived")
    code, out, _ = run(capsys, "--data-dir", data, "units", "facts", unit, "--json")
    assert json.loads(out)["derived"]["fire_regime"]["value"] == "special"
