"""Every code -> user text mapping, in one catalog assembled statically (Anki keeps its ``ftl/core/*.ftl``, one
file per area; here one module per area). Domain, storage, services, reports and sync raise codes
(``KnownError(code, **params)``, ``Problem(field, code, ...)``, ``Issue(code, ...)``) and import nothing from here
(an import-linter contract says so); the UI and the CLI turn codes into text through the functions below.

How to add a code:
1. Raise it where it happens: ``raise KnownError("area.what", name=value)``.
2. Put its English template into the area's module here: ``ERRORS`` for a KnownError code, ``RULES`` for a
   Problem code (a field's validation rule), ``FIELD_LABELS`` for a field name, ``signing.ISSUES`` for a
   verification issue; wrap it in ``N_()`` and use the params by name (``{name}``).
3. Run ``python scripts/i18n.py --fill zh.json`` with the Chinese for the new English msgid.
``tests/test_text.py`` fails while a code raised anywhere has no text here or no Chinese.
An old ``messages.register(errors={...}, rules={...})`` call moves the same way: its entries go into the area
module's ``ERRORS``/``RULES`` dicts unchanged, and the call and its import are deleted. A new area is a new
module listed in ``AREAS``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from acceptance_app.domain.problems import KnownError, Problem, Severity, ValidationFailed
from acceptance_app.i18n import _
from acceptance_app.text import (
    backup,
    checklists,
    core,
    documents,
    exchange,
    findings,
    hub,
    photos,
    signing,
    unit_facts,
)

AREAS = (core, checklists, photos, findings, documents, signing, exchange, hub, unit_facts, backup)


def _merged(name: str) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for area in AREAS:
        merged.update(getattr(area, name, {}))
    return merged


FIELD_LABELS = _merged("FIELD_LABELS")
RULES = _merged("RULES")
ERRORS = _merged("ERRORS")
ISSUES = signing.ISSUES

describe_form_problem = checklists.describe_form_problem
evidence_label = checklists.evidence_label
describe_missing = checklists.describe_missing


def _blocking_items(params: dict[str, Any]) -> dict[str, Any]:
    """``inspection.incomplete``: the service passes (item id, missing evidence kinds or None) pairs."""
    parts = [describe_missing(item, list(kinds) if kinds is not None else None) for item, kinds in params["items"]]
    if params.get("more"):
        parts.append("…")
    return {**params, "items": "；".join(parts)}


def _modification_level(params: dict[str, Any]) -> dict[str, Any]:
    return {**params, "level": modification_text(params["level"])}


# Params that are codes themselves and are turned into text before the template is filled.
PARAMS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    **_merged("PARAMS"),
    "inspection.incomplete": _blocking_items,
}
ISSUE_PARAMS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {"modified": _modification_level}


def _fill(template: str, code: str, params: Mapping[str, Any],
          formatters: Mapping[str, Callable[[dict[str, Any]], dict[str, Any]]]) -> str:
    values = dict(params)
    if code in formatters:
        values = formatters[code](values)
    return template.format(**values)


def field_label(field: str) -> str:
    return _(FIELD_LABELS[field]) if field in FIELD_LABELS else field


def describe_problem(problem: Problem, with_field: bool = True) -> str:
    rule = RULES.get(problem.code)
    text = _(rule).format(**problem.params) if rule else problem.code
    if problem.severity is Severity.WARNING:
        text = _("Warning: {text}").format(text=text)
    return f"{field_label(problem.field)}: {text}" if with_field else text


def describe_error(error: KnownError) -> str:
    if isinstance(error, ValidationFailed):
        return "\n".join(describe_problem(p) for p in error.problems)
    template = ERRORS.get(error.code)
    if template is None:
        return _("Error: {code}").format(code=error.code)
    return _fill(_(template), error.code, error.params, PARAMS)


def english_text(error: KnownError) -> str:
    """The English text (the hub's answers are read by programs and administrators)."""
    template = ERRORS.get(error.code)
    if template is None:
        return error.code
    try:
        return _fill(template, error.code, error.params, PARAMS)
    except (KeyError, IndexError, ValueError):
        return template


class _Coded(Protocol):
    @property
    def code(self) -> str: ...

    @property
    def params(self) -> dict[str, Any]: ...


def describe_issue(issue: _Coded) -> str:
    """A verification issue (``reports.signing.verify.Issue``)."""
    return _fill(_(ISSUES[issue.code]), issue.code, issue.params, ISSUE_PARAMS)


MODIFICATION_LABELS = signing.MODIFICATION_LABELS


def modification_text(level: str) -> str:
    return _(MODIFICATION_LABELS.get(level, level))


def describe_recorded_error(recorded: str) -> str:
    """A failure the sync layer stored as ``code {json params}`` (``sync.outbox.error_record``), in the
    language shown now; any other stored text is shown as it is."""
    code, _space, raw = recorded.partition(" ")
    if code not in ERRORS:
        return recorded
    try:
        params = json.loads(raw) if raw else {}
    except ValueError:
        return recorded
    if not isinstance(params, dict):
        return recorded
    try:
        return describe_error(KnownError(code, **params))
    except (KeyError, IndexError, ValueError):
        return recorded


__all__ = [
    "ERRORS", "FIELD_LABELS", "ISSUES", "RULES", "describe_error", "describe_form_problem", "describe_issue",
    "describe_missing", "describe_problem", "describe_recorded_error", "english_text", "evidence_label",
    "field_label", "modification_text",
]
