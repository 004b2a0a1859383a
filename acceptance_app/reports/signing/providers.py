"""Signing providers: who holds the private key. Callers see only ``SigningProvider``.

A provider opens a pyHanko ``Signer`` for the time of one signature and closes it again (a PKCS#11 session
must not stay logged in). A future SM2 / GB/T 38540 e-seal provider implements ``sign_pdf`` itself, since
pyHanko and asn1crypto know no SM2 signature OIDs; that is why the interface is "sign these bytes", not "give me a key".
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from acceptance_app.domain.problems import KnownError

if TYPE_CHECKING:
    from asn1crypto import x509
    from pyhanko.sign.signers import Signer

    from acceptance_app.reports.signing.pades import SignRequest, SignResult



class SigningProvider(Protocol):
    """What the signing service needs from any key holder."""

    def certificate(self) -> x509.Certificate: ...

    def sign_pdf(self, request: SignRequest, source: bytes) -> SignResult: ...


class PadesProvider:
    """Signs with pyHanko; subclasses only say how to open the key."""

    @contextmanager
    def open_signer(self) -> Iterator[Signer]:
        raise NotImplementedError
        yield  # pragma: no cover

    def certificate(self) -> x509.Certificate:
        with self.open_signer() as signer:
            assert signer.signing_cert is not None
            return signer.signing_cert

    def sign_pdf(self, request: SignRequest, source: bytes) -> SignResult:
        from acceptance_app.reports.signing.pades import sign_with

        with self.open_signer() as signer:
            return sign_with(signer, request, source)


@dataclass
class Pkcs12Provider(PadesProvider):
    path: Path
    password: str  # asked each time; never stored

    @contextmanager
    def open_signer(self) -> Iterator[Signer]:
        from pyhanko.sign.signers import SimpleSigner

        # load_pkcs12_data raises on a wrong password; load_pkcs12 would log a traceback and return None.
        try:
            signer = SimpleSigner.load_pkcs12_data(self.path.read_bytes(), other_certs=(),
                                                   passphrase=self.password.encode("utf-8"))
        except (OSError, ValueError) as error:
            raise KnownError("signing.pkcs12_unreadable", path=str(self.path)) from error
        yield signer


@dataclass
class Pkcs11Provider(PadesProvider):
    module: str  # e.g. /usr/lib/softhsm/libsofthsm2.so or the USB key vendor's library
    token_label: str
    key_label: str
    pin: str  # asked each time; never stored
    cert_label: str | None = None  # the certificate usually carries the key's label

    @contextmanager
    def open_signer(self) -> Iterator[Signer]:
        import pkcs11
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

        def failed(reason: object) -> KnownError:
            return KnownError("signing.pkcs11_failed", module=self.module, token=self.token_label,
                              key=self.key_label, reason=str(reason) or type(reason).__name__)

        try:
            session = open_pkcs11_session(self.module, token_criteria=TokenCriteria(label=self.token_label),
                                          user_pin=self.pin)
        except (OSError, pkcs11.PKCS11Error, Exception) as error:  # noqa: BLE001 - any token failure is the user's
            raise failed(error) from error
        try:
            try:
                # Raw mechanisms (hash in software, CKM_ECDSA / CKM_RSA_PKCS on the token): SoftHSM2 and many
                # USB keys lack the combined CKM_ECDSA_SHA256.
                signer = PKCS11Signer(session, cert_label=self.cert_label or self.key_label, key_label=self.key_label,
                                      use_raw_mechanism=True)
                signer.signing_cert  # noqa: B018 - loads the certificate now, so a wrong label fails here
            except Exception as error:  # noqa: BLE001
                raise failed(error) from error
            yield signer
        finally:
            session.close()
