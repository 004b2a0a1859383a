"""The checklist runner's use cases: start an inspection on a pinned form, answer items (each answer is its
own commit), undo, show the sheet with progress and verdict, conclude.

Every function takes a Session and returns (value, Changes); the caller commits (the UI's runner.write does
after each answer, so a power cut loses nothing already answered).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.checklists.answers import AnswerInput, ItemOutcome, evaluate_item
from acceptance_app.domain.checklists.applicability import item_applies
from acceptance_app.domain.checklists.form import Form, Item, Scope, VerdictScheme
from acceptance_app.domain.checklists.jurisdiction import Jurisdiction
from acceptance_app.domain.checklists.sheet import Sheet, StoredAnswer, build_sheet
from acceptance_app.domain.enums import Discipline, InspectionKind, InspectionStatus, ItemVerdict, Verdict
from acceptance_app.domain.matrix import discipline_applies
from acceptance_app.domain.problems import KnownError
from acceptance_app.services.changes import Changes
from acceptance_app.services.checklists import corrections, evidence
from acceptance_app.services.checklists import forms as checklist_forms
from acceptance_app.services.common import get_or_raise
from acceptance_app.services.projects import _unit_data
from acceptance_app.storage.models import Answer, Inspection, Unit, utcnow

CHANGED = Changes(inspection=True, checklist=True)


@dataclass(frozen=True)
class InspectionInfo:
    id: uuid.UUID
    unit_id: uuid.UUID
    project_id: uuid.UUID
    unit_name: str
    discipline: Discipline
    kind: InspectionKind
    round: int
    status: InspectionStatus
    verdict: Verdict | None
    form_version: str
    form_hash: str
    form_title: str

    @property
    def advisory(self) -> bool:
        """验收前技术服务: the same checklist, never a legal verdict."""
        return self.kind is InspectionKind.SERVICE


@dataclass(frozen=True)
class InspectionSheet:
    info: InspectionInfo
    sheet: Sheet
    jurisdiction: Jurisdiction


def _inspection(session: Session, inspection_id: uuid.UUID) -> Inspection:
    inspection = get_or_raise(session, Inspection, inspection_id)
    return inspection


def latest_inspection(
    session: Session, unit_id: uuid.UUID, discipline: Discipline, kind: InspectionKind
) -> Inspection | None:
    """The highest round of a unit's inspections of one discipline and kind."""
    return session.scalars(
        sa.select(Inspection)
        .where(Inspection.unit_id == unit_id, Inspection.discipline == discipline, Inspection.kind == kind)
        .order_by(Inspection.round.desc())
    ).first()


def start_inspection(
    session: Session,
    unit_id: uuid.UUID,
    discipline: Discipline,
    kind: InspectionKind = InspectionKind.FORMAL,
    *,
    forms_folder: Path,
    jurisdiction: str = "370100",
) -> tuple[uuid.UUID, Changes]:
    """Open (or return the open) inspection of a unit; a new round follows a concluded one that did not pass.
    Pins the current form file and jurisdiction table by content hash."""
    unit = get_or_raise(session, Unit, unit_id)
    if not discipline_applies(_unit_data(unit), discipline):
        raise KnownError("inspection.discipline_not_applicable", discipline=discipline.value)
    latest = latest_inspection(session, unit_id, discipline, kind)
    if latest is not None and latest.status is not InspectionStatus.COMPLETED:
        if not latest.form_hash:
            _pin(session, latest, discipline, forms_folder, jurisdiction)
            latest.status = InspectionStatus.IN_PROGRESS
            latest.started_at = latest.started_at or utcnow()
            return latest.id, CHANGED
        return latest.id, Changes()
    if latest is not None and latest.verdict in (Verdict.PASSED, Verdict.NOT_APPLICABLE):
        raise KnownError("inspection.already_passed")
    inspection = Inspection(
        id=uuid.uuid4(),
        unit_id=unit_id,
        discipline=discipline,
        kind=kind,
        round=(latest.round + 1) if latest else 1,
        status=InspectionStatus.IN_PROGRESS,
        started_at=utcnow(),
    )
    _pin(session, inspection, discipline, forms_folder, jurisdiction)
    session.add(inspection)
    session.flush()
    return inspection.id, CHANGED


def _pin(session: Session, inspection: Inspection, discipline: Discipline, folder: Path, code: str) -> None:
    forms = checklist_forms.library(folder)
    form = forms.form(discipline)
    inspection.form_hash, inspection.jurisdiction_hash = checklist_forms.pin(
        session, form, forms.contents[form.sha256], forms.jurisdiction(code)
    )
    inspection.form_id = form.discipline.value
    inspection.form_version = form.version


