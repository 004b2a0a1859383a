"""Signing issued documents in turn, and verifying them against the file and the record.

Each signature writes a new file next to the issued one (``…-signed-N.pdf``); earlier files are never
overwritten, so the issued bytes and every intermediate state stay available. The Document goes
ISSUED -> SIGNING -> SIGNED (the lead's locking signature); a SIGNED or SUPERSEDED document is never signed
again: corrections are a new version (services.documents).
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.enums import DocumentState
from acceptance_app.domain.problems import KnownError
from acceptance_app.fileio import atomic_write_bytes
from acceptance_app.i18n import N_
from acceptance_app.messages import register
from acceptance_app.reports.signing.certificates import load_trust_roots
from acceptance_app.reports.signing.fields import list_fields
from acceptance_app.reports.signing.pades import SignRequest, SignResult, check_field
from acceptance_app.reports.signing.providers import SigningProvider
from acceptance_app.reports.signing.verify import ISSUES, Issue, VerificationReport, verify_pdf
from acceptance_app.services.changes import Changes
from acceptance_app.services.documents import data_folder_of
from acceptance_app.services.projects import get_or_404
from acceptance_app.storage.models import Document, DocumentSignature

register(errors={
    "signing.document_closed": N_("Document {number} is {state}; it cannot be signed. A correction is a new version."),
    "signing.file_changed": N_("The file of document {number} in the data folder was changed outside the program "
                               "(SHA-256 {actual}, recorded {expected}); signing refused."),
})
ISSUES.update({
    "record_file_changed": N_("the file differs from the one the record holds for document {number}"),
    "record_removed": N_("the record shows field \u201c{field}\u201d signed by {signer} at {when}, but this file "
                         "does not contain that signature"),
})


@dataclass(frozen=True)
class FieldRow:
    name: str
    department: str
    signed: bool
    signer_name: str
    signed_at: str
    timestamp: str
    locks_document: bool


@dataclass(frozen=True)
class SigningStatus:
    document_id: uuid.UUID
    number: str
    state: DocumentState
    path: Path  # the current file: the issued one, or the one after the latest signature
    fields: tuple[FieldRow, ...]


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _signatures(session: Session, document_id: uuid.UUID) -> list[DocumentSignature]:
    return list(session.scalars(sa.select(DocumentSignature).where(DocumentSignature.document_id == document_id)
                                .order_by(DocumentSignature.signed_at)))


def _current(session: Session, document: Document) -> tuple[Path, str]:
    signatures = _signatures(session, document.id)
    folder = data_folder_of(session).root
    if signatures:
        return folder / signatures[-1].file_path, signatures[-1].file_sha256
    return folder / document.file_path, document.file_sha256


def signing_status(session: Session, document_id: uuid.UUID) -> SigningStatus:
    document: Document = get_or_404(session, Document, document_id)  # type: ignore[assignment]
    path, _sha = _current(session, document)
    recorded = {s.field: s for s in _signatures(session, document.id)}
    rows = []
    for state in list_fields(path.read_bytes()):
        record = recorded.get(state.name)
        rows.append(FieldRow(state.name, state.department, state.signed,
                             record.signer_name if record else state.signer,
                             (record.signed_at.isoformat() if record else state.signing_time)[:19],
                             record.timestamp if record else "", state.locks_document))
    return SigningStatus(document.id, document.number or "（待编号）", document.state, path, tuple(rows))


def sign_document(session: Session, document_id: uuid.UUID, request: SignRequest,
                  provider: SigningProvider) -> tuple[SignResult, Changes]:
    """Sign one field of the document's current file and record it."""
    document: Document = get_or_404(session, Document, document_id)  # type: ignore[assignment]
    if document.state in (DocumentState.SIGNED, DocumentState.SUPERSEDED, DocumentState.DRAFT):
        raise KnownError("signing.document_closed", number=document.number or "（待编号）", state=document.state.value)
    path, expected = _current(session, document)
    source = path.read_bytes()
    actual = sha256_bytes(source)
    if actual != expected:
        raise KnownError("signing.file_changed", number=document.number, actual=actual[:16], expected=expected[:16])
    check_field(source, request.field)
    result = provider.sign_pdf(request, source)
    record_signature(session, document, actual, result, request)
    return result, Changes(report=True)


def record_signature(session: Session, document: Document, input_sha256: str, result: SignResult,
                     request: SignRequest) -> Path:
    """Store the signed file next to the issued one and record who signed which field when."""
    folder = data_folder_of(session).root
    issued = Path(document.file_path)
    count = len(_signatures(session, document.id)) + 1
    relative = issued.with_name(f"{issued.stem}-signed-{count}.pdf")
    atomic_write_bytes(folder / relative, result.data)
    session.add(DocumentSignature(
        document_id=document.id, field=result.field, department=request.department, signer_name=request.signer_name,
        signer_subject=result.signer_subject, fingerprint=result.fingerprint, signed_at=result.signed_at,
        timestamp=result.timestamp, file_path=relative.as_posix(), file_sha256=sha256_bytes(result.data),
        input_sha256=input_sha256))
    document.state = DocumentState.SIGNED if result.locked else DocumentState.SIGNING
    session.flush()
    return folder / relative


def document_for_file(session: Session, sha256: str) -> Document | None:
    """The document whose issued or signed file has exactly these bytes (the CLI signs files by path)."""
    document = session.scalars(sa.select(Document).where(Document.file_sha256 == sha256)).first()
    if document is None:
        signature = session.scalars(sa.select(DocumentSignature).where(DocumentSignature.file_sha256 == sha256)).first()
        document = session.get(Document, signature.document_id) if signature else None
    return document


def record_issues(session: Session, data: bytes, report: VerificationReport) -> list[Issue]:
    """What the record knows that the file alone cannot say: a signature that was made and is now missing."""
    document = document_for_file(session, sha256_bytes(data))
    if document is None:
        return []
    present = {s.field for s in report.signatures}
    return [Issue("record_removed", {"field": s.field, "signer": s.signer_name, "when": s.signed_at.isoformat()[:19]})
            for s in _signatures(session, document.id) if s.field not in present]


def verify_document(session: Session, document_id: uuid.UUID,
                    trust: list[Path]) -> tuple[VerificationReport, list[Issue]]:
    document: Document = get_or_404(session, Document, document_id)  # type: ignore[assignment]
    path, expected = _current(session, document)
    data = path.read_bytes()
    report = verify_pdf(data, load_trust_roots([p for p in trust if p.exists()]))
    issues = record_issues(session, data, report)
    if sha256_bytes(data) != expected:
        issues.insert(0, Issue("record_file_changed", {"number": document.number}))
    return report, issues



@dataclass(frozen=True)
class SignContext:
    """Everything the sign dialog shows, read in one go off the GUI thread."""

    status: SigningStatus
    identities: list
    handwriting: dict[str, bytes]
    seals: dict[str, bytes]


def sign_context(session: Session, document_id: uuid.UUID) -> SignContext:
    from acceptance_app.services import identities

    return SignContext(signing_status(session, document_id), identities.list_identities(session),
                       identities.images(session, identities.HANDWRITING), identities.images(session, identities.SEAL))


def current_path(session: Session, document_id: uuid.UUID) -> Path:
    """The file to show for a document: after its latest signature, or as issued."""
    document: Document = get_or_404(session, Document, document_id)  # type: ignore[assignment]
    return _current(session, document)[0]
