"""Signing documents of the data folder: identities, state, records, and what the record adds to verify."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from acceptance_app.domain.enums import Department, DocumentState
from acceptance_app.domain.problems import KnownError
from acceptance_app.reports.signing.pades import SignRequest
from acceptance_app.services.documents import issuing as documents
from acceptance_app.services.signing import identities
from acceptance_app.services.signing import signatures as signing
from acceptance_app.storage.db import Database
from acceptance_app.storage.models import SigningIdentity
from acceptance_app.text import describe_error, describe_issue
from tests.reports.signing_support import PASSWORD, make_pki
from tests.services.test_documents import complete_inspections

ORDER = ["sig_1", "sig_2", "sig_3", "sig_lead"]


@pytest.fixture
def opinion_id(database: Database, demo_project: uuid.UUID) -> uuid.UUID:
    complete_inspections(database, demo_project)
    with database.session() as s, s.begin():
        issued, _ = documents.issue_opinion(s, demo_project)
    return issued.id


def test_identities_keep_only_certificates(database: Database, tmp_path: Path) -> None:
    pki = make_pki(tmp_path / "pki")
    with database.session() as s, s.begin():
        row, changes = identities.import_pkcs12(s, pki.identity("刘海涛"), PASSWORD, "刘海涛", Department.PLANNING)
        training, _ = identities.create_training_identity(s, "张伟", Department.HOUSING, "demo")
    assert changes.report and row.trusted and not row.training
    assert training.training and not training.trusted and "培训用" in training.subject
    with database.session() as s:
        stored = s.scalars(sa.select(SigningIdentity)).all()
        assert {len(i.fingerprint) for i in stored} == {64}
        for identity in stored:  # no key material and no password anywhere in the row
            values = [str(getattr(identity, c.key)) for c in SigningIdentity.__table__.columns]
            assert not any("PRIVATE KEY" in v or PASSWORD in v or "demo" == v for v in values)
    with database.session() as s, pytest.raises(KnownError) as caught:
        identities.import_pkcs12(s, pki.identity("某人"), "wrong", "某人", Department.PLANNING)
    assert "口令错误" in describe_error(caught.value)


def test_sign_in_turn_records_and_locks(database: Database, opinion_id: uuid.UUID, tmp_path: Path) -> None:
    with database.session() as s, s.begin():
        ids = {f: identities.create_training_identity(s, f"签署人{f}", Department.HOUSING, "demo")[0].id
               for f in ORDER}
    for field in ORDER:
        with database.session() as s, s.begin():
            provider = identities.provider_for(s, ids[field], "demo")
            result, changes = signing.sign_document(s, opinion_id, SignRequest(field, f"签署人{field}", "部门",
                                                                                training=True), provider)
        assert changes.report
        with database.session() as s:
            status = signing.signing_status(s, opinion_id)
        expected = DocumentState.SIGNED if field == "sig_lead" else DocumentState.SIGNING
        assert status.state is expected
    assert [f.signer_name for f in status.fields] == [f"签署人{f}" for f in ORDER]
    with database.session() as s, pytest.raises(KnownError) as caught:
        signing.sign_document(s, opinion_id, SignRequest("sig_1", "x", "y"), identities.provider_for(s, ids["sig_1"], "demo"))
    assert "不能签署" in describe_error(caught.value)

    with database.session() as s:
        report, issues = signing.verify_document(s, opinion_id, [])
    assert not issues and len(report.signatures) == 4
    assert all(sig.training and not sig.ok for sig in report.signatures)  # training: never trusted

    # the record notices a removed signature: the 4-signature file is recognised and the lead's is missing
    with database.session() as s:
        four = (database.folder.root / signing._signatures(s, opinion_id)[2].file_path).read_bytes()
        from acceptance_app.reports.signing.verify import verify_pdf

        extra = signing.record_issues(s, four, verify_pdf(four))
    assert [i.code for i in extra] == ["record_removed"] and "签名被移除" in describe_issue(extra[0])


def test_handwriting_is_kept_per_person_and_must_be_png(database: Database) -> None:
    from tests.reports.signing_support import handwriting_png

    with database.session() as s, s.begin():
        identities.save_image(s, identities.HANDWRITING, "张伟", b"\x89PNG\r\n\x1a\nold")
        identities.save_image(s, identities.HANDWRITING, "张伟", handwriting_png())
        with pytest.raises(KnownError) as caught:
            identities.save_image(s, identities.SEAL, Department.HOUSING.value, b"GIF89a")
    assert "不是 PNG" in describe_error(caught.value)
    with database.session() as s:
        assert identities.image_for(s, identities.HANDWRITING, "张伟") == handwriting_png()
        assert identities.image_for(s, identities.SEAL, Department.HOUSING.value) is None


def test_changed_file_in_data_folder_is_refused(database: Database, opinion_id: uuid.UUID) -> None:
    with database.session() as s, s.begin():
        identity = identities.create_training_identity(s, "张伟", Department.HOUSING, "demo")[0]
        path = signing.signing_status(s, opinion_id).path
    path.write_bytes(path.read_bytes() + b"\n% edited\n")
    with database.session() as s, pytest.raises(KnownError) as caught:
        signing.sign_document(s, opinion_id, SignRequest("sig_1", "张伟", "部门"),
                              identities.provider_for(s, identity.id, "demo"))
    assert "在程序之外被改动" in describe_error(caught.value)


def test_a_signature_made_on_bytes_that_moved_on_is_refused_at_record(database: Database, opinion_id: uuid.UUID) -> None:
    """The window signs in three steps (reserve, sign on the pool, record). When another signature was recorded in
    between, the slow step's signature covers the old file: recording it would lose the other one. Refused."""
    with database.session() as s, s.begin():
        one = identities.create_training_identity(s, "甲", Department.HOUSING, "demo")[0].id
        two = identities.create_training_identity(s, "乙", Department.HOUSING, "demo")[0].id
    with database.session() as s, s.begin():
        reservation = signing.reserve_signing(s, opinion_id, SignRequest("sig_1", "甲", "部门", training=True))
        provider = identities.provider_for(s, one, "demo")
    slow_result = signing.sign_reserved(reservation, provider)  # no session: this is the pool's part
    with database.session() as s, s.begin():  # meanwhile another field is signed and recorded
        signing.sign_document(s, opinion_id, SignRequest("sig_2", "乙", "部门", training=True),
                              identities.provider_for(s, two, "demo"))
    with database.session() as s, s.begin(), pytest.raises(KnownError) as refused:
        signing.record_signed(s, reservation, slow_result)
    assert refused.value.code == "signing.file_changed"
    with database.session() as s:
        assert [f.signer_name for f in signing.signing_status(s, opinion_id).fields if f.signed] == ["乙"]
