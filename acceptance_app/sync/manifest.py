"""The manifest of an exchange package (format "acceptance-exchange", version 1): its parts and their check.

``parse_manifest`` refuses anything it does not know, with the field it stopped at, so that a reader of a
later version's package says so instead of guessing (``exchange.unknown_format``,
``exchange.unsupported_version``, ``exchange.manifest_invalid``).
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from acceptance_app.domain.enums import Department, Discipline
from acceptance_app.domain.problems import KnownError
from acceptance_app.sync import bounded_json

FORMAT = "acceptance-exchange"
VERSION = 1
RECORDS_PATH = "payload/records.json"
MANIFEST_PATH = "manifest.json"
SIGNATURE_PATH = "manifest.sig"
_SHA256 = re.compile(r"[0-9a-f]{64}")
# Photos and documents are named by their content hash: no name from another laptop reaches a file path.
_FILE_PATH = re.compile(r"(photos/[0-9a-f]{64}|documents/[0-9a-f]{64}\.pdf)")
REGISTRATION_FIELDS = frozenset({
    "project_code", "engineering_code", "opinion_number", "opinion_title", "opinion_date", "unit_id", "unit_name",
    "unit_result", "real_estate_unit_code", "building_no", "unit_code", "area_above", "area_below",
    "document_path", "document_sha256",
})


class _Mapping:
    """Lets the parts be read as ``part.key`` and as ``part["key"]`` (the manifest's JSON names)."""

    def __getitem__(self, key: str) -> Any:
        return getattr(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key, default)


@dataclass(frozen=True)
class Sender(_Mapping):
    device: str
    inspector: str
    department: str  # a Department value
    jurisdiction: str  # the project's 6-digit region code
    public_key: str  # base64 of the raw Ed25519 public key


@dataclass(frozen=True)
class Scope(_Mapping):
    project_id: str
    discipline: str | None  # a Discipline value, None for the whole project


@dataclass(frozen=True)
class FileEntry(_Mapping):
    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    package_id: str
    created_at: str
    sender: Sender
    scope: Scope
    keys: dict[str, Any]
    files: tuple[FileEntry, ...]
    registration: tuple[dict[str, Any], ...]
    manifest_sha256: str
    raw: bytes = field(repr=False)

    def as_dict(self) -> dict[str, Any]:
        return json.loads(self.raw)


def _invalid(name: str) -> KnownError:
    return KnownError("exchange.manifest_invalid", entry=MANIFEST_PATH, field=name)


def _text(value: Any, name: str, *, allowed: set[str] | None = None, max_len: int = 200) -> str:
    if not isinstance(value, str) or len(value) > max_len or (allowed is not None and value not in allowed):
        raise _invalid(name)
    return value


def _uuid(value: Any, name: str) -> str:
    try:
        return str(uuid.UUID(_text(value, name)))
    except ValueError:
        raise _invalid(name) from None


def _object(value: Any, name: str, keys: set[str], optional: set[str] = frozenset()) -> dict[str, Any]:  # type: ignore[assignment]
    if not isinstance(value, dict) or not keys <= set(value) or set(value) - keys - optional:
        extra = sorted(set(value) - keys - optional) if isinstance(value, dict) else []
        missing = sorted(keys - set(value)) if isinstance(value, dict) else []
        raise _invalid(f"{name}.{(missing + extra)[0]}" if missing + extra else name)
    return value


def _files(value: Any) -> tuple[FileEntry, ...]:
    if not isinstance(value, list):
        raise _invalid("files")
    entries = []
    for i, raw in enumerate(value):
        item = _object(raw, f"files[{i}]", {"path", "sha256", "size"})
        path = _text(item["path"], f"files[{i}].path", max_len=300)
        sha = _text(item["sha256"], f"files[{i}].sha256", max_len=64)
        size = item["size"]
        if not _SHA256.fullmatch(sha) or not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise _invalid(f"files[{i}]")
        if path != RECORDS_PATH and not (_FILE_PATH.fullmatch(path) and sha in path):
            raise KnownError("exchange.unsafe_path", entry=path)
        entries.append(FileEntry(path, sha, size))
    paths = [e.path for e in entries]
    if len(set(paths)) != len(paths):
        raise KnownError("exchange.duplicate_entry", entry=next(p for p in paths if paths.count(p) > 1))
    if RECORDS_PATH not in paths:
        raise KnownError("exchange.entry_missing", entry=RECORDS_PATH)
    return tuple(entries)


def _region(value: Any, name: str) -> str:
    """A 6-digit administrative region code (GB/T 2260), e.g. 370112."""
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{6}", value):
        raise _invalid(name)
    return value


_UNIT_KEYS = {"unit_id", "name", "building_no", "unit_code", "real_estate_unit_code"}


def _units(value: Any) -> None:
    if not isinstance(value, list):
        raise _invalid("keys.units")
    for i, raw in enumerate(value):
        unit = _object(raw, f"keys.units[{i}]", _UNIT_KEYS)
        _uuid(unit["unit_id"], f"keys.units[{i}].unit_id")
        for key in sorted(_UNIT_KEYS - {"unit_id"}):
            if unit[key] is not None:
                _text(unit[key], f"keys.units[{i}].{key}", max_len=200)


def _registration(value: Any) -> tuple[dict[str, Any], ...]:
    if not isinstance(value, list):
        raise _invalid("registration")
    for i, record in enumerate(value):
        if not isinstance(record, dict) or set(record) - REGISTRATION_FIELDS:
            raise _invalid(f"registration[{i}]")
        if not all(v is None or isinstance(v, str | int | float) for v in record.values()):
            raise _invalid(f"registration[{i}]")
    return tuple(value)


def parse_manifest(raw: bytes) -> Manifest:
    data = bounded_json.loads(raw, MANIFEST_PATH)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else None
        raise KnownError("exchange.unknown_format", entry=MANIFEST_PATH, found=str(found))
    if data.get("version") != VERSION:
        raise KnownError("exchange.unsupported_version", entry=MANIFEST_PATH, version=str(data.get("version")),
                         supported=VERSION)
    top = {"format", "version", "package_id", "created_at", "sender", "scope", "keys", "files"}
    _object(data, "manifest", top, {"registration"})
    created = _text(data["created_at"], "created_at", max_len=40)
    try:
        if datetime.fromisoformat(created).tzinfo is None:
            raise _invalid("created_at")
    except ValueError:
        raise _invalid("created_at") from None
    s = _object(data["sender"], "sender", {"device", "inspector", "department", "jurisdiction", "public_key"})
    sender = Sender(
        _text(s["device"], "sender.device", max_len=32),
        _text(s["inspector"], "sender.inspector", max_len=100),
        _text(s["department"], "sender.department", allowed={d.value for d in Department}),
        _region(s["jurisdiction"], "sender.jurisdiction"),
        _text(s["public_key"], "sender.public_key", max_len=64),
    )
    sc = _object(data["scope"], "scope", {"project_id", "discipline"})
    discipline = sc["discipline"]
    if discipline is not None:
        _text(discipline, "scope.discipline", allowed={d.value for d in Discipline})
    keys = _object(data["keys"], "keys", {"project_code", "engineering_code", "units"})
    _text(keys["project_code"], "keys.project_code", max_len=64)
    _text(keys["engineering_code"], "keys.engineering_code", max_len=64)
    _units(keys["units"])
    return Manifest(
        package_id=_uuid(data["package_id"], "package_id"),
        created_at=created,
        sender=sender,
        scope=Scope(_uuid(sc["project_id"], "scope.project_id"), discipline),
        keys=keys,
        files=_files(data["files"]),
        registration=_registration(data.get("registration", [])),
        manifest_sha256=hashlib.sha256(raw).hexdigest(),
        raw=raw,
    )
