"""Exchange packages between laptops: export a project (or one discipline's results), import one.

``import_package`` verifies the whole package first (sync.package), refuses an unknown sender key unless the
user trusts it, then merges in the caller's ONE transaction (sync.merge) and writes the photos and
documents last; a package already imported (by its id) changes nothing. The caller commits:
``with db.session() as s, s.begin(): import_package(s, folder, path)``.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.enums import DEPARTMENT_OF, Department, Discipline
from acceptance_app.domain.problems import KnownError
from acceptance_app.services.changes import Changes
from acceptance_app.services.common import get_or_raise
from acceptance_app.services.exchange.files import export_files, plan_files, registration_records, write_files
from acceptance_app.services.exchange.sent_rows import hashes_of
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.models import ExchangeImport, ExchangePeer, LocalMeta, Project, SyncRowVersion
from acceptance_app.sync.keys import KEY_FILE, device_key, fingerprint_of
from acceptance_app.sync.manifest import Manifest, Sender
from acceptance_app.sync.merge import COUNTS, merge_package
from acceptance_app.sync.ownership import LEAD
from acceptance_app.sync.package import DEFAULT_LIMITS, PackageLimits, open_verified, write_package
from acceptance_app.sync.records import encode_values, key_column

# What the UI refreshes after an import that changed these tables.
_CHANGES = {"projects": "project", "parties": "party", "units": "unit", "inspections": "inspection",
            "answers": "checklist", "findings": "finding", "finding_events": "finding", "commitments": "finding",
            "procedure_events": "report", "photos": "photo", "photo_links": "photo", "photo_annotations": "photo", "documents": "report",
            "document_signatures": "report"}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    package_id: str
    manifest_sha256: str
    counts: dict[str, int]  # rows per table, and "files"
    row_hashes: dict[str, dict[str, str]] = field(default_factory=dict)  # table -> key -> hash (sent_rows.py)


@dataclass(frozen=True)
class ImportReport:
    package_id: str
    manifest_sha256: str
    sender: dict[str, str]
    already_imported: bool
    counts: dict[str, int] = field(default_factory=dict)  # inserted, updated, unchanged, conflicts, skipped_*
    by_table: dict[str, dict[str, int]] = field(default_factory=dict)
    photos_added: int = 0
    documents_added: int = 0


@dataclass(frozen=True)
class KeyInfo:
    public_key: str
    fingerprint: str
    path: Path


def _device(session: Session) -> str:
    device = session.info.get("device_id") or ""
    if not device:
        meta = session.get(LocalMeta, "device_id")
        device = meta.value if meta else ""
    return device


def _bases(session: Session, records: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, str]]:
    """Per exported row, the content both sides agreed on last: lets the receiver see we changed it since."""
    bases: dict[str, dict[str, str]] = {}
    for name, rows in records.items():
        keys = {str(r[key_column(name)]) for r in rows}
        found = session.execute(sa.select(SyncRowVersion.entity_id, SyncRowVersion.content_hash).where(
            SyncRowVersion.entity == name))
        agreed = {k: h for k, h in found if k in keys}
        if agreed:
            bases[name] = agreed
    return bases


def export_package(
    session: Session, folder: DataFolder, project_id: uuid.UUID, *, discipline: Discipline | None = None,
    out_path: Path | None = None, department: Department | None = None, inspector: str | None = None,
) -> tuple[ExportResult, Changes]:
    from acceptance_app.services.exchange.select import select_records

    project = get_or_raise(session, Project, project_id)
    sender_department = department or (DEPARTMENT_OF[discipline] if discipline else LEAD)
    records = select_records(session, project_id, discipline, with_opinions=sender_department is LEAD)
    key = device_key(folder)
    package_id = str(uuid.uuid4())
    target = Path(out_path) if out_path else folder.root / "exports" / f"{package_id}.acpkg"
    encoded = {n: [encode_values(r) for r in rows] for n, rows in records.items()}
    payload = {"tables": encoded, "bases": _bases(session, records)}
    files = export_files(folder, records)
    units = [{"unit_id": str(u["id"]), "name": u["name"], "building_no": u["building_no"],
              "unit_code": u["unit_code"], "real_estate_unit_code": u["real_estate_unit_code"]}
             for u in records.get("units", [])]
    manifest = write_package(
        target, package_id=package_id, created_at=datetime.now(UTC).isoformat(),
        sender=Sender(_device(session), inspector if inspector is not None else session.info.get("actor", ""),
                      sender_department.value, project.region_code, key.public_b64),
        scope={"project_id": str(project_id), "discipline": discipline.value if discipline else None},
        keys={"project_code": project.project_code, "engineering_code": project.engineering_code, "units": units},
        records=json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
        files=files, registration=registration_records(session, folder, records), private_key=key.private,
    )
    counts = {n: len(rows) for n, rows in records.items()} | {"files": len(files)}
    return ExportResult(target, package_id, manifest.manifest_sha256, counts, hashes_of(encoded)), Changes()


def _check_sender(session: Session, folder: DataFolder, sender: Sender, trust_new_key: bool) -> None:
    if (folder.root / KEY_FILE).exists() and sender.public_key == device_key(folder).public_b64:
        return  # our own package, e.g. a re-import of an export
    peer = session.scalar(sa.select(ExchangePeer).where(ExchangePeer.public_key == sender.public_key))
    if peer is not None and peer.trusted and peer.department and peer.department != sender.department:
        # A key is trusted for the department it came with: it cannot take another's rights (the lead's above all).
        if not trust_new_key:
            raise KnownError("exchange.sender_department_changed", fingerprint=peer.fingerprint,
                             was=peer.department, now=sender.department)
    elif peer is not None and peer.trusted:
        return
    if not trust_new_key:
        code = "exchange.sender_not_trusted" if peer is not None else "exchange.unknown_sender"
        raise KnownError(code, fingerprint=fingerprint_of(sender.public_key), inspector=sender.inspector,
                         department=sender.department)
    if peer is None:
        peer = ExchangePeer(public_key=sender.public_key, fingerprint=fingerprint_of(sender.public_key))
        session.add(peer)
    peer.device, peer.inspector, peer.department, peer.trusted = (
        sender.device, sender.inspector, sender.department, True)


def import_package(
    session: Session, folder: DataFolder, path: Path | str, *, trust_new_key: bool = False,
    limits: PackageLimits = DEFAULT_LIMITS,
) -> tuple[ImportReport, Changes]:
    def check_sender(manifest: Manifest) -> None:
        # Before the records are decoded: an unknown sender's package costs no more than its manifest.
        done = session.scalar(sa.select(ExchangeImport.id).where(ExchangeImport.package_id == manifest.package_id))
        if done is None:
            _check_sender(session, folder, manifest.sender, trust_new_key)

    package = open_verified(path, limits=limits, sender_check=check_sender)  # raises before anything changes
    manifest = package.manifest
    sender = {k: getattr(manifest.sender, k) for k in ("device", "inspector", "department", "public_key")}
    done = session.scalar(sa.select(ExchangeImport).where(ExchangeImport.package_id == manifest.package_id))
    if done is not None:
        return ImportReport(manifest.package_id, manifest.manifest_sha256, sender, True, dict(done.counts)), Changes()
    plan = plan_files(folder, package)
    outcome = merge_package(session, package, device=_device(session), actor=session.info.get("actor", ""))
    counts = {k: outcome.counts.get(k, 0) for k in COUNTS}
    session.add(ExchangeImport(
        package_id=manifest.package_id, manifest_sha256=manifest.manifest_sha256, sender_device=manifest.sender.device,
        sender_inspector=manifest.sender.inspector, sender_department=manifest.sender.department,
        scope={"project_id": manifest.scope.project_id, "discipline": manifest.scope.discipline}, counts=counts,
    ))
    session.flush()
    plan = plan.kept(outcome.present)  # files follow the ownership of their rows
    written = write_files(folder, package, plan)
    if {"calendar_tables", "findings"} & set(outcome.changed_tables):
        # A holiday table came (from the office, through the hub), or findings counted elsewhere: settle the
        # deadlines counted on weekends only that can now be counted properly.
        from acceptance_app.services.calendar import refresh_deadlines

        refresh_deadlines(session)
    flags = {_CHANGES[n]: True for n in outcome.changed_tables if n in _CHANGES}
    report = ImportReport(manifest.package_id, manifest.manifest_sha256, sender, False, counts,
                          {n: dict(c) for n, c in outcome.by_table.items()}, len(plan.photos), len(written))
    return report, Changes(sync_state=True, **flags)


def device_key_info(folder: DataFolder) -> KeyInfo:
    key = device_key(folder)
    return KeyInfo(key.public_b64, key.fingerprint, key.path)


def trust_key(session: Session, key: str, *, trusted: bool = True) -> tuple[str, Changes]:
    """Trust (or stop trusting) a sender by its public key (base64) or its fingerprint; returns the fingerprint."""
    peer = session.scalar(sa.select(ExchangePeer).where(
        sa.or_(ExchangePeer.public_key == key, ExchangePeer.fingerprint == key.upper())))
    if peer is None:
        from acceptance_app.sync.keys import public_key_from_b64

        if public_key_from_b64(key) is None:
            raise KnownError("exchange.unknown_key", key=key)
        peer = ExchangePeer(public_key=key, fingerprint=fingerprint_of(key))
        session.add(peer)
    peer.trusted = trusted
    session.flush()
    return peer.fingerprint, Changes(sync_state=True)


from acceptance_app.services.exchange.conflicts import list_conflicts, resolve_conflict  # noqa: E402 - re-exported

__all__ = ["ExportResult", "ImportReport", "KeyInfo", "device_key_info", "export_package", "import_package",
           "list_conflicts", "resolve_conflict", "trust_key"]
