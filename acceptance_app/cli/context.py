"""What every command needs: the data folder, the settings, the database (opened on first use)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from acceptance_app import i18n
from acceptance_app.settings import Settings, default_data_dir, load_settings
from acceptance_app.storage.data_folder import DataFolder

if TYPE_CHECKING:
    from acceptance_app.storage.db import Database


@dataclass
class CliContext:
    folder: DataFolder
    settings: Settings
    _database: Database | None = field(default=None, repr=False)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CliContext:
        root = Path(args.data_dir).expanduser() if args.data_dir else default_data_dir()
        folder = DataFolder(root)
        folder.root.mkdir(parents=True, exist_ok=True)
        settings = load_settings(folder.root)
        i18n.install(args.lang or settings.language)
        return cls(folder, settings)

    def database(self) -> Database:
        if self._database is None:
            from acceptance_app.storage.db import (
                open_database,  # SQLAlchemy costs ~0.15 s to import: only on use
            )

            self._database = open_database(self.folder, actor=self.settings.inspector_name or "cli")
            if self.settings.forms_dir:  # the office's forms folder may hold its own holiday tables
                self._database.calendar_dir = Path(self.settings.forms_dir).expanduser() / "calendar"
        return self._database

    def close(self) -> None:
        if self._database is not None:
            self._database.close()
            self._database = None


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
