"""Display names for the domain's codes (enums), translated at the point of use (the window, the CLI, the exports)."""

from __future__ import annotations

from enum import Enum

from acceptance_app.domain.enums import (
    BuildingUse,
    CellStatus,
    Department,
    Discipline,
    DocumentState,
    DocumentType,
    FindingStatus,
    InspectionKind,
    InspectionStatus,
    ItemClass,
    ItemVerdict,
    PartyRole,
    Structure,
    Verdict,
)
from acceptance_app.domain.findings import CommitmentKind, CommitmentStatus
from acceptance_app.i18n import N_, _

_LABELS: list[tuple[Enum, str]] = [
    (Discipline.PLANNING, N_("Planning")),
    (Discipline.CIVIL_AIR_DEFENSE, N_("Civil air defense")),
    (Discipline.FIRE, N_("Fire protection")),
    (Discipline.ARCHIVE, N_("Archives")),
    (PartyRole.BUILDER, N_("Builder")),
    (PartyRole.SURVEYOR, N_("Survey")),
    (PartyRole.DESIGNER, N_("Design")),
    (PartyRole.CONTRACTOR, N_("Construction")),
    (PartyRole.SUPERVISOR, N_("Supervision")),
    (PartyRole.FIRE_SERVICE, N_("Fire technical service")),
    (CellStatus.NOT_STARTED, N_("Not started")),
    (CellStatus.IN_PROGRESS, N_("In progress")),
    (CellStatus.PASSED, N_("Passed")),
    (CellStatus.FAILED, N_("Failed")),
    (CellStatus.RECTIFYING, N_("Rectifying")),
    (CellStatus.NOT_APPLICABLE, N_("Not applicable")),
    (Verdict.PASSED, N_("Passed")),
    (Verdict.FAILED, N_("Failed")),
    (Verdict.RECHECK, N_("Re-inspect after rectification")),
    (Verdict.NOT_APPLICABLE, N_("Not applicable")),
    (InspectionKind.FORMAL, N_("Formal acceptance")),
    (InspectionKind.SERVICE, N_("Technical service")),
    (InspectionStatus.NOT_STARTED, N_("Not started")),
    (InspectionStatus.IN_PROGRESS, N_("In progress")),
    (InspectionStatus.COMPLETED, N_("Completed")),
    (Structure.FRAME, N_("Frame")),
    (Structure.SHEAR_WALL, N_("Shear wall")),
    (Structure.FRAME_SHEAR_WALL, N_("Frame-shear wall")),
    (Structure.FRAME_CORE_TUBE, N_("Frame-core tube")),
    (Structure.MASONRY, N_("Masonry")),
    (Structure.STEEL, N_("Steel")),
    (Structure.OTHER, N_("Other")),
    (BuildingUse.RESIDENTIAL, N_("Residential")),
    (BuildingUse.COMMERCIAL, N_("Commercial")),
    (BuildingUse.OFFICE, N_("Office")),
    (BuildingUse.KINDERGARTEN, N_("Kindergarten")),
    (BuildingUse.SCHOOL, N_("School")),
    (BuildingUse.PARKING, N_("Garage")),
    (BuildingUse.INDUSTRIAL, N_("Industrial")),
    (BuildingUse.PUBLIC, N_("Public facility")),
    (BuildingUse.OTHER, N_("Other")),
    (Department.HOUSING, N_("Housing and construction")),
    (Department.PLANNING, N_("Natural resources and planning")),
    (Department.CIVIL_AIR_DEFENSE, N_("Civil air defense office")),
    (Department.ARCHIVE, N_("Urban construction archives")),
    (Department.APPROVAL, N_("Administrative approval bureau")),
    (ItemClass.A, N_("A veto item")),
    (ItemClass.B, N_("B key item")),
    (ItemClass.C, N_("C general item")),
    (FindingStatus.OPEN, N_("To rectify")),
    (FindingStatus.RECTIFIED, N_("Rectified, awaiting re-check")),
    (FindingStatus.CLOSED, N_("Re-check passed")),
    (CommitmentKind.PROMISE, N_("Notification and promise")),
    (CommitmentKind.DEFERRED, N_("Accepted with material missing")),
    (CommitmentStatus.OPEN, N_("Open")),
    (CommitmentStatus.FULFILLED, N_("Fulfilled")),
    (CommitmentStatus.BROKEN, N_("Broken")),
    (ItemVerdict.PENDING, N_("Not answered")),
    (ItemVerdict.PASS, N_("Pass")),
    (ItemVerdict.FAIL, N_("Fail")),
    (ItemVerdict.NOT_APPLICABLE, N_("Not applicable")),
    (ItemVerdict.ADVICE, N_("Advice")),
    (DocumentType.OPINION, N_("Joint acceptance opinion")),
    (DocumentType.RECTIFICATION, N_("Rectification notice")),
    (DocumentType.SERVICE_REPORT, N_("Technical service report")),
    (DocumentType.RECORD_SHEET, N_("Record sheet")),
    (DocumentState.DRAFT, N_("Draft")),
    (DocumentState.ISSUED, N_("Issued")),
    (DocumentState.SIGNING, N_("Signing")),
    (DocumentState.SIGNED, N_("Signed")),
    (DocumentState.SUPERSEDED, N_("Superseded")),
]


# StrEnums of different types compare equal when their values do ("planning"), so key by type as well.
_BY_TYPE = {(type(k), k.value): v for k, v in _LABELS}


def label(value: Enum) -> str:
    return _(_BY_TYPE[(type(value), value.value)])


def label_of(enum: type[Enum], code: str) -> str:
    """The label of a stored code (an audit value, an error's parameter); the code itself when unknown."""
    try:
        return label(enum(code))
    except (ValueError, KeyError):
        return code
