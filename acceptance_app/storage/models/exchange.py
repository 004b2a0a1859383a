"""Bookkeeping of exchange packages: whom we trust, what we imported, what both sides agreed on, conflicts.

These rows never travel: they describe this data folder's view of the exchange, so they carry no
SyncedMixin. ``sync_row_versions`` holds, per record, the hash of the content both sides had at the last
exchange; a record whose local hash still equals it is "unchanged since", and may take the remote version.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from acceptance_app.storage.models.base import Base, utcnow


class ExchangePeer(Base):
    """A sending device's Ed25519 public key, seen in a package; only trusted keys are imported from."""

    __tablename__ = "exchange_peers"

    id: Mapped[uuid.UUID] = mapped_column(sa.Uuid, primary_key=True, default=uuid.uuid4)
    public_key: Mapped[str] = mapped_column(sa.String(64), unique=True)  # base64 of the raw 32 bytes
    fingerprint: Mapped[str] = mapped_column(sa.String(32))
    device: Mapped[str] = mapped_column(sa.String(32), default="")
    inspector: Mapped[str] = mapped_column(sa.String(100), default="")
    department: Mapped[str] = mapped_column(sa.String(40), default="")
    trusted: Mapped[bool] = mapped_column(default=False)
    first_seen: Mapped[datetime] = mapped_column(default=utcnow)


class ExchangeImport(Base):
    """One imported package: its id makes a second import of the same package a no-op."""

    __tablename__ = "exchange_imports"

    id: Mapped[uuid.UUID] = mapped_column(sa.Uuid, primary_key=True, default=uuid.uuid4)
    package_id: Mapped[str] = mapped_column(sa.String(36), unique=True)
    manifest_sha256: Mapped[str] = mapped_column(sa.String(64))
    sender_device: Mapped[str] = mapped_column(sa.String(32), default="")
    sender_inspector: Mapped[str] = mapped_column(sa.String(100), default="")
    sender_department: Mapped[str] = mapped_column(sa.String(40), default="")
    scope: Mapped[dict[str, Any]] = mapped_column(default=dict)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)


class SyncRowVersion(Base):
    """The content hash of a record as agreed at the last exchange that carried it."""

    __tablename__ = "sync_row_versions"

    entity: Mapped[str] = mapped_column(sa.String(50), primary_key=True)  # table name
    entity_id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    content_hash: Mapped[str] = mapped_column(sa.String(64))


class SyncConflict(Base):
    """A record changed on both sides: the local row stays, the remote one waits here for a person."""

    __tablename__ = "sync_conflicts"

    id: Mapped[uuid.UUID] = mapped_column(sa.Uuid, primary_key=True, default=uuid.uuid4)
    entity: Mapped[str] = mapped_column(sa.String(50))
    entity_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    project_id: Mapped[str] = mapped_column(sa.String(36), default="", index=True)
    local_row: Mapped[dict[str, Any]] = mapped_column(default=dict)
    remote_row: Mapped[dict[str, Any]] = mapped_column(default=dict)
    remote_device: Mapped[str] = mapped_column(sa.String(32), default="")
    remote_inspector: Mapped[str] = mapped_column(sa.String(100), default="")
    remote_department: Mapped[str] = mapped_column(sa.String(40), default="")
    package_id: Mapped[str] = mapped_column(sa.String(36), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column()
    resolution: Mapped[str] = mapped_column(sa.String(10), default="")  # "" | local | remote
    resolved_by: Mapped[str] = mapped_column(sa.String(100), default="")
