"""Opening an exchange package given on the command line (a double-click on a .acpkg file: the Windows
installer's association and the Linux desktop entry start ``acceptance-app gui FILE``): the Sync tab shows and
imports it, with the same checks and questions (an unknown sender's key) as its Import button."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from acceptance_app.ui.main_window import MainWindow


def import_package_file(window: MainWindow, path: Path) -> None:
    page = window.project_page
    window.pages.setCurrentWidget(page)
    page.tabs.setCurrentWidget(page.sync_panel)
    page.sync_panel.import_package(path=str(path))
