"""The cached CJK face: the same font as a fresh parse, rebuilt when the cache is missing, stale or damaged."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from acceptance_app import locator
from acceptance_app.reports.fontcache import load_ttfont

SAMPLE = "联合验收意见书 ℃ ㎡ ± ≥ ≤ ① Abc 123"


def _same_font(cached: TTFont, parsed: TTFont) -> None:
    assert vars(cached).keys() == vars(parsed).keys()
    assert (cached.fontName, cached.shapable, cached._asciiReadable) == (
        parsed.fontName, parsed.shapable, parsed._asciiReadable)
    mine, theirs = dict(vars(cached.face)), dict(vars(parsed.face))
    assert mine.pop("_pdfScale")(2048) == theirs.pop("_pdfScale")(2048)
    assert bytes(mine.pop("_ttf_data")) == theirs.pop("_ttf_data")  # a cached face maps the file
    assert mine == theirs
    assert cached.stringWidth(SAMPLE, 10) == parsed.stringWidth(SAMPLE, 10)
    assert cached.face.makeSubset(list(map(ord, "验收℃"))) == parsed.face.makeSubset(list(map(ord, "验收℃")))


def test_a_cached_face_equals_a_parsed_one(tmp_path: Path) -> None:
    path = locator.font_path(bold=True)
    first = load_ttfont("F", path, tmp_path)  # parses and writes the cache
    cache_file = tmp_path / "fonts" / f"{path.stem}.marshal"
    assert cache_file.exists()
    second = load_ttfont("F", path, tmp_path)  # from the cache
    _same_font(second, TTFont("F", str(path)))
    _same_font(first, TTFont("F", str(path)))


def test_a_stale_or_damaged_cache_is_parsed_again(tmp_path: Path) -> None:
    regular, bold = locator.font_path(bold=False), locator.font_path(bold=True)
    load_ttfont("F", bold, tmp_path)
    stale = tmp_path / "fonts" / f"{regular.stem}.marshal"
    stale.write_bytes((tmp_path / "fonts" / f"{bold.stem}.marshal").read_bytes())  # the other font's faces
    _same_font(load_ttfont("F", regular, tmp_path), TTFont("F", str(regular)))
    stale.write_bytes(b"\x00 not marshal")
    _same_font(load_ttfont("F", regular, tmp_path), TTFont("F", str(regular)))
    _same_font(load_ttfont("F", regular, tmp_path), TTFont("F", str(regular)))  # rewritten good


def test_a_font_file_changed_since_is_parsed_again(tmp_path: Path) -> None:
    regular, bold = locator.font_path(bold=False), locator.font_path(bold=True)
    font = tmp_path / "font.ttf"
    shutil.copyfile(bold, font)
    load_ttfont("F", font, tmp_path)  # cached as the bold face
    shutil.copyfile(regular, font)  # another file under the same name: another size and time
    _same_font(load_ttfont("F", font, tmp_path), TTFont("F", str(font)))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the shortcut is taken on Linux only")
@pytest.mark.parametrize("xdg", [None, "/tmp/some-xdg-cache"])
def test_the_cache_folder_is_where_platformdirs_puts_it(monkeypatch: pytest.MonkeyPatch, xdg: str | None) -> None:
    from platformdirs import user_cache_dir

    from acceptance_app import APP_NAME
    from acceptance_app.reports.fontcache import CACHE_DIR_ENV, cache_dir

    monkeypatch.delenv(CACHE_DIR_ENV, raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert cache_dir() == Path(user_cache_dir(APP_NAME, appauthor=False))
