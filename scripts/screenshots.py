#!/usr/bin/env python3
"""Save PNGs of the main screens from a real window (run under Xvfb: `make screenshots`).

    xvfb-run -a -s "-screen 0 1600x1000x24" python scripts/screenshots.py OUT_DIR

Uses a fresh temporary data folder with the demo project. Each screen is grabbed after its data arrived.
"""

from __future__ import annotations

import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from acceptance_app import i18n  # noqa: E402
from acceptance_app.context import AppContext  # noqa: E402
from acceptance_app.demo.project import create_demo_project  # noqa: E402
from acceptance_app.settings import load_settings  # noqa: E402
from acceptance_app.storage.data_folder import DataFolder  # noqa: E402
from acceptance_app.storage.db import open_database  # noqa: E402

from acceptance_app.ui.dialogs.entities import unit_dialog  # noqa: E402
from acceptance_app.ui.fonts import install_app_font  # noqa: E402
from acceptance_app.ui.main_window import MainWindow  # noqa: E402
from acceptance_app.ui.tasks import TaskRunner  # noqa: E402


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot_checklists(window: MainWindow, out: Path, lang: str) -> None:
    """The fire checklist of 2# (concluded: 整改后复验) and of 5# (formal in progress after a service session)."""
    from acceptance_app.domain.enums import Discipline

    for n, name in ((5, "2#住宅楼"), (6, "5#住宅楼")):
        unit = next(r for r in window.project_page.unit_model.rows if r.data.name == name)
        window.open_unit(unit.id)
        settle(600)
        page = window.unit_page
        tab = next(t for t in page.checklists if t.discipline is Discipline.FIRE)
        page.tabs.setCurrentWidget(tab)
        tab.view.setFocus()
        settle(300)
        window.grab().save(str(out / f"{n:02d}-checklist-{name[0]}-{lang}.png"))


def demo_window(lang: str = "zh_CN", actor: str = "截图") -> tuple[QApplication, MainWindow, TaskRunner, uuid.UUID]:
    """A shown main window over a fresh temporary data folder holding the demo project."""
    i18n.install(lang)
    app = QApplication(sys.argv[:1])
    install_app_font(app)
    folder = DataFolder(Path(tempfile.mkdtemp(prefix="shots-")))
    database = open_database(folder, actor=actor)
    with database.session() as session, session.begin():
        project_id, _ = create_demo_project(session)
    runner = TaskRunner(database)
    window = MainWindow(AppContext(folder, load_settings(folder.root), database), runner)
    window.show()
    return app, window, runner, project_id


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    lang = sys.argv[2] if len(sys.argv) > 2 else "zh_CN"
    _app, window, runner, project_id = demo_window(lang)
    settle(600)
    window.grab().save(str(out / f"01-project-list-{lang}.png"))
    window.project_list.select_project(project_id)
    window.open_project(project_id)
    settle(600)
    window.grab().save(str(out / f"02-project-page-{lang}.png"))
    unit = window.project_page.unit_model.rows[4]
    window.open_unit(unit.id)
    settle(600)
    window.grab().save(str(out / f"03-unit-page-{lang}.png"))
    dialog = unit_dialog(unit.data, window)
    dialog.editors["real_estate_unit_code"].setText("370112005003GB00126F0008000")  # one digit short
    dialog.show()
    settle(400)
    dialog.grab().save(str(out / f"04-unit-dialog-error-{lang}.png"))
    dialog.close()
    shoot_checklists(window, out, lang)
    window.close()
    runner.shutdown()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
