"""Exchange packages: write one, and read + verify one before anything is changed.

A package is a zip: ``manifest.json``, ``manifest.sig`` (the sender's Ed25519 signature of the manifest's exact
bytes) and every file the manifest lists, nothing else (docs/EXCHANGE-FORMAT.md). ``verify_package`` checks
the container (entry count, names, sizes, compression ratio), the manifest, the signature, every hash and the
records, and raises ``KnownError("exchange.<reason>", entry=...)`` at the first fault. It only reads.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from acceptance_app.domain.problems import KnownError
from acceptance_app.fileio import atomic_writer
from acceptance_app.sync import bounded_json
from acceptance_app.sync.keys import public_key_from_b64
from acceptance_app.sync.manifest import (
    FORMAT,
    MANIFEST_PATH,
    RECORDS_PATH,
    SIGNATURE_PATH,
    VERSION,
    FileEntry,
    Manifest,
    Sender,
    parse_manifest,
)
from acceptance_app.sync.package_limits import DEFAULT_LIMITS, PackageLimits
from acceptance_app.sync.records import decode_records

__all__ = ["DEFAULT_LIMITS", "Manifest", "PackageLimits", "VerifiedPackage", "open_verified", "read_manifest",
           "verify_package", "write_package"]
CHUNK = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")


# Reading ----------------------------------------------------------------------------------------------------
def _check_name(info: zipfile.ZipInfo) -> None:
    name = info.filename
    if info.is_dir():  # "photos/": a folder, not a path outside the package
        raise KnownError("exchange.directory_entry", entry=name)
    parts = name.split("/")
    if ("\\" in name or name.startswith("/") or _DRIVE.match(name) or "\x00" in name
            or any(p in ("", ".", "..") for p in parts)):
        raise KnownError("exchange.unsafe_path", entry=name)
    if stat.S_ISLNK(info.external_attr >> 16):
        raise KnownError("exchange.symlink_entry", entry=name)


def _check_container(archive: zipfile.ZipFile, limits: PackageLimits) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        raise KnownError("exchange.too_many_entries", count=len(infos), limit=limits.max_entries)
    entries: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        _check_name(info)
        if info.filename in entries:
            raise KnownError("exchange.duplicate_entry", entry=info.filename)
        entries[info.filename] = info
        limit = {MANIFEST_PATH: limits.max_manifest_bytes, SIGNATURE_PATH: 64,
                 RECORDS_PATH: limits.max_records_bytes}.get(info.filename, limits.max_entry_bytes)
        if info.file_size > limit:
            raise KnownError("exchange.entry_too_large", entry=info.filename, size=info.file_size, limit=limit)
        total += info.file_size
        if total > limits.max_total_bytes:
            raise KnownError("exchange.package_too_large", limit=limits.max_total_bytes)
        if info.file_size > limits.ratio_floor_bytes and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise KnownError("exchange.suspicious_compression", entry=info.filename,
                             ratio=round(info.file_size / max(info.compress_size, 1)))
    for required in (MANIFEST_PATH, SIGNATURE_PATH):
        if required not in entries:
            raise KnownError("exchange.entry_missing", entry=required)
    return entries


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The entry's bytes, stopping with an error the moment more arrive than were declared."""
    seen = 0
    try:
        with archive.open(info) as handle:
            while chunk := handle.read(CHUNK):
                seen += len(chunk)
                if seen > info.file_size:
                    raise KnownError("exchange.entry_size_mismatch", entry=info.filename, size=info.file_size)
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as error:
        raise KnownError("exchange.entry_corrupt", entry=info.filename, detail=str(error)) from None
    if seen != info.file_size:
        raise KnownError("exchange.entry_size_mismatch", entry=info.filename, size=info.file_size)


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    return b"".join(_chunks(archive, info))


@contextmanager
def _open_zip(path: Path | str) -> Iterator[zipfile.ZipFile]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise KnownError("exchange.not_a_package", path=str(path), detail=str(error)) from None
    with archive:
        yield archive


def _manifest(archive: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo]) -> Manifest:
    return parse_manifest(_read(archive, entries[MANIFEST_PATH]))


def read_manifest(path: Path | str, *, limits: PackageLimits = DEFAULT_LIMITS) -> Manifest:
    """The manifest, checked for form but not for signature or hashes (for a quick look: use verify_package)."""
    with _open_zip(path) as archive:
        return _manifest(archive, _check_container(archive, limits))


def _check_signature(manifest: Manifest, signature: bytes) -> None:
    key = public_key_from_b64(manifest.sender.public_key)
    if key is None:
        raise KnownError("exchange.manifest_invalid", entry=MANIFEST_PATH, field="sender.public_key")
    if len(signature) != 64:
        raise KnownError("exchange.bad_signature", entry=SIGNATURE_PATH)
    try:
        key.verify(signature, manifest.raw)
    except InvalidSignature:
        raise KnownError("exchange.bad_signature", entry=SIGNATURE_PATH) from None


