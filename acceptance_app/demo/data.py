"""Every fact of the demo in one place: the two 济南 projects, their parties, units and inspectors, the values a
site visit would measure per checklist item, the items that do not apply to a unit kind, the defects found,
the commitments, and the photos.

A reader (or the unit facts of the checklists, which will add 人员密集场所, sprinklers, 消防电梯, garage ...) should
find and change the demo here only. Ranges are what a designer draws and a site measures in a 济南 residential
小区 of 2024-2026: door widths about 1 m, 前室 of a few m², door opening forces 40-80 N, tanks of hundreds of
m³. Sources of the limits are the items' own (forms/*.yaml); the ranges are typical practice [I].
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from acceptance_app.domain.entities import PartyData, ProjectData, UnitData
from acceptance_app.domain.enums import BuildingUse, Department, Discipline, ItemClass, PartyRole, Structure
from acceptance_app.domain.identifiers import make_uscc

# The projects -------------------------------------------------------------------------------------------------
MAIN_CODE = "2023-370112-47-01-258316"
MAIN_PROJECT = ProjectData(
    name="泉华苑住宅小区（一期）",
    project_code=MAIN_CODE,
    engineering_code=f"{MAIN_CODE}-001",
    location="济南市历城区华山街道华龙路以东、工业北路以北",
    region_code="370112",
    planning_permit_no="建字第370112202300118号",
    construction_permit_no="370112202308150101",
    land_use_area=38652.7,
)
READY_CODE = "2024-370112-47-01-306127"
READY_PROJECT = ProjectData(
    name="泉华苑住宅小区（二期）",
    project_code=READY_CODE,
    engineering_code=f"{READY_CODE}-001",
    location="济南市历城区华山街道华龙路以东、华山北路以西",
    region_code="370112",
    planning_permit_no="建字第370112202400207号",
    construction_permit_no="370112202403200102",
    land_use_area=21480.3,
    survey_report_no="JC370112-2026-0417",  # a demo number: 竣工测量成果 shared through 多测合一
)

PARTIES = (
    PartyData(PartyRole.BUILDER, "济南泉华置业有限公司", make_uscc("91370112MA3NCK2L"), "王建国", "0531-88123456"),
    PartyData(PartyRole.SURVEYOR, "山东泉城岩土工程勘察有限公司", make_uscc("9137010016307215"), "李明", "0531-86012233"),
    PartyData(PartyRole.DESIGNER, "济南华泰建筑设计研究院有限公司", make_uscc("9137010226417883"), "赵丽", "0531-82906677"),
    PartyData(PartyRole.CONTRACTOR, "山东鲁建第三建设集团有限公司", make_uscc("9137000016309928"), "孙强", "0531-85551208"),
    PartyData(PartyRole.SUPERVISOR, "济南建元工程监理有限公司", make_uscc("91370102MA3PDT6Q"), "周敏", "0531-87780914"),
)

# The inspectors: one per department, two for 消防 (现场评定 is done by at least two staff).
INSPECTORS = (
    ("刘海涛", Department.PLANNING),
    ("陈静", Department.CIVIL_AIR_DEFENSE),
    ("张伟", Department.HOUSING),
    ("王磊", Department.HOUSING),
    ("杨帆", Department.ARCHIVE),
)
INSPECTOR_OF = {
    Discipline.PLANNING: "刘海涛",
    Discipline.CIVIL_AIR_DEFENSE: "陈静",
    Discipline.FIRE: "张伟",
    Discipline.ARCHIVE: "杨帆",
}


def _unit_code(parcel: int, building: int) -> str:
    """A 单体代码 for 二期's units (济南 is a pilot of JGJ/T 496-2022 房屋建筑统一编码, 2023 measures item 24: a
    unit gets its code at the first 规划/施工许可, so the opinion of a unit accepted alone names it). The standard's
    structure and check digit are not known (domain/identifiers.py checks charset and length only): this demo
    value is opaque, made of the district, the parcel and the 幢号."""
    return f"370112{parcel:05d}{building:04d}"


def _bdc(parcel: int, building: int) -> str:
    # 370112 历城区, 地籍区 005, 子区 003, GB 国有建设用地使用权, 宗地 (一期 00126, 二期 00127), F + 幢号 + 0000.
    return f"370112005003GB{parcel:05d}F{building:04d}0000"


# Storey heights: 住宅 2.9 m, plus 0.45 m 室内外高差 and a 1.5 m parapet not counted (GB 50016 A.0.1: to the
# roof surface), so 11 storeys stay at 32.35 m (≤ 33 m: no 消防电梯, no 防烟楼梯间) and 18 at 52.65 m (≤ 54 m:
# 二类高层住宅, 其他建设工程). 3# at 26 storeys (76.05 m) is 一类高层住宅, a 特殊建设工程 (51号令 art. 14).
MAIN_UNITS = (
    UnitData("1#住宅楼", "1", "", _bdc(126, 1), 12876.42, 1320.56, 18, 2, 52.65, Structure.SHEAR_WALL,
             BuildingUse.RESIDENTIAL),
    UnitData("2#住宅楼", "2", "", _bdc(126, 2), 12880.15, 1318.77, 18, 2, 52.65, Structure.SHEAR_WALL,
             BuildingUse.RESIDENTIAL),
    UnitData("3#住宅楼", "3", "", _bdc(126, 3), 18634.08, 1406.12, 26, 2, 76.05, Structure.SHEAR_WALL,
             BuildingUse.RESIDENTIAL),
    UnitData("5#住宅楼", "5", "", _bdc(126, 5), 7952.36, 865.40, 11, 1, 32.35, Structure.SHEAR_WALL,
             BuildingUse.RESIDENTIAL),
    # No above-ground part: height, area and storeys above grade are 0 (none, as opposed to None: not entered),
    # so no item gated by a height applies.
    UnitData("地下车库（含人防工程）", "8", "", _bdc(126, 8), 0.0, 18650.30, 0, 2, 0.0, Structure.FRAME,
             BuildingUse.PARKING, has_civil_air_defense=True),
    # 3 storeys × 3.9 m + 0.45 m; > 1000 m² 托幼 儿童用房: 特殊建设工程, and 人员密集场所.
    UnitData("幼儿园", "9", "", _bdc(126, 9), 3186.55, 0.0, 3, 0, 12.15, Structure.FRAME,
             BuildingUse.KINDERGARTEN, accepted_alone=True),
    UnitData("配套商业S1", "10", "", _bdc(126, 10), 2468.90, 0.0, 2, 0, 9.90, Structure.FRAME,
             BuildingUse.COMMERCIAL),
)
READY_UNITS = (
    UnitData("6#住宅楼", "6", _unit_code(127, 6), _bdc(127, 6), 10452.18, 1102.35, 15, 2, 43.95, Structure.SHEAR_WALL,
             BuildingUse.RESIDENTIAL, accepted_alone=True),
    UnitData("7#住宅楼", "7", _unit_code(127, 7), _bdc(127, 7), 10460.02, 1098.64, 15, 2, 43.95, Structure.SHEAR_WALL,
             BuildingUse.RESIDENTIAL),
    UnitData("二期地下车库（含人防工程）", "11", _unit_code(127, 11), _bdc(127, 11), 0.0, 9860.75, 0, 1, 0.0, Structure.FRAME,
             BuildingUse.PARKING, has_civil_air_defense=True),
)

# Facts about the units the forms will read once the checklists know them (special construction, 人员密集场所,
# sprinklers, 消防电梯); kept here so that the demo's units are described in one place.
UNIT_FACTS: dict[str, dict[str, bool]] = {
    "1#住宅楼": {"fire_elevator": True, "sprinklers": False},
    "2#住宅楼": {"fire_elevator": True, "sprinklers": False},
    "3#住宅楼": {"special_construction": True, "fire_elevator": True, "sprinklers": False},
    "5#住宅楼": {"fire_elevator": False, "sprinklers": False},
    "地下车库（含人防工程）": {"sprinklers": True},
    "幼儿园": {"special_construction": True, "crowded_place": True, "sprinklers": False},
    "配套商业S1": {"sprinklers": True},
    "6#住宅楼": {"fire_elevator": True, "sprinklers": False},
    "7#住宅楼": {"fire_elevator": True, "sprinklers": False},
    "二期地下车库（含人防工程）": {"sprinklers": True},
}


# Measured values ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Typical:
    """What a site measures for an item: a value drawn between ``low`` and ``high``. With ``design`` the design
    value is a unit's dimension ("height", "area_above", "area_below", "storeys_above", "storeys_below") or a
    number, and with ``offset`` the measurement is the design plus the drawn deviation."""

    low: float
    high: float
    decimals: int = 2
    design: str | float | None = None
    offset: bool = False
    per_project: tuple[tuple[str, float], ...] = ()  # (project code, design): a project-level figure of each


def _both(first: float, second: float) -> tuple[tuple[str, float], ...]:
    return ((MAIN_CODE, first), (READY_CODE, second))


TYPICAL: dict[str, Typical] = {
    # 规划: the 测绘 report against the permit
    "GH-B1": Typical(0.01, 0.06, 2),  # 角点偏差 m
    "GH-B2": Typical(-0.04, 0.06, 2, 15.0, offset=True),  # 退道路红线
    "GH-B3": Typical(-0.04, 0.06, 2, 8.0, offset=True),
    "GH-B4": Typical(-0.05, 0.08, 2, 39.6, offset=True),  # 日照间距 (about 1.3 H of the southern block)
    "GH-B5": Typical(-0.04, 0.05, 2, 5.0, offset=True),
    "GH-C1": Typical(-0.05, 0.03, 2, "height", offset=True),
    "GH-C2": Typical(0, 0, 0, "storeys_above", offset=True),
    "GH-C2a": Typical(0, 0, 0, "storeys_below", offset=True),
    "GH-C3": Typical(2.88, 2.90, 2, 2.90),
    "GH-D1": Typical(-0.002, 0.001, 2, "area", offset=True),  # relative deviation for areas
    "GH-D1a": Typical(-0.002, 0.001, 2, "area_above", offset=True),
    "GH-D1b": Typical(-0.002, 0.001, 2, "area_below", offset=True),
    # 计容面积 as permitted: 一期 ≈ the units' 地上面积 (57 998.46 m²), 二期 20 912.20 m².
    "GH-D2": Typical(-0.003, 0.0, 2, 58012.3, offset=True, per_project=_both(58012.3, 20925.0)),
    "GH-D3": Typical(22.1, 22.8, 1, 23.0),  # 建筑密度 %
    "GH-D4": Typical(35.2, 35.9, 1, 35.0),  # 绿地率 %
    # 机动车位: about 33 m² of garage per space, plus a few on the ground.
    "GH-D5": Typical(0, 4, 0, 560, offset=True, per_project=_both(560, 290)),
    "GH-D6": Typical(0, 12, 0, 1120, offset=True, per_project=_both(1120, 380)),
    "GH-D7": Typical(0, 0, 0, 140, offset=True, per_project=_both(140, 73)),  # 充电设施: 25 % of the spaces
    # 公共服务配套: 一期 the kindergarten and 物业/社区用房, 二期 物业用房 only.
    "GH-F1": Typical(0.0, 0.004, 2, 3606.55, offset=True, per_project=_both(3606.55, 385.0)),
    # 消防
    "XF-01-1": Typical(-0.05, 0.03, 2, "height", offset=True),
    "XF-01-1a": Typical(0, 0, 0, "storeys_above", offset=True),
    "XF-01-1b": Typical(-0.002, 0.001, 2, "area", offset=True),
    "XF-01-3": Typical(88, 96, 0),
    "XF-01-3a": Typical(88, 97, 0),
    "XF-02-1": Typical(0.02, 0.25, 2, 13.0, offset=True),  # 防火间距 (高层住宅之间 ≥ 13 m)
    "XF-02-2": Typical(4.0, 6.0, 1),
    "XF-02-2a": Typical(4.5, 6.0, 1),
    "XF-02-3": Typical(1.0, 3.5, 1),
    "XF-02-3a": Typical(5.2, 8.0, 1),
    "XF-02-4": Typical(12.2, 13.5, 1),
    "XF-02-4a": Typical(15.2, 16.5, 1),
    "XF-02-5": Typical(2, 2, 0, 2),
    "XF-02-6": Typical(15.5, 22.0, 1),
    "XF-02-6a": Typical(10.0, 12.0, 1),
    "XF-02-6b": Typical(20.2, 24.0, 1),
    "XF-02-7": Typical(5.5, 9.0, 1),
    "XF-02-7a": Typical(0.5, 2.0, 1),
    "XF-02-8": Typical(1.0, 1.2, 2),
    "XF-02-8a": Typical(0.9, 1.1, 2),
    "XF-02-8b": Typical(12.0, 19.0, 1),
    "XF-02-8c": Typical(2, 3, 0, 2),
    "XF-04-2": Typical(300, 320, 0),
    "XF-06-1": Typical(-30, 0, 0, 3980.0, offset=True),  # garage: 2 × 2000 m² with sprinklers (GB 50067)
    "XF-06-4": Typical(13, 18, 0),
    "XF-06-4a": Typical(45, 72, 0),
    "XF-06-7": Typical(3.5, 6.0, 1),
    "XF-06-7a": Typical(5.0, 8.5, 1),
    "XF-06-7b": Typical(62, 78, 0),
    "XF-06-7d": Typical(72.6, 73.4, 1),
    "XF-07-1": Typical(0, 60, 0, 500.0, offset=True),
    "XF-09-1": Typical(2, 2, 0, 2),
    "XF-09-2": Typical(-4.0, -0.5, 1, 15.0, offset=True),  # 户门至安全出口 ≤ 15 m (residential)
    "XF-09-3": Typical(1.40, 1.60, 2),
    "XF-09-3a": Typical(1.80, 2.40, 2),  # a kindergarten's corridors are wide (JGJ 39 4.1.14)
    "XF-09-4": Typical(1.00, 1.05, 2),  # 户门 净宽
    "XF-09-4a": Typical(1.30, 1.60, 2),
    "XF-09-4b": Typical(1.10, 1.20, 2),
    "XF-09-4c": Typical(1.12, 1.20, 2),
    "XF-09-5": Typical(6.2, 8.0, 1),
    "XF-09-5a": Typical(4.7, 6.5, 1),
    "XF-09-5b": Typical(10.2, 12.0, 1),
    "XF-09-5c": Typical(6.3, 8.5, 1),
    "XF-09-8": Typical(1.2, 3.5, 1),
    "XF-09-8a": Typical(5.5, 9.0, 1),
    "XF-09-8b": Typical(3.5, 6.0, 1),
    "XF-09-8c": Typical(10.5, 14.0, 1),
    "XF-09-9": Typical(90, 120, 0),
    "XF-09-9a": Typical(62, 90, 0),
    "XF-09-9b": Typical(92, 120, 0),
    "XF-09-10": Typical(10.0, 18.0, 1),
    "XF-09-10a": Typical(6.0, 9.5, 1),
    "XF-09-11": Typical(1.5, 4.0, 1),
    "XF-09-11a": Typical(0.10, 0.22, 2),
    "XF-10-1": Typical(1000, 1000, 0),
    "XF-10-2": Typical(38, 55, 0),
    "XF-10-4": Typical(2.2, 3.0, 1),
    "XF-10-4a": Typical(10.5, 15.0, 1),
    "XF-10-5": Typical(6.2, 8.0, 1),
    "XF-10-5a": Typical(2.4, 2.7, 2),
    "XF-11-1a": Typical(-6, 4, 0, 540.0, offset=True),  # 消防水池: 室内外消火栓 + 喷淋, 3 h
    "XF-11-4": Typical(115, 132, 0),
    "XF-11-4a": Typical(70, 82, 0),
    "XF-11-5": Typical(18, 45, 0),
    "XF-11-6": Typical(60, 180, 0),
    "XF-11-8": Typical(6, 12, 0),
    "XF-11-12": Typical(0.8, 1.8, 1),
    "XF-11-12a": Typical(5.5, 9.0, 1),
    "XF-11-13": Typical(16.0, 35.0, 1),
    "XF-11-2": Typical(12.5, 18.5, 1),
    "XF-11-2a": Typical(18.0, 18.6, 1),  # the shared 18 m³ roof tank of the 小区
    "XF-11-2b": Typical(18.0, 18.6, 1),
    "XF-11-2c": Typical(36.2, 38.0, 1),
    "XF-11-2d": Typical(18.0, 18.6, 1),
    "XF-11-2e": Typical(36.2, 38.0, 1),
    "XF-11-2f": Typical(50.5, 52.0, 1),
    "XF-11-2g": Typical(100.5, 104.0, 1),
    "XF-11-3": Typical(0.08, 0.12, 2),
    "XF-11-3a": Typical(0.11, 0.14, 2),
    "XF-11-3b": Typical(0.16, 0.19, 2),
    "XF-11-3c": Typical(0.08, 0.12, 2),
    "XF-11-3d": Typical(0.11, 0.14, 2),
    "XF-11-9": Typical(0.28, 0.40, 2),
    "XF-11-9a": Typical(0.36, 0.45, 2),
    "XF-11-9b": Typical(0.36, 0.45, 2),
    "XF-11-10": Typical(0.36, 0.48, 2),
    "XF-12-1": Typical(0.12, 0.28, 2),
    "XF-12-1a": Typical(75, 88, 0),
    "XF-12-3": Typical(0.08, 0.15, 2),
    "XF-12-4": Typical(30, 55, 0),
    "XF-12-4a": Typical(60, 110, 0),
    "XF-12-5a": Typical(80, 120, 0),
    "XF-13-1": Typical(0.6, 1.5, 1),
    "XF-13-1a": Typical(1.6, 2.5, 1),
    "XF-13-2": Typical(9.0, 14.0, 1),
    "XF-13-2a": Typical(6.0, 9.5, 1),
    "XF-13-3": Typical(12.0, 28.0, 1),
    "XF-13-3a": Typical(1.35, 1.45, 2),
    "XF-13-4": Typical(72, 86, 0),
    "XF-13-5": Typical(3, 3, 0),
    "XF-13-5a": Typical(10.0, 22.0, 1),
    "XF-13-5b": Typical(4.0, 11.0, 1),
    "XF-13-6": Typical(18, 30, 0),
    "XF-14-1": Typical(41, 49, 0),
    "XF-14-1a": Typical(26, 29, 0),
    "XF-14-2": Typical(3, 12, 0),
    "XF-14-3": Typical(3, 12, 0),
    "XF-14-3a": Typical(5, 20, 0),
    "XF-14-4": Typical(12.0, 28.0, 1),
    "XF-14-4a": Typical(1.6, 3.0, 1),
    "XF-14-6": Typical(0.0, 0.3, 2, 2.0, offset=True),
    "XF-14-6a": Typical(1.35, 1.45, 2),
    "XF-14-6b": Typical(20, 50, 0),
    "XF-14-7": Typical(0, 900, 0, 18000.0, offset=True),
    "XF-15-3": Typical(8, 25, 0),
    "XF-16-2": Typical(2, 2, 0, 2),
    "XF-16-2a": Typical(2, 2, 0, 2),
    "XF-16-3": Typical(1.20, 1.45, 2),
    "XF-16-3a": Typical(0.10, 0.20, 2),
    "XF-16-4": Typical(-10.0, -3.0, 1, 20.0, offset=True),
    "XF-17-1a": Typical(25, 30, 0),
    # 人防
    "RF-A4": Typical(0.0, 0.004, 2, 5240.0, offset=True, per_project=_both(5240.0, 2980.0)),  # 人防面积
    "RF-A4a": Typical(0, 0, 0, 3, offset=True, per_project=_both(3, 2)),  # 防护单元 ≤ 2000 m² each
    "RF-B1": Typical(0.0, 0.3, 1),
    "RF-B9": Typical(0.65, 0.90, 2),
    "RF-B9a": Typical(0.55, 0.90, 2),
    "RF-C6": Typical(1, 1, 0),
    "RF-C7": Typical(5, 15, 0),
    "RF-C10a": Typical(0.6, 0.9, 2),
    "RF-D3": Typical(45, 68, 0),
    "RF-D7a": Typical(38, 55, 0),
    "RF-D9": Typical(5, 20, 0, 30.0, offset=True),  # 超压 ≥ 30 Pa (二等人员掩蔽所)
    "RF-E2": Typical(80, 180, 0),
    "RF-E5": Typical(0.22, 0.35, 2),
    "RF-E5a": Typical(8.0, 20.0, 1),
    "RF-F4": Typical(-0.6, -0.2, 1, 1.0, offset=True),
    # 档案
    "DA-D1": Typical(12, 19, 0),
    "DA-D1a": Typical(25, 45, 0),
    "DA-F3a": Typical(300, 300, 0),
    "DA-G3": Typical(3, 3, 0, 3),  # 档案验收意见书 (建设单位、城建档案馆、存档)
}


# Items that do not apply to a kind of unit, with the reason an inspector would write ------------------------
_NO_SPRINKLERS = "未设自动喷水灭火系统（二类高层住宅，GB 50016-2014 第8.3.3条不要求）"
_TOWER_NA = {
    "XF-01-3": "钢筋混凝土剪力墙结构，无钢结构构件", "XF-01-3a": "钢筋混凝土剪力墙结构，无钢结构构件",
    "XF-03-3": "楼内无儿童活动场所、老年人照料设施、歌舞娱乐场所",
    "XF-05-1b": "住宅户内为毛坯交付，厨房装修不在本次验收范围",
    "XF-06-6": "楼内未设防火卷帘", "XF-06-7": "楼内未设防火卷帘", "XF-06-7a": "楼内未设防火卷帘",
    "XF-06-7b": "楼内未设防火卷帘", "XF-06-7c": "楼内未设防火卷帘", "XF-06-7d": "楼内未设防火卷帘",
    "XF-06-9": "无中庭、自动扶梯开口", "XF-07-1": "住宅楼未设挡烟垂壁", "XF-07-2": "住宅楼未设活动挡烟垂壁",
    "XF-07-2a": "住宅楼未设活动挡烟垂壁", "XF-08-1": "无甲、乙类火灾危险性场所",
    "XF-08-2": "无甲、乙类火灾危险性场所", "XF-09-8b": "楼内无人员密集场所和避难层",
    "XF-09-8c": "非病房楼、老年人照料设施", "XF-09-9a": "非医疗建筑、老年人照料设施，且总建筑面积不大于100000 m²",
    "XF-09-11a": "无高危险场所", "XF-12-1": _NO_SPRINKLERS, "XF-12-1a": _NO_SPRINKLERS,
    "XF-12-2": _NO_SPRINKLERS, "XF-12-3": _NO_SPRINKLERS, "XF-12-4": "未设干式系统", "XF-12-4a": "未设预作用系统",
    "XF-12-5": _NO_SPRINKLERS, "XF-12-5a": _NO_SPRINKLERS, "XF-14-3": "住宅楼未设机械排烟（自然排烟）",
    "XF-14-3a": "住宅楼未设通风空调系统", "XF-14-7": "住宅楼未设机械排烟（自然排烟）",
    "XF-14-4": "住宅楼未设机械排烟口（自然排烟）", "XF-14-4a": "住宅楼未设机械排烟口（自然排烟）",
    "XF-15-3": "未设柴油发电机组（二级负荷，双回路供电）", "XF-17-1a": "未设气体灭火系统",
    "XF-17-2": "未设泡沫灭火系统", "XF-06-1": "住宅楼每层一个防火分区，面积远小于限值，由建筑面积项核验",
}
_GARAGE_NA = {
    "XF-01-1": "全地下建筑，无地上部分", "XF-01-1a": "全地下建筑，无地上层", "GH-D1a": "全地下建筑，无地上建筑面积", "GH-C1": "全地下建筑，无地上部分",
    "GH-C2": "全地下建筑，无地上层", "GH-C3": "规划条件未限定地下层高",
    "XF-01-3": "钢筋混凝土框架结构，无钢结构构件", "XF-01-3a": "钢筋混凝土框架结构，无钢结构构件",
    "XF-02-1": "地下建筑，不涉及防火间距", "GH-B2": "地下建筑，退界见GH-B5", "GH-B3": "地下建筑，退界见GH-B5",
    "GH-B4": "地下建筑，不涉及建筑间距和日照间距", "XF-03-3": "无儿童活动场所、老年人照料设施",
    "XF-04-1c": "地下建筑，无外墙外保温", "XF-04-1d": "地下建筑，无外墙外保温", "XF-04-1e": "地下建筑，无外墙外保温",
    "XF-04-1f": "地下建筑，无外墙外保温", "XF-04-2": "地下建筑，无外墙外保温", "XF-04-3": "地下建筑，无外墙外保温",
    "XF-04-4": "地下建筑，无外墙装饰", "XF-05-1b": "车库内无厨房", "XF-06-9": "无中庭、自动扶梯开口",
    "XF-07-2": "车库防烟分区以结构梁和固定挡烟垂壁划分", "XF-07-2a": "车库防烟分区以结构梁和固定挡烟垂壁划分",
    "XF-08-1": "无甲、乙类火灾危险性场所", "XF-08-2": "无甲、乙类火灾危险性场所", "XF-09-4": "非住宅建筑",
    "XF-09-8b": "无人员密集场所", "XF-09-8c": "非病房楼、老年人照料设施", "XF-09-9a": "非医疗建筑、老年人照料设施",
    "XF-09-11a": "无高危险场所", "XF-10-1": "消防电梯属住宅楼，随各楼验收", "XF-10-2": "消防电梯属住宅楼，随各楼验收",
    "XF-10-3": "消防电梯属住宅楼，随各楼验收", "XF-10-4": "消防电梯属住宅楼，随各楼验收",
    "XF-10-4a": "消防电梯属住宅楼，随各楼验收", "XF-10-5": "消防电梯属住宅楼，随各楼验收",
    "XF-10-5a": "消防电梯属住宅楼，随各楼验收", "XF-10-6": "消防电梯属住宅楼，随各楼验收",
    "XF-12-4": "未设干式系统", "XF-12-4a": "未设预作用系统", "XF-15-3": "未设柴油发电机组",
    "XF-17-1a": "未设气体灭火系统", "XF-17-2": "未设泡沫灭火系统",
}
_LOW_PUBLIC_NA = {
    "XF-01-3": "钢筋混凝土框架结构，无钢结构构件", "XF-01-3a": "钢筋混凝土框架结构，无钢结构构件",
    "XF-06-9": "无中庭、自动扶梯开口", "XF-07-2": "未设活动挡烟垂壁", "XF-07-2a": "未设活动挡烟垂壁",
    "XF-08-1": "无甲、乙类火灾危险性场所", "XF-08-2": "无甲、乙类火灾危险性场所",
    "XF-09-8c": "非病房楼、老年人照料设施", "XF-09-9a": "非医疗建筑、老年人照料设施", "XF-09-11a": "无高危险场所",
    "XF-10-1": "多层建筑，未设消防电梯", "XF-10-2": "多层建筑，未设消防电梯", "XF-10-3": "多层建筑，未设消防电梯",
    "XF-10-4": "多层建筑，未设消防电梯", "XF-10-4a": "多层建筑，未设消防电梯", "XF-10-5": "多层建筑，未设消防电梯",
    "XF-10-5a": "多层建筑，未设消防电梯", "XF-10-6": "多层建筑，未设消防电梯", "XF-12-4": "未设干式系统",
    "XF-12-4a": "未设预作用系统", "XF-15-3": "未设柴油发电机组", "XF-17-1a": "未设气体灭火系统",
    "XF-17-2": "未设泡沫灭火系统",
}
NOT_APPLICABLE: dict[BuildingUse, dict[str, str]] = {
    BuildingUse.RESIDENTIAL: _TOWER_NA,
    BuildingUse.PARKING: _GARAGE_NA,
    BuildingUse.KINDERGARTEN: {**_LOW_PUBLIC_NA, "XF-09-4": "非住宅建筑", "XF-05-1b": "幼儿园厨房另行验收（本次为主体）",
                               **{k: "幼儿园未设自动喷水灭火系统" for k in ("XF-12-1", "XF-12-1a", "XF-12-2", "XF-12-3",
                                                                            "XF-12-5", "XF-12-5a")}},
    BuildingUse.COMMERCIAL: {**_LOW_PUBLIC_NA, "XF-09-4": "非住宅建筑", "XF-03-3": "无儿童活动场所、歌舞娱乐场所",
                             "XF-09-8c": "非病房楼、老年人照料设施"},
}
# A residential tower ≤ 33 m has no 消防电梯 (GB 50016-2014 7.3.1) and a 封闭楼梯间 ventilated naturally (5.5.27):
# no mechanical pressurisation.
LOW_TOWER_NA = {
    **{k: "建筑高度不大于33 m，未设消防电梯（GB 50016-2014 第7.3.1条）"
       for k in ("XF-10-1", "XF-10-2", "XF-10-3", "XF-10-4", "XF-10-4a", "XF-10-5", "XF-10-5a", "XF-10-6")},
    **{k: "建筑高度不大于33 m，设封闭楼梯间自然通风，未设机械加压送风"
       for k in ("XF-14-1", "XF-14-1a", "XF-14-2")},
}


# Defects: what the inspectors found, on the right item, with where, what was measured and which clause ---------
@dataclass(frozen=True)
class Defect:
    unit: str
    discipline: Discipline
    item_id: str
    description: str  # location, measured or seen, clause
    item_class: ItemClass
    party: PartyRole
    days: int  # working days to rectify
    photo: str  # the drawn scene (photo_demo.SCENES)
    value: float | None = None  # the failing measurement, for a measure item
    days_ago: int = 3  # calendar days since it was found


CHECKLIST_DEFECTS = (
    # 一期 2#: 整改后复验 (one class C failure)
    Defect("2#住宅楼", Discipline.FIRE, "XF-06-4a",
           "2#住宅楼12层前室乙级防火门开启力实测 96 N，大于 80 N，不符合GB 50877-2014的规定",
           ItemClass.C, PartyRole.CONTRACTOR, 10, "door_gauge", 96.0),
    # 一期 3#: 不合格 (class A)
    Defect("3#住宅楼", Discipline.FIRE, "XF-09-4c",
           "3#住宅楼2号疏散楼梯第15至16层梯段净宽实测 1.02 m（设置栏杆扶手后），小于 1.10 m，"
           "不符合GB 50016-2014（2018年版）第5.5.30条", ItemClass.A, PartyRole.CONTRACTOR, 20, "stair", 1.02),
    # 一期 5#: technical service (class B)
    Defect("5#住宅楼", Discipline.FIRE, "XF-11-3",
           "5#住宅楼屋顶高位消防水箱出水管上止回阀反装，最不利点静水压力实测 0.04 MPa，小于 0.07 MPa，"
           "不符合GB 50974-2014第5.2.2条", ItemClass.B, PartyRole.CONTRACTOR, 30, "tank", 0.04,
           days_ago=28),  # the service visit, before 一期's application (24 days ago)
    # 二期 7#: 整改后复验 (one class C failure)
    Defect("7#住宅楼", Discipline.FIRE, "XF-16-3",
           "7#住宅楼B1层配电间手提式灭火器挂设过高，顶部离地实测 1.68 m，大于 1.50 m，不符合GB 50140-2005第5.1.3条",
           ItemClass.C, PartyRole.CONTRACTOR, 10, "extinguisher", 1.68),
    # 二期 6#: technical service before the formal acceptance (class B)
    Defect("6#住宅楼", Discipline.FIRE, "XF-14-1",
           "6#住宅楼防烟楼梯间机械加压送风余压实测 58 Pa（第15层），大于 50 Pa，未设余压调节措施，"
           "不符合GB 51251-2017第3.4.4条", ItemClass.B, PartyRole.CONTRACTOR, 30, "fan", 58.0,
           days_ago=34),  # the service visit, before 二期's application (30 days ago)
)


@dataclass(frozen=True)
class HandFinding:
    """A finding recorded outside a checklist run (on a unit the checklist demo leaves alone)."""

    unit: str
    discipline: Discipline
    item_id: str
    description: str
    item_class: ItemClass
    party: PartyRole
    days: int
    days_ago: int
    photo: str
    steps: tuple[tuple[str, str], ...] = ()  # ("rectify" | "pass" | "fail", note)


HAND_FINDINGS = (
    HandFinding("配套商业S1", Discipline.FIRE, "XF-06-3",
                "配套商业S1二层东侧疏散楼梯间乙级防火门未安装闭门器，不能自行关闭，不符合GB 50016-2014（2018年版）"
                "第6.5.1条", ItemClass.B, PartyRole.CONTRACTOR, 10, 25, "door"),
    HandFinding("配套商业S1", Discipline.FIRE, "XF-12-3",
                "配套商业S1一层商铺自动喷水灭火系统末端试水装置未设压力表，不符合GB 50084-2017第6.5.1条",
                ItemClass.C, PartyRole.CONTRACTOR, 15, 8, "valve",
                (("rectify", "已补装压力表并试水，压力 0.12 MPa（施工单位报送）"),)),
    HandFinding("幼儿园", Discipline.PLANNING, "GH-B3",
                "幼儿园北侧室外活动场地围墙退用地红线实测 0.35 m，小于规划许可附图 0.50 m，"
                "不符合建设工程规划许可证附图", ItemClass.C, PartyRole.CONTRACTOR, 10, 20, "fence",
                (("rectify", "已拆除北侧围墙 12 m 并按附图位置重砌"), ("pass", "复验实测退线 0.52 m，符合许可附图"))),
    HandFinding("地下车库（含人防工程）", Discipline.FIRE, "XF-06-6",
                "地下车库B区防火分区处FJL-B3防火卷帘联动后停于距地 0.4 m，未下降到底，不符合GB 50116-2013第4.6.3条",
                ItemClass.A, PartyRole.CONTRACTOR, 15, 12, "shutter",
                (("rectify", "已调整限位开关并做联动试验"), ("fail", "复验时FJL-B3仍停在距地 0.4 m 处"))),
)
# A technical-service finding carried into the formal acceptance (designer's matter, 幼儿园)
SERVICE_FINDING = HandFinding(
    "幼儿园", Discipline.FIRE, "XF-09-3a",
    "幼儿园二层东侧活动室外疏散走道（单面布房）净宽实测 1.65 m，小于 1.80 m，不符合JGJ 39-2016（2019年版）"
    "第4.1.14条", ItemClass.A, PartyRole.DESIGNER, 30, 30, "corridor")


@dataclass(frozen=True)
class DemoCommitment:
    kind: str  # promise | deferred
    subject: str
    promise: str
    party: PartyRole
    due_in_days: int
    fulfilled: str = ""  # the check note, when already fulfilled


COMMITMENTS = (
    # 现场达标类 (measure 21): winter planting in 济南 waits for spring.
    DemoCommitment("promise", "景观绿化乔木补植",
                   "小区中心绿地乔木 46 株因冬季不宜栽植，承诺于次年4月30日前按景观施工图补植完成（现场达标类承诺）",
                   PartyRole.BUILDER, 150),
    DemoCommitment("promise", "城建档案移交",
                   "竣工验收合格后三个月内向济南市城建档案馆移交纸质及电子工程档案", PartyRole.BUILDER, 91),
    # 补齐材料类: a material that does not decide the acceptance (the 测量报告 is a 要件 and never 容缺).
    DemoCommitment("deferred", "住宅质量保证书、住宅使用说明书",
                   "容缺受理，五个工作日内补交加盖公章的《住宅质量保证书》《住宅使用说明书》（补齐材料类）",
                   PartyRole.BUILDER, 7, fulfilled="已补交，经核对与备案样本一致"),
)


# 二期: the 档案 3-month handover obligation (GB/T 50328; 《城市建设档案管理规定》) printed under 待履行承诺.
READY_COMMITMENTS = (COMMITMENTS[1],)


@dataclass(frozen=True)
class Scene:
    name: str  # file name as the camera gives it
    kind: str  # what photo_demo draws
    minutes: int  # minutes after 09:00 local time on the visit day
    caption: str = ""


# Site photos: unit views for the first units, and one photo per kind of finding.
SCENES = (
    Scene("IMG_2301.JPG", "hydrant", 12, "室内消火栓箱"),
    Scene("IMG_2302.JPG", "exit", 15, "安全出口标志灯"),
    Scene("IMG_2303.JPG", "wall", 21, "外墙面"),
    Scene("IMG_2304.JPG", "door", 30),
    Scene("IMG_2305.JPG", "valve", 44),
    Scene("IMG_2306.JPG", "shutter", 58),
    Scene("IMG_2307.JPG", "corridor", 75),
    Scene("IMG_2308.JPG", "fence", 96),
    Scene("IMG_2309.JPG", "stair", 118),
    Scene("IMG_2310.JPG", "tank", 142),
    Scene("IMG_2311.JPG", "extinguisher", 163),
    Scene("IMG_2312.JPG", "fan", 185),
    Scene("IMG_2313.JPG", "door_gauge", 203),
)
PHOTO_OF_KIND = {s.kind: s.name for s in SCENES}


def site_day(days_ago: int, today: date | None = None) -> date:
    """The day of a site visit ``days_ago`` calendar days back, moved to the working day before when it falls on
    a weekend or holiday: inspectors do not visit sites on Sundays."""
    from acceptance_app.domain.working_days import package_calendar

    calendar = package_calendar()
    day = (today or date.today()) - timedelta(days=days_ago)
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    return day


def days_ago_of_kind(kind: str) -> int:
    """When the photo of a finding kind was taken: the day its finding was made (3 days back by default)."""
    for finding in (*HAND_FINDINGS, SERVICE_FINDING):
        if finding.photo == kind:
            return finding.days_ago
    return next((d.days_ago for d in CHECKLIST_DEFECTS if d.photo == kind), 3)
