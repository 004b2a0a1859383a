"""What an opinion covers (services/documents/scope.py) on the demo's 二期: 6# is offered alone, 7# (消防 in
rectification) and the garage (not applied for alone) are not, each with its reason; a second opinion of the same
content is refused with the number in force."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
import sqlalchemy as sa

from acceptance_app.domain.enums import Discipline, DocumentType
from acceptance_app.domain.problems import KnownError
from acceptance_app.services.documents import issuing
from acceptance_app.services.documents import scope as opinion_scope
from acceptance_app.storage.db import Database
from acceptance_app.storage.models import Document, NumberBlock, Unit
from acceptance_app.text import describe_error


def _unit(database: Database, name: str) -> uuid.UUID:
    with database.session() as s:
        return s.scalars(sa.select(Unit.id).where(Unit.name == name)).one()


def _serials_taken(database: Database) -> int:
    with database.session() as s:
        return s.scalar(sa.select(sa.func.sum(NumberBlock.next - NumberBlock.first))) or 0


def test_only_a_unit_applied_for_alone_and_passed_everywhere_is_ready(database: Database,
                                                                      ready_project: uuid.UUID) -> None:
    with database.session() as s:
        scopes = {sc.name: sc for sc in opinion_scope.opinion_scopes(s, ready_project)}
    whole = scopes["泉华苑住宅小区（二期）"]
    assert whole.unit_id is None and not whole.ready
    assert [(b.code, b.discipline, b.unit) for b in whole.blockers] == [
        ("scope.rectifying", Discipline.FIRE, "7#住宅楼")]
    assert scopes["6#住宅楼"].ready and scopes["6#住宅楼"].issued_number == ""
    assert [(b.code, b.discipline) for b in scopes["7#住宅楼"].blockers] == [
        ("scope.not_applied_alone", None), ("scope.rectifying", Discipline.FIRE)]
    assert [b.code for b in scopes["二期地下车库（含人防工程）"].blockers] == ["scope.not_applied_alone"]
    with database.session() as s:  # the project's order: whole project, then 6#, 7#, the garage
        assert [sc.name for sc in opinion_scope.opinion_scopes(s, ready_project)][1:] == [
            "6#住宅楼", "7#住宅楼", "二期地下车库（含人防工程）"]


def test_a_unit_not_ready_is_refused_with_its_reason_and_nothing_is_taken(database: Database,
                                                                          ready_project: uuid.UUID) -> None:
    seventh = _unit(database, "7#住宅楼")
    before = _serials_taken(database)
    with database.session() as s, pytest.raises(KnownError) as refused:
        opinion_scope.opinion_drafts(s, ready_project, seventh)
    text = describe_error(refused.value)
    assert "7#住宅楼" in text and "消防正在整改" in text and "单独验收" in text, text
    assert _serials_taken(database) == before


def test_the_unit_opinion_then_a_second_one_is_refused_with_the_number_in_force(
        database: Database, ready_project: uuid.UUID) -> None:
    sixth = _unit(database, "6#住宅楼")
    with database.session() as s:
        drafts = opinion_scope.opinion_drafts(s, ready_project, sixth)
    assert len(drafts) == 1 and drafts[0].data.number == ""  # a draft: no number taken
    with database.session() as s, s.begin():
        issued, _changes = issuing.issue_opinion(s, ready_project, sixth)
    assert issued.number.startswith("济联验〔") and not issued.reused
    with database.session() as s:
        scopes = {sc.unit_id: sc for sc in opinion_scope.opinion_scopes(s, ready_project)}
        rows = issuing.list_documents(s, ready_project)
    assert scopes[sixth].issued_number == issued.number
    assert [(r.type, r.unit_name) for r in rows] == [(DocumentType.OPINION, "6#住宅楼")]
    before = _serials_taken(database)
    with database.session() as s, pytest.raises(KnownError) as refused:
        opinion_scope.opinion_drafts(s, ready_project, sixth)
    text = describe_error(refused.value)
    assert issued.number in text and "6#住宅楼" in text and "已出具" in text, text
    assert _serials_taken(database) == before
    with database.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Document)) == 1


def test_a_unit_of_another_project_is_refused(database: Database, ready_project: uuid.UUID,
                                              demo_template: tuple[object, uuid.UUID]) -> None:
    first_phase = demo_template[1]  # 一期 is in the same data folder (ready_template)
    with database.session() as s, pytest.raises(KnownError) as refused:
        opinion_scope.opinion_drafts(s, first_phase, _unit(database, "6#住宅楼"))
    assert refused.value.code == "timeline.not_this_project"


def test_a_unit_without_civil_air_defense_works_is_not_accepted_under_its_laws(database: Database,
                                                                               ready_project: uuid.UUID) -> None:
    from acceptance_app.services.documents.builders import _basis_cited, build_opinion_input
    from acceptance_app.storage.models import Inspection

    with database.session() as s:
        alone, inspections = build_opinion_input(s, ready_project, _unit(database, "6#住宅楼"), "", date.today())
    assert alone.legal_basis and not any("人民防空" in law for law in alone.legal_basis)
    assert "《中华人民共和国消防法》" in alone.legal_basis
    with_works = [*inspections, Inspection(discipline=Discipline.CIVIL_AIR_DEFENSE)]  # e.g. the garage's
    assert sum("人民防空" in law for law in _basis_cited(("《中华人民共和国人民防空法》", "《中华人民共和国消防法》"),
                                                      with_works)) == 1
