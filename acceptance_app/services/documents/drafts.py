"""Draft previews: a document rendered without a number (watermarked 草稿) before the user confirms issuing it.

A draft takes no number, writes no record and leaves nothing in the data folder: the reader builds the inputs
(``draft_inputs``), the pool renders them into a folder the caller owns (``render_drafts``), and only the
confirmation calls the issuing use case in services.documents. The inputs are built with the same sources
(services.document_inputs) as the issue, so the draft shows what the issued document will say; the same
checks run first (missing data, an open blocking commitment), so a draft that renders is one that can be issued.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from acceptance_app.domain.enums import (
    DEPARTMENT_OF,
    DocumentType,
    InspectionKind,
    InspectionStatus,
    PartyRole,
)
from acceptance_app.reports import labels
from acceptance_app.reports.inputs import (
    DocumentInput,
    RecordSheetInput,
    RectificationInput,
    ServiceReportInput,
)
from acceptance_app.reports.rendering import render_file
from acceptance_app.reports.results import RenderedFile
from acceptance_app.services.common import get_or_raise
from acceptance_app.services.documents import inputs as src
from acceptance_app.services.documents.issuing import DocumentDataMissing, build_opinion_input
from acceptance_app.services.findings.commitments import ensure_opinion_allowed
from acceptance_app.storage.models import Project

DRAFT_NUMBER = ""  # reports/base.py: a document without a number is drawn as a draft


@dataclass(frozen=True)
class Draft:
    doc_type: DocumentType
    label: str  # what the draft is of, for a file name and a caption: the unit and discipline of a record sheet
    data: DocumentInput


@dataclass(frozen=True)
class RenderedDraft:
    doc_type: DocumentType
    label: str
    path: Path
    pages: int


def _raise_if(missing: src.Missing) -> None:
    if missing.items:
        raise DocumentDataMissing(missing.items)


def _notice_context(session: Session, project: Project, kind: InspectionKind):
    missing = src.Missing()
    ctx = src.project_context(session, project, None, missing)
    builder = src.party_lines(project, missing, roles=(PartyRole.BUILDER,))
    units = src.unit_lines(ctx.units, missing)
    _raise_if(missing)
    unit_ids = [u.id for u in ctx.units]
    inspections = list(src.latest_inspections(session, unit_ids, kind).values())
    departments = [DEPARTMENT_OF[i.discipline] for i in inspections] or list(DEPARTMENT_OF.values())
    signers = tuple(src.signers(session, inspections, sorted(set(departments), key=departments.index)))
    return ctx, builder[0].name, units, unit_ids, signers


def draft_inputs(session: Session, doc_type: DocumentType, project_id: uuid.UUID,
                 unit_id: uuid.UUID | None = None, day: date | None = None) -> list[Draft]:
    """What issuing ``doc_type`` would print today, without a number. Raises what issuing raises."""
    project = get_or_raise(session, Project, project_id)
    day = day or date.today()
    if doc_type is DocumentType.OPINION:
        ensure_opinion_allowed(session, project_id)
        data, _inspections = build_opinion_input(session, project_id, unit_id, DRAFT_NUMBER, day)
        return [Draft(doc_type, "", data)]
    kind = InspectionKind.SERVICE if doc_type is DocumentType.SERVICE_REPORT else InspectionKind.FORMAL
    ctx, builder, units, unit_ids, signers = _notice_context(session, project, kind)
    facts = src.project_facts(project)
    if doc_type is DocumentType.RECTIFICATION:
        findings = tuple(src.findings_source(session, unit_ids, InspectionKind.FORMAL))
        return [Draft(doc_type, "", RectificationInput(DRAFT_NUMBER, day, ctx.issuer, facts, builder, findings,
                                                       signers))]
    if doc_type is DocumentType.SERVICE_REPORT:
        observations = tuple(src.findings_source(session, unit_ids, InspectionKind.SERVICE))
        return [Draft(doc_type, "", ServiceReportInput(DRAFT_NUMBER, day, ctx.issuer, facts, tuple(units),
                                                       observations, tuple(s for s in signers if not s.is_lead)))]
    drafts = []
    for inspection in src.latest_inspections(session, unit_ids, InspectionKind.FORMAL).values():
        if inspection.status is not InspectionStatus.COMPLETED:
            continue
        signer = src.signers(session, [inspection], [DEPARTMENT_OF[inspection.discipline]])[:1]
        discipline = labels.DISCIPLINE[inspection.discipline]
        drafts.append(Draft(doc_type, f"{inspection.unit.name} {discipline}", RecordSheetInput(
            DRAFT_NUMBER, day, ctx.issuer, facts, discipline, inspection.unit.name,
            f"{inspection.form_id or '—'} {inspection.form_version}".strip(),
            tuple(src.record_items_source(session, inspection)), tuple(signer))))
    return drafts


def render_drafts(drafts: list[Draft], folder: Path,
                  render: Callable[[DocumentType, DocumentInput, Path], RenderedFile] = render_file,
                  progress: Callable[[int, int], None] | None = None) -> list[RenderedDraft]:
    """Off the database: each draft into ``folder`` (a temporary folder the caller removes)."""
    folder.mkdir(parents=True, exist_ok=True)
    rendered = []
    for index, draft in enumerate(drafts):
        if progress is not None:
            progress(index, len(drafts))
        path = folder / f"draft-{draft.doc_type.value}-{index + 1}.pdf"
        result = render(draft.doc_type, draft.data, path)
        rendered.append(RenderedDraft(draft.doc_type, draft.label, path, result.result.pages))
    return rendered
