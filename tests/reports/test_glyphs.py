"""ReportLab prints a missing glyph as a blank without an error: every character the documents use must be
in the bundled font (both weights)."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

import acceptance_app.reports as reports_package
from acceptance_app import locator
from acceptance_app.reports import labels
from tests.reports import sample

EXTRA = "℃㎡±≥≤①②③④⑤×〔〕—“”‘’：；、。，（）《》·°№ⅠⅡⅢ"


def _literals(folder: Path) -> str:
    text = []
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text.append(node.value)
    return "".join(text)


def _values(value: object) -> str:
    if dataclasses.is_dataclass(value):
        return "".join(_values(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, tuple | list):
        return "".join(_values(v) for v in value)
    return str(value)


def _used_characters() -> set[str]:
    text = _literals(Path(reports_package.__file__).parent) + EXTRA
    text += "".join(v for name, table in vars(labels).items() if name.isupper() for v in table.values() if isinstance(v, str))
    for make in (sample.opinion, sample.rectification, sample.service_report, sample.record_sheet):
        text += _values(make())
    return {c for c in text if not c.isspace() and ord(c) >= 0x20}


@pytest.mark.parametrize("bold", [False, True])
def test_every_character_the_documents_use_is_in_the_font(bold: bool) -> None:
    with TTFont(locator.font_path(bold=bold), lazy=True) as font:
        cmap = font.getBestCmap()
    missing = sorted(c for c in _used_characters() if ord(c) not in cmap)
    assert missing == [], f"not in {locator.font_path(bold).name}: {''.join(missing)}"
