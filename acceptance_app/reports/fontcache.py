"""The parsed CJK TrueType face, cached between processes.

ReportLab parses the whole cmap and metrics of a font at every registration: for Noto Sans SC (about 31,000
glyphs) that is some 70 ms a face, more than the rest of a one-unit opinion's layout. The parsed face is kept
in the user cache folder, keyed like Python's own bytecode cache by the font file's size and modification time
(and the ReportLab version), as marshal data (plain dicts, lists and numbers: loading it runs no code, unlike a
pickle). A missing, unreadable or stale cache file just means the font is parsed again and the cache rewritten;
the cache is never required. A face from the cache maps the font file instead of reading it: ReportLab reads
only the tables and glyphs of the characters a document uses, when it embeds the subset.
"""

from __future__ import annotations

import gc
import marshal
import mmap
import os
import sys
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from acceptance_app import APP_NAME
from acceptance_app.fileio import atomic_write_bytes

CACHE_DIR_ENV = "ACCEPTANCE_APP_CACHE_DIR"
_FORMAT = 2
# Set by ReportLab while parsing and rebuilt here: the raw file bytes (mapped) and the unit scaling function
# (a lambda, so not data).
_REBUILT = ("_ttf_data", "_pdfScale")


def cache_dir() -> Path:
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env).expanduser()
    if sys.platform.startswith("linux"):  # what platformdirs answers there, without its 35 ms import
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / APP_NAME
    from platformdirs import user_cache_dir  # imported late: only needed without an explicit folder

    return Path(user_cache_dir(APP_NAME, appauthor=False))


def load_ttfont(name: str, path: Path, folder: Path | None = None) -> TTFont:
    """A TTFont for ``path`` registered under ``name``, equal to ``TTFont(name, str(path))``, from the cache
    when it holds this very file (same sha256) parsed by this ReportLab version."""
    cache_file = (folder or cache_dir()) / "fonts" / f"{path.stem}.marshal"
    with path.open("rb") as handle:
        facts = os.fstat(handle.fileno())
        key = f"{_FORMAT}:{reportlab.Version}:{marshal.version}:{facts.st_size}:{facts.st_mtime_ns}"
        state = _read_cache(cache_file)
        if state is None or state.pop("key") != key:
            font = TTFont(name, str(path))
            _write_cache(cache_file, key, font.face)
            return font
        raw = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)  # stays valid after the file is closed
    return _font_from_state(name, state, raw)


def _read_cache(cache_file: Path) -> dict[str, Any] | None:
    """The cached face's attributes and the "key" it was stored under, or None."""
    # The face is some 100,000 small objects: garbage collections triggered while they are made would
    # each walk all of them (a third of the load time), and they hold no cycles.
    collecting = gc.isenabled()
    gc.disable()
    try:
        blob = marshal.loads(cache_file.read_bytes())
        state, names = blob["state"], blob["names"]
        state["glyphToChar"] = _unpack_glyph_to_char(*state["glyphToChar"])
        for attribute in names:  # TTFNameBytes (bytes with the decoded .ustr) stored as their UTF-8 bytes
            state[attribute] = TTFNameBytes(state[attribute], "utf8")
        state["key"] = blob["key"]
        return state
    except (OSError, EOFError, ValueError, TypeError, KeyError):  # missing, damaged or of another format
        return None
    finally:
        if collecting:
            gc.enable()


def _write_cache(cache_file: Path, key: str, face: TTFontFace) -> None:
    state = {k: v for k, v in vars(face).items() if k not in _REBUILT}
    names = [k for k, v in state.items() if isinstance(v, TTFNameBytes)]
    state.update({k: bytes(state[k]) for k in names})
    state["glyphToChar"] = _pack_glyph_to_char(state["glyphToChar"])
    try:
        atomic_write_bytes(cache_file, marshal.dumps({"key": key, "state": state, "names": names}))
    except (OSError, ValueError):  # a read-only home or a face holding something marshal cannot keep
        pass


def _pack_glyph_to_char(glyph_to_char: dict[int, list[int]]) -> tuple[list[int], list[int], dict[int, list[int]]]:
    """Glyph -> characters as two flat lists for the usual single character, and the rest as they are:
    marshal loads a dict of 30,000 one-item lists three times slower than this rebuilds it."""
    single = {g: chars[0] for g, chars in glyph_to_char.items() if len(chars) == 1}
    return list(single), list(single.values()), {g: c for g, c in glyph_to_char.items() if len(c) != 1}


def _unpack_glyph_to_char(glyphs: list[int], chars: list[int], others: dict[int, list[int]]) -> dict[int, list[int]]:
    table = {g: [c] for g, c in zip(glyphs, chars, strict=True)}
    table.update(others)
    return table


def _font_from_state(name: str, state: dict[str, Any], raw: mmap.mmap) -> TTFont:
    face = TTFontFace.__new__(TTFontFace)  # skips the parse; the state is what the parse left behind
    face.__dict__.update(state)
    face._ttf_data = raw
    units_per_em = face.unitsPerEm
    face._pdfScale = (lambda x: x) if units_per_em == 1000 else (lambda x: x * (1000 / units_per_em))
    # The rest mirrors TTFont.__init__ (tests/reports/test_fontcache.py compares it with a parsed font).
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, pattern) for pattern in rl_config.unShapedFontGlob)
    return font
