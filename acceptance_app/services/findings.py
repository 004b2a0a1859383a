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
from acceptance_app.domain.working_days import add_working_days
from acceptance_app.i18n import N_, _
from acceptance_app.messages import FIELD_LABELS, register
from acceptance_app.reports import labels
from acceptance_app.services.changes import Changes
from acceptance_app.services.projects import get_or_404
from acceptance_app.storage.models import Finding, FindingEvent, Inspection, Party, Unit, utcnow

FIELD_LABELS.update({
    "description": N_("Description"),
    "deadline_days": N_("Deadline (working days)"),
    "item_id": N_("Checklist item"),
    "subject": N_("Subject"),
    "promise": N_("Promised material or condition"),
    "due_on": N_("Promised date"),
})
register(
    rules={
        "commitment.due_in_past": N_("{date} is already past"),
        "date.format": N_("must be a date like 2027-02-28, not \u201c{value}\u201d"),
    },
    errors={
        "calendar.out_of_range": N_(
            "The working-day calendar knows the years {first} to {last} only; {date} is beyond it. Choose a "
            "shorter deadline, or update the chinese-calendar package when the State Council has published "
            "the next year's holidays."
        ),
        "finding.step_not_allowed": N_("This finding is \u201c{status}\u201d; the step \u201c{action}\u201d is not possible now."),
        "finding.no_party": N_("The project has no {role}; add the responsible party first."),
        "finding.closed": N_("This finding is closed (re-check passed) and can no longer be edited."),
        "finding.class_lowered": N_(
            "Item {item} is class {item_class}; a class {finding_class} finding on it needs a reason for the lower "
            "class. Nothing was saved."
        ),
        "finding.no_inspection": N_(
            "This unit has no {discipline} inspection yet; start the inspection before recording findings."
        ),
    },
)

STATUS_NAMES = {
    FindingStatus.OPEN: N_("to rectify"),
    FindingStatus.RECTIFIED: N_("rectified, awaiting re-check"),
    FindingStatus.CLOSED: N_("re-check passed"),
}
ACTION_NAMES = {
    FindingAction.OPEN: N_("Opened"),
    FindingAction.RECTIFY: N_("Rectified"),
    FindingAction.RECHECK_PASS: N_("Re-check passed"),
    FindingAction.RECHECK_FAIL: N_("Re-check failed"),
}

DUE_SOON_DAYS = 3  # working days: early warning (measures item 33)


def _today(today: date | None) -> date:
    return today or date.today()


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
def item_class_of(session: Session, inspection: Inspection, item_id: str | None) -> ItemClass | None:
    """The class the inspection's pinned form gives the item (None: no item, or not in the form)."""
    if not item_id or not inspection.form_hash:
        return None
    from acceptance_app.services import checklist_forms  # the forms' machinery only where an item is named

    form = checklist_forms.pinned_form(session, inspection.form_hash)
    return form.item(item_id).item_class if form.has_item(item_id) else None


