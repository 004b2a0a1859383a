"""The procedure clock of a project (or of one unit accepted alone): record its dated stages, read it back
against the jurisdiction's limit (domain/procedure.py). Working days from the holiday calendar; a year the
calendar does not know yet is counted on weekends only and marked as estimated (暂按周末计算)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.problems import KnownError
from acceptance_app.domain.procedure import Clock, Event, OutOfOrder, Stage, check_next, clock
from acceptance_app.domain.working_days import WorkingCalendar
from acceptance_app.services.calendar import calendar_for
from acceptance_app.services.changes import Changes
from acceptance_app.services.common import get_or_raise
from acceptance_app.services.documents.organs import jurisdiction_values
from acceptance_app.storage.db import data_folder_of
from acceptance_app.storage.models import ProcedureEvent, Project, Unit

DEFAULT_LIMIT, DEFAULT_WARN = 10, 2
STAGE_LABEL = {
    Stage.APPLIED: "申请", Stage.ACCEPTED: "受理", Stage.SITE: "现场验收", Stage.RECTIFICATION: "整改（暂停计时）",
    Stage.RECEIPT: "建设单位签收整改通知", Stage.REPORTED: "整改报告回复（恢复计时）", Stage.RECHECK: "复验",
    Stage.OPINION: "出具意见（办结）",
}


def _events(session: Session, project_id: uuid.UUID, unit_id: uuid.UUID | None) -> list[Event]:
    rows = session.scalars(sa.select(ProcedureEvent).where(
        ProcedureEvent.project_id == project_id,
        ProcedureEvent.unit_id.is_(None) if unit_id is None else ProcedureEvent.unit_id == unit_id,
    ).order_by(ProcedureEvent.on_date, ProcedureEvent.created_at))
    return [Event(r.stage, r.on_date, r.reference, r.reason) for r in rows]


def record_stage(session: Session, project_id: uuid.UUID, stage: Stage, on: date, *, unit_id: uuid.UUID | None = None,
                 reference: str = "", reason: str = "", recorded_by: str = "") -> Changes:
    """Record one stage; out of order or dated before the last stage is refused and changes nothing."""
    get_or_raise(session, Project, project_id)
    if unit_id is not None:
        unit = session.get(Unit, unit_id)
        if unit is None or unit.project_id != project_id:
            raise KnownError("timeline.not_this_project", unit=str(unit_id))
    new = Event(stage, on, reference.strip(), reason.strip())
    try:
        check_next(_events(session, project_id, unit_id), new)
    except OutOfOrder as wrong:
        if wrong.needs is Stage.REPORTED and stage is Stage.OPINION:
            raise KnownError("timeline.still_paused") from None
        if wrong.needs is not None:
            raise KnownError("timeline.needs_stage", stage=STAGE_LABEL[stage], needs=STAGE_LABEL[wrong.needs]) from None
        raise KnownError("timeline.earlier_date", stage=STAGE_LABEL[stage],
                         earlier=(wrong.earlier or on).isoformat()) from None
    session.add(ProcedureEvent(project_id=project_id, unit_id=unit_id, stage=stage, on_date=on,
                               reference=new.reference, reason=new.reason,
                               recorded_by=recorded_by or str(session.info.get("actor") or "")))
    session.flush()
    return Changes(report=True)


def _between(calendar: WorkingCalendar, start: date, end: date) -> tuple[int, bool]:
    """Working days from start to end, and whether a year without its holiday table was counted on weekends
    only (estimated, 暂按周末计算)."""
    return calendar.working_days_between(start, end), bool(calendar.unknown_years(start, end))


@dataclass(frozen=True)
class Timeline:
    project_id: uuid.UUID
    unit_id: uuid.UUID | None
    clock: Clock


def project_timeline(session: Session, project_id: uuid.UUID, unit_id: uuid.UUID | None = None,
                     today: date | None = None) -> Timeline:
    project = get_or_raise(session, Project, project_id)
    values = _limits(session, project)
    events = _events(session, project_id, unit_id)
    calendar = calendar_for(session)
    return Timeline(project_id, unit_id, clock(events, values[0], values[1], today or date.today(),
                                               lambda start, end: _between(calendar, start, end)))


def _limits(session: Session, project: Project) -> tuple[int, int]:
    folder = data_folder_of(session)
    values = jurisdiction_values(folder.root, project.region_code) if folder is not None else {}
    limit = values.get("procedure.joint_acceptance_days", DEFAULT_LIMIT)
    warn = values.get("procedure.warn_before_days", DEFAULT_WARN)
    return (int(limit) if isinstance(limit, int | float) else DEFAULT_LIMIT,
            int(warn) if isinstance(warn, int | float) else DEFAULT_WARN)


def warnings(session: Session, project_id: uuid.UUID, today: date | None = None) -> list[str]:
    """Clocks near or past their limit, for the 整改 dashboard: the project's and each unit accepted alone."""
    lines = []
    scopes: list[tuple[uuid.UUID | None, str]] = [(None, "项目")]
    scopes += [(u.id, u.name) for u in session.scalars(sa.select(Unit).where(Unit.project_id == project_id,
                                                                             Unit.accepted_alone))]
    for unit_id, name in scopes:
        c = project_timeline(session, project_id, unit_id, today).clock
        if c.running and c.status != "ok":
            state = "已超过" if c.status == "over" else "即将达到"
            mark = "（暂按周末计算）" if c.estimated else ""
            lines.append(f"{name}：已计{c.counted_days}个工作日{mark}，{state}时限{c.limit_days}个工作日")
    return lines


def as_json(timeline: Timeline) -> dict:
    c = timeline.clock
    return {
        "project": str(timeline.project_id), "unit": str(timeline.unit_id) if timeline.unit_id else None,
        "events": [{"stage": e.stage.value, "label": STAGE_LABEL[e.stage], "date": e.on.isoformat(),
                    "reference": e.reference, "reason": e.reason} for e in c.events],
        "pauses": [{"start": p.start.isoformat(), "end": p.end.isoformat() if p.end else None, "reason": p.reason,
                    "receipt": p.receipt.isoformat() if p.receipt else None} for p in c.pauses],
        "counted_working_days": c.counted_days, "limit_working_days": c.limit_days, "warn_before": c.warn_before,
        "status": c.status, "running": c.running, "estimated": c.estimated,
    }
