"""The merge's database side: batched reads by key, and writes through Core with their audit entries.

The merge writes thousands of rows at a time, so it goes through Core executemany instead of the ORM; the
ORM's before-flush audit hook does not see Core statements, so the audit entries (same shape as
storage.audit's) are written here, in the same transaction.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from acceptance_app.storage.models import AuditEvent, SyncRowVersion, utcnow
from acceptance_app.sync.records import key_column, table

_BATCH = 500
_SKIP_AUDIT = {"created_at", "updated_at"}


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def _batches(values: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(values), _BATCH):
        yield values[start : start + _BATCH]


def load_rows(conn: sa.Connection, name: str, keys: Iterable[Any]) -> dict[str, dict[str, Any]]:
    t = table(name)
    column = t.c[key_column(name)]
    found: dict[str, dict[str, Any]] = {}
    for batch in _batches(list(keys)):
        for row in conn.execute(sa.select(t).where(column.in_(batch))):
            values = dict(row._mapping)
            found[str(values[column.key])] = values
    return found


def existing_keys(conn: sa.Connection, name: str, keys: Iterable[Any]) -> set[str]:
    t = table(name)
    column = t.c[key_column(name)]
    found: set[str] = set()
    for batch in _batches(list(keys)):
        found.update(str(k) for k in conn.execute(sa.select(column).where(column.in_(batch))).scalars())
    return found


def load_versions(conn: sa.Connection, name: str, keys: Iterable[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for batch in _batches(list(keys)):
        query = sa.select(SyncRowVersion.entity_id, SyncRowVersion.content_hash).where(
            SyncRowVersion.entity == name, SyncRowVersion.entity_id.in_(batch))
        found.update(dict(conn.execute(query).all()))
    return found


class Writer:
    """Collects the merge's writes and runs them per table in one go."""

    def __init__(self, conn: sa.Connection, device: str, actor: str) -> None:
        self.conn, self.device, self.actor = conn, device, actor
        self.audit: list[dict[str, Any]] = []
        self.versions: dict[tuple[str, str], str] = {}

    def _audit(self, name: str, key: str, action: str, changes: dict[str, Any]) -> None:
        self.audit.append({"id": uuid.uuid4(), "at": utcnow(), "device": self.device, "actor": self.actor,
                           "entity": name, "entity_id": key, "action": action, "changes": changes})

    def insert(self, name: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        self.conn.execute(table(name).insert(), rows)
        key = key_column(name)
        for row in rows:
            values = {k: [None, _plain(v)] for k, v in row.items() if k not in _SKIP_AUDIT}
            self._audit(name, str(row[key]), "create", values)

    def update(self, name: str, pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
        """(local, remote) pairs: the local row takes every column of the remote one."""
        if not pairs:
            return
        t = table(name)
        key = key_column(name)
        columns = [c.key for c in t.c if c.key != key]
        statement = t.update().where(t.c[key] == sa.bindparam("k_")).values(
            {c: sa.bindparam(f"v_{c}") for c in columns})
        self.conn.execute(statement, [{"k_": remote[key], **{f"v_{c}": remote[c] for c in columns}}
                                      for _local, remote in pairs])
        for local, remote in pairs:
            changes = {c: [_plain(local[c]), _plain(remote[c])] for c in columns
                       if c not in _SKIP_AUDIT and local[c] != remote[c]}
            self._audit(name, str(remote[key]), "update", changes)

    def agree(self, name: str, key: str, content_hash: str) -> None:
        self.versions[(name, key)] = content_hash

    def finish(self) -> None:
        if self.audit:
            self.conn.execute(sa.insert(AuditEvent.__table__), self.audit)
        if self.versions:
            statement = sqlite_insert(SyncRowVersion.__table__)
            statement = statement.on_conflict_do_update(
                index_elements=["entity", "entity_id"], set_={"content_hash": statement.excluded.content_hash})
            self.conn.execute(statement, [{"entity": n, "entity_id": k, "content_hash": h}
                                          for (n, k), h in self.versions.items()])
        self.audit, self.versions = [], {}
