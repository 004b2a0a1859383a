"""The audit log and the local key-value metadata (device id, sequences)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from acceptance_app.storage.models.base import Base, utcnow


class AuditEvent(Base):
    """Who changed what, when, on which device, with the values before and after."""

    __tablename__ = "audit_events"

    id: Mapped[uuid.UUID] = mapped_column(sa.Uuid, primary_key=True, default=uuid.uuid4)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    device: Mapped[str] = mapped_column(sa.String(32), default="")
    actor: Mapped[str] = mapped_column(sa.String(100), default="")
    entity: Mapped[str] = mapped_column(sa.String(50))
    entity_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    action: Mapped[str] = mapped_column(sa.String(10))  # create / update / delete
    changes: Mapped[dict[str, Any]] = mapped_column(default=dict)


class LocalMeta(Base):
    """Facts about this data folder that must survive a lost settings file (the device id above all)."""

    __tablename__ = "local_meta"

    key: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    value: Mapped[str] = mapped_column(sa.Text)
