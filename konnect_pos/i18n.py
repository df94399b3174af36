"""Message catalogs for everything that is not a Qt widget: errors, CLI, PDFs.

Catalogs are gettext ``.po`` files under ``resources/locale/<lang>/`` (one file
per area, all merged), read with babel at first use, so there is no compile
step. The msgid is the English text, so English needs no catalog. Qt widgets
use Qt Linguist (``self.tr``) and call ``translate_error`` for service errors.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from babel.messages.pofile import read_po

from konnect_pos.domain.errors import KonnectError
from konnect_pos.paths import RESOURCES

LANGUAGES = ("en", "fr", "sw")
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "sw": "Kiswahili"}
# babel locales used for numbers, dates and money per UI language
BABEL_LOCALES = {"en": "en", "fr": "fr", "sw": "sw"}


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise KonnectError("Unknown language: {lang}", lang=lang)
    return lang


@cache
def _catalog(lang: str) -> dict[str, str]:
    messages: dict[str, str] = {}
    folder = RESOURCES / "locale" / lang
    for path in sorted(folder.glob("*.po")):
        with path.open("rb") as handle:
            for message in read_po(handle, locale=lang):
                if message.id and message.string and not message.fuzzy:
                    messages[str(message.id)] = str(message.string)
    return messages


def gettext(lang: str, msgid: str) -> str:
    """``msgid`` in ``lang``; the English text when no translation exists."""
    if lang == "en":
        return msgid
    return _catalog(lang).get(msgid, msgid)


def tr(lang: str, msgid: str, **params: Any) -> str:
    """Translate then fill ``{name}`` placeholders."""
    return gettext(lang, msgid).format(**params)


ECHO_LIMIT = 80


def _echoed(value: Any) -> Any:
    """A typed value echoed back in a message, cut short: a pasted page must not flood the line."""
    if isinstance(value, str):
        value = " ".join(value.split())
        return value if len(value) <= ECHO_LIMIT else value[: ECHO_LIMIT - 1] + "…"
    return value


def translate_error(error: KonnectError, lang: str) -> str:
    """A service or domain error as one line in the user's language."""
    return tr(lang, error.template, **{name: _echoed(value) for name, value in error.params.items()})


def missing_translations(lang: str, msgids: list[str]) -> list[str]:
    """The msgids that ``lang``'s catalogs do not translate (for completeness tests)."""
    catalog = _catalog(lang)
    return [m for m in msgids if m not in catalog]
