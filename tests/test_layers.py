"""The architecture rules (docs/ARCHITECTURE.md), checked by tools rather than by review."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold():
    # import-linter: no PySide6 outside ui/, the layer order, a pure domain (pyproject [tool.importlinter]).
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_types_check():
    # mypy (pyproject [tool.mypy]): non-strict to start, unused ignores are errors, per-package overrides.
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_house_rules():
    """Rules no linter knows (qutebrowser's misc_checks): no processEvents, no parentless QTimer, no pickle."""
    banned = {
        r"processEvents\(": "never spin the event loop by hand",
        r"QTimer\(\)": "give every QTimer a parent",
        r"^\s*import pickle|from pickle": "never pickle",
    }
    problems = []
    for path in (ROOT / "acceptance_app").rglob("*.py"):
        for lineno, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            for pattern, why in banned.items():
                if re.search(pattern, line):
                    problems.append(f"{path.relative_to(ROOT)}:{lineno}: {why}")
    assert problems == []


def test_every_ui_string_has_a_chinese_translation_and_catalogs_are_compiled():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "i18n.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_window_can_paint_before_sqlalchemy_is_imported():
    # Start-up speed: SQLAlchemy costs as much as Qt to import, so the GUI path must not pull it in before the
    # first paint (app.py loads it in the background). Later features must keep their imports lazy too.
    code = (
        "import sys, acceptance_app.cli, acceptance_app.cli.gui, acceptance_app.app, acceptance_app.ui.main_window,"
        " acceptance_app.storage.quick_read; print(sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('sqlalchemy', 'alembic', 'reportlab', 'PIL', 'pyhanko', 'fastapi', 'httpx')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "[]"


def test_ruff_is_clean():
    result = subprocess.run(
        [str(Path(sys.executable).with_name("ruff")), "check", "acceptance_app", "tests", "scripts"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
