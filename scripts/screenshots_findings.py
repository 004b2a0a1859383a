#!/usr/bin/env python3
"""Save PNGs of the rectification dashboard and a unit's findings tab, from a real window with the demo.

    xvfb-run -a -s "-screen 0 1600x1000x24" python scripts/screenshots_findings.py OUT_DIR
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from acceptance_app import i18n  # noqa: E402
from acceptance_app.services.demo import create_demo_project  # noqa: E402
from acceptance_app.settings import load_settings  # noqa: E402
from acceptance_app.storage.data_folder import DataFolder  # noqa: E402
from acceptance_app.storage.db import open_database  # noqa: E402
from scripts.screenshots import settle  # noqa: E402

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
    database = open_database(folder, actor="张伟")
    with database.session() as session, session.begin():
        project_id, _ = create_demo_project(session)
    runner = TaskRunner(database)
    window = MainWindow(load_settings(folder.root), folder.root, runner)
    window.resize(1560, 960)
    window.show()
    window.open_project(project_id)
    settle(600)
    page = window.project_page
    page.tabs.setCurrentWidget(page.findings_dashboard)
    dashboard = page.findings_dashboard
    rows = dashboard.view.model.rows
    dashboard.view.select_finding(next(r.id for r in rows if r.item_id == "XF-07-2"))  # has before and after
    settle(800)
    window.grab().save(str(out / "10-rectification-dashboard.png"))
    shop = next(u for u in page.unit_model.rows if u.data.name == "配套商业S1")
    window.open_unit(shop.id)
    settle(600)
    unit_page = window.unit_page
    unit_page.tabs.setCurrentWidget(unit_page.findings_tab)
    settle(600)
    view = unit_page.findings_tab.view
    view.select_finding(view.model.rows[0].id)
    settle(600)
    window.grab().save(str(out / "11-unit-findings.png"))
    window.close()
    runner.shutdown()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
