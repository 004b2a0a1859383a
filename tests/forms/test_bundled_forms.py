"""The shipped checklist data (forms/*.yaml, forms/jurisdictions/*.yaml) read as plain YAML.

These checks need no form engine: they guard what the data promises an inspector (every group and item of the
domain research is there, every item says where it comes from and how sure that is, every tolerance is written
in the grammar of FORMS-FORMAT.md, every `@key` can be looked up in the 山东/济南 tables)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from acceptance_app.domain.enums import BuildingUse

FORMS = Path(__file__).resolve().parents[2] / "forms"
PREFIX = {"planning": "GH", "civil-air-defense": "RF", "fire": "XF", "archive": "DA"}
TAGS = {"C", "P", "R", "I"}
METHODS = {"查", "看", "量", "测"}

# Every group of the domain research's checklists (forms/README.md; a form may add split groups such as GH-DP or XF-11P next to them).
DOMAIN_GROUPS = {
    "planning": ["GH-A", "GH-B", "GH-C", "GH-D", "GH-E", "GH-F", "GH-G", "GH-H"],
    "civil-air-defense": ["RF-A", "RF-B", "RF-C", "RF-D", "RF-E", "RF-F", "RF-G", "RF-H"],
    "fire": [f"XF-{n:02d}" for n in range(1, 19)],
    "archive": ["DA-A", "DA-B", "DA-C", "DA-D", "DA-E", "DA-F", "DA-G"],
}


def _ids(spec: str) -> list[str]:
    """'GH-A 1-5' -> GH-A1..GH-A5; 'XF-02- 1-9' -> XF-02-1..XF-02-9."""
    stem, span = spec.split(" ")
    first, last = (int(x) for x in span.split("-"))
    return [f"{stem}{n}" for n in range(first, last + 1)]


# Every item id of the domain research's checklists (240 items, forms/README.md), which the forms keep as they are.
_DOMAIN_SPANS = """
GH-A 1-5, GH-B 1-6, GH-C 1-4, GH-D 1-7, GH-E 1-4, GH-F 1-4, GH-G 1-4, GH-H 1-2,
RF-A 1-6, RF-B 1-10, RF-C 1-16, RF-D 1-9, RF-E 1-6, RF-F 1-6, RF-G 1-3, RF-H 1-4,
XF-01- 1-3, XF-02- 1-9, XF-03- 1-4, XF-04- 1-4, XF-05- 1-4, XF-06- 1-9, XF-07- 1-2, XF-08- 1-2, XF-09- 1-11,
XF-10- 1-6, XF-11- 1-14, XF-12- 1-6, XF-13- 1-11, XF-14- 1-8, XF-15- 1-5, XF-16- 1-5, XF-17- 1-2, XF-18- 1-2,
DA-A 1-4, DA-B 1-6, DA-C 1-7, DA-D 1-4, DA-E 1-6, DA-F 1-7, DA-G 1-3
"""
DOMAIN_ITEMS = [i for spec in _DOMAIN_SPANS.split(",") for i in _ids(spec.strip())]

# FORMS-FORMAT.md tolerance grammar: atoms joined by " and ".
_NUM = r"\d+(?:\.\d+)?"
_ATOM = re.compile(
    rf"(?:(?:>=|<=|>|<) (?:{_NUM}|design)"  # bounds, absolute or against the design value
    rf"|±{_NUM}%?"  # symmetric, absolute or relative
    rf"|-{_NUM}%\.\.\+{_NUM}%"  # asymmetric, relative to design
    rf"|{_NUM}\.\.{_NUM}"  # inclusive range
    rf"|@[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+)$"  # jurisdiction key
)


def tolerance_parses(text: str) -> bool:
    return all(_ATOM.match(part) for part in text.split(" and "))


def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


FORM_DATA = {name: _load(FORMS / f"{name}.yaml") for name in PREFIX}
JURISDICTIONS = {p.stem: _load(p) for p in sorted((FORMS / "jurisdictions").glob("*.yaml"))}


def _items(form: dict):
    for group in form["groups"]:
        for item in group["items"]:
            yield group, item


def _resolved_values(code: str) -> dict:
    """The values a jurisdiction sees: its own over those it inherits."""
    table = JURISDICTIONS[code]
    parent = table.get("inherits")
    values = dict(_resolved_values(parent)) if parent else {}
    values.update(table["values"])
    return values


def test_the_four_disciplines_are_shipped_under_their_own_names():
    for name, form in FORM_DATA.items():
        assert form["form"] == name
        assert form["version"] and form["title"]


def test_item_and_group_ids_are_unique_across_files_and_prefixed_per_discipline():
    seen: dict[str, str] = {}
    for name, form in FORM_DATA.items():
        for group in form["groups"]:
            assert group["id"].startswith(PREFIX[name] + "-"), group["id"]
            assert group["scope"] in ("project", "unit"), group["id"]
            assert group["id"] not in seen, f"{group['id']} twice ({seen.get(group['id'])}, {name})"
            seen[group["id"]] = name
        for _, item in _items(form):
            assert item["id"].startswith(PREFIX[name] + "-"), item["id"]
            assert item["id"] not in seen, f"{item['id']} twice ({seen.get(item['id'])}, {name})"
            seen[item["id"]] = name


@pytest.mark.parametrize("name", list(PREFIX))
def test_every_group_of_the_domain_research_is_present(name):
    group_ids = {g["id"] for g in FORM_DATA[name]["groups"]}
    assert [g for g in DOMAIN_GROUPS[name] if g not in group_ids] == []


def test_every_item_of_the_domain_research_is_present():
    present = {item["id"] for form in FORM_DATA.values() for _, item in _items(form)}
    assert len(DOMAIN_ITEMS) == 240
    assert [i for i in DOMAIN_ITEMS if i not in present] == []


def test_every_item_says_what_how_and_where_it_comes_from():
    for form in FORM_DATA.values():
        for _, item in _items(form):
            where = item["id"]
            assert item["text"].strip() and item["criterion"].strip(), where
            assert item["method"] in METHODS, where
            assert item["class"] in ("A", "B", "C"), where
            source = item["source"]
            assert source["standard"].strip(), where
            assert source["tag"] in TAGS, where
            assert isinstance(source["clause"], str), where
            assert set(item.get("evidence", {})) <= {"pass", "fail", "na"}, where


def test_answers_are_complete_for_their_type():
    for form in FORM_DATA.values():
        for _, item in _items(form):
            answer, where = item["answer"], item["id"]
            kind = answer["type"]
            assert kind in ("verdict", "measure", "count", "choice", "text"), where
            if kind == "measure":
                assert answer["unit"] and tolerance_parses(answer["tolerance"]), where
            if kind == "count":
                assert "min" in answer or "max" in answer, where
            if kind == "choice":
                assert set(answer["pass"]) <= set(answer["options"]) and answer["pass"], where


def test_the_tolerance_pattern_follows_the_format_examples():
    good_examples = (
        ">= 4.0|<= 0.5|> 0|< 75|>= design|<= design|±0.05|±5%|-5%..+0%|2.0..2.2|@planning.area_tolerance"
    )
    for good in [*good_examples.split("|"), ">= 1.1 and <= 1.2"]:
        assert tolerance_parses(good), good
    for bad in (">=4", "about 5", "5%", "± 5 %", "@Planning", "2.0...2.2", ">= 1 and", "design"):
        assert not tolerance_parses(bad), bad


def test_applicability_uses_the_app_vocabulary():
    uses = {u.value for u in BuildingUse}
    for name, form in FORM_DATA.items():
        for _, item in _items(form):
            applies = item.get("applies_to", {})
            assert set(applies.get("uses", [])) <= uses, item["id"]
            if name == "civil-air-defense":
                assert applies.get("civil_air_defense") is True, item["id"]


def test_project_level_groups_cover_the_shared_facilities():
    scope = {g["id"]: g["scope"] for form in FORM_DATA.values() for g in form["groups"]}
    group_of = {item["id"]: g["id"] for form in FORM_DATA.values() for g, item in _items(form)}
    # 消防车道, 室外消火栓/管网, 绿地率, 配套, 人防配建 (serving several buildings), 档案移交: answered once.
    for item in ("XF-02-2", "XF-11-12", "XF-11-1a", "GH-D4", "GH-F1", "GH-G1", "RF-A4", "DA-G1"):
        assert scope[group_of[item]] == "project", item
    for item in ("XF-02-1", "XF-09-1", "GH-C1", "GH-D1", "RF-C2", "DA-C1"):
        assert scope[group_of[item]] == "unit", item


def test_every_jurisdiction_value_is_labelled_known_tagged_and_sourced():
    assert {"370000", "370100"} <= set(JURISDICTIONS)
    for code, table in JURISDICTIONS.items():
        assert table["jurisdiction"] == code
        for key, value in table["values"].items():
            assert isinstance(value["known"], bool), (code, key)
            assert value["tag"] in TAGS, (code, key)
            assert value["source"].strip(), (code, key)
            if "tolerance" in value:
                assert tolerance_parses(value["tolerance"]), (code, key)
            for band in value.get("bands", []):
                assert tolerance_parses(band["tolerance"]), (code, key)
    assert JURISDICTIONS["370100"]["inherits"] == "370000"


def test_every_at_reference_exists_in_the_jinan_table_chain():
    values = _resolved_values("370100")
    for form in FORM_DATA.values():
        for _, item in _items(form):
            refs = [item["answer"].get("tolerance", ""), str(item.get("sampling", {}).get("ratio", ""))]
            for ref in refs:
                if ref.startswith("@"):
                    assert ref[1:] in values, f"{item['id']}: {ref}"
    for name, form in FORM_DATA.items():
        assert f"verdict.{name}" in values
        assert values[f"verdict.{name}"]["fail_if_any"] == form["verdict"]["fail_if_any"]


def test_sampling_ratios_are_fractions():
    values = _resolved_values("370100")
    for key, value in values.items():
        if key.startswith("sampling.") and "value" in value:
            assert 0 < value["value"] <= 1, key


def test_the_readme_coverage_table_matches_the_files():
    readme = (FORMS / "README.md").read_text(encoding="utf-8")
    rows = {}
    for line in readme.splitlines():
        match = re.match(r"\| .+ \((GH|RF|XF|DA)\) \|(.*)\|$", line)
        if match:
            rows[match.group(1)] = [cell.strip() for cell in match.group(2).split("|")]
    for name, form in FORM_DATA.items():
        items = [item for _, item in _items(form)]
        tags = [item["source"]["tag"] for item in items]
        classes = [item["class"] for item in items]
        shared = sum(len(g["items"]) for g in form["groups"] if g["scope"] == "project")
        expected = [str(len(form["groups"])), str(len(items)), str(shared)]
        expected += [str(tags.count(t)) for t in "CPRI"] + ["/".join(str(classes.count(c)) for c in "ABC")]
        expected += [str(sum(1 for item in items if item.get("advisory")))]
        assert rows[PREFIX[name]] == expected, name
