"""Qt's own strings (Yes/No/Cancel buttons, file dialogs) in the UI language, from the catalogs in the wheel.

Qt 6's qtbase_zh_CN catalog lags behind its sources: the file dialog's "&Look in:" and "Files of &type:" (renamed
with accelerators in Qt 6) and the folder type stay English, and "Size" reads 体积. A few lines of our own fill
those gaps, installed after Qt's catalog so they are asked first.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from acceptance_app import i18n

QT_GAPS_ZH = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QFileSystemModel", "Size"): "大小",
    ("QFileDialog", "Show &size column"): "显示大小列",
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QFileSystemModel", "Folder"): "文件夹",
}


class _GapTranslator(QTranslator):
    def __init__(self, table: dict[tuple[str, str], str], parent: QApplication) -> None:
        super().__init__(parent)
        self.table = table

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return self.table.get((context, source))  # None: a null QString, "not mine"


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
    if language == "zh_CN":
        app.installTranslator(_GapTranslator(QT_GAPS_ZH, app))
    return True
