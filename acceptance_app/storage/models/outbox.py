"""The outbox: one row per package to send to the hub. It never travels (no SyncedMixin).

A row is ``sent`` only after the hub's receipt echoed the package id and the manifest's and files' hashes;
the file in <data folder>/outbox is removed only then. ``bytes_confirmed`` is the offset the hub confirmed,
so an upload resumes where it stopped, after a lost connection or a restart.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from acceptance_app.storage.models.base import Base, enum_column, utcnow


class OutboxState(StrEnum):
    PENDING = "pending"
    UPLOADING = "uploading"
    SENT = "sent"
    FAILED_PERMANENT = "failed-permanent"  # the hub refused the package itself; retrying cannot help


class OutboxItem(Base):
    __tablename__ = "outbox"

    id: Mapped[uuid.UUID] = mapped_column(sa.Uuid, primary_key=True, default=uuid.uuid4)
    package_id: Mapped[str] = mapped_column(sa.String(36), unique=True)
    project_id: Mapped[uuid.UUID] = mapped_column(sa.Uuid, index=True)
    discipline: Mapped[str] = mapped_column(sa.String(40), default="")
    file_path: Mapped[str] = mapped_column(sa.String(500))  # relative to the data folder: outbox/<id>.acpkg
    size: Mapped[int] = mapped_column(sa.BigInteger)
    sha256: Mapped[str] = mapped_column(sa.String(64))
    manifest_sha256: Mapped[str] = mapped_column(sa.String(64))
    # sha256 over the manifest's sorted (path, sha256) list: an export equal to the last one is not sent again
    content_sha256: Mapped[str] = mapped_column(sa.String(64), default="")
    state: Mapped[OutboxState] = enum_column(OutboxState, default=OutboxState.PENDING, index=True)
    bytes_confirmed: Mapped[int] = mapped_column(sa.BigInteger, default=0)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_error: Mapped[str] = mapped_column(sa.Text, default="")
    hub_url: Mapped[str] = mapped_column(sa.String(500), default="")
    receipt: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column()


class HubPull(Base):
    """What was pulled from a hub: the cursor to continue from, and when."""

    __tablename__ = "hub_pulls"

    hub_url: Mapped[str] = mapped_column(sa.String(500), primary_key=True)
    cursor: Mapped[int] = mapped_column(sa.BigInteger, default=0)
    pulled_at: Mapped[datetime | None] = mapped_column()
    last_error: Mapped[str] = mapped_column(sa.Text, default="")
