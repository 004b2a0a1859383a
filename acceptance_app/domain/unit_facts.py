"""The facts of a unit the checklist rules need, and what is derived from them, each with its reason.

Stored facts are what the inspector (or the builder's data) says about the building: 人员密集场所, the sprinkler
systems present, 消防电梯, the garage, the stairs... ``None`` means unknown; an item that depends on an unknown
fact applies (it must be checked) and says why.

Derived facts (高层, 一类/二类, the fire regime, whether a 消防电梯 is required) come from the unit's use, height,
storeys and areas. Each carries a reason code with its parameters (the text is in ``text.unit_facts``), and the
inspector can override any of them with a reason, which is kept.

Sources (tags as in forms/README.md):
- GB 50016-2014 (2018年版) 2.1.1 高层建筑: 住宅 > 27 m, 其他民用建筑 > 24 m (非单层) [R];
- GB 50016 5.1.1 民用建筑分类 (一类: 住宅 > 54 m; 公共 > 50 m, or 24-50 m with the uses the table lists) [R];
- GB 50016 7.3.1 消防电梯 (住宅 > 33 m; 一类高层公共建筑, 二类 > 32 m; 地下 埋深 > 10 m 且 > 3000 m²) [R];
- 住房和城乡建设部令第51号 (2020), amended by 住房和城乡建设部令第58号 (2023), 第十四条: the list of
  特殊建设工程 [R: the list is recalled; 58号令's changes were not seen];
- 《中华人民共和国消防法》第七十三条: 人员密集场所 (托儿所、幼儿园, 学校的教学楼…, 公众聚集场所) [R].
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from acceptance_app.domain.enums import BuildingUse, Structure
from acceptance_app.domain.problems import KnownError


class Sprinkler(StrEnum):
    WET = "wet"  # 湿式
    DRY = "dry"  # 干式
    PRE_ACTION = "pre-action"  # 预作用


class FireClass(StrEnum):
    """GB 50016 5.1.1."""

    ONE = "class-1"  # 一类高层
    TWO = "class-2"  # 二类高层
    LOW = "low-rise"  # 单、多层


class FireRegime(StrEnum):
    """住建部令第51号 (as amended): 消防验收 for 特殊建设工程, 备案 (and 抽查) for the others."""

    SPECIAL = "special"  # 特殊建设工程 (第十四条)
    OTHER = "other"  # 其他建设工程


@dataclass(frozen=True)
class UnitFacts:
    """What is known about a unit beyond its size and use. ``None``: not known (yet)."""

    crowded: bool | None = None  # 人员密集场所 (消防法第七十三条); unset: derived from the use
    sprinklers: frozenset[Sprinkler] | None = None  # systems present; empty set = no sprinklers
    fire_lift: bool | None = None  # a 消防电梯 is installed
    parking_spaces: int | None = None  # 机动车停车位 (a garage)
    ev_charging: bool | None = None  # 电动汽车充电区 in the garage
    shared_stair: bool | None = None  # 地下与地上共用楼梯间
    scissor_stair: bool | None = None  # 剪刀楼梯
    kitchen: bool | None = None  # 厨房 (餐饮、食堂) with open flame, not a dwelling's own kitchen
    elderly_care: bool | None = None  # 老年人照料设施
    curtain_wall: bool | None = None  # 建筑幕墙
    smoke_curtain: bool | None = None  # 活动挡烟垂壁
    underground_depth: float | None = None  # 地下室埋深 m (室外设计地面至地下最底层地面)
    class_one_use: bool | None = None  # a use GB 50016 5.1.1 puts in 一类 at 24-50 m (医疗, 重要公共建筑…)

    def as_dict(self) -> dict[str, Any]:
        """Only the known facts, as plain JSON values (stored on the unit)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            out[f.name] = sorted(s.value for s in value) if isinstance(value, frozenset) else value
        return out

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any] | None) -> UnitFacts:
        """Unknown keys are refused (KnownError ``facts.unknown``), so a typo never silently drops a fact."""
        raw = dict(raw or {})
        names = {f.name for f in fields(cls)}
        for key in raw:
            if key not in names:
                raise KnownError("facts.unknown", fact=key)
        values: dict[str, Any] = {}
        for key, value in raw.items():
            if value is None:
                continue
            if key == "sprinklers":
                try:
                    values[key] = frozenset(Sprinkler(v) for v in value)
                except ValueError:
                    raise KnownError("facts.bad_value", fact=key, value=str(value)) from None
            elif key == "parking_spaces":
                if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                    raise KnownError("facts.bad_value", fact=key, value=str(value))
                values[key] = value
            elif key == "underground_depth":
                if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
                    raise KnownError("facts.bad_value", fact=key, value=str(value))
                values[key] = float(value)
            else:
                if not isinstance(value, bool):
                    raise KnownError("facts.bad_value", fact=key, value=str(value))
                values[key] = value
        return cls(**values)


