"""Backup → wipe → restore gives back the same database (SQL dump) and the same files (hashes), via the CLI."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from acceptance_app.cli import main
from acceptance_app.fileio import file_sha256
from acceptance_app.storage.backup import backup_overdue, last_backup_at
from acceptance_app.storage.data_folder import DB_FILENAME, DataFolder


def _dump(root: Path) -> list[str]:
    connection = sqlite3.connect(root / DB_FILENAME)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def _hashes(root: Path) -> dict[str, tuple[str, int]]:
    """Every file but the database files and the folders a backup leaves out, with its hash and mode."""
    return {p.relative_to(root).as_posix(): (file_sha256(p), p.stat().st_mode & 0o777)
            for p in root.rglob("*") if p.is_file() and not p.name.startswith(DB_FILENAME)
            and p.relative_to(root).parts[0] not in ("logs", "backups")}


def test_backup_wipe_restore_gives_back_everything(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo"]) == 0
    _main, ready = capsys.readouterr().out.split()
    assert main(["--data-dir", str(data), "rectification", "render", "--project", ready,
                 "--out", str(tmp_path / "r.pdf")]) == 0  # a document in documents/
    capsys.readouterr()
    key = data / "keys" / "hub-token"  # what sync login leaves: private, mode 0600
    key.parent.mkdir(exist_ok=True)
    key.write_bytes(b"token")
    key.chmod(0o600)
    dump, hashes = _dump(data), _hashes(data)
    assert hashes["keys/hub-token"][1] == 0o600
    assert any(p.startswith("documents/") for p in hashes) and any(p.startswith("photos/") for p in hashes)
    assert any(p.startswith("keys/") for p in hashes) and any(p.startswith("identities/") for p in hashes)
    assert backup_overdue(DataFolder(data))  # never backed up

    assert main(["--data-dir", str(data), "backup", "create", "--to", str(tmp_path / "usb")]) == 0
    backup = Path(capsys.readouterr().out.split("\t")[0])
    assert backup.parent == tmp_path / "usb" and not list((tmp_path / "usb").glob("*.partial"))
    assert last_backup_at(DataFolder(data)) is not None and not backup_overdue(DataFolder(data))
    assert backup_overdue(DataFolder(data), now=datetime.now(UTC) + timedelta(days=8))
    assert main(["backup", "verify", str(backup)]) == 0
    capsys.readouterr()

    restored = tmp_path / "wiped-and-restored"
    shutil.rmtree(data)
    assert main(["--data-dir", str(restored), "backup", "restore", str(backup)]) == 0
    capsys.readouterr()
    assert _dump(restored) == dump
    assert _hashes(restored) == hashes  # byte for byte, keys still 0600
    # the restored folder opens and works
    assert main(["--data-dir", str(restored), "documents", "list", "--project", ready]) == 0
    assert "rectification" in capsys.readouterr().out

    # a second restore over data is refused, and so is a damaged backup; neither changes anything
    assert main(["--data-dir", str(restored), "backup", "restore", str(backup)]) == 2
    assert "空" in capsys.readouterr().err
    photo = next(p for p in backup.rglob("*") if p.is_file() and "photos" in p.parts)
    photo.write_bytes(photo.read_bytes() + b"x")
    assert main(["backup", "verify", str(backup)]) == 1
    assert "changed:" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path / "other"), "backup", "restore", str(backup)]) == 2
    assert "损坏" in capsys.readouterr().err
    assert not (tmp_path / "other" / DB_FILENAME).exists()
