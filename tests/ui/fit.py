"""Does a window fit a laptop screen? Every visible child inside the window, the window no bigger than asked."""

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QHeaderView, QScrollBar, QWidget


def _scrolls(widget: QWidget, top: QWidget) -> bool:
    """Inside a scroll area's viewport (table rows, scrolled forms): reachable by scrolling, not cut off."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent.parentWidget().viewport() is parent:
            return True
        parent = parent.parentWidget()
    return False


def outside(top: QWidget) -> list[str]:
    """Visible widgets of ``top`` that lie (partly) outside its area, or are squeezed below their minimum."""
    area = top.rect()
    problems = []
    for widget in top.findChildren(QWidget):
        if widget.isWindow() or not widget.isVisibleTo(top) or _scrolls(widget, top):
            continue
        if isinstance(widget, QHeaderView | QScrollBar):  # parts of a scroll area, sized by it
            continue
        rect = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
        name = f"{type(widget).__name__}({widget.objectName() or getattr(widget, 'text', lambda: '')()!s:.30})"
        if not area.contains(rect):
            problems.append(f"{name} at {rect.getRect()} outside {area.getRect()}")
        minimum = widget.minimumSizeHint()
        if widget.height() + 1 < min(minimum.height(), widget.minimumHeight() or minimum.height()):
            problems.append(f"{name} squeezed to {widget.height()} < {minimum.height()}")
    return problems


def fits(top: QWidget, width: int, height: int) -> list[str]:
    top.resize(width, height)
    problems = outside(top)
    if top.width() > width or top.height() > height:
        hint = top.minimumSizeHint()
        problems.insert(0, f"{type(top).__name__} is {top.width()}x{top.height()} (minimum {hint.width()}x"
                           f"{hint.height()}), not {width}x{height}")
    return problems
