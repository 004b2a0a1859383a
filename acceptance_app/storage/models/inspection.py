"""One discipline on one unit in one round of an acceptance (or of a technical-service session)."""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from acceptance_app.domain.enums import Discipline, InspectionKind, InspectionStatus, Verdict
from acceptance_app.storage.models.base import Base, SyncedMixin, enum_column
from acceptance_app.storage.models.core import Inspector, Unit


class Inspection(SyncedMixin, Base):
    __tablename__ = "inspections"
    __table_args__ = (sa.UniqueConstraint("unit_id", "discipline", "kind", "round"),)

    unit_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("units.id", ondelete="CASCADE"), index=True)
    discipline: Mapped[Discipline] = enum_column(Discipline)
    kind: Mapped[InspectionKind] = enum_column(InspectionKind)
    round: Mapped[int] = mapped_column(default=1)
    status: Mapped[InspectionStatus] = enum_column(InspectionStatus)
    verdict: Mapped[Verdict | None] = enum_column(Verdict, nullable=True)
    inspector_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("inspectors.id"))
    started_at: Mapped[datetime | None] = mapped_column()
    completed_at: Mapped[datetime | None] = mapped_column()
    # The checklist form this inspection is pinned to (filled by the checklist runner).
    form_id: Mapped[str] = mapped_column(sa.String(64), default="")
    form_version: Mapped[str] = mapped_column(sa.String(32), default="")
    form_hash: Mapped[str] = mapped_column(sa.String(64), default="")
    # The effective jurisdiction table (tolerance bands, sampling ratios, verdict rules) it was pinned to.
    jurisdiction_hash: Mapped[str] = mapped_column(sa.String(64), default="", server_default="")
    # Why a concluded inspection was opened again (撤销结论); the audit trail keeps every earlier reason.
    reopen_reason: Mapped[str] = mapped_column(sa.Text, default="", server_default="")

    unit: Mapped[Unit] = relationship()
    inspector: Mapped[Inspector | None] = relationship()
