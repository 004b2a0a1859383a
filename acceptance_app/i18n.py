"""One translation mechanism for the UI and the CLI: stdlib gettext.

Message ids are English; Simplified Chinese (zh_CN) is shipped and is the default; English is the
identity catalog. Documents in reports/ are official Chinese wording and do not go through here.
Catalogs: resources/translations/<lang>/LC_MESSAGES/acceptance_app.{po,mo}; ``scripts/i18n.py`` extracts,
merges and compiles them.
"""

from __future__ import annotations

import gettext as _gettext

from acceptance_app.locator import resource

DOMAIN = "acceptance_app"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

_translation: _gettext.NullTranslations | None = None
_language = DEFAULT_LANGUAGE


def install(language: str = DEFAULT_LANGUAGE) -> None:
    """Select the catalog used by ``_``; unknown languages fall back to zh_CN."""
    global _translation, _language
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    if language == "en":
        _translation = _gettext.NullTranslations()
    else:
        _translation = _gettext.translation(DOMAIN, localedir=resource("translations"), languages=[language])
    _language = language


def current_language() -> str:
    return _language


def _catalog() -> _gettext.NullTranslations:
    if _translation is None:
        install(_language)
    assert _translation is not None
    return _translation


def _(message: str) -> str:
    return _catalog().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _catalog().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now (translated later with ``_``)."""
    return message

