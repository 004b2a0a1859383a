#!/usr/bin/env python3
"""Issue 4 GUI figures: event-loop latency during a 200-photo import, and a 2,000-photo grid.

    QT_QPA_PLATFORM=offscreen python scripts/bench_photos_gui.py [--photos 200] [--grid 2000]

1. The GUI thread's longest stall while the 照片 tab imports N distinct 12 MP JPEGs through the real runner
   (threads and process pool), measured by a 5 ms timer: the longest gap between ticks beyond 5 ms. Baseline:
   the same timer on the same idle window for the same time, in the same run. Goal: never more than 50 ms.
2. A unit with M photos: from show_target() to the grid painted with its first screen of items (thumbnails
   then arrive lazily), median of 5, against a plain QListView in IconMode over a QStringListModel of the same
   M names. Goal: <= 300 ms.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class StallMeter:
    """Ticks every 5 ms on the GUI thread; records how late each tick came."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(max(0.0, now - self.last - 0.005))
        self.last = now

    def start(self) -> None:
        self.gaps.clear()
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> tuple[float, float]:
        self.timer.stop()
        ordered = sorted(self.gaps) or [0.0]
        return ordered[-1] * 1000, ordered[int(len(ordered) * 0.99) - 1 if len(ordered) > 1 else 0] * 1000


def wait(app, until, timeout: float) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEventLoop

    end = time.perf_counter() + timeout
    while not until() and time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)  # the benchmark's own loop, not the app's


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--grid", type=int, default=2000)
    args = parser.parse_args()

    from PySide6.QtCore import QStringListModel, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QListView

    from acceptance_app import i18n
    from acceptance_app.demo.project import create_demo_project
    from acceptance_app.domain.photos import ImportOutcome, PhotoTarget, TargetKind
    from acceptance_app.storage.data_folder import DataFolder
    from acceptance_app.storage.db import open_database
    from acceptance_app.storage.models import Photo, PhotoLink, Unit
    from scripts.bench_photos import distinct_copies
    from tests import photo_samples

    from acceptance_app.ui.photos.panel import PhotosPanel
    from acceptance_app.ui.tasks import TaskRunner

    i18n.install("zh_CN")
    qInstallMessageHandler(lambda kind, context, text: None if "propagateSizeHints" in text else print(text))
    app = QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="bench_photos_gui_"))
    try:
        folder = DataFolder(work / "data")
        database = open_database(folder, actor="bench")
        with database.session() as s, s.begin():
            project_id, _ = create_demo_project(s)
            units = [u.id for u in s.query(Unit).filter(Unit.project_id == project_id).order_by(Unit.sort_order)]
        runner = TaskRunner(database)
        panel = PhotosPanel(runner)
        panel.resize(1200, 800)
        panel.show()
        meter = StallMeter()

        # 1. Import with the GUI running.
        source = photo_samples.jpeg(work / "source.jpg", (4000, 3000), orientation=6)
        files = distinct_copies(source, work, args.photos, "IMG_")
        panel.show_target(PhotoTarget.unit(units[0]))
        wait(app, lambda: runner.active == 0, 10)
        results: list = []
        panel.import_finished.connect(results.append)
        start = time.perf_counter()
        meter.start()
        panel.import_files(files)
        wait(app, lambda: bool(results), 900)
        busy_max, busy_p99 = meter.stop()
        seconds = time.perf_counter() - start
        assert sum(r.outcome is ImportOutcome.IMPORTED for r in results[0]) == args.photos
        meter.start()
        wait(app, lambda: False, min(seconds, 5))
        idle_max, idle_p99 = meter.stop()
        print(f"import    {args.photos} × 12 MP through the 照片 tab: {seconds:6.1f} s "
              f"({args.photos / seconds:.1f} photos/s)")
        print(f"GUI stall during import: longest {busy_max:6.1f} ms, p99 {busy_p99:5.1f} ms  (goal <= 50 ms)")
        print(f"GUI stall idle baseline: longest {idle_max:6.1f} ms, p99 {idle_p99:5.1f} ms  "
              f"ratio {busy_max / max(idle_max, 0.1):.1f}x")

        # 2. A unit with many photos (rows only: thumbnails load lazily, missing ones keep the placeholder).
        with database.session() as s, s.begin():
            for n in range(args.grid):
                photo = Photo(id=uuid.uuid4(), sha256=uuid.uuid4().hex * 2, original_name=f"P{n:05d}.JPG",
                              size=1, width=4000, height=3000, mime="image/jpeg")
                s.add(photo)
                s.add(PhotoLink(id=uuid.uuid4(), photo_id=photo.id, target_kind=TargetKind.UNIT, unit_id=units[2],
                                position=n))
        timings, plain = [], []
        loaded: list = []
        panel.loaded.connect(lambda: loaded.append(1))
        for _run in range(5):
            panel.show_target(PhotoTarget.unit(units[0]))
            wait(app, lambda: runner.active == 0, 10)
            loaded.clear()
            start = time.perf_counter()
            panel.show_target(PhotoTarget.unit(units[2]))
            wait(app, lambda: bool(loaded), 10)
            panel.grid.viewport().repaint()
            timings.append(time.perf_counter() - start)
            view = QListView()
            view.setViewMode(QListView.ViewMode.IconMode)
            view.setUniformItemSizes(True)
            view.resize(1200, 700)
            view.show()
            start = time.perf_counter()
            with sqlite3.connect(folder.database) as plain_db:
                names = [row[0] for row in plain_db.execute(
                    "SELECT p.original_name FROM photos p JOIN photo_links l ON l.photo_id = p.id "
                    "WHERE l.unit_id = ? ORDER BY l.position", (units[2].hex,))]
            view.setModel(QStringListModel(names))
            view.viewport().repaint()
            plain.append(time.perf_counter() - start)
            view.deleteLater()
        grid_ms, plain_ms = statistics.median(timings) * 1000, statistics.median(plain) * 1000
        assert panel.model.rowCount() == args.grid
        print(f"grid      {args.grid} photos, show_target -> painted: {grid_ms:6.1f} ms  (goal <= 300 ms)")
        assert len(names) == args.grid, len(names)
        print(f"baseline  sqlite3 SELECT + plain QListView of the names: {plain_ms:6.1f} ms  "
              f"ratio {grid_ms / max(plain_ms, 0.1):.1f}x")
        panel.model.shutdown()
        runner.shutdown()
        database.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
