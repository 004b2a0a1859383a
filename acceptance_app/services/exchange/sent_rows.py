"""What the hub holds of this laptop's work: the content hash of every row of each package, kept until a
later acknowledged package of the same scope replaces it (services/exchange/pending.py compares against it).

A package is a whole snapshot of its scope (a project, or one discipline of it: exchange/select.py), so the
last package of a scope the hub confirmed by a receipt tells, row by row, what the hub has from us. Kept in
``local_meta`` (one JSON object per package, hashes cut to 16 hex digits: it only tells "same or not"), never
exchanged. A package still in the outbox keeps its entry: once its receipt comes, it is the one compared with.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.storage.models import LocalMeta, OutboxItem, OutboxState
from acceptance_app.sync.records import content_hash, key_column

PREFIX = "package rows "
HASH_DIGITS = 16

RowHashes = dict[str, dict[str, str]]  # table -> row key -> hash


def short_hash(encoded_row: dict[str, Any]) -> str:
    """The hash compared here, of a row in its exchange (JSON) form."""
    return content_hash(encoded_row)[:HASH_DIGITS]


def hashes_of(tables: dict[str, list[dict[str, Any]]]) -> RowHashes:
    """The hashes of a package's rows (``tables``: each table's rows in their exchange form)."""
    return {name: {str(row[key_column(name)]): short_hash(row) for row in rows} for name, rows in tables.items()}


def remember(session: Session, package_id: str, hashes: RowHashes) -> None:
    """Keep a package's row hashes (added to the session: committed with the package's outbox row)."""
    key = PREFIX + package_id
    meta = session.get(LocalMeta, key) or LocalMeta(key=key, value="")
    meta.value = json.dumps(hashes, separators=(",", ":"))
    session.add(meta)


def known(session: Session, package_id: str) -> bool:
    return session.get(LocalMeta, PREFIX + package_id) is not None


def _latest_sent(session: Session, project_id: Any, hub_url: str) -> list[OutboxItem]:
    """The last acknowledged package of each scope (discipline) of the project, oldest first."""
    query = (sa.select(OutboxItem).where(OutboxItem.project_id == project_id, OutboxItem.state == OutboxState.SENT)
             .order_by(OutboxItem.sent_at))
    if hub_url:
        query = query.where(OutboxItem.hub_url == hub_url)
    latest: dict[str, OutboxItem] = {}
    for item in session.scalars(query):
        latest[item.discipline] = item
    return sorted(latest.values(), key=lambda i: i.sent_at or i.created_at)


def on_hub(session: Session, project_id: Any, hub_url: str = "") -> RowHashes:
    """Row hashes the hub has from this laptop: the last acknowledged package of each scope (to ``hub_url``
    when given); a later package's hash of a row wins."""
    merged: RowHashes = {}
    for item in _latest_sent(session, project_id, hub_url):
        meta = session.get(LocalMeta, PREFIX + item.package_id)
        if meta is None:
            continue
        for name, rows in json.loads(meta.value).items():
            merged.setdefault(name, {}).update(rows)
    return merged


def forget_superseded(session: Session) -> int:
    """Drop the entries no count needs any more: packages refused for good, or acknowledged and then followed
    by a later acknowledged package of the same project, scope and hub. Returns how many were dropped."""
    items = {i.package_id: i for i in session.scalars(sa.select(OutboxItem))}
    latest: dict[tuple[Any, str, str], OutboxItem] = {}
    for item in items.values():
        if item.state is OutboxState.SENT:
            scope = (item.project_id, item.discipline, item.hub_url)
            best = latest.get(scope)
            if best is None or (item.sent_at or item.created_at) > (best.sent_at or best.created_at):
                latest[scope] = item
    keep = {i.package_id for i in latest.values()} | {
        i.package_id for i in items.values() if i.state in (OutboxState.PENDING, OutboxState.UPLOADING)}
    dropped = 0
    for meta in session.scalars(sa.select(LocalMeta).where(LocalMeta.key.startswith(PREFIX))):
        if meta.key[len(PREFIX):] not in keep:
            session.delete(meta)
            dropped += 1
    return dropped
