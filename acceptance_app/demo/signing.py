"""The demo's signing part: a training identity per demo inspector (password "demo"), a stand-in handwriting
per person and a red round seal per department, all marked 培训 and never trusted."""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.reports import labels
from acceptance_app.reports.signing.stamp import training_handwriting_png, training_seal_png
from acceptance_app.services.changes import Changes
from acceptance_app.services.documents.organs import department_names
from acceptance_app.services.signing import identities
from acceptance_app.storage.db import settings_of
from acceptance_app.storage.models import SigningIdentity

DEMO_PASSWORD = "demo"


def add_demo_signing(session: Session, project_id: uuid.UUID) -> Changes:
    from acceptance_app.demo.project import (
        DEMO_INSPECTORS,  # the demo module lists this function: import late
    )

    known = set(session.scalars(sa.select(SigningIdentity.person)))
    # The seal reads as the jurisdiction's table names the organ, as the documents' bodies and the stamp do.
    organs = department_names(settings_of(session))
    changes = Changes()
    for person, department in DEMO_INSPECTORS:
        if person in known:  # a second demo project reuses the people of the first
            continue
        changes |= identities.create_training_identity(session, person, department, DEMO_PASSWORD)[1]
        changes |= identities.save_image(session, identities.HANDWRITING, person, training_handwriting_png(person),
                                         training=True)
        changes |= identities.save_image(session, identities.SEAL, department.value,
                                         training_seal_png(organs.get(department) or labels.DEPARTMENT[department]),
                                         training=True)
    return changes


def demo_pins(session: Session, training: list[identities.IdentityRow]) -> dict[uuid.UUID, str]:
    """The training identities the demo's password opens: the sign dialog tells it (a training identity is never
    trusted, so its password protects nothing; a password nobody is told only stops the practice)."""
    from cryptography.hazmat.primitives.serialization import pkcs12

    from acceptance_app.services.documents.issuing import data_folder_of

    root = data_folder_of(session).root
    paths = dict(session.execute(sa.select(SigningIdentity.id, SigningIdentity.pkcs12_path)
                                 .where(SigningIdentity.id.in_([r.id for r in training]))).all())
    pins = {}
    for identity_id, relative in paths.items():
        try:
            pkcs12.load_key_and_certificates((root / relative).read_bytes(), DEMO_PASSWORD.encode())
        except (OSError, ValueError, TypeError):
            continue
        pins[identity_id] = DEMO_PASSWORD
    return pins
