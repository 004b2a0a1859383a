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
from sqlalchemy.orm import Session

from acceptance_app.domain.document_numbers import PENDING_NUMBER, number_for, series_for
from acceptance_app.domain.enums import DocumentState, DocumentType
from acceptance_app.fileio import atomic_path
from acceptance_app.reports.inputs import DocumentInput, content_manifest
from acceptance_app.reports.rendering import render_file
from acceptance_app.reports.results import RenderedFile, SignatureSlot
from acceptance_app.services.changes import Changes
from acceptance_app.services.common import get_or_raise
from acceptance_app.services.documents import builders as b
from acceptance_app.services.documents import inputs as src
from acceptance_app.services.documents import numbers as document_numbers
from acceptance_app.services.documents.builders import (  # noqa: F401 (re-exported: the services' error)
    Builder,
    DocumentDataMissing,
    Spec,
    build_opinion_input,
)
from acceptance_app.services.findings.commitments import ensure_opinion_allowed
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.models import Document, Project, Unit, utcnow


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
    draft: bool = False  # issued without a number (待编号): cannot be signed until numbered


@dataclass(frozen=True)
class DocumentRow:
    id: uuid.UUID
    type: DocumentType
    number: str  # 待编号 for a draft
    version: int
    state: DocumentState
    unit_id: uuid.UUID | None
    scope: str
    file_path: str
    file_sha256: str
    issued_at: str
    unit_name: str = ""  # the unit of an opinion accepted alone, or of a record sheet


# The issuing core: reserve (short write) -> render (no database) -> record (short write) -----------------
# Renders a document of a type into a file: reports.rendering.render_file here, or a RenderHelper's render.
Render = Callable[[DocumentType, DocumentInput, Path], RenderedFile]


def inputs_sha256(data: DocumentInput) -> str:
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
    organ_code: str


@dataclass(frozen=True)
class PlannedDocument:
    """One document to render: its inputs with the number taken (or 待编号), and where its file goes.
    Plain data, so that it can be rendered on another thread or process without the session."""

    id: uuid.UUID
    doc_type: DocumentType
    project_id: uuid.UUID
    unit_id: uuid.UUID | None
    scope: str
    forms: str
    series: str
    number: str | None  # None: a draft 待编号
    data: DocumentInput
    inputs_sha256: str
    relative: Path
    reused_id: uuid.UUID | None  # nothing changed: the existing document is the answer


@dataclass(frozen=True)
class IssuePlan:
    root: Path
    documents: tuple[PlannedDocument, ...]


@dataclass(frozen=True)
class RenderedDocument:
    id: uuid.UUID
    file_sha256: str
    manifest_sha256: str
    pages: int
    signature_slots: tuple[SignatureSlot, ...]


def _prepare(session: Session, doc_type: DocumentType, project: Project, build: Builder, organ_code: str,
             unit_id: uuid.UUID | None = None, scope: str = "", forms: str = "") -> _Pending:
    draft = build("", date.today())  # raises DocumentDataMissing before any number is used
    return _Pending(doc_type, project, draft, inputs_sha256(draft), current_document(session, doc_type, project.id,
                    unit_id, scope), unit_id, scope, forms, organ_code)


def current_document(session: Session, doc_type: DocumentType, project_id: uuid.UUID, unit_id: uuid.UUID | None,
                     scope: str) -> Document | None:
    """The document in force of this type and scope (the last version not superseded), or None."""
    return session.scalars(
        sa.select(Document).where(Document.type == doc_type, Document.project_id == project_id,
                                  Document.unit_id.is_(None) if unit_id is None else Document.unit_id == unit_id,
                                  Document.scope == scope, Document.state != DocumentState.SUPERSEDED)
        .order_by(Document.version.desc())
    ).first()


def _unchanged(pending: _Pending, folder: DataFolder) -> bool:
    current = pending.current
    return (current is not None and current.state is not DocumentState.DRAFT  # a draft is always numbered anew
            and current.inputs_sha256 == pending.inputs_sha256 and (folder.root / current.file_path).exists())


