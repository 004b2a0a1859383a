"""Qt's own strings (Yes/No/Cancel buttons, file dialogs) in the UI language, from the catalogs in the wheel."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from acceptance_app import i18n


def install_qt_translations(app: QApplication) -> bool:
    language = i18n.current_language()
    # Dates, numbers and sizes in Qt's own dialogs follow the UI language, not the system's (often C/English).
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return False
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QLocale(language), "qtbase", "_", folder):
        return False
    app.installTranslator(translator)
    return True
