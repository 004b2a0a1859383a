"""Conflicts of the merge: a record changed on two laptops, kept side by side until a person chooses.

Keeping the local version leaves the record as it is; keeping the remote one writes the remote values
(audited). For two live answers to the same item, keeping the remote one inserts it and retires the local one
(append-only: nothing is deleted). Either way the remote version becomes the agreed one, so the next
package from that laptop carries the outcome back instead of raising the same conflict again.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.problems import KnownError
from acceptance_app.services.changes import Changes
from acceptance_app.services.common import get_or_raise
from acceptance_app.storage.models import SyncConflict, utcnow
from acceptance_app.sync.merge_store import Writer, load_rows
from acceptance_app.sync.records import content_hash, decode_row, key_column

_VOLATILE = {"updated_at", "created_at"}


@dataclass(frozen=True)
class ConflictRow:
    id: uuid.UUID
    entity: str
    entity_id: str
    project_id: str
    remote_inspector: str
    remote_department: str
    remote_device: str
    package_id: str
    created_at: str
    resolution: str
    differences: dict[str, tuple[Any, Any]]  # column -> (local, remote)


def _row(conflict: SyncConflict) -> ConflictRow:
    local, remote = conflict.local_row, conflict.remote_row
    differences = {k: (local.get(k), remote.get(k)) for k in remote
                   if k not in _VOLATILE and local.get(k) != remote.get(k)}
    return ConflictRow(conflict.id, conflict.entity, conflict.entity_id, conflict.project_id,
                       conflict.remote_inspector, conflict.remote_department, conflict.remote_device,
                       conflict.package_id, conflict.created_at.isoformat(timespec="seconds"),
                       conflict.resolution, differences)


def list_conflicts(session: Session, project_id: uuid.UUID | None = None, *,
                   include_resolved: bool = False) -> list[ConflictRow]:
    query = sa.select(SyncConflict).order_by(SyncConflict.created_at, SyncConflict.entity)
    if project_id is not None:
        query = query.where(SyncConflict.project_id == str(project_id))
    if not include_resolved:
        query = query.where(SyncConflict.resolution == "")
    return [_row(c) for c in session.scalars(query)]


def resolve_conflict(session: Session, conflict_id: uuid.UUID, keep: str, by: str = "") -> tuple[ConflictRow, Changes]:
    conflict = get_or_raise(session, SyncConflict, conflict_id)
    if conflict.resolution:
        raise KnownError("exchange.conflict_resolved", id=str(conflict.id), resolution=conflict.resolution)
    if keep not in ("local", "remote"):
        raise KnownError("exchange.conflict_keep", keep=keep)
    name = conflict.entity
    key = key_column(name)
    writer = Writer(session.connection(), session.info.get("device_id", ""), by or session.info.get("actor", ""))
    changes = Changes(sync_state=True)
    if keep == "remote":
        remote = decode_row(name, 0, conflict.remote_row)
        local_key = conflict.local_row.get(key)
        current = load_rows(session.connection(), name, [remote[key]]).get(str(remote[key]))
        if current is not None:
            writer.update(name, [(current, remote)])
        elif name == "answers" and local_key is not None:
            live = load_rows(session.connection(), name, [uuid.UUID(local_key)]).get(local_key)
            if live is not None:
                writer.update(name, [(live, live | {"retired": True})])
            writer.insert(name, [remote])
        else:
            raise KnownError("exchange.conflict_keep", keep=keep)
        changes = Changes(sync_state=True, checklist=name == "answers", inspection=name == "inspections",
                          finding=name.startswith("finding"), photo=name.startswith("photo"))
    writer.agree(name, conflict.entity_id, content_hash(conflict.remote_row))
    writer.finish()
    conflict.resolution, conflict.resolved_by, conflict.resolved_at = keep, by, utcnow()
    session.flush()
    return _row(conflict), changes
