"""What the 检查表 page and ``forms overview`` show: the forms in use with their version, item counts by
certainty tag and class, the advisory items, the items still recalled ([R]), the jurisdiction values not yet
confirmed, and what a jurisdiction's own forms folder changed against the shipped forms.

Reads files only (no database): an office checks its folder before it points the app at it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, fields
from pathlib import Path

from acceptance_app.domain.checklists.form import Form, Item
from acceptance_app.domain.enums import Discipline
from acceptance_app.locator import forms_dir
from acceptance_app.storage.forms.loader import FormLibrary, load_library
from acceptance_app.storage.forms.problems import FormProblem

TAGS = ("C", "P", "R", "I")
CLASSES = ("A", "B", "C")


@dataclass(frozen=True)
class RecalledItem:
    item_id: str
    text: str
    basis: str  # standard and clause


@dataclass(frozen=True)
class FormSummary:
    discipline: Discipline
    title: str
    version: str
    version_label: str  # Chinese, as shown and printed
    sha256: str
    path: str
    groups: int
    items: int
    project_level: int
    by_tag: tuple[tuple[str, int], ...]
    by_class: tuple[tuple[str, int], ...]
    advisory: int
    recalled: tuple[RecalledItem, ...]  # items tagged [R]: verify before relying on them


@dataclass(frozen=True)
class ItemChange:
    item_id: str
    change: str  # "added" | "removed" | "changed"
    fields: tuple[str, ...] = ()  # for "changed": which parts (text, criterion, answer, source, class ...)


@dataclass(frozen=True)
class FormDiff:
    discipline: Discipline
    shipped_version: str
    version: str
    changes: tuple[ItemChange, ...]


@dataclass(frozen=True)
class ValueDiff:
    key: str
    change: str  # "added" | "removed" | "changed"


@dataclass(frozen=True)
class UnknownValue:
    key: str
    tag: str
    source: str


@dataclass(frozen=True)
class FormsOverview:
    folder: Path
    shipped: bool  # the folder is the shipped one
    jurisdiction: str
    jurisdiction_chain: tuple[str, ...]
    forms: tuple[FormSummary, ...]
    unknown_values: tuple[UnknownValue, ...]  # jurisdiction values with known: false
    problems: tuple[FormProblem, ...]
    form_diffs: tuple[FormDiff, ...] = ()  # empty for the shipped folder
    value_diffs: tuple[ValueDiff, ...] = ()


def summarize(form: Form) -> FormSummary:
    items = form.items
    tags = Counter(i.source.tag for i in items)
    classes = Counter(i.item_class.value for i in items)
    return FormSummary(
        discipline=form.discipline,
        title=form.title,
        version=form.version,
        version_label=form.version_label,
        sha256=form.sha256,
        path=form.path,
        groups=len(form.groups),
        items=len(items),
        project_level=sum(len(g.items) for g in form.groups if g.scope.value == "project"),
        by_tag=tuple((t, tags.get(t, 0)) for t in TAGS),
        by_class=tuple((c, classes.get(c, 0)) for c in CLASSES),
        advisory=sum(1 for i in items if i.advisory),
        recalled=tuple(RecalledItem(i.id, i.text, i.source.basis) for i in items if i.source.tag == "R"),
    )


_COMPARED = tuple(f.name for f in fields(Item) if f.name not in ("id", "line", "group_id"))


def diff_forms(shipped: Form, local: Form) -> FormDiff:
    """Item by item: added, removed, or which parts changed (line numbers do not count)."""
    before, after = {i.id: i for i in shipped.items}, {i.id: i for i in local.items}
    changes = [ItemChange(i, "removed") for i in before if i not in after]
    for item_id, item in after.items():
        old = before.get(item_id)
        if old is None:
            changes.append(ItemChange(item_id, "added"))
            continue
        changed = tuple(name for name in _COMPARED if getattr(old, name) != getattr(item, name))
        if changed:
            changes.append(ItemChange(item_id, "changed", changed))
    return FormDiff(local.discipline, shipped.version, local.version, tuple(changes))


def _value_diffs(shipped: FormLibrary, local: FormLibrary) -> tuple[ValueDiff, ...]:
    diffs: list[ValueDiff] = []
    for code in sorted(set(shipped.tables) | set(local.tables)):
        old, new = shipped.tables.get(code), local.tables.get(code)
        old_values = dict(old.values) if old else {}
        new_values = dict(new.values) if new else {}
        for key in sorted(set(old_values) | set(new_values)):
            a, b = old_values.get(key), new_values.get(key)
            if a is None:
                diffs.append(ValueDiff(f"{code}:{key}", "added"))
            elif b is None:
                diffs.append(ValueDiff(f"{code}:{key}", "removed"))
            elif a != b:
                diffs.append(ValueDiff(f"{code}:{key}", "changed"))
    return tuple(diffs)


def overview(folder: Path, jurisdiction: str = "370100", shipped_folder: Path | None = None) -> FormsOverview:
    shipped_folder = shipped_folder or forms_dir()
    local = load_library(folder)
    is_shipped = folder.resolve() == shipped_folder.resolve()
    effective = local.jurisdiction(jurisdiction)
    unknown = tuple(
        UnknownValue(key, v.tag, v.source) for key, v in sorted(effective.values.items()) if not v.known
    )
    forms = tuple(summarize(local.forms[d]) for d in Discipline if d in local.forms)
    if is_shipped:
        return FormsOverview(folder, True, effective.code, effective.chain, forms, unknown, local.problems)
    shipped = load_library(shipped_folder)
    form_diffs = tuple(
        diff_forms(shipped.forms[d], local.forms[d]) for d in Discipline if d in local.forms and d in shipped.forms
    )
    return FormsOverview(
        folder, False, effective.code, effective.chain, forms, unknown, local.problems,
        form_diffs, _value_diffs(shipped, local),
    )
