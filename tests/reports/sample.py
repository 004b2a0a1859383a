"""Sample inputs for the renderers: every document type, with the characters the documents need."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from acceptance_app.reports.inputs import (
    DecidingItem,
    DisciplineConclusion,
    FindingLine,
    OpinionInput,
    PartyLine,
    PhotoInput,
    ProjectFacts,
    RecordLine,
    RecordSheetInput,
    RectificationInput,
    ServiceReportInput,
    Signer,
    UnitLine,
)

DATA = Path(__file__).parent / "data"
PROJECT = ProjectFacts("泉华苑住宅小区（一期）", "2023-370112-47-01-258316", "2023-370112-47-01-258316-001",
                       "济南市历城区华山街道华龙路以东、工业北路以北", "建字第370112202300118号", "370112202308150101")
PARTIES = (
    PartyLine("建设单位", "济南泉华置业有限公司", "91370112MA3NCK2L5X"),
    PartyLine("勘察单位", "山东泉城岩土工程勘察有限公司", "913701001630721500"),
    PartyLine("设计单位", "济南华泰建筑设计研究院有限公司", "913701022641788300"),
    PartyLine("施工单位", "山东鲁建第三建设集团有限公司", "913700001630992800"),
    PartyLine("监理单位", "济南建元工程监理有限公司", "91370102MA3PDT6Q1K"),
)
SIGNERS = (Signer("自然资源和规划部门", "刘海涛"), Signer("人民防空部门", "陈静"), Signer("住房城乡建设部门", "张伟"),
           Signer("城建档案管理机构", "杨帆"), Signer("住房城乡建设部门", "王建华", is_lead=True))
PHOTOS = tuple(
    PhotoInput(DATA / f"photo{n}.jpg", f"XF-4.{n} 室内消火栓", f"2026-11-20 10:1{n}", "N36.68120° E117.06230° ±5m", "张伟")
    for n in (1, 2, 1)
)


def units(count: int = 3) -> tuple[UnitLine, ...]:
    return tuple(
        UnitLine(f"{n}#住宅楼", str(n), f"370112-{n:04d}", f"370112005003GB00126F{n:04d}0000", 12876.42, 1320.56, 18, 2,
                 54.9, "剪力墙结构", "住宅")
        for n in range(1, count + 1)
    )


def opinion(unit_count: int = 3, photos: tuple[PhotoInput, ...] = PHOTOS) -> OpinionInput:
    conclusions = (
        DisciplineConclusion("规划条件核实", "自然资源和规划部门", "合格", "全部单体", (
            DecidingItem("GH-2.1", "建筑高度 ≤ 规划许可 54.90m，误差 ±0.05m", "合格", "《山东省城乡规划条例》第四十三条"),)),
        DisciplineConclusion("人防工程竣工验收", "人民防空部门", "不涉及", "无"),
        DisciplineConclusion("消防验收", "住房城乡建设部门", "不合格", "1#住宅楼", (
            DecidingItem("XF-4.1", "室内消火栓栓口动压 ≥ 0.35MPa（① ② ③ 三处抽样）", "不合格", "GB 50974—2014 第7.4.12条"),
            DecidingItem("XF-6.3", "防火门耐火完整性 × 2 樘，环境温度 23℃", "合格", "GB 50016—2014 第6.5.1条"))),
        DisciplineConclusion("城建档案验收", "城建档案管理机构", "合格", "全部单体"),
    )
    return OpinionInput("济联验〔2026〕第A1B2C3D4-0001号", date(2026, 11, 25), "济南市住房和城乡建设局", PROJECT, PARTIES,
                        units(unit_count), conclusions, "不合格", ("“容缺”材料：竣工测量报告于2026年12月31日前补交。",),
                        SIGNERS, "全部单体", photos)


FINDINGS = (
    FindingLine("XF-4.1 室内消火栓", "3#楼 12 层栓口动压 0.21MPa，低于 0.35MPa", "A 否决项", "山东鲁建第三建设集团有限公司",
                "2026-12-10", "3#住宅楼", PHOTOS[:2]),
    FindingLine("GH-3.2 绿地率", "实测绿地面积 1,250.5㎡，少于规划 ≥ 1,300㎡", "B 关键项", "济南泉华置业有限公司",
                "2026-12-20", "总平面"),
)


def rectification() -> RectificationInput:
    return RectificationInput("济联验整〔2026〕第A1B2C3D4-0001号", date(2026, 11, 25), "济南市住房和城乡建设局", PROJECT,
                              "济南泉华置业有限公司", FINDINGS, SIGNERS)


def service_report() -> ServiceReportInput:
    return ServiceReportInput("济技服〔2026〕第A1B2C3D4-0001号", date(2026, 11, 25), "济南市住房和城乡建设局", PROJECT,
                              units(2), FINDINGS, SIGNERS[:4])


def record_sheet() -> RecordSheetInput:
    items = (
        RecordLine("XF-4.1", "室内消火栓栓口动压", "已测试", "0.21MPa", "3/12 层", "不合格", "GB 50974—2014 第7.4.12条"),
        RecordLine("XF-5.2", "应急照明地面照度", "已测试", "≥ 1.0lx", "5 处", "合格", "GB 51309—2018 第3.2.5条"),
    )
    return RecordSheetInput("济联验记〔2026〕第A1B2C3D4-0001号", date(2026, 11, 25), "济南市住房和城乡建设局", PROJECT,
                            "消防验收", "3#住宅楼", "XF-2023 v3", items, SIGNERS[2:3])
