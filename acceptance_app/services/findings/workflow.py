"""Findings: record them, move them through the rectification loop, list them, and the project dashboard.

Every use case takes ``today`` (the inspector's local date) so that deadlines and "days left" are testable;
the default is the local date of this machine. Who did a step is the session's actor (the signed-in
inspector), as for the audit log.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.enums import Discipline, FindingStatus, InspectionKind, ItemClass, PartyRole
from acceptance_app.domain.findings import (
    FindingAction,
    FindingData,
    FindingEventRow,
    FindingOrigin,
    FindingRow,
    StepNotAllowed,
    allowed_actions,
    class_lowered,
    next_status,
    time_left,
    validate_finding,
)
from acceptance_app.domain.problems import KnownError, ValidationFailed, errors_only
from acceptance_app.domain.working_days import WorkingCalendar
from acceptance_app.reports import labels
from acceptance_app.services.calendar import Recomputed, calendar_for, recent_recomputations
from acceptance_app.services.changes import Changes
from acceptance_app.services.common import get_or_raise
from acceptance_app.storage.models import Finding, FindingEvent, Inspection, Party, Unit, utcnow

DUE_SOON_DAYS = 3  # working days: early warning (measures item 33)


# Deadlines count working days from ``today`` through the calendar: a date far outside it is a typing error
# (and 9999-12-31 would overflow the date type), refused with its bounds.
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2099, 12, 31)


def _today(today: date | None) -> date:
    day = today or date.today()
    if not FIRST_DAY <= day <= LAST_DAY:
        raise KnownError("finding.date_out_of_range", value=day.isoformat(), first=FIRST_DAY.isoformat(),
                         last=LAST_DAY.isoformat())
    return day


def _check_item(session: Session, inspection: Inspection | None, item_id: str | None) -> None:
    """A finding's checklist item must be an item of its inspection's form."""
    if not item_id or inspection is None or not inspection.form_hash:
        return
    from acceptance_app.services.checklists.forms import pinned_form

    if not pinned_form(session, inspection.form_hash).has_item(item_id):
        raise KnownError("finding.no_such_item", item=item_id, form=inspection.form_id or inspection.form_hash[:12])


def _actor(session: Session) -> str:
    return str(session.info.get("actor", ""))


def _check(data: FindingData) -> None:
    errors = errors_only(validate_finding(data))
    if errors:
        raise ValidationFailed(errors)


def party_for(session: Session, project_id: uuid.UUID, role: PartyRole) -> Party:
    party = session.scalars(
        sa.select(Party).where(Party.project_id == project_id, Party.role == role).order_by(Party.created_at)
    ).first()
    if party is None:
        raise KnownError("finding.no_party", role=labels.PARTY_ROLE[role])
    return party


def _event(finding: Finding, action: FindingAction, by: str, note: str,
           inspection_id: uuid.UUID | None = None) -> FindingEvent:
    event = FindingEvent(id=uuid.uuid4(), action=action, status_after=finding.status, at=utcnow(), by=by,
                         note=note.strip(), inspection_id=inspection_id)
    finding.events.append(event)
    return event


# Recording ------------------------------------------------------------------------------------------
def item_class_in(session: Session, inspection_id: uuid.UUID, item_id: str | None) -> ItemClass | None:
    """``item_class_of`` for an inspection given by its id (None: no such inspection, item or class)."""
    inspection = session.get(Inspection, inspection_id)
    return item_class_of(session, inspection, item_id) if inspection is not None else None


def item_class_of(session: Session, inspection: Inspection, item_id: str | None) -> ItemClass | None:
    """The class the inspection's pinned form gives the item (None: no item, or not in the form)."""
    if not item_id or not inspection.form_hash:
        return None
    from acceptance_app.services.checklists import (
        forms as checklist_forms,  # the forms' machinery only where an item is named
    )

    form = checklist_forms.pinned_form(session, inspection.form_hash)
    return form.item(item_id).item_class if form.has_item(item_id) else None


