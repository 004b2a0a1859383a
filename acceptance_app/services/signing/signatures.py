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

from acceptance_app.domain.beijing_time import beijing_iso_text, beijing_text
from acceptance_app.domain.document_numbers import PENDING_NUMBER
from acceptance_app.domain.enums import DocumentState
from acceptance_app.domain.problems import KnownError
from acceptance_app.fileio import atomic_write_bytes
from acceptance_app.reports.signing.certificates import load_trust_roots
from acceptance_app.reports.signing.fields import FieldState, list_fields
from acceptance_app.reports.signing.pades import SignRequest, SignResult, check_field
from acceptance_app.reports.signing.providers import SigningProvider
from acceptance_app.reports.signing.verify import Issue, VerificationReport, verify_pdf
from acceptance_app.services.changes import Changes
from acceptance_app.services.common import get_or_raise
from acceptance_app.services.documents.inputs import data_folder as data_folder_of
from acceptance_app.storage.models import Document, DocumentSignature


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
    document = get_or_raise(session, Document, document_id)
    path, _sha = _current(session, document)
    recorded = {s.field: s for s in _signatures(session, document.id)}
    rows = []
    for state in list_fields(path.read_bytes()):
        record = recorded.get(state.name)
        rows.append(FieldRow(state.name, state.department, state.signed,
                             record.signer_name if record else state.signer,
                             beijing_text(record.signed_at, seconds=True) if record else beijing_iso_text(state.signing_time),
                             record.timestamp if record else "", state.locks_document))
    return SigningStatus(document.id, document.number or PENDING_NUMBER, document.state, path, tuple(rows))


@dataclass(frozen=True)
class Reservation:
    """What the slow part of signing needs, read in a short write: the file's bytes as recorded, the field."""

    document_id: uuid.UUID
    number: str
    source: bytes
    source_sha256: str
    request: SignRequest


def reserve_signing(session: Session, document_id: uuid.UUID, request: SignRequest) -> Reservation:
    """Step 1 (short, on the writer): the document may be signed, its file is the one recorded, the field is
    free. Nothing slow here: no key is used, no network is reached."""
    document = get_or_raise(session, Document, document_id)
    if document.state in (DocumentState.SIGNED, DocumentState.SUPERSEDED, DocumentState.DRAFT):
        raise KnownError("signing.document_closed", number=document.number or "（待编号）", state=document.state.value)
    path, expected = _current(session, document)
    source = path.read_bytes()
    actual = sha256_bytes(source)
    if actual != expected:
        raise KnownError("signing.file_changed", number=document.number, actual=actual[:16], expected=expected[:16])
    check_field(source, request.field)
    return Reservation(document.id, document.number or PENDING_NUMBER, source, actual, request)


def sign_reserved(reservation: Reservation, provider: SigningProvider) -> SignResult:
    """Step 2 (slow, on the pool, no session): the key signs; a timestamp server may be asked over the network."""
    return provider.sign_pdf(reservation.request, reservation.source)


def record_signed(session: Session, reservation: Reservation, result: SignResult) -> tuple[SignResult, Changes]:
    """Step 3 (short, on the writer): record the signature, unless the document moved on meanwhile (another
    signature, a new version): then the signature made on the old bytes is refused and nothing is stored."""
    document = get_or_raise(session, Document, reservation.document_id)
    if document.state in (DocumentState.SIGNED, DocumentState.SUPERSEDED, DocumentState.DRAFT):
        raise KnownError("signing.document_closed", number=document.number, state=document.state.value)
    _path, current = _current(session, document)
    if current != reservation.source_sha256:
        raise KnownError("signing.file_changed", number=document.number, actual=current[:16],
                         expected=reservation.source_sha256[:16])
    record_signature(session, document, reservation.source_sha256, result, reservation.request)
    return result, Changes(report=True)


