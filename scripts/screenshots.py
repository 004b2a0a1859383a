#!/usr/bin/env python3
"""Save PNGs of the main screens from a real window (run under Xvfb: `make screenshots`).

    xvfb-run -a -s "-screen 0 1600x1000x24" python scripts/screenshots.py OUT_DIR

Uses a fresh temporary data folder with the demo project. Each screen is grabbed after its data arrived.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.shots import open_window, settle  # noqa: E402

from acceptance_app.ui.dialogs.entities import unit_dialog  # noqa: E402
from acceptance_app.ui.main_window import MainWindow  # noqa: E402


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


def main() -> int:
    lang = sys.argv[2] if len(sys.argv) > 2 else "zh_CN"
    shots = open_window(sys.argv, actor="截图", lang=lang)
    out, window, project_id = shots.out, shots.window, shots.made
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
    return shots.finish()


if __name__ == "__main__":
    sys.exit(main())
