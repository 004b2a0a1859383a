"""The official Chinese wording of enum values in documents (documents are official wording and are not translated)."""

from __future__ import annotations

from acceptance_app.domain.enums import (
    BuildingUse,
    Department,
    Discipline,
    ItemClass,
    ItemVerdict,
    PartyRole,
    Structure,
    Verdict,
)

DISCIPLINE = {
    Discipline.PLANNING: "规划条件核实",
    Discipline.CIVIL_AIR_DEFENSE: "人防工程竣工验收备案",  # a 备案 in Shandong (2023 measures, item 5)
    Discipline.FIRE: "消防验收",
    Discipline.ARCHIVE: "城建档案验收",
}
DEPARTMENT = {
    Department.HOUSING: "住房城乡建设部门",
    Department.PLANNING: "自然资源和规划部门",
    Department.CIVIL_AIR_DEFENSE: "国防动员部门（人防）",  # 人防 is under the 国防动员办公室 since the 2023 reform
    Department.ARCHIVE: "城建档案管理机构",
    Department.APPROVAL: "行政审批服务部门",
}
PARTY_ROLE = {
    PartyRole.BUILDER: "建设单位",
    PartyRole.SURVEYOR: "勘察单位",
    PartyRole.DESIGNER: "设计单位",
    PartyRole.CONTRACTOR: "施工单位",
    PartyRole.SUPERVISOR: "监理单位",
    PartyRole.FIRE_SERVICE: "消防技术服务机构",
}
STRUCTURE = {
    Structure.FRAME: "框架结构",
    Structure.SHEAR_WALL: "剪力墙结构",
    Structure.FRAME_SHEAR_WALL: "框架-剪力墙结构",
    Structure.FRAME_CORE_TUBE: "框架-核心筒结构",
    Structure.MASONRY: "砌体结构",
    Structure.STEEL: "钢结构",
    Structure.OTHER: "其他",
}
USE = {
    BuildingUse.RESIDENTIAL: "住宅",
    BuildingUse.COMMERCIAL: "商业",
    BuildingUse.OFFICE: "办公",
    BuildingUse.KINDERGARTEN: "幼儿园",
    BuildingUse.SCHOOL: "学校",
    BuildingUse.PARKING: "车库",
    BuildingUse.INDUSTRIAL: "工业",
    BuildingUse.PUBLIC: "公共服务设施",
    BuildingUse.OTHER: "其他",
}
VERDICT = {
    Verdict.PASSED: "合格",
    Verdict.FAILED: "不合格",
    Verdict.RECHECK: "不合格",  # 整改后复验: not passed yet
    Verdict.NOT_APPLICABLE: "不涉及",
}
ITEM_VERDICT = {
    ItemVerdict.PENDING: "未检查",
    ItemVerdict.PASS: "合格",
    ItemVerdict.FAIL: "不合格",
    ItemVerdict.NOT_APPLICABLE: "不适用",
    ItemVerdict.ADVICE: "建议",
}
ITEM_CLASS = {ItemClass.A: "A 否决项", ItemClass.B: "B 关键项", ItemClass.C: "C 一般项"}