# Reading answers ---------------------------------------------------------------------------------------
def _scope_filter(
    inspection: Inspection, project_id: uuid.UUID, kind: InspectionKind
) -> sa.ColumnElement[bool]:
    return sa.and_(
        Answer.discipline == inspection.discipline,
        Answer.kind == kind,
        Answer.retired.is_(False),
        sa.or_(
            Answer.unit_id == inspection.unit_id,
            sa.and_(Answer.unit_id.is_(None), Answer.project_id == project_id),
        ),
    )


def stored_answer(answer: Answer) -> StoredAnswer:
    """A stored answer row as the sheet reads it (its values, round, who and when)."""
    values = AnswerInput(
        verdict=answer.verdict if answer.verdict is not ItemVerdict.PENDING else None,
        samples=tuple(float(s) for s in answer.samples or ()),
        design=answer.design_value,
        choice=answer.choice,
        text=answer.text,
        na_reason=answer.na_reason,
        note=answer.note,
    )
    return StoredAnswer(values, answer.round, answer.answered_by, answer.answered_at)


def _live_answers(session: Session, inspection: Inspection, project_id: uuid.UUID) -> dict[str, Answer]:
    """Per item, the live answer of the highest round up to this inspection's (earlier rounds carry over)."""
    rows = session.scalars(
        sa.select(Answer)
        .where(_scope_filter(inspection, project_id, inspection.kind), Answer.round <= inspection.round)
        .order_by(Answer.round)
    )
    return {row.item_id: row for row in rows}


def _service_failures(session: Session, inspection: Inspection, project_id: uuid.UUID) -> set[str]:
    """Items that failed in a technical-service session of the unit: to be checked again formally."""
    if inspection.kind is not InspectionKind.FORMAL:
        return set()
    rows = session.scalars(
        sa.select(Answer.item_id).where(
            _scope_filter(inspection, project_id, InspectionKind.SERVICE), Answer.verdict == ItemVerdict.FAIL
        )
    )
    return set(rows)


def _info(inspection: Inspection, unit: Unit, form: Form) -> InspectionInfo:
    return InspectionInfo(
        inspection.id,
        inspection.unit_id,
        unit.project_id,
        unit.name,
        inspection.discipline,
        inspection.kind,
        inspection.round,
        inspection.status,
        inspection.verdict,
        inspection.form_version,
        inspection.form_hash,
        form.title,
    )


def inspection_sheet(session: Session, inspection_id: uuid.UUID) -> InspectionSheet:
    """Everything the runner shows: items with answers and computed verdicts, progress, the outcome."""
    inspection = _inspection(session, inspection_id)
    unit = session.get(Unit, inspection.unit_id)
    assert unit is not None
    form = checklist_forms.pinned_form(session, inspection.form_hash)
    jurisdiction = checklist_forms.pinned_jurisdiction(session, inspection.jurisdiction_hash)
    unit_data = _unit_data(unit)
    answers = {k: stored_answer(v) for k, v in _live_answers(session, inspection, unit.project_id).items()}
    sheet = build_sheet(
        form,
        unit_data,
        answers,
        jurisdiction,
        jurisdiction.verdict_rules(form.discipline, form.verdict),
        current_round=inspection.round,
        recheck=_service_failures(session, inspection, unit.project_id),
        evidence=evidence.existing_evidence(session, inspection.id),
        assumed_evidence=evidence.assumed_evidence(),
        discipline_applies=discipline_applies(unit_data, inspection.discipline),
    )
    return InspectionSheet(_info(inspection, unit, form), sheet, jurisdiction)


# Writing answers ---------------------------------------------------------------------------------------
def _writable(
    session: Session, inspection_id: uuid.UUID, item_id: str, correcting: bool = False
) -> tuple[Inspection, Unit, Form, Item]:
    inspection = _inspection(session, inspection_id)
    if (inspection.status is InspectionStatus.COMPLETED) is not correcting:
        raise KnownError("inspection.completed" if not correcting else "inspection.not_concluded")
    unit = session.get(Unit, inspection.unit_id)
    assert unit is not None
    form = checklist_forms.pinned_form(session, inspection.form_hash)
    if not form.has_item(item_id):
        raise KnownError("answer.unknown_item", item=item_id, form=form.title, version=form.version)
    item = form.item(item_id)
    if not item_applies(item, _unit_data(unit)):
        raise KnownError("answer.not_applicable_item", item=item_id)
    return inspection, unit, form, item


def _current_row(session: Session, inspection: Inspection, unit: Unit, item: Item) -> Answer | None:
    shared = item.scope is Scope.PROJECT
    return session.scalars(
        sa.select(Answer).where(
            Answer.item_id == item.id,
            Answer.discipline == inspection.discipline,
            Answer.kind == inspection.kind,
            Answer.round == inspection.round,
            Answer.retired.is_(False),
            Answer.unit_id.is_(None) if shared else Answer.unit_id == unit.id,
            Answer.project_id == unit.project_id,
        )
    ).first()


