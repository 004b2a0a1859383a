#!/usr/bin/env python3
"""Extract UI/CLI strings, merge them into the catalogs and compile them.

    python scripts/i18n.py            # extract + update .po (new entries empty) + compile .mo
    python scripts/i18n.py --check    # exit 1 if a string has no zh_CN translation or a .mo is stale
    python scripts/i18n.py --fill zh.json   # set translations from a JSON object {msgid: msgstr}, then as above

Strings are English msgids marked with _(), N_() or ngettext() anywhere in acceptance_app except domain/
and reports/ (domain returns codes; documents are official Chinese wording, not translated).
"""

from __future__ import annotations

import argparse
import gettext
import io
import json
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "acceptance_app"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
SKIP = ("domain", "reports")
# Signing and verification messages are shown in the UI and CLI (not printed in documents): translated.
TRANSLATED_INSIDE_SKIP = ("reports/signing",)


def extract() -> Catalog:
    catalog = Catalog(project="acceptance_app", charset="utf-8")
    method_map = ([(f"{part}/**.py", "python") for part in TRANSLATED_INSIDE_SKIP]
                  + [(f"{part}/**.py", "ignore") for part in SKIP] + [("**.py", "python")])
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE, method_map=method_map, keywords=KEYWORDS
    ):
        catalog.add(message, None, [(f"acceptance_app/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def po_path(lang: str) -> Path:
    return TRANSLATIONS / lang / "LC_MESSAGES" / "acceptance_app.po"


def load(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, project="acceptance_app", charset="utf-8")
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def translations_of(mo_bytes: bytes) -> dict[object, object]:
    """The messages a compiled catalog holds, without its header: the header names the Babel version that
    wrote it, so comparing bytes would call a catalog stale on every Babel release."""
    messages = dict(gettext.GNUTranslations(io.BytesIO(mo_bytes))._catalog)  # type: ignore[attr-defined]
    messages.pop("", None)
    return messages


def missing(template: Catalog, catalog: Catalog) -> list[str]:
    out = []
    for message in template:
        if not message.id:
            continue
        entry = catalog.get(message.id, message.context)
        if entry is None or not entry.string or (isinstance(entry.string, tuple) and not all(entry.string)):
            out.append(message.id if isinstance(message.id, str) else message.id[0])
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--fill", type=Path, help="JSON object msgid -> zh_CN msgstr")
    args = parser.parse_args()
    fill = json.loads(args.fill.read_text("utf-8")) if args.fill else {}
    template = extract()
    status = 0
    for lang in LANGUAGES:
        catalog = load(lang)
        if args.check:
            gaps = missing(template, catalog)
            for message_id in gaps:
                print(f"{po_path(lang)}: no {lang} translation for {message_id!r}")
            mo = po_path(lang).with_suffix(".mo")
            if not mo.exists() or translations_of(mo.read_bytes()) != translations_of(compiled(catalog)):
                print(f"{mo}: stale, run python scripts/i18n.py")
                status = 1
            status |= bool(gaps)
            continue
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        for message in catalog:
            if isinstance(message.id, str) and message.id in fill:
                message.string = fill[message.id]
        po_path(lang).parent.mkdir(parents=True, exist_ok=True)
        with po_path(lang).open("wb") as handle:
            write_po(handle, catalog, width=0, omit_header=False, sort_output=False, no_location=True)
        po_path(lang).with_suffix(".mo").write_bytes(compiled(catalog))
        print(f"{po_path(lang)}: {len(catalog)} messages, {len(missing(template, catalog))} untranslated")
    return status


if __name__ == "__main__":
    sys.exit(main())
