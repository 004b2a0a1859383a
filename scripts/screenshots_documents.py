#!/usr/bin/env python3
"""PNGs of the documents issue's screens from a real window at 1366x768 (run under Xvfb):

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots_documents.py OUT_DIR

二期 of the demo: the 整改 dashboard with the procedure clock's warning, then the documents tab after a click on
"issue rectification notice" (reserve, render on the pool, record), the preview showing the notice.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from screenshots import settle  # noqa: E402

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QPushButton  # noqa: E402

from acceptance_app import i18n  # noqa: E402
from acceptance_app.context import AppContext  # noqa: E402
from acceptance_app.demo.project import create_demo  # noqa: E402
from acceptance_app.settings import load_settings  # noqa: E402
from acceptance_app.storage.data_folder import DataFolder  # noqa: E402
from acceptance_app.storage.db import open_database  # noqa: E402

from acceptance_app.ui.fonts import install_app_font  # noqa: E402
from acceptance_app.ui.main_window import MainWindow  # noqa: E402
from acceptance_app.ui.tasks import TaskRunner  # noqa: E402


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    i18n.install("zh_CN")
    app = QApplication(sys.argv[:1])
    install_app_font(app)
    folder = DataFolder(Path(tempfile.mkdtemp(prefix="shots-")))
    database = open_database(folder, actor="王建华")
    with database.session() as session, session.begin():
        projects, _ = create_demo(session)
    runner = TaskRunner(database)
    window = MainWindow(AppContext(folder, load_settings(folder.root), database), runner)
    window.resize(1366, 768)
    window.show()
    settle(600)
    window.open_project(projects.ready)
    settle(600)
    page = window.project_page
    page.tabs.setCurrentWidget(page.findings_dashboard)
    settle(800)
    window.grab().save(str(out / "documents-01-dashboard-clock.png"))
    page.tabs.setCurrentWidget(page.documents)
    button = page.documents.findChild(QPushButton, "issue_rectification")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    for _ in range(60):
        settle(250)
        if page.documents.model.rowCount() and page.documents.preview.images:
            break
    settle(500)
    window.grab().save(str(out / "documents-02-rectification-issued.png"))
    window.close()
    runner.shutdown()
    print(f"screenshots in {out}")
    return app is None


if __name__ == "__main__":
    sys.exit(main())
