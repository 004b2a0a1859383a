"""The opinion of a unit accepted on its own with real key presses (xdotool) on the real window under Xvfb:
scripts/unit_opinion_keys.py chooses 6# with Alt+O and the arrows (7# and the garage skipped), issues it through the
draft with Tab and Space, reads the record back, and is refused a second time in the panel. Skipped where Xvfb or
xdotool is missing (scripts/system-deps.sh --test installs both)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "unit_opinion_keys.py"


@pytest.mark.skipif(shutil.which("xvfb-run") is None or shutil.which("xdotool") is None,
                    reason="needs xvfb-run and xdotool")
def test_unit_opinion_by_keyboard_on_the_real_window(tmp_path):
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, str(SCRIPT), str(tmp_path)],
        capture_output=True, text=True, timeout=300, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                                                         "LANG": "C.UTF-8"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("ok")
    assert "listed as 联合验收意见书（6#住宅楼）" in result.stdout
    assert {p.name for p in tmp_path.glob("*.png")} == {"01-scope-choice.png", "02-draft.png", "03-issued.png",
                                                         "04-second-refused.png"}
