"""What an opinion covers: the whole project, or one unit accepted on its own (单体单独验收).

山东省2023年工程建设项目审批制度改革措施第9条: "在符合项目整体质量安全要求、达到安全使用条件的前提下，对满足独立使用
功能的单位工程，可单独开展联合验收" — on the builder's application (自愿申请, recorded on the unit as 单独验收). A unit
is offered for an opinion of its own only when it was applied for alone and every discipline that concerns it is
concluded 合格 or 不涉及: a unit alone is accepted because it is fit for use, so a 不合格 or a rectification still
open keeps it with the rest of the project. The whole project is always offered; what still keeps its opinion back
is listed (the opinion's builder refuses it with the full list, services/documents/inputs.py ``conclusions``).

An opinion already in force for the same scope with the same content is not issued a second time: the opinion is a
legal document with a number; a correction (the content changed) is a new version that supersedes it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.document_numbers import PENDING_NUMBER
from acceptance_app.domain.enums import (
    DISCIPLINES,
    CellStatus,
    Discipline,
    DocumentState,
    DocumentType,
    InspectionKind,
)
from acceptance_app.domain.problems import KnownError
from acceptance_app.services.common import get_or_raise
from acceptance_app.services.documents import drafts as document_drafts
from acceptance_app.services.documents import inputs as src
from acceptance_app.services.documents import issuing
from acceptance_app.storage.models import Document, Project, Unit

# Why a scope is not ready: a code per discipline state (text: acceptance_app/text/documents.py SCOPE_BLOCKERS).
BLOCKER_OF = {
    CellStatus.NOT_STARTED: "scope.not_started",
    CellStatus.IN_PROGRESS: "scope.in_progress",
    CellStatus.RECTIFYING: "scope.rectifying",
    CellStatus.FAILED: "scope.failed",
}
NOT_APPLIED_ALONE = "scope.not_applied_alone"


@dataclass(frozen=True)
class Blocker:
    code: str  # a key of BLOCKER_OF's values or NOT_APPLIED_ALONE
    discipline: Discipline | None = None
    unit: str = ""  # the unit's name, for the whole project's blockers


@dataclass(frozen=True)
class OpinionScope:
    unit_id: uuid.UUID | None  # None: the whole project
    name: str  # the unit's name, or the project's
    unit_code: str  # 单体代码 (JGJ/T 496), "" when not recorded or for the whole project
    blockers: tuple[Blocker, ...]
    issued_number: str = ""  # the opinion in force for this scope, if any (待编号 for a draft)

    @property
    def ready(self) -> bool:
        return not self.blockers


def _issued_numbers(session: Session, project_id: uuid.UUID) -> dict[uuid.UUID | None, str]:
    rows = session.scalars(sa.select(Document).where(
        Document.project_id == project_id, Document.type == DocumentType.OPINION,
        Document.state != DocumentState.SUPERSEDED).order_by(Document.version))
    return {d.unit_id: d.number or PENDING_NUMBER for d in rows}


def opinion_scopes(session: Session, project_id: uuid.UUID) -> list[OpinionScope]:
    """The whole project first, then each unit in the project's order, each with what keeps it back."""
    project = get_or_raise(session, Project, project_id)
    units = list(project.units)
    latest = src.latest_inspections(session, [u.id for u in units], InspectionKind.FORMAL)
    issued = _issued_numbers(session, project_id)
    whole: list[Blocker] = []
    alone: list[OpinionScope] = []
    for unit in units:
        blockers = [] if unit.accepted_alone else [Blocker(NOT_APPLIED_ALONE)]
        for discipline in DISCIPLINES:
            state = src.opinion_state(session, unit, discipline, latest.get((unit.id, discipline)))
            code = BLOCKER_OF.get(state) if state is not None else None
            if code is not None:
                blockers.append(Blocker(code, discipline))
                if state is not CellStatus.FAILED:  # a final 不合格 is a project opinion's result, not a bar
                    whole.append(Blocker(code, discipline, unit.name))
        alone.append(OpinionScope(unit.id, unit.name, unit.unit_code, tuple(blockers), issued.get(unit.id, "")))
    return [OpinionScope(None, project.name, "", tuple(whole), issued.get(None, "")), *alone]


def opinion_drafts(session: Session, project_id: uuid.UUID, unit_id: uuid.UUID | None,
                   day: date | None = None) -> list[document_drafts.Draft]:
    """The draft of the opinion of this scope, refused (KnownError, nothing taken) for a unit that is not ready to
    be accepted alone, and for an opinion whose content is already issued under a number."""
    if unit_id is not None:
        ensure_unit_ready(session, project_id, unit_id)
    drafts = document_drafts.draft_inputs(session, DocumentType.OPINION, project_id, unit_id, day)
    for draft in drafts:
        ensure_not_issued(session, project_id, unit_id, draft)
    return drafts


def ensure_unit_ready(session: Session, project_id: uuid.UUID, unit_id: uuid.UUID) -> None:
    """Refuse (KnownError, with every reason) a unit of another project or one not ready to be accepted alone.
    The window and ``opinion render --unit`` ask it; the issuing core itself does not, so that its own checks
    (services/documents/inputs.py) stay the only ones for callers that issue a unit's opinion for other ends."""
    unit = get_or_raise(session, Unit, unit_id)
    if unit.project_id != project_id:
        raise KnownError("timeline.not_this_project", unit=unit.name)
    scope = next(s for s in opinion_scopes(session, project_id) if s.unit_id == unit_id)
    if not scope.ready:
        raise KnownError("documents.unit_not_ready", unit=unit.name, reasons=[
            [b.code, b.discipline.value if b.discipline else "", b.unit] for b in scope.blockers])


def ensure_not_issued(session: Session, project_id: uuid.UUID, unit_id: uuid.UUID | None,
                      draft: document_drafts.Draft) -> None:
    """Refuse a second opinion that would say what the one in force says (issuing would hand back the same
    document): the inspector is told which number already covers it."""
    current = issuing.current_document(session, DocumentType.OPINION, project_id, unit_id, "")
    if current is None or current.state is DocumentState.DRAFT:  # a draft 待编号 is numbered anew
        return
    if (current.inputs_sha256 == issuing.inputs_sha256(draft.data)
            and (issuing.data_folder_of(session).root / current.file_path).exists()):
        unit = session.get(Unit, unit_id) if unit_id is not None else None
        raise KnownError("documents.opinion_already_issued", number=current.number or "",
                         scope=unit.name if unit is not None else get_or_raise(session, Project, project_id).name)