@dataclass(frozen=True)
class Override:
    """An inspector's correction of a derived fact. The reason is required and kept with who and when."""

    value: str
    reason: str
    by: str = ""
    at: str = ""  # ISO time, UTC


@dataclass(frozen=True)
class Derived:
    value: Any  # None = cannot be derived (a fact is missing)
    reason: str  # code, text in text.unit_facts
    params: Mapping[str, Any] = field(default_factory=dict)
    overridden: Override | None = None


# Derived facts the inspector may override, and the values each takes.
OVERRIDABLE: dict[str, tuple[str, ...]] = {
    "high_rise": ("true", "false"),
    "fire_class": tuple(c.value for c in FireClass),
    "fire_regime": tuple(r.value for r in FireRegime),
    "crowded": ("true", "false"),
    "fire_lift_required": ("true", "false"),
}


def check_override(name: str, override: Override) -> None:
    """Raises KnownError for an override that cannot be kept: unknown fact, wrong value, no reason."""
    if name not in OVERRIDABLE:
        raise KnownError("facts.not_overridable", fact=name, allowed="、".join(OVERRIDABLE))
    if override.value not in OVERRIDABLE[name]:
        raise KnownError(
            "facts.bad_value", fact=name, value=override.value, allowed="、".join(OVERRIDABLE[name])
        )
    if not override.reason.strip():
        raise KnownError("facts.override_without_reason", fact=name)


def _typed(name: str, text: str) -> Any:
    if OVERRIDABLE[name] == ("true", "false"):
        return text == "true"
    return {"fire_class": FireClass, "fire_regime": FireRegime}[name](text)


# Condition vocabulary for the forms' `applies_to.facts`: fact name -> allowed values ("true"/"false" for a
# yes/no fact). Set-valued facts (sprinklers) match when any listed value is present.
FACTS: dict[str, tuple[str, ...]] = {
    "high_rise": ("true", "false"),
    "fire_class": tuple(c.value for c in FireClass),
    "fire_regime": tuple(r.value for r in FireRegime),
    "crowded": ("true", "false"),
    "fire_lift_required": ("true", "false"),
    "water_tank_required": ("true", "false"),
    "lighting_1h": ("true", "false"),
    "fire_lift": ("true", "false"),
    "sprinklers": (*(s.value for s in Sprinkler), "none"),
    "steel_structure": ("true", "false"),
    "accepted_alone": ("true", "false"),
    "above_ground": ("true", "false"),
    "below_ground": ("true", "false"),
    "garage": ("true", "false"),
    "ev_charging": ("true", "false"),
    "shared_stair": ("true", "false"),
    "scissor_stair": ("true", "false"),
    "kitchen": ("true", "false"),
    "elderly_care": ("true", "false"),
    "curtain_wall": ("true", "false"),
    "smoke_curtain": ("true", "false"),
}


