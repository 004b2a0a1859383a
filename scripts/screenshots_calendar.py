#!/usr/bin/env python3
"""Save PNGs of the 整改 dashboard with a deadline across the year end: first counted on weekends only
(暂按周末计算), then recomputed when a 2027 holiday table arrives. The 2027 table here is a made-up test table
(its title says so): the State Council's notice for 2027 is not in the app yet.

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots_calendar.py OUT_DIR
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.shots import open_window, settle  # noqa: E402

TEST_2027 = {"format": "acceptance-calendar", "version": 1, "year": 2027,
             "notice": {"title": "国务院办公厅关于2027年部分节假日安排的通知（截图用测试表）"},
             "days_off": {"元旦": ["2027-01-01", "2027-01-02", "2027-01-03"]}, "workdays": {}}


def main() -> int:
    from acceptance_app.domain.findings import FindingData
    from acceptance_app.services import calendar
    from acceptance_app.services.findings import workflow as findings
    from acceptance_app.services.findings.workflow import latest_inspection_id

    shots = open_window(sys.argv, actor="张伟")
    out, window, runner, project_id = shots.out, shots.window, shots.runner, shots.made
    window.open_project(project_id)
    settle(600)
    page = window.project_page
    unit = next(u for u in page.unit_model.rows if u.data.name == "1#住宅楼")
    from acceptance_app.domain.enums import Discipline

    with runner.database.session() as s, s.begin():
        findings.add_finding(s, latest_inspection_id(s, unit.id, Discipline.FIRE), FindingData(
            "1#住宅楼3层东侧前室防火门闭门器缺失，不能自行关闭", deadline_days=20, item_id="XF-06-3"),
            today=date(2026, 12, 18))
    page.tabs.setCurrentWidget(page.findings_dashboard)
    page.findings_dashboard.reload()
    settle(900)
    window.grab().save(str(out / "20-deadline-provisional.png"))
    window.open_unit(unit.id)
    settle(600)
    unit_page = window.unit_page
    unit_page.tabs.setCurrentWidget(unit_page.findings_tab)
    settle(600)
    window.grab().save(str(out / "20b-unit-findings-provisional.png"))
    window.open_project(project_id)
    settle(600)
    with runner.database.session() as s, s.begin():
        calendar.install_table(s, json.dumps(TEST_2027, ensure_ascii=False).encode(), "2027.json")
    page.findings_dashboard.reload()
    page.findings_dashboard.view.reload()
    settle(900)
    window.grab().save(str(out / "21-deadline-recomputed.png"))
    return shots.finish()


if __name__ == "__main__":
    sys.exit(main())