def add_finding(session: Session, inspection_id: uuid.UUID, data: FindingData,
                today: date | None = None, class_reason: str | None = None) -> tuple[uuid.UUID, Changes]:
    """A new finding (待整改) on an inspection; its deadline is ``data.deadline_days`` working days away.
    Where a person chose the class (the window, the CLI: ``class_reason`` given, "" for none), a class lower
    than its item's needs the reason, kept as the note of the finding's first event. Generated findings (the
    demo, imports) pass None and are taken as they are."""
    _check(data)
    inspection = get_or_raise(session, Inspection, inspection_id)
    item_class = item_class_of(session, inspection, (data.item_id or "").strip())
    note = ""
    finding_class = ItemClass(data.item_class)  # dialogs hand the enum's value
    if class_reason is not None and item_class is not None and class_lowered(item_class, finding_class):
        if not class_reason.strip():
            raise KnownError("finding.class_lowered", item=data.item_id, item_class=item_class.value,
                             finding_class=finding_class.value)
        # A record, not UI text: written in the records' language.
        note = f"类别 {item_class.value} → {finding_class.value}：{class_reason.strip()}"
    unit = inspection.unit
    opened = _today(today)
    _check_item(session, inspection, (data.item_id or "").strip() or None)
    party = party_for(session, unit.project_id, data.party_role)
    deadline = calendar_for(session).deadline(opened, data.deadline_days)
    finding = Finding(
        id=uuid.uuid4(), project_id=unit.project_id, unit_id=unit.id, inspection_id=inspection.id,
        item_id=(data.item_id or "").strip() or None, discipline=inspection.discipline,
        description=data.description.strip(), item_class=data.item_class, party_id=party.id, opened_on=opened,
        deadline_days=data.deadline_days, deadline=deadline.day, deadline_provisional=deadline.provisional,
        status=FindingStatus.OPEN, origin=FindingOrigin.FORMAL, created_by=_actor(session),
    )
    _event(finding, FindingAction.OPEN, finding.created_by, note, inspection.id)
    session.add(finding)
    session.flush()
    return finding.id, Changes(finding=True)


def latest_inspection_id(session: Session, unit_id: uuid.UUID, discipline: Discipline) -> uuid.UUID:
    """The round a finding made now belongs to: the latest formal round, else the latest service session."""
    found = session.scalars(
        sa.select(Inspection.id)
        .where(Inspection.unit_id == unit_id, Inspection.discipline == discipline)
        .order_by(Inspection.kind == InspectionKind.FORMAL, Inspection.round)  # formal sorts last (True > False)
    ).all()
    if not found:
        raise KnownError("finding.no_inspection", discipline=labels.DISCIPLINE[discipline])
    return found[-1]


def add_finding_on_unit(session: Session, unit_id: uuid.UUID, discipline: Discipline, data: FindingData,
                        today: date | None = None, class_reason: str | None = None) -> tuple[uuid.UUID, Changes]:
    """``add_finding`` on the current inspection of a unit and discipline (what the unit page offers)."""
    return add_finding(session, latest_inspection_id(session, unit_id, discipline), data, today, class_reason)


def update_finding(session: Session, finding_id: uuid.UUID, data: FindingData) -> Changes:
    """Correct what was entered (text, class, party, deadline); a closed finding is history and stays."""
    _check(data)
    finding = _finding(session, finding_id)
    if finding.status is FindingStatus.CLOSED:
        raise KnownError("finding.closed")
    finding.description = data.description.strip()
    finding.item_class = data.item_class
    _check_item(session, session.get(Inspection, finding.inspection_id), (data.item_id or "").strip() or None)
    finding.item_id = (data.item_id or "").strip() or None
    finding.party_id = party_for(session, finding.project_id, data.party_role).id
    if data.deadline_days != finding.deadline_days:
        finding.deadline_days = data.deadline_days
        deadline = calendar_for(session).deadline(finding.opened_on, data.deadline_days)
        finding.deadline, finding.deadline_provisional = deadline.day, deadline.provisional
    return Changes(finding=True)


def _finding(session: Session, finding_id: uuid.UUID) -> Finding:
    finding = get_or_raise(session, Finding, finding_id)
    return finding