def _plan(session: Session, pendings: list[_Pending]) -> IssuePlan:
    """Take every serial first (each in its own committed transaction, before this session writes anything:
    SQLite has one writer); a series without a free serial gives a draft 待编号."""
    folder = data_folder_of(session)
    planned = []
    for p in pendings:
        if _unchanged(p, folder):
            assert p.current is not None
            planned.append(PlannedDocument(p.current.id, p.doc_type, p.project.id, p.unit_id, p.scope, p.forms,
                                           p.current.series, p.current.number, p.draft, p.inputs_sha256,
                                           Path(p.current.file_path), p.current.id))
            continue
        year = p.draft.issue_date.year
        series = series_for(p.doc_type, p.organ_code)
        serial = document_numbers.take_serial(session, series, year)
        document_id = uuid.uuid4()
        # A random part: a path another laptop's package could predict could be planted there first.
        random_part = secrets.token_hex(8)
        if serial is None:
            number, stem = None, f"draft-{random_part}"
        else:
            taken = number_for(p.doc_type, p.organ_code, year, serial)
            number, stem = taken.text, f"{taken.file_stem}-{random_part}"
        data = replace(p.draft, number=number or PENDING_NUMBER)
        relative = Path("documents") / str(p.project.id) / f"{p.doc_type.value}-{stem}.pdf"
        planned.append(PlannedDocument(document_id, p.doc_type, p.project.id, p.unit_id, p.scope, p.forms, series,
                                       number, data, p.inputs_sha256, relative, None))
    return IssuePlan(folder.root, tuple(planned))


def render_plan(plan: IssuePlan, render: Render = render_file) -> tuple[RenderedDocument, ...]:
    """Write each new document's PDF (atomically) into the data folder. Touches no database: run it on the
    pool or in the render helper while the writer stays free for answers."""
    rendered = []
    for doc in plan.documents:
        if doc.reused_id is not None:
            continue
        target = plan.root / doc.relative
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(target) as temp:  # the signature fields are in it already (reports/signing/fields.py)
            result = render(doc.doc_type, doc.data, temp)
        rendered.append(RenderedDocument(doc.id, result.file_sha256, result.result.manifest_sha256,
                                         result.result.pages, result.result.signature_slots))
    return tuple(rendered)


def record_plan(session: Session, plan: IssuePlan, rendered: tuple[RenderedDocument, ...]) -> list[IssuedDocument]:
    """The short write after rendering: one Document per new file, the one it replaces marked superseded."""
    by_id = {r.id: r for r in rendered}
    folder = data_folder_of(session)
    issued = []
    for doc in plan.documents:
        if doc.reused_id is not None:
            existing = session.get(Document, doc.reused_id)
            assert existing is not None
            issued.append(_issued(existing, folder, pages=0, slots=(), reused=True))
            continue
        result = by_id[doc.id]
        current = current_document(session, doc.doc_type, doc.project_id, doc.unit_id, doc.scope)
        document = Document(
            id=doc.id, type=doc.doc_type, project_id=doc.project_id, unit_id=doc.unit_id, scope=doc.scope,
            number=doc.number, series=doc.series, version=(current.version + 1) if current else 1,
            state=DocumentState.ISSUED if doc.number else DocumentState.DRAFT,
            file_path=doc.relative.as_posix(), file_sha256=result.file_sha256, inputs_sha256=doc.inputs_sha256,
            manifest_sha256=result.manifest_sha256, form_versions=doc.forms,
            supersedes_id=current.id if current else None, issued_at=utcnow(),
        )
        if current is not None:
            current.state = DocumentState.SUPERSEDED
        session.add(document)
        session.flush()
        if doc.doc_type is DocumentType.OPINION and doc.number:
            _clock_concluded(session, doc)
        issued.append(_issued(document, folder, result.pages, result.signature_slots, reused=False))
    return issued


def _clock_concluded(session: Session, doc: PlannedDocument) -> None:
    """An issued opinion is the clock's 出具意见 (办结), recorded once; a clock not kept is left as it is."""
    from acceptance_app.domain.problems import KnownError
    from acceptance_app.domain.procedure import Stage
    from acceptance_app.services import timeline

    clock = timeline.project_timeline(session, doc.project_id, doc.unit_id, doc.data.issue_date).clock
    if clock.first(Stage.ACCEPTED) is None or clock.first(Stage.OPINION) is not None:
        return
    try:
        timeline.record_stage(session, doc.project_id, Stage.OPINION, doc.data.issue_date, unit_id=doc.unit_id,
                              reference=doc.number or "")
    except KnownError:
        pass  # out of order (e.g. a unit alone on the project's clock): the opinion still stands


def _issue_all(session: Session, pendings: list[_Pending], render: Render) -> list[IssuedDocument]:
    """Reserve, render and record in one call (the command line, tests); the GUI runs the three steps on the
    writer, the pool and the writer again (ui/documents/panel.py)."""
    plan = _plan(session, pendings)
    return record_plan(session, plan, render_plan(plan, render))


