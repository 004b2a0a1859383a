"""Photos (one row per distinct original, keyed by its sha256), where they are attached, and annotations.

A photo that any link refers to can never be deleted: the foreign key from photo_links is RESTRICT, so the
database refuses it even if a service forgot to check. Findings come from another module, so a link to a
finding holds the finding's id as a plain uuid (no foreign key across feature branches).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from acceptance_app.domain.photos import TargetKind
from acceptance_app.storage.models.base import Base, SyncedMixin, enum_column, utcnow


class Photo(SyncedMixin, Base):
    __tablename__ = "photos"

    sha256: Mapped[str] = mapped_column(sa.String(64), unique=True)
    original_name: Mapped[str] = mapped_column(sa.String(255))
    size: Mapped[int] = mapped_column(sa.BigInteger)
    width: Mapped[int] = mapped_column()  # of the upright picture
    height: Mapped[int] = mapped_column()
    mime: Mapped[str] = mapped_column(sa.String(32))
    taken_at: Mapped[datetime | None] = mapped_column()  # EXIF capture time, in UTC
    gps_lat: Mapped[float | None] = mapped_column(sa.Float)
    gps_lon: Mapped[float | None] = mapped_column(sa.Float)
    camera_make: Mapped[str] = mapped_column(sa.String(100), default="")
    camera_model: Mapped[str] = mapped_column(sa.String(100), default="")
    orientation: Mapped[int] = mapped_column(default=1)  # EXIF 1-8, applied to every derived copy
    imported_by: Mapped[str] = mapped_column(sa.String(100), default="")
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class PhotoLink(SyncedMixin, Base):
    __tablename__ = "photo_links"
    __table_args__ = (
        sa.CheckConstraint(
            "(target_kind = 'project' AND project_id IS NOT NULL)"
            " OR (target_kind = 'unit' AND unit_id IS NOT NULL)"
            " OR (target_kind = 'inspection' AND inspection_id IS NOT NULL)"
            " OR (target_kind = 'finding' AND finding_id IS NOT NULL)",
            name="ck_photo_links_target",
        ),
    )

    photo_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("photos.id", ondelete="RESTRICT"), index=True)
    target_kind: Mapped[TargetKind] = enum_column(TargetKind)
    project_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("projects.id", ondelete="RESTRICT"), index=True)
    unit_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("units.id", ondelete="RESTRICT"), index=True)
    inspection_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("inspections.id", ondelete="RESTRICT"), index=True
    )
    item_id: Mapped[str] = mapped_column(sa.String(64), default="")  # checklist item, with an inspection
    finding_id: Mapped[uuid.UUID | None] = mapped_column(sa.Uuid, index=True)
    caption: Mapped[str] = mapped_column(sa.String(500), default="")
    position: Mapped[int] = mapped_column(default=0)


class PhotoAnnotation(SyncedMixin, Base):
    """The annotation layer of a photo: shapes in image-relative coordinates (domain.photos). The original
    never changes; documents use the rendering with this layer drawn on the display copy."""

    __tablename__ = "photo_annotations"

    photo_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("photos.id", ondelete="RESTRICT"), unique=True)
    shapes: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, default=list)
