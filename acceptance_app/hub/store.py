"""Where the hub keeps bytes: partial uploads per account and package, committed packages by package id.

A partial upload grows only by whole chunks at its current end (a chunk cut off mid-body is dropped), so its
size is the offset the client resumes from. Committed files are fsynced before the receipt. A committed package is moved into place before its row is
written; a crash in between leaves a file the next commit verifies again and records.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from pathlib import Path

from acceptance_app.fileio import _fsync_dir


class PackageStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.partial_dir = root / "partial"
        self.packages_dir = root / "packages"
        for folder in (self.partial_dir, self.packages_dir):
            folder.mkdir(parents=True, exist_ok=True)
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()

    def lock(self, package_id: str) -> threading.Lock:
        """One writer per package id at a time (two connections of a retrying client may overlap)."""
        with self._locks_guard:
            return self._locks.setdefault(package_id, threading.Lock())

    def partial(self, account_id: uuid.UUID, package_id: str) -> Path:
        return self.partial_dir / str(account_id) / f"{package_id}.part"

    def committed(self, package_id: str) -> Path:
        return self.packages_dir / f"{package_id}.acpkg"

    def offset(self, account_id: uuid.UUID, package_id: str) -> int:
        path = self.partial(account_id, package_id)
        return path.stat().st_size if path.exists() else 0

    def append(self, account_id: uuid.UUID, package_id: str, data: bytes) -> int:
        path = self.partial(account_id, package_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("ab") as handle:
            handle.write(data)
        # No fsync per chunk: a crash may lose the tail of a partial upload, and then the hub simply answers a
        # smaller offset and the client resumes from it; whatever happened, the commit hashes the whole file.
        return path.stat().st_size

    def partial_bytes(self, account_id: uuid.UUID) -> int:
        """What the account's unfinished uploads hold, together."""
        return sum(p.stat().st_size for p in (self.partial_dir / str(account_id)).glob("*.part"))

    def discard(self, account_id: uuid.UUID, package_id: str) -> None:
        self.partial(account_id, package_id).unlink(missing_ok=True)

    def sweep_partials(self, older_than_days: float = 14) -> int:
        """Drop uploads nobody resumed for two weeks (a laptop that was wiped): they only fill the disk."""
        limit = time.time() - older_than_days * 86400
        removed = 0
        for path in self.partial_dir.glob("*/*.part"):
            if path.stat().st_mtime < limit:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def promote(self, account_id: uuid.UUID, package_id: str) -> Path:
        target, source = self.committed(package_id), self.partial(account_id, package_id)
        with source.open("rb") as handle:
            os.fsync(handle.fileno())  # durable before the receipt is answered
        os.replace(source, target)
        _fsync_dir(target.parent)
        return target
