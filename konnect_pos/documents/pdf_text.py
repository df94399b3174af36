"""Words, dates and money for PDFs in the document's language (babel + gettext catalogs)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime

from konnect_pos.domain.money import Money, format_money
from konnect_pos.i18n import BABEL_LOCALES, tr

# reportlab's built-in fonts use WinAnsi: babel's narrow no-break space (fr) becomes a plain one.
_WINANSI_FIX = str.maketrans({"\u202f": "\u00a0", "\u2009": " ", "\u2013": "-", "\u2019": "'"})


def clean(text: str) -> str:
    return text.translate(_WINANSI_FIX)


def words(lang: str, msgid: str, **params: object) -> str:
    return clean(tr(lang, msgid, **params))


def money(value: Money, lang: str) -> str:
    return clean(format_money(value, BABEL_LOCALES[lang]))


def local_datetime(moment: datetime, zone: str, lang: str) -> str:
    return clean(format_datetime(moment, "medium", tzinfo=ZoneInfo(zone), locale=BABEL_LOCALES[lang]))


def local_date(moment: datetime, zone: str, lang: str) -> str:
    return clean(format_date(moment.astimezone(ZoneInfo(zone)), "medium", locale=BABEL_LOCALES[lang]))


def calendar_date(day: date, lang: str) -> str:
    """A calendar day (no clock time, no zone), e.g. a plan's paid-until date."""
    return clean(format_date(day, "medium", locale=BABEL_LOCALES[lang]))
