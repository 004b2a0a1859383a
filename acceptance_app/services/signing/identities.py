"""Signing identities (PKCS#12 file, PKCS#11 token, training), handwriting per person and seals per department.

Passwords and PINs are parameters of the call that needs them and are never stored. Importing opens the
key once, so a wrong password or label fails at import time and not in front of the other signers.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.enums import Department
from acceptance_app.domain.problems import KnownError
from acceptance_app.fileio import atomic_write_bytes
from acceptance_app.reports import labels
from acceptance_app.reports.signing import certificates
from acceptance_app.reports.signing.providers import Pkcs11Provider, Pkcs12Provider, SigningProvider
from acceptance_app.services.changes import Changes
from acceptance_app.services.common import get_or_raise
from acceptance_app.services.documents.inputs import data_folder as data_folder_of
from acceptance_app.services.documents.organs import department_names
from acceptance_app.storage.db import settings_of
from acceptance_app.storage.models import SignatureImage, SigningIdentity

HANDWRITING, SEAL = "handwriting", "seal"
TRAINING_DIR = "identities"


@dataclass(frozen=True)
class IdentityRow:
    id: uuid.UUID
    kind: str  # pkcs12 | pkcs11 | training
    person: str
    department: Department
    subject: str
    fingerprint: str
    not_after: datetime
    trusted: bool

    @property
    def training(self) -> bool:
        return self.kind == "training"

    @property
    def expired(self) -> bool:
        return self.not_after < datetime.now(UTC)

    @property
    def department_label(self) -> str:
        return labels.DEPARTMENT[self.department]


def _row(identity: SigningIdentity) -> IdentityRow:
    return IdentityRow(identity.id, identity.kind, identity.person, Department(identity.department), identity.subject,
                       identity.fingerprint, identity.not_after, identity.trusted)


def _record(session: Session, kind: str, person: str, department: Department, provider: SigningProvider,
            **where: str) -> tuple[IdentityRow, Changes]:
    if not person.strip():
        raise KnownError("identity.person_required")
    cert = provider.certificate()
    info = certificates.describe(cert)
    identity = SigningIdentity(kind=kind, person=person, department=department.value, certificate_der=cert.dump(),
                               fingerprint=info.fingerprint, subject=info.subject, not_after=info.not_after,
                               trusted=kind != "training" and not info.training, **where)
    session.add(identity)
    session.flush()
    return _row(identity), Changes(report=True)


def import_pkcs12(session: Session, path: Path, password: str, person: str,
                  department: Department) -> tuple[IdentityRow, Changes]:
    """Remember a PKCS#12 file by its path (the key stays in the file, under its password)."""
    provider = Pkcs12Provider(path.resolve(), password)
    return _record(session, "pkcs12", person, department, provider, pkcs12_path=str(path.resolve()))


def register_pkcs11(session: Session, module: str, token_label: str, key_label: str, pin: str, person: str,
                    department: Department) -> tuple[IdentityRow, Changes]:
    provider = Pkcs11Provider(module, token_label, key_label, pin)
    return _record(session, "pkcs11", person, department, provider, pkcs11_module=module,
                   token_label=token_label, key_label=key_label)


def create_training_identity(session: Session, person: str, department: Department,
                             password: str) -> tuple[IdentityRow, Changes]:
    """A certificate under the data folder's training CA (made on first use), marked 培训用 and never trusted."""
    if not person.strip():
        raise KnownError("identity.person_required")
    folder = data_folder_of(session).root / TRAINING_DIR
    folder.mkdir(parents=True, exist_ok=True)
    ca = _training_ca(folder)
    # The organization as the jurisdiction's table names it (济南市城建档案馆), as the documents do.
    organ = department_names(settings_of(session)).get(department) or labels.DEPARTMENT[department]
    generated = certificates.make_signer_identity(
        f"{person}（{certificates.TRAINING_MARK}）", f"{organ}（{certificates.TRAINING_MARK}）", password, ca=ca)
    path = folder / f"training-{uuid.uuid4().hex[:12]}.p12"
    atomic_write_bytes(path, generated.pkcs12)
    # Kept relative to the data folder: a folder copied or moved to another disk keeps its training identities.
    relative = path.relative_to(data_folder_of(session).root).as_posix()
    return _record(session, "training", person, department, Pkcs12Provider(path, password), pkcs12_path=relative)


def _training_ca(folder: Path):
    from cryptography.hazmat.primitives import serialization
    from cryptography.x509 import load_pem_x509_certificate

    key_path, cert_path = folder / "training-ca-key.pem", folder / "training-ca.pem"
    if key_path.exists() and cert_path.exists():
        return (serialization.load_pem_private_key(key_path.read_bytes(), None),
                load_pem_x509_certificate(cert_path.read_bytes()))
    key, cert = certificates.make_ca()
    # The training CA key sits unencrypted on purpose: it certifies nothing anyone should trust.
    atomic_write_bytes(key_path, key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                   serialization.NoEncryption()))
    atomic_write_bytes(cert_path, cert.public_bytes(serialization.Encoding.PEM))
    return key, cert


def list_identities(session: Session) -> list[IdentityRow]:
    rows = session.scalars(sa.select(SigningIdentity).order_by(SigningIdentity.department, SigningIdentity.person))
    return [_row(i) for i in rows]


def provider_for(session: Session, identity_id: uuid.UUID, secret: str) -> SigningProvider:
    """The provider of an identity, opened with the password or PIN the person just typed."""
    identity = get_or_raise(session, SigningIdentity, identity_id)
    if identity.not_after < datetime.now(UTC):
        raise KnownError("identity.expired", person=identity.person, not_after=identity.not_after.date().isoformat())
    if identity.kind == "pkcs11":
        return Pkcs11Provider(identity.pkcs11_module, identity.token_label, identity.key_label, secret)
    return Pkcs12Provider(data_folder_of(session).root / identity.pkcs12_path, secret)  # absolute stays absolute


# Images -----------------------------------------------------------------------------------------------------
def save_image(session: Session, kind: str, owner: str, png: bytes, training: bool = False) -> Changes:
    """Keep one handwriting per person / one seal per department; a new capture replaces the old one."""
    if not png.startswith(b"\x89PNG\r\n\x1a\n"):
        raise KnownError("identity.not_png")
    image = session.scalars(sa.select(SignatureImage).where(SignatureImage.kind == kind,
                                                            SignatureImage.owner == owner)).first()
    if image is None:
        session.add(SignatureImage(kind=kind, owner=owner, png=png, training=training))
    else:
        image.png, image.training = png, training
    session.flush()
    return Changes(report=True)


def image_for(session: Session, kind: str, owner: str) -> bytes | None:
    return session.scalars(sa.select(SignatureImage.png).where(SignatureImage.kind == kind,
                                                               SignatureImage.owner == owner)).first()


def images(session: Session, kind: str) -> dict[str, bytes]:
    """Every stored image of a kind, by owner (for the sign dialog: handwriting by person, seals by department)."""
    rows = session.execute(sa.select(SignatureImage.owner, SignatureImage.png).where(SignatureImage.kind == kind))
    return {owner: png for owner, png in rows}
