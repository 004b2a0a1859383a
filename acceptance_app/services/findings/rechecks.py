"""Re-inspection (复验) rounds and carrying technical-service findings into the formal acceptance.

A 复验 round is a new Inspection of the same unit, discipline and kind with round + 1. It checks only what
is not settled: the unresolved findings of the earlier rounds and the checklist items they point at. The
checklist answers are not in this branch; the checklist runner can add its own failed items to
``RecheckScope.item_ids`` (they are the same ids the findings carry).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.enums import Discipline, FindingStatus, InspectionKind, InspectionStatus
from acceptance_app.domain.findings import FindingOrigin, FindingRow
from acceptance_app.domain.problems import KnownError
from acceptance_app.services.changes import Changes
from acceptance_app.services.common import get_or_raise
from acceptance_app.services.findings.workflow import list_findings
from acceptance_app.storage.models import Finding, FindingEvent, Inspection, Unit


@dataclass(frozen=True)
class RecheckScope:
    inspection_id: uuid.UUID
    round: int
    item_ids: tuple[str, ...]  # checklist items to check again (from the findings)
    findings: tuple[FindingRow, ...]


def _latest(session: Session, unit_id: uuid.UUID, discipline: Discipline, kind: InspectionKind) -> Inspection | None:
    return session.scalars(
        sa.select(Inspection)
        .where(Inspection.unit_id == unit_id, Inspection.discipline == discipline, Inspection.kind == kind)
        .order_by(Inspection.round.desc())
    ).first()


def start_recheck_round(session: Session, unit_id: uuid.UUID, discipline: Discipline,
                        kind: InspectionKind = InspectionKind.FORMAL) -> tuple[RecheckScope, Changes]:
    """Opens round N+1 for the unresolved findings of a unit and discipline (the last round must be done)."""
    get_or_raise(session, Unit, unit_id)
    previous = _latest(session, unit_id, discipline, kind)
    if previous is None:
        raise KnownError("recheck.no_inspection")
    if previous.status is not InspectionStatus.COMPLETED:
        raise KnownError("recheck.not_completed", round=previous.round)
    unresolved = list(session.scalars(
        sa.select(Finding).join(Inspection, Inspection.id == Finding.inspection_id).where(
            Finding.unit_id == unit_id, Finding.discipline == discipline, Inspection.kind == kind,
            Finding.status != FindingStatus.CLOSED)
    ))
    if not unresolved:
        raise KnownError("recheck.nothing_to_check")
    inspection = Inspection(
        id=uuid.uuid4(), unit_id=unit_id, discipline=discipline, kind=kind, round=previous.round + 1,
        status=InspectionStatus.NOT_STARTED, inspector_id=previous.inspector_id, form_id=previous.form_id,
        form_version=previous.form_version, form_hash=previous.form_hash,
    )
    session.add(inspection)
    session.flush()
    for finding in unresolved:
        finding.recheck_inspection_id = inspection.id
    session.flush()
    return recheck_scope(session, inspection.id), Changes(inspection=True, finding=True)


def recheck_scope(session: Session, inspection_id: uuid.UUID) -> RecheckScope:
    """What a 复验 round checks: the findings assigned to it (whatever their state now) and their items."""
    inspection = get_or_raise(session, Inspection, inspection_id)
    ids = set(session.scalars(sa.select(Finding.id).where(Finding.recheck_inspection_id == inspection_id)))
    rows = tuple(r for r in list_findings(session, inspection.unit.project_id, unit_id=inspection.unit_id,
                                          discipline=inspection.discipline) if r.id in ids)
    items = tuple(sorted({r.item_id for r in rows if r.item_id}))
    return RecheckScope(inspection.id, inspection.round, items, rows)


def carry_service_findings(session: Session, project_id: uuid.UUID) -> tuple[int, Changes]:
    """Copies every unresolved finding of the project's technical-service sessions into the formal acceptance
    (the latest formal round of the same unit and discipline; round 1 is opened if there is none), as items to
    check again. Each is carried once; the service finding keeps its own history."""
    carried = sa.select(Finding.carried_from_id).where(Finding.carried_from_id.is_not(None))
    sources = list(session.scalars(
        sa.select(Finding).join(Inspection, Inspection.id == Finding.inspection_id).where(
            Finding.project_id == project_id, Inspection.kind == InspectionKind.SERVICE,
            Finding.status != FindingStatus.CLOSED, Finding.id.not_in(carried))
        .order_by(Finding.created_at)
    ))
    changes = Changes()
    for source in sources:
        target = _latest(session, source.unit_id, source.discipline, InspectionKind.FORMAL)
        if target is None:
            target = Inspection(id=uuid.uuid4(), unit_id=source.unit_id, discipline=source.discipline,
                                kind=InspectionKind.FORMAL, round=1, status=InspectionStatus.NOT_STARTED)
            session.add(target)
            session.flush()
            changes |= Changes(inspection=True)
        copy = Finding(
            id=uuid.uuid4(), project_id=source.project_id, unit_id=source.unit_id, inspection_id=target.id,
            item_id=source.item_id, discipline=source.discipline, description=source.description,
            item_class=source.item_class, party_id=source.party_id, opened_on=source.opened_on,
            deadline_days=source.deadline_days, deadline=source.deadline, deadline_provisional=source.deadline_provisional,
            status=source.status,
            origin=FindingOrigin.SERVICE, carried_from_id=source.id, created_by=str(session.info.get("actor", "")),
        )
        copy.events = [FindingEvent(id=uuid.uuid4(), action=e.action, status_after=e.status_after, at=e.at, by=e.by,
                                    note=e.note, inspection_id=e.inspection_id) for e in source.events]
        session.add(copy)
        changes |= Changes(finding=True)
    session.flush()
    return len(sources), changes

