"""The flows with real key presses (xdotool) on the real window under Xvfb, each a script that prints "ok" last
when every record it reads back is right and saves its screenshots at the screen's size:

- scripts/field_keys.py: a 不适用 with its reason on a measured item, two readings one at a time, a verdict with
  J/K and Ctrl+Z;
- scripts/unit_opinion_keys.py: the opinion of a unit accepted alone (Alt+O, arrows, Tab, Space), a second refused;
- scripts/correction_keys.py: a concluded answer corrected with its reason, a verdict change refused, H's history.

Skipped where Xvfb or xdotool is missing (scripts/system-deps.sh --test installs both)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
FLOWS = {
    "field_keys": {"01-project-page.png", "02-checklist.png", "03-photo-viewer.png"},
    "unit_opinion_keys": {"01-scope-choice.png", "02-draft.png", "03-issued.png", "04-second-refused.png"},
    "correction_keys": {"01-reason-asked.png", "02-refused.png", "03-corrected.png", "04-history.png"},
}


@pytest.mark.skipif(shutil.which("xvfb-run") is None or shutil.which("xdotool") is None,
                    reason="needs xvfb-run and xdotool")
@pytest.mark.parametrize("script", sorted(FLOWS))
def test_real_key_presses_on_the_real_window(tmp_path: Path, script: str) -> None:
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, str(SCRIPTS / f"{script}.py"),
         str(tmp_path)],
        capture_output=True, text=True, timeout=300, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                                                         "LANG": "C.UTF-8"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("ok")
    assert {p.name for p in tmp_path.glob("*.png")} == FLOWS[script]
