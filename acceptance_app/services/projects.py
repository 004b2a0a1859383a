"""Projects, their responsible parties and their units: create, edit, list, and the unit matrix."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import asdict
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.entities import (
    InspectionSummary,
    PartyData,
    PartyRow,
    ProjectData,
    ProjectDetail,
    ProjectRow,
    UnitData,
    UnitRow,
)
from acceptance_app.domain.enums import PartyRole
from acceptance_app.domain.field_rules import normalised
from acceptance_app.domain.identifiers import normalize
from acceptance_app.domain.matrix import unit_cells
from acceptance_app.domain.problems import KnownError, ValidationFailed, errors_only
from acceptance_app.domain.unit_facts import Override, UnitFacts, check_override
from acceptance_app.domain.validation import validate_party, validate_project, validate_unit
from acceptance_app.services.changes import Changes
from acceptance_app.services.common import (
    NotFound as NotFound,  # re-exported: its home before services.common
)
from acceptance_app.services.common import get_or_raise
from acceptance_app.storage.models import Inspection, Inspector, Party, PhotoLink, Project, Unit, utcnow


def _check(problems: list) -> None:
    errors = errors_only(problems)
    if errors:
        raise ValidationFailed(errors)


# Projects ---------------------------------------------------------------------------------------------
def create_project(session: Session, data: ProjectData) -> tuple[uuid.UUID, Changes]:
    data = normalised(data)
    _check(validate_project(data))
    project = Project(id=uuid.uuid4(), **asdict(data))
    session.add(project)
    session.flush()
    return project.id, Changes(project=True)


def update_project(session: Session, project_id: uuid.UUID, data: ProjectData) -> Changes:
    data = normalised(data)
    _check(validate_project(data))
    project = get_or_raise(session, Project, project_id)
    for key, value in asdict(data).items():
        setattr(project, key, value)
    return Changes(project=True)


def list_projects(session: Session, search: str = "") -> list[ProjectRow]:
    """All projects, newest change first; ``search`` matches name, 项目代码 or 建设单位 name."""
    unit_count = (
        sa.select(Unit.project_id, sa.func.count().label("n")).group_by(Unit.project_id).subquery()
    )
    builder = sa.select(Party.project_id, sa.func.min(Party.name).label("name")).where(
        Party.role == PartyRole.BUILDER
    ).group_by(Party.project_id).subquery()
    query = (
        sa.select(Project, sa.func.coalesce(unit_count.c.n, 0), sa.func.coalesce(builder.c.name, ""))
        .outerjoin(unit_count, unit_count.c.project_id == Project.id)
        .outerjoin(builder, builder.c.project_id == Project.id)
        .order_by(Project.updated_at.desc())
    )
    text = search.strip()
    if text:
        like = f"%{text}%"
        query = query.where(
            sa.or_(Project.name.like(like), Project.project_code.like(like), builder.c.name.like(like))
        )
    return [
        ProjectRow(p.id, p.name, p.project_code, p.location, builder_name, count, p.updated_at)
        for p, count, builder_name in session.execute(query)
    ]


def _project_data(project: Project) -> ProjectData:
    return ProjectData(
        name=project.name,
        project_code=project.project_code,
        location=project.location,
        engineering_code=project.engineering_code,
        region_code=project.region_code,
        planning_permit_no=project.planning_permit_no,
        construction_permit_no=project.construction_permit_no,
        land_use_area=project.land_use_area,
    )


def require_project(session: Session, project_id: uuid.UUID) -> None:
    """NotFound (the table and the key named) unless the project exists: commands check it before they list."""
    get_or_raise(session, Project, project_id)


def get_project(session: Session, project_id: uuid.UUID) -> ProjectDetail:
    project = get_or_raise(session, Project, project_id)
    order = {role: n for n, role in enumerate(PartyRole)}
    parties = sorted(
        session.scalars(sa.select(Party).where(Party.project_id == project_id)), key=lambda p: order[p.role]
    )
    return ProjectDetail(
        id=project.id,
        data=_project_data(project),
        parties=tuple(_party_row(p) for p in parties),
        units=tuple(list_units(session, project_id)),
        updated_at=project.updated_at,
    )


# Parties ----------------------------------------------------------------------------------------------
def _party_row(party: Party) -> PartyRow:
    return PartyRow(
        party.id,
        party.project_id,
        PartyData(party.role, party.name, party.uscc, party.contact_person, party.phone),
    )


def _normalized_party(data: PartyData) -> dict:
    values = asdict(data)
    values["uscc"] = normalize(data.uscc)
    return values


def add_party(session: Session, project_id: uuid.UUID, data: PartyData) -> tuple[uuid.UUID, Changes]:
    data = normalised(data)
    _check(validate_party(data))
    get_or_raise(session, Project, project_id)
    party = Party(id=uuid.uuid4(), project_id=project_id, **_normalized_party(data))
    session.add(party)
    session.flush()
    return party.id, Changes(party=True, project=True)


def update_party(session: Session, party_id: uuid.UUID, data: PartyData) -> Changes:
    data = normalised(data)
    _check(validate_party(data))
    party = get_or_raise(session, Party, party_id)
    for key, value in _normalized_party(data).items():
        setattr(party, key, value)
    return Changes(party=True, project=True)


def remove_party(session: Session, party_id: uuid.UUID) -> Changes:
    session.delete(get_or_raise(session, Party, party_id))
    return Changes(party=True, project=True)


# Units ------------------------------------------------------------------------------------------------
_FACT_FIELDS = ("facts", "overrides")
_UNIT_FIELDS = tuple(name for name in UnitData.__dataclass_fields__ if name not in _FACT_FIELDS)


def _unit_data(unit: Unit) -> UnitData:
    return UnitData(
        **{name: getattr(unit, name) for name in _UNIT_FIELDS},
        facts=UnitFacts.from_dict(unit.facts),
        overrides={name: Override(**raw) for name, raw in (unit.fact_overrides or {}).items()},
    )


def _overrides(data: UnitData, before: dict[str, Any], actor: str) -> dict[str, Any]:
    """Overrides as stored: each checked (a reason is required); a new or changed one records who and when."""
    stored: dict[str, Any] = {}
    for name, override in data.overrides.items():
        check_override(name, override)
        old = before.get(name)
        if old and old.get("value") == override.value and old.get("reason") == override.reason:
            stored[name] = old
            continue
        stored[name] = {
            "value": override.value,
            "reason": override.reason.strip(),
            "by": override.by or actor,
            "at": override.at or utcnow().isoformat(),
        }
    return stored


def _normalized_unit(data: UnitData, before: dict[str, Any] | None = None, actor: str = "") -> dict:
    values = {name: getattr(data, name) for name in _UNIT_FIELDS}
    values["unit_code"] = normalize(data.unit_code)
    values["real_estate_unit_code"] = normalize(data.real_estate_unit_code)
    values["facts"] = data.facts.as_dict()
    values["fact_overrides"] = _overrides(data, before or {}, actor)
    return values


def add_unit(session: Session, project_id: uuid.UUID, data: UnitData) -> tuple[uuid.UUID, Changes]:
    data = normalised(data)
    _check(validate_unit(data))
    get_or_raise(session, Project, project_id)
    last = session.scalar(sa.select(sa.func.max(Unit.sort_order)).where(Unit.project_id == project_id))
    values = _normalized_unit(data, actor=session.info.get("actor", ""))
    unit = Unit(id=uuid.uuid4(), project_id=project_id, sort_order=(last or 0) + 1, **values)
    session.add(unit)
    session.flush()
    return unit.id, Changes(unit=True, project=True)


def update_unit(session: Session, unit_id: uuid.UUID, data: UnitData) -> Changes:
    data = normalised(data)
    _check(validate_unit(data))
    unit = get_or_raise(session, Unit, unit_id)
    for key, value in _normalized_unit(data, dict(unit.fact_overrides or {}), session.info.get("actor", "")).items():
        setattr(unit, key, value)
    return Changes(unit=True)


def remove_unit(session: Session, unit_id: uuid.UUID) -> Changes:
    unit = get_or_raise(session, Unit, unit_id)
    # Inspections are evidence: a unit that has any is kept.
    if session.scalar(sa.select(sa.func.count()).where(Inspection.unit_id == unit_id)):
        raise KnownError("unit.has_inspections")
    # Photos are evidence too (the photo_links foreign key would refuse it; say so in words instead).
    if session.scalar(sa.select(sa.func.count()).where(PhotoLink.unit_id == unit_id)):
        raise KnownError("unit.has_photos")
    session.delete(unit)
    return Changes(unit=True, project=True)


def inspection_summaries(session: Session, unit_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[InspectionSummary]]:
    by_unit: dict[uuid.UUID, list[InspectionSummary]] = defaultdict(list)
    if not unit_ids:
        return by_unit
    query = (
        sa.select(Inspection, sa.func.coalesce(Inspector.name, ""))
        .outerjoin(Inspector, Inspector.id == Inspection.inspector_id)
        .where(Inspection.unit_id.in_(unit_ids))
    )
    for insp, inspector_name in session.execute(query):
        by_unit[insp.unit_id].append(
            InspectionSummary(
                insp.id, insp.unit_id, insp.discipline, insp.kind, insp.round, insp.status, insp.verdict,
                inspector_name, insp.form_version,
            )
        )
    return by_unit


def list_units(session: Session, project_id: uuid.UUID) -> list[UnitRow]:
    units = list(
        session.scalars(
            sa.select(Unit).where(Unit.project_id == project_id).order_by(Unit.sort_order, Unit.name)
        )
    )
    summaries = inspection_summaries(session, [u.id for u in units])
    rows = []
    for unit in units:
        data = _unit_data(unit)
        rows.append(UnitRow(unit.id, unit.project_id, data, unit_cells(data, summaries.get(unit.id, []))))
    return rows


def get_unit(session: Session, unit_id: uuid.UUID) -> UnitRow:
    unit = get_or_raise(session, Unit, unit_id)
    data = _unit_data(unit)
    summaries = inspection_summaries(session, [unit.id])
    return UnitRow(unit.id, unit.project_id, data, unit_cells(data, summaries.get(unit.id, [])))
