"""Assembles the plain inputs of the documents from the database, and lists what is missing.

The seams for the tables other features own (checklist answers, findings, photos) are the functions under
"Sources"; findings and commitments are wired (branch `findings`), the others return an empty list until
the lead wires them to their tables after the merge.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.checklists.form import Outcomes
from acceptance_app.domain.enums import (
    DEPARTMENT_OF,
    DISCIPLINES,
    RESPONSIBLE_PARTY_ROLES,
    CellStatus,
    Department,
    Discipline,
    FindingStatus,
    InspectionKind,
    InspectionStatus,
    ItemClass,
    ItemVerdict,
    PartyRole,
    Verdict,
)
from acceptance_app.domain.findings import FindingRow
from acceptance_app.reports import labels
from acceptance_app.reports.inputs import (
    DecidingItem,
    DisciplineConclusion,
    FindingLine,
    OutcomeLine,
    PartyLine,
    ProjectFacts,
    RecordLine,
    Signer,
    UnitLine,
)
from acceptance_app.services import calendar
from acceptance_app.services.documents.organs import DocumentOrgans, organs_for
from acceptance_app.services.documents.outcomes import outcomes_for
from acceptance_app.services.findings import commitments
from acceptance_app.services.findings import photos as finding_photos
from acceptance_app.services.findings import workflow as findings
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.db import data_folder_of
from acceptance_app.storage.models import Finding, Inspection, Inspector, Project, Unit

LEAD_DEPARTMENT = Department.HOUSING


# Sources owned by other features (the seams) -----------------------------------------------------------
def deciding_items_source(session: Session, inspection: Inspection) -> list[DecidingItem]:
    """The failed items that decided a 不合格 or 整改后复验 verdict. A 合格 verdict lists none: every item
    passed, and the record sheets carry the full list (dozens of veto items would bury the opinion)."""
    if not inspection.form_hash or inspection.verdict is Verdict.PASSED:  # no form: concluded outside the runner
        return []
    # The checklists' machinery (forms, sheets, answers) loads only where a checklist is read.
    from acceptance_app.services.checklists.records import deciding_item_fields, inspection_deciding_items

    return [DecidingItem(**deciding_item_fields(r)) for r in inspection_deciding_items(session, inspection.id)]


# A finding whose remedy is not construction work goes its own route: the 施工单位 cannot rectify a height or an
# area deviation within days; it is a 设计变更 or a matter for the 规划 procedure.
PLANNING_ROUTE = "按规划程序处理：与规划许可不符的，由建设单位申请规划变更或依法处理，不属施工整改"


DESIGN_ROUTE = "按设计变更或规划程序处理（建设单位），不属施工整改"
# What a building is, not how it was built: a deviation of these is a 设计变更/规划 matter.
BUILDING_FACTS = ("建筑高度", "建筑面积", "地上层数", "地下层数", "使用性质")


def _route(row: FindingRow) -> str:
    """A planning finding of class A (与许可不符, not rectifiable on site) goes to the planning route; a height,
    area, storeys or use deviation to the design-change or planning route."""
    if row.discipline is Discipline.PLANNING and row.item_class is ItemClass.A:
        return PLANNING_ROUTE
    if any(fact in row.description for fact in BUILDING_FACTS):
        return DESIGN_ROUTE
    return ""


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def service_materials(session: Session, unit_ids: list[uuid.UUID]) -> list[str]:
    """资料预审 of the technical service (DOMAIN review 4.3): per discipline, the materials its service sessions
    checked (the items of the forms' 资料 groups that were answered), the ones found wanting named. One line each,
    in the disciplines' order; empty when no session checked any."""
    from acceptance_app.services.checklists.inspections import inspection_sheet

    latest = latest_inspections(session, unit_ids, InspectionKind.SERVICE)
    checked: dict[Discipline, dict[str, tuple[str, ItemVerdict]]] = {}
    for (_unit, discipline), inspection in latest.items():
        if not inspection.form_hash:
            continue
        for row in inspection_sheet(session, inspection.id).sheet.rows:
            if row.group_title.startswith("资料") and row.verdict is not ItemVerdict.PENDING and not row.by_rule:
                seen = checked.setdefault(discipline, {})
                if row.item.id not in seen or row.verdict is ItemVerdict.FAIL:  # a shared item once; a failure wins
                    seen[row.item.id] = (row.item.text, row.verdict)
    lines = []
    for discipline in DISCIPLINES:
        items = checked.get(discipline)
        if not items:
            continue
        wanting = [text for text, verdict in items.values() if verdict is ItemVerdict.FAIL]
        line = f"{labels.DISCIPLINE[discipline]}：{'、'.join(text for text, _v in items.values())}（{len(items)} 项）"
        if wanting:
            line += f"；需补正：{'、'.join(wanting)}"
        lines.append(line)
    return lines


def findings_source(session: Session, unit_ids: list[uuid.UUID], kind: InspectionKind) -> list[FindingLine]:
    """Every unresolved finding (待整改 or 已整改待复验) of these units found in inspections of this kind, with
    its responsible party and deadline (Chinese date form), in the dashboard's order (the most urgent first)."""
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
                                         chinese_date(row.deadline) + calendar.mark(row.deadline_provisional),
                                         row.unit_name,
                                         finding_photos.document_inputs(session, folder, row.id), _route(row)))
    return lines