def add_finding(session: Session, inspection_id: uuid.UUID, data: FindingData,
                today: date | None = None, class_reason: str | None = None) -> tuple[uuid.UUID, Changes]:
    """A new finding (待整改) on an inspection; its deadline is ``data.deadline_days`` working days away.
    Where a person chose the class (the window, the CLI: ``class_reason`` given, "" for none), a class lower
    than its item's needs the reason, kept as the note of the finding's first event. Generated findings (the
    demo, imports) pass None and are taken as they are."""
    _check(data)
    inspection = get_or_404(session, Inspection, inspection_id)
    assert isinstance(inspection, Inspection)
    item_class = item_class_of(session, inspection, (data.item_id or "").strip())
    note = ""
    finding_class = ItemClass(data.item_class)  # dialogs hand the enum's value
    if class_reason is not None and item_class is not None and class_lowered(item_class, finding_class):
        if not class_reason.strip():
            raise KnownError("finding.class_lowered", item=data.item_id, item_class=item_class.value,
                             finding_class=finding_class.value)
        note = _("class {item_class} → {finding_class}: {reason}").format(
            item_class=item_class.value, finding_class=finding_class.value, reason=class_reason.strip())
    unit = inspection.unit
    party = party_for(session, unit.project_id, data.party_role)
    opened = _today(today)
    finding = Finding(
        id=uuid.uuid4(), project_id=unit.project_id, unit_id=unit.id, inspection_id=inspection.id,
        item_id=(data.item_id or "").strip() or None, discipline=inspection.discipline,
        description=data.description.strip(), item_class=data.item_class, party_id=party.id, opened_on=opened,
        deadline_days=data.deadline_days, deadline=add_working_days(opened, data.deadline_days),
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
    finding.item_id = (data.item_id or "").strip() or None
    finding.party_id = party_for(session, finding.project_id, data.party_role).id
    if data.deadline_days != finding.deadline_days:
        finding.deadline_days = data.deadline_days
        finding.deadline = add_working_days(finding.opened_on, data.deadline_days)
    return Changes(finding=True)


def _finding(session: Session, finding_id: uuid.UUID) -> Finding:
    finding = get_or_404(session, Finding, finding_id)
    assert isinstance(finding, Finding)
    return finding


def step(session: Session, finding_id: uuid.UUID, action: FindingAction, note: str = "",
         inspection_id: uuid.UUID | None = None) -> Changes:
    """Moves a finding one step through the loop, or refuses with StepNotAllowed (nothing changed)."""
    finding = _finding(session, finding_id)
    try:
        finding.status = next_status(finding.status, action)
    except StepNotAllowed as refused:  # say it with the names the inspector sees
        raise KnownError("finding.step_not_allowed", status=_(STATUS_NAMES[refused.status]),
                         action=_(ACTION_NAMES[action])) from None
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
# Plain columns, not ORM entities: the dashboard reads every finding of a project on each change.
_ROW_COLUMNS = (
    Finding.id, Finding.project_id, Finding.unit_id, Unit.name, Finding.inspection_id, Inspection.kind,
    Inspection.round, Finding.discipline, Finding.item_id, Finding.description, Finding.item_class, Party.role,
    Party.name, Finding.opened_on, Finding.deadline, Finding.status, Finding.origin, Finding.created_by,
    Finding.closed_by, Finding.closed_at,
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
        sa.select(*_ROW_COLUMNS, sa.func.coalesce(last_note, ""), Finding.deadline_days)
        .join(Unit, Unit.id == Finding.unit_id)
        .join(Party, Party.id == Finding.party_id)
        .join(Inspection, Inspection.id == Finding.inspection_id)
    )


def _row(result: sa.Row, today: date) -> FindingRow:
    values = tuple(result)
    status, deadline = values[15], values[14]
    return FindingRow(*values[:21], time_left(status, deadline, today), values[21])


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
    day = _today(today)
    rows = [_row(r, day) for r in session.execute(query)]
    if overdue_only:
        rows = [r for r in rows if r.overdue]
    return sorted(rows, key=lambda r: (_STATUS_ORDER[r.status], r.deadline, r.unit_name, r.item_id or ""))


def unit_findings(session: Session, unit_id: uuid.UUID, today: date | None = None) -> list[FindingRow]:
    unit = get_or_404(session, Unit, unit_id)
    assert isinstance(unit, Unit)
    return list_findings(session, unit.project_id, unit_id=unit_id, today=today)


def get_finding(session: Session, finding_id: uuid.UUID, today: date | None = None) -> FindingRow:
    result = session.execute(_rows_query().where(Finding.id == finding_id)).first()
    if result is None:
        get_or_404(session, Finding, finding_id)
    assert result is not None
    return _row(result, _today(today))


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
    return {item_id: count for item_id, count in session.execute(query)}


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
    )


def next_steps(status: FindingStatus) -> list[FindingAction]:
    """What the UI offers for a finding in this state."""
    return allowed_actions(status)
