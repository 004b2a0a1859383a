"""Assembles the plain inputs of the documents from the database, and lists what is missing.

The seams for the tables other features own (checklist answers, findings, photos) are the functions under
"Sources"; findings and commitments are wired (branch `findings`), the others return an empty list until
the lead wires them to their tables after the merge.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.document_numbers import city_of
from acceptance_app.domain.enums import (
    DEPARTMENT_OF,
    DISCIPLINES,
    RESPONSIBLE_PARTY_ROLES,
    Department,
    Discipline,
    InspectionKind,
    InspectionStatus,
    PartyRole,
    Verdict,
)
from acceptance_app.reports import labels
from acceptance_app.reports.inputs import (
    DecidingItem,
    DisciplineConclusion,
    FindingLine,
    PartyLine,
    PhotoInput,
    ProjectFacts,
    RecordLine,
    Signer,
    UnitLine,
)
from acceptance_app.services import commitments, finding_photos, findings, photos
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.db import data_folder_of, settings_of
from acceptance_app.storage.models import Inspection, Inspector, Project, Unit

LEAD_DEPARTMENT = Department.HOUSING


# Sources owned by other features (the seams) -----------------------------------------------------------
def deciding_items_source(session: Session, inspection: Inspection) -> list[DecidingItem]:
    """The failed items that decided a 不合格 or 整改后复验 verdict. A 合格 verdict lists none: every item
    passed, and the record sheets carry the full list (dozens of veto items would bury the opinion)."""
    if not inspection.form_hash or inspection.verdict is Verdict.PASSED:  # no form: concluded outside the runner
        return []
    # The checklists' machinery (forms, sheets, answers) loads only where a checklist is read.
    from acceptance_app.services.checklist_records import deciding_item_fields, inspection_deciding_items

    return [DecidingItem(**deciding_item_fields(r)) for r in inspection_deciding_items(session, inspection.id)]


def findings_source(session: Session, unit_ids: list[uuid.UUID], kind: InspectionKind) -> list[FindingLine]:
    """Every unresolved finding (待整改 or 已整改待复验) of these units found in inspections of this kind, with
    its responsible party and deadline, in the dashboard's order (the most urgent first)."""
    units = session.scalars(sa.select(Unit).where(Unit.id.in_(unit_ids))).all()
    folder = data_folder(session)
    lines = []
    for project_id in {u.project_id for u in units}:
        for row in findings.list_findings(session, project_id, unresolved_only=True, include_carried=True):
            if row.unit_id in unit_ids and row.inspection_kind is kind:
                discipline = labels.DISCIPLINE[row.discipline]
                item = f"{row.item_id} {discipline}" if row.item_id else discipline
                lines.append(FindingLine(item, row.description, labels.ITEM_CLASS[row.item_class],
                                         f"{labels.PARTY_ROLE[row.party_role]} {row.party_name}",
                                         f"{row.deadline:%Y-%m-%d}", row.unit_name,
                                         finding_photos.document_inputs(session, folder, row.id)))
    return lines


def photos_source(session: Session, unit_ids: list[uuid.UUID], kind: InspectionKind) -> list[PhotoInput]:
    """Photos for an opinion's appendix: annotated display copies, watermarked when the setting asks."""
    folder = data_folder(session)
    watermark = settings_of(session).photo_watermark
    return [PhotoInput(p.path, p.item, p.taken_at, p.gps, p.inspector, p.content_key)
            for p in photos.document_photos(session, folder, unit_ids, kind, watermark)]


def data_folder(session: Session) -> DataFolder:
    folder = data_folder_of(session)
    assert folder is not None, "documents are made from a database in a data folder"
    return folder


def record_items_source(session: Session, inspection: Inspection) -> list[RecordLine]:
    """Every checklist item of this inspection with answer, measurement, samples and clause."""
    if not inspection.form_hash:
        return []
    from acceptance_app.services.checklist_records import record_line_fields
    from acceptance_app.services.verdicts import record_items

    return [RecordLine(**record_line_fields(r)) for r in record_items(session, inspection.id)]


def commitments_source(session: Session, project_id: uuid.UUID) -> list[str]:
    """Open 容缺/告知承诺 commitments (materials supplied later against a written 承诺书; the opinion waits for
    the blocking ones), as the opinion words them."""
    return [commitments.opinion_text(r) for r in commitments.list_commitments(session, project_id, open_only=True)]


# Assembly -------------------------------------------------------------------------------------------------
@dataclass
class Missing:
    """Collects what is missing so that one message can list all of it."""

    items: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.items.append(text)


@dataclass(frozen=True)
class ProjectContext:
    project: Project
    units: list[Unit]
    scope_label: str
    issuer: str


def project_context(session: Session, project: Project, unit_id: uuid.UUID | None, missing: Missing) -> ProjectContext:
    units = list(project.units)
    if unit_id is not None:
        units = [u for u in units if u.id == unit_id]
        if not units:
            missing.add(f"单体 {unit_id} 不属于本项目")
    elif not units:
        missing.add("项目没有单体工程")
    scope = units[0].name if unit_id is not None and units else "全部单体"
    return ProjectContext(project, units, scope, f"{city_of(project.region_code)[0]}住房和城乡建设局")