# ---- derivations -------------------------------------------------------------------------------------------
def _total_area(unit: Any) -> float | None:
    if unit.area_above is None and unit.area_below is None:
        return None
    return (unit.area_above or 0.0) + (unit.area_below or 0.0)


def _is_residential(unit: Any) -> bool:
    return unit.use is BuildingUse.RESIDENTIAL


def derive_high_rise(unit: Any) -> Derived:
    """GB 50016 2.1.1: 住宅 > 27 m; other buildings > 24 m unless single-storey."""
    if unit.height is None:
        return Derived(None, "high_rise.unknown_height")
    if _is_residential(unit):
        return Derived(unit.height > 27, "high_rise.residential", {"height": unit.height, "limit": 27})
    if unit.storeys_above == 1:
        return Derived(False, "high_rise.single_storey", {"height": unit.height})
    return Derived(unit.height > 24, "high_rise.other", {"height": unit.height, "limit": 24})


def derive_fire_class(unit: Any, facts: UnitFacts) -> Derived:
    """GB 50016 5.1.1."""
    high = derive_high_rise(unit)
    if high.value is None:
        return Derived(None, "fire_class.unknown_height")
    height = unit.height
    if not high.value:
        return Derived(FireClass.LOW, "fire_class.low", {"height": height})
    if _is_residential(unit):
        if height > 54:
            return Derived(FireClass.ONE, "fire_class.residential_one", {"height": height, "limit": 54})
        return Derived(FireClass.TWO, "fire_class.residential_two", {"height": height, "limit": 54})
    if height > 50:
        return Derived(FireClass.ONE, "fire_class.public_over_50", {"height": height})
    if facts.elderly_care:
        return Derived(FireClass.ONE, "fire_class.elderly_care", {"height": height})
    if facts.class_one_use is None:
        return Derived(None, "fire_class.public_use_unknown", {"height": height})
    if facts.class_one_use:
        return Derived(FireClass.ONE, "fire_class.public_listed_use", {"height": height})
    return Derived(FireClass.TWO, "fire_class.public_two", {"height": height})


def derive_crowded(unit: Any, facts: UnitFacts) -> Derived:
    """消防法第七十三条. A stored fact wins; otherwise the use says it where the law names the use."""
    if facts.crowded is not None:
        return Derived(facts.crowded, "crowded.stated")
    if unit.use in (BuildingUse.KINDERGARTEN, BuildingUse.SCHOOL):
        return Derived(True, "crowded.listed_use", {"use": unit.use.value})
    if unit.use in (BuildingUse.RESIDENTIAL, BuildingUse.PARKING, BuildingUse.OFFICE):
        return Derived(False, "crowded.not_listed", {"use": unit.use.value})
    # 商业: a 商场/市场 is a 公众聚集场所, a row of small shops is not; the inspector says which.
    return Derived(None, "crowded.ask", {"use": unit.use.value})


