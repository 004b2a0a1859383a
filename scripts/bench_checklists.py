#!/usr/bin/env python3
"""Issue 3 figures: answering an item, opening a 1,000-item checklist, `forms check`.

    QT_QPA_PLATFORM=offscreen python scripts/bench_checklists.py [--answers 200]

1. Answer one item (service call + commit + audit, its own session, as runner.write does) on a database of 200
   projects x 25 units: p50/p95 over N answers, against a plain sqlite3 INSERT + COMMIT into the same file.
   Goal: p95 <= 10 ms.
2. Open a generated 1,000-item checklist: read the sheet (service) + fill the table model + lay out and paint the
   view offscreen, median of 5, against a plain SELECT of 1,000 answer-sized rows. Goal: <= 200 ms.
3. `forms check` of a forms folder (fixture forms + the 1,000-item form), median of 5, against yaml.load (libyaml) of
   the same files. Goal (shipped forms): <= 1 s.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from acceptance_app.demo import project as demo  # noqa: E402
from acceptance_app.domain.checklists.answers import AnswerInput  # noqa: E402
from acceptance_app.domain.enums import Discipline, ItemVerdict  # noqa: E402
from acceptance_app.services import projects  # noqa: E402
from acceptance_app.services.checklists import inspections as checklists  # noqa: E402
from acceptance_app.storage.data_folder import DataFolder  # noqa: E402
from acceptance_app.storage.db import open_database  # noqa: E402
from acceptance_app.storage.forms.loader import check_paths  # noqa: E402

FIXTURES = ROOT / "tests" / "checklists" / "fixtures" / "forms"


def big_form(folder: Path, items: int = 1000) -> None:
    """Copy the fixture forms and replace fire.yaml with a 1,000-item form (50 groups x 20 items)."""
    (folder / "jurisdictions").mkdir(parents=True)
    for source in FIXTURES.rglob("*.yaml"):
        (folder / source.relative_to(FIXTURES)).write_bytes(source.read_bytes())
    groups = []
    for g in range(items // 20):
        group_items = []
        for n in range(20):
            answer = {"type": "measure", "unit": "m", "tolerance": ">= 1.1 and <= 1.2"} if n % 3 == 0 else {"type": "verdict"}
            group_items.append({
                "id": f"XF-{g:02d}-{n}", "text": f"检查项 {g}-{n}", "criterion": "符合设计", "method": "看",
                "class": "ABC"[n % 3], "answer": answer, "source": {"standard": "GB 50016-2014", "clause": "5.1", "tag": "R"},
            })
        groups.append({"id": f"XF-{g:02d}", "title": f"分组 {g}", "scope": "unit", "items": group_items})
    form = {"form": "fire", "version": "bench", "title": "千项检查表", "verdict": {"fail_if_any": ["A"]}, "groups": groups}
    (folder / "fire.yaml").write_text(yaml.safe_dump(form, allow_unicode=True, sort_keys=False), "utf-8")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def bench_answers(database, inspection_id, count: int, db_path: Path) -> None:
    times = []
    for n in range(count):
        item = f"XF-{(n // 20) % 50:02d}-{n % 20}"
        answer = AnswerInput(samples=(1.15,)) if (n % 20) % 3 == 0 else AnswerInput(verdict=ItemVerdict.PASS)
        start = time.perf_counter()
        with database.session() as session, session.begin():
            checklists.answer_item(session, inspection_id, item, answer)
        times.append(time.perf_counter() - start)
    raw = sqlite3.connect(db_path)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("CREATE TABLE IF NOT EXISTS bench_plain (id TEXT PRIMARY KEY, value TEXT)")
    base = []
    for _ in range(count):
        start = time.perf_counter()
        raw.execute("INSERT INTO bench_plain VALUES (?, ?)", (uuid.uuid4().hex, "pass"))
        raw.commit()
        base.append(time.perf_counter() - start)
    raw.close()
    p95 = statistics.quantiles(times, n=20)[-1]
    base95 = statistics.quantiles(base, n=20)[-1]
    print(f"answer item: p50 {ms(statistics.median(times))}, p95 {ms(p95)} (goal <= 10 ms); "
          f"plain INSERT+COMMIT p95 {ms(base95)}; ratio {p95 / base95:.1f}x")


def bench_open(database, inspection_id) -> None:
    from PySide6.QtWidgets import QApplication, QTableView

    from acceptance_app.ui.checklists.model import ChecklistFilter, ChecklistModel

    app = QApplication.instance() or QApplication([])
    runs, base = [], []
    for _ in range(5):
        start = time.perf_counter()
        with database.session() as session:
            sheet = checklists.inspection_sheet(session, inspection_id).sheet
        model, proxy, view = ChecklistModel(), ChecklistFilter(), QTableView()
        proxy.setSourceModel(model)
        view.setModel(proxy)
        model.set_rows(sheet.rows)
        view.resize(1200, 700)
        view.grab()  # lays out and paints the visible rows
        runs.append(time.perf_counter() - start)
        view.deleteLater()
        with database.session() as session:
            start = time.perf_counter()
            session.connection().exec_driver_sql("SELECT * FROM answers LIMIT 1000").fetchall()
            base.append(time.perf_counter() - start)
    app.processEvents()
    median, plain = statistics.median(runs), statistics.median(base)
    print(f"open 1,000-item checklist: median {ms(median)} (goal <= 200 ms); rows {len(sheet.rows)}; "
          f"plain SELECT of 1,000 rows {ms(plain)}; ratio {median / plain:.0f}x")


def bench_check(folder: Path) -> None:
    files = sorted(folder.rglob("*.yaml"))
    runs, base = [], []
    for _ in range(5):
        start = time.perf_counter()
        problems = check_paths([folder])
        runs.append(time.perf_counter() - start)
        start = time.perf_counter()
        for f in files:
            yaml.load(f.read_text("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        base.append(time.perf_counter() - start)
    median, plain = statistics.median(runs), statistics.median(base)
    print(f"forms check ({len(files)} files, {len(problems)} problems): median {ms(median)} (goal <= 1 s); "
          f"yaml.load (libyaml) {ms(plain)}; ratio {median / plain:.1f}x")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--projects", type=int, default=200)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-checklists-"))
    forms = work / "forms"
    big_form(forms)
    folder = DataFolder(work / "data").ensure()
    database = open_database(folder, actor="bench")
    with database.session() as session, session.begin():
        result, _ = demo.create_scaled_projects(session, args.projects, units_per_project=25)
        unit_id = projects.list_units(session, result.project_ids[0])[0].id
        inspection_id, _ = checklists.start_inspection(session, unit_id, Discipline.FIRE, forms_folder=forms)
    print(f"database: {args.projects} projects x 25 units")
    bench_answers(database, inspection_id, args.answers, folder.database)
    bench_open(database, inspection_id)
    bench_check(forms)
    from acceptance_app.locator import forms_dir

    if any(forms_dir().glob("*.yaml")):
        print("shipped forms:", end=" ")
        bench_check(forms_dir())
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
