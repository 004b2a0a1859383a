#!/usr/bin/env python3
"""PNG of the 同步 tab on a second laptop that merged the lead's package and holds one conflict.

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots_sync.py OUT_DIR
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from acceptance_app.services.exchange import packages as exchange  # noqa: E402
from acceptance_app.storage.data_folder import DataFolder  # noqa: E402
from acceptance_app.storage.db import open_database  # noqa: E402
from acceptance_app.storage.models import Unit  # noqa: E402
from scripts.shots import open_window, settle  # noqa: E402


def main() -> int:
    shots = open_window(sys.argv, actor="刘海涛")
    out, window, runner, project_id = shots.out, shots.window, shots.runner, shots.made
    # The lead's laptop: a copy of this one, with a device key of its own (keys/ left out).
    lead_root = Path(tempfile.mkdtemp(prefix="lead-")) / "data"
    shutil.copytree(runner.database.folder.root, lead_root, ignore=shutil.ignore_patterns("keys"))
    lead = open_database(DataFolder(lead_root), actor="张伟")
    packages = Path(tempfile.mkdtemp(prefix="usb-"))
    with lead.session() as s, s.begin():
        unit = s.query(Unit).filter(Unit.project_id == project_id, Unit.name == "1#住宅楼").one()
        unit.name = "1号住宅楼（住建核定）"
        path = exchange.export_package(s, lead.folder, project_id, out_path=packages / "lead.acpkg")[0].path
    with runner.database.session() as s, s.begin():
        s.get(Unit, unit.id).name = "1号住宅楼（规划核实）"
    window.open_project(project_id)
    page = window.project_page
    page.show_tab(page.sync_panel)
    page.sync_panel.import_package(path=str(path), trust_new_key=True)
    settle(1200)
    window.grab().save(str(out / "20-sync-conflict.png"))
    lead.close()
    return shots.finish()


if __name__ == "__main__":
    sys.exit(main())
