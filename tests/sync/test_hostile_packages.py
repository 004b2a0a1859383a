"""Hostile or broken packages are refused with a clear message, and the data folder stays byte for byte."""

from __future__ import annotations

import hashlib
import json
import stat
import uuid
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from acceptance_app.domain.problems import KnownError
from acceptance_app.services.exchange import packages as exchange
from acceptance_app.storage.db import Database
from acceptance_app.sync.keys import device_key
from acceptance_app.sync.package import verify_package
from acceptance_app.sync.package_limits import PackageLimits
from acceptance_app.text import describe_error
from tests.sync.helpers import export, folder_state

Entries = dict[str, bytes]
MERGE_REFUSALS = {"exchange.missing_parent", "exchange.out_of_scope", "exchange.photo_rejected",  # noqa: RUF012
                  "exchange.unsafe_document_path", "exchange.field_invalid"}


@pytest.fixture
def package(database: Database, demo_project: uuid.UUID, tmp_path: Path) -> Path:
    return export(database, demo_project, tmp_path / "good.acpkg").path


def _entries(path: Path) -> Entries:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _write(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name some cases write on purpose
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for info, data in entries:
                archive.writestr(info, data)
    return path


def _resigned(database: Database, entries: Entries, change: Callable[[dict[str, Any], Entries], None]) -> Entries:
    """Apply a change to the manifest and entries, fix up the listed hashes and sizes, sign again: the package
    is then wrong only in the way the test means."""
    manifest = json.loads(entries["manifest.json"])
    change(manifest, entries)
    for item in manifest["files"]:
        if item["path"] in entries:
            item["sha256"] = hashlib.sha256(entries[item["path"]]).hexdigest()
            item["size"] = len(entries[item["path"]])
    raw = json.dumps(manifest, ensure_ascii=False).encode()
    entries["manifest.json"] = raw
    entries["manifest.sig"] = device_key(database.folder).private.sign(raw)
    return entries


def _records_change(edit: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any], Entries], None]:
    def change(_manifest: dict[str, Any], entries: Entries) -> None:
        records = json.loads(entries["payload/records.json"])
        edit(records)
        entries["payload/records.json"] = json.dumps(records).encode()
    return change


def _first_photo(entries: Entries) -> str:
    return next(name for name in entries if name.startswith("photos/"))


