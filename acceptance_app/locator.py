"""Finds the shipped data folders (resources/, forms/) at run time.

In a wheel they live under ``acceptance_app/_data`` (see pyproject's force-include); in a source checkout
or an editable install they are the top-level folders beside the package. Never relative to the CWD.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _data_root(name: str) -> Path:
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"shipped folder {name!r} not found next to {_PACKAGE_DIR}")


def resources_dir() -> Path:
    return _data_root("resources")


def forms_dir() -> Path:
    return _data_root("forms")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def font_path(bold: bool = False) -> Path:
    """The one CJK TrueType font used by Qt, ReportLab and signature stamps alike."""
    return resource("fonts", "NotoSansSC-Bold.ttf" if bold else "NotoSansSC-Regular.ttf")


FONT_FAMILY = "Noto Sans SC"
