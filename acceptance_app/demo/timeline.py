"""The demo's procedure clocks: 一期 paused in rectification (notice signed for, report not back), 二期 back from
rectification and re-checked, its 6# accepted on its own with a clock of its own. Dates count back from today."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.enums import InspectionKind
from acceptance_app.domain.procedure import Stage
from acceptance_app.services.timeline import record_stage
from acceptance_app.storage.models import Answer, Finding, Inspection, ProcedureEvent, Unit

REASON = "现场验收发现问题，已出具一次性整改通知书，整改期间暂停计时"


def _record(session: Session, project_id: uuid.UUID, steps: list[tuple[Stage, int, str, str]],
            unit_id: uuid.UUID | None = None) -> None:
    today = date.today()
    for stage, days_ago, reference, reason in steps:
        record_stage(session, project_id, stage, today - timedelta(days=days_ago), unit_id=unit_id,
                     reference=reference, reason=reason, recorded_by="王建华")


def add_in_progress_timeline(session: Session, project_id: uuid.UUID) -> None:
    _record(session, project_id, [
        (Stage.APPLIED, 24, "", ""), (Stage.ACCEPTED, 23, "370100-LHYS-2026-0412", ""), (Stage.SITE, 16, "", ""),
        (Stage.RECTIFICATION, 15, "", REASON), (Stage.RECEIPT, 14, "", ""),
    ])


def add_concluded_timeline(session: Session, project_id: uuid.UUID, alone: uuid.UUID | None) -> None:
    _record(session, project_id, [
        (Stage.APPLIED, 30, "", ""), (Stage.ACCEPTED, 29, "370100-LHYS-2026-0388", ""), (Stage.SITE, 22, "", ""),
        (Stage.RECTIFICATION, 21, "", REASON), (Stage.RECEIPT, 20, "", ""), (Stage.REPORTED, 8, "", ""),
        (Stage.RECHECK, 6, "", ""),
    ])
    if alone is not None:
        _record(session, project_id, [
            (Stage.APPLIED, 30, "", ""), (Stage.ACCEPTED, 29, "370100-LHYS-2026-0389", ""), (Stage.SITE, 22, "", ""),
        ], alone)


def _stage_day(session: Session, project_id: uuid.UUID, stage: Stage) -> date | None:
    """The first day of a stage on the project's own clock (not a unit's accepted alone)."""
    day: date | None = session.scalar(sa.select(sa.func.min(ProcedureEvent.on_date)).where(
        ProcedureEvent.project_id == project_id, ProcedureEvent.unit_id.is_(None), ProcedureEvent.stage == stage))
    return day


def _date(session: Session, inspection: Inspection, day: date) -> None:
    start = datetime.combine(day, time(1, 0), tzinfo=UTC)  # 09:00 北京时间
    session.execute(sa.update(Inspection).where(Inspection.id == inspection.id).values(
        started_at=start, completed_at=start + timedelta(hours=2, minutes=30) if inspection.completed_at else None))
    answers = session.execute(sa.select(Answer.id, Answer.sequence).where(Answer.inspection_id == inspection.id))
    # About half a minute an item, in the order they were answered.
    session.execute(sa.update(Answer), [{"id": answer_id, "answered_at": start + timedelta(seconds=30 * sequence)}
                                        for answer_id, sequence in answers])


def date_demo_visits(session: Session, project_id: uuid.UUID) -> None:
    """The demo's inspections carry the day they were made, not the day the demo ran: 验收前技术服务 comes before the
    application (2023 measures, item 9) on the day of its own findings (the earliest service finding's day for a
    session that found nothing); the formal first round on the clock's 现场验收 day, later rounds on its 复验 day
    (left as they are where the clock has none). The service report prints the visit's day and the answers' history
    reads as the visits went. Written through Core: the demo states when the work was done, not a later change."""
    units = list(session.scalars(sa.select(Unit.id).where(Unit.project_id == project_id)))
    session.flush()
    inspections = list(session.scalars(sa.select(Inspection).where(Inspection.unit_id.in_(units))))
    found = {i.id: session.scalar(sa.select(sa.func.min(Finding.opened_on)).where(Finding.inspection_id == i.id))
             for i in inspections if i.kind is InspectionKind.SERVICE}
    service_days = [d for d in found.values() if d is not None]
    site, recheck = _stage_day(session, project_id, Stage.SITE), _stage_day(session, project_id, Stage.RECHECK)
    for inspection in inspections:
        if inspection.kind is InspectionKind.SERVICE:
            day = found[inspection.id] or (min(service_days) if service_days else None)
        else:
            day = site if inspection.round == 1 else recheck
        if day is not None:
            _date(session, inspection, day)
    session.expire_all()
