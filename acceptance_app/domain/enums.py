"""The fixed vocabularies of joint acceptance. Values are stable codes stored in the database and files."""

from __future__ import annotations

from enum import StrEnum


class Discipline(StrEnum):
    PLANNING = "planning"  # 规划条件核实 (GH)
    CIVIL_AIR_DEFENSE = "civil-air-defense"  # 人防 (RF)
    FIRE = "fire"  # 消防 (XF)
    ARCHIVE = "archive"  # 城建档案 (DA)

    @property
    def short_code(self) -> str:
        return _SHORT[self]


_SHORT = {
    Discipline.PLANNING: "GH",
    Discipline.CIVIL_AIR_DEFENSE: "RF",
    Discipline.FIRE: "XF",
    Discipline.ARCHIVE: "DA",
}

DISCIPLINES: tuple[Discipline, ...] = tuple(Discipline)


class PartyRole(StrEnum):
    BUILDER = "builder"  # 建设单位
    SURVEYOR = "surveyor"  # 勘察单位
    DESIGNER = "designer"  # 设计单位
    CONTRACTOR = "contractor"  # 施工单位
    SUPERVISOR = "supervisor"  # 监理单位
    FIRE_SERVICE = "fire-service"  # 消防技术服务机构 (optional)


RESPONSIBLE_PARTY_ROLES: tuple[PartyRole, ...] = (
    PartyRole.BUILDER,
    PartyRole.SURVEYOR,
    PartyRole.DESIGNER,
    PartyRole.CONTRACTOR,
    PartyRole.SUPERVISOR,
)


class InspectionKind(StrEnum):
    FORMAL = "formal"  # 联合验收 (legal verdict)
    SERVICE = "service"  # 验收前技术服务 (advisory only)


class InspectionStatus(StrEnum):
    NOT_STARTED = "not-started"  # 未开始
    IN_PROGRESS = "in-progress"  # 进行中
    COMPLETED = "completed"  # 已完成


class Verdict(StrEnum):
    """Discipline verdict for a unit, and the joint verdict."""

    PASSED = "passed"  # 合格
    FAILED = "failed"  # 不合格
    RECHECK = "recheck"  # 整改后复验
    NOT_APPLICABLE = "not-applicable"  # 不涉及


class CellStatus(StrEnum):
    """What the unit x discipline matrix shows."""

    NOT_STARTED = "not-started"  # 未开始
    IN_PROGRESS = "in-progress"  # 进行中
    PASSED = "passed"  # 合格
    FAILED = "failed"  # 不合格
    RECTIFYING = "rectifying"  # 整改中
    NOT_APPLICABLE = "not-applicable"  # 不涉及


class Structure(StrEnum):
    FRAME = "frame"  # 框架结构
    SHEAR_WALL = "shear-wall"  # 剪力墙结构
    FRAME_SHEAR_WALL = "frame-shear-wall"  # 框架-剪力墙结构
    FRAME_CORE_TUBE = "frame-core-tube"  # 框架-核心筒结构
    MASONRY = "masonry"  # 砌体结构
    STEEL = "steel"  # 钢结构
    OTHER = "other"  # 其他


class BuildingUse(StrEnum):
    RESIDENTIAL = "residential"  # 住宅
    COMMERCIAL = "commercial"  # 商业
    OFFICE = "office"  # 办公
    KINDERGARTEN = "kindergarten"  # 幼儿园
    SCHOOL = "school"  # 学校
    PARKING = "parking"  # 车库
    INDUSTRIAL = "industrial"  # 工业
    PUBLIC = "public"  # 公共服务设施
    OTHER = "other"  # 其他


class Department(StrEnum):
    HOUSING = "housing"  # 住房城乡建设 (lead; 消防 acceptance)
    PLANNING = "planning"  # 自然资源和规划
    CIVIL_AIR_DEFENSE = "civil-air-defense"  # 人民防空
    ARCHIVE = "archive"  # 城建档案馆
    APPROVAL = "approval"  # 行政审批服务局


DEPARTMENT_OF: dict[Discipline, Department] = {
    Discipline.PLANNING: Department.PLANNING,
    Discipline.CIVIL_AIR_DEFENSE: Department.CIVIL_AIR_DEFENSE,
    Discipline.FIRE: Department.HOUSING,
    Discipline.ARCHIVE: Department.ARCHIVE,
}


class ItemVerdict(StrEnum):
    """The verdict of one checklist item (derived from its answer and criterion)."""

    PENDING = "pending"  # not answered yet
    PASS = "pass"  # 合格
    FAIL = "fail"  # 不合格
    NOT_APPLICABLE = "na"  # 不适用
    # 建议: an advisory (宜/不宜) clause not met. Answered and recorded, never a failure: the 2020 细则 judges
    # against the design, the 强制性条文 and clauses worded 严禁/必须/应/不应/不得, not against "宜".
    ADVICE = "advice"


class ItemClass(StrEnum):
    A = "A"  # 否决项
    B = "B"  # 关键项
    C = "C"  # 一般项


class FindingStatus(StrEnum):
    OPEN = "open"  # 待整改
    RECTIFIED = "rectified"  # 已整改待复验
    CLOSED = "closed"  # 复验通过


class DocumentType(StrEnum):
    OPINION = "opinion"  # 联合验收意见书
    RECTIFICATION = "rectification"  # 整改通知书 / 问题清单
    SERVICE_REPORT = "service-report"  # 验收前技术服务意见
    RECORD_SHEET = "record-sheet"  # 专项检查记录表


class DocumentState(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"  # number fixed
    SIGNING = "signing"  # at least one signature
    SIGNED = "signed"  # all signatures, locked
    SUPERSEDED = "superseded"  # replaced by a newer version