def step(session: Session, finding_id: uuid.UUID, action: FindingAction, note: str = "",
         inspection_id: uuid.UUID | None = None) -> Changes:
    """Moves a finding one step through the loop, or refuses with StepNotAllowed (nothing changed)."""
    finding = _finding(session, finding_id)
    try:
        finding.status = next_status(finding.status, action)
    except StepNotAllowed as refused:  # the text names them as the inspector sees them (text.findings)
        raise KnownError("finding.step_not_allowed", status=refused.status.value, action=action.value) from None
    by = _actor(session)
    if finding.status is FindingStatus.CLOSED:
        finding.closed_by, finding.closed_at = by, utcnow()
    _event(finding, action, by, note, inspection_id or finding.recheck_inspection_id)
    return Changes(finding=True)


def mark_rectified(session: Session, finding_id: uuid.UUID, note: str = "") -> Changes:
    """已整改待复验: the responsible party reports the rectification done (the note says what was done)."""
    return step(session, finding_id, FindingAction.RECTIFY, note)


def recheck(session: Session, finding_id: uuid.UUID, passed: bool, note: str = "",
            inspection_id: uuid.UUID | None = None) -> Changes:
    """The 复验 result: passed closes the finding; failed sends it back to 待整改 (same deadline)."""
    action = FindingAction.RECHECK_PASS if passed else FindingAction.RECHECK_FAIL
    return step(session, finding_id, action, note, inspection_id)


# Reading --------------------------------------------------------------------------------------------
# Plain columns, not ORM entities: the dashboard reads every finding of a project on each change. Each column is
# labelled with the FindingRow field it fills, so the row is built by name and a column added or moved cannot
# shift the others into the wrong fields.
_ROW_COLUMNS = (
    Finding.id.label("id"), Finding.project_id.label("project_id"), Finding.unit_id.label("unit_id"),
    Unit.name.label("unit_name"), Finding.inspection_id.label("inspection_id"),
    Inspection.kind.label("inspection_kind"), Inspection.round.label("round"),
    Finding.discipline.label("discipline"), Finding.item_id.label("item_id"),
    Finding.description.label("description"), Finding.item_class.label("item_class"),
    Party.role.label("party_role"), Party.name.label("party_name"), Finding.opened_on.label("opened_on"),
    Finding.deadline.label("deadline"), Finding.status.label("status"), Finding.origin.label("origin"),
    Finding.created_by.label("created_by"), Finding.closed_by.label("closed_by"),
    Finding.closed_at.label("closed_at"), Finding.deadline_days.label("deadline_days"),
)


def _rows_query() -> sa.Select:
    last_note = (
        sa.select(FindingEvent.note)
        .where(FindingEvent.finding_id == Finding.id, FindingEvent.note != "")
        .order_by(FindingEvent.at.desc())
        .limit(1)
        .correlate(Finding)
        .scalar_subquery()
    )
    return (
        sa.select(*_ROW_COLUMNS, sa.func.coalesce(last_note, "").label("last_note"),
                  Finding.deadline_provisional.label("deadline_provisional"))
        .join(Unit, Unit.id == Finding.unit_id)
        .join(Party, Party.id == Finding.party_id)
        .join(Inspection, Inspection.id == Finding.inspection_id)
    )


def _row(result: sa.Row, today: date, calendar: WorkingCalendar) -> FindingRow:
    values = result._mapping
    return FindingRow(**values, left=time_left(values["status"], values["deadline"], today, calendar))


_STATUS_ORDER = {FindingStatus.OPEN: 0, FindingStatus.RECTIFIED: 1, FindingStatus.CLOSED: 2}


def list_findings(session: Session, project_id: uuid.UUID, *, unit_id: uuid.UUID | None = None,
                  discipline: Discipline | None = None, status: FindingStatus | None = None,
                  party_role: PartyRole | None = None, unresolved_only: bool = False,
                  overdue_only: bool = False, include_carried: bool = False,
                  today: date | None = None) -> list[FindingRow]:
    """Findings of a project, the most urgent first (open before rectified before closed, then by deadline).
    A technical-service finding carried into the formal acceptance is shown once, as its formal copy, unless
    ``include_carried`` (the service report lists the session's own findings)."""
    query = _rows_query().where(Finding.project_id == project_id)
    if not include_carried:
        carried = sa.select(Finding.carried_from_id).where(Finding.carried_from_id.is_not(None))
        query = query.where(Finding.id.not_in(carried))
    if unit_id is not None:
        query = query.where(Finding.unit_id == unit_id)
    if discipline is not None:
        query = query.where(Finding.discipline == discipline)
    if status is not None:
        query = query.where(Finding.status == status)
    if party_role is not None:
        query = query.where(Party.role == party_role)
    if unresolved_only or overdue_only:
        query = query.where(Finding.status != FindingStatus.CLOSED)
    day, calendar = _today(today), calendar_for(session)
    rows = [_row(r, day, calendar) for r in session.execute(query)]
    if overdue_only:
        rows = [r for r in rows if r.overdue]
    return sorted(rows, key=lambda r: (_STATUS_ORDER[r.status], r.deadline, r.unit_name, r.item_id or ""))


