"""The data folder's layout: one place that knows where the database, photos and documents live."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DB_FILENAME = "acceptance.sqlite3"


@dataclass(frozen=True)
class DataFolder:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def photos(self) -> Path:
        return self.root / "photos"

    @property
    def documents(self) -> Path:
        return self.root / "documents"

    @property
    def outbox(self) -> Path:
        return self.root / "outbox"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def ensure(self) -> DataFolder:
        for folder in (self.root, self.photos, self.documents, self.outbox, self.logs, self.backups):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    def is_empty(self) -> bool:
        return not self.database.exists()
