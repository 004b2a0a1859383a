"""First-run work: the font cache is filled off the GUI thread on a first start, and not touched later."""

from __future__ import annotations

from acceptance_app.locator import font_path
from acceptance_app.reports import fontcache

from acceptance_app.ui import first_run


def test_the_cache_files_are_where_fontcache_writes_them(tmp_path, monkeypatch):
    monkeypatch.delenv(fontcache.CACHE_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    expected = [fontcache.cache_dir() / "fonts" / f"{font_path(bold).stem}.marshal" for bold in (False, True)]
    assert first_run.font_cache_files() == expected
    monkeypatch.setenv(fontcache.CACHE_DIR_ENV, str(tmp_path / "own"))
    assert first_run.font_cache_files()[0].parent == fontcache.cache_dir() / "fonts"


def test_a_first_start_fills_the_cache_in_a_thread_and_a_later_start_starts_none(tmp_path, monkeypatch):
    monkeypatch.setenv(fontcache.CACHE_DIR_ENV, str(tmp_path / "cache"))
    thread = first_run.warm_caches_in_background()
    assert thread is not None and thread.name == "first-run-caches"
    thread.join(120)
    assert all(path.is_file() for path in first_run.font_cache_files())
    assert first_run.warm_caches_in_background() is None