def derive_fire_regime(unit: Any, facts: UnitFacts) -> Derived:
    """住建部令第51号 第十四条 (as amended), for the uses the unit model can tell apart."""
    area = _total_area(unit)
    fire_class = derive_fire_class(unit, facts)
    if _is_residential(unit):
        if fire_class.value is FireClass.ONE:
            return Derived(FireRegime.SPECIAL, "regime.residential_class_one", {"height": unit.height, "item": 7})
        if fire_class.value is None:
            return Derived(None, "regime.unknown_height")
        return Derived(FireRegime.OTHER, "regime.residential_other", {"height": unit.height})
    thresholds = {
        BuildingUse.KINDERGARTEN: (1000.0, 5, "regime.kindergarten"),  # 托儿所、幼儿园的儿童用房
        BuildingUse.SCHOOL: (1000.0, 5, "regime.school"),  # 中小学校的教学楼、图书馆、食堂
        BuildingUse.COMMERCIAL: (10000.0, 3, "regime.commercial"),  # 商场、市场
    }
    if facts.elderly_care and area is not None and area > 1000:
        return Derived(FireRegime.SPECIAL, "regime.elderly_care", {"area": area, "limit": 1000, "item": 5})
    if unit.use in thresholds:
        limit, item, code = thresholds[unit.use]
        if area is None:
            return Derived(None, "regime.unknown_area")
        if area > limit:
            return Derived(FireRegime.SPECIAL, code, {"area": area, "limit": limit, "item": item})
    if unit.use not in (BuildingUse.RESIDENTIAL, BuildingUse.PARKING, BuildingUse.INDUSTRIAL):
        # (十二) 单体建筑面积大于四万平方米或者建筑高度超过五十米的公共建筑
        if area is not None and area > 40000:
            return Derived(FireRegime.SPECIAL, "regime.public_large", {"area": area, "item": 12})
        if unit.height is not None and unit.height > 50:
            return Derived(FireRegime.SPECIAL, "regime.public_tall", {"height": unit.height, "item": 12})
    if area is None or unit.height is None:
        return Derived(None, "regime.unknown_size")
    return Derived(FireRegime.OTHER, "regime.not_listed", {"area": area, "height": unit.height})


def derive_fire_lift_required(unit: Any, facts: UnitFacts) -> Derived:
    """GB 50016 7.3.1."""
    if unit.height is not None and _is_residential(unit):
        return Derived(unit.height > 33, "fire_lift.residential", {"height": unit.height, "limit": 33})
    fire_class = derive_fire_class(unit, facts)
    if fire_class.value is FireClass.ONE:
        return Derived(True, "fire_lift.public_class_one")
    if fire_class.value is FireClass.TWO:
        return Derived(unit.height > 32, "fire_lift.public_class_two", {"height": unit.height, "limit": 32})
    depth = facts.underground_depth
    if unit.storeys_above == 0 and depth is not None and unit.area_below is not None:
        needed = depth > 10 and unit.area_below > 3000
        return Derived(needed, "fire_lift.underground", {"depth": depth, "area": unit.area_below})
    if fire_class.value is FireClass.LOW and unit.storeys_above != 0:
        return Derived(False, "fire_lift.low_rise", {"height": unit.height})
    return Derived(None, "fire_lift.unknown")


def derive_water_tank_required(unit: Any) -> Derived:
    """GB 50974-2014 6.1.9 [R]: 高层民用建筑, and 公共建筑 > 10000 m² with more than 2 storeys, must have a 高位消防水箱;
    other buildings may use a 稳压泵 instead where a tank is impractical."""
    high = derive_high_rise(unit)
    if high.value:
        return Derived(True, "water_tank.high_rise")
    area = _total_area(unit)
    if high.value is None or area is None or unit.storeys_above is None:
        return Derived(None, "water_tank.unknown")
    needed = not _is_residential(unit) and area > 10000 and unit.storeys_above > 2
    return Derived(needed, "water_tank.low_rise", {"area": area, "storeys": unit.storeys_above})


def derive_lighting_1h(unit: Any, facts: UnitFacts) -> Derived:
    """GB 51309-2018 3.2.4 [R]: 1.0 h for 医疗建筑, 老年人照料设施, 公共建筑 > 100000 m², 地下建筑 > 20000 m²."""
    if facts.elderly_care:
        return Derived(True, "lighting.elderly_care")
    area = _total_area(unit)
    if unit.area_below is not None and unit.area_below > 20000:
        return Derived(True, "lighting.underground", {"area": unit.area_below})
    if area is not None and area > 100000 and not _is_residential(unit):
        return Derived(True, "lighting.large_public", {"area": area})
    if area is None:
        return Derived(None, "lighting.unknown")
    # 医疗建筑 is not a use of the unit model: a public building may be one, so it stays to be checked.
    if unit.use in (BuildingUse.PUBLIC, BuildingUse.OTHER):
        return Derived(None, "lighting.ask")
    return Derived(False, "lighting.not_listed", {"area": area})


