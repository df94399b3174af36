"""Message catalogs for everything that is not a Qt widget: errors, CLI, PDFs.

Catalogs are gettext ``.po`` files under ``konnect_pos/resources/locale/<lang>/`` (one file
per area, all merged), read with babel at first use, so there is no compile
step. The msgid is the English text, so English needs no catalog. Qt widgets
use Qt Linguist (``self.tr``) and call ``translate_error`` for service errors.
"""

from __future__ import annotations

import gettext as _gettext
from datetime import datetime
from decimal import Decimal
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_datetime
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.units import format_unit

from konnect_pos.domain.errors import CountryCode, KonnectError
from konnect_pos.domain.money import Money, format_money
from konnect_pos.languages import LANGUAGE_NAMES as LANGUAGE_NAMES  # its home: imported before babel
from konnect_pos.paths import RESOURCES

LANGUAGES = ("en", "fr", "sw")
# babel locales used for numbers, dates and money per UI language
BABEL_LOCALES = {"en": "en", "fr": "fr", "sw": "sw"}
# dates and clock times: English as written in Tanzania (day first, 24-hour clock), not the US
DATE_LOCALES = {"en": "en_TZ", "fr": "fr", "sw": "sw"}


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise KonnectError("Unknown language: {lang}", lang=lang)
    return lang


@cache
def _catalog(lang: str) -> dict[str | tuple[str, str], Any]:
    """msgid → translation; a plural msgid (singular, plural) → (its forms, the file's plural rule)."""
    messages: dict[str | tuple[str, str], Any] = {}
    folder = RESOURCES / "locale" / lang
    for path in sorted(folder.glob("*.po")):
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        rule = _gettext.c2py(catalog.plural_expr)  # the file's Plural-Forms header, else CLDR's
        for message in catalog:
            if not message.id or message.fuzzy:
                continue
            if isinstance(message.id, tuple):
                if all(message.string):
                    messages[tuple(message.id)] = (tuple(message.string), rule)
            elif message.string:
                messages[str(message.id)] = str(message.string)
    return messages


def display_value(value: Any, lang: str) -> Any:
    """A message parameter as a reader of ``lang`` sees it: money formatted, a country named."""
    if isinstance(value, Money):
        return format_money(value, BABEL_LOCALES[lang])
    if isinstance(value, CountryCode):
        return country_name(value, lang)
    return value


def gettext(lang: str, msgid: str) -> str:
    """``msgid`` in ``lang``; the English text when no translation exists."""
    if lang == "en":
        return msgid
    found = _catalog(lang).get(msgid, msgid)
    return found if isinstance(found, str) else msgid


def tr(lang: str, msgid: str, **params: Any) -> str:
    """Translate then fill ``{name}`` placeholders (amounts and countries in ``lang``'s words)."""
    return gettext(lang, msgid).format(**{k: display_value(v, lang) for k, v in params.items()})


def ngettext(lang: str, singular: str, plural: str, n: int | Decimal, **params: Any) -> str:
    """The form of a counted message that fits ``n`` in ``lang`` ("1 day", "2 days"); ``{n}`` is filled."""
    found = _catalog(lang).get((singular, plural)) if lang != "en" else None
    if found:
        forms, rule = found
        whole = int(n) if n == int(n) else 2  # gettext's rules count whole numbers: a fraction is plural
        text = forms[min(rule(whole), len(forms) - 1)]
    else:
        text = singular if n == 1 else plural
    return text.format(n=format_decimal(n, locale=BABEL_LOCALES[lang]), **params)


def days_text(days: int | Decimal, lang: str) -> str:
    """A number of days as ``lang`` writes it: "2.5 days", "2,5 jours", "siku 3" (never "3.0")."""
    return ngettext(lang, "{n} day", "{n} days", days)


ECHO_LIMIT = 80


def _echoed(value: Any) -> Any:
    """A typed value echoed back in a message, cut short: a pasted page must not flood the line."""
    if type(value) is str:  # typed text only: a CountryCode (a str) is named, a Path shown whole
        value = " ".join(value.split())
        return value if len(value) <= ECHO_LIMIT else value[: ECHO_LIMIT - 1] + "…"
    return value


def translate_error(error: KonnectError, lang: str) -> str:
    """A service or domain error as one line in the user's language."""
    return tr(lang, error.template, **{name: _echoed(value) for name, value in error.params.items()})


def country_name(code: str, lang: str) -> str:
    """An ISO 3166 code as the country's name in ``lang`` (CLDR)."""
    return Locale.parse(BABEL_LOCALES[lang]).territories.get(code.upper(), code)


def format_data(gigabytes: Decimal | int, lang: str) -> str:
    """An amount of data in ``lang``'s unit and digits: "15 GB", "15 Go", "GB 15" (CLDR)."""
    return format_unit(gigabytes, "digital-gigabyte", "short", locale=BABEL_LOCALES[lang])


def format_local_time(moment: datetime, zone: str, lang: str) -> str:
    """A stored UTC instant as the outlet's local date and time to the minute ("29/11/2026 16:55")."""
    return format_datetime(moment, "short", tzinfo=ZoneInfo(zone), locale=DATE_LOCALES[lang])


def missing_translations(lang: str, msgids: list[str]) -> list[str]:
    """The msgids that ``lang``'s catalogs do not translate (for completeness tests)."""
    catalog = _catalog(lang)
    return [m for m in msgids if m not in catalog]
