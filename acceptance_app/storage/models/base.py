"""Declarative base and the columns every synchronised row carries.

Keys are client-generated UUIDs so that records made offline on several laptops never clash; every row
records the device it was made on (``origin_device``) for the merge later; times are UTC.
"""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """Stores naive UTC in SQLite, hands back aware UTC datetimes."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def enum_column(enum_cls: type[enum.Enum], **kwargs: Any) -> Any:
    """An Enum stored as its string value (not the member name), without a native DB enum type."""
    return mapped_column(
        sa.Enum(
            enum_cls,
            native_enum=False,
            length=32,
            values_callable=lambda cls: [m.value for m in cls],
            validate_strings=True,
        ),
        **kwargs,
    )


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: sa.JSON()}


class SyncedMixin:
    """Columns of every record that can travel between laptops."""

    id: Mapped[uuid.UUID] = mapped_column(sa.Uuid, primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    origin_device: Mapped[str] = mapped_column(sa.String(32), default="")
