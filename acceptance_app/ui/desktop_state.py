"""What the window remembers between sessions: its geometry, splitter sizes, the last project, the last folder
a file dialog used, the last discipline. Qt's QSettings in INI format, kept in the data folder (window.ini), so
a data folder carried to another laptop brings its layout along and tests never touch the user's files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

FILE_NAME = "window.ini"
_path: Path | None = None


def use_folder(data_dir: Path) -> None:
    global _path  # noqa: PLW0603 - one data folder per process; set by the window before any read
    _path = data_dir / FILE_NAME


def store() -> QSettings:
    assert _path is not None, "use_folder() first"
    return QSettings(str(_path), QSettings.Format.IniFormat)


def value(key: str, default: str = "") -> str:
    if _path is None:
        return default
    found = store().value(key, default)
    return found if isinstance(found, str) else default


def set_value(key: str, text: str) -> None:
    if _path is not None:
        store().setValue(key, text)


def last_folder() -> str:
    """Where the next file dialog opens: the folder used last (never the program's install folder)."""
    folder = value("dialogs/last_folder")
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def remember_folder(path: str) -> None:
    if path:
        target = Path(path)
        set_value("dialogs/last_folder", str(target if target.is_dir() else target.parent))


def _splitter_key(splitter: QSplitter, top: QWidget) -> str:
    parts = []
    widget: QWidget | None = splitter
    while widget is not None and widget is not top:
        parent = widget.parentWidget()
        siblings = [c for c in (parent.findChildren(type(widget)) if parent else []) if c.parentWidget() is parent]
        parts.append(widget.objectName() or f"{type(widget).__name__}{siblings.index(widget) if widget in siblings else 0}")
        widget = parent
    return "splitters/" + "/".join(reversed(parts))


def save_splitters(top: QWidget) -> None:
    if _path is None:
        return
    settings = store()
    for splitter in top.findChildren(QSplitter):
        settings.setValue(_splitter_key(splitter, top), splitter.saveState())


def restore_splitters(top: QWidget, root: QWidget | None = None) -> None:
    """Splitters under ``top`` (keys counted from ``root``, the window, so a page built later finds its own)."""
    if _path is None:
        return
    settings = store()
    for splitter in top.findChildren(QSplitter):
        state = settings.value(_splitter_key(splitter, root or top))
        if isinstance(state, QByteArray):
            splitter.restoreState(state)


def save_geometry(window: QWidget) -> None:
    if _path is not None:
        store().setValue("window/geometry", window.saveGeometry())


def restore_geometry(window: QWidget) -> bool:
    if _path is None:
        return False
    state = store().value("window/geometry")
    # restoreGeometry puts a window that was on a now-missing larger screen back inside the available one.
    return isinstance(state, QByteArray) and window.restoreGeometry(state)