def _symlink(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def _set(key: str, value: Any) -> Callable[[dict[str, Any], Entries], None]:
    return lambda manifest, _entries: manifest.__setitem__(key, value)


CASES: dict[str, tuple[str, Callable[[Database, Entries, Path], Path]]] = {}


def case(name: str, code: str):  # type: ignore[no-untyped-def]
    def register(make: Callable[[Database, Entries, Path], Path]) -> Callable[[Database, Entries, Path], Path]:
        CASES[name] = (code, make)
        return make
    return register


def _plain(entries: Entries, out: Path) -> Path:
    return _write(out, list(entries.items()))


@case("not a zip", "exchange.not_a_package")
def _not_zip(db, entries, out):
    out.write_bytes(b"PK\x03\x04 this is not really a zip" * 10)
    return out


@case("unknown version", "exchange.unsupported_version")
def _version(db, entries, out):
    return _plain(_resigned(db, entries, _set("version", 2)), out)


@case("unknown format", "exchange.unknown_format")
def _format(db, entries, out):
    return _plain(_resigned(db, entries, _set("format", "odk-submission")), out)


@case("malformed manifest", "exchange.malformed_json")
def _bad_manifest(db, entries, out):
    entries["manifest.json"] = b'{"format": "acceptance-exchange", "version": 1,'
    entries["manifest.sig"] = device_key(db.folder).private.sign(entries["manifest.json"])
    return _plain(entries, out)


@case("manifest field of the wrong type", "exchange.manifest_invalid")
def _bad_field(db, entries, out):
    return _plain(_resigned(db, entries, lambda m, e: m["sender"].__setitem__("department", "police")), out)


@case("malformed records", "exchange.malformed_json")
def _bad_records(db, entries, out):
    return _plain(_resigned(db, entries, lambda m, e: e.__setitem__("payload/records.json", b"[{")), out)


@case("records of an unknown table", "exchange.records_unknown_table")
def _unknown_table(db, entries, out):
    return _plain(_resigned(db, entries, _records_change(lambda r: r["tables"].__setitem__("local_meta", []))), out)


@case("records with an unknown column", "exchange.records_unknown_column")
def _unknown_column(db, entries, out):
    return _plain(_resigned(db, entries, _records_change(lambda r: r["tables"]["units"][0].__setitem__("x", 1))), out)


@case("records with a value of the wrong type", "exchange.records_bad_value")
def _bad_value(db, entries, out):
    edit = _records_change(lambda r: r["tables"]["answers"][0].__setitem__("round", "one"))
    return _plain(_resigned(db, entries, edit), out)


@case("records with a missing column", "exchange.records_missing_column")
def _missing_column(db, entries, out):
    return _plain(_resigned(db, entries, _records_change(lambda r: r["tables"]["projects"][0].pop("name"))), out)


@case("a record whose parent is nowhere", "exchange.missing_parent")
def _orphan(db, entries, out):
    def edit(records: dict[str, Any]) -> None:
        records["tables"]["answers"][0]["inspection_id"] = str(uuid.uuid4())
        records["tables"]["answers"][0]["id"] = str(uuid.uuid4())  # a new row, so it is inserted
    return _plain(_resigned(db, entries, _records_change(edit)), out)


@case("a record of another project", "exchange.out_of_scope")
def _other_project(db, entries, out):
    edit = _records_change(lambda r: r["tables"]["parties"][0].__setitem__("project_id", str(uuid.uuid4())))
    return _plain(_resigned(db, entries, edit), out)


@case("a photo that is no picture", "exchange.photo_rejected")
def _not_a_picture(db, entries, out):
    garbage = b"not a jpeg at all" * 100
    sha = hashlib.sha256(garbage).hexdigest()

    def change(manifest: dict[str, Any], entries: Entries) -> None:
        records = json.loads(entries["payload/records.json"])
        photo = dict(records["tables"]["photos"][0], id=str(uuid.uuid4()), sha256=sha)
        records["tables"]["photos"].append(photo)
        entries["payload/records.json"] = json.dumps(records).encode()
        entries[f"photos/{sha}"] = garbage
        manifest["files"].append({"path": f"photos/{sha}", "sha256": sha, "size": len(garbage)})
    return _plain(_resigned(db, entries, change), out)


@case("a document written outside the documents folder", "exchange.unsafe_document_path")
def _document_outside(db, entries, out):
    pdf = b"%PDF-1.7\n%fake\n"
    sha = hashlib.sha256(pdf).hexdigest()

    def change(manifest: dict[str, Any], entries: Entries) -> None:
        records = json.loads(entries["payload/records.json"])
        project = records["tables"]["projects"][0]
        records["tables"]["documents"] = [{
            "id": str(uuid.uuid4()), "type": "opinion", "project_id": project["id"], "unit_id": None, "scope": "",
            "number": "济联验〔2026〕901号", "series": "济联验", "version": 1, "state": "signed", "file_path": "documents/../../evil.pdf",
            "file_sha256": sha, "inputs_sha256": sha, "manifest_sha256": sha, "form_versions": "",
            "supersedes_id": None, "issued_at": project["created_at"], "created_at": project["created_at"],
            "updated_at": project["created_at"], "origin_device": "X"}]
        entries["payload/records.json"] = json.dumps(records).encode()
        entries[f"documents/{sha}.pdf"] = pdf
        manifest["files"].append({"path": f"documents/{sha}.pdf", "sha256": sha, "size": len(pdf)})
    return _plain(_resigned(db, entries, change), out)


@case("a listed file missing", "exchange.entry_missing")
def _missing(db, entries, out):
    del entries[_first_photo(entries)]
    return _plain(entries, out)


@case("signature missing", "exchange.entry_missing")
def _no_signature(db, entries, out):
    del entries["manifest.sig"]
    return _plain(entries, out)


@case("an entry the manifest does not list", "exchange.unexpected_entry")
def _extra(db, entries, out):
    entries["photos/" + "0" * 64] = b"extra"
    return _plain(entries, out)


@case("a duplicate entry", "exchange.duplicate_entry")
def _duplicate(db, entries, out):
    photo = _first_photo(entries)
    return _write(out, [*entries.items(), (photo, b"second copy")])


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/passwd", "photos\\..\\evil", "C:/evil.txt", "photos/./x"])
def test_a_path_outside_the_package_is_refused(name, database, package, tmp_path):
    entries = _entries(package)
    _assert_refused(database, _write(tmp_path / "bad.acpkg", [*entries.items(), (name, b"x")]), "exchange.unsafe_path")


@case("a symbolic link entry", "exchange.symlink_entry")
def _link(db, entries, out):
    return _write(out, [*entries.items(), (_symlink("photos/link"), b"/etc/passwd")])


@case("a hash that does not match", "exchange.hash_mismatch")
def _hash(db, entries, out):
    photo = _first_photo(entries)
    entries[photo] = bytes([entries[photo][0] ^ 1]) + entries[photo][1:]
    return _plain(entries, out)


@case("a manifest changed after signing", "exchange.bad_signature")
def _tampered(db, entries, out):
    raw = entries["manifest.json"]
    entries["manifest.json"] = raw.replace(b'"department": "housing"', b'"department": "planning"')
    assert entries["manifest.json"] != raw
    return _plain(entries, out)


@case("a signature by another key", "exchange.bad_signature")
def _other_key(db, entries, out):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    entries["manifest.sig"] = Ed25519PrivateKey.generate().sign(entries["manifest.json"])
    return _plain(entries, out)


@case("a zip bomb (highly compressed entry)", "exchange.suspicious_compression")
def _bomb(db, entries, out):
    return _plain(_resigned(db, entries, lambda m, e: e.__setitem__("payload/records.json", b" " * (30 * 1024 * 1024))),
                  out)


@case("an entry larger than it declares", "exchange.entry_corrupt")
def _lying(db, entries, out):
    """The manifest, the local header and the central directory all claim 100 bytes fewer than the entry
    really holds: only reading finds out (and stops there)."""
    photo = _first_photo(entries)
    manifest = json.loads(entries["manifest.json"])
    next(f for f in manifest["files"] if f["path"] == photo)["size"] -= 100
    entries["manifest.json"] = json.dumps(manifest).encode()
    entries["manifest.sig"] = device_key(db.folder).private.sign(entries["manifest.json"])
    _plain(entries, out)
    with zipfile.ZipFile(out) as archive:
        info = archive.getinfo(photo)
    data = bytearray(out.read_bytes())
    real, fake = (n.to_bytes(4, "little") for n in (info.file_size, info.file_size - 100))
    local = info.header_offset + 22  # uncompressed size in the local file header
    assert data[local:local + 4] == real
    data[local:local + 4] = fake
    central = data.find(b"PK\x01\x02" + data[info.header_offset + 4:info.header_offset + 6])
    while data[central + 46:central + 46 + len(photo)] != photo.encode():
        central = data.find(b"PK\x01\x02", central + 4)
    data[central + 24:central + 28] = fake  # uncompressed size in the central directory
    out.write_bytes(bytes(data))
    return out


DEEP = b"[" * 5000 + b"0" + b"]" * 5000  # json.dumps cannot even write this: spliced in as text


def _spliced(db: Database, entries: Entries, entry: str) -> Entries:
    """Replace the placeholder string in ``entry`` by DEEP, fix its hash and size, and sign again."""
    entries[entry] = entries[entry].replace(b'"__DEEP__"', DEEP)
    manifest = entries["manifest.json"]
    if entry != "manifest.json":
        data = json.loads(manifest)
        for item in data["files"]:
            if item["path"] == entry:
                item["sha256"], item["size"] = hashlib.sha256(entries[entry]).hexdigest(), len(entries[entry])
        manifest = json.dumps(data, ensure_ascii=False).encode()
    entries["manifest.json"] = manifest
    entries["manifest.sig"] = device_key(db.folder).private.sign(manifest)
    return entries


@case("a manifest nested thousands deep", "exchange.json_too_deep")
def _deep_manifest(db, entries, out):
    entries = _resigned(db, entries, lambda manifest, _e: manifest["keys"].__setitem__("units", "__DEEP__"))
    return _plain(_spliced(db, entries, "manifest.json"), out)


@case("records nested thousands deep", "exchange.json_too_deep")
def _deep_records(db, entries, out):
    entries = _resigned(db, entries, _records_change(lambda r: r.__setitem__("bases", "__DEEP__")))
    return _plain(_spliced(db, entries, "payload/records.json"), out)


@case("a folder entry", "exchange.directory_entry")
def _folder(db, entries, out):
    return _write(out, [*entries.items(), (zipfile.ZipInfo("photos/"), b"")])


@case("a unit with a NaN area", "exchange.field_invalid")
def _nan_area(db, entries, out):
    return _plain(_resigned(db, entries, _records_change(
        lambda r: r["tables"]["units"][0].__setitem__("area_above", float("nan")))), out)


@case("a unit with a control character in its name", "exchange.field_invalid")
def _control_name(db, entries, out):
    return _plain(_resigned(db, entries, _records_change(
        lambda r: r["tables"]["units"][0].__setitem__("name", "1#楼\u0000"))), out)


@case("an answer's samples nested 40 deep", "exchange.json_too_deep")
def _deep_samples(db, entries, out):
    def edit(records: dict[str, Any]) -> None:
        value: Any = [0.35]
        for _ in range(40):
            value = [value]
        records["tables"]["answers"][0]["samples"] = value
    return _plain(_resigned(db, entries, _records_change(edit)), out)


@case("a manifest naming a unit without its keys", "exchange.manifest_invalid")
def _bad_units(db, entries, out):
    return _plain(_resigned(db, entries, lambda manifest, _e: manifest["keys"]["units"].append({"name": "x"})), out)


@case("a sender region that is not 6 digits", "exchange.manifest_invalid")
def _bad_region(db, entries, out):
    return _plain(_resigned(db, entries, lambda manifest, _e: manifest["sender"].__setitem__("jurisdiction",
                                                                                          "37a1")), out)


@case("a good new photo, then one that is no picture", "exchange.photo_rejected")
def _good_then_bad_photo(db, entries, out):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(buffer, "JPEG")
    good, garbage = buffer.getvalue(), b"\x00not a jpeg" * 200
    while hashlib.sha256(garbage).digest() < hashlib.sha256(good).digest():
        garbage += b"\x01"  # files are stored in hash order: the good one must be stored first
    shas = [hashlib.sha256(data).hexdigest() for data in (good, garbage)]

    def change(manifest: dict[str, Any], entries: Entries) -> None:
        records = json.loads(entries["payload/records.json"])
        for data, sha in zip((good, garbage), shas, strict=True):
            photo = dict(records["tables"]["photos"][0], id=str(uuid.uuid4()), sha256=sha, mime="image/jpeg")
            records["tables"]["photos"].append(photo)
            entries[f"photos/{sha}"] = data
            manifest["files"].append({"path": f"photos/{sha}", "sha256": sha, "size": len(data)})
        entries["payload/records.json"] = json.dumps(records).encode()
    return _plain(_resigned(db, entries, change), out)


@pytest.mark.parametrize("name", list(CASES))
def test_a_broken_package_is_refused_and_nothing_changes(name, database, package, tmp_path):
    code, make = CASES[name]
    bad = make(database, _entries(package), tmp_path / "bad.acpkg")
    _assert_refused(database, bad, code)


@pytest.mark.parametrize(("limits", "code"), [
    (PackageLimits(max_entries=3), "exchange.too_many_entries"),
    (PackageLimits(max_entry_bytes=1000), "exchange.entry_too_large"),
    (PackageLimits(max_total_bytes=10_000), "exchange.package_too_large"),
])
def test_packages_over_the_limits_are_refused(limits, code, database, package):
    _assert_refused(database, package, code, limits=limits)


def _assert_refused(database: Database, path: Path, codes: str | set[str], limits: PackageLimits | None = None) -> None:
    codes = {codes} if isinstance(codes, str) else codes
    before = folder_state(database.folder)
    with pytest.raises(KnownError) as info, database.session() as s, s.begin():
        kwargs = {"limits": limits} if limits else {}
        exchange.import_package(s, database.folder, path, trust_new_key=True, **kwargs)
    assert info.value.code in codes
    text = describe_error(info.value)
    assert not text.startswith(("Error:", "错误")), text  # a message of its own, not the bare code
    assert folder_state(database.folder) == before
    if not limits and not codes & MERGE_REFUSALS:  # these pass the package checks and stop at the merge
        with pytest.raises(KnownError):
            verify_package(path)

