"""Bundle advice and the outlet directory in the reader's words (en / fr / sw), for GUI and CLI.

English msgids; fr and sw in resources/locale/<lang>/advice.po. The domain gives facts
(reason, days, percent, trigger); the sentence is made here once for every screen.
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel.dates import get_day_names
from babel.numbers import format_decimal

from konnect_pos.domain.advice import AdviceReason, BundleAdvice
from konnect_pos.domain.outlet_directory import Nearby
from konnect_pos.i18n import BABEL_LOCALES, country_name, gettext, ngettext, tr
from konnect_pos.payment_names import method_name

WHEN = {
    "immediate": "now",
    "period_end": "at the end of the period",
    "data_exhausted": "when the data runs out",
}
RAN_OUT = (
    "ran out after {n} day on average: {bundle}, {when}",
    "ran out after {n} days on average: {bundle}, {when}",
)
DORMANT = (
    "{n} day without a bundle on average between renewals: {bundle}, {when}",
    "{n} days without a bundle on average between renewals: {bundle}, {when}",
)
LEFT_OVER = "used {percent}% of the data on average: {bundle}, {when}"
NO_HISTORY = "no history yet: {bundle}, the cheapest"
ADVICE = "Advice: {reason}"
KINDS = {"shop": "Konnect shop", "distributor": "distributor"}
DISTANCE = "{km} km"
NEAREST_HEAD = "Nearest to {origin}:"
NONE_NEAR = "No shop or distributor in the directory"

MSGIDS = (
    *WHEN.values(),
    *RAN_OUT,
    *DORMANT,
    LEFT_OVER,
    NO_HISTORY,
    ADVICE,
    *KINDS.values(),
    DISTANCE,
    NEAREST_HEAD,
    NONE_NEAR,
)
PLURALS = (RAN_OUT, DORMANT)


def advice_reason(advice: BundleAdvice, lang: str) -> str:
    """ "ran out after 9 days on average: Konnect Standard 40 GB, when the data runs out"."""
    params = {"bundle": advice.offer.name, "when": gettext(lang, WHEN[advice.trigger.value])}
    if advice.reason is AdviceReason.RAN_OUT:
        return ngettext(lang, *RAN_OUT, advice.days or 0, **params)
    if advice.reason is AdviceReason.DORMANT:
        return ngettext(lang, *DORMANT, advice.days or 0, **params)
    if advice.reason is AdviceReason.LEFT_OVER:
        return tr(lang, LEFT_OVER, percent=advice.percent, **params)
    return tr(lang, NO_HISTORY, bundle=advice.offer.name)


def advice_line(advice: BundleAdvice, lang: str) -> str:
    return tr(lang, ADVICE, reason=advice_reason(advice, lang))


def kind_name(kind: str, lang: str) -> str:
    return gettext(lang, KINDS.get(kind, kind))


def distance_text(km: Decimal, lang: str) -> str:
    return tr(lang, DISTANCE, km=format_decimal(km, format="#,##0.0", locale=BABEL_LOCALES[lang]))


OSM_DAYS = {"Mo": 0, "Tu": 1, "We": 2, "Th": 3, "Fr": 4, "Sa": 5, "Su": 6}


def hours_text(opening_hours: str, lang: str) -> str:
    """The directory's hours (OpenStreetMap's "Mo-Sa 08:00-17:30") with the reader's day names:
    "Mon–Sat 08:00–17:30", "lun.–sam. 08:00–17:30", "Jumatatu–Jumamosi 08:00–17:30"."""
    names = get_day_names("abbreviated", locale=BABEL_LOCALES[lang])
    days = re.sub(r"\b(Mo|Tu|We|Th|Fr|Sa|Su)\b", lambda m: names[OSM_DAYS[m.group(1)]], opening_hours)
    return days.replace("-", "–")


def methods_text(methods: tuple[str, ...], lang: str) -> str:
    return ", ".join(method_name(m, lang) for m in methods)


def nearby_line(rank: int, found: Nearby, lang: str) -> str:
    """One ranked outlet on one line: where, how far, when open, phone, what it takes."""
    o = found.outlet
    where = o.address if o.town in o.address else ", ".join(p for p in (o.address, o.town) if p)
    place = f"{where}, {country_name(o.country, lang)}"
    return " — ".join(
        part
        for part in (
            f"{rank}. {o.name} ({kind_name(o.kind, lang)})",
            distance_text(found.distance_km, lang),
            place,
            hours_text(o.opening_hours, lang),
            o.phone,
            methods_text(o.methods, lang),
        )
        if part
    )