def _stated(value: Any, name: str) -> Derived:
    return Derived(value, "fact.unknown" if value is None else "fact.stated", {"fact": name})


# Uses that, unless the inspector says otherwise, have no catering kitchen (a dwelling's own kitchen is not one)
# and are no 老年人照料设施.
_NO_KITCHEN = frozenset({BuildingUse.RESIDENTIAL, BuildingUse.PARKING})
_NO_ELDERLY_CARE = frozenset(
    {BuildingUse.RESIDENTIAL, BuildingUse.PARKING, BuildingUse.INDUSTRIAL, BuildingUse.KINDERGARTEN, BuildingUse.SCHOOL}
)


def _by_use(value: bool | None, name: str, unit: Any, not_for: frozenset[BuildingUse]) -> Derived:
    if value is None and unit.use in not_for:
        return Derived(False, "fact.by_use", {"fact": name, "use": unit.use.value})
    return _stated(value, name)


def unit_facts_of(unit: Any) -> UnitFacts:
    return getattr(unit, "facts", None) or UnitFacts()


def derive_all(unit: Any) -> dict[str, Derived]:
    """Every fact the forms' conditions may name, for one unit (``UnitData``), overrides applied."""
    facts = unit_facts_of(unit)
    derived: dict[str, Derived] = {
        "high_rise": derive_high_rise(unit),
        "fire_class": derive_fire_class(unit, facts),
        "fire_regime": derive_fire_regime(unit, facts),
        "crowded": derive_crowded(unit, facts),
        "fire_lift_required": derive_fire_lift_required(unit, facts),
        "water_tank_required": derive_water_tank_required(unit),
        "lighting_1h": derive_lighting_1h(unit, facts),
    }
    overrides: Mapping[str, Override] = getattr(unit, "overrides", None) or {}
    for name, override in overrides.items():
        if name in derived:
            derived[name] = Derived(_typed(name, override.value), "fact.overridden", {}, override)
    storeys_above, storeys_below = unit.storeys_above, unit.storeys_below
    garage = unit.use is BuildingUse.PARKING or bool(facts.parking_spaces)
    derived.update(
        {
            "steel_structure": Derived(unit.structure is Structure.STEEL, "fact.structure"),
            "accepted_alone": Derived(bool(unit.accepted_alone), "fact.accepted_alone"),
            "above_ground": _stated(None if storeys_above is None else storeys_above > 0, "storeys_above"),
            "below_ground": _stated(None if storeys_below is None else storeys_below > 0, "storeys_below"),
            "garage": Derived(garage, "fact.garage"),
            "fire_lift": _stated(facts.fire_lift, "fire_lift"),
            "sprinklers": _stated(facts.sprinklers, "sprinklers"),
            "ev_charging": _stated(facts.ev_charging, "ev_charging"),
            "shared_stair": _stated(facts.shared_stair, "shared_stair"),
            "scissor_stair": _stated(facts.scissor_stair, "scissor_stair"),
            "kitchen": _by_use(facts.kitchen, "kitchen", unit, _NO_KITCHEN),
            "elderly_care": _by_use(facts.elderly_care, "elderly_care", unit, _NO_ELDERLY_CARE),
            "curtain_wall": _stated(facts.curtain_wall, "curtain_wall"),
            "smoke_curtain": _stated(facts.smoke_curtain, "smoke_curtain"),
        }
    )
    return derived


def as_condition_values(value: Any) -> frozenset[str] | None:
    """A derived value in the vocabulary of FACTS (for matching a condition); None when unknown."""
    if value is None:
        return None
    if isinstance(value, bool):
        return frozenset({"true" if value else "false"})
    if isinstance(value, frozenset):
        return frozenset(v.value for v in value) if value else frozenset({"none"})
    return frozenset({str(value.value if isinstance(value, StrEnum) else value)})
