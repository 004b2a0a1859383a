"""``forms check [PATH...]`` and ``forms list``: validate and show the checklist forms."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.i18n import _
from acceptance_app.settings import forms_folder
from acceptance_app.text import describe_form_problem


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("forms", help=_("checklist form files"))
    sub = parser.add_subparsers(dest="action", required=True)
    check = sub.add_parser("check", help=_("validate form files; prints file:line: message for each problem"))
    check.add_argument("paths", nargs="*", type=Path, help=_("files or folders (default: the forms folder)"))
    check.set_defaults(handler=run_check)
    listing = sub.add_parser("list", help=_("list the forms in the forms folder"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)
    view = sub.add_parser(
        "overview",
        help=_("the forms in use: version, items by tag and class, items still recalled [R], unconfirmed "
               "jurisdiction values, and what a folder changed against the shipped forms"),
    )
    view.add_argument("--folder", type=Path, help=_("a forms folder (default: the one in the settings)"))
    view.add_argument("--recalled", action="store_true", help=_("list every item still tagged [R]"))
    view.add_argument("--json", action="store_true")
    view.set_defaults(handler=run_overview)


def run_check(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.storage.forms.loader import check_paths

    paths = args.paths or [forms_folder(context.settings)]
    problems = check_paths(paths)
    for p in problems:
        print(f"{p.path}:{p.line}: {describe_form_problem(p.code, p.params)}")
    if problems:
        print(_("{count} problem(s)").format(count=len(problems)))
        return 1
    print(_("No problems"))
    return 0


def run_list(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.storage.forms.loader import load_library

    library = load_library(forms_folder(context.settings))
    rows: list[dict[str, Any]] = [
        {
            "form": form.discipline.value,
            "version": form.version,
            "title": form.title,
            "groups": len(form.groups),
            "items": len(form.items),
            "sha256": form.sha256,
            "path": form.path,
        }
        for form in library.forms.values()
    ]
    if args.json:
        print_json({"folder": str(library.folder), "forms": rows, "jurisdictions": sorted(library.tables)})
    else:
        print(_("Forms folder: {folder}").format(folder=library.folder))
        for row in rows:
            print(f"{row['form']}\t{row['version']}\t{row['items']}\t{row['title']}\t{row['sha256'][:12]}")
        for p in library.problems:
            print(f"{p.path}:{p.line}: {describe_form_problem(p.code, p.params)}")
    return 1 if library.problems else 0


def run_overview(args: argparse.Namespace, context: AppContext) -> int:
    from dataclasses import asdict

    from acceptance_app.services.checklists.overview import overview

    folder = args.folder or forms_folder(context.settings)
    result = overview(folder, context.settings.jurisdiction)
    if args.json:
        data = asdict(result)
        data["problems"] = [f"{p.path}:{p.line}: {describe_form_problem(p.code, p.params)}" for p in result.problems]
        print_json(data)
        return 1 if result.problems else 0
    print(_("Forms folder: {folder}").format(folder=result.folder)
          + ("" if not result.shipped else "  " + _("(shipped)")))
    print(_("Jurisdiction: {chain}").format(chain=" → ".join(result.jurisdiction_chain)))
    for f in result.forms:
        tags = " ".join(f"{t}:{n}" for t, n in f.by_tag)
        classes = "/".join(str(n) for _c, n in f.by_class)
        print(f"{f.title}\t{f.version_label}\t" + _("{items} items").format(items=f.items)
              + f"\t{tags}\tA/B/C {classes}\t" + _("advisory {count}").format(count=f.advisory))
        if args.recalled:
            for r in f.recalled:
                print(f"  [R] {r.item_id}\t{r.text}\t{r.basis}")
    print(_("Jurisdiction values not confirmed: {count}").format(count=len(result.unknown_values)))
    for diff in result.form_diffs:
        print(_("{form}: shipped {shipped}, this folder {version}, {count} item(s) differ").format(
            form=diff.discipline.value, shipped=diff.shipped_version, version=diff.version, count=len(diff.changes)))
        for c in diff.changes:
            print(f"  {c.change}\t{c.item_id}\t{'、'.join(c.fields)}")
    for v in result.value_diffs:
        print(f"  {v.change}\t{v.key}")
    for p in result.problems:
        print(f"{p.path}:{p.line}: {describe_form_problem(p.code, p.params)}")
    return 1 if result.problems else 0
