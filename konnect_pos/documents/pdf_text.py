"""Words, dates and money for PDFs in the document's language (babel + gettext catalogs)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel.dates import format_date

from konnect_pos.domain.money import Money, format_money
from konnect_pos.i18n import BABEL_LOCALES, DATE_LOCALES, format_data, format_local_time, tr

# reportlab's built-in fonts use WinAnsi: babel's narrow no-break space (fr) becomes a plain one.
_WINANSI_FIX = str.maketrans({"\u202f": "\u00a0", "\u2009": " ", "\u2013": "-", "\u2019": "'"})


def clean(text: str) -> str:
    return text.translate(_WINANSI_FIX)


def words(lang: str, msgid: str, **params: object) -> str:
    return clean(tr(lang, msgid, **params))


def money(value: Money, lang: str) -> str:
    return clean(format_money(value, BABEL_LOCALES[lang]))


def local_time(moment: datetime, zone: str, lang: str) -> str:
    """The outlet's local date and time to the minute, as on every screen."""
    return clean(format_local_time(moment, zone, lang))


def data_amount(gigabytes: Decimal | int, lang: str) -> str:
    """GB in the document's language: "15 GB", "15 Go"."""
    return clean(format_data(gigabytes, lang))


def local_date(moment: datetime, zone: str, lang: str) -> str:
    return clean(format_date(moment.astimezone(ZoneInfo(zone)), "medium", locale=DATE_LOCALES[lang]))


def calendar_date(day: date, lang: str) -> str:
    """A calendar day (no clock time, no zone), e.g. a plan's paid-until date."""
    return clean(format_date(day, "medium", locale=DATE_LOCALES[lang]))
