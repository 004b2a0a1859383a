"""The outbox: packages waiting for the hub, in <data folder>/outbox, one row each (storage.models.outbox).

Rules that make a failed send harmless (ODK Collect deleted forms after a failed send, getodk/getodk#1017,
and kept sending all 1000 after the first error, getodk/collect#1939):
- a package file enters the outbox atomically and leaves it only after its row says ``sent``, which needs a
  receipt whose hashes match (client.check_receipt), and after that row is committed;
- each confirmed offset is committed, so a restart resumes the upload;
- a refusal by the hub marks the row ``failed-permanent`` with its reason; network trouble only delays it.
Callers pass a Session that is not inside a transaction: every step here commits (an upload takes minutes; the
writer must not hold SQLite's lock for that long).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.problems import KnownError
from acceptance_app.fileio import file_sha256
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.models import OutboxItem, OutboxState
from acceptance_app.sync.client import HubClient, HubRefused, LocalPackage
from acceptance_app.sync.retry import outbox_delay

Progress = Callable[[int, int, str], None]


def content_sha256(files: list[tuple[str, str]]) -> str:
    return hashlib.sha256("\n".join(f"{p} {h}" for p, h in sorted(files)).encode("utf-8")).hexdigest()


def enqueue(session: Session, folder: DataFolder, *, source: Path, package_id: str, project_id: uuid.UUID,
            discipline: str, manifest_sha256: str, files: list[tuple[str, str]], hub_url: str) -> OutboxItem:
    """Move an exported package into the outbox and record it (the same package id twice: one row)."""
    existing = session.scalar(sa.select(OutboxItem).where(OutboxItem.package_id == package_id))
    if existing is not None:
        return existing
    target = folder.outbox / f"{package_id}.acpkg"
    folder.outbox.mkdir(parents=True, exist_ok=True)
    if source.resolve() != target.resolve():
        tmp = target.with_name(f".{target.name}.tmp")
        shutil.copyfile(source, tmp)
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        source.unlink(missing_ok=True)
    item = OutboxItem(
        package_id=package_id, project_id=project_id, discipline=discipline,
        file_path=str(target.relative_to(folder.root)), size=target.stat().st_size, sha256=file_sha256(target),
        manifest_sha256=manifest_sha256, content_sha256=content_sha256(files), hub_url=hub_url,
        state=OutboxState.PENDING, next_attempt_at=datetime.now(UTC),
    )
    session.add(item)
    session.commit()
    return item


def waiting(session: Session, hub_url: str | None = None) -> list[OutboxItem]:
    query = sa.select(OutboxItem).where(OutboxItem.state.in_((OutboxState.PENDING, OutboxState.UPLOADING)))
    if hub_url is not None:
        query = query.where(OutboxItem.hub_url == hub_url)
    return list(session.scalars(query.order_by(OutboxItem.created_at)))


@dataclass
class SendReport:
    sent: list[str]
    failed: list[tuple[str, str]]  # (package id, code)
    waiting: int


def send_all(session: Session, folder: DataFolder, client: HubClient, *, hub_url: str,
             progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
             now: datetime | None = None) -> SendReport:
    """Upload every waiting package due now (all of them when ``now`` is None), one after the other."""
    items = [i for i in waiting(session, hub_url) if now is None or i.next_attempt_at <= now]
    total = sum(i.size for i in items)
    report, done = SendReport([], [], 0), 0
    for item in items:
        if cancelled is not None and cancelled():
            break
        base = done

        def confirmed(offset: int, item: OutboxItem = item, base: int = base) -> None:
            item.bytes_confirmed = offset
            session.commit()
            if progress is not None:
                progress(base + offset, total, item.package_id)

        try:
            send_one(session, folder, client, item, confirmed=confirmed, cancelled=cancelled)
            report.sent.append(item.package_id)
        except KnownError as error:
            if error.code == "sync.cancelled":
                break
            report.failed.append((item.package_id, error.code))
        done += item.size
    report.waiting = len(waiting(session, hub_url))
    return report


def send_one(session: Session, folder: DataFolder, client: HubClient, item: OutboxItem, *,
             confirmed: Callable[[int], None] | None = None, cancelled: Callable[[], bool] | None = None) -> None:
    path = folder.root / item.file_path
    item.state, item.attempts = OutboxState.UPLOADING, item.attempts + 1
    session.commit()
    damage = _local_damage(path, item)
    if damage is not None:  # never send what is not the package recorded (a disk error, a hand-edited file)
        _failed(session, item, damage, permanent=True)
        raise damage
    try:
        receipt = client.upload(local_package(item, path), confirmed=confirmed, cancelled=cancelled)
    except HubRefused as error:
        _failed(session, item, error, permanent=error.status not in (401,))  # a new token can fix a 401
        raise
    except KnownError as error:  # unreachable, cancelled, a receipt that does not match: try again later
        _failed(session, item, error, permanent=False)
        raise
    mark_sent(session, folder, item, receipt)


def _local_damage(path: Path, item: OutboxItem) -> KnownError | None:
    if not path.is_file():
        return KnownError("sync.outbox_file_missing", path=str(path), package_id=item.package_id)
    if path.stat().st_size != item.size or file_sha256(path) != item.sha256:
        return KnownError("sync.outbox_file_damaged", path=str(path), package_id=item.package_id)
    return None


def local_package(item: OutboxItem, path: Path) -> LocalPackage:
    from acceptance_app.sync.package import read_manifest

    manifest = read_manifest(path)
    files = tuple((_get(f, "path"), _get(f, "sha256")) for f in manifest.files)
    return LocalPackage(item.package_id, path, item.size, item.sha256, item.manifest_sha256, files)


def mark_sent(session: Session, folder: DataFolder, item: OutboxItem, receipt: dict[str, Any]) -> None:
    item.state, item.receipt, item.sent_at = OutboxState.SENT, receipt, datetime.now(UTC)
    item.bytes_confirmed, item.last_error = item.size, ""
    session.commit()  # first the durable "sent", then the file may go
    (folder.root / item.file_path).unlink(missing_ok=True)


def release_sent_files(session: Session, folder: DataFolder) -> int:
    """Files of rows already sent (a crash came between the commit and the unlink)."""
    removed = 0
    for item in session.scalars(sa.select(OutboxItem).where(OutboxItem.state == OutboxState.SENT)):
        path = folder.root / item.file_path
        if path.exists():
            path.unlink()
            removed += 1
    return removed


def error_record(error: KnownError) -> str:
    """A failure as stored: ``code {json params}``; the UI and the CLI show it in the language chosen when they
    show it (``text.describe_recorded_error``), so the record holds no text of its own."""
    params = {k: v if isinstance(v, int | float | bool | None) else str(v) for k, v in error.params.items()}
    return f"{error.code} {json.dumps(params, ensure_ascii=False, sort_keys=True)}"


def _failed(session: Session, item: OutboxItem, error: KnownError, *, permanent: bool) -> None:
    item.last_error = error_record(error)
    if permanent:
        item.state = OutboxState.FAILED_PERMANENT
    else:
        item.state = OutboxState.PENDING
        delay = 0.0 if error.code == "sync.cancelled" else outbox_delay(item.attempts)
        item.next_attempt_at = datetime.now(UTC) + timedelta(seconds=delay)
    session.commit()


def _get(value: Any, key: str) -> str:
    return str(value.get(key) if isinstance(value, dict) else getattr(value, key))
