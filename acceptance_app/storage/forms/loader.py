"""Load a forms folder (four discipline files + jurisdictions/) into a FormLibrary, or check files.

A form is identified by its content sha256: an inspection pins it, and the exact bytes are kept in the
database (storage.models.checklists.FormSnapshot) so that editing a file never changes an old inspection.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from acceptance_app.domain.checklists.form import Form
from acceptance_app.domain.checklists.jurisdiction import (
    EMPTY_JURISDICTION,
    Jurisdiction,
    JurisdictionTable,
    resolve_jurisdiction,
)
from acceptance_app.domain.enums import Discipline
from acceptance_app.domain.problems import KnownError
from acceptance_app.storage.forms.build import build_form, build_jurisdiction
from acceptance_app.storage.forms.problems import FormProblem
from acceptance_app.storage.forms.schema import schema_problems
from acceptance_app.storage.forms.semantic import check_form, check_jurisdiction
from acceptance_app.storage.forms.yaml_lines import LineMap, YamlProblem, load_with_lines

SUFFIXES = (".yaml", ".yml", ".json")
JURISDICTIONS = "jurisdictions"


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


@dataclass
class _Parsed:
    path: str
    content: bytes
    data: dict | None = None
    lines: LineMap = field(default_factory=LineMap)
    problems: list[FormProblem] = field(default_factory=list)

    @property
    def is_jurisdiction(self) -> bool:
        return isinstance(self.data, dict) and "jurisdiction" in self.data


def _parse(path: str, content: bytes) -> _Parsed:
    parsed = _Parsed(path, content)
    try:
        data, parsed.lines = load_with_lines(content.decode("utf-8"))
    except UnicodeDecodeError:
        parsed.problems.append(FormProblem(path, 1, "yaml.encoding"))
        return parsed
    except YamlProblem as error:
        parsed.problems.append(FormProblem(path, error.line, error.code, error.params))
        return parsed
    if not isinstance(data, dict):
        parsed.problems.append(FormProblem(path, 1, "yaml.not_a_mapping"))
        return parsed
    parsed.data = data
    parsed.problems += schema_problems(
        "jurisdiction" if parsed.is_jurisdiction else "form", data, path, parsed.lines
    )
    return parsed


def _read(path: Path) -> _Parsed:
    try:
        return _parse(str(path), path.read_bytes())
    except OSError as error:
        return _Parsed(
            str(path),
            b"",
            problems=[FormProblem(str(path), 1, "file.unreadable", {"reason": error.strerror or str(error)})],
        )


@dataclass(frozen=True)
class FormLibrary:
    folder: Path
    forms: Mapping[Discipline, Form]
    tables: Mapping[str, JurisdictionTable]
    contents: Mapping[str, bytes]  # sha256 -> file bytes of each form
    problems: tuple[FormProblem, ...] = ()

    def form(self, discipline: Discipline) -> Form:
        try:
            return self.forms[discipline]
        except KeyError:
            raise KnownError("forms.missing", discipline=discipline.value, folder=str(self.folder)) from None

    def jurisdiction(self, code: str) -> Jurisdiction:
        """``code``'s table with inheritance; a city without its own table uses its province's (370100 -> 370000)."""
        for candidate in (code, code[:2] + "0000"):
            if candidate in self.tables:
                return resolve_jurisdiction(self.tables, candidate)
        return EMPTY_JURISDICTION


def _files(folder: Path) -> list[Path]:
    found = [p for p in sorted(folder.iterdir()) if p.suffix in SUFFIXES and p.is_file()]
    sub = folder / JURISDICTIONS
    if sub.is_dir():
        found += [p for p in sorted(sub.iterdir()) if p.suffix in SUFFIXES and p.is_file()]
    return found


def _check(parsed: list[_Parsed], context: list[_Parsed]) -> None:
    """Semantic checks, in place; ``context`` files (not reported) supply jurisdiction keys and codes."""
    valid = [p for p in [*parsed, *context] if p.data is not None and not p.problems]
    tables = [p for p in valid if p.is_jurisdiction]
    keys = {key for t in tables for key in t.data["values"]} if tables else None  # type: ignore[index]
    codes = {t.data["jurisdiction"] for t in tables}  # type: ignore[index]
    seen: dict[str, str] = {}
    disciplines: dict[str, str] = {}
    for p in parsed:
        if p.data is None or p.problems:
            continue
        if p.is_jurisdiction:
            p.problems += check_jurisdiction(p.data, p.lines, p.path, Path(p.path).stem, codes)
            continue
        p.problems += check_form(p.data, p.lines, p.path, seen, keys)
        if p.data["form"] in disciplines:
            p.problems.append(
                FormProblem(
                    p.path,
                    p.lines.line_of(("form",)),
                    "form.duplicate_discipline",
                    {"form": p.data["form"], "first": disciplines[p.data["form"]]},
                )
            )
        disciplines.setdefault(p.data["form"], p.path)


def check_paths(paths: Iterable[Path]) -> list[FormProblem]:
    """Every problem in the given files or folders. A form's sibling jurisdictions/ folder is read too so
    `@key` references can be checked, but its own problems are only reported when it was named."""
    named: list[Path] = []
    for path in paths:
        named += _files(path) if path.is_dir() else [path]
    parsed = [_read(p) for p in named]
    resolved = {p.resolve() for p in named}
    siblings = {
        q for p in named for q in (p.parent / JURISDICTIONS).glob("*.y*ml") if q.resolve() not in resolved
    }
    _check(parsed, [_read(q) for q in sorted(siblings)])
    return [problem for p in parsed for problem in p.problems]


def load_library(folder: Path) -> FormLibrary:
    """Read a forms folder. Files with problems are left out (and their problems kept on the library)."""
    parsed = [_read(p) for p in _files(folder)] if folder.is_dir() else []
    _check(parsed, [])
    forms: dict[Discipline, Form] = {}
    tables: dict[str, JurisdictionTable] = {}
    contents: dict[str, bytes] = {}
    for p in parsed:
        if p.data is None or p.problems:
            continue
        if p.is_jurisdiction:
            tables[p.data["jurisdiction"]] = build_jurisdiction(p.data)
        else:
            form = build_form(p.data, p.lines, sha256_of(p.content), p.path)
            forms[form.discipline] = form
            contents[form.sha256] = p.content
    return FormLibrary(folder, forms, tables, contents, tuple(q for p in parsed for q in p.problems))


def form_from_bytes(content: bytes, path: str = "<snapshot>") -> Form:
    """A pinned form from its stored bytes (schema-checked again; a snapshot that no longer loads is an error)."""
    parsed = _parse(path, content)
    if parsed.data is None or parsed.problems or parsed.is_jurisdiction:
        raise KnownError("forms.snapshot_invalid", path=path)
    return build_form(parsed.data, parsed.lines, sha256_of(content), path)


def jurisdiction_from_bytes(content: bytes, path: str = "<snapshot>") -> Jurisdiction:
    """A pinned effective jurisdiction (see build.jurisdiction_document)."""
    parsed = _parse(path, content)
    if parsed.data is None or parsed.problems or not parsed.is_jurisdiction:
        raise KnownError("forms.snapshot_invalid", path=path)
    table = build_jurisdiction(parsed.data)
    return resolve_jurisdiction({table.code: table}, table.code)
