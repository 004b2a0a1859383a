"""First-run work off the GUI thread. After the window is ready on a first start, fill the cache a first
document render would otherwise fill while the inspector waits: ReportLab's parsed font faces
(reports/fontcache.py, about 0.1 s a face plus ReportLab's import, written once per font file). A later start
finds the cache files and starts no thread: importing ReportLab would cost the GUI process 0.2 s of the GIL.
The work is plain Python in a daemon thread; an error only means the first render parses the font itself."""

from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path

from acceptance_app import APP_NAME
from acceptance_app.locator import font_path

log = logging.getLogger(__name__)


def font_cache_files() -> list[Path]:
    """Where reports/fontcache.py keeps the parsed faces (its cache_dir(), without importing ReportLab;
    tests/ui/test_first_run.py checks the two agree)."""
    folder = os.environ.get("ACCEPTANCE_APP_CACHE_DIR")
    if folder:
        root = Path(folder).expanduser()
    elif sys.platform.startswith("linux"):
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / APP_NAME
    else:
        from platformdirs import user_cache_dir

        root = Path(user_cache_dir(APP_NAME, appauthor=False))
    return [root / "fonts" / f"{font_path(bold).stem}.marshal" for bold in (False, True)]


def _warm() -> None:
    try:
        from acceptance_app.reports.fontcache import load_ttfont

        for bold, path in zip((False, True), font_cache_files(), strict=True):
            if not path.is_file():
                load_ttfont(path.stem, font_path(bold))  # parses the face and writes its cache file
    except Exception:  # noqa: BLE001 - a cache only: the first render will parse the font itself
        log.warning("font cache not prepared", exc_info=True)


def warm_caches_in_background() -> threading.Thread | None:
    """Start the first-run work if there is any; the thread, or None when every cache is there."""
    if all(path.is_file() for path in font_cache_files()):
        return None
    thread = threading.Thread(target=_warm, name="first-run-caches", daemon=True)
    thread.start()
    return thread
