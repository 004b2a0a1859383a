"""Backup and restore of a whole data folder: the database, photos, documents, keys and settings in one folder.

The laptop is the only place the evidence exists until it is sent, so a backup must restore byte for byte:
- the database is copied with SQLite's online backup API (a consistent copy while the app runs; copying the
  file would miss the WAL), then hashed;
- every other file of the data folder is copied as it is, with its mode (keys stay 0600);
- ``manifest.json`` lists each file with its size and SHA-256; ``verify`` recomputes them and runs SQLite's
  integrity check, ``restore`` verifies first and writes only into an empty data folder.
A backup is written into ``NAME.partial`` and renamed when its manifest is complete, so a half-written backup
never looks like one. Not copied: the database's WAL/SHM (the copy is complete without them), ``logs/`` and
``backups/`` (the copies made before schema upgrades, which are backups themselves).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from acceptance_app.domain.problems import KnownError
from acceptance_app.fileio import atomic_write_text, file_sha256
from acceptance_app.storage.data_folder import DB_FILENAME, DataFolder

MANIFEST = "manifest.json"
FORMAT = "acceptance_app-backup/1"
SKIPPED_FOLDERS = ("logs", "backups")
SKIPPED_SUFFIXES = ("-wal", "-shm", "-journal")
LAST_BACKUP = "last-backup.json"  # in backups/: when and where the last backup was written
REMIND_AFTER = timedelta(days=7)

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class BackupEntry:
    path: str  # relative, with forward slashes
    size: int
    sha256: str


@dataclass(frozen=True)
class BackupResult:
    folder: Path
    files: int
    bytes: int
    created_at: str


@dataclass(frozen=True)
class VerifyResult:
    folder: Path
    files: int
    problems: tuple[str, ...]  # codes with the path: "missing:photos/ab.jpg", "changed:…", "integrity:…"

    @property
    def ok(self) -> bool:
        return not self.problems


def _never() -> bool:
    return False


def _quiet(_done: int, _total: int, _label: str) -> None:
    pass


def _files_to_copy(root: Path, exclude: Path | None) -> list[Path]:
    files = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if not path.is_file() or relative.parts[0] in SKIPPED_FOLDERS:
            continue
        if path.name == DB_FILENAME or path.name.startswith(DB_FILENAME) and path.name.endswith(SKIPPED_SUFFIXES):
            continue
        if exclude is not None and path.is_relative_to(exclude):
            continue
        files.append(path)
    return files


def _copy_database(source: Path, target: Path) -> None:
    """SQLite's backup API: a consistent copy of a database that may be in use (WAL included)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    finally:
        dst.close()
        src.close()


def _entry(root: Path, path: Path) -> BackupEntry:
    return BackupEntry(path.relative_to(root).as_posix(), path.stat().st_size, file_sha256(path))


