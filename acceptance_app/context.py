"""The application context: the data folder, its settings and its database, built once per process and passed
to the command line and the window (no Qt here: the CLI and the tests use it as the window does).

Services are given what they need by the session they work in: ``Database.session()`` puts the data folder
and the settings of this context into ``session.info`` (``storage.db.data_folder_of``/``settings_of``), as
Anki's collection carries its config; nothing re-reads settings.json or parses the database URL.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from acceptance_app import i18n
from acceptance_app.settings import Settings, cli_actor, default_data_dir, load_settings, save_settings
from acceptance_app.storage.data_folder import DataFolder

if TYPE_CHECKING:
    from acceptance_app.storage.db import Database


@dataclass
class AppContext:
    folder: DataFolder
    settings: Settings
    _database: Database | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    # Who is working, named in every record: --actor, else $ACCEPTANCE_APP_ACTOR, else the configured inspector;
    # "" until the window's first start asks (a write without one is refused, storage/audit.py).
    actor: str = ""

    def __post_init__(self) -> None:
        if self._database is not None:  # built around a database opened elsewhere (tests, scripts)
            self._database.use_settings(self.settings)

    @classmethod
    def open(cls, data_dir: str | Path | None = None, language: str | None = None,
             actor: str | None = None) -> AppContext:
        """The folder (``--data-dir``, else $ACCEPTANCE_APP_DATA_DIR, else the user data folder), its settings,
        and the language of messages (``--lang``, else the setting)."""
        root = Path(data_dir).expanduser() if data_dir else default_data_dir()
        folder = DataFolder(root)
        folder.root.mkdir(parents=True, exist_ok=True)
        settings = load_settings(folder.root)
        i18n.install(language or settings.language)
        return cls(folder, settings, actor=cli_actor(actor, settings))

    def database(self) -> Database:
        """Opened (and migrated) on first use: SQLAlchemy costs ~0.15 s to import, which the window's first paint
        and commands without a database must not pay. Safe to call from the window's background opener."""
        with self._lock:
            if self._database is None:
                from acceptance_app.storage.db import open_database

                self._database = open_database(self.folder, actor=self.actor, settings=self.settings,
                                               require_actor=True)
            return self._database

    @property
    def database_open(self) -> bool:
        return self._database is not None

    def update_settings(self, settings: Settings) -> None:
        """Every change of the settings goes through here: the file, this context and the sessions of the open
        database (the options services read) agree."""
        self.settings = settings
        save_settings(self.folder.root, settings)
        if self._database is not None:
            self._database.use_settings(settings)

    def close(self) -> None:
        with self._lock:
            if self._database is not None:
                self._database.close()
                self._database = None
