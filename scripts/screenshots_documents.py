#!/usr/bin/env python3
"""PNGs of the documents issue's screens from a real window at 1366x768 (run under Xvfb):

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots_documents.py OUT_DIR

二期 of the demo: the 整改 dashboard with the procedure clock's warning, then the documents tab after a click on
"issue rectification notice" (reserve, render on the pool, record), the preview showing the notice.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QPushButton  # noqa: E402

from scripts.shots import demo_projects, open_window, settle  # noqa: E402


def main() -> int:
    shots = open_window(sys.argv, actor="王建华", fill=demo_projects)
    out, window, projects = shots.out, shots.window, shots.made
    settle(600)
    window.open_project(projects.ready)
    settle(600)
    page = window.project_page
    page.show_tab(page.findings_dashboard)
    settle(800)
    window.grab().save(str(out / "documents-01-dashboard-clock.png"))
    page.show_tab(page.documents)
    button = page.documents.findChild(QPushButton, "issue_rectification")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    for _ in range(60):
        settle(250)
        if page.documents.model.rowCount() and page.documents.preview.images:
            break
    settle(500)
    window.grab().save(str(out / "documents-02-rectification-issued.png"))
    return shots.finish()


if __name__ == "__main__":
    sys.exit(main())
