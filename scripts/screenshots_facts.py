#!/usr/bin/env python3
"""PNGs of how unit facts drive the fire checklist: a 9-storey (26.1 m) and an 18-storey (54.9 m) residential
building, the 按规则不适用 rows with their reasons, the unit facts dialog and the 检查表 page (run under Xvfb):

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots_facts.py OUT_DIR

The units are built through the services on a fresh temporary data folder (not the demo).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from acceptance_app.domain.entities import ProjectData, UnitData  # noqa: E402
from acceptance_app.domain.enums import BuildingUse, Discipline, InspectionKind, Structure  # noqa: E402
from acceptance_app.domain.unit_facts import Sprinkler, UnitFacts  # noqa: E402
from acceptance_app.locator import forms_dir  # noqa: E402
from acceptance_app.services import projects  # noqa: E402
from acceptance_app.services.checklists import inspections as checklists  # noqa: E402
from scripts.shots import open_window, settle  # noqa: E402

from acceptance_app.ui.dialogs.unit_facts import UnitFactsDialog  # noqa: E402

UNITS = (
    UnitData("9层住宅（26.1 m）", "9", height=26.1, storeys_above=9, storeys_below=1, area_above=6200, area_below=600,
             structure=Structure.SHEAR_WALL, use=BuildingUse.RESIDENTIAL, facts=UnitFacts(sprinklers=frozenset())),
    UnitData("18层住宅（54.9 m）", "18", height=54.9, storeys_above=18, storeys_below=2, area_above=12876,
             area_below=1320, structure=Structure.SHEAR_WALL, use=BuildingUse.RESIDENTIAL,
             facts=UnitFacts(sprinklers=frozenset({Sprinkler.WET}), fire_lift=True, scissor_stair=True)),
)


def two_units(session) -> list:  # type: ignore[no-untyped-def]
    """A project of the two units, each with a formal fire inspection started: the units' ids."""
    project, _ = projects.create_project(session, ProjectData("单体事实示例", "2024-370112-47-01-123456"))
    unit_ids = [projects.add_unit(session, project, data)[0] for data in UNITS]
    for unit in unit_ids:
        checklists.start_inspection(session, unit, Discipline.FIRE, InspectionKind.FORMAL, forms_folder=forms_dir())
    return unit_ids


def main() -> int:
    shots = open_window(sys.argv, actor="截图", fill=two_units, prefix="shots-facts-")
    out, window, unit_ids = shots.out, shots.window, shots.made
    settle(600)
    for n, unit in enumerate(unit_ids, 1):
        window.open_unit(unit)
        settle(800)
        page = window.unit_page
        tab = next(t for t in page.checklists if t.discipline is Discipline.FIRE)
        page.tabs.setCurrentWidget(tab)
        settle(400)
        rows = tab.model.rows
        target = next(i for i, r in enumerate(rows) if r.item.id == "XF-10-1")
        proxy = tab.proxy.mapFromSource(tab.model.index(target, 0))
        tab.view.setCurrentIndex(proxy)
        tab.view.scrollTo(proxy)
        tab.view.setFocus()
        settle(400)
        window.grab().save(str(out / f"facts-{n}-fire-xf10-{UNITS[n - 1].building_no}F.png"))
        target = next(i for i, r in enumerate(rows) if r.item.id == "XF-02-3")
        proxy = tab.proxy.mapFromSource(tab.model.index(target, 0))
        tab.view.setCurrentIndex(proxy)
        tab.view.scrollTo(proxy)
        settle(300)
        window.grab().save(str(out / f"facts-{n}-fire-top-{UNITS[n - 1].building_no}F.png"))
    dialog = UnitFactsDialog(window.unit_page.row.data, window)
    dialog.show()
    settle(400)
    dialog.grab().save(str(out / "facts-3-unit-facts-dialog.png"))
    dialog.close()
    window.open_forms()
    settle(1500)
    window.grab().save(str(out / "facts-4-forms-page.png"))
    return shots.finish()


if __name__ == "__main__":
    sys.exit(main())
