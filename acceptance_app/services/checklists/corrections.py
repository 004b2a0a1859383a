"""Changing a concluded discipline: 更正 (an answer changed after the conclusion) and 撤销结论 (the conclusion
opened again). Both are legal acts on a record others may rely on, so both need a reason, recorded with the
change (answers.change_reason, inspections.reopen_reason; the audit trail keeps who, when and every earlier
reason), and both are refused once a document that rests on the conclusion has been issued:

- the joint opinion (联合验收意见书) covering the unit, for a formal inspection: it is the final act, and the
  registration feed (验登合一) may already carry it;
- the technical-service report (验收前技术服务意见) of the project, for a service inspection.

A record sheet (专项检查记录表) prints the answers: a correction leaves it out of date, and the caller is told
which sheets to issue again (a new version supersedes the old one; nothing is deleted).

A correction must leave the discipline's verdict as it was concluded; one that would change it is refused, and
the inspector opens the conclusion again (with its reason), answers, and concludes anew.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.document_numbers import PENDING_NUMBER
from acceptance_app.domain.enums import DocumentState, DocumentType, InspectionKind, InspectionStatus
from acceptance_app.domain.problems import KnownError
from acceptance_app.services.changes import Changes
from acceptance_app.services.common import get_or_raise
from acceptance_app.storage.models import Document, Inspection, Unit

# A reason is read by whoever challenges the record later: a word or two says nothing.
MIN_REASON_CHARS = 4
_IN_FORCE = (DocumentState.ISSUED, DocumentState.SIGNING, DocumentState.SIGNED)


def clean_reason(reason: str, code: str, **params: object) -> str:
    text = " ".join(reason.split())
    if len(text) < MIN_REASON_CHARS:
        raise KnownError(code, minimum=MIN_REASON_CHARS, **params)
    return text


def _later_round(session: Session, inspection: Inspection) -> int | None:
    return session.scalar(
        sa.select(sa.func.max(Inspection.round)).where(
            Inspection.unit_id == inspection.unit_id, Inspection.discipline == inspection.discipline,
            Inspection.kind == inspection.kind, Inspection.round > inspection.round)
    )


def _resting_documents(session: Session, inspection: Inspection, unit: Unit) -> list[Document]:
    """The documents in force that rest on this inspection's conclusion."""
    if inspection.kind is InspectionKind.FORMAL:
        where = sa.and_(Document.type == DocumentType.OPINION,
                        sa.or_(Document.unit_id.is_(None), Document.unit_id == unit.id))
    else:
        where = Document.type == DocumentType.SERVICE_REPORT
    return list(session.scalars(
        sa.select(Document).where(where, Document.project_id == unit.project_id, Document.state.in_(_IN_FORCE))
        .order_by(Document.issued_at)))


def ensure_changeable(session: Session, inspection: Inspection) -> None:
    """Refuse a change of a concluded inspection that a later round or an issued document relies on."""
    later = _later_round(session, inspection)
    if later is not None:
        raise KnownError("inspection.later_round", round=inspection.round, later=later)
    unit = session.get(Unit, inspection.unit_id)
    assert unit is not None
    resting = _resting_documents(session, inspection, unit)
    if resting:
        document = resting[-1]
        raise KnownError("inspection.document_issued", unit=unit.name, document=document.type.value,
                         number=document.number or PENDING_NUMBER)


def stale_record_sheets(session: Session, inspection: Inspection) -> list[str]:
    """Numbers of the record sheets in force that print this inspection's answers: to be issued again."""
    if inspection.kind is not InspectionKind.FORMAL:
        return []
    numbers = session.scalars(
        sa.select(Document.number).where(
            Document.type == DocumentType.RECORD_SHEET, Document.unit_id == inspection.unit_id,
            Document.scope == inspection.discipline.value, Document.state.in_(_IN_FORCE)))
    return [n or PENDING_NUMBER for n in numbers]


@dataclass(frozen=True)
class Reopened:
    inspection_id: uuid.UUID
    reason: str


def reopen_inspection(session: Session, inspection_id: uuid.UUID, reason: str) -> tuple[Reopened, Changes]:
    """撤销结论: the concluded inspection is open again (its answers kept), to be answered and concluded anew.
    Refused without a reason, for an open inspection, after a later round, or under an issued document."""
    inspection = get_or_raise(session, Inspection, inspection_id)
    if inspection.status is not InspectionStatus.COMPLETED:
        raise KnownError("inspection.not_concluded")
    text = clean_reason(reason, "inspection.reopen_reason_required")
    ensure_changeable(session, inspection)
    inspection.status = InspectionStatus.IN_PROGRESS
    inspection.verdict = None
    inspection.completed_at = None
    inspection.reopen_reason = text
    session.flush()
    return Reopened(inspection.id, text), Changes(inspection=True, checklist=True, report=True)
