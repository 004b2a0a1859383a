"""The hub's tables, on their own metadata (the laptop's Base never sees them).

A committed package is a row keyed by its package id (the idempotency key): a second commit of the same bytes
finds the row and answers the same receipt. ``seq`` orders packages for the pull cursor.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


class HubBase(DeclarativeBase):
    type_annotation_map = {datetime: sa.DateTime(timezone=True), dict[str, Any]: sa.JSON()}


class Account(HubBase):
    """An inspector (or the registry's system) with a token scoped to one department and one jurisdiction."""

    __tablename__ = "accounts"

    id: Mapped[uuid.UUID] = mapped_column(sa.Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(sa.String(100))
    department: Mapped[str] = mapped_column(sa.String(40))
    jurisdiction: Mapped[str] = mapped_column(sa.String(6), index=True)
    role: Mapped[str] = mapped_column(sa.String(16), default="inspector")  # inspector | registry
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)  # sha256 hex; the token itself is never kept
    public_key: Mapped[str] = mapped_column(sa.String(64), default="")  # base64 Ed25519; set on first push/login
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    disabled_at: Mapped[datetime | None] = mapped_column()  # set: the token is refused from that moment
    token_expires_at: Mapped[datetime | None] = mapped_column()  # None: the token does not expire


class Package(HubBase):
    __tablename__ = "packages"

    seq: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    package_id: Mapped[str] = mapped_column(sa.String(36), unique=True)
    account_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("accounts.id"), index=True)
    jurisdiction: Mapped[str] = mapped_column(sa.String(6), index=True)
    department: Mapped[str] = mapped_column(sa.String(40))
    project_id: Mapped[str] = mapped_column(sa.String(36), default="")
    discipline: Mapped[str] = mapped_column(sa.String(40), default="")
    size: Mapped[int] = mapped_column(sa.BigInteger)
    sha256: Mapped[str] = mapped_column(sa.String(64))  # of the whole .acpkg file
    manifest_sha256: Mapped[str] = mapped_column(sa.String(64))
    receipt: Mapped[dict[str, Any]] = mapped_column()
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class RegistrationRecord(HubBase):
    """One accepted unit's registration record, from a package manifest's "registration" list.

    ``record_key`` (opinion number + unit + document hash) makes the same opinion carried by two packages one
    record; ``acknowledged_at`` set means the registry has it and it is never served again."""

    __tablename__ = "registration_records"

    id: Mapped[uuid.UUID] = mapped_column(sa.Uuid, primary_key=True, default=uuid.uuid4)
    record_key: Mapped[str] = mapped_column(sa.String(64), unique=True)
    package_id: Mapped[str] = mapped_column(sa.ForeignKey("packages.package_id"), index=True)
    jurisdiction: Mapped[str] = mapped_column(sa.String(6), index=True)
    fields: Mapped[dict[str, Any]] = mapped_column()
    document_path: Mapped[str] = mapped_column(sa.String(300), default="")
    document_sha256: Mapped[str] = mapped_column(sa.String(64), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    acknowledged_at: Mapped[datetime | None] = mapped_column()
    acknowledged_by: Mapped[uuid.UUID | None] = mapped_column(sa.Uuid)


class NumberGrant(HubBase):
    """A block of document serials handed to one laptop: the hub is the one authority of a jurisdiction's
    series, so two laptops never get overlapping blocks (the laptop side: services/documents/numbers.py)."""

    __tablename__ = "number_grants"

    id: Mapped[uuid.UUID] = mapped_column(sa.Uuid, primary_key=True, default=uuid.uuid4)
    jurisdiction: Mapped[str] = mapped_column(sa.String(6), index=True)
    series: Mapped[str] = mapped_column(sa.String(20))
    year: Mapped[int] = mapped_column()
    first: Mapped[int] = mapped_column()
    last: Mapped[int] = mapped_column()
    device: Mapped[str] = mapped_column(sa.String(32))
    account_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("accounts.id"))
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (sa.UniqueConstraint("jurisdiction", "series", "year", "first"),)
class RowOwner(HubBase):
    """The discipline a result record belongs to, as the first package that carried it said (checked then
    against its parent chain): the hub's own copy of ownership, so a later package cannot relabel it."""

    __tablename__ = "row_owners"

    entity: Mapped[str] = mapped_column(sa.String(40), primary_key=True)  # inspections | answers | findings
    entity_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    discipline: Mapped[str] = mapped_column(sa.String(40))
    package_id: Mapped[str] = mapped_column(sa.String(36))


class AuditEvent(HubBase):
    """Who did what on the hub, when: authentication failures, downloads, feed acknowledgements, account changes."""

    __tablename__ = "hub_audit"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    action: Mapped[str] = mapped_column(sa.String(40))
    account_id: Mapped[uuid.UUID | None] = mapped_column(sa.Uuid)
    account_name: Mapped[str] = mapped_column(sa.String(100), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
