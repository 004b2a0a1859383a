"""Changing a concluded discipline with real key presses (xdotool) on the real window under Xvfb:
scripts/correction_keys.py presses 2 on a passed item (reason asked, verdict change refused), corrects a note with its
reason, opens the item's history with H, and reads the records back. Skipped where Xvfb or xdotool is missing."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "correction_keys.py"


@pytest.mark.skipif(shutil.which("xvfb-run") is None or shutil.which("xdotool") is None,
                    reason="needs xvfb-run and xdotool")
def test_correcting_a_concluded_answer_with_real_keys(tmp_path):
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, str(SCRIPT), str(tmp_path)],
        capture_output=True, text=True, timeout=300, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                                                         "LANG": "C.UTF-8"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("ok")
    assert {p.name for p in tmp_path.glob("*.png")} == {"01-reason-asked.png", "02-refused.png", "03-corrected.png",
                                                         "04-history.png"}
