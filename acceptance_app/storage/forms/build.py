"""Schema-valid YAML data -> the domain's frozen Form / JurisdictionTable."""

from __future__ import annotations

from typing import Any

import yaml

from acceptance_app.domain.checklists.form import (
    AnswerSpec,
    AnswerType,
    AppliesTo,
    Evidence,
    EvidenceKind,
    Form,
    Group,
    Item,
    Method,
    Outcomes,
    Sampling,
    Scope,
    Source,
    VerdictRules,
)
from acceptance_app.domain.checklists.jurisdiction import (
    Band,
    Jurisdiction,
    JurisdictionTable,
    JurisdictionValue,
)
from acceptance_app.domain.enums import BuildingUse, Discipline, ItemClass
from acceptance_app.storage.forms.yaml_lines import LineMap

_DEFAULT_EVIDENCE = Evidence()


def _kinds(raw: list[str] | None, default: tuple[EvidenceKind, ...]) -> tuple[EvidenceKind, ...]:
    return default if raw is None else tuple(EvidenceKind(k) for k in raw)


def _answer(raw: dict) -> AnswerSpec:
    return AnswerSpec(
        type=AnswerType(raw["type"]),
        unit=raw.get("unit", ""),
        tolerance=raw.get("tolerance", ""),
        min=raw.get("min"),
        max=raw.get("max"),
        options=tuple(raw.get("options", ())),
        passing=tuple(raw.get("pass", ())),
        limit=raw.get("limit", ""),
        advice=raw.get("advice", ""),
    )


def _evidence(raw: dict | None, advisory: bool = False) -> Evidence:
    # An advisory item never fails, so it asks for no failure evidence unless the file says otherwise
    # (which `forms check` refuses).
    default_fail = () if advisory else _DEFAULT_EVIDENCE.on_fail
    if raw is None:
        return Evidence(on_fail=default_fail)
    return Evidence(
        on_pass=_kinds(raw.get("pass"), _DEFAULT_EVIDENCE.on_pass),
        on_fail=_kinds(raw.get("fail"), default_fail),
        on_na=_kinds(raw.get("na"), _DEFAULT_EVIDENCE.on_na),
    )


def _sampling(raw: dict | None) -> Sampling | None:
    if raw is None:
        return None
    return Sampling(
        min_samples=raw.get("min_samples", 1),
        all=raw.get("all", False),
        extend_on_fail=raw.get("extend_on_fail", 0),
        ratio=raw.get("ratio"),
    )


def _applies(raw: dict | None) -> AppliesTo | None:
    if raw is None:
        return None
    return AppliesTo(
        uses=frozenset(BuildingUse(u) for u in raw.get("uses", ())),
        min_height=raw.get("min_height"),
        min_storeys_below=raw.get("min_storeys_below"),
        civil_air_defense=raw.get("civil_air_defense"),
        min_storeys_above=raw.get("min_storeys_above"),
        facts=tuple((name, condition_values(value)) for name, value in (raw.get("facts") or {}).items()),
    )


def condition_values(value: object) -> tuple[str, ...]:
    """`true` / `class-1` / `[dry, pre-action]` in a fact condition -> the values as text."""
    values = value if isinstance(value, list) else [value]
    return tuple(("true" if v else "false") if isinstance(v, bool) else str(v) for v in values)


def _item(raw: dict, group_id: str, scope: Scope, line: int) -> Item:
    source = raw["source"]
    return Item(
        id=raw["id"],
        text=raw["text"],
        criterion=raw["criterion"],
        method=Method(raw["method"]),
        item_class=ItemClass(raw["class"]),
        answer=_answer(raw["answer"]),
        source=Source(source["standard"], str(source["clause"]), source["tag"], source.get("note", "")),
        group_id=group_id,
        scope=scope,
        evidence=_evidence(raw.get("evidence"), bool(raw.get("advisory", False))),
        sampling=_sampling(raw.get("sampling")),
        applies_to=_applies(raw.get("applies_to")),
        advisory=bool(raw.get("advisory", False)),
        line=line,
    )


def build_form(data: dict, lines: LineMap, sha256: str, path: str) -> Form:
    groups = []
    for g, raw_group in enumerate(data["groups"]):
        scope = Scope(raw_group["scope"])
        items = tuple(
            _item(raw, raw_group["id"], scope, lines.line_of(("groups", g, "items", n)))
            for n, raw in enumerate(raw_group["items"])
        )
        groups.append(Group(raw_group["id"], raw_group["title"], scope, items))
    return Form(
        discipline=Discipline(data["form"]),
        version=data["version"],
        title=data["title"],
        verdict=VerdictRules.from_mapping(data.get("verdict") or {}),
        groups=tuple(groups),
        basis=tuple(data.get("basis", ())),
        outcomes=Outcomes.from_mapping(data.get("outcomes")),
        sha256=sha256,
        path=path,
    )


_META = ("known", "tag", "source")


def _value(key: str, raw: dict, code: str) -> JurisdictionValue:
    if key.startswith("verdict."):
        # The verdict shape itself is the value; known/tag/source are optional there.
        rules = {k: v for k, v in raw.items() if k not in _META}
        return JurisdictionValue(
            key,
            value=rules,
            known=raw.get("known", True),
            tag=raw.get("tag", "I"),
            source=raw.get("source", ""),
            defined_in=code,
        )
    bands = tuple(Band(b["upto"], b["tolerance"], b.get("max_abs")) for b in raw.get("bands", ()))
    value: Any = raw.get("value")
    return JurisdictionValue(
        key,
        value=value,
        tolerance=raw.get("tolerance", ""),
        bands=bands,
        known=raw["known"],
        tag=raw["tag"],
        source=raw["source"],
        defined_in=code,
    )


def build_jurisdiction(data: dict) -> JurisdictionTable:
    code = data["jurisdiction"]
    values = {key: _value(key, raw, code) for key, raw in data["values"].items()}
    return JurisdictionTable(code, data["name"], data.get("inherits"), values)


def _raw_value(entry: JurisdictionValue) -> dict:
    raw: dict[str, Any] = {"known": entry.known, "tag": entry.tag, "source": entry.source}
    if entry.key.startswith("verdict."):
        return {**entry.value, **raw}
    if entry.bands:
        raw["bands"] = [
            {
                "upto": b.upto,
                "tolerance": b.tolerance,
                **({"max_abs": b.max_abs} if b.max_abs is not None else {}),
            }
            for b in entry.bands
        ]
    elif entry.tolerance:
        raw["tolerance"] = entry.tolerance
    else:
        raw["value"] = entry.value
    return raw


def jurisdiction_document(jurisdiction: Jurisdiction) -> bytes:
    """The effective table (inheritance applied) as one stand-alone jurisdiction file, to pin it."""
    data = {
        "jurisdiction": jurisdiction.code or "000000",
        "name": jurisdiction.name or "-",
        "inherits": None,
        "values": {key: _raw_value(v) for key, v in sorted(jurisdiction.values.items())},
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
