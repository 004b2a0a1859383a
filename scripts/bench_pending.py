"""Benchmark of the 同步 tab's "not yet sent" count (services/exchange/pending.py), which runs on the reader
thread after every burst of edits: the demo's 一期, and a generated project of N units whose planning, fire and
archive checklists are answered in full the way the demo answers them.

    python scripts/bench_pending.py [--units 25] [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from acceptance_app.demo.checklists import demo_forms_folder, run_demo_inspection  # noqa: E402
from acceptance_app.demo.project import create_demo_project, create_scaled_projects  # noqa: E402
from acceptance_app.domain.enums import Discipline  # noqa: E402
from acceptance_app.services.exchange.pending import pending_changes  # noqa: E402
from acceptance_app.storage.data_folder import DataFolder  # noqa: E402
from acceptance_app.storage.db import open_database  # noqa: E402
from acceptance_app.storage.models import Unit  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=25)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    folder = DataFolder(Path(tempfile.mkdtemp(prefix="bench-pending-")) / "data").ensure()
    database = open_database(folder, actor="基准")
    with database.session() as session, session.begin():
        demo, _ = create_demo_project(session)
        scaled = create_scaled_projects(session, 1, units_per_project=args.units)[0].project_ids[0]
        for unit in session.scalars(sa.select(Unit).where(Unit.project_id == scaled)):  # every item answered
            for discipline in (Discipline.PLANNING, Discipline.FIRE, Discipline.ARCHIVE):
                run_demo_inspection(session, unit, discipline, demo_forms_folder(), conclude=False)
    for name, project_id in (("demo 一期", demo), (f"{args.units} units", scaled)):
        times = []
        for _ in range(args.runs):
            with database.session() as session:
                start = time.perf_counter()
                pending = pending_changes(session, project_id)
                times.append(time.perf_counter() - start)
        print(f"{name}: {pending.records} records, {pending.photos} photos not yet sent; "
              f"median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms ({args.runs} runs)")
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
