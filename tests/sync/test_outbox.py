"""The outbox: survives a restart and resumes, counts nothing as sent without a matching receipt, keeps the
file until then, tells a refusal (permanent) from an unreachable hub (later), and sending twice is harmless."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from acceptance_app.domain.problems import KnownError
from acceptance_app.hub.models import Package
from acceptance_app.storage.db import open_database
from acceptance_app.storage.models import OutboxItem, OutboxState
from acceptance_app.sync import outbox
from acceptance_app.sync.client import HubClient
from acceptance_app.sync.package import read_manifest
from acceptance_app.sync.retry import Backoff
from tests.sync.hub_support import Inspector, make_package, rows
from tests.sync.postgres_cluster import free_port


def queue(session, folder, tmp_path: Path, hub_url: str, inspector: Inspector | None = None,
          **package: object) -> OutboxItem:
    made = tmp_path / f"made-{uuid.uuid4().hex[:6]}"
    made.mkdir()
    photos = []
    for n in range(2):
        photo = made / f"{n}.jpg"
        photo.write_bytes(b"\xff\xd8\xff" + uuid.uuid4().bytes * 20_000)
        photos.append(photo)
    path, package_id = make_package(made, inspector or Inspector("张三", "housing"), photos=photos, **package)
    manifest = read_manifest(path)
    return outbox.enqueue(session, folder, source=path, package_id=package_id, project_id=uuid.uuid4(),
                          discipline="", manifest_sha256=manifest.manifest_sha256,
                          files=[(f.path, f.sha256) for f in manifest.files], hub_url=hub_url)


def test_an_upload_cut_short_survives_a_restart_and_resumes_where_the_hub_stopped(hub, database, tmp_path):
    token = hub.account("张三", "housing")
    folder = database.folder
    with database.session() as s:
        item = queue(s, folder, tmp_path, hub.url)
        package_id, size = item.package_id, item.size
        seen: list[int] = []
        with HubClient(hub.url, token, chunk_size=64 * 1024) as client:
            report = outbox.send_all(s, folder, client, hub_url=hub.url,
                                     progress=lambda done, total, label: seen.append(done),
                                     cancelled=lambda: len(seen) >= 3)  # the laptop is shut mid-upload
        assert report.sent == [] and report.waiting == 1
    database.close()

    reopened = open_database(folder)  # a restart: only what was committed is known
    try:
        with reopened.session() as s:
            row = s.scalar(sa.select(OutboxItem).where(OutboxItem.package_id == package_id))
            assert row.state is OutboxState.PENDING and 0 < row.bytes_confirmed < size
            assert (folder.root / row.file_path).exists()
            with HubClient(hub.url, token) as client:
                assert client.json("GET", f"/packages/{package_id}")["offset"] == row.bytes_confirmed
                report = outbox.send_all(s, folder, client, hub_url=hub.url)
            assert report.sent == [package_id]
            row = s.scalar(sa.select(OutboxItem).where(OutboxItem.package_id == package_id))
            assert row.state is OutboxState.SENT and row.receipt["package_sha256"] == row.sha256
            assert not (folder.root / row.file_path).exists()
    finally:
        reopened.close()
    assert hub.count(Package) == 1


def test_nothing_counts_as_sent_when_the_receipt_does_not_match_the_local_manifest(hub, session, data_folder,
                                                                                      tmp_path):
    token = hub.account("张三", "housing")
    item = queue(session, data_folder, tmp_path, hub.url)
    item.manifest_sha256 = "0" * 64  # what this laptop believes it sent differs from what the hub verified
    session.commit()
    with HubClient(hub.url, token) as client:
        report = outbox.send_all(session, data_folder, client, hub_url=hub.url)
    assert report.failed == [(item.package_id, "sync.receipt_mismatch")]
    assert item.state is OutboxState.PENDING and item.receipt is None
    assert (data_folder.root / item.file_path).exists()


def test_a_refused_package_fails_permanently_with_its_reason_and_is_kept(hub, session, data_folder, tmp_path,
                                                                          demo_project):
    token = hub.account("王五", "planning")
    fire = rows(session, "answers", discipline="fire")[:1]
    item = queue(session, data_folder, tmp_path, hub.url, Inspector("王五", "planning"), tables={"answers": fire})
    with HubClient(hub.url, token) as client:
        report = outbox.send_all(session, data_folder, client, hub_url=hub.url)
    assert report.failed == [(item.package_id, "hub.foreign_results")] and report.waiting == 0
    assert item.state is OutboxState.FAILED_PERMANENT
    assert item.last_error.startswith("hub.foreign_results") and "answers" in item.last_error
    assert (data_folder.root / item.file_path).exists()  # not released: the user decides
    assert hub.count(Package) == 0


def test_an_unreachable_hub_only_delays_the_package(session, data_folder, tmp_path):
    url = f"http://127.0.0.1:{free_port()}"  # nobody listens
    item = queue(session, data_folder, tmp_path, url)
    waits: list[float] = []
    backoff = Backoff(base=0.5, cap=2.0, max_attempts=4, sleep=waits.append)
    with HubClient(url, "token", backoff=backoff) as client:
        report = outbox.send_all(session, data_folder, client, hub_url=url)
    assert report.failed == [(item.package_id, "sync.unreachable")] and report.waiting == 1
    assert len(waits) == 3 and all(0 <= w <= 2.0 for w in waits)  # bounded, jittered, capped
    assert item.state is OutboxState.PENDING and item.attempts == 1
    assert item.next_attempt_at > datetime.now(UTC)
    assert "127.0.0.1" in item.last_error
    with HubClient(url, "token", backoff=backoff) as client:
        due_now = outbox.send_all(session, data_folder, client, hub_url=url, now=datetime.now(UTC))
    assert due_now.failed == [] and due_now.waiting == 1  # not due yet: not tried


def test_sending_twice_is_harmless(hub, session, data_folder, tmp_path):
    token = hub.account("张三", "housing")
    item = queue(session, data_folder, tmp_path, hub.url)
    path = data_folder.root / item.file_path
    again = outbox.enqueue(session, data_folder, source=path, package_id=item.package_id,
                           project_id=item.project_id, discipline="", manifest_sha256=item.manifest_sha256,
                           files=[], hub_url=hub.url)
    assert again.id == item.id and session.scalar(sa.select(sa.func.count()).select_from(OutboxItem)) == 1
    with HubClient(hub.url, token) as client:
        first = client.upload(outbox.local_package(item, path))  # sent, but the laptop crashed before noting it
        report = outbox.send_all(session, data_folder, client, hub_url=hub.url)
    assert report.sent == [item.package_id]
    assert item.receipt == first  # the same receipt: the hub stored nothing twice
    assert hub.count(Package) == 1


def test_check_receipt_refuses_any_difference(tmp_path):
    from acceptance_app.sync.client import LocalPackage, check_receipt

    package = LocalPackage("p", tmp_path, 10, "a" * 64, "b" * 64, (("payload/records.json", "c" * 64),))
    good = {"package_id": "p", "manifest_sha256": "b" * 64, "package_sha256": "a" * 64,
            "files": [{"path": "payload/records.json", "sha256": "c" * 64}]}
    check_receipt(package, good)
    for key, value in (("package_id", "q"), ("manifest_sha256", "d" * 64), ("package_sha256", "e" * 64),
                       ("files", [])):
        with pytest.raises(KnownError) as refused:
            check_receipt(package, {**good, key: value})
        assert refused.value.code == "sync.receipt_mismatch" and refused.value.params["what"] == key


def test_a_damaged_or_missing_outbox_file_is_never_sent(hub, session, data_folder, tmp_path):
    token = hub.account("张三", "housing")
    damaged, missing = queue(session, data_folder, tmp_path, hub.url), queue(session, data_folder, tmp_path, hub.url)
    path = data_folder.root / damaged.file_path
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    (data_folder.root / missing.file_path).unlink()
    with HubClient(hub.url, token) as client:
        report = outbox.send_all(session, data_folder, client, hub_url=hub.url)
    assert sorted(code for _, code in report.failed) == ["sync.outbox_file_damaged", "sync.outbox_file_missing"]
    assert {damaged.state, missing.state} == {OutboxState.FAILED_PERMANENT}
    assert hub.count(Package) == 0
