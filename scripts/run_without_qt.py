#!/usr/bin/env python3
"""Run the tests that need no Qt with PySide6 made unimportable, proving the core does not need it
(napari runs its core tests with Qt uninstalled; blocking the import is the same proof, without a second venv).
"""

from __future__ import annotations

import sys
from importlib.abc import MetaPathFinder
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class _NoQt(MetaPathFinder):
    def find_spec(self, name: str, path: object, target: object = None) -> None:
        if name.split(".")[0] in {"PySide6", "shiboken6", "pytestqt"}:
            raise ImportError(f"{name} is blocked: the core must not need Qt")
        return None


sys.meta_path.insert(0, _NoQt())

import pytest  # noqa: E402

# Guarded: the photo import's process pool (spawn) re-imports this script in each worker.
if __name__ == "__main__":
    sys.exit(
        pytest.main(
            ["-c", str(ROOT / "scripts" / "pytest-noqt.ini"), "--rootdir", str(ROOT), "-q", "-m", "not gui",
             "--ignore", str(ROOT / "tests" / "ui"), *sys.argv[1:]]
        )
    )