def _issued(doc: Document, folder: DataFolder, pages: int, slots: tuple[SignatureSlot, ...],
            reused: bool) -> IssuedDocument:
    return IssuedDocument(doc.id, doc.type, doc.number or PENDING_NUMBER, doc.version, folder.root / doc.file_path,
                          doc.file_sha256, pages, slots, doc.supersedes_id, reused, doc.state is DocumentState.DRAFT)


def data_folder_of(session: Session) -> DataFolder:
    return src.data_folder(session)


# Use cases --------------------------------------------------------------------------------------------------
SPECS: dict[DocumentType, Callable[..., list[Spec]]] = {
    DocumentType.OPINION: lambda s, p, u: b.opinion_specs(s, p, u),
    DocumentType.RECTIFICATION: lambda s, p, u: b.rectification_specs(s, p),
    DocumentType.SERVICE_REPORT: lambda s, p, u: b.service_report_specs(s, p),
    DocumentType.RECORD_SHEET: lambda s, p, u: b.record_sheet_specs(s, p),
}


def plan_issue(session: Session, doc_type: DocumentType, project_id: uuid.UUID,
               unit_id: uuid.UUID | None = None) -> IssuePlan:
    """The reserve step: check and build the inputs (reads), take the serials (each its own short commit).
    Then ``render_plan`` (no database) and ``record_plan`` (a short write)."""
    project = get_or_raise(session, Project, project_id)
    if doc_type is DocumentType.OPINION:
        ensure_opinion_allowed(session, project_id)  # an open blocking commitment (容缺) refuses, nothing changed
    pendings = []
    for spec in SPECS[doc_type](session, project_id, unit_id):
        pending = _prepare(session, doc_type, project, spec.build, spec.organ_code, spec.unit_id, spec.scope)
        pending.forms = ",".join(f for f in spec.forms if f)
        pendings.append(pending)
    return _plan(session, pendings)


def issue(session: Session, doc_type: DocumentType, project_id: uuid.UUID, unit_id: uuid.UUID | None = None,
          render: Render = render_file) -> list[IssuedDocument]:
    plan = plan_issue(session, doc_type, project_id, unit_id)
    return record_plan(session, plan, render_plan(plan, render))


def issue_opinion(session: Session, project_id: uuid.UUID, unit_id: uuid.UUID | None = None,
                  render: Render = render_file) -> tuple[IssuedDocument, Changes]:
    return issue(session, DocumentType.OPINION, project_id, unit_id, render)[0], Changes(report=True)


def issue_rectification_list(session: Session, project_id: uuid.UUID,
                             render: Render = render_file) -> tuple[IssuedDocument, Changes]:
    return issue(session, DocumentType.RECTIFICATION, project_id, None, render)[0], Changes(report=True)


def issue_service_report(session: Session, project_id: uuid.UUID,
                         render: Render = render_file) -> tuple[IssuedDocument, Changes]:
    return issue(session, DocumentType.SERVICE_REPORT, project_id, None, render)[0], Changes(report=True)


def issue_record_sheets(session: Session, project_id: uuid.UUID,
                        render: Render = render_file) -> tuple[list[IssuedDocument], Changes]:
    return issue(session, DocumentType.RECORD_SHEET, project_id, None, render), Changes(report=True)


def number_drafts(session: Session, project_id: uuid.UUID, render: Render = render_file) -> list[IssuedDocument]:
    """Issue again every draft 待编号 of the project now that a block may have arrived: each draft with a free
    serial becomes a numbered document that supersedes it (a draft is never reused as it is)."""
    drafts = session.scalars(sa.select(Document).where(Document.project_id == project_id,
                                                       Document.state == DocumentState.DRAFT)).all()
    done: list[IssuedDocument] = []
    for doc_type, unit_id in dict.fromkeys((d.type, d.unit_id) for d in drafts):
        unit = unit_id if doc_type is DocumentType.OPINION else None
        done += [d for d in issue(session, doc_type, project_id, unit, render) if not d.reused]
    return done


def list_documents(session: Session, project_id: uuid.UUID) -> list[DocumentRow]:
    rows = session.execute(sa.select(Document, Unit.name.label("unit_name"))
                           .outerjoin(Unit, Document.unit_id == Unit.id)
                           .where(Document.project_id == project_id)
                           .order_by(Document.type, Document.issued_at))
    return [_row(row.Document, row.unit_name or "") for row in rows]


def _row(d: Document, unit_name: str) -> DocumentRow:
    return DocumentRow(d.id, d.type, d.number or PENDING_NUMBER, d.version, d.state, d.unit_id, d.scope, d.file_path,
                       d.file_sha256, d.issued_at.isoformat() if d.issued_at else "", unit_name)
