"""A full export by the lead carries the signed opinion and one registration record per accepted unit."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

import sqlalchemy as sa

from acceptance_app.domain.enums import Department, Discipline, DocumentState
from acceptance_app.reports.signing.pades import SignRequest
from acceptance_app.services.documents import issuing as documents
from acceptance_app.services.signing import identities
from acceptance_app.services.signing import signatures as signing
from acceptance_app.storage.db import Database
from acceptance_app.storage.models import Document, Unit
from acceptance_app.sync.package import verify_package
from tests.services.test_documents import complete_inspections
from tests.sync.helpers import export, import_, new_laptop

FIELDS = ["sig_1", "sig_2", "sig_3", "sig_lead"]  # 住建 signs once, as 牵头 and 消防


def _signed_opinion(database: Database, project_id: uuid.UUID) -> uuid.UUID:
    complete_inspections(database, project_id)
    with database.session() as s, s.begin():
        opinion_id = documents.issue_opinion(s, project_id)[0].id
        ids = {f: identities.create_training_identity(s, f"签署人{f}", Department.HOUSING, "demo")[0].id
               for f in FIELDS}
    for field in FIELDS:
        with database.session() as s, s.begin():
            provider = identities.provider_for(s, ids[field], "demo")
            signing.sign_document(s, opinion_id, SignRequest(field, f"签署人{field}", "部门", training=True), provider)
    return opinion_id


def test_the_signed_opinion_travels_with_a_registration_record_per_accepted_unit(
        database: Database, demo_project: uuid.UUID, tmp_path: Path, template_database: Path) -> None:
    opinion_id = _signed_opinion(database, demo_project)
    with database.session() as s:
        opinion = s.get(Document, opinion_id)
        assert opinion.state is DocumentState.SIGNED
        units = {str(u.id): u for u in s.scalars(sa.select(Unit).where(Unit.project_id == demo_project))}
    package = export(database, demo_project, tmp_path / "lead.acpkg")
    manifest = verify_package(package.path)
    assert manifest.registration
    listed = {f.path: f.sha256 for f in manifest.files}
    for record in manifest.registration:
        unit = units[record["unit_id"]]
        assert record["unit_result"] == "passed" and record["opinion_number"] == opinion.number
        assert (record["real_estate_unit_code"], record["building_no"]) == (unit.real_estate_unit_code,
                                                                            unit.building_no)
        assert listed[record["document_path"]] == record["document_sha256"]

    other = new_laptop(tmp_path / "other", template_database, actor="刘海涛")
    try:
        report = import_(other, package.path)
        assert report.documents_added >= 2  # the issued file and every signed state of it
        with other.session() as s:
            copy = s.get(Document, opinion_id)
            assert copy is not None and copy.state is DocumentState.SIGNED
        for record in manifest.registration:  # the signed file, where its record's file_path says
            matches = [p for p in (other.folder.root / "documents").rglob("*.pdf")
                       if hashlib.sha256(p.read_bytes()).hexdigest() == record["document_sha256"]]
            assert matches
    finally:
        other.close()

    discipline_only = verify_package(export(database, demo_project, tmp_path / "fire.acpkg", Discipline.FIRE).path)
    assert discipline_only.registration == ()
