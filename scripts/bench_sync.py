#!/usr/bin/env python3
"""Issue 7 figures: packages of photos pushed to a hub on loopback, and the same through cut connections.

    python scripts/bench_sync.py [--packages 100] [--photos 20] [--cuts 50] [--size 1024x768]

1. Throughput: every package queued in a laptop's outbox and sent by ``outbox.send_all`` (chunked resumable
   upload with fsync on both sides, commit verified by the hub, receipt checked) to the real hub (uvicorn,
   SQLite) on 127.0.0.1, in MB/s and packages/s, against a plain baseline measured in the same run: the same
   files PUT in one request each with httpx to a trivial Starlette endpoint that writes the body to a file.
2. Interrupted: the same packages to a fresh hub through a proxy that cuts the connection at random points
   ``--cuts`` times (mid-request, mid-answer, after the hub acted). Checked: every package arrives exactly once,
   byte for byte (sha256), each with its 20 photos and records listed in the receipt, every outbox row sent.
The photos are distinct JPEGs made with Pillow (noise, so they do not compress away).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_photos(folder: Path, count: int, size: tuple[int, int], seed: int) -> list[Path]:
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    base = Image.effect_noise(size, 60).convert("RGB")
    paths = []
    for n in range(count):
        image = base.copy()
        draw = ImageDraw.Draw(image)
        x, y = rng.randrange(size[0] - 80), rng.randrange(size[1] - 80)
        draw.rectangle((x, y, x + 80, y + 80), fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
        draw.text((10, 10), f"photo {seed}-{n}", fill=(255, 255, 0))
        path = folder / f"{seed:03d}-{n:02d}.jpg"
        image.save(path, "JPEG", quality=85)
        paths.append(path)
    return paths


def make_packages(folder: Path, count: int, photos: int, size: tuple[int, int]) -> list[Path]:
    from tests.sync.hub_support import Inspector, make_package

    inspector = Inspector("张三", "housing")
    paths = []
    for n in range(count):
        work = folder / f"photos-{n:03d}"
        work.mkdir()
        path, _ = make_package(folder, inspector, photos=make_photos(work, photos, size, n))
        paths.append(path)
    return paths


def queue_all(packages: list[Path], root: Path, hub_url: str):  # type: ignore[no-untyped-def]
    import shutil

    from acceptance_app.storage.data_folder import DataFolder
    from acceptance_app.storage.db import open_database
    from acceptance_app.sync import outbox
    from acceptance_app.sync.package import read_manifest

    folder = DataFolder(root).ensure()
    database = open_database(folder, actor="bench")
    session = database.session()
    for path in packages:
        copy = root / "exports" / path.name
        copy.parent.mkdir(exist_ok=True)
        shutil.copyfile(path, copy)
        manifest = read_manifest(copy)
        outbox.enqueue(session, folder, source=copy, package_id=manifest.package_id, project_id=uuid.uuid4(),
                       discipline="", manifest_sha256=manifest.manifest_sha256,
                       files=[(f.path, f.sha256) for f in manifest.files], hub_url=hub_url)
    return database, session


def send_everything(session, folder, client, hub_url: str) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    from acceptance_app.sync import outbox

    start, rounds = time.perf_counter(), 0
    while True:
        rounds += 1
        report = outbox.send_all(session, folder, client, hub_url=hub_url)
        if report.waiting == 0 or rounds > 200:
            break
    return time.perf_counter() - start, rounds


def plain_baseline(packages: list[Path], target: Path) -> float:
    """The same bytes, one PUT each, to an endpoint that only writes the body to a file (median of 3 runs)."""
    import httpx
    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    from tests.sync.postgres_cluster import free_port

    target.mkdir()

    async def put(request: Request) -> PlainTextResponse:
        (target / request.path_params["name"]).write_bytes(await request.body())
        return PlainTextResponse("ok")

    app = Starlette(routes=[Route("/{name}", put, methods=["PUT"])])
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    from benchtime import median_seconds

    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as http:
        def put_all() -> None:
            for path in packages:
                http.put(f"/{path.name}", content=path.read_bytes()).raise_for_status()

        seconds = median_seconds(put_all, runs=3)
    server.should_exit = True
    thread.join(10)
    return seconds


def check_arrived(hub, packages: list[Path], session, photos: int) -> None:  # type: ignore[no-untyped-def]
    import sqlalchemy as sa

    from acceptance_app.hub.models import Package
    from acceptance_app.storage.models import OutboxItem, OutboxState

    local = {p.stem: hashlib.sha256(p.read_bytes()).hexdigest() for p in packages}
    with hub.session() as s:
        stored = list(s.scalars(sa.select(Package)))
    assert len(stored) == len(local), f"{len(stored)} packages on the hub, {len(local)} sent"
    assert {p.package_id: p.sha256 for p in stored} == local, "a package differs"
    for row in stored:
        on_disk = hashlib.sha256(hub.app.state.store.committed(row.package_id).read_bytes()).hexdigest()
        assert on_disk == row.sha256
        assert sum(f["path"].startswith("photos/") for f in row.receipt["files"]) == photos
    rows = list(session.scalars(sa.select(OutboxItem)))
    assert len(rows) == len(local) and {r.state for r in rows} == {OutboxState.SENT}
    assert all(r.receipt["package_sha256"] == r.sha256 for r in rows)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--packages", type=int, default=100)
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--cuts", type=int, default=50)
    parser.add_argument("--size", default="1024x768")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))

    from acceptance_app.sync.client import HubClient
    from acceptance_app.sync.retry import Backoff
    from tests.sync.cutting_proxy import CuttingProxy
    from tests.sync.hub_support import LiveHub

    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp_name:
        tmp = Path(tmp_name)
        made = tmp / "made"
        made.mkdir()
        t0 = time.perf_counter()
        packages = make_packages(made, args.packages, args.photos, size)  # type: ignore[arg-type]
        total = sum(p.stat().st_size for p in packages)
        mb = total / 1e6
        print(f"{args.packages} packages x {args.photos} photos ({size[0]}x{size[1]} JPEG): {mb:.1f} MB, "
              f"made in {time.perf_counter() - t0:.1f} s")

        base_s = plain_baseline(packages, tmp / "baseline")
        print(f"baseline (one plain PUT per package, median of 3): {base_s:.2f} s, {mb / base_s:.1f} MB/s, "
              f"{len(packages) / base_s:.1f} packages/s")

        hub = LiveHub(f"sqlite:///{tmp / 'hub1.sqlite3'}", tmp / "hub1-files")
        try:
            token = hub.account("张三", "housing")
            database, session = queue_all(packages, tmp / "laptop1", hub.url)
            with HubClient(hub.url, token) as client:
                seconds, _ = send_everything(session, database.folder, client, hub.url)
            check_arrived(hub, packages, session, args.photos)
            session.close()
            database.close()
        finally:
            hub.close()
        print(f"hub push (outbox, 4 MiB chunks, receipts): {seconds:.2f} s, {mb / seconds:.1f} MB/s, "
              f"{len(packages) / seconds:.1f} packages/s; {seconds / base_s:.2f}x the baseline's time; "
              f"all {len(packages)} arrived once, hashes checked")

        hub = LiveHub(f"sqlite:///{tmp / 'hub2.sqlite3'}", tmp / "hub2-files")
        proxy = CuttingProxy(hub.port, cuts=args.cuts, max_offset=max(1, int(total / args.cuts)), seed=50)
        try:
            token = hub.account("张三", "housing")
            database, session = queue_all(packages, tmp / "laptop2", proxy.url)
            backoff = Backoff(base=0.05, cap=1.0, max_attempts=8)
            with HubClient(proxy.url, token, backoff=backoff) as client:
                cut_seconds, rounds = send_everything(session, database.folder, client, proxy.url)
            check_arrived(hub, packages, session, args.photos)
            from acceptance_app.storage.models import OutboxItem

            attempts = sum(r.attempts for r in session.query(OutboxItem))
            session.close()
            database.close()
        finally:
            proxy.close()
            hub.close()
        print(f"through {proxy.cuts_done} random cuts: {cut_seconds:.2f} s, {mb / cut_seconds:.1f} MB/s, "
              f"{len(packages) / cut_seconds:.1f} packages/s; {cut_seconds / base_s:.2f}x the baseline's time; "
              f"{rounds} outbox round(s), {attempts} upload attempts for {len(packages)} packages; "
              f"all {len(packages)} arrived exactly once, {len(packages) * args.photos} photos, hashes checked, "
              f"every outbox row sent")
        assert proxy.cuts_done == args.cuts, f"only {proxy.cuts_done} cuts happened"
    return 0


if __name__ == "__main__":
    sys.exit(main())
