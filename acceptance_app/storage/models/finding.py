"""Findings, the history of each, and commitments (告知承诺 / 容缺).

A finding belongs to an inspection (one discipline, one unit, one round) and optionally to a checklist item,
referenced by its string id (e.g. XF-04-1) so that this table does not depend on the checklist tables.
Photos point at findings from their own link table (branch `photos`), not the other way round.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from acceptance_app.domain.enums import Discipline, FindingStatus, ItemClass
from acceptance_app.domain.findings import CommitmentKind, CommitmentStatus, FindingAction, FindingOrigin
from acceptance_app.storage.models.base import Base, SyncedMixin, enum_column
from acceptance_app.storage.models.core import Party


class Finding(SyncedMixin, Base):
    __tablename__ = "findings"

    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("projects.id"), index=True)
    unit_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("units.id"), index=True)
    inspection_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("inspections.id"), index=True  # the round in which it was found
    )
    item_id: Mapped[str | None] = mapped_column(sa.String(40))
    discipline: Mapped[Discipline] = enum_column(Discipline)  # copied from the inspection, for the dashboard
    description: Mapped[str] = mapped_column(sa.Text)
    item_class: Mapped[ItemClass] = enum_column(ItemClass)
    party_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("parties.id"))
    opened_on: Mapped[date] = mapped_column(sa.Date)
    deadline_days: Mapped[int] = mapped_column()  # working days
    deadline: Mapped[date] = mapped_column(sa.Date)
    # True while a year between opened_on and the deadline had no holiday table: counted on weekends only
    # (暂按周末计算) and recomputed when the table arrives (services/calendar.py).
    deadline_provisional: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    status: Mapped[FindingStatus] = enum_column(FindingStatus)
    origin: Mapped[FindingOrigin] = enum_column(FindingOrigin)
    carried_from_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("findings.id"))
    # The 复验 round (a later inspection of the same unit and discipline) that is to check this finding.
    recheck_inspection_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("inspections.id"), index=True)
    created_by: Mapped[str] = mapped_column(sa.String(100), default="")
    closed_by: Mapped[str] = mapped_column(sa.String(100), default="")
    closed_at: Mapped[datetime | None] = mapped_column()

    party: Mapped[Party] = relationship()
    events: Mapped[list[FindingEvent]] = relationship(
        back_populates="finding", order_by="FindingEvent.at", cascade="all, delete-orphan"
    )


class FindingEvent(SyncedMixin, Base):
    """One step of a finding: who did what, when, with the state it led to."""

    __tablename__ = "finding_events"

    finding_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("findings.id", ondelete="CASCADE"), index=True)
    action: Mapped[FindingAction] = enum_column(FindingAction)
    status_after: Mapped[FindingStatus] = enum_column(FindingStatus)
    at: Mapped[datetime] = mapped_column()
    by: Mapped[str] = mapped_column(sa.String(100), default="")
    note: Mapped[str] = mapped_column(sa.Text, default="")
    # The inspection round in which the step was recorded (a re-check belongs to a 复验 round).
    inspection_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("inspections.id"))

    finding: Mapped[Finding] = relationship(back_populates="events")


class Commitment(SyncedMixin, Base):
    __tablename__ = "commitments"

    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("projects.id"), index=True)
    unit_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("units.id"))
    kind: Mapped[CommitmentKind] = enum_column(CommitmentKind)
    subject: Mapped[str] = mapped_column(sa.String(500))
    promise: Mapped[str] = mapped_column(sa.Text)
    party_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("parties.id"))
    made_on: Mapped[date] = mapped_column(sa.Date)
    due_on: Mapped[date] = mapped_column(sa.Date)
    status: Mapped[CommitmentStatus] = enum_column(CommitmentStatus)
    blocks_opinion: Mapped[bool] = mapped_column()
    created_by: Mapped[str] = mapped_column(sa.String(100), default="")
    checked_by: Mapped[str] = mapped_column(sa.String(100), default="")
    checked_at: Mapped[datetime | None] = mapped_column()
    check_note: Mapped[str] = mapped_column(sa.Text, default="")

    party: Mapped[Party] = relationship()
