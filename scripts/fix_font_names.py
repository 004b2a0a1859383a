"""Gives the bundled fonts their real names.

``fonttools varLib.instancer`` keeps the variable font's default-instance names, so both static instances came
out named "Noto Sans SC Thin" (family, full and PostScript names) and the Bold one was not flagged bold:
font dialogs, PDF viewers' font lists and `fc-list` showed a Thin font. This sets, for Regular and Bold: family
"Noto Sans SC", subfamily "Regular"/"Bold", full name, PostScript name "NotoSansSC-Regular"/"NotoSansSC-Bold",
the typographic family/subfamily, and the OS/2 and head style bits. Outlines and metrics are untouched.

    python scripts/fix_font_names.py    # rewrites resources/fonts/NotoSansSC-{Regular,Bold}.ttf in place
"""

from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"
FAMILY = "Noto Sans SC"


def names_for(style: str) -> dict[int, str]:
    full = FAMILY if style == "Regular" else f"{FAMILY} {style}"
    postscript = f"NotoSansSC-{style}"
    return {1: FAMILY, 2: style, 3: f"{postscript};static instance", 4: full, 6: postscript, 16: FAMILY, 17: style}


def fix(path: Path, style: str) -> None:
    font = TTFont(path)
    table = font["name"]
    for name_id, value in names_for(style).items():
        table.removeNames(nameID=name_id)
        table.setName(value, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, English (US)
        table.setName(value, name_id, 1, 0, 0)  # Macintosh, Roman, English
    os2, head = font["OS/2"], font["head"]
    bold = style == "Bold"
    os2.usWeightClass = 700 if bold else 400
    os2.fsSelection = (os2.fsSelection & ~0b1100001) | (0b100000 if bold else 0b1000000)  # BOLD (5) / REGULAR (6)
    head.macStyle = (head.macStyle & ~1) | int(bold)
    font.save(path)


def main() -> None:
    for style in ("Regular", "Bold"):
        fix(FONTS / f"NotoSansSC-{style}.ttf", style)


if __name__ == "__main__":
    main()
