"""JSON Schema validation of form and jurisdiction files, reported as coded problems with lines."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from acceptance_app.locator import forms_dir
from acceptance_app.storage.forms.problems import FormProblem
from acceptance_app.storage.forms.yaml_lines import LineMap

if TYPE_CHECKING:  # jsonschema is imported when a form file is validated, not when a pinned form is read
    import jsonschema


@cache
def validator(kind: str) -> jsonschema.protocols.Validator:
    """``kind``: "form" or "jurisdiction". The schemas always come from the shipped forms folder."""
    import jsonschema

    schema = json.loads((forms_dir() / "schema" / f"{kind}.schema.json").read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    # Local "$ref"s copied in place: resolving ~4000 of them per check was half of `forms check`'s time.
    return cls(_inline_refs(schema, schema.get("$defs", {})))


def _inline_refs(node: Any, defs: dict[str, Any], depth: int = 0) -> Any:
    """The schema with every "#/$defs/name" reference replaced by the definition (the schemas have no cycles;
    ``depth`` guards against one appearing)."""
    if depth > 20:
        raise ValueError("schema references nest too deep (a cycle?)")
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
            return _inline_refs(defs[ref.removeprefix("#/$defs/")], defs, depth + 1)
        return {k: _inline_refs(v, defs, depth) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs, depth) for v in node]
    return node


def _where(path: tuple) -> str:
    return ".".join(str(p) for p in path) or "/"


def _extra_keys(error: jsonschema.ValidationError) -> list[str]:
    allowed = error.schema.get("properties", {})
    patterns = error.schema.get("patternProperties", {})
    return [
        key
        for key in error.instance
        if key not in allowed and not any(re.search(pattern, key) for pattern in patterns)
    ]


def _problems_for(error: jsonschema.ValidationError, path: str, lines: LineMap) -> list[FormProblem]:
    at = tuple(error.absolute_path)
    where = _where(at)
    kind = error.validator
    if kind == "additionalProperties":
        return [
            FormProblem(
                path,
                lines.line_of((*at, key), key=True),
                "schema.unknown_field",
                {"field": key, "where": where},
            )
            for key in _extra_keys(error)
        ]
    if kind == "required":
        missing = re.findall(r"'([^']+)' is a required property", error.message)
        field = missing[0] if missing else str(error.validator_value)
        code = "schema.missing_source" if field == "source" else "schema.missing_field"
        item_id = error.instance.get("id", "") if isinstance(error.instance, dict) else ""
        return [FormProblem(path, lines.line_of(at), code, {"field": field, "where": where, "item": item_id})]
    params: dict[str, Any] = {"where": where, "value": _short(error.instance)}
    if kind in ("enum", "const"):
        allowed = error.validator_value if kind == "enum" else [error.validator_value]
        params["allowed"] = ", ".join(str(a) for a in allowed)
        return [FormProblem(path, lines.line_of(at), "schema.not_allowed", params)]
    if kind == "type":
        params["type"] = (
            error.validator_value
            if isinstance(error.validator_value, str)
            else "/".join(error.validator_value)
        )
        return [FormProblem(path, lines.line_of(at), "schema.wrong_type", params)]
    if kind in ("minItems", "minLength", "minProperties"):
        return [FormProblem(path, lines.line_of(at), "schema.empty", params)]
    if kind == "uniqueItems":
        return [FormProblem(path, lines.line_of(at), "schema.repeated", params)]
    if kind == "pattern":
        return [FormProblem(path, lines.line_of(at), "schema.pattern", params)]
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        params["limit"] = error.validator_value
        return [FormProblem(path, lines.line_of(at), f"schema.{kind}", params)]
    params["detail"] = error.message
    return [FormProblem(path, lines.line_of(at), "schema.invalid", params)]


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "..."


def _leaves(error: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    """For oneOf/anyOf, the most relevant sub-error says more than "is not valid under any of the schemas"."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        import jsonschema.exceptions

        best = jsonschema.exceptions.best_match(error.context)
        return [best] if best is not None else [error]
    return [error]


def schema_problems(kind: str, data: Any, path: str, lines: LineMap) -> list[FormProblem]:
    found: list[FormProblem] = []
    for error in sorted(
        validator(kind).iter_errors(data), key=lambda e: lines.line_of(tuple(e.absolute_path))
    ):
        for leaf in _leaves(error):
            found.extend(_problems_for(leaf, path, lines))
    return found
