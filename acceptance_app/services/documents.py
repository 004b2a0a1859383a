"""Issuing documents: reserve a number, render to a temp file, rename into the data folder, record hashes.

An issued document is never regenerated in place. If its content changed, the next issue makes a new version
with a new number and marks the old one superseded (its file stays); if nothing changed, the existing
document is returned. Missing data raises DocumentDataMissing listing all of it, and no number is used.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from acceptance_app.domain.document_numbers import DocumentNumber, series_for
from acceptance_app.domain.enums import (
    DEPARTMENT_OF,
    DocumentState,
    DocumentType,
    InspectionKind,
    InspectionStatus,
    PartyRole,
)
from acceptance_app.domain.problems import KnownError
from acceptance_app.fileio import atomic_path
from acceptance_app.i18n import N_
from acceptance_app.messages import register
from acceptance_app.reports import labels
from acceptance_app.reports.inputs import (
    DocumentInput,
    OpinionInput,
    RecordSheetInput,
    RectificationInput,
    ServiceReportInput,
    content_manifest,
)
from acceptance_app.reports.rendering import render_file
from acceptance_app.reports.results import RenderedFile, SignatureSlot
from acceptance_app.services import document_inputs as src
from acceptance_app.services.changes import Changes
from acceptance_app.services.commitments import ensure_opinion_allowed
from acceptance_app.services.projects import get_or_404
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.models import Document, Inspection, NumberSeries, Project, utcnow

register(errors={
    "documents.missing_data": N_("The document cannot be made; missing or inconsistent data:\n{items}"),
})


class DocumentDataMissing(KnownError):
    def __init__(self, items: list[str]) -> None:
        super().__init__("documents.missing_data", items="\n".join(f"- {i}" for i in items))
        self.items = items


@dataclass(frozen=True)
class IssuedDocument:
    id: uuid.UUID
    type: DocumentType
    number: str
    version: int
    path: Path
    file_sha256: str
    pages: int
    signature_slots: tuple[SignatureSlot, ...]
    supersedes_id: uuid.UUID | None
    reused: bool  # True when nothing changed and the existing document was returned


@dataclass(frozen=True)
class DocumentRow:
    id: uuid.UUID
    type: DocumentType
    number: str
    version: int
    state: DocumentState
    unit_id: uuid.UUID | None
    scope: str
    file_path: str
    file_sha256: str
    issued_at: str


# Numbers ----------------------------------------------------------------------------------------------------
def reserve_number(session: Session, series: str, year: int) -> DocumentNumber:
    """Take the next serial in its own committed transaction (never rolled back with the caller's work,
    so a crash after this point loses the number instead of reusing it). Call before the session writes."""
    device = session.info.get("device_id") or "LOCAL"
    statement = (
        sqlite_insert(NumberSeries)
        .values(series=series, year=year, device=device, last=1)
        .on_conflict_do_update(index_elements=["series", "year", "device"], set_={"last": NumberSeries.last + 1})
        .returning(NumberSeries.last)
    )
    if session.connection().connection.driver_connection.in_transaction:  # type: ignore[union-attr]
        raise RuntimeError("reserve_number must run before the session writes (SQLite has one writer)")
    with session.get_bind().connect() as connection:
        serial = connection.execute(statement).scalar_one()
        connection.commit()
    return DocumentNumber(series, year, device, serial)


def data_folder_of(session: Session) -> DataFolder:
    return src.data_folder(session)


# The issuing core -------------------------------------------------------------------------------------------
Builder = Callable[[str, date], DocumentInput]
# Renders a document of a type into a file: reports.rendering.render_file here, or a RenderHelper's render.
Render = Callable[[DocumentType, DocumentInput, Path], RenderedFile]


def _inputs_sha256(data: DocumentInput) -> str:
    """The content without number and date: equal hashes mean nothing a reader sees has changed."""
    neutral = replace(data, number="", issue_date=date(2000, 1, 1))
    return hashlib.sha256(content_manifest(neutral)).hexdigest()


@dataclass
class _Pending:
    doc_type: DocumentType
    project: Project
    draft: DocumentInput
    inputs_sha256: str
    current: Document | None
    unit_id: uuid.UUID | None
    scope: str
    forms: str
    number: DocumentNumber | None = None


def _prepare(session: Session, doc_type: DocumentType, project: Project, build: Builder, unit_id: uuid.UUID | None = None, scope: str = "", forms: str = "") -> _Pending:
    draft = build("", date.today())  # raises DocumentDataMissing before any number is used
    current = session.scalars(
        sa.select(Document).where(Document.type == doc_type, Document.project_id == project.id,
                                  Document.unit_id.is_(None) if unit_id is None else Document.unit_id == unit_id,
                                  Document.scope == scope, Document.state != DocumentState.SUPERSEDED)
        .order_by(Document.version.desc())
    ).first()
    return _Pending(doc_type, project, draft, _inputs_sha256(draft), current, unit_id, scope, forms)


def _unchanged(pending: _Pending, folder: DataFolder) -> bool:
    current = pending.current
    return current is not None and current.inputs_sha256 == pending.inputs_sha256 and (
        folder.root / current.file_path).exists()


def _issue_all(session: Session, pendings: list[_Pending], render: Render) -> list[IssuedDocument]:
    """Reserve every number first (each in its own committed transaction, before this session writes
    anything: SQLite has one writer), then render and record each document."""
    folder = data_folder_of(session)
    for pending in pendings:
        if not _unchanged(pending, folder):
            series = series_for(pending.doc_type, pending.project.region_code)
            pending.number = reserve_number(session, series, pending.draft.issue_date.year)
    return [_render_and_record(session, folder, p, render) for p in pendings]


def _render_and_record(session: Session, folder: DataFolder, pending: _Pending, render: Render) -> IssuedDocument:
    current, number = pending.current, pending.number
    if number is None:
        assert current is not None
        return _issued(current, folder, pages=0, slots=(), reused=True)
    data = replace(pending.draft, number=number.text)
    # A random part: a path another laptop's package could predict could be planted there first (issue 20).
    name = f"{pending.doc_type.value}-{number.file_stem}-{secrets.token_hex(8)}.pdf"
    relative = Path("documents") / str(pending.project.id) / name
    target = folder.root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(target) as temp:  # the signature fields are in it already (reports/signing/fields.py)
        rendered = render(pending.doc_type, data, temp)
    result = rendered.result
    document = Document(
        type=pending.doc_type, project_id=pending.project.id, unit_id=pending.unit_id, scope=pending.scope,
        number=number.text, version=(current.version + 1) if current else 1, state=DocumentState.ISSUED,
        file_path=relative.as_posix(), file_sha256=rendered.file_sha256, inputs_sha256=pending.inputs_sha256,
        manifest_sha256=result.manifest_sha256, form_versions=pending.forms,
        supersedes_id=current.id if current else None, issued_at=utcnow(),
    )
    if current is not None:
        current.state = DocumentState.SUPERSEDED
    session.add(document)
    session.flush()
    return _issued(document, folder, result.pages, result.signature_slots, reused=False)


def _issued(doc: Document, folder: DataFolder, pages: int, slots: tuple[SignatureSlot, ...],
            reused: bool) -> IssuedDocument:
    return IssuedDocument(doc.id, doc.type, doc.number, doc.version, folder.root / doc.file_path, doc.file_sha256,
                          pages, slots, doc.supersedes_id, reused)


def _raise_if(missing: src.Missing) -> None:
    if missing.items:
        raise DocumentDataMissing(missing.items)


# Use cases --------------------------------------------------------------------------------------------------
def build_opinion_input(session: Session, project_id: uuid.UUID, unit_id: uuid.UUID | None,
                        number: str, issue_date: date) -> tuple[OpinionInput, list[Inspection]]:
    project = get_or_404(session, Project, project_id)
    missing = src.Missing()
    ctx = src.project_context(session, project, unit_id, missing)
    parties = src.party_lines(project, missing)
    units = src.unit_lines(ctx.units, missing)
    concl = src.conclusions(session, ctx.units, missing)
    _raise_if(missing)
    unit_ids = [u.id for u in ctx.units]
    departments = [DEPARTMENT_OF[i.discipline] for i in concl.inspections]
    data = OpinionInput(
        number, issue_date, ctx.issuer, src.project_facts(project), tuple(parties), tuple(units),
        tuple(concl.lines), concl.joint, tuple(src.commitments_source(session, project_id)),
        tuple(src.signers(session, concl.inspections, sorted(set(departments), key=departments.index))),
        ctx.scope_label, tuple(src.photos_source(session, unit_ids, InspectionKind.FORMAL)),
    )
    return data, concl.inspections


def issue_opinion(session: Session, project_id: uuid.UUID, unit_id: uuid.UUID | None = None,
                  render: Render = render_file) -> tuple[IssuedDocument, Changes]:
    project = get_or_404(session, Project, project_id)
    ensure_opinion_allowed(session, project_id)  # an open blocking commitment (容缺) refuses, nothing changed
    used: list[Inspection] = []

    def build(number: str, day: date) -> DocumentInput:
        data, inspections = build_opinion_input(session, project_id, unit_id, number, day)
        used[:] = inspections
        return data

    pending = _prepare(session, DocumentType.OPINION, project, build, unit_id)
    pending.forms = src.form_versions(used)
    return _issue_all(session, [pending], render)[0], Changes(report=True)


def _notice_parts(session: Session, project_id: uuid.UUID, kind: InspectionKind):  # type: ignore[no-untyped-def]
    project = get_or_404(session, Project, project_id)
    missing = src.Missing()
    ctx = src.project_context(session, project, None, missing)
    builder = src.party_lines(project, missing, roles=(PartyRole.BUILDER,))
    units = src.unit_lines(ctx.units, missing)
    _raise_if(missing)
    unit_ids = [u.id for u in ctx.units]
    inspections = list(src.latest_inspections(session, unit_ids, kind).values())
    departments = [DEPARTMENT_OF[i.discipline] for i in inspections] or list(DEPARTMENT_OF.values())
    signers = tuple(src.signers(session, inspections, sorted(set(departments), key=departments.index)))
    return project, ctx, builder[0].name, units, unit_ids, signers


def issue_rectification_list(session: Session, project_id: uuid.UUID,
                             render: Render = render_file) -> tuple[IssuedDocument, Changes]:
    project, ctx, builder, _units, unit_ids, signers = _notice_parts(session, project_id, InspectionKind.FORMAL)

    def build(number: str, day: date) -> DocumentInput:
        findings = tuple(src.findings_source(session, unit_ids, InspectionKind.FORMAL))
        return RectificationInput(number, day, ctx.issuer, src.project_facts(project), builder, findings, signers)

    pending = _prepare(session, DocumentType.RECTIFICATION, project, build)
    return _issue_all(session, [pending], render)[0], Changes(report=True)


def issue_service_report(session: Session, project_id: uuid.UUID,
                         render: Render = render_file) -> tuple[IssuedDocument, Changes]:
    project, ctx, _builder, units, unit_ids, signers = _notice_parts(session, project_id, InspectionKind.SERVICE)

    def build(number: str, day: date) -> DocumentInput:
        observations = tuple(src.findings_source(session, unit_ids, InspectionKind.SERVICE))
        return ServiceReportInput(number, day, ctx.issuer, src.project_facts(project), tuple(units), observations,
                                  tuple(s for s in signers if not s.is_lead))

    pending = _prepare(session, DocumentType.SERVICE_REPORT, project, build)
    return _issue_all(session, [pending], render)[0], Changes(report=True)


def issue_record_sheets(session: Session, project_id: uuid.UUID,
                        render: Render = render_file) -> tuple[list[IssuedDocument], Changes]:
    """One 专项检查记录表 per completed formal inspection (the last round of each unit x discipline)."""
    project, ctx, _builder, _units, unit_ids, _signers = _notice_parts(session, project_id, InspectionKind.FORMAL)
    latest = src.latest_inspections(session, unit_ids, InspectionKind.FORMAL)
    pendings = []
    for inspection in latest.values():
        if inspection.status is not InspectionStatus.COMPLETED:
            continue
        signer = src.signers(session, [inspection], [DEPARTMENT_OF[inspection.discipline]])[:1]

        def build(number: str, day: date, inspection: Inspection = inspection,
                  signer: list = signer) -> DocumentInput:  # type: ignore[type-arg]
            return RecordSheetInput(
                number, day, ctx.issuer, src.project_facts(project), labels.DISCIPLINE[inspection.discipline],
                inspection.unit.name, f"{inspection.form_id or '—'} {inspection.form_version}".strip(),
                tuple(src.record_items_source(session, inspection)), tuple(signer))

        pendings.append(_prepare(session, DocumentType.RECORD_SHEET, project, build, inspection.unit_id,
                                 scope=inspection.discipline.value, forms=src.form_versions([inspection])))
    return _issue_all(session, pendings, render), Changes(report=True)


def list_documents(session: Session, project_id: uuid.UUID) -> list[DocumentRow]:
    rows = session.scalars(sa.select(Document).where(Document.project_id == project_id)
                           .order_by(Document.type, Document.issued_at))
    return [DocumentRow(d.id, d.type, d.number, d.version, d.state, d.unit_id, d.scope, d.file_path, d.file_sha256,
                        d.issued_at.isoformat() if d.issued_at else "") for d in rows]
