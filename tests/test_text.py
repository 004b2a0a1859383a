"""The text catalog (acceptance_app/text/): every code raised anywhere has its text, in English and in Chinese,
with nothing else imported."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from acceptance_app import i18n, text
from acceptance_app.domain.photos import REJECTION_REASONS

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "acceptance_app"
CODE = re.compile(r"^[a-z][a-z_]*(\.[a-zA-Z_]+)+$")
# Callables that carry a code, and the position of the code among their positional arguments.
KNOWN_ERROR_CARRIERS = {"KnownError": 0, "__init__": 0, "_Reject": 0, "HubRefused": 0}
RULE_CARRIERS = {"Problem": 1, "FormProblem": 2, "YamlProblem": 1}
ISSUE_CARRIERS = {"Issue": 0}


def _callee(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def raised_codes() -> dict[str, set[tuple[str, str]]]:
    """kind -> {(code, where)} for every literal code passed to a carrier in acceptance_app (outside text/)."""
    found: dict[str, set[tuple[str, str]]] = {"errors": set(), "rules": set(), "issues": set()}
    for path in PACKAGE.rglob("*.py"):
        if "text" in path.relative_to(PACKAGE).parts[:1] or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _callee(node)
            for kind, carriers in (("errors", KNOWN_ERROR_CARRIERS), ("rules", RULE_CARRIERS),
                                   ("issues", ISSUE_CARRIERS)):
                position = carriers.get(name)
                if position is None or len(node.args) <= position:
                    continue
                arg = node.args[position]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    if kind != "issues" and not CODE.match(arg.value):
                        continue
                    found[kind].add((arg.value, f"{path.relative_to(ROOT)}:{node.lineno}"))
    return found


def test_the_scan_finds_the_codes_of_every_layer():
    codes = {kind: {code for code, _where in found} for kind, found in raised_codes().items()}
    # one from each layer, so that a change of the scan that finds nothing fails here
    assert {"photo.linked", "db.schema_too_new", "exchange.bad_signature", "hub.unauthorized",
            "signing.locked", "inspection.incomplete"} <= codes["errors"]
    assert {"uscc.check_char", "schema.wrong_type", "yaml.duplicate_key"} <= codes["rules"]
    assert {"not_intact", "record_removed"} <= codes["issues"]
    assert sum(len(c) for c in codes.values()) > 150


def test_every_code_raised_has_its_text():
    found = raised_codes()
    catalogs = {"errors": text.ERRORS, "rules": text.RULES, "issues": text.ISSUES}
    missing = sorted(f"{where}: {code}" for kind, codes in found.items() for code, where in codes
                     if code not in catalogs[kind])
    # codes built at run time: the photo rejection reasons, the JSON-schema keywords of the form checker
    missing += [f"domain/photos.py REJECTION_REASONS: {code}" for code in REJECTION_REASONS
                if code not in text.ERRORS]
    missing += [f"storage/forms/schema.py: schema.{kind}" for kind in ("minimum", "maximum", "exclusiveMinimum",
                                                                        "exclusiveMaximum") if f"schema.{kind}" not in text.RULES]
    assert not missing, "codes without text in acceptance_app/text/:\n" + "\n".join(missing)


def _templates() -> list[str]:
    from acceptance_app.text import findings

    return [*text.ERRORS.values(), *text.RULES.values(), *text.ISSUES.values(), *text.FIELD_LABELS.values(),
            *text.MODIFICATION_LABELS.values(), *findings.STATUS_NAMES.values(), *findings.ACTION_NAMES.values()]


def test_every_text_has_chinese():
    i18n.install("zh_CN")
    untranslated = [t for t in _templates() if i18n._(t) == t]
    assert not untranslated, untranslated


def test_english_and_chinese_take_the_same_params():
    names = re.compile(r"{(\w+)")
    i18n.install("zh_CN")
    try:
        different = [t for t in _templates() if set(names.findall(t)) != set(names.findall(i18n._(t)))]
    finally:
        i18n.install("zh_CN")
    assert not different, different


def test_no_code_is_defined_twice_across_areas():
    seen: dict[str, str] = {}
    twice = []
    for area in text.AREAS:
        for name in ("ERRORS", "RULES", "FIELD_LABELS"):
            for code in getattr(area, name, {}):
                key = f"{name}:{code}"
                if key in seen:
                    twice.append(f"{code} in {seen[key]} and {area.__name__}")
                seen[key] = area.__name__
    assert not twice


@pytest.mark.parametrize("language, expected", [("zh_CN", "证据"), ("en", "evidence")])
def test_a_code_has_its_text_with_only_the_catalog_imported(language, expected):
    """The first review found ``photo.linked`` printed as the bare code until services.photos had been imported."""
    code = (
        "import sys\n"
        "from acceptance_app import i18n, text\n"
        "from acceptance_app.domain.problems import KnownError\n"
        f"i18n.install({language!r})\n"
        "print(text.describe_error(KnownError('photo.linked', count=2)))\n"
        "print(sorted(m for m in sys.modules if m.startswith('acceptance_app.')"
        " and not m.startswith(('acceptance_app.text', 'acceptance_app.domain'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout.splitlines()
    assert expected in out[0] and "2" in out[0]
    assert out[1] == "['acceptance_app.i18n', 'acceptance_app.locator']"


def test_a_recorded_failure_is_shown_in_the_language_of_now():
    from acceptance_app.domain.problems import KnownError
    from acceptance_app.sync.outbox import error_record

    recorded = error_record(KnownError("sync.unreachable", url="http://127.0.0.1:9", detail="refused"))
    assert recorded.startswith("sync.unreachable ") and "127.0.0.1" in recorded
    i18n.install("en")
    try:
        assert text.describe_recorded_error(recorded).startswith("The hub http://127.0.0.1:9 cannot be reached")
    finally:
        i18n.install("zh_CN")
    assert "127.0.0.1" in text.describe_recorded_error(recorded) and "hub" not in text.describe_recorded_error(recorded)
    assert text.describe_recorded_error("something else") == "something else"
