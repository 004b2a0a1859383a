"""A photo import killed with SIGKILL leaves no process behind (issue 20, item 6), and the store files it wrote
without a row are swept by the next import."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from acceptance_app.services.photos.library import sweep_orphans
from acceptance_app.storage.db import Database
from acceptance_app.storage.models import Photo
from acceptance_app.storage.photo_layout import PhotoStore
from tests.photo_samples import jpeg

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")


def _parent_of(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def _descendants(root: int) -> set[int]:
    pids = [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()]
    parents = {pid: _parent_of(pid) for pid in pids}
    found, frontier = set(), {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _store_files(store: PhotoStore) -> set[str]:
    return {p.stem for kind in ("originals", "display", "thumbs") for p in (store.root / kind).glob("??/??/*")}


def test_a_killed_import_leaves_no_process_and_its_orphans_are_swept(database: Database, unit_id: uuid.UUID,
                                                                    tmp_path: Path) -> None:
    photos = tmp_path / "card"
    photos.mkdir()
    for n in range(24):
        jpeg(photos / f"IMG_{n:04d}.jpg", size=(2400, 1800))
    store = PhotoStore(database.folder.photos)
    command = [sys.executable, "-m", "acceptance_app", "--data-dir", str(database.folder.root), "photos", "import",
               "--unit", str(unit_id), str(photos)]
    importer = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        seen: set[int] = set()
        while time.monotonic() < deadline:  # until both workers are decoding and writing into the store
            seen |= _descendants(importer.pid)
            if len(seen) >= 2 and _store_files(store):
                break
            time.sleep(0.05)
        else:
            pytest.fail("the import never started its workers")
        seen |= _descendants(importer.pid)
        importer.send_signal(signal.SIGKILL)
        importer.wait(10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(pid) for pid in seen):
            time.sleep(0.05)
        left = sorted(pid for pid in seen if _alive(pid))
        assert left == [], f"processes left after the import was killed: {left}"
    finally:
        if importer.poll() is None:
            importer.kill()

    time.sleep(0.5)  # nothing writes any more: what is in the store now stays
    with database.session() as s:
        known = set(s.scalars(sa.select(Photo.sha256)))
    orphans = _store_files(store) - known
    files_before = _store_files(store)
    with database.session() as s:
        assert sweep_orphans(s, store) == 0  # fresh files are left alone: another import may be running
    assert _store_files(store) == files_before
    old = time.time() - 3600
    for kind in ("originals", "display", "thumbs"):
        for path in (store.root / kind).glob("??/??/*"):
            os.utime(path, (old, old))
    with database.session() as s:
        removed = sweep_orphans(s, store)
    assert _store_files(store) == known & files_before
    assert removed >= len(orphans)
