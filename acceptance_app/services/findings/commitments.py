"""Commitments (告知承诺 / 容缺): record a promise, check it later, and refuse the final opinion while a
blocking one is open (measures item 21: 告知、承诺、核查 ... 闭环管理)."""

from __future__ import annotations

import uuid
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.findings import (
    CommitmentData,
    CommitmentKind,
    CommitmentRow,
    CommitmentStatus,
    blocks_opinion,
    check_commitment,
    validate_commitment,
)
from acceptance_app.domain.problems import KnownError, ValidationFailed, errors_only
from acceptance_app.reports import labels
from acceptance_app.services.changes import Changes
from acceptance_app.services.common import get_or_raise
from acceptance_app.services.findings.workflow import party_for
from acceptance_app.storage.models import Commitment, Party, Project, utcnow

KIND_TEXT = {CommitmentKind.PROMISE: "告知承诺", CommitmentKind.DEFERRED: "容缺"}


def add_commitment(session: Session, project_id: uuid.UUID, data: CommitmentData,
                   rule: dict[CommitmentKind, bool] | None = None, today: date | None = None,
                   unit_id: uuid.UUID | None = None) -> tuple[uuid.UUID, Changes]:
    """``rule`` says which kinds block the opinion (default: 容缺 blocks, 告知承诺 does not);
    ``data.blocks_opinion`` set explicitly overrides it for this one commitment."""
    day = today or date.today()
    errors = errors_only(validate_commitment(data, day))
    if errors:
        raise ValidationFailed(errors)
    get_or_raise(session, Project, project_id)
    blocking = blocks_opinion(data.kind, rule) if data.blocks_opinion is None else data.blocks_opinion
    commitment = Commitment(
        id=uuid.uuid4(), project_id=project_id, unit_id=unit_id, kind=data.kind, subject=data.subject.strip(),
        promise=data.promise.strip(), party_id=party_for(session, project_id, data.party_role).id, made_on=day,
        due_on=data.due_on, status=CommitmentStatus.OPEN, blocks_opinion=blocking,
        created_by=str(session.info.get("actor", "")),
    )
    session.add(commitment)
    session.flush()
    return commitment.id, Changes(finding=True)


def record_check(session: Session, commitment_id: uuid.UUID, result: CommitmentStatus, note: str = "") -> Changes:
    """The later check (核查): fulfilled or broken; once only."""
    commitment = get_or_raise(session, Commitment, commitment_id)
    commitment.status = check_commitment(commitment.status, result)
    commitment.checked_by = str(session.info.get("actor", ""))
    commitment.checked_at = utcnow()
    commitment.check_note = note.strip()
    return Changes(finding=True)


def list_commitments(session: Session, project_id: uuid.UUID, open_only: bool = False,
                     today: date | None = None) -> list[CommitmentRow]:
    day = today or date.today()
    query = (
        sa.select(Commitment, Party.role, Party.name)
        .join(Party, Party.id == Commitment.party_id)
        .where(Commitment.project_id == project_id)
        .order_by(Commitment.due_on, Commitment.created_at)
    )
    if open_only:
        query = query.where(Commitment.status == CommitmentStatus.OPEN)
    return [
        CommitmentRow(c.id, c.project_id, c.kind, c.subject, c.promise, role, name, c.made_on, c.due_on, c.status,
                      c.blocks_opinion, c.checked_by, c.checked_at, c.check_note, (c.due_on - day).days)
        for c, role, name in session.execute(query)
    ]


def opinion_text(row: CommitmentRow) -> str:
    """How an open commitment reads in the opinion (documents are Chinese, not translated)."""
    return (f"“{KIND_TEXT[row.kind]}”{row.subject}：{labels.PARTY_ROLE[row.party_role]}{row.party_name}承诺"
            f"{row.promise}，期限{row.due_on:%Y年%m月%d日}。")


def ensure_opinion_allowed(session: Session, project_id: uuid.UUID) -> None:
    """Refuses (nothing changed) while a commitment that blocks the opinion is open."""
    blocking = [r for r in list_commitments(session, project_id, open_only=True) if r.blocking]
    if blocking:
        items = "\n".join(f"- {KIND_TEXT[r.kind]}：{r.subject}（{r.party_name}，{r.due_on:%Y-%m-%d}）" for r in blocking)
        raise KnownError("commitment.blocks_opinion", items=items)
