"""The main field flow with real key presses (xdotool) on the real window under Xvfb: scripts/field_keys.py types
a 不适用 with its reason on a measured item, two readings one at a time, a verdict with J/K and Ctrl+Z, and reads
the records back. Skipped where Xvfb or xdotool is missing (scripts/system-deps.sh --test installs both)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "field_keys.py"


@pytest.mark.skipif(shutil.which("xvfb-run") is None or shutil.which("xdotool") is None,
                    reason="needs xvfb-run and xdotool")
def test_real_key_presses_on_the_real_window(tmp_path):
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, str(SCRIPT), str(tmp_path)],
        capture_output=True, text=True, timeout=300, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                                                         "LANG": "C.UTF-8"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("ok")
    assert {p.name for p in tmp_path.glob("*.png")} == {"01-project-page.png", "02-checklist.png",
                                                         "03-photo-viewer.png"}