def create_backup(folder: DataFolder, destination: Path, progress: Progress = _quiet,
                  cancelled: Cancelled = _never, now: datetime | None = None) -> BackupResult:
    """Write a backup of ``folder`` into a new folder inside ``destination``; returns where."""
    if not folder.database.exists():
        raise KnownError("backup.no_database", folder=str(folder.root))
    when = now or datetime.now(UTC)
    name = f"acceptance-backup-{when.strftime('%Y%m%d-%H%M%S')}"
    target = destination / name
    partial = destination / f"{name}.partial"
    if target.exists():
        raise KnownError("backup.exists", path=str(target))
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        files = _files_to_copy(folder.root, exclude=destination.resolve() if destination.resolve().is_relative_to(
            folder.root.resolve()) else None)
        total = len(files) + 1
        progress(0, total, DB_FILENAME)
        _copy_database(folder.database, partial / DB_FILENAME)
        entries = [_entry(partial, partial / DB_FILENAME)]
        for index, path in enumerate(files, start=1):
            if cancelled():
                raise KnownError("backup.cancelled")
            relative = path.relative_to(folder.root)
            progress(index, total, relative.as_posix())
            (partial / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, partial / relative)
            entries.append(_entry(partial, partial / relative))
        manifest = {"format": FORMAT, "created_at": when.isoformat(), "database": DB_FILENAME,
                    "files": [entry.__dict__ for entry in entries]}
        atomic_write_text(partial / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        os.replace(partial, target)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    progress(total, total, "")
    result = BackupResult(target, len(entries), sum(e.size for e in entries), when.isoformat())
    folder.backups.mkdir(parents=True, exist_ok=True)
    atomic_write_text(folder.backups / LAST_BACKUP, json.dumps({"at": result.created_at, "path": str(target)}))
    return result


def _read_manifest(backup: Path) -> list[BackupEntry]:
    try:
        manifest = json.loads((backup / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise KnownError("backup.no_manifest", path=str(backup)) from error
    if manifest.get("format") != FORMAT:
        raise KnownError("backup.no_manifest", path=str(backup))
    return [BackupEntry(**entry) for entry in manifest["files"]]


def verify_backup(backup: Path, progress: Progress = _quiet, cancelled: Cancelled = _never) -> VerifyResult:
    entries = _read_manifest(backup)
    problems = []
    for index, entry in enumerate(entries):
        if cancelled():
            raise KnownError("backup.cancelled")
        progress(index, len(entries), entry.path)
        path = backup / entry.path
        if not path.is_file():
            problems.append(f"missing:{entry.path}")
        elif path.stat().st_size != entry.size or file_sha256(path) != entry.sha256:
            problems.append(f"changed:{entry.path}")
    database = backup / DB_FILENAME
    if database.is_file() and not problems:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            check = connection.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            connection.close()
        if check != "ok":
            problems.append(f"integrity:{check}")
    listed = {entry.path for entry in entries} | {MANIFEST}
    problems += [f"extra:{p.relative_to(backup).as_posix()}" for p in sorted(backup.rglob("*"))
                 if p.is_file() and p.relative_to(backup).as_posix() not in listed]
    return VerifyResult(backup, len(entries), tuple(problems))


def is_empty_data_folder(root: Path) -> bool:
    """No database and no file but a settings file: nothing a restore could overwrite that matters."""
    if not root.exists():
        return True
    return not any(p.is_file() and p.name != "settings.json" for p in root.rglob("*"))


def restore_backup(backup: Path, root: Path, progress: Progress = _quiet,
                   cancelled: Cancelled = _never) -> VerifyResult:
    """Verify ``backup``, then copy it into the empty data folder ``root``; refuses a folder with data."""
    checked = verify_backup(backup, cancelled=cancelled)
    if not checked.ok:
        raise KnownError("backup.damaged", path=str(backup), problems="\n".join(checked.problems[:20]))
    if not is_empty_data_folder(root):
        raise KnownError("backup.target_not_empty", path=str(root))
    entries = _read_manifest(backup)
    root.mkdir(parents=True, exist_ok=True)
    for index, entry in enumerate(entries):
        if cancelled():
            raise KnownError("backup.cancelled")
        progress(index, len(entries), entry.path)
        target = root / entry.path
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(target.name + ".restoring")
        shutil.copy2(backup / entry.path, temp)
        os.replace(temp, target)
    progress(len(entries), len(entries), "")
    return checked


def last_backup_at(folder: DataFolder) -> datetime | None:
    try:
        return datetime.fromisoformat(json.loads((folder.backups / LAST_BACKUP).read_text("utf-8"))["at"])
    except (OSError, ValueError, KeyError):
        return None


def backup_overdue(folder: DataFolder, now: datetime | None = None) -> bool:
    """The reminder: a data folder with data whose last backup is older than a week, or that has none."""
    if not folder.database.exists():
        return False
    last = last_backup_at(folder)
    return last is None or (now or datetime.now(UTC)) - last > REMIND_AFTER
