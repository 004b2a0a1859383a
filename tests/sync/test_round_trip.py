"""Two inspectors' laptops exchange packages both ways and end with the union of their results."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from acceptance_app.domain.enums import Department, Discipline
from acceptance_app.domain.problems import KnownError
from acceptance_app.services.exchange import packages as exchange
from acceptance_app.storage.db import Database
from acceptance_app.storage.models import Answer, AuditEvent, ExchangePeer, Photo, ProcedureEvent, Unit
from acceptance_app.storage.photo_store import PhotoStore
from tests.sync.helpers import (
    Laptops,
    export,
    folder_state,
    import_,
    live_answers,
    new_laptop,
    note_items,
    open_inspection,
    unit_named,
)


@pytest.fixture
def laptops(database: Database, demo_project: uuid.UUID, tmp_path: Path, template_database: Path) -> Iterator[Laptops]:
    """The lead's laptop with the demo project, and a planning inspector's laptop that imported it."""
    planning = new_laptop(tmp_path / "planning", template_database, actor="刘海涛")
    first = export(database, demo_project, tmp_path / "first.acpkg")
    import_(planning, first.path)
    yield Laptops(database, planning, demo_project, first)
    planning.close()


def _audited(db: Database) -> int:
    with db.session() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(AuditEvent).where(
            AuditEvent.device == db.device_id, AuditEvent.action.in_(("create", "update")),
            AuditEvent.entity.in_(("answers", "inspections", "form_snapshots", "photos", "photo_links",
                                   "findings", "finding_events", "photo_annotations"))))


def test_the_first_package_carries_the_whole_project_with_its_photos(laptops: Laptops):
    assert live_answers(laptops.planning, laptops.project_id) == live_answers(laptops.lead, laptops.project_id)
    store = PhotoStore(laptops.planning.folder.photos)
    with laptops.planning.session() as s:
        photos = list(s.scalars(sa.select(Photo)))
    assert photos
    for photo in photos:
        original = store.original_path(photo.sha256, photo.mime)
        assert hashlib.sha256(original.read_bytes()).hexdigest() == photo.sha256
        assert store.display_path(photo.sha256).exists() and store.thumbnail_path(photo.sha256).exists()


def test_the_procedure_clock_travels_so_every_laptop_counts_the_same_days(laptops: Laptops):
    def clock(db: Database) -> list[tuple]:
        with db.session() as s:
            return sorted((e.stage.value, e.on_date, e.reference, e.unit_id) for e in s.scalars(
                sa.select(ProcedureEvent).where(ProcedureEvent.project_id == laptops.project_id)))

    assert clock(laptops.lead) and clock(laptops.planning) == clock(laptops.lead)


def test_a_correction_and_a_reopened_conclusion_travel_with_their_reasons(laptops: Laptops, tmp_path):
    from acceptance_app.domain.checklists.answers import AnswerInput
    from acceptance_app.domain.enums import InspectionKind, InspectionStatus
    from acceptance_app.services.checklists import corrections
    from acceptance_app.services.checklists import inspections as checklists
    from acceptance_app.storage.models import Inspection

    lead, planning, project = laptops.lead, laptops.planning, laptops.project_id
    with lead.session() as s:
        fire = s.scalars(sa.select(Inspection.id).where(
            Inspection.unit_id == unit_named(lead, project, "1#住宅楼"), Inspection.discipline == Discipline.FIRE,
            Inspection.kind == InspectionKind.FORMAL, Inspection.status == InspectionStatus.COMPLETED)).one()
        row = next(r for r in checklists.inspection_sheet(s, fire).sheet.rows
                   if not r.shared and r.answer is not None and r.answer.values.verdict is not None)
    with lead.session() as s, s.begin():
        values = {**row.answer.values.__dict__, "note": "复核：型号已核对"}
        checklists.correct_answer(s, fire, row.item.id, AnswerInput(**values), "补记现场核对情况，结论不变")
        corrections.reopen_inspection(s, fire, "复核发现需重新判定消防结论")
    import_(planning, export(lead, project, tmp_path / "c.acpkg", Discipline.FIRE).path)
    with planning.session() as s:
        answer = s.scalars(sa.select(Answer).where(Answer.inspection_id == fire, Answer.item_id == row.item.id,
                                                   Answer.retired.is_(False))).one()
        arrived = s.get(Inspection, fire)
        assert (answer.note, answer.change_reason) == ("复核：型号已核对", "补记现场核对情况，结论不变")
        assert (arrived.status, arrived.reopen_reason) == (InspectionStatus.IN_PROGRESS, "复核发现需重新判定消防结论")


def test_fire_and_planning_results_made_apart_end_up_on_both_laptops(laptops: Laptops, tmp_path):
    lead, planning, project = laptops.lead, laptops.planning, laptops.project_id
    fire = open_inspection(lead, unit_named(lead, project, "5#住宅楼"), Discipline.FIRE)
    fire_items = note_items(lead, fire, "复核：消防", 5)
    plan = open_inspection(planning, unit_named(planning, project, "3#住宅楼"), Discipline.PLANNING)
    plan_items = note_items(planning, plan, "规划核实", 6)
    assert fire_items and plan_items

    from_planning = export(planning, project, tmp_path / "p.acpkg", Discipline.PLANNING, Department.PLANNING)
    from_lead = export(lead, project, tmp_path / "f.acpkg", Discipline.FIRE)
    audited_before = _audited(lead)
    at_lead = import_(lead, from_planning.path)
    # Every inserted and updated record is in the audit log, as the receiving device's change.
    assert _audited(lead) - audited_before == at_lead.counts["inserted"] + at_lead.counts["updated"]
    at_planning = import_(planning, from_lead.path)

    assert at_lead.counts["inserted"] >= len(plan_items) and at_lead.counts["conflicts"] == 0
    assert at_planning.counts["inserted"] >= len(fire_items) and at_planning.counts["updated"] >= len(fire_items)
    assert at_planning.counts["conflicts"] == 0
    assert live_answers(lead, project) == live_answers(planning, project)
    notes = {note for _id, _item, note in live_answers(lead, project)}
    assert {"复核：消防", "规划核实"} <= notes


def test_the_same_answer_changed_on_both_laptops_is_kept_side_by_side_and_resolvable(laptops: Laptops, tmp_path):
    lead, planning, project = laptops.lead, laptops.planning, laptops.project_id
    plan = open_inspection(planning, unit_named(planning, project, "3#住宅楼"), Discipline.PLANNING)
    item = note_items(planning, plan, "第一次", 1)[0]
    import_(lead, export(planning, project, tmp_path / "1.acpkg", Discipline.PLANNING, Department.PLANNING).path)
    note_items(lead, plan, "住建改", 1)  # the lead changes the planning answer it received ...
    note_items(planning, plan, "规划改", 1)  # ... and so does the planning inspector, on the same item
    report = import_(lead, export(planning, project, tmp_path / "2.acpkg", Discipline.PLANNING,
                                  Department.PLANNING).path)
    assert report.counts["conflicts"] == 1

    with lead.session() as s:
        conflicts = exchange.list_conflicts(s, project)
        assert [c.entity for c in conflicts] == ["answers"]
        assert conflicts[0].differences["note"] == ("住建改", "规划改")
        live = s.scalars(sa.select(Answer.note).where(Answer.item_id == item, Answer.inspection_id == plan,
                                                      Answer.retired.is_(False))).all()
    assert live == ["住建改"]  # nothing overwritten

    with lead.session() as s, s.begin():
        exchange.resolve_conflict(s, conflicts[0].id, keep="remote", by="张伟")
    with lead.session() as s, s.begin():
        live = s.scalars(sa.select(Answer.note).where(Answer.item_id == item, Answer.inspection_id == plan,
                                                      Answer.retired.is_(False))).all()
        assert live == ["规划改"]
        assert exchange.list_conflicts(s, project) == []
        with pytest.raises(KnownError) as info:
            exchange.resolve_conflict(s, conflicts[0].id, keep="local")
    assert info.value.code == "exchange.conflict_resolved"


def test_a_relayed_older_copy_of_our_own_change_is_no_conflict(laptops: Laptops, tmp_path):
    lead, planning, project = laptops.lead, laptops.planning, laptops.project_id
    plan = open_inspection(planning, unit_named(planning, project, "3#住宅楼"), Discipline.PLANNING)
    note_items(planning, plan, "第一版", 3)
    import_(lead, export(planning, project, tmp_path / "1.acpkg", Discipline.PLANNING, Department.PLANNING).path)
    note_items(planning, plan, "第二版", 3)  # changed again before the lead's relay comes back
    report = import_(planning, export(lead, project, tmp_path / "relay.acpkg").path)
    assert report.counts["conflicts"] == 0 and report.counts["updated"] == 0
    assert {note for _i, _item, note in live_answers(planning, project) if note.endswith("版")} == {"第二版"}


def test_a_unit_renamed_on_both_laptops_is_a_conflict_until_someone_chooses(laptops: Laptops, tmp_path):
    lead, planning, project = laptops.lead, laptops.planning, laptops.project_id
    unit_id = unit_named(lead, project, "1#住宅楼")
    for db, name in ((lead, "1号住宅楼（住建）"), (planning, "1号住宅楼（规划）")):
        with db.session() as s, s.begin():
            s.get(Unit, unit_id).name = name
    report = import_(planning, export(lead, project, tmp_path / "l.acpkg").path)
    assert report.counts["conflicts"] == 1
    with planning.session() as s, s.begin():
        assert s.get(Unit, unit_id).name == "1号住宅楼（规划）"
        (conflict,) = exchange.list_conflicts(s, project)
        exchange.resolve_conflict(s, conflict.id, keep="remote", by="刘海涛")
    with planning.session() as s:
        assert s.get(Unit, unit_id).name == "1号住宅楼（住建）"


def test_a_package_imported_twice_changes_nothing_the_second_time(laptops: Laptops):
    before = folder_state(laptops.planning.folder)
    again = import_(laptops.planning, laptops.first_package.path)
    assert again.already_imported
    assert folder_state(laptops.planning.folder) == before


def test_a_department_cannot_change_another_departments_results(laptops: Laptops, tmp_path):
    lead, planning, project = laptops.lead, laptops.planning, laptops.project_id
    fire = open_inspection(planning, unit_named(planning, project, "5#住宅楼"), Discipline.FIRE)
    changed = note_items(planning, fire, "规划员改了消防", 2)
    before = live_answers(lead, project)
    report = import_(lead, export(planning, project, tmp_path / "x.acpkg", department=Department.PLANNING).path)
    assert report.counts["skipped_not_owner"] >= 2 * len(changed)  # the new versions and the retired ones
    assert live_answers(lead, project) == before


def test_an_unknown_sender_key_is_refused_unless_trusted(laptops: Laptops, tmp_path):
    lead, planning, project = laptops.lead, laptops.planning, laptops.project_id
    package = export(planning, project, tmp_path / "k.acpkg", Discipline.PLANNING, Department.PLANNING)
    before = folder_state(lead.folder)
    with pytest.raises(KnownError) as info:
        import_(lead, package.path, trust=False)
    assert info.value.code == "exchange.unknown_sender"
    assert folder_state(lead.folder) == before
    import_(lead, package.path, trust=True)
    with lead.session() as s:
        peer = s.scalars(sa.select(ExchangePeer)).one()
    assert peer.trusted and peer.inspector == "刘海涛" and peer.department == "planning"


def test_a_trusted_key_cannot_claim_another_department(laptops: Laptops, tmp_path):
    lead, planning, project = laptops.lead, laptops.planning, laptops.project_id
    import_(lead, export(planning, project, tmp_path / "p.acpkg", Discipline.PLANNING, Department.PLANNING).path)
    as_lead = export(planning, project, tmp_path / "claim.acpkg", department=Department.HOUSING)
    before = folder_state(lead.folder)
    with pytest.raises(KnownError) as info:
        import_(lead, as_lead.path, trust=False)
    assert info.value.code == "exchange.sender_department_changed"
    assert folder_state(lead.folder) == before
