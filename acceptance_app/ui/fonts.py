"""Loads the bundled CJK font and makes it the application font, so no machine shows tofu boxes or
Japanese glyph forms (with LANG=C.UTF-8 fontconfig picks Noto Sans CJK JP, which centres the full-width
colon; the family is set by name)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from acceptance_app.locator import FONT_FAMILY, font_path


def install_app_font(app: QApplication, point_size: int = 10) -> str:
    families: list[str] = []
    for bold in (False, True):
        font_id = QFontDatabase.addApplicationFont(str(font_path(bold)))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    family = FONT_FAMILY if FONT_FAMILY in families else (families[0] if families else app.font().family())
    font = QFont(family, point_size)
    app.setFont(font)
    return family
