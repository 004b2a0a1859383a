"""The bundled fonts carry their real names (scripts/fix_font_names.py), not the variable font's "Thin"."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from acceptance_app.locator import FONT_FAMILY, font_path


@pytest.mark.parametrize(("bold", "style", "weight"), [(False, "Regular", 400), (True, "Bold", 700)])
def test_font_names_and_style_bits(bold, style, weight):
    with TTFont(font_path(bold), lazy=True) as font:
        _check(font, style, weight, bold)


def _check(font: TTFont, style: str, weight: int, bold: bool) -> None:
    names = font["name"]
    postscript = f"NotoSansSC-{style}"
    assert names.getDebugName(1) == FONT_FAMILY
    assert names.getDebugName(2) == style
    assert names.getDebugName(4) == (FONT_FAMILY if style == "Regular" else f"{FONT_FAMILY} Bold")
    assert names.getDebugName(6) == postscript
    assert not [r for r in names.names if "Thin" in r.toUnicode()]
    assert font["OS/2"].usWeightClass == weight
    assert bool(font["OS/2"].fsSelection & 0b100000) is bold and bool(font["head"].macStyle & 1) is bold
