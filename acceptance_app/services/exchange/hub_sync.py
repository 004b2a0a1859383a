"""Push to and pull from the hub: export what changed, queue it in the outbox, upload; download and import.

Long operations: the session given must not be inside a transaction, since every step commits (each confirmed
offset, each sent or imported package), so an interrupted sync keeps what was confirmed. Progress and cancel
come through ``domain.progress.Progress`` (the UI runner's step operation passes its TaskState).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.enums import DEPARTMENT_OF, Department, Discipline
from acceptance_app.domain.problems import KnownError
from acceptance_app.domain.progress import Progress
from acceptance_app.services.changes import Changes
from acceptance_app.services.exchange import sent_rows
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.models import ExchangeImport, HubPull, LocalMeta, OutboxItem, OutboxState, Project
from acceptance_app.sync import outbox
from acceptance_app.sync.client import HubClient, Unreachable
from acceptance_app.sync.package import read_manifest

LEAD = Department.HOUSING


@dataclass
class PushReport:
    exported: list[str] = field(default_factory=list)  # package ids queued by this push
    unchanged: list[str] = field(default_factory=list)  # project ids with nothing new since the last package
    sent: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (package id, error code)
    waiting: int = 0


@dataclass
class PullReport:
    imported: list[str] = field(default_factory=list)
    already_imported: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    cursor: int = 0


@dataclass(frozen=True)
class SyncStatus:
    last_sent_at: datetime | None
    last_sent_package: str | None
    pending: int
    failed: int
    last_error: str
    last_pull_at: datetime | None


def discipline_of(department: Department) -> Discipline | None:
    """What a department's packages carry: the lead sends the whole project, the others their discipline."""
    if department is LEAD:
        return None
    owned = [d for d, dep in DEPARTMENT_OF.items() if dep is department]
    if not owned:
        raise KnownError("sync.department_has_no_discipline", department=department.value)
    return owned[0]


def hub_token(folder: DataFolder) -> str:
    """The token ``sync login`` kept for this data folder (KnownError "sync.no_token" when there is none)."""
    from acceptance_app.sync.credentials import load_token

    return load_token(folder)


def login(folder: DataFolder, hub_url: str, token: str, client: HubClient | None = None) -> dict:
    """Check the token with the hub, register this device's key with the account, keep the token."""
    from acceptance_app.sync.credentials import save_token
    from acceptance_app.sync.keys import device_key

    with client or HubClient(hub_url, token) as hub:
        account = hub.whoami()
        if account["role"] == "inspector":
            account = hub.register_key(device_key(folder).public_b64)
    save_token(folder, token)
    return account


def push(session: Session, folder: DataFolder, hub_url: str, token: str, *, project_id: uuid.UUID | None = None,
         task: Progress | None = None, client: HubClient | None = None) -> tuple[PushReport, Changes]:
    report = PushReport()
    progress, cancelled = (task.progress, task.cancelled) if task is not None else (None, None)
    with client or HubClient(hub_url, token) as hub:
        department, online = _department(session, hub, hub_url)
        discipline = discipline_of(department)
        projects = [project_id] if project_id else list(session.scalars(sa.select(Project.id).order_by(Project.name)))
        for pid in projects:
            if cancelled is not None and cancelled():
                raise KnownError("sync.cancelled")
            queued = _export_if_changed(session, folder, pid, discipline, department, hub_url)
            (report.exported if queued else report.unchanged).append(queued or str(pid))
        if not online:  # queued for later: nothing to gain from retrying every package against a dead hub
            report.waiting = len(outbox.waiting(session, hub_url))
            return report, Changes(sync_state=True)
        sent = outbox.send_all(session, folder, hub, hub_url=hub_url, progress=progress, cancelled=cancelled)
    outbox.release_sent_files(session, folder)
    sent_rows.forget_superseded(session)  # what the hub has from us is now told by the latest receipts
    session.commit()
    report.sent, report.failed, report.waiting = sent.sent, sent.failed, sent.waiting
    return report, Changes(sync_state=True)


def _department_key(hub_url: str) -> str:
    return "hub_department " + hashlib.sha256(hub_url.encode("utf-8")).hexdigest()[:48]


def known_department(session: Session, hub_url: str) -> Department | None:
    """The department the hub last said this laptop's account belongs to (None: never signed in and pushed)."""
    known = session.get(LocalMeta, _department_key(hub_url)) if hub_url else None
    return Department(known.value) if known is not None else None


def _department(session: Session, hub: HubClient, hub_url: str) -> tuple[Department, bool]:
    """The account's department, from the hub (and kept), or as last seen when the hub cannot be reached: an
    inspector offline still gets the packages queued, to be sent by the next push that reaches the hub."""
    key = _department_key(hub_url)
    try:
        department = hub.whoami()["department"]
    except Unreachable:
        known = session.get(LocalMeta, key)
        if known is None:
            raise
        return Department(known.value), False
    meta = session.get(LocalMeta, key) or LocalMeta(key=key, value=department)
    meta.value = department
    session.add(meta)
    session.commit()
    return Department(department), True


