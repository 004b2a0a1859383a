"""The files that travel with the records: photo originals and signed-document PDFs, and the registration
records (the 不动产登记 side of 验登合一: what the registry needs of each unit, docs/EXCHANGE-FORMAT.md) of the units whose signed opinion a package carries.

On import everything is checked before the first write (a document path outside the documents folder, an
existing file with other content, a file the package lacks); the writes come last and are atomic. A photo is
stored through the photo store's own ``ingest``, which hashes the bytes again and makes the display copy
and the thumbnail.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.enums import Verdict
from acceptance_app.domain.problems import KnownError
from acceptance_app.fileio import atomic_writer
from acceptance_app.services.checklists import verdicts
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.models import Project, Unit
from acceptance_app.storage.photo_layout import PhotoStore, Rejection
from acceptance_app.storage.photo_store import ingest
from acceptance_app.sync.package import VerifiedPackage

OPINION_TITLE = "联合验收意见书"


# Export -----------------------------------------------------------------------------------------------------
def document_package_path(sha256: str) -> str:
    return f"documents/{sha256}.pdf"


def export_files(folder: DataFolder, records: dict[str, list[dict[str, Any]]]) -> list[tuple[str, Path]]:
    """(package path, source) of every photo original and document file the records name and the data
    folder holds. A file the folder lacks is left out; the receiver refuses the package if it needs it."""
    store = PhotoStore(folder.photos)
    files: dict[str, Path] = {}
    for photo in records.get("photos", []):
        source = store.original_path(photo["sha256"], photo["mime"])
        if source.exists():
            files[f"photos/{photo['sha256']}"] = source
    for name in ("documents", "document_signatures"):
        for row in records.get(name, []):
            source = folder.root / row["file_path"]
            if source.exists():
                files[document_package_path(row["file_sha256"])] = source
    return sorted(files.items())


def registration_records(session: Session, folder: DataFolder,
                         records: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """One record per accepted (合格) unit of each signed opinion in the package, with the signed file; only
    the records the hub will accept: the signed file verifies and says what the record says (a unit that
    passed under an opinion whose joint conclusion is 不合格 is not registered)."""
    from acceptance_app.services.hub_opinions import opinion_reader
    from acceptance_app.sync.registration_match import mismatch

    read = opinion_reader()
    out: list[dict[str, Any]] = []
    signatures = records.get("document_signatures", [])
    for doc in records.get("documents", []):
        own = sorted((s for s in signatures if s["document_id"] == doc["id"]), key=lambda s: s["signed_at"])
        path, sha = (own[-1]["file_path"], own[-1]["file_sha256"]) if own else (doc["file_path"], doc["file_sha256"])
        signed = folder.root / path
        facts = read(signed.read_bytes()) if signed.exists() else None
        if facts is None or facts.problems:
            continue
        project = session.get(Project, doc["project_id"])
        units = ([session.get(Unit, doc["unit_id"])] if doc["unit_id"] else
                 list(session.scalars(sa.select(Unit).where(Unit.project_id == doc["project_id"]))))
        for unit in units:
            if project is None or unit is None:
                continue
            result = verdicts.unit_verdict(session, unit.id).joint.verdict
            if result is not Verdict.PASSED:
                continue
            record = {
                "project_code": project.project_code, "engineering_code": project.engineering_code,
                "opinion_number": doc["number"], "opinion_title": OPINION_TITLE,
                "opinion_date": doc["issued_at"].date().isoformat() if doc["issued_at"] else None,
                "unit_id": str(unit.id), "unit_name": unit.name, "unit_result": result.value,
                "real_estate_unit_code": unit.real_estate_unit_code, "building_no": unit.building_no,
                "unit_code": unit.unit_code, "area_above": unit.area_above, "area_below": unit.area_below,
                "document_path": document_package_path(sha), "document_sha256": sha,
            }
            if not mismatch(record, facts.text):
                out.append(record)
    return out


# Import -----------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FilePlan:
    photos: tuple[tuple[str, str], ...]  # (sha256, mime) to store
    documents: tuple[tuple[str, str], ...]  # (data-folder relative path, sha256) to write
    owners: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # file -> (table, row key)

    def kept(self, present: dict[str, set[str]]) -> FilePlan:
        """Only the files of rows the merge stored: a row skipped as not the sender's brings no file."""
        def stored(path: str) -> bool:
            return any(key in present.get(table, set()) for table, key in self.owners.get(path, ()))

        return FilePlan(tuple(p for p in self.photos if stored(f"photos/{p[0]}")),
                        tuple(d for d in self.documents if stored(d[0])), self.owners)