def _check_files(archive: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo], manifest: Manifest) -> bytes:
    """Every listed file present with its size and hash, nothing else; returns records.json's bytes."""
    listed = {f.path: f for f in manifest.files}
    for name in entries:
        if name not in listed and name not in (MANIFEST_PATH, SIGNATURE_PATH):
            raise KnownError("exchange.unexpected_entry", entry=name)
    records = b""
    for entry in manifest.files:
        info = entries.get(entry.path)
        if info is None:
            raise KnownError("exchange.entry_missing", entry=entry.path)
        if info.file_size != entry.size:
            raise KnownError("exchange.entry_size_mismatch", entry=entry.path, size=entry.size)
        digest = hashlib.sha256()
        kept = []
        for chunk in _chunks(archive, info):
            digest.update(chunk)
            if entry.path == RECORDS_PATH:
                kept.append(chunk)
        if digest.hexdigest() != entry.sha256:
            raise KnownError("exchange.hash_mismatch", entry=entry.path, expected=entry.sha256,
                             actual=digest.hexdigest())
        if entry.path == RECORDS_PATH:
            records = b"".join(kept)
    return records


@dataclass(frozen=True)
class VerifiedPackage:
    path: Path
    manifest: Manifest
    records: dict[str, list[dict[str, Any]]]  # typed rows per table (sync.records.decode_records)
    bases: dict[str, dict[str, str]]  # per table and key: the content hash the sender's row was based on

    def open_file(self, entry: FileEntry) -> IO[bytes]:
        """One listed file (already verified), to copy it into the data folder."""
        archive = zipfile.ZipFile(self.path)
        return cast(IO[bytes], _ClosingEntry(archive, archive.open(entry.path)))  # read() and close(), as used


class _ClosingEntry:
    def __init__(self, archive: zipfile.ZipFile, handle: IO[bytes]) -> None:
        self._archive, self._handle = archive, handle

    def read(self, size: int = -1) -> bytes:
        return self._handle.read(size)

    def __enter__(self) -> _ClosingEntry:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()
        self._archive.close()


def open_verified(path: Path | str, *, limits: PackageLimits = DEFAULT_LIMITS,
                  sender_check: Callable[[Manifest], None] | None = None) -> VerifiedPackage:
    """Verify everything and hand back the manifest with the decoded records. ``sender_check`` runs once the
    manifest's signature holds and before any file is hashed or record decoded: an unknown sender's package
    costs no more than its manifest."""
    with _open_zip(path) as archive:
        entries = _check_container(archive, limits)
        manifest = _manifest(archive, entries)
        _check_signature(manifest, _read(archive, entries[SIGNATURE_PATH]))
        if sender_check is not None:
            sender_check(manifest)
        raw_records = _check_files(archive, entries, manifest)
    document = bounded_json.loads(raw_records, RECORDS_PATH)
    if not isinstance(document, dict):
        raise KnownError("exchange.malformed_json", entry=RECORDS_PATH, detail="not an object")
    records = decode_records(document)
    return VerifiedPackage(Path(path), manifest, records, document.get("bases", {}))


def verify_package(path: Path | str, *, limits: PackageLimits = DEFAULT_LIMITS) -> Manifest:
    return open_verified(path, limits=limits).manifest


# Writing ----------------------------------------------------------------------------------------------------
def write_package(
    out_path: Path | str,
    *,
    package_id: str,
    created_at: str,
    sender: Sender,
    scope: dict[str, Any],
    keys: dict[str, Any],
    records: bytes,
    files: list[tuple[str, Path]],
    registration: list[dict[str, Any]],
    private_key: Ed25519PrivateKey,
) -> Manifest:
    """Write the zip atomically: the payload and files first (hashed as they are copied), the signed manifest
    last. ``files`` are (package path, source file) pairs."""
    listed: list[dict[str, Any]] = []
    with atomic_writer(out_path) as handle, zipfile.ZipFile(handle, "w") as archive:
        archive.writestr(zipfile.ZipInfo(RECORDS_PATH, (2026, 1, 1, 0, 0, 0)), records, zipfile.ZIP_DEFLATED)
        listed.append({"path": RECORDS_PATH, "sha256": hashlib.sha256(records).hexdigest(), "size": len(records)})
        for name, source in files:
            digest, size = hashlib.sha256(), 0
            # Photos and PDFs are compressed already: stored, not deflated again.
            with open(source, "rb") as src, archive.open(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), "w") as dst:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    dst.write(chunk)
            listed.append({"path": name, "sha256": digest.hexdigest(), "size": size})
        manifest: dict[str, Any] = {
            "format": FORMAT, "version": VERSION, "package_id": package_id, "created_at": created_at,
            "sender": {"device": sender.device, "inspector": sender.inspector, "department": sender.department,
                       "jurisdiction": sender.jurisdiction, "public_key": sender.public_key},
            "scope": scope, "keys": keys, "files": listed,
        }
        if registration:
            manifest["registration"] = registration
        raw = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
        archive.writestr(MANIFEST_PATH, raw, zipfile.ZIP_DEFLATED)
        archive.writestr(SIGNATURE_PATH, private_key.sign(raw))
    return parse_manifest(raw)
