"""Benchmark of the findings dashboard. Prints each figure and its ratio to a plain baseline run the same way.

1. The project dashboard (every finding with its party, unit, round, last note and working days left) for a
   project of 25 units with N findings, vs a plain sqlite3 SELECT of the same rows joined the same way.
2. Recording one finding (validation, working-day deadline, event, audit rows, commit) vs a plain sqlite3
   INSERT of one row into the same table with a commit.

    python scripts/bench_findings.py [--findings 2000] [--runs 5]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from acceptance_app.demo.project import DEMO_PARTIES, create_scaled_projects  # noqa: E402
from acceptance_app.domain.enums import Discipline, InspectionKind, InspectionStatus, ItemClass, PartyRole  # noqa: E402
from acceptance_app.domain.findings import FindingData  # noqa: E402
from acceptance_app.services.findings import workflow as findings  # noqa: E402
from acceptance_app.services.projects import add_party  # noqa: E402
from acceptance_app.storage.data_folder import DataFolder  # noqa: E402
from acceptance_app.storage.db import open_database  # noqa: E402
from acceptance_app.storage.models import Inspection, Unit  # noqa: E402

TODAY = date(2026, 11, 20)
PLAIN_QUERY = """
SELECT f.*, u.name, p.role, p.name, i.kind, i.round,
       (SELECT note FROM finding_events e WHERE e.finding_id = f.id AND e.note != '' ORDER BY e.at DESC LIMIT 1)
FROM findings f JOIN units u ON u.id = f.unit_id JOIN parties p ON p.id = f.party_id
JOIN inspections i ON i.id = f.inspection_id WHERE f.project_id = ? ORDER BY f.status, f.deadline
"""


def best(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) if runs <= 3 else statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--findings", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = DataFolder(Path(tempfile.mkdtemp(prefix="bench-findings-")))
    database = open_database(folder, actor="bench")
    with database.session() as s, s.begin():
        result, _ = create_scaled_projects(s, 1, units_per_project=25)
        project_id = result.project_ids[0]
        add_party(s, project_id, DEMO_PARTIES[3])  # the contractor
        inspections = []
        for unit_id in s.scalars(sa.select(Unit.id).where(Unit.project_id == project_id)):
            for discipline in (Discipline.PLANNING, Discipline.FIRE):
                inspection = Inspection(id=uuid.uuid4(), unit_id=unit_id, discipline=discipline,
                                        kind=InspectionKind.FORMAL, status=InspectionStatus.COMPLETED)
                s.add(inspection)
                inspections.append(inspection.id)
        s.flush()
        for n in range(args.findings):
            finding_id, _ = findings.add_finding(s, inspections[n % len(inspections)], FindingData(
                f"问题 {n}", ItemClass.B, PartyRole.CONTRACTOR, 5 + n % 20, f"XF-{n % 30:02d}-1"), today=TODAY)
            if n % 3 == 0:
                findings.mark_rectified(s, finding_id, "已整改")

    def dashboard() -> None:
        with database.session() as s:
            findings.dashboard(s, project_id, today=TODAY)

    connection = sqlite3.connect(folder.database)

    def plain() -> None:
        connection.execute(PLAIN_QUERY, (project_id.hex,)).fetchall()

    ours, base = best(dashboard, args.runs), best(plain, args.runs)
    print(f"dashboard, {args.findings} findings: {ours * 1000:.1f} ms; plain SELECT {base * 1000:.1f} ms; "
          f"ratio {ours / base:.1f}x")

    def record() -> None:
        with database.session() as s, s.begin():
            findings.add_finding(s, inspections[0], FindingData("新问题", deadline_days=10), today=TODAY)

    columns = [r[1] for r in connection.execute("PRAGMA table_info(findings)")]
    row = connection.execute("SELECT * FROM findings LIMIT 1").fetchone()

    def plain_insert() -> None:
        values = list(row)
        values[columns.index("id")] = uuid.uuid4().hex
        connection.execute(f"INSERT INTO findings VALUES ({','.join('?' * len(values))})", values)
        connection.commit()

    ours, base = best(record, args.runs * 4), best(plain_insert, args.runs * 4)
    print(f"record one finding: {ours * 1000:.2f} ms; plain INSERT + commit {base * 1000:.2f} ms; "
          f"ratio {ours / base:.1f}x")
    connection.close()
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