def project_facts(project: Project) -> ProjectFacts:
    return ProjectFacts(project.name, project.project_code, project.engineering_code, project.location,
                        project.planning_permit_no, project.construction_permit_no)


def party_lines(project: Project, missing: Missing, roles: Iterable[PartyRole] = RESPONSIBLE_PARTY_ROLES) -> list[PartyLine]:
    by_role = {p.role: p for p in project.parties}
    lines = []
    for role in roles:
        party = by_role.get(role)
        if party is None:
            missing.add(f"缺少{labels.PARTY_ROLE[role]}")
        else:
            lines.append(PartyLine(labels.PARTY_ROLE[role], party.name, party.uscc))
    return lines


def unit_lines(units: list[Unit], missing: Missing) -> list[UnitLine]:
    lines = []
    for u in units:
        absent = [name for name, value in (("地上建筑面积", u.area_above), ("地下建筑面积", u.area_below),
                                            ("地上层数", u.storeys_above), ("地下层数", u.storeys_below),
                                            ("建筑高度", u.height)) if value is None]
        if absent:
            missing.add(f"单体“{u.name}”缺少{'、'.join(absent)}")
            continue
        lines.append(UnitLine(u.name, u.building_no, u.unit_code, u.real_estate_unit_code, u.area_above or 0.0,
                              u.area_below or 0.0, u.storeys_above or 0, u.storeys_below or 0, u.height or 0.0,
                              labels.STRUCTURE[u.structure], labels.USE[u.use]))
    return lines


def latest_inspections(session: Session, unit_ids: list[uuid.UUID], kind: InspectionKind) -> dict[tuple[uuid.UUID, Discipline], Inspection]:
    """The last round of each unit x discipline."""
    rows = session.scalars(
        sa.select(Inspection).where(Inspection.unit_id.in_(unit_ids), Inspection.kind == kind).order_by(Inspection.round)
    )
    return {(i.unit_id, i.discipline): i for i in rows}


def _applies(unit: Unit, discipline: Discipline) -> bool:
    return discipline is not Discipline.CIVIL_AIR_DEFENSE or unit.has_civil_air_defense


@dataclass(frozen=True)
class Conclusions:
    lines: list[DisciplineConclusion]
    joint: str
    inspections: list[Inspection]


def conclusions(session: Session, units: list[Unit], missing: Missing) -> Conclusions:
    latest = latest_inspections(session, [u.id for u in units], InspectionKind.FORMAL)
    lines, used, joint_passed = [], [], True
    for discipline in DISCIPLINES:
        verdicts, items, covered, pending = [], [], [], []
        for unit in units:
            if not _applies(unit, discipline):
                continue
            inspection = latest.get((unit.id, discipline))
            if inspection is None or inspection.status is not InspectionStatus.COMPLETED or inspection.verdict is None:
                pending.append(unit.name)
                continue
            used.append(inspection)
            verdicts.append(inspection.verdict)
            covered.append(unit.name)
            items += deciding_items_source(session, inspection)
        if pending:
            missing.add(f"{labels.DISCIPLINE[discipline]}尚未完成并作出结论：{'、'.join(pending)}")
        if any(v in (Verdict.FAILED, Verdict.RECHECK) for v in verdicts):
            verdict = Verdict.FAILED
        elif verdicts and any(v is Verdict.PASSED for v in verdicts):
            verdict = Verdict.PASSED
        else:
            verdict = Verdict.NOT_APPLICABLE
        joint_passed &= verdict is not Verdict.FAILED
        units_label = "全部单体" if len(covered) == len(units) else ("、".join(covered) or "无")
        lines.append(DisciplineConclusion(labels.DISCIPLINE[discipline], labels.DEPARTMENT[DEPARTMENT_OF[discipline]],
                                          labels.VERDICT[verdict], units_label, tuple(items)))
    return Conclusions(lines, "合格" if joint_passed else "不合格", used)


def signers(session: Session, inspections: list[Inspection], departments: Iterable[Department]) -> list[Signer]:
    """One box per department that took part, then the lead department."""
    by_department: dict[Department, str] = {}
    for inspection in inspections:
        if inspection.inspector is not None:
            by_department.setdefault(inspection.inspector.department, inspection.inspector.name)
    for inspector in session.scalars(sa.select(Inspector).order_by(Inspector.created_at)):
        by_department.setdefault(inspector.department, inspector.name)
    result = [Signer(labels.DEPARTMENT[d], by_department.get(d, "")) for d in dict.fromkeys(departments)]
    result.append(Signer(labels.DEPARTMENT[LEAD_DEPARTMENT], by_department.get(LEAD_DEPARTMENT, ""), is_lead=True))
    return result


def form_versions(inspections: list[Inspection]) -> str:
    pinned = sorted({f"{i.discipline.value}:{i.form_id}@{i.form_version}" for i in inspections if i.form_id})
    return ",".join(pinned)
