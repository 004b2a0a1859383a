"""The text of a finding as an official would sign it: where, what was seen or measured against what value, and
the clause it breaks (e.g. "7#住宅楼B1层配电间：配电箱背板为木质板，不符合GB 50016-2014第10.2.4条").

Built from the answer when an item fails (the runner proposes it, the inspector edits it); never a checklist
title alone, never "现场与要求不符". Pure: the callers pass the facts they hold.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FindingFacts:
    unit: str  # 7#住宅楼
    subject: str  # what was checked: the item's text (防火门开启力)
    clause: str  # "GB 50016-2014（2018年版） 第6.5.1条"; "" when the item names none
    location: str = ""  # floor and room or axis: B1层配电间, 3层⑤~⑥/Ⓑ轴
    samples: tuple[float, ...] = ()  # what was measured
    design: float | None = None  # the design (or required) value it is held against
    measure_unit: str = ""  # m, MPa, N ...
    requirement: str = ""  # the criterion or tolerance in words (≥ 0.90 m; 不应小于设计值)
    seen: str = ""  # what was seen, for an item that is not measured (闭门器缺失)


def _number(value: float) -> str:
    return f"{value:g}"


def _measured(facts: FindingFacts) -> str:
    unit = facts.measure_unit if facts.measure_unit not in ("", "—") else ""
    low, high = min(facts.samples), max(facts.samples)
    value = _number(low) if low == high else f"{_number(low)}～{_number(high)}"
    text = f"实测{value}{unit}"
    if len(facts.samples) > 1:
        text += f"（抽查{len(facts.samples)}处）"
    if facts.design is not None:
        text += f"，设计值{_number(facts.design)}{unit}"
    if facts.requirement:
        text += f"，要求{facts.requirement}"
    return text


def finding_text(facts: FindingFacts) -> str:
    where = f"{facts.unit}{facts.location}"
    if facts.samples:
        what = f"{facts.subject}{_measured(facts)}"
    elif facts.seen:
        what = f"{facts.subject}：{facts.seen}" if facts.subject and facts.subject not in facts.seen else facts.seen
    else:  # nothing measured and nothing described: say which requirement is not met, not "不符"
        what = f"{facts.subject}不满足“{facts.requirement}”" if facts.requirement else f"{facts.subject}不满足要求"
    breaks = f"，不符合{facts.clause.replace(' 第', '第')}" if facts.clause else ""
    return f"{where}：{what}{breaks}" if where else f"{what}{breaks}"