def service_visit_date(session: Session, unit_ids: list[uuid.UUID]) -> date | None:
    """The day of the 技术服务 visit: when its inspections started (else its first finding), not the print date."""
    started = session.scalar(sa.select(sa.func.min(Inspection.started_at)).where(
        Inspection.unit_id.in_(unit_ids), Inspection.kind == InspectionKind.SERVICE))
    if started is not None:
        return local_day(started)
    first: date | None = session.scalar(
        sa.select(sa.func.min(Finding.opened_on)).join(Inspection, Finding.inspection_id == Inspection.id)
        .where(Finding.unit_id.in_(unit_ids), Inspection.kind == InspectionKind.SERVICE))
    return first


def local_day(moment: datetime) -> date:
    """The 北京时间 day of a stored UTC time (documents print local dates)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return (aware + timedelta(hours=8)).date()


def area_lines(project: Project, units: list[Unit]) -> list[tuple[str, str]]:
    """The areas; 实测 with the survey report it comes from (测绘成果 go to 不动产登记 with the opinion, 山东省2023年
    工程建设项目审批制度改革措施第10条), or as recorded when no report number is given."""
    total = sum((u.area_above or 0.0) + (u.area_below or 0.0) for u in units)
    measured = "（实测）" if project.survey_report_no else ""
    lines = [("总建筑面积（㎡）", f"{total:,.2f}{measured}")]
    if project.land_use_area:
        lines.append(("用地面积（㎡）", f"{project.land_use_area:,.2f}"))
    if project.survey_report_no:
        lines.append(("测绘报告编号", project.survey_report_no))
    return lines


def archive_obligation(session: Session, project: Project, organs: DocumentOrgans, inspections: list[Inspection]) -> list[str]:
    """The 档案 hand-over after acceptance, an obligation the opinion lists under 待履行承诺 (《城市建设档案管理规定》;
    the months from the jurisdiction table's archive.transfer_months)."""
    if not any(i.discipline is Discipline.ARCHIVE and i.verdict is Verdict.PASSED for i in inspections):
        return []
    from acceptance_app.services.documents.organs import jurisdiction_values

    months = jurisdiction_values(data_folder(session).root, project.region_code).get("archive.transfer_months", 3)
    archive = organs.departments.get(Department.ARCHIVE) or "城建档案管理机构"
    return [f"城建档案：建设单位应在工程竣工验收后{months}个月内向{archive}移交工程档案（《城市建设档案管理规定》）。"]


# 山东省2023年工程建设项目审批制度改革措施第9条: a unit meeting its own use may be accepted alone "在符合项目
# 整体质量安全要求、达到安全使用条件的前提下"; its opinion prints what it relied on.
UNIT_ALONE_PREREQUISITES = (
    "本单体在符合项目整体质量安全要求、达到安全使用条件的前提下单独开展联合验收（山东省工程建设项目审批制度改革措施第9条）",
    "本单体使用的共用消防水源、消防水泵房、消防车道和救援场地、室外消火栓系统已随本单体查验",
    "共用的人防工程、室外配套设施和城建档案移交，以项目整体验收结论为准",
)


def prerequisites(unit_id: uuid.UUID | None) -> list[str]:
    return list(UNIT_ALONE_PREREQUISITES) if unit_id is not None else []


def failure_lines(session: Session, inspections: list[Inspection]) -> list[str]:
    """For a final 不合格: what failed, as the findings of the failed rounds word it (where, what, clause)."""
    failed = {i.id for i in inspections if i.verdict is Verdict.FAILED}
    lines = []
    for project_id in {i.unit.project_id for i in inspections if i.id in failed}:
        for row in findings.list_findings(session, project_id, include_carried=True):
            if row.inspection_id in failed:
                lines.append(f"{row.unit_name}：{row.description}")
    return lines


def data_folder(session: Session) -> DataFolder:
    folder = data_folder_of(session)
    assert folder is not None, "documents are made from a database in a data folder"
    return folder


def record_items_source(session: Session, inspection: Inspection) -> list[RecordLine]:
    """Every checklist item of this inspection with answer, measurement, samples and clause."""
    if not inspection.form_hash:
        return []
    from acceptance_app.services.checklists.records import record_line_fields
    from acceptance_app.services.checklists.verdicts import record_items

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
    organs: DocumentOrgans


def project_context(session: Session, project: Project, unit_id: uuid.UUID | None, missing: Missing) -> ProjectContext:
    units = list(project.units)
    if unit_id is not None:
        units = [u for u in units if u.id == unit_id]
        if not units:
            missing.add(f"单体 {unit_id} 不属于本项目")
    elif not units:
        missing.add("项目没有单体工程")
    scope = units[0].name if unit_id is not None and units else "全部单体"
    organs = organs_for(data_folder(session).root, project.region_code, project.issuing_organ)
    for item in organs.missing:
        missing.add(item)
    return ProjectContext(project, units, scope, organs.issuer.name, organs)


def project_facts(project: Project) -> ProjectFacts:
    return ProjectFacts(project.name, project.project_code, project.engineering_code, project.location,
                        project.planning_permit_no, project.construction_permit_no)


# The title of each party's person in charge on a real opinion (the five parties' 项目负责人).
LEADER_TITLE = {
    PartyRole.BUILDER: "项目负责人", PartyRole.SURVEYOR: "项目负责人", PartyRole.DESIGNER: "项目负责人",
    PartyRole.CONTRACTOR: "项目经理", PartyRole.SUPERVISOR: "总监理工程师", PartyRole.FIRE_SERVICE: "项目负责人",
}


def party_lines(project: Project, missing: Missing, roles: Iterable[PartyRole] = RESPONSIBLE_PARTY_ROLES) -> list[PartyLine]:
    by_role = {p.role: p for p in project.parties}
    lines = []
    for role in roles:
        party = by_role.get(role)
        if party is None:
            missing.add(f"缺少{labels.PARTY_ROLE[role]}")
        else:
            lines.append(PartyLine(labels.PARTY_ROLE[role], party.name, party.uscc, LEADER_TITLE[role],
                                   party.contact_person))
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
        # fire_regime: the unit facts of the checklists feature give it; until they are wired, None.
        lines.append(UnitLine(u.name, u.building_no, u.unit_code, u.real_estate_unit_code, u.area_above or 0.0,
                              u.area_below or 0.0, u.storeys_above or 0, u.storeys_below or 0, u.height or 0.0,
                              labels.STRUCTURE[u.structure], labels.USE[u.use], fire_regime_of(u)))
    return lines


def fire_regime_of(unit: Unit) -> str | None:
    """特殊建设工程 ("special", 消防验收) or 其他建设工程 ("other", 消防验收备案 and 抽查), as the unit's facts
    derive it (domain/unit_facts.py, 住建部令第51号 art. 14), an inspector's override applied; None when the facts
    do not tell (the opinion prints the regime as 未定)."""
    from acceptance_app.domain.unit_facts import derive_all
    from acceptance_app.services.projects import _unit_data

    value = derive_all(_unit_data(unit))["fire_regime"].value
    return value.value if hasattr(value, "value") else (value if isinstance(value, str) else None)


def latest_inspections(session: Session, unit_ids: list[uuid.UUID], kind: InspectionKind) -> dict[tuple[uuid.UUID, Discipline], Inspection]:
    """The last round of each unit x discipline."""
    rows = session.scalars(
        sa.select(Inspection).where(Inspection.unit_id.in_(unit_ids), Inspection.kind == kind).order_by(Inspection.round)
    )
    return {(i.unit_id, i.discipline): i for i in rows}


def _applies(unit: Unit, discipline: Discipline) -> bool:
    return discipline is not Discipline.CIVIL_AIR_DEFENSE or unit.has_civil_air_defense


def opinion_state(session: Session, unit: Unit, discipline: Discipline,
                  inspection: Inspection | None) -> CellStatus | None:
    """Where a unit's discipline stands for an opinion, from its latest formal round; None when the discipline
    does not concern the unit (人防 of a unit without 人防 works). The opinion (``conclusions``) and the choice of
    what an opinion covers (services/documents/scope.py) read it alike."""
    if not _applies(unit, discipline):
        return None
    if inspection is None:
        return CellStatus.NOT_STARTED
    if inspection.status is not InspectionStatus.COMPLETED or inspection.verdict is None:
        return CellStatus.IN_PROGRESS
    # Under the 细则's rule a failed item makes the discipline 不合格 until it is rectified and rechecked:
    # while its findings are open it is in rectification, not a final 不合格 (measures item 15).
    if inspection.verdict is Verdict.RECHECK or (
            inspection.verdict is Verdict.FAILED and _open_findings(session, unit.id, discipline)):
        return CellStatus.RECTIFYING
    return {Verdict.PASSED: CellStatus.PASSED, Verdict.FAILED: CellStatus.FAILED,
            Verdict.NOT_APPLICABLE: CellStatus.NOT_APPLICABLE}[inspection.verdict]


@dataclass(frozen=True)
class Conclusions:
    lines: list[DisciplineConclusion]
    joint: str
    inspections: list[Inspection]


REGIME_LABEL = {"special": "特殊建设工程", "other": "其他建设工程", None: "消防类别未定"}


def _outcome_lines(discipline: Discipline, results: list[tuple[Unit, bool, Outcomes]]) -> list[OutcomeLine]:
    """Units grouped by the words their outcome takes (消防: by regime, so one line per regime and result)."""
    groups: dict[tuple[str, bool], list[str]] = {}
    for unit, passed, outcomes in results:
        regime = fire_regime_of(unit) if discipline is Discipline.FIRE else None
        words = outcomes.words(passed, regime)
        if not words:  # no words for this regime (not yet known): the plain result, the regime named as 未定
            words = f"{REGIME_LABEL[regime]}：{'合格' if passed else '不合格'}"
        elif discipline is Discipline.FIRE:
            words = f"{REGIME_LABEL[regime]}：{words}"
        groups.setdefault((words, passed), []).append(unit.name)
    return [OutcomeLine("、".join(names), words, passed) for (words, passed), names in groups.items()]


def _open_findings(session: Session, unit_id: uuid.UUID, discipline: Discipline) -> bool:
    """Whether a finding of this unit and discipline still waits for its rectification or its re-check."""
    return session.scalar(sa.select(sa.exists().where(
        Finding.unit_id == unit_id, Finding.discipline == discipline,
        Finding.status != FindingStatus.CLOSED))) or False


def conclusions(session: Session, units: list[Unit], missing: Missing, organs: DocumentOrgans | None = None) -> Conclusions:
    """Every discipline's conclusion. A discipline still in rectification (整改后复验) gives no opinion at all:
    the lead issues the 一次性整改告知 and the clock pauses (no 不合格 opinion for a rectifiable defect)."""
    latest = latest_inspections(session, [u.id for u in units], InspectionKind.FORMAL)
    root = data_folder(session).root
    lines, used, joint_passed = [], [], True
    for discipline in DISCIPLINES:
        verdicts, items, covered, pending, rectifying = [], [], [], [], []
        results: list[tuple[Unit, bool, Outcomes]] = []
        for unit in units:
            inspection = latest.get((unit.id, discipline))
            state = opinion_state(session, unit, discipline, inspection)
            if state is None:
                continue
            if state in (CellStatus.NOT_STARTED, CellStatus.IN_PROGRESS):
                pending.append(unit.name)
                continue
            if state is CellStatus.RECTIFYING:
                rectifying.append(unit.name)
                continue
            assert inspection is not None and inspection.verdict is not None
            used.append(inspection)
            verdicts.append(inspection.verdict)
            covered.append(unit.name)
            if inspection.verdict is not Verdict.NOT_APPLICABLE:
                results.append((unit, inspection.verdict is Verdict.PASSED, outcomes_for(session, root, inspection)))
            # only the items that failed: a final 不合格 names what failed, not every item answered
            items += [i for i in deciding_items_source(session, inspection) if i.verdict_label == "不合格"]
        name = labels.DISCIPLINE[discipline]
        if pending:
            missing.add(f"{name}尚未完成并作出结论：{'、'.join(pending)}")
        if rectifying:
            missing.add(f"{name}正在整改（整改后复验）：{'、'.join(rectifying)}。整改期间不出具意见书，"
                        "请出具整改通知书（一次性告知），复验后再出具")
        if any(v is Verdict.FAILED for v in verdicts):
            verdict = Verdict.FAILED
        elif verdicts and any(v is Verdict.PASSED for v in verdicts):
            verdict = Verdict.PASSED
        else:
            verdict = Verdict.NOT_APPLICABLE
        joint_passed &= verdict is not Verdict.FAILED
        units_label = "全部单体" if len(covered) == len(units) else ("、".join(covered) or "无")
        department = DEPARTMENT_OF[discipline]
        lines.append(DisciplineConclusion(name, (organs.departments.get(department) if organs else "")
                                          or labels.DEPARTMENT[department],
                                          labels.VERDICT[verdict], units_label, tuple(items),
                                          tuple(_outcome_lines(discipline, results))))
    return Conclusions(lines, "合格" if joint_passed else "不合格", used)


def signers(session: Session, inspections: list[Inspection], departments: Iterable[Department],
            organs: DocumentOrgans | None = None) -> list[Signer]:
    """One box per department that took part, named as the jurisdiction's organ, with its team; the lead
    department (住建) has one box only, as 牵头 and, where it took part, 消防验收."""
    team: dict[Department, list[str]] = {}
    for inspection in inspections:
        if inspection.inspector is not None:
            names = team.setdefault(inspection.inspector.department, [])
            if inspection.inspector.name not in names:
                names.append(inspection.inspector.name)
    fallback: dict[Department, str] = {}
    for inspector in session.scalars(sa.select(Inspector).order_by(Inspector.created_at)):
        fallback.setdefault(inspector.department, inspector.name)

    def label(department: Department) -> str:
        return (organs.departments.get(department) if organs else "") or labels.DEPARTMENT[department]

    def box(department: Department, is_lead: bool, duties: str) -> Signer:
        members = tuple(team.get(department, ())) or ((fallback[department],) if department in fallback else ())
        return Signer(label(department), members[0] if members else "", is_lead, members, duties,
                      labels.DEPARTMENT[department])

    wanted = list(dict.fromkeys(departments))
    result = [box(d, False, "") for d in wanted if d is not LEAD_DEPARTMENT]
    result.append(box(LEAD_DEPARTMENT, True, "牵头；消防验收" if LEAD_DEPARTMENT in wanted else "牵头"))
    return result


def procedure_dates(session: Session, project: Project, unit_id: uuid.UUID | None, issue_day: date,
                    missing: Missing) -> list[tuple[str, str]]:
    """申请日期, 受理编号, 现场验收日期 from the procedure clock (services/timeline.py); the renderer adds 办结日期,
    the issue day (kept out of the inputs, so that issuing the same content another day is no new version)."""
    from acceptance_app.domain.procedure import Stage
    from acceptance_app.services.timeline import project_timeline

    clock = project_timeline(session, project.id, unit_id, issue_day).clock
    if unit_id is not None and clock.first(Stage.APPLIED) is None:  # a unit alone may run on the project's clock
        clock = project_timeline(session, project.id, None, issue_day).clock
    applied, accepted, site = clock.first(Stage.APPLIED), clock.first(Stage.ACCEPTED), clock.last(Stage.SITE)
    for label, event in (("申请日期", applied), ("受理编号", accepted), ("现场验收日期", site)):
        if event is None:
            missing.add(f"程序计时缺少{label}（timeline add）")
    if accepted is not None and not accepted.reference:
        missing.add("受理时未登记受理编号")
    if applied is None or accepted is None or site is None:
        return []
    return [("申请日期", chinese_date(applied.on)), ("受理编号", accepted.reference),
            ("现场验收日期", chinese_date(site.on))]


def form_versions(inspections: list[Inspection]) -> str:
    pinned = sorted({f"{i.discipline.value}:{i.form_id}@{i.form_version}" for i in inspections if i.form_id})
    return ",".join(pinned)
