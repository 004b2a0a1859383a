"""Checks the schema cannot express: ids unique across all forms, tolerances that parse, references that
resolve (jurisdiction keys, choice options), inheritance that exists."""

from __future__ import annotations

from collections.abc import Iterator

from acceptance_app.domain.checklists.tolerance import ToleranceError, parse_tolerance
from acceptance_app.domain.enums import Discipline
from acceptance_app.domain.unit_facts import FACTS
from acceptance_app.storage.forms.build import condition_values
from acceptance_app.storage.forms.problems import FormProblem
from acceptance_app.storage.forms.yaml_lines import LineMap


def _items(data: dict) -> Iterator[tuple[tuple, dict]]:
    for g, group in enumerate(data.get("groups", [])):
        for n, item in enumerate(group.get("items", [])):
            yield ("groups", g, "items", n), item


def _tolerance_problems(
    text: str, path: str, line: int, keys: set[str] | None, item_id: str
) -> list[FormProblem]:
    try:
        tolerance = parse_tolerance(text)
    except ToleranceError as error:
        return [
            FormProblem(
                path, line, "form.bad_tolerance", {"item": item_id, "text": text, "reason": error.code}
            )
        ]
    if keys is None:
        return []
    return [
        FormProblem(path, line, "form.unknown_jurisdiction_key", {"item": item_id, "key": key})
        for key in tolerance.references
        if key not in keys
    ]


def check_form(
    data: dict, lines: LineMap, path: str, seen_ids: dict[str, str], jurisdiction_keys: set[str] | None
) -> list[FormProblem]:
    """``seen_ids``: item id -> "file:line" of its first definition, shared across the files of one check."""
    found: list[FormProblem] = []
    prefix = Discipline(data["form"]).short_code + "-"
    groups: set[str] = set()
    for g, group in enumerate(data["groups"]):
        if group["id"] in groups:
            found.append(
                FormProblem(
                    path, lines.line_of(("groups", g, "id")), "form.duplicate_group", {"id": group["id"]}
                )
            )
        groups.add(group["id"])
    for at, item in _items(data):
        item_id, line = item["id"], lines.line_of(at)
        if item_id in seen_ids:
            found.append(
                FormProblem(path, line, "form.duplicate_item", {"id": item_id, "first": seen_ids[item_id]})
            )
        else:
            seen_ids[item_id] = f"{path}:{line}"
        if not item_id.startswith(prefix):
            found.append(FormProblem(path, line, "form.item_prefix", {"id": item_id, "prefix": prefix}))
        answer = item["answer"]
        if answer["type"] == "measure":
            tol_line = lines.line_of((*at, "answer", "tolerance"))
            found += _tolerance_problems(answer["tolerance"], path, tol_line, jurisdiction_keys, item_id)
        if answer["type"] == "choice":
            for option in answer["pass"]:
                if option not in answer["options"]:
                    found.append(
                        FormProblem(
                            path,
                            lines.line_of((*at, "answer", "pass")),
                            "form.unknown_option",
                            {"item": item_id, "option": option},
                        )
                    )
        for key in ("limit", "advice"):
            if key in answer:
                found += _tolerance_problems(
                    answer[key], path, lines.line_of((*at, "answer", key)), jurisdiction_keys, item_id
                )
        found += _advisory_problems(item, at, lines, path)
        found += _fact_problems(item, at, lines, path)
        low, high = answer.get("min"), answer.get("max")
        if isinstance(low, int) and isinstance(high, int) and low > high:
            found.append(
                FormProblem(path, lines.line_of((*at, "answer")), "form.min_above_max", {"item": item_id})
            )
        ratio = (item.get("sampling") or {}).get("ratio")
        if isinstance(ratio, str) and jurisdiction_keys is not None and ratio[1:] not in jurisdiction_keys:
            found.append(
                FormProblem(
                    path,
                    lines.line_of((*at, "sampling", "ratio")),
                    "form.unknown_jurisdiction_key",
                    {"item": item_id, "key": ratio[1:]},
                )
            )
    return found


