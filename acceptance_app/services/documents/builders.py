"""What each document type is built from: the inputs of the opinion, the rectification notice, the service report
and the record sheets, assembled from the database (services/documents/inputs.py) as plain input objects.

Each ``*_specs`` function checks the data first (DocumentDataMissing lists everything missing, and no number is
used) and returns one Spec per document; the issuing core (services/documents/issuing.py) numbers and renders them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy.orm import Session

from acceptance_app.domain.enums import (
    DEPARTMENT_OF,
    Discipline,
    DocumentType,
    InspectionKind,
    InspectionStatus,
    PartyRole,
)
from acceptance_app.domain.problems import KnownError
from acceptance_app.reports import labels
from acceptance_app.reports.inputs import (
    DocumentInput,
    OpinionInput,
    RecordSheetInput,
    RectificationInput,
    ServiceReportInput,
)
from acceptance_app.services.common import get_or_raise
from acceptance_app.services.documents import inputs as src
from acceptance_app.storage.models import Inspection, Project

Builder = Callable[[str, date], DocumentInput]


class DocumentDataMissing(KnownError):
    def __init__(self, items: list[str]) -> None:
        super().__init__("documents.missing_data", items="\n".join(f"- {i}" for i in items))
        self.items = items


@dataclass
class Spec:
    doc_type: DocumentType
    build: Builder
    organ_code: str  # 机关代字 of the issuing organ
    unit_id: uuid.UUID | None = None
    scope: str = ""
    forms: list[str] = field(default_factory=list)  # filled by build: the pinned form versions used


def raise_if(missing: src.Missing) -> None:
    if missing.items:
        raise DocumentDataMissing(missing.items)


def _chinese(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _basis_cited(basis: tuple[str, ...], inspections: list[Inspection]) -> tuple[str, ...]:
    """The laws the opinion cites: those of 人防 only where 人防 works were inspected (a unit accepted alone without
    them, or a project without any, is not accepted under the 人民防空法). The jurisdiction table lists the laws
    by title, so the 人防 ones are known by theirs."""
    if any(i.discipline is Discipline.CIVIL_AIR_DEFENSE for i in inspections):
        return basis
    return tuple(law for law in basis if "人民防空" not in law)


def build_opinion_input(session: Session, project_id: uuid.UUID, unit_id: uuid.UUID | None,
                        number: str, issue_date: date) -> tuple[OpinionInput, list[Inspection]]:
    project = get_or_raise(session, Project, project_id)
    missing = src.Missing()
    ctx = src.project_context(session, project, unit_id, missing)
    parties = src.party_lines(project, missing)
    units = src.unit_lines(ctx.units, missing)
    concl = src.conclusions(session, ctx.units, missing, ctx.organs)
    dates = src.procedure_dates(session, project, unit_id, issue_date, missing)
    raise_if(missing)
    departments = [DEPARTMENT_OF[i.discipline] for i in concl.inspections]
    organs = ctx.organs
    data = OpinionInput(
        number, issue_date, ctx.issuer, src.project_facts(project), tuple(parties), tuple(units),
        tuple(concl.lines), concl.joint,
        tuple(src.commitments_source(session, project_id)
              + src.archive_obligation(session, project, organs, concl.inspections)),
        tuple(src.signers(session, concl.inspections, sorted(set(departments), key=departments.index), organs)),
        ctx.scope_label, dates=tuple(dates), areas=tuple(src.area_lines(project, ctx.units)),
        legal_basis=_basis_cited(organs.legal_basis, concl.inspections), reconsideration=organs.issuer.reconsideration, court=organs.issuer.court,
        verify_url=organs.verify_url,
        prerequisites=tuple(src.prerequisites(unit_id)),
        failures=tuple(src.failure_lines(session, concl.inspections)),
    )
    return data, concl.inspections


def opinion_specs(session: Session, project_id: uuid.UUID, unit_id: uuid.UUID | None) -> list[Spec]:
    project = get_or_raise(session, Project, project_id)
    forms: list[str] = []

    def build(number: str, day: date) -> DocumentInput:
        data, inspections = build_opinion_input(session, project_id, unit_id, number, day)
        forms[:] = [src.form_versions(inspections)]
        return data

    return [Spec(DocumentType.OPINION, build, _organ_code(session, project), unit_id, forms=forms)]


def _organ_code(session: Session, project: Project) -> str:
    missing = src.Missing()
    return src.project_context(session, project, None, missing).organs.issuer.short


def _notice_parts(session: Session, project_id: uuid.UUID, kind: InspectionKind):
    project = get_or_raise(session, Project, project_id)
    missing = src.Missing()
    ctx = src.project_context(session, project, None, missing)
    builder = src.party_lines(project, missing, roles=(PartyRole.BUILDER,))
    units = src.unit_lines(ctx.units, missing)
    raise_if(missing)
    unit_ids = [u.id for u in ctx.units]
    inspections = list(src.latest_inspections(session, unit_ids, kind).values())
    departments = [DEPARTMENT_OF[i.discipline] for i in inspections] or list(DEPARTMENT_OF.values())
    signers = tuple(src.signers(session, inspections, sorted(set(departments), key=departments.index), ctx.organs))
    return project, ctx, builder[0].name, units, unit_ids, signers


def rectification_specs(session: Session, project_id: uuid.UUID) -> list[Spec]:
    project, ctx, builder, _units, unit_ids, signers = _notice_parts(session, project_id, InspectionKind.FORMAL)

    def build(number: str, day: date) -> DocumentInput:
        findings = tuple(src.findings_source(session, unit_ids, InspectionKind.FORMAL))
        deadline = max((f.deadline for f in findings), default="")
        return RectificationInput(number, day, ctx.issuer, src.project_facts(project), builder, findings, signers,
                                  deadline)

    return [Spec(DocumentType.RECTIFICATION, build, ctx.organs.issuer.short)]


def service_report_specs(session: Session, project_id: uuid.UUID) -> list[Spec]:
    project, ctx, builder, units, unit_ids, signers = _notice_parts(session, project_id, InspectionKind.SERVICE)

    def build(number: str, day: date) -> DocumentInput:
        observations = tuple(src.findings_source(session, unit_ids, InspectionKind.SERVICE))
        visit = src.service_visit_date(session, unit_ids)
        return ServiceReportInput(number, day, ctx.issuer, src.project_facts(project), tuple(units), observations,
                                  tuple(s for s in signers if not s.is_lead) or signers,
                                  _chinese(visit) if visit else "", builder,
                                  materials=tuple(src.service_materials(session, unit_ids)))

    return [Spec(DocumentType.SERVICE_REPORT, build, ctx.organs.issuer.short)]


def record_sheet_specs(session: Session, project_id: uuid.UUID) -> list[Spec]:
    """One 专项检查记录表 per completed formal inspection (the last round of each unit x discipline)."""
    project, ctx, _builder, _units, unit_ids, _signers = _notice_parts(session, project_id, InspectionKind.FORMAL)
    specs = []
    for inspection in src.latest_inspections(session, unit_ids, InspectionKind.FORMAL).values():
        if inspection.status is not InspectionStatus.COMPLETED:
            continue
        # the inspectors who checked, under their organ's name (no 牵头 duties on a record sheet)
        signer = [replace(s, is_lead=False, duties="") for s in
                  src.signers(session, [inspection], [DEPARTMENT_OF[inspection.discipline]], ctx.organs)[:1]]

        def build(number: str, day: date, inspection: Inspection = inspection,
                  signer: list = signer) -> DocumentInput:
            return RecordSheetInput(
                number, day, ctx.issuer, src.project_facts(project), labels.DISCIPLINE[inspection.discipline],
                inspection.unit.name, f"{labels.DISCIPLINE[inspection.discipline]}检查表 {inspection.form_version}".strip(),
                tuple(src.record_items_source(session, inspection)), tuple(signer))

        specs.append(Spec(DocumentType.RECORD_SHEET, build, ctx.organs.issuer.short, inspection.unit_id,
                          inspection.discipline.value, [src.form_versions([inspection])]))
    return specs
