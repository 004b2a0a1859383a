"""``timeline show --json`` on the demo: the stages with the pause; a clock across the year end is estimated."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from acceptance_app.cli import main


def test_timeline_shows_the_demo_stages_with_the_pause(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "demo"]) == 0
    main_id, ready = capsys.readouterr().out.split()
    assert main([*data, "timeline", "show", "--project", main_id, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [e["stage"] for e in shown["events"]] == ["applied", "accepted", "site", "rectification", "receipt"]
    assert shown["pauses"][0]["end"] is None and shown["pauses"][0]["receipt"] and not shown["running"]
    assert main([*data, "timeline", "show", "--project", ready]) == 0
    text = capsys.readouterr().out
    assert "整改报告回复（恢复计时）" in text and "复验" in text
    # dated before the last stage: refused with a message naming that stage's date, nothing recorded
    last = (date.today() - timedelta(days=6)).isoformat()
    assert main([*data, "timeline", "add", "--project", ready, "--stage", "opinion",
                 "--date", (date.today() - timedelta(days=40)).isoformat()]) == 2
    assert last in capsys.readouterr().err
    assert main([*data, "timeline", "show", "--project", ready, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["events"][-1]["stage"] == "recheck"


def test_a_clock_across_the_year_end_counts_weekends_and_says_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "demo"]) == 0
    _main, ready = capsys.readouterr().out.split()
    far = date(date.today().year + 3, 1, 15)  # the holiday table does not reach that year yet
    assert main([*data, "timeline", "show", "--project", ready, "--today", far.isoformat(), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["running"] and shown["estimated"] and shown["status"] == "over"
    assert shown["counted_working_days"] > 250
