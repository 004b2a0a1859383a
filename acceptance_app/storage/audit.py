"""Writes an AuditEvent for every insert, update and delete, inside the same flush (same transaction).

Hooked on the session factory, so no service can forget it. The acting person and the device come from
``session.info["actor"]`` and ``session.info["device_id"]``.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from acceptance_app.domain.problems import KnownError
from acceptance_app.storage.models import AuditEvent, Base, LocalMeta, SyncedMixin, utcnow

UNAUDITED: tuple[type[Base], ...] = (AuditEvent, LocalMeta)
_SKIP_COLUMNS = {"created_at", "updated_at"}


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


# The same value forms and skipped columns for the exchange merge, which writes thousands of rows through Core
# (sync.merge_store) and so must write its audit entries itself.
audit_value = _plain
AUDIT_SKIPPED_COLUMNS = frozenset(_SKIP_COLUMNS)


def _column_values(obj: Base) -> dict[str, Any]:
    mapper = sa.inspect(obj).mapper
    return {
        attr.key: [None, _plain(getattr(obj, attr.key))]
        for attr in mapper.column_attrs
        if attr.key not in _SKIP_COLUMNS
    }


def _column_changes(obj: Base) -> dict[str, Any]:
    state = sa.inspect(obj)
    changes: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIP_COLUMNS:
            continue
        history = state.attrs[attr.key].history
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                changes[attr.key] = [_plain(old), _plain(new)]
    return changes


def _event(session: Session, obj: Base, action: str, changes: dict[str, Any]) -> AuditEvent:
    state = sa.inspect(obj)
    key = state.identity[0] if state.identity else getattr(obj, "id", None)
    return AuditEvent(
        id=uuid.uuid4(),
        at=utcnow(),
        device=session.info.get("device_id", ""),
        actor=session.info.get("actor", ""),
        entity=type(obj).__tablename__,
        entity_id=str(key),
        action=action,
        changes=changes,
    )


def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    events: list[AuditEvent] = []
    device = session.info.get("device_id", "")
    for obj in list(session.new):
        if isinstance(obj, UNAUDITED):
            continue
        if isinstance(obj, SyncedMixin):
            # Defaults are applied at INSERT time, too late for the audit row: assign them now.
            if obj.id is None:
                obj.id = uuid.uuid4()
            if not obj.origin_device:
                obj.origin_device = device
        events.append(_event(session, obj, "create", _column_values(obj)))
    for obj in list(session.dirty):
        if isinstance(obj, UNAUDITED) or not session.is_modified(obj, include_collections=False):
            continue
        changes = _column_changes(obj)
        if changes:
            events.append(_event(session, obj, "update", changes))
    for obj in list(session.deleted):
        if not isinstance(obj, UNAUDITED):
            values = {k: [v[1], None] for k, v in _column_values(obj).items()}
            events.append(_event(session, obj, "delete", values))
    if events and session.info.get("require_actor") and not str(session.info.get("actor", "")).strip():
        raise KnownError("actor.missing")
    session.add_all(events)


def install_audit(factory: sessionmaker[Session]) -> None:
    sa.event.listen(factory, "before_flush", _before_flush)