def _export_if_changed(session: Session, folder: DataFolder, project_id: uuid.UUID, discipline: Discipline | None,
                       department: Department, hub_url: str) -> str | None:
    """Export the project (or the department's discipline of it) and queue it, unless its content equals the
    last package queued for it: then nothing new is sent."""
    from acceptance_app.services.exchange.packages import export_package

    folder.outbox.mkdir(parents=True, exist_ok=True)
    result, _ = export_package(session, folder, project_id, discipline=discipline, department=department,
                               out_path=folder.outbox / f".export-{uuid.uuid4()}.acpkg")
    manifest = read_manifest(result.path)
    files = [(f.path, f.sha256) for f in manifest.files]
    last = session.scalar(
        sa.select(OutboxItem)
        .where(OutboxItem.project_id == project_id, OutboxItem.discipline == (discipline or ""),
               OutboxItem.hub_url == hub_url, OutboxItem.state != OutboxState.FAILED_PERMANENT)
        .order_by(OutboxItem.created_at.desc()).limit(1)
    )
    if last is not None and last.content_sha256 == outbox.content_sha256(files):
        result.path.unlink(missing_ok=True)
        session.rollback()  # whatever the export noted is not needed: nothing leaves
        if not sent_rows.known(session, last.package_id):  # sent before its rows were kept: the same rows
            sent_rows.remember(session, last.package_id, result.row_hashes)
            session.commit()
        return None
    sent_rows.remember(session, result.package_id, result.row_hashes)  # committed with the outbox row
    outbox.enqueue(session, folder, source=result.path, package_id=result.package_id, project_id=project_id,
                   discipline=discipline or "", manifest_sha256=result.manifest_sha256, files=files,
                   hub_url=hub_url)
    return result.package_id


def pull(session: Session, folder: DataFolder, hub_url: str, token: str, *, task: Progress | None = None,
         client: HubClient | None = None) -> tuple[PullReport, Changes]:
    """Download the packages of the jurisdiction not sent by this account and import them. The hub has
    checked each sender's account and key; the import checks everything again before it changes anything."""
    from acceptance_app.services.exchange.packages import import_package

    state = session.get(HubPull, hub_url) or HubPull(hub_url=hub_url, cursor=0, last_error="")
    session.add(state)
    report, changes = PullReport(cursor=state.cursor), Changes(sync_state=True)
    inbox = folder.root / "inbox"
    with client or HubClient(hub_url, token) as hub:
        while True:
            page = hub.list_packages(after=state.cursor)
            entries = page["packages"]
            if not entries:
                break
            for done, entry in enumerate(entries):
                if task is not None and task.cancelled():
                    session.commit()
                    raise KnownError("sync.cancelled")
                if task is not None:
                    task.progress(done, len(entries), entry["package_id"])
                changes |= _pull_one(session, folder, hub, entry, inbox, report, import_package)
                state.cursor = entry["seq"]
                session.commit()
    state.pulled_at, state.last_error = datetime.now(UTC), "; ".join(f"{p}: {c}" for p, c in report.failed)
    session.commit()
    report.cursor = state.cursor
    return report, changes


def _pull_one(session: Session, folder: DataFolder, hub: HubClient, entry: dict, inbox: Path,
              report: PullReport, import_package: Callable) -> Changes:
    package_id = entry["package_id"]
    if session.scalar(sa.select(ExchangeImport.id).where(ExchangeImport.package_id == package_id)):
        report.already_imported.append(package_id)
        return Changes()
    path = hub.download(package_id, entry["sha256"], inbox / f"{package_id}.acpkg")
    try:
        imported, changes = import_package(session, folder, path, trust_new_key=True)
        session.commit()
    except KnownError as error:
        session.rollback()
        report.failed.append((package_id, error.code))
        return Changes()
    finally:
        path.unlink(missing_ok=True)
    (report.already_imported if imported.already_imported else report.imported).append(package_id)
    return changes


def sync_status(session: Session, project_id: uuid.UUID | None = None) -> SyncStatus:
    query = sa.select(OutboxItem)
    if project_id is not None:
        query = query.where(OutboxItem.project_id == project_id)
    items = list(session.scalars(query.order_by(OutboxItem.created_at)))
    sent = [i for i in items if i.state is OutboxState.SENT]
    last = max(sent, key=lambda i: i.sent_at or i.created_at) if sent else None
    errors = [i.last_error for i in items if i.last_error and i.state is not OutboxState.SENT]
    last_pull = session.scalar(sa.select(sa.func.max(HubPull.pulled_at)))
    return SyncStatus(
        last_sent_at=last.sent_at if last else None, last_sent_package=last.package_id if last else None,
        pending=sum(i.state in (OutboxState.PENDING, OutboxState.UPLOADING) for i in items),
        failed=sum(i.state is OutboxState.FAILED_PERMANENT for i in items),
        last_error=errors[-1] if errors else "", last_pull_at=last_pull,
    )


__all__ = ["PullReport", "PushReport", "SyncStatus", "Unreachable", "login", "pull", "push", "sync_status"]
