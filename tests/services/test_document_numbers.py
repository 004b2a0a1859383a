"""Document numbers from blocks: two laptops with blocks from the hub issue offline without a duplicate, a taken
serial is never handed out again, a copied database cannot use its source's blocks, a draft 待编号 cannot be
signed and is numbered once a block arrives."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from acceptance_app.domain.document_numbers import Block, BlockOverlap, DocumentNumber, check_new_block
from acceptance_app.domain.enums import DocumentState
from acceptance_app.domain.problems import KnownError
from acceptance_app.services.documents import issuing as documents
from acceptance_app.services.documents import numbers as document_numbers
from acceptance_app.storage.db import Database, open_database
from acceptance_app.storage.models import Document, NumberBlock
from acceptance_app.sync.client import HubClient
from tests.services.test_documents import complete_inspections
from tests.sync.helpers import export, import_
from tests.sync.hub_support import LiveHub, inspector_folder

YEAR = date.today().year


def test_a_document_number_is_organ_code_year_and_plain_serial() -> None:
    assert DocumentNumber("济联验", 2026, 37).text == "济联验〔2026〕37号"
    assert DocumentNumber("历城联验", 2026, 5).text == "历城联验〔2026〕5号"
    assert DocumentNumber("济技服", 2026, 3, official=False).text == "济技服-2026-0003"
    with pytest.raises(BlockOverlap):
        check_new_block([Block("济联验", 2026, 1, 50, 1)], Block("济联验", 2026, 50, 60, 50))
    check_new_block([Block("济联验", 2026, 1, 50, 1)], Block("济联验", 2027, 1, 50, 1))  # another year


def test_two_laptops_issue_offline_from_hub_blocks_then_sync_without_duplicates(
        tmp_path: Path, demo_template: tuple[Path, uuid.UUID]) -> None:
    demo_root, project_id = demo_template
    hub_url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    hub = LiveHub(hub_url, tmp_path / "hub-files")
    try:
        token = hub.account("牵头", jurisdiction="370100")
        laptops = [open_database(inspector_folder(demo_root, tmp_path / name), actor=name) for name in ("a", "b")]
        for db in laptops:  # a fresh laptop: no block yet (the demo's blocks belong to the demo's device)
            with HubClient(hub.url, token) as client, db.session() as s, s.begin():
                s.execute(sa.delete(NumberBlock))
                document_numbers.request_blocks(s, client, ["济联验"], YEAR, count=3)
    finally:
        hub.close()  # from here on both laptops are offline
    numbers = []
    for db in laptops:
        complete_inspections(db, project_id)
        with db.session() as s:
            unit_ids = [u.id for u in _units(s, project_id)][:3]
        _take(db)  # the program dies after taking a serial: the gap is never filled
        for unit_id in unit_ids[:2]:
            with db.session() as s, s.begin():
                issued, _ = documents.issue_opinion(s, project_id, unit_id)
            numbers.append(issued.number)
        with db.session() as s, s.begin():  # the block is used up: a draft, not a reused number
            draft, _ = documents.issue_opinion(s, project_id, unit_ids[2])
        assert draft.draft and draft.number == "（待编号）"
    assert len(set(numbers)) == 4
    assert sorted(_serial(n) for n in numbers) == [2, 3, 5, 6]  # 1 and 4 were lost, never reused

    # sync: a's signed opinions travel to b (only signed opinions travel); b then holds all four numbers, none
    # twice (the number column is unique: a duplicate could not even be stored)
    a, b = laptops
    _sign_opinions(a)
    import_(b, export(a, project_id, tmp_path / "a.acpkg").path)
    with b.session() as s:
        held = [n for n in s.scalars(sa.select(Document.number)) if n]
    assert sorted(held) == sorted(numbers)

    # b gets its next block: it starts after every block granted, so no lost serial comes back
    hub = LiveHub(hub_url, tmp_path / "hub-files")
    try:
        with HubClient(hub.url, token) as client, b.session() as s, s.begin():
            document_numbers.request_blocks(s, client, ["济联验"], YEAR, count=3)
    finally:
        hub.close()
    with b.session() as s, s.begin():
        done = documents.number_drafts(s, project_id)
    assert [_serial(d.number) for d in done] == [7]
    for db in laptops:
        db.close()


def _sign_opinions(db: Database) -> None:
    from acceptance_app.reports.signing.pades import SignRequest
    from acceptance_app.services.signing import identities
    from acceptance_app.services.signing import signatures as signing

    with db.session() as s, s.begin():
        identity, _ = identities.create_training_identity(s, "签署人", documents.src.LEAD_DEPARTMENT, "demo")
        opinions = list(s.scalars(sa.select(Document.id).where(Document.state == DocumentState.ISSUED)))
    for opinion_id in opinions:
        with db.session() as s:
            fields = [f.name for f in signing.signing_status(s, opinion_id).fields]
        for field in fields:
            with db.session() as s, s.begin():
                provider = identities.provider_for(s, identity.id, "demo")
                signing.sign_document(s, opinion_id, SignRequest(field, "签署人", "部门", training=True), provider)


def _serial(number: str) -> int:
    return int(number.split("〕")[1].rstrip("号"))


def _units(session, project_id):  # type: ignore[no-untyped-def]
    from acceptance_app.storage.models import Unit

    return session.scalars(sa.select(Unit).where(Unit.project_id == project_id).order_by(Unit.sort_order)).all()


def _take(db: Database) -> int:
    with db.session() as s:
        serial = document_numbers.take_serial(s, "济联验", YEAR)
    assert serial is not None
    return serial


def test_a_draft_cannot_be_signed_and_is_numbered_when_a_block_arrives(
        database: Database, demo_project: uuid.UUID) -> None:
    complete_inspections(database, demo_project)
    with database.session() as s, s.begin():
        s.execute(sa.delete(NumberBlock))
    with database.session() as s, s.begin():
        draft, _ = documents.issue_opinion(s, demo_project)
    assert draft.draft and "（待编号）" in _text(draft.path)
    from acceptance_app.reports.signing.pades import SignRequest
    from acceptance_app.services.signing import identities
    from acceptance_app.services.signing import signatures as signing

    with database.session() as s, s.begin():
        identity, _ = identities.create_training_identity(s, "签署人", documents.src.LEAD_DEPARTMENT, "demo")
    with database.session() as s, s.begin(), pytest.raises(KnownError) as refused:
        provider = identities.provider_for(s, identity.id, "demo")
        signing.sign_document(s, draft.id, SignRequest("sig_lead", "签署人", "部门", training=True), provider)
    assert refused.value.code == "signing.document_closed"
    with database.session() as s, s.begin():
        device = document_numbers.device_of(s)
        document_numbers.add_block(s, "济联验", YEAR, 101, 110, "office", device)
    with database.session() as s, s.begin():
        done = documents.number_drafts(s, demo_project)
    assert [d.number for d in done] == [f"济联验〔{YEAR}〕101号"]
    with database.session() as s:
        states = {d.number: d.state for d in s.scalars(sa.select(Document))}
    assert states == {None: DocumentState.SUPERSEDED, f"济联验〔{YEAR}〕101号": DocumentState.ISSUED}


def test_a_block_entered_twice_is_refused(database: Database) -> None:
    with database.session() as s, s.begin():
        document_numbers.add_block(s, "济联验", YEAR, 1, 10, "office")
    with database.session() as s, s.begin(), pytest.raises(KnownError) as refused:
        document_numbers.add_block(s, "济联验", YEAR, 5, 20, "office")
    assert refused.value.code == "numbers.block_overlap"


def test_the_office_grants_consecutive_blocks(database: Database) -> None:
    with database.session() as s, s.begin():
        first = document_numbers.grant_block(s, "济联验", YEAR, "LAPTOPA1", 20)
        second = document_numbers.grant_block(s, "济联验", YEAR, "LAPTOPB2", 20)
    assert (first.first, first.last, second.first, second.last) == (1, 20, 21, 40)
    with database.session() as s:  # this laptop holds neither: it takes nothing from them
        assert document_numbers.take_serial(s, "济联验", YEAR) is None


def _text(path: Path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