def _advisory_problems(item: dict, at: tuple, lines: LineMap, path: str) -> list[FormProblem]:
    """An advisory (宜) item can never fail, so a rule that fails it is a contradiction in the file."""
    if not item.get("advisory"):
        return []
    answer = item["answer"]
    rules = [("answer", "limit")] if "limit" in answer else []
    rules += [("evidence", "fail")] if (item.get("evidence") or {}).get("fail") else []
    if answer["type"] == "choice" and set(answer["pass"]) != set(answer["options"]):
        rules.append(("answer", "pass"))
    return [
        FormProblem(path, lines.line_of((*at, *where)), "form.advisory_fail_rule", {"item": item["id"], "key": where[-1]})
        for where in rules
    ]


def _fact_problems(item: dict, at: tuple, lines: LineMap, path: str) -> list[FormProblem]:
    facts = ((item.get("applies_to") or {}).get("facts")) or {}
    found = []
    for name, raw in facts.items():
        line = lines.line_of((*at, "applies_to", "facts", name))
        if name not in FACTS:
            found.append(
                FormProblem(path, line, "form.unknown_fact", {"item": item["id"], "fact": name, "known": "、".join(FACTS)})
            )
            continue
        for value in condition_values(raw):
            if value not in FACTS[name]:
                found.append(
                    FormProblem(
                        path,
                        line,
                        "form.bad_fact_value",
                        {"item": item["id"], "fact": name, "value": value, "allowed": "、".join(FACTS[name])},
                    )
                )
    return found


def check_jurisdiction(
    data: dict, lines: LineMap, path: str, stem: str, codes: set[str]
) -> list[FormProblem]:
    found: list[FormProblem] = []
    if data["jurisdiction"] != stem:
        found.append(
            FormProblem(
                path,
                lines.line_of(("jurisdiction",)),
                "jurisdiction.file_name",
                {"code": data["jurisdiction"], "stem": stem},
            )
        )
    parent = data.get("inherits")
    for key, value in data["values"].items():
        if key.startswith("verdict.") and "scheme" not in value:
            found.append(
                FormProblem(path, lines.line_of(("values", key)), "jurisdiction.no_verdict_scheme", {"key": key})
            )
    if parent is None:
        # A table at the top of its chain decides for every discipline: the record must be able to name it.
        for discipline in Discipline:
            if f"verdict.{discipline.value}" not in data["values"]:
                found.append(
                    FormProblem(
                        path,
                        lines.line_of(("values",)),
                        "jurisdiction.no_verdict_scheme",
                        {"key": f"verdict.{discipline.value}"},
                    )
                )
    if parent is not None and parent not in codes:
        found.append(
            FormProblem(path, lines.line_of(("inherits",)), "jurisdiction.unknown_parent", {"code": parent})
        )
    for key, value in data["values"].items():
        texts = [(("values", key, "tolerance"), value["tolerance"])] if "tolerance" in value else []
        texts += [
            (("values", key, "bands", n, "tolerance"), b["tolerance"])
            for n, b in enumerate(value.get("bands", []))
        ]
        for at, text in texts:
            found += _tolerance_problems(text, path, lines.line_of(at), None, key)
        bands = value.get("bands", [])
        if bands and bands[-1]["upto"] is not None:
            found.append(
                FormProblem(
                    path, lines.line_of(("values", key, "bands")), "jurisdiction.open_band", {"key": key}
                )
            )
        limits = [b["upto"] for b in bands if b["upto"] is not None]
        if limits != sorted(limits) or any(b["upto"] is None for b in bands[:-1]):
            found.append(
                FormProblem(
                    path, lines.line_of(("values", key, "bands")), "jurisdiction.band_order", {"key": key}
                )
            )
    return found
