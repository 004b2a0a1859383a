#!/usr/bin/env python3
"""Issue 4 figures: importing a 12-megapixel JPEG, per photo and in batches.

    python scripts/bench_photos.py [--runs 7] [--batch 16]

1. Per photo: the whole import of one 4000×3000 JPEG (q92, EXIF orientation 6 + GPS) through
   services.photos.import_photos on one process (read, sha256, decode with draft mode, display copy 1600 px
   q85, thumbnail 256 px, EXIF, original + copies written atomically with fsync, database row committed),
   median of N distinct photos, against the plain baseline measured in the same run on the same files:
   Image.open + thumbnail((1600, 1600)) + save q85 to memory. Goal (issue 4): <= 0.75x.
2. Batch: N distinct photos imported with the process pool on every core vs on one worker; photos per
   second and the speed-up, and the batch per photo against the same baseline.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def distinct_copies(source: Path, folder: Path, count: int, prefix: str) -> list[Path]:
    """Copies with different bytes after the JPEG end marker: each has its own sha256, so none is a duplicate."""
    data = source.read_bytes()
    paths = []
    for n in range(count):
        path = folder / f"{prefix}{n:03d}.jpg"
        path.write_bytes(data + f"copy {prefix}{n}".encode())
        paths.append(path)
    return paths


def baseline(path: Path) -> float:
    from PIL import Image

    start = time.perf_counter()
    with Image.open(path) as image:
        image.thumbnail((1600, 1600))
        image.save(io.BytesIO(), "JPEG", quality=85)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--batch", type=int, default=16)
    args = parser.parse_args()

    from acceptance_app import i18n
    from acceptance_app.demo.project import create_demo_project
    from acceptance_app.domain.photos import ImportOutcome, PhotoTarget
    from acceptance_app.services.photos import library as photos
    from acceptance_app.storage.data_folder import DataFolder
    from acceptance_app.storage.db import open_database
    from tests import photo_samples

    i18n.install("en")
    work = Path(tempfile.mkdtemp(prefix="bench_photos_"))
    try:
        folder = DataFolder(work / "data")
        database = open_database(folder, actor="bench")
        with database.session() as s, s.begin():
            project_id, _ = create_demo_project(s)
        target = PhotoTarget.project(project_id)
        source = photo_samples.jpeg(work / "source.jpg", (4000, 3000), orientation=6)
        print(f"test photo: 4000×3000 JPEG q92, {source.stat().st_size / 1e6:.1f} MB, EXIF orientation 6 + GPS; "
              f"{os.cpu_count()} cores")

        singles = distinct_copies(source, work, args.runs + 1, "single")
        for path in singles[:1]:  # warm-up: imports, font and codec caches
            baseline(path)
            with database.session() as s:
                photos.import_photos(s, folder, [path], target, workers=1)
        plain, full = [], []
        for path in singles[1:]:
            plain.append(baseline(path))
            with database.session() as s:
                start = time.perf_counter()
                [result] = photos.import_photos(s, folder, [path], target, workers=1)
                full.append(time.perf_counter() - start)
            assert result.outcome is ImportOutcome.IMPORTED, result
        base_ms, import_ms = statistics.median(plain) * 1000, statistics.median(full) * 1000
        print(f"baseline  Pillow open + thumbnail(1600) + save q85: {base_ms:7.1f} ms (median of {args.runs})")
        print(f"import    one photo, everything, committed:         {import_ms:7.1f} ms  "
              f"ratio {import_ms / base_ms:.2f}x  (goal <= 0.75x)")

        batches = {}
        cores = os.cpu_count() or 1
        for workers in (1, cores):
            files = distinct_copies(source, work, args.batch, f"batch{workers}_")
            with database.session() as s:
                start = time.perf_counter()
                results = photos.import_photos(s, folder, files, target, workers=workers)
                batches[workers] = time.perf_counter() - start
            assert all(r.outcome is ImportOutcome.IMPORTED for r in results)
        one, many = batches[1], batches[cores]
        print(f"batch     {args.batch} photos on 1 worker:   {one:6.2f} s  {args.batch / one:5.2f} photos/s")
        print(f"batch     {args.batch} photos on {cores} workers:  {many:6.2f} s  {args.batch / many:5.2f} photos/s  "
              f"speed-up {one / many:.2f}x (pool start-up included)")
        print(f"batch     per photo on {cores} workers: {many / args.batch * 1000:7.1f} ms  "
              f"ratio {many / args.batch * 1000 / base_ms:.2f}x of the baseline")
        database.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