def _safe_document_path(row: dict[str, Any], name: str) -> str:
    path = row["file_path"]
    pure = PurePosixPath(path)
    if ("\\" in path or pure.is_absolute() or ":" in path or not pure.parts or pure.parts[0] != "documents"
            or any(p in ("", ".", "..") for p in pure.parts) or pure.suffix.lower() != ".pdf"):
        raise KnownError("exchange.unsafe_document_path", row=str(row["id"]), path=path, table=name)
    return path


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def plan_files(folder: DataFolder, package: VerifiedPackage) -> FilePlan:
    """What the import will write, checked in full before anything is written."""
    listed = {f.path for f in package.manifest.files}
    store = PhotoStore(folder.photos)
    photos = []
    owners: dict[str, list[tuple[str, str]]] = {}
    for row in package.records.get("photos", []):
        owners.setdefault(f"photos/{row['sha256']}", []).append(("photos", str(row["id"])))
        if store.original_path(row["sha256"], row["mime"]).exists():
            continue
        if f"photos/{row['sha256']}" not in listed:
            raise KnownError("exchange.file_missing", sha256=row["sha256"], row=str(row["id"]), table="photos")
        photos.append((row["sha256"], row["mime"]))
    documents: dict[str, str] = {}
    for name in ("documents", "document_signatures"):
        for row in package.records.get(name, []):
            path = _safe_document_path(row, name)
            owners.setdefault(path, []).append((name, str(row["id"])))
            target = folder.root / path
            if target.exists():
                if _sha256_file(target) != row["file_sha256"]:
                    raise KnownError("exchange.document_file_clash", path=str(target))
                continue
            if document_package_path(row["file_sha256"]) not in listed:
                raise KnownError("exchange.file_missing", sha256=row["file_sha256"], row=str(row["id"]), table=name)
            documents[path] = row["file_sha256"]
    return FilePlan(tuple(sorted(set(photos))), tuple(sorted(documents.items())),
                    {path: tuple(rows) for path, rows in owners.items()})


def _entry(package: VerifiedPackage, path: str):
    return package.open_file(next(f for f in package.manifest.files if f.path == path))


def write_files(folder: DataFolder, package: VerifiedPackage, plan: FilePlan) -> list[Path]:
    """Store the planned files; returns the document files written. On any failure every file this import
    stored is removed again (a refused package leaves nothing behind)."""
    written: list[Path] = []
    store = PhotoStore(folder.photos)
    try:
        with tempfile.TemporaryDirectory(prefix="acceptance-import-") as staging:
            for sha256, mime in plan.photos:
                source = Path(staging, uuid.uuid4().hex)
                with _entry(package, f"photos/{sha256}") as src, open(source, "wb") as dst:
                    shutil.copyfileobj(src, dst)
                written += store.paths(sha256, mime)  # none existed: plan_files checked
                stored = ingest(str(source), str(folder.photos))  # hashes the bytes again and makes the copies
                if isinstance(stored, Rejection) or stored.sha256 != sha256:
                    reason = stored.reason if isinstance(stored, Rejection) else "hash"
                    raise KnownError("exchange.photo_rejected", sha256=sha256, reason=reason)
        for relative, sha256 in plan.documents:
            target = folder.root / relative
            digest = hashlib.sha256()
            with _entry(package, document_package_path(sha256)) as src, atomic_writer(target) as dst:
                while chunk := src.read(1024 * 1024):
                    digest.update(chunk)
                    dst.write(chunk)
                if digest.hexdigest() != sha256:
                    raise KnownError("exchange.hash_mismatch", entry=document_package_path(sha256),
                                     expected=sha256, actual=digest.hexdigest())
            written.append(target)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return [path for path in written if path.suffix == ".pdf"]
