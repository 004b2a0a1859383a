#!/usr/bin/env python3
"""Issue 7 figure: merging two laptops' results for a 50-unit project. Goal: at most 2 s.

    python scripts/bench_merge.py [--units 50] [--runs 3]

The lead's laptop makes a generated project (``demo --scale``-style) and sends it to a planning inspector's
laptop; then the lead answers every fire item of every unit and the planning inspector every planning item
(the demo's answer generator, with its evidence photos). The figure is the import of the planning laptop's
package into the lead's laptop: verify (zip limits, signature, every hash, records) + merge in one transaction
+ photo files + commit, median of N runs, each on a fresh copy of the lead's data folder.
Baseline in the same run: json-load the same records.json and executemany-insert the rows into an empty
sqlite3 table set (no constraints, no indexes) in one transaction.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from benchtime import median_seconds  # noqa: E402

from acceptance_app.demo import project as demo  # noqa: E402
from acceptance_app.demo.checklists import demo_forms_folder, run_demo_inspection  # noqa: E402
from acceptance_app.domain.enums import Department, Discipline  # noqa: E402
from acceptance_app.services.exchange import packages as exchange  # noqa: E402
from acceptance_app.storage.data_folder import DataFolder  # noqa: E402
from acceptance_app.storage.db import Database, open_database  # noqa: E402
from acceptance_app.storage.models import Unit  # noqa: E402


def answer_all(db: Database, project_id, discipline: Discipline) -> None:  # type: ignore[no-untyped-def]
    folder = demo_forms_folder()
    with db.session() as s, s.begin():
        for unit in s.scalars(sa.select(Unit).where(Unit.project_id == project_id)).all():
            run_demo_inspection(s, unit, discipline, folder)


def baseline(records_json: bytes, path: Path) -> None:
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    tables = json.loads(records_json)["tables"]
    with connection:
        for name, rows in tables.items():
            columns = list(rows[0])
            connection.execute(f"CREATE TABLE {name} ({', '.join(columns)})")
            values = [tuple(json.dumps(v) if isinstance(v, list | dict) else v for v in r.values()) for r in rows]
            connection.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * len(columns))})", values)
    connection.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-merge-"))
    lead = open_database(DataFolder(work / "lead"), actor="张伟")
    planning = open_database(DataFolder(work / "planning"), actor="刘海涛")
    with lead.session() as s, s.begin():
        result, _ = demo.create_scaled_projects(s, 1, args.units)
    project_id = result.project_ids[0]
    with lead.session() as s, s.begin():
        first, _ = exchange.export_package(s, lead.folder, project_id, out_path=work / "first.acpkg")
    with planning.session() as s, s.begin():
        exchange.import_package(s, planning.folder, first.path, trust_new_key=True)
    answer_all(lead, project_id, Discipline.FIRE)
    answer_all(planning, project_id, Discipline.PLANNING)
    with planning.session() as s, s.begin():
        to_lead, _ = exchange.export_package(s, planning.folder, project_id, discipline=Discipline.PLANNING,
                                             department=Department.PLANNING, out_path=work / "planning.acpkg")
    with lead.session() as s, s.begin():
        to_planning, _ = exchange.export_package(s, lead.folder, project_id, discipline=Discipline.FIRE,
                                                 out_path=work / "fire.acpkg")
    for db, package in ((lead, to_lead), (planning, to_planning)):  # trust once, on the folder each run copies
        with db.session() as s, s.begin():
            exchange.trust_key(s, _sender_key(package.path))
    lead.close()
    planning.close()

    runs = iter(range(10 * args.runs))
    total_net = 0.0
    for name, receiver, package in (("planning -> lead", "lead", to_lead), ("fire -> planning", "planning", to_planning)):
        reports = []

        times: list[float] = []

        def merge(receiver: str = receiver, package: exchange.ExportResult = package, reports: list = reports,
                  times: list[float] = times) -> None:
            target = _fresh_copy(work, receiver, next(runs))
            db = open_database(target, actor="bench")
            start = time.perf_counter()  # the import and its commit; not the copy, not the WAL checkpoint at close
            with db.session() as s, s.begin():
                reports.append(exchange.import_package(s, target, package.path)[0])
            times.append(time.perf_counter() - start)
            db.close()

        median_seconds(merge, args.runs)
        net = statistics.median(times)
        records = zipfile.ZipFile(package.path).read("payload/records.json")
        plain = median_seconds(lambda records=records: baseline(records, work / "baseline.sqlite3"), args.runs)
        rows = sum(len(v) for v in json.loads(records)["tables"].values())
        total_net += net
        print(f"{name}: package {package.path.stat().st_size / 1e6:.2f} MB, {rows} records, "
              f"{package.counts.get('files', 0)} files; merge counts {reports[-1].counts}")
        print(f"  import (verify + merge + files + commit): {net * 1000:.0f} ms; baseline json.load + executemany "
              f"into empty sqlite3 tables: {plain * 1000:.0f} ms; ratio {net / plain:.1f}x")
    print(f"both directions: {total_net * 1000:.0f} ms (goal <= 2000 ms)")
    shutil.rmtree(work, ignore_errors=True)


def _sender_key(path: Path) -> str:
    return json.loads(zipfile.ZipFile(path).read("manifest.json"))["sender"]["public_key"]


def _fresh_copy(work: Path, receiver: str, n: int) -> DataFolder:
    target = DataFolder(work / f"run-{n}")
    shutil.copytree(work / receiver, target.root)
    return target


if __name__ == "__main__":
    main()
