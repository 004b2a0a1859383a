"""Certificates: fingerprints, readable names, trust roots from a folder, and the training identities.

Training identities (a self-signed "training CA" and signer certificates under it) exist so the demo and
lessons can sign without a real key. Their names say 培训用, the CA is never put into the trust folder, and
every place that shows one says it is not trusted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from asn1crypto import x509

TRAINING_MARK = "培训用"
CERT_SUFFIXES = (".pem", ".crt", ".cer", ".der")


@dataclass(frozen=True)
class CertificateInfo:
    subject: str
    common_name: str
    issuer: str
    serial: str
    not_before: datetime
    not_after: datetime
    fingerprint: str  # SHA-256 of the DER, hex
    training: bool

    def expired(self, at: datetime | None = None) -> bool:
        at = at or datetime.now(UTC)
        return not (self.not_before <= at <= self.not_after)


def fingerprint(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.dump()).hexdigest()


def subject_text(cert: x509.Certificate) -> str:
    return cert.subject.human_friendly


def describe(cert: x509.Certificate) -> CertificateInfo:
    validity = cert["tbs_certificate"]["validity"]
    cn = cert.subject.native.get("common_name", "")
    return CertificateInfo(
        subject_text(cert), cn, cert.issuer.human_friendly, format(cert.serial_number, "x"),
        validity["not_before"].native, validity["not_after"].native, fingerprint(cert),
        TRAINING_MARK in cert.subject.human_friendly or TRAINING_MARK in cert.issuer.human_friendly,
    )


def load_certificate(data: bytes) -> x509.Certificate:
    from asn1crypto import pem, x509

    if pem.detect(data):
        _type, _headers, data = pem.unarmor(data)
    return x509.Certificate.load(data)


def load_trust_roots(paths: list[Path]) -> list[x509.Certificate]:
    """Every certificate file in the given files and folders (the jurisdiction's trust folder)."""
    roots = []
    for path in paths:
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in CERT_SUFFIXES) if path.is_dir() else [path]
        roots += [load_certificate(f.read_bytes()) for f in files]
    return roots


# Training identities ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class GeneratedIdentity:
    pkcs12: bytes  # the key and certificate chain, encrypted with the given password
    certificate_pem: bytes
    ca_pem: bytes


def _name(common_name: str, organization: str):
    from cryptography import x509 as cx509
    from cryptography.x509.oid import NameOID

    return cx509.Name([
        cx509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
        cx509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
        cx509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])


def make_ca(common_name: str = f"联合验收{TRAINING_MARK} CA（不受信任）", days: int = 3650,
            not_before: datetime | None = None):
    """A self-signed CA key and certificate (cryptography objects)."""
    from cryptography import x509 as cx509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    start = not_before or datetime.now(UTC) - timedelta(days=1)
    name = _name(common_name, TRAINING_MARK if TRAINING_MARK in common_name else common_name)
    cert = (cx509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(cx509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + timedelta(days=days))
            .add_extension(cx509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(cx509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
            .sign(key, hashes.SHA256()))
    return key, cert


def make_signer_identity(person: str, organization: str, password: str, ca=None,
                         days: int = 730, not_before: datetime | None = None) -> GeneratedIdentity:
    """A signer certificate (ECDSA P-256, non-repudiation) under ``ca`` (a fresh training CA if None)."""
    from cryptography import x509 as cx509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12

    ca_key, ca_cert = ca or make_ca()
    key = ec.generate_private_key(ec.SECP256R1())
    start = not_before or datetime.now(UTC) - timedelta(hours=1)
    cert = (cx509.CertificateBuilder().subject_name(_name(person, organization)).issuer_name(ca_cert.subject)
            .public_key(key.public_key()).serial_number(cx509.random_serial_number())
            .not_valid_before(start).not_valid_after(start + timedelta(days=days))
            .add_extension(cx509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(cx509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
            .sign(ca_key, hashes.SHA256()))
    p12 = pkcs12.serialize_key_and_certificates(
        person.encode("utf-8"), key, cert, [ca_cert],
        serialization.BestAvailableEncryption(password.encode("utf-8")))
    pem = serialization.Encoding.PEM
    return GeneratedIdentity(p12, cert.public_bytes(pem), ca_cert.public_bytes(pem))
