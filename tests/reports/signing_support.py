"""Test identities (a CA and one PKCS#12 per signer), handwriting and seal images, a signed opinion."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from PIL import Image, ImageDraw

from acceptance_app.reports.signing import certificates
from acceptance_app.reports.signing.fields import LOCKING_FIELD
from acceptance_app.reports.signing.pades import SignRequest
from acceptance_app.reports.signing.providers import Pkcs12Provider

PASSWORD = "正确的口令-1"
NAMES = {"sig_1": "刘海涛", "sig_2": "陈静", "sig_3": "杨帆", LOCKING_FIELD: "王建华"}
OPINION_FIELDS = tuple(NAMES)  # the sample opinion's signature fields, the lead's locking field last


@dataclass(frozen=True)
class Pki:
    folder: Path
    ca_pem: Path
    password_file: Path
    ca: tuple

    def identity(self, name: str, organization: str = "济南市住房和城乡建设局", days: int = 730,
                 not_before: datetime | None = None, ca: tuple | None = None) -> Path:
        generated = certificates.make_signer_identity(name, organization, PASSWORD, ca=ca or self.ca, days=days,
                                                      not_before=not_before)
        path = self.folder / f"{name}-{len(list(self.folder.iterdir()))}.p12"
        path.write_bytes(generated.pkcs12)
        return path


def make_pki(folder: Path) -> Pki:
    folder.mkdir(parents=True, exist_ok=True)
    ca = certificates.make_ca("济南市联合验收测试 CA")
    ca_pem = folder / "ca.pem"
    ca_pem.write_bytes(ca[1].public_bytes(serialization.Encoding.PEM))
    password_file = folder / "password.txt"
    password_file.write_text(PASSWORD + "\n", "utf-8")
    keys = folder / "keys"
    keys.mkdir()
    return Pki(keys, ca_pem, password_file, ca)


def handwriting_png() -> bytes:
    image = Image.new("RGBA", (360, 140), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.line([(15, 100), (70, 30), (110, 110), (170, 40), (230, 105), (340, 35)], fill=(10, 10, 60, 255), width=7,
              joint="curve")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def sign_all(pdf: bytes, pki: Pki, order: list[str], seal: bytes | None = None) -> list[bytes]:
    """Sign the fields in order; returns the file after each signature."""
    states = []
    for field in order:
        provider = Pkcs12Provider(pki.identity(NAMES[field]), PASSWORD)
        pdf = provider.sign_pdf(SignRequest(field, NAMES[field], "部门", handwriting_png(), seal), pdf).data
        states.append(pdf)
    return states


def prepared_opinion() -> bytes:
    from acceptance_app.reports.opinion import OpinionRenderer
    from tests.reports import sample

    rendered = io.BytesIO()
    OpinionRenderer(sample.opinion()).render(rendered)  # with every signature field in it
    return rendered.getvalue()