def _next_sequence(session: Session, inspection_id: uuid.UUID) -> int:
    last = session.scalar(
        sa.select(sa.func.max(Answer.sequence)).where(Answer.inspection_id == inspection_id)
    )
    return (last or 0) + 1


def answer_item(
    session: Session, inspection_id: uuid.UUID, item_id: str, answer: AnswerInput, answered_by: str = "",
    copied_from_id: uuid.UUID | None = None,
) -> tuple[ItemOutcome, Changes]:
    """Record an answer (a new version; the previous one is kept, retired). Returns the computed outcome.
    Raises KnownError for an answer that does not fit the item; nothing is written then."""
    inspection, unit, form, item = _writable(session, inspection_id, item_id)
    _guard_shared(session, inspection, unit, item.scope is Scope.PROJECT, item.id)
    return _record(session, inspection, unit, form, item, answer, answered_by, copied_from_id, ""), CHANGED


def _guard_shared(session: Session, inspection: Inspection, unit: Unit, shared: bool, item_id: str) -> None:
    """A project-level answer (⟲) counts for every unit: given from an open inspection it would change the
    record of a unit already concluded, without a reason. That is a correction, made from a concluded unit."""
    if not shared:
        return
    concluded = _other_concluded(session, inspection, unit, item_id)
    if concluded:
        names = [u.name for u in session.scalars(sa.select(Unit).where(Unit.id.in_([c.unit_id for c in concluded]))
                                                 .order_by(Unit.sort_order, Unit.name))]
        raise KnownError("answer.shared_item_concluded", item=item_id, discipline=inspection.discipline.value,
                         units="、".join(names))


@dataclass(frozen=True)
class Correction:
    outcome: ItemOutcome
    reason: str
    stale_record_sheets: tuple[str, ...]  # numbers of the record sheets to issue again


def correct_answer(
    session: Session, inspection_id: uuid.UUID, item_id: str, answer: AnswerInput, reason: str,
    answered_by: str = "",
) -> tuple[Correction, Changes]:
    """更正: change an answer of a concluded inspection, with a reason recorded on the new version. Refused (nothing
    written) without a reason, after a later round, under an issued opinion or service report, or when the
    discipline's verdict would no longer be the one concluded (then the conclusion must be opened again)."""
    inspection, unit, form, item = _writable(session, inspection_id, item_id, correcting=True)
    text = corrections.clean_reason(reason, "answer.correction_reason_required", item=item.id)
    # A project-level answer (⟲) counts for every unit: each unit's concluded inspection must allow it.
    affected = [inspection] + (_other_concluded(session, inspection, unit, item.id) if item.scope is Scope.PROJECT
                               else [])
    for concluded in affected:
        corrections.ensure_changeable(session, concluded)
    outcome = _record(session, inspection, unit, form, item, answer, answered_by, None, text)
    for concluded in affected:
        after = inspection_sheet(session, concluded.id).sheet.outcome.verdict
        if after is not concluded.verdict:
            # The caller's transaction is rolled back: the new version is not kept.
            other = session.get(Unit, concluded.unit_id)
            raise KnownError("answer.correction_changes_verdict", item=item.id, unit=other.name if other else "",
                             discipline=concluded.discipline.value,
                             concluded=concluded.verdict.value if concluded.verdict else "",
                             after=after.value if after else "")
    stale = tuple(n for concluded in affected for n in corrections.stale_record_sheets(session, concluded))
    return Correction(outcome, text, stale), CHANGED | Changes(report=bool(stale))


def _other_concluded(session: Session, inspection: Inspection, unit: Unit, item_id: str) -> list[Inspection]:
    """The latest concluded inspection of the same discipline and kind of every other unit of the project to
    which the item applies (a project-level answer counts only where its item does)."""
    rows = session.scalars(
        sa.select(Inspection).join(Unit, Unit.id == Inspection.unit_id)
        .where(Unit.project_id == unit.project_id, Inspection.unit_id != unit.id,
               Inspection.discipline == inspection.discipline, Inspection.kind == inspection.kind)
        .order_by(Inspection.round))
    latest = {row.unit_id: row for row in rows}
    concluded = []
    for row in latest.values():
        if row.status is not InspectionStatus.COMPLETED or not row.form_hash:
            continue
        form = checklist_forms.pinned_form(session, row.form_hash)
        other = session.get(Unit, row.unit_id)
        if other is not None and form.has_item(item_id) and item_applies(form.item(item_id), _unit_data(other)):
            concluded.append(row)
    return concluded


