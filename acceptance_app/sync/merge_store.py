"""The merge's database side: batched reads by key, and writes through Core with their audit entries.

The merge writes thousands of rows at a time, so it goes through Core executemany instead of the ORM; the
ORM's before-flush audit hook does not see Core statements, so the audit entries (same shape as
storage.audit's) are written here, in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from acceptance_app.storage.audit import AUDIT_SKIPPED_COLUMNS, audit_value
from acceptance_app.storage.models import AuditEvent, SyncRowVersion, utcnow
from acceptance_app.sync.records import key_column, table

_BATCH = 500


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


def insert_many(conn: sa.Connection, t: sa.Table, rows: list[dict[str, Any]], upsert_key: tuple[str, ...] = ()) -> None:
    """executemany with the columns' own bind processors, computed once per column instead of once per value
    by Core's parameter machinery: the same stored values, about three times faster for thousands of rows."""
    columns = [c for c in t.c if c.key in rows[0]]
    processors = [c.type.bind_processor(conn.dialect) for c in columns]
    names = ", ".join(f'"{c.name}"' for c in columns)
    sql = f'INSERT INTO "{t.name}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    if upsert_key:
        updates = ", ".join(f'"{c.name}" = excluded."{c.name}"' for c in columns if c.name not in upsert_key)
        sql += f' ON CONFLICT ({", ".join(upsert_key)}) DO UPDATE SET {updates}'
    params = [tuple(p(row[c.key]) if p else row[c.key] for c, p in zip(columns, processors, strict=True))
              for row in rows]
    conn.exec_driver_sql(sql, params)


class Writer:
    """Collects the merge's writes and runs them per table in one go."""

    def __init__(self, conn: sa.Connection, device: str, actor: str) -> None:
        self.conn, self.device, self.actor = conn, device, actor
        self.audit: list[dict[str, Any]] = []
        self.versions: dict[tuple[str, str], str] = {}

    def _audit(self, name: str, key: str, action: str, changes: dict[str, Any], at: datetime | None = None) -> None:
        self.audit.append({"id": uuid.uuid4(), "at": at or utcnow(), "device": self.device, "actor": self.actor,
                           "entity": name, "entity_id": key, "action": action, "changes": changes})

    def insert(self, name: str, rows: list[dict[str, Any]], encoded: list[dict[str, Any]] | None = None) -> None:
        """Insert rows; ``encoded`` (their JSON form, when the caller has it) spares encoding them again for
        the audit entries."""
        if not rows:
            return
        insert_many(self.conn, table(name), rows)
        key = key_column(name)
        binary = [c.key for c in table(name).c if isinstance(c.type, sa.LargeBinary)]
        now = utcnow()
        for row, plain in zip(rows, encoded or [None] * len(rows), strict=True):
            if plain is None:
                values = {k: [None, audit_value(v)] for k, v in row.items() if k not in AUDIT_SKIPPED_COLUMNS}
            else:
                values = {k: (None, v) for k, v in plain.items()}  # a tuple is a JSON array too, and cheaper
                for column in AUDIT_SKIPPED_COLUMNS:
                    values.pop(column, None)
                for column in binary:
                    values[column] = [None, audit_value(row[column])]
            self._audit(name, str(row[key]), "create", values, now)

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
            changes = {c: [audit_value(local[c]), audit_value(remote[c])] for c in columns
                       if c not in AUDIT_SKIPPED_COLUMNS and local[c] != remote[c]}
            self._audit(name, str(remote[key]), "update", changes)

    def agree(self, name: str, key: str, content_hash: str) -> None:
        self.versions[(name, key)] = content_hash

    def finish(self) -> None:
        if self.audit:
            insert_many(self.conn, AuditEvent.__table__, self.audit)
        if self.versions:
            insert_many(self.conn, SyncRowVersion.__table__, [
                {"entity": n, "entity_id": k, "content_hash": h} for (n, k), h in self.versions.items()],
                upsert_key=("entity", "entity_id"))
        self.audit, self.versions = [], {}