def unit_findings(session: Session, unit_id: uuid.UUID, today: date | None = None) -> list[FindingRow]:
    unit = get_or_raise(session, Unit, unit_id)
    return list_findings(session, unit.project_id, unit_id=unit_id, today=today)


def get_finding(session: Session, finding_id: uuid.UUID, today: date | None = None) -> FindingRow:
    result = session.execute(_rows_query().where(Finding.id == finding_id)).first()
    if result is None:
        get_or_raise(session, Finding, finding_id)
    assert result is not None
    return _row(result, _today(today), calendar_for(session))


def finding_events(session: Session, finding_id: uuid.UUID) -> list[FindingEventRow]:
    return [FindingEventRow(e.action, e.status_after, e.at, e.by, e.note) for e in _finding(session, finding_id).events]


def finding_evidence(session: Session, inspection_id: uuid.UUID) -> dict[str, int]:
    """How many findings each checklist item of this inspection has (any status), for the verdict rules
    that ask a 不合格 item for a finding. Findings without an item are not counted."""
    query = (
        sa.select(Finding.item_id, sa.func.count())
        .where(Finding.inspection_id == inspection_id, Finding.item_id.is_not(None))
        .group_by(Finding.item_id)
    )
    return {item_id: count for item_id, count in session.execute(query) if item_id is not None}


# Dashboard ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Dashboard:
    open: int  # 待整改
    rectified: int  # 已整改待复验
    closed: int  # 复验通过
    overdue: int
    due_soon: int  # at most DUE_SOON_DAYS working days left
    by_discipline: dict[Discipline, int] = field(default_factory=dict)  # unresolved (open + rectified)
    by_party: dict[PartyRole, int] = field(default_factory=dict)  # unresolved
    unresolved: tuple[FindingRow, ...] = ()  # the most urgent first
    clock_warnings: tuple[str, ...] = ()  # procedure clocks near or past their limit (services/timeline.py)
    provisional: int = 0  # unresolved, with a deadline counted on weekends only (暂按周末计算)
    recomputed: tuple[Recomputed, ...] = ()  # deadlines recomputed lately, when a year's holiday table arrived

    @property
    def total(self) -> int:
        return self.open + self.rectified + self.closed


def dashboard(session: Session, project_id: uuid.UUID, today: date | None = None) -> Dashboard:
    rows = list_findings(session, project_id, today=today)
    statuses = Counter(r.status for r in rows)
    unresolved = sorted((r for r in rows if r.status is not FindingStatus.CLOSED),
                        key=lambda r: (r.left.days if r.left else 0, r.unit_name))
    return Dashboard(
        open=statuses[FindingStatus.OPEN],
        rectified=statuses[FindingStatus.RECTIFIED],
        closed=statuses[FindingStatus.CLOSED],
        overdue=sum(r.overdue for r in unresolved),
        due_soon=sum(1 for r in unresolved if r.left and 0 <= r.left.days <= DUE_SOON_DAYS),
        by_discipline=dict(Counter(r.discipline for r in unresolved)),
        by_party=dict(Counter(r.party_role for r in unresolved)),
        unresolved=tuple(unresolved),
        clock_warnings=tuple(_clock_warnings(session, project_id, today)),
        provisional=sum(r.deadline_provisional for r in unresolved),
        recomputed=tuple(recent_recomputations(session, project_id)),
    )


def _clock_warnings(session: Session, project_id: uuid.UUID, today: date | None) -> list[str]:
    from acceptance_app.services.timeline import warnings  # the clock reads the jurisdiction table: on demand

    return warnings(session, project_id, today)


def next_steps(status: FindingStatus) -> list[FindingAction]:
    """What the UI offers for a finding in this state."""
    return allowed_actions(status)
