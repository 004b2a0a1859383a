"""Windows sized to the screen they open on: a wish (1200x800) becomes at most the screen's free area, so a
1366x768 laptop (or 1920x1080 at 150 %, 1280x720 logical) never gets a status line below the taskbar."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

FRAME_ALLOWANCE = (16, 40)  # window frame and title bar, which geometry() does not include


def resize_to_screen(window: QWidget, width: int, height: int) -> None:
    screen = window.screen()
    if screen is None:
        window.resize(width, height)
        return
    free = screen.availableGeometry()
    window.resize(min(width, free.width() - FRAME_ALLOWANCE[0]), min(height, free.height() - FRAME_ALLOWANCE[1]))
