"""Sample inputs for the renderers: every document type, with the characters the documents need."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from acceptance_app.reports.inputs import (
    DecidingItem,
    DisciplineConclusion,
    FindingLine,
    OpinionInput,
    OutcomeLine,
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
    PartyLine("建设单位", "济南泉华置业有限公司", "91370112MA3NCK2L5X", "项目负责人", "孙立新"),
    PartyLine("勘察单位", "山东泉城岩土工程勘察有限公司", "913701001630721500", "项目负责人", "周文斌"),
    PartyLine("设计单位", "济南华泰建筑设计研究院有限公司", "913701022641788300", "项目负责人", "吴晓东"),
    PartyLine("施工单位", "山东鲁建第三建设集团有限公司", "913700001630992800", "项目经理", "郑国强"),
    PartyLine("监理单位", "济南建元工程监理有限公司", "91370102MA3PDT6Q1K", "总监理工程师", "冯志远"),
)
SIGNERS = (Signer("济南市自然资源和规划局", "刘海涛", members=("刘海涛", "赵磊"), field_label="自然资源和规划部门"),
           Signer("济南市国防动员办公室（人防）", "陈静", field_label="国防动员部门（人防）"),
           Signer("济南市城建档案馆", "杨帆", field_label="城建档案管理机构"),
           Signer("济南市住房和城乡建设局", "王建华", is_lead=True, members=("王建华", "张伟"), duties="牵头；消防验收",
                  field_label="住房城乡建设部门"))
PHOTOS = tuple(
    PhotoInput(DATA / f"photo{n}.jpg", f"XF-4.{n} 室内消火栓", f"2026-11-20 10:1{n}", "N36.68120° E117.06230° ±5m", "张伟")
    for n in (1, 2, 1)
)


def units(count: int = 3) -> tuple[UnitLine, ...]:
    return tuple(
        UnitLine(f"{n}#住宅楼", str(n), f"370112-{n:04d}", f"370112005003GB00126F{n:04d}0000", 12876.42, 1320.56, 18, 2,
                 53.7, "剪力墙结构", "住宅", "other" if n > 1 else "special")
        for n in range(1, count + 1)
    )


def opinion(unit_count: int = 3) -> OpinionInput:
    conclusions = (
        DisciplineConclusion("规划条件核实", "济南市自然资源和规划局", "合格", "全部单体",
                             outcomes=(OutcomeLine("全部单体", "规划条件核实合格", True),)),
        DisciplineConclusion("人防工程竣工验收备案", "济南市国防动员办公室（人防）", "不涉及", "无"),
        DisciplineConclusion("消防验收", "济南市住房和城乡建设局", "不合格", "全部单体", (
            DecidingItem("XF-4.1", "室内消火栓栓口动压 ≥ 0.35MPa（① ② ③ 三处抽样）", "不合格", "GB 50974—2014 第7.4.12条"),),
            (OutcomeLine("1#住宅楼", "特殊建设工程：消防验收不合格", False),
             OutcomeLine("2#住宅楼、3#住宅楼", "其他建设工程：备案抽查合格", True))),
        DisciplineConclusion("城建档案验收", "济南市城建档案馆", "合格", "全部单体",
                             outcomes=(OutcomeLine("全部单体", "同意验收", True),)),
    )
    return OpinionInput("济联验〔2026〕37号", date(2026, 11, 25), "济南市住房和城乡建设局", PROJECT, PARTIES,
                        units(unit_count), conclusions, "不合格", ("档案：竣工验收后3个月内向城建档案馆移交工程档案。",),
                        SIGNERS, "全部单体",
                        dates=(("申请日期", "2026年11月2日"), ("受理编号", "SL-370100-2026-0412"),
                               ("现场验收日期", "2026年11月20日")),
                        areas=(("总建筑面积（㎡）", "42,591.94"), ("用地面积（㎡）", "21,360.00")),
                        legal_basis=("《中华人民共和国城乡规划法》第四十五条", "《建设工程消防设计审查验收管理暂行规定》（住房和城乡建设部令"
                                     "第51号，根据住房和城乡建设部令第58号修正）"),
                        reconsideration="济南市人民政府", court="济南铁路运输法院",
                        failures=("1#住宅楼：12层东侧消火栓栓口动压实测0.21 MPa，设计值0.35 MPa，不符合GB 50974-2014第7.4.12条",))


FINDINGS = (
    FindingLine("XF-4.1 室内消火栓", "3#楼 12 层栓口动压 0.21MPa，低于 0.35MPa", "A 否决项", "山东鲁建第三建设集团有限公司",
                "2026年12月10日", "3#住宅楼", PHOTOS[:2]),
    FindingLine("GH-3.2 绿地率", "实测绿地面积 1,250.5㎡，少于规划 ≥ 1,300㎡", "A 否决项", "济南泉华置业有限公司",
                "2026年12月20日", "总平面", route="按规划程序处理：与规划许可不符的，由建设单位申请规划变更或依法处理，不属施工整改"),
)


def rectification() -> RectificationInput:
    return RectificationInput("济联验整〔2026〕12号", date(2026, 11, 25), "济南市住房和城乡建设局", PROJECT,
                              "济南泉华置业有限公司", FINDINGS, SIGNERS, "2026年12月20日")


def service_report() -> ServiceReportInput:
    return ServiceReportInput("济技服-2026-0003", date(2026, 11, 25), "济南市住房和城乡建设局", PROJECT,
                              units(2), FINDINGS, SIGNERS[:3], "2026年11月5日", "济南泉华置业有限公司")


def record_sheet() -> RecordSheetInput:
    items = (
        RecordLine("XF-4.1", "室内消火栓栓口动压", "已测试", "0.21MPa", "3/12 层", "不合格", "GB 50974—2014 第7.4.12条"),
        RecordLine("XF-5.2", "应急照明地面照度", "已测试", "≥ 1.0lx", "5 处", "合格", "GB 51309—2018 第3.2.5条"),
    )
    return RecordSheetInput("济联验记-2026-0001", date(2026, 11, 25), "济南市住房和城乡建设局", PROJECT,
                            "消防验收", "3#住宅楼", "消防验收检查表 2026.11", items,
                            (replace(SIGNERS[3], is_lead=False, duties=""),))