def sign_document(session: Session, document_id: uuid.UUID, request: SignRequest,
                  provider: SigningProvider) -> tuple[SignResult, Changes]:
    """Sign one field of the document's current file and record it, in one session (the CLI, tests). The
    window runs the three steps as a split operation so that the writer is free while the key signs."""
    reservation = reserve_signing(session, document_id, request)
    return record_signed(session, reservation, sign_reserved(reservation, provider))


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
    issues = [Issue("record_removed", {"field": s.field, "signer": s.signer_name,
                                       "when": beijing_text(s.signed_at, seconds=True)})
              for s in _signatures(session, document.id) if s.field not in present]
    # The fields the renderer created are those of the issued file the record holds (by its SHA-256).
    issued = data_folder_of(session).root / document.file_path
    if issued.exists() and sha256_bytes(issued_bytes := issued.read_bytes()) == document.file_sha256:
        created = {state.name for state in list_fields(issued_bytes)}
        issues += [Issue("field_added", {"field": name}) for name in (*present, *report.unsigned_fields)
                   if name not in created]
    return issues


def verify_document(session: Session, document_id: uuid.UUID,
                    trust: list[Path]) -> tuple[VerificationReport, list[Issue]]:
    document = get_or_raise(session, Document, document_id)
    path, expected = _current(session, document)
    data = path.read_bytes()
    report = verify_pdf(data, load_trust_roots([p for p in trust if p.exists()]))
    issues = record_issues(session, data, report)
    if sha256_bytes(data) != expected:
        issues.insert(0, Issue("record_file_changed", {"number": document.number}))
    return report, issues


def verification_parts(session: Session, document_id: uuid.UUID,
                       trust: list[Path]) -> tuple[VerificationReport, list[Issue], list[FieldState]]:
    """What the report in plain words needs (text/verification.py): the report, the record's issues and the
    document's fields with their departments (已签 n / 应签 m)."""
    report, issues = verify_document(session, document_id, trust)
    document = get_or_raise(session, Document, document_id)
    try:
        fields = list_fields(_current(session, document)[0].read_bytes())
    except Exception:  # noqa: BLE001 (an unreadable file is already in the report as "unreadable")
        fields = []
    return report, issues, fields



@dataclass(frozen=True)
class SignContext:
    """Everything the sign dialog shows, read in one go off the GUI thread."""

    status: SigningStatus
    identities: list
    handwriting: dict[str, bytes]
    seals: dict[str, bytes]
    demo_pins: dict[uuid.UUID, str]  # training identities that open with the demo's published password


def sign_context(session: Session, document_id: uuid.UUID) -> SignContext:
    """The document's fields and the identities and images to sign with; the demo's training passwords are added
    by the caller that may know the demo (``ui``: the demo sits above services)."""
    from acceptance_app.services.signing import identities

    rows = identities.list_identities(session)
    return SignContext(signing_status(session, document_id), rows,
                       identities.images(session, identities.HANDWRITING), identities.images(session, identities.SEAL),
                       {})


def sign_with_identity(session: Session, document_id: uuid.UUID, request: SignRequest, identity_id: uuid.UUID,
                       secret: str) -> tuple[SignResult, Changes]:
    """Sign with a stored identity; a wrong password speaks of the person's identity, not of a key file."""
    from acceptance_app.services.signing import identities

    provider = identities.provider_for(session, identity_id, secret)
    try:
        return sign_document(session, document_id, request, provider)
    except KnownError as error:
        person = next((r.person for r in identities.list_identities(session) if r.id == identity_id), "")
        raise identity_error(error, person) from error


def identity_error(error: KnownError, person: str) -> KnownError:
    """A wrong password speaks of the person's identity, never of a key file and its path."""
    if error.code == "signing.pkcs12_unreadable":
        return KnownError("signing.identity_secret", person=person)
    return error


def current_path(session: Session, document_id: uuid.UUID) -> Path:
    """The file to show for a document: after its latest signature, or as issued."""
    document = get_or_raise(session, Document, document_id)
    return _current(session, document)[0]
