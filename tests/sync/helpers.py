"""Two laptops for the exchange tests, and a fingerprint of a data folder (database content + files)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from acceptance_app.demo.checklists import JURISDICTION, demo_forms_folder
from acceptance_app.domain.enums import Department, Discipline, InspectionKind, InspectionStatus
from acceptance_app.domain.problems import KnownError
from acceptance_app.services.checklists import inspections as checklists
from acceptance_app.services.exchange import packages as exchange
from acceptance_app.storage.data_folder import DB_FILENAME, DataFolder
from acceptance_app.storage.db import Database, open_database
from acceptance_app.storage.models import Answer, Inspection, Unit


def folder_state(folder: DataFolder) -> tuple[str, dict[str, str]]:
    """The database as SQL (what it holds, not how SQLite laid it out) and every other file by hash."""
    connection = sqlite3.connect(folder.database)
    try:
        dump = hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()
    finally:
        connection.close()
    files = {str(p.relative_to(folder.root)): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted(folder.root.rglob("*"))
             if p.is_file() and not p.name.startswith(DB_FILENAME)}
    return dump, files


def new_laptop(root: Path, template_database: Path, actor: str) -> Database:
    folder = DataFolder(root).ensure()
    shutil.copyfile(template_database, folder.database)
    return open_database(folder, actor=actor)


def export(db: Database, project_id: uuid.UUID, out: Path, discipline: Discipline | None = None,
           department: Department | None = None) -> exchange.ExportResult:
    with db.session() as s, s.begin():
        return exchange.export_package(s, db.folder, project_id, discipline=discipline, out_path=out,
                                       department=department)[0]


def import_(db: Database, path: Path, trust: bool = True) -> exchange.ImportReport:
    with db.session() as s, s.begin():
        return exchange.import_package(s, db.folder, path, trust_new_key=trust)[0]


def live_answers(db: Database, project_id: uuid.UUID) -> set[tuple[str, str, str]]:
    with db.session() as s:
        rows = s.scalars(sa.select(Answer).where(Answer.project_id == project_id, Answer.retired.is_(False)))
        return {(str(a.id), a.item_id, a.note) for a in rows}


def unit_named(db: Database, project_id: uuid.UUID, name: str) -> uuid.UUID:
    with db.session() as s:
        return s.scalars(sa.select(Unit.id).where(Unit.project_id == project_id, Unit.name == name)).one()


def open_inspection(db: Database, unit_id: uuid.UUID, discipline: Discipline) -> uuid.UUID:
    """An inspection of the unit that can still be answered: the open one, or a new one."""
    with db.session() as s, s.begin():
        found = s.scalars(sa.select(Inspection).where(
            Inspection.unit_id == unit_id, Inspection.discipline == discipline,
            Inspection.kind == InspectionKind.FORMAL, Inspection.status != InspectionStatus.COMPLETED)).first()
        if found is not None:
            return found.id
        return checklists.start_inspection(s, unit_id, discipline, InspectionKind.FORMAL,
                                           forms_folder=demo_forms_folder(), jurisdiction=JURISDICTION)[0]


def note_items(db: Database, inspection_id: uuid.UUID, note: str, count: int, skip: int = 0) -> list[str]:
    """Give ``count`` answerable items of the inspection a note (a new answer version each)."""
    done: list[str] = []
    with db.session() as s, s.begin():
        rows = checklists.inspection_sheet(s, inspection_id).sheet.rows
        for row in rows[skip:]:
            if len(done) == count:
                break
            try:
                checklists.set_note(s, inspection_id, row.item.id, note)
            except KnownError:  # an item the generator's values do not fit: take the next one
                continue
            done.append(row.item.id)
    return done


@dataclass
class Laptops:
    lead: Database  # 住建 (lead, also 消防): holds the demo project
    planning: Database  # 规划: starts empty and receives the project from the lead
    project_id: uuid.UUID
    first_package: exchange.ExportResult
