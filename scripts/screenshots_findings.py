#!/usr/bin/env python3
"""Save PNGs of the rectification dashboard and a unit's findings tab, from a real window with the demo.

    xvfb-run -a -s "-screen 0 1600x1000x24" python scripts/screenshots_findings.py OUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.shots import open_window, settle  # noqa: E402


def main() -> int:
    shots = open_window(sys.argv, actor="张伟", size=(1560, 960))
    out, window, project_id = shots.out, shots.window, shots.made
    window.open_project(project_id)
    settle(600)
    page = window.project_page
    page.tabs.setCurrentWidget(page.findings_dashboard)
    dashboard = page.findings_dashboard
    rows = dashboard.view.model.rows
    dashboard.view.select_finding(next(r.id for r in rows if r.item_id == "XF-12-3"))  # has before and after
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
    return shots.finish()


if __name__ == "__main__":
    sys.exit(main())
