"""A trusted non-lead sender relabels another department's rows as its own (issue 20, item 3).

The planning inspector's laptop is changed the way an attacker would (straight in its database), then exported
as a planning package: ownership must come from the lead's own rows and their parent chain, so the package is
refused with a code and the lead's data folder (SQL dump and files) is unchanged.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from acceptance_app.domain.enums import Department, Discipline, FindingStatus
from acceptance_app.domain.findings import FindingAction
from acceptance_app.domain.photos import TargetKind
from acceptance_app.domain.problems import KnownError
from acceptance_app.storage.db import Database
from acceptance_app.storage.models import Finding, FindingEvent, Inspection, Photo, PhotoLink
from tests.sync.helpers import Laptops, export, folder_state, import_, new_laptop


@pytest.fixture
def laptops(database: Database, demo_project: uuid.UUID, tmp_path: Path, template_database: Path) -> Iterator[Laptops]:
    planning = new_laptop(tmp_path / "planning", template_database, actor="刘海涛")
    first = export(database, demo_project, tmp_path / "first.acpkg")
    import_(planning, first.path)
    yield Laptops(database, planning, demo_project, first)
    planning.close()


def _fire_inspection(db: Database) -> uuid.UUID:
    """A fire inspection whose unit has no planning inspection of the same kind and round to clash with."""
    planning = sa.orm.aliased(Inspection)
    clash = sa.select(planning.id).where(planning.unit_id == Inspection.unit_id, planning.kind == Inspection.kind,
                                        planning.round == Inspection.round,
                                        planning.discipline == Discipline.PLANNING).exists()
    with db.session() as s:
        return s.scalars(sa.select(Inspection.id).where(Inspection.discipline == Discipline.FIRE, ~clash)).first()


def _fire_finding(db: Database) -> uuid.UUID:
    with db.session() as s:
        return s.scalars(sa.select(Finding.id).where(Finding.discipline == Discipline.FIRE)).first()


def _sql(db: Database, statement: str, *params: object) -> None:
    connection = sqlite3.connect(db.folder.database)
    try:
        connection.execute(statement, params)
        connection.commit()
    finally:
        connection.close()


def _hex(value: uuid.UUID) -> str:
    return value.hex  # sa.Uuid stores 32 hex digits on SQLite


def _attack(laptops: Laptops, tmp_path: Path) -> tuple[Path, tuple]:
    package = export(laptops.planning, laptops.project_id, tmp_path / "attack.acpkg", department=Department.PLANNING)
    return package.path, folder_state(laptops.lead.folder)


def _refused(laptops: Laptops, path: Path, before: tuple, column: str) -> KnownError:
    with pytest.raises(KnownError) as info:
        import_(laptops.lead, path)
    assert info.value.code == "exchange.owner_relabelled"
    assert info.value.params["column"] == column
    assert folder_state(laptops.lead.folder) == before
    return info.value


def test_an_inspection_relabelled_to_the_senders_discipline_is_refused(laptops: Laptops, tmp_path: Path) -> None:
    fire = _fire_inspection(laptops.lead)
    _sql(laptops.planning, "UPDATE inspections SET discipline = 'planning' WHERE id = ?", _hex(fire))
    _sql(laptops.planning, "UPDATE answers SET discipline = 'planning' WHERE inspection_id = ?", _hex(fire))
    _sql(laptops.planning, "UPDATE answers SET retired = 1 WHERE inspection_id = ? AND verdict = 'failed'",
         _hex(fire))
    path, before = _attack(laptops, tmp_path)
    error = _refused(laptops, path, before, "discipline")
    assert error.params["local"] == "fire" and error.params["sent"] == "planning"
    with laptops.lead.session() as s:
        assert s.get(Inspection, fire).discipline is Discipline.FIRE


def test_answers_relabelled_under_an_unchanged_inspection_are_refused(laptops: Laptops, tmp_path: Path) -> None:
    fire = _fire_inspection(laptops.lead)
    _sql(laptops.planning, "UPDATE answers SET discipline = 'planning', note = '改' WHERE inspection_id = ?",
         _hex(fire))
    path, before = _attack(laptops, tmp_path)
    _refused(laptops, path, before, "discipline")


def test_a_finding_relabelled_to_carry_a_forged_closing_event_is_refused(laptops: Laptops, tmp_path: Path) -> None:
    finding = _fire_finding(laptops.lead)
    _sql(laptops.planning, "UPDATE findings SET discipline = 'planning' WHERE id = ?", _hex(finding))
    with laptops.planning.session() as s, s.begin():
        s.add(FindingEvent(finding_id=finding, action=FindingAction.RECHECK_PASS, status_after=FindingStatus.CLOSED,
                           at=datetime.now(UTC), by="刘海涛", note="已整改"))
    path, before = _attack(laptops, tmp_path)
    _refused(laptops, path, before, "discipline")


def test_a_forged_event_and_a_planted_photo_link_on_fire_results_are_skipped(
        laptops: Laptops, tmp_path: Path) -> None:
    # Without a relabel the rows are simply not the sender's: skipped and counted, nothing of them stored.
    finding, fire = _fire_finding(laptops.lead), _fire_inspection(laptops.lead)
    with laptops.planning.session() as s, s.begin():
        event = FindingEvent(finding_id=finding, action=FindingAction.RECHECK_PASS, status_after=FindingStatus.CLOSED,
                             at=datetime.now(UTC), by="刘海涛", note="已整改")
        photo = s.scalars(sa.select(Photo.id)).first()
        link = PhotoLink(photo_id=photo, target_kind=TargetKind.INSPECTION, inspection_id=fire, item_id="X",
                         caption="植入")
        s.add_all([event, link])
        s.flush()
        event_id, link_id = event.id, link.id
    report = import_(laptops.lead, _attack(laptops, tmp_path)[0])
    assert report.by_table["finding_events"]["skipped_not_owner"] == 1
    assert report.by_table["photo_links"]["skipped_not_owner"] == 1
    with laptops.lead.session() as s:
        assert s.get(FindingEvent, event_id) is None and s.get(PhotoLink, link_id) is None


def test_the_lead_cannot_relabel_an_inspection_either(laptops: Laptops, tmp_path: Path) -> None:
    fire = _fire_inspection(laptops.lead)
    _sql(laptops.lead, "UPDATE inspections SET discipline = 'planning' WHERE id = ?", _hex(fire))
    package = export(laptops.lead, laptops.project_id, tmp_path / "lead.acpkg")
    before = folder_state(laptops.planning.folder)
    with pytest.raises(KnownError) as info:
        import_(laptops.planning, package.path)
    assert info.value.code == "exchange.owner_relabelled"
    assert folder_state(laptops.planning.folder) == before


def test_a_non_lead_package_plants_no_document_file(laptops: Laptops, tmp_path: Path) -> None:
    """Issue 20 item 5: document rows are the lead's; a planning package's are skipped, and so are its files."""
    import hashlib
    import json

    from tests.sync.test_hostile_packages import _entries, _plain, _resigned

    package = export(laptops.planning, laptops.project_id, tmp_path / "p.acpkg", Discipline.PLANNING,
                     Department.PLANNING)
    pdf = b"%PDF-1.7\n%planted\n"
    sha = hashlib.sha256(pdf).hexdigest()
    planted = f"documents/{laptops.project_id}/opinion-2026-0001.pdf"

    def change(manifest: dict, entries: dict) -> None:
        records = json.loads(entries["payload/records.json"])
        stamp = datetime.now(UTC).isoformat()
        records["tables"]["documents"] = [{
            "id": str(uuid.uuid4()), "type": "opinion", "project_id": str(laptops.project_id), "unit_id": None,
            "scope": "", "number": "济联验〔2026〕X-001号", "series": "济联验", "version": 1, "state": "issued",
            "file_path": planted, "file_sha256": sha, "inputs_sha256": sha, "manifest_sha256": sha, "form_versions": "",
            "supersedes_id": None, "issued_at": stamp, "created_at": stamp, "updated_at": stamp,
            "origin_device": "X"}]
        entries["payload/records.json"] = json.dumps(records).encode()
        entries[f"documents/{sha}.pdf"] = pdf
        manifest["files"].append({"path": f"documents/{sha}.pdf", "sha256": sha, "size": len(pdf)})

    attack = _plain(_resigned(laptops.planning, _entries(package.path), change), tmp_path / "attack.acpkg")
    report = import_(laptops.lead, attack)
    assert report.by_table["documents"]["skipped_not_owner"] == 1 and report.documents_added == 0
    assert not (laptops.lead.folder.root / planted).exists()
    assert all(hashlib.sha256(p.read_bytes()).hexdigest() != sha
               for p in (laptops.lead.folder.root / "documents").rglob("*.pdf"))
