"""Engine and session factory for the local SQLite database, and the schema check at open.

SQLite runs with WAL, foreign keys on, synchronous=NORMAL and a busy timeout (10 s: a reader waits for the
writer's short transactions instead of failing with "database is locked"). Opening
a database migrates an older schema (after a backup copy) and refuses one made by a newer program.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from acceptance_app.domain.problems import KnownError
from acceptance_app.settings import Settings
from acceptance_app.storage import migrations
from acceptance_app.storage.audit import install_audit
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.models import LocalMeta

BUSY_TIMEOUT_MS = 10_000


def _set_sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def make_engine(path: Path) -> sa.Engine:
    engine = sa.create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    sa.event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


class SchemaTooNew(KnownError):
    def __init__(self, revision: str) -> None:
        super().__init__("db.schema_too_new", revision=revision)


class DatabaseUnreadable(KnownError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__("db.unreadable", path=str(path), reason=reason)


def _backup(path: Path, backups: Path, revision: str) -> Path:
    """A consistent copy through SQLite's backup API (it includes what is still in the WAL)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = backups / f"before-upgrade-{revision}-{stamp}.sqlite3"
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        with dest:
            source.backup(dest)
        dest.close()
    finally:
        source.close()
    return target


def ensure_schema(engine: sa.Engine, path: Path, backups: Path | None = None) -> None:
    try:
        current = migrations.current_revision(engine)
    except sa.exc.DatabaseError as exc:
        raise DatabaseUnreadable(path, str(exc.orig)) from exc
    if current == migrations.SCHEMA_HEAD:
        return
    if current is not None and not migrations.is_known(current):
        raise SchemaTooNew(current)
    if current is not None and backups is not None:
        _backup(path, backups, current)
    migrations.upgrade(engine)


def data_folder_of(session: Session) -> DataFolder | None:
    """The data folder of the database that opened the session (``Database.session``); None for a session
    made otherwise."""
    return session.info.get("data_folder")


def settings_of(session: Session) -> Settings:
    """The settings of the application context that opened the session (defaults for a bare session)."""
    settings = session.info.get("settings")
    return settings if isinstance(settings, Settings) else Settings()


@dataclass
class Database:
    folder: DataFolder
    engine: sa.Engine
    sessions: sessionmaker[Session]
    device_id: str
    actor: str = ""
    settings: Settings = field(default_factory=Settings)
    # Every record names the person who made it: the window and the CLI set this, so a write without an actor
    # fails (storage/audit.py) instead of recording nobody. Tests and the hub's own tooling leave it off.
    require_actor: bool = False

    def session(self) -> Session:
        """A new session for one unit of work; never share it across threads. It carries what services need
        besides the rows: the device, the person acting, the data folder and the settings."""
        session = self.sessions()
        session.info.update(device_id=self.device_id, actor=self.actor, data_folder=self.folder,
                            settings=self.settings, require_actor=self.require_actor)
        if self.settings.forms_dir:  # an office's forms folder may hold its own holiday tables (services/calendar.py)
            session.info["calendar_dir"] = str(Path(self.settings.forms_dir).expanduser() / "calendar")
        return session

    def use_settings(self, settings: Settings) -> None:
        """Sessions opened from now on see ``settings`` (the window changed them)."""
        self.settings = settings

    def close(self) -> None:
        self.engine.dispose()


def _device_id(factory: sessionmaker[Session]) -> str:
    with factory() as session, session.begin():
        meta = session.get(LocalMeta, "device_id")
        if meta is None:
            meta = LocalMeta(key="device_id", value=uuid.uuid4().hex[:8].upper())
            session.add(meta)
        return meta.value


def open_database(folder: DataFolder, actor: str = "", settings: Settings | None = None,
                  require_actor: bool = False) -> Database:
    folder.ensure()
    engine = make_engine(folder.database)
    try:
        ensure_schema(engine, folder.database, folder.backups)
    except BaseException:
        engine.dispose()
        raise
    factory = sessionmaker(engine, expire_on_commit=False)
    install_audit(factory)
    return Database(folder, engine, factory, _device_id(factory), actor, settings or Settings(), require_actor)