def _record(
    session: Session, inspection: Inspection, unit: Unit, form: Form, item: Item, answer: AnswerInput,
    answered_by: str, copied_from_id: uuid.UUID | None, reason: str,
) -> ItemOutcome:
    if answer.verdict is ItemVerdict.NOT_APPLICABLE and (answer.samples or answer.choice or answer.design is not None):
        # 不适用 is an answer kind, never a value: an answer that is both cannot be recorded.
        raise KnownError("answer.na_with_value", item=item.id)
    jurisdiction = checklist_forms.pinned_jurisdiction(session, inspection.jurisdiction_hash)
    # 加倍抽查 belongs to the XF 836 scheme only; under the 细则 a failed sample fails the item.
    scheme = jurisdiction.verdict_rules(form.discipline, form.verdict).scheme
    outcome = evaluate_item(item, answer, jurisdiction, resample=scheme is VerdictScheme.BY_CLASS)
    previous = _current_row(session, inspection, unit, item)
    if previous is not None:
        previous.retired = True
    session.add(
        Answer(
            id=uuid.uuid4(),
            project_id=unit.project_id,
            unit_id=None if item.scope is Scope.PROJECT else unit.id,
            discipline=inspection.discipline,
            kind=inspection.kind,
            round=inspection.round,
            inspection_id=inspection.id,
            item_id=item.id,
            form_hash=form.sha256,
            verdict=outcome.verdict,
            samples=list(answer.samples),
            design_value=answer.design,
            choice=answer.choice,
            text=answer.text,
            note=answer.note,
            na_reason=answer.na_reason,
            answered_by=answered_by or session.info.get("actor", ""),
            answered_at=utcnow(),
            sequence=_next_sequence(session, inspection.id),
            replaces_id=previous.id if previous else None,
            copied_from_id=copied_from_id,
            change_reason=reason,
        )
    )
    if inspection.status is InspectionStatus.NOT_STARTED:
        inspection.status = InspectionStatus.IN_PROGRESS
        inspection.started_at = utcnow()
    session.flush()
    return outcome


def _concluded(session: Session, inspection_id: uuid.UUID) -> bool:
    return _inspection(session, inspection_id).status is InspectionStatus.COMPLETED


def item_of(session: Session, inspection_id: uuid.UUID, item_id: str) -> Item:
    """The item as defined in the inspection's pinned form (for parsing what was typed)."""
    return _writable(session, inspection_id, item_id, _concluded(session, inspection_id))[3]


def current_answer(session: Session, inspection_id: uuid.UUID, item_id: str) -> AnswerInput | None:
    inspection, unit, _form, item = _writable(session, inspection_id, item_id, _concluded(session, inspection_id))
    row = _current_row(session, inspection, unit, item)
    return stored_answer(row).values if row else None


def set_note(session: Session, inspection_id: uuid.UUID, item_id: str, note: str) -> Changes:
    """A note is part of the answer: it makes a new version with the same values."""
    existing = current_answer(session, inspection_id, item_id) or AnswerInput()
    values = {**existing.__dict__, "note": note}
    return answer_item(session, inspection_id, item_id, AnswerInput(**values))[1]


def undo_last(session: Session, inspection_id: uuid.UUID) -> tuple[str, Changes]:
    """Take back the newest answer given in this inspection: it is retired and the one it replaced (if any)
    is live again. Audited like any change; nothing is deleted. Returns the item id."""
    inspection = _inspection(session, inspection_id)
    if inspection.status is InspectionStatus.COMPLETED:
        raise KnownError("inspection.completed")
    newest = session.scalars(
        sa.select(Answer)
        .where(Answer.inspection_id == inspection_id, Answer.retired.is_(False))
        .order_by(Answer.sequence.desc())
    ).first()
    if newest is None:
        raise KnownError("answer.nothing_to_undo")
    unit = session.get(Unit, inspection.unit_id)
    assert unit is not None
    _guard_shared(session, inspection, unit, newest.unit_id is None, newest.item_id)
    newest.retired = True
    if newest.replaces_id is not None:
        previous = session.get(Answer, newest.replaces_id)
        assert previous is not None
        previous.retired = False
    session.flush()
    return newest.item_id, CHANGED


@dataclass(frozen=True)
class UnitChecklist:
    """What a unit page's discipline tab shows: the current inspection's sheet, if any."""

    unit_id: uuid.UUID
    discipline: Discipline
    applies: bool
    current: InspectionSheet | None


def unit_checklist(session: Session, unit_id: uuid.UUID, discipline: Discipline) -> UnitChecklist:
    """The inspection to show: the latest formal one, else the latest technical-service one."""
    unit = get_or_raise(session, Unit, unit_id)
    applies = discipline_applies(_unit_data(unit), discipline)
    for kind in (InspectionKind.FORMAL, InspectionKind.SERVICE):
        latest = latest_inspection(session, unit_id, discipline, kind)
        if latest is not None and latest.form_hash:
            return UnitChecklist(unit_id, discipline, applies, inspection_sheet(session, latest.id))
    return UnitChecklist(unit_id, discipline, applies, None)
