"""Committing an uploaded package: verify everything, check the sender's scope, record it once, answer a receipt.

Idempotent by package id: a second commit of the same bytes answers the stored receipt and stores nothing;
different bytes under a known id are refused (a package id names one content forever).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.problems import KnownError
from acceptance_app.fileio import file_sha256
from acceptance_app.hub import scope
from acceptance_app.hub.accounts import covers
from acceptance_app.hub.models import Account, Package, RegistrationRecord
from acceptance_app.hub.registration_check import OpinionReader, check_registration
from acceptance_app.hub.store import PackageStore
from acceptance_app.sync import package as exchange_package


def existing_receipt(session: Session, account: Account, package_id: str, sha256: str | None) -> dict | None:
    """The receipt of a committed package the account may see (None otherwise: another jurisdiction's package
    is as if absent); a different file (``sha256``) under its id is refused."""
    row = session.scalar(sa.select(Package).where(Package.package_id == package_id))
    if row is None or not covers(account.jurisdiction, row.jurisdiction):
        return None
    if sha256 is not None and sha256 != row.sha256:
        raise KnownError("hub.package_id_taken", package_id=package_id)
    return row.receipt


def _refuse_taken_elsewhere(session: Session, package_id: str) -> None:
    if session.scalar(sa.select(Package.seq).where(Package.package_id == package_id)) is not None:
        raise KnownError("hub.package_id_taken", package_id=package_id)


def commit(session: Session, store: PackageStore, account: Account, package_id: str,
           expected: dict[str, Any], read_opinion: OpinionReader | None = None) -> dict:
    """``expected``: the client's {size, sha256} of the file it sent; a mismatch means a damaged upload."""
    partial = store.partial(account.id, package_id)
    sha256 = expected.get("sha256") or (file_sha256(partial) if partial.exists() else None)
    receipt = existing_receipt(session, account, package_id, sha256)
    if receipt is not None:
        store.discard(account.id, package_id)
        return receipt
    _refuse_taken_elsewhere(session, package_id)  # committed under another jurisdiction, or other bytes
    if not partial.exists():
        raise KnownError("hub.nothing_uploaded", package_id=package_id)
    size, sha256 = partial.stat().st_size, file_sha256(partial)
    if ("size" in expected and expected["size"] != size) or ("sha256" in expected and expected["sha256"] != sha256):
        store.discard(account.id, package_id)  # start again from 0: the bytes here are not the client's
        raise KnownError("hub.upload_mismatch", package_id=package_id, size=size, expected=expected.get("size"))
    try:
        manifest = verify(partial)
        if str(manifest.package_id) != package_id:
            raise KnownError("hub.package_id_mismatch", url=package_id, manifest=str(manifest.package_id))
        scope.check_sender(account, manifest.sender)
        owners = scope.check_results_owned(session, account, partial)
        check_registration(account, manifest, partial, read_opinion)
    except KnownError:
        store.discard(account.id, package_id)
        raise
    if not account.public_key:  # first push: the key the account signs with from now on
        account.public_key = scope.get(manifest.sender, "public_key")
    receipt = _receipt(manifest, package_id, size, sha256)
    session.add(_package_row(account, manifest, package_id, size, sha256, receipt))
    session.flush()
    scope.remember_owners(session, owners, package_id)
    _add_registration(session, manifest, package_id)
    store.promote(account.id, package_id)
    return receipt


def verify(path: Path) -> Any:
    return exchange_package.verify_package(path, limits=exchange_package.DEFAULT_LIMITS)


def _receipt(manifest: Any, package_id: str, size: int, sha256: str) -> dict:
    return {
        "package_id": package_id,
        "manifest_sha256": manifest.manifest_sha256,
        "package_sha256": sha256,
        "size": size,
        "files": [{"path": scope.get(f, "path"), "sha256": scope.get(f, "sha256")} for f in manifest.files],
        "received_at": datetime.now(UTC).isoformat(),
        "receipt_id": str(uuid.uuid4()),
    }


def _package_row(account: Account, manifest: Any, package_id: str, size: int, sha256: str,
                 receipt: dict) -> Package:
    return Package(
        package_id=package_id, account_id=account.id,
        jurisdiction=scope.get(manifest.sender, "jurisdiction"), department=account.department,
        project_id=str(scope.get(manifest.scope, "project_id") or ""),
        discipline=str(scope.get(manifest.scope, "discipline") or ""),
        size=size, sha256=sha256, manifest_sha256=manifest.manifest_sha256, receipt=receipt,
    )


def _add_registration(session: Session, manifest: Any, package_id: str) -> None:
    jurisdiction = scope.get(manifest.sender, "jurisdiction")
    for record in manifest.registration or ():
        fields = dict(record)
        path, sha256 = document_of(fields)
        key = hashlib.sha256(json.dumps(
            [fields.get("opinion_number"), str(fields.get("unit_id")), sha256], ensure_ascii=False
        ).encode("utf-8")).hexdigest()
        if session.scalar(sa.select(RegistrationRecord.id).where(RegistrationRecord.record_key == key)):
            continue  # the same opinion for the same unit, carried again by a later package: one record
        session.add(RegistrationRecord(record_key=key, package_id=package_id, jurisdiction=jurisdiction,
                                       fields=fields, document_path=path, document_sha256=sha256))
    session.flush()


def document_of(fields: dict) -> tuple[str, str]:
    """The signed PDF of a registration record: ``document: {path, sha256}`` or flat ``document_path``."""
    document = fields.get("document")
    if isinstance(document, dict):
        return str(document.get("path", "")), str(document.get("sha256", ""))
    return str(fields.get("document_path", "")), str(fields.get("document_sha256", ""))
