"""Who the app is to the desktop: names, version, icon (task bar, window list, .desktop matching), and the
splash shown before the font and the window are built.

The splash is the icon alone on a plain pixmap: drawing no text, it needs no font, so it appears before Qt's
font database is set up (on a first start after install, fontconfig may be building its caches then).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QSplashScreen

from acceptance_app import APP_NAME, __version__
from acceptance_app.i18n import _
from acceptance_app.locator import resource

ORGANIZATION = "acceptance_app"
DESKTOP_FILE = "acceptance-app"  # scripts/dist/acceptance-app.desktop: docks group the window under it


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("acceptance-app-48.png", "acceptance-app-128.png", "acceptance-app.png"):
        path = resource("icons", name)
        if path.is_file():
            icon.addFile(str(path))
    return icon


def set_identity(app: QApplication) -> None:
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName(_("Joint completion acceptance"))
    QGuiApplication.setDesktopFileName(DESKTOP_FILE)
    app.setWindowIcon(app_icon())


def show_splash(app: QApplication, size: int = 280) -> QSplashScreen | None:
    """Show the splash at once (None when the platform cannot show windows, e.g. offscreen tests)."""
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return None
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor("white"))
    icon = QPixmap(str(resource("icons", "acceptance-app.png")))
    painter = QPainter(pixmap)
    margin = (size - icon.width()) // 2
    painter.drawPixmap(margin, margin, icon)
    painter.end()
    splash = QSplashScreen(QPixmap(), Qt.WindowType.WindowStaysOnTopHint)
    splash.show()
    # Setting the pixmap of a visible splash makes QSplashScreen wait for the window to be exposed and paint it
    # at once: the splash is on screen before the font and the window are built, without spinning the loop.
    splash.setPixmap(pixmap)
    return splash
