"""The short receipt text sent by SMS or WhatsApp, built from the same frozen data as the printed one.

An SMS is made to fit one part when it can: the text is folded to the GSM 7-bit alphabet
(``domain.sms.gsm_text``: "Reçu" → "Recu", babel's no-break spaces → spaces), then shortened
step by step in a fixed order until it fits: the outlet's name goes, then the brand the first line
already says ("Konnect Standard 40 GB" → "Standard 40 GB"), then bundle names are cut to 16 and
10 characters. A sale of many bundles that still needs more than ``MAX_PARTS`` lists
its first bundles and "and N more". WhatsApp has no parts: it gets the whole text, accents kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from konnect_pos.documents.receipt_data import ReceiptData, ReceiptLine
from konnect_pos.domain.money import format_money
from konnect_pos.domain.sms import SmsCount, gsm_text, sms_count
from konnect_pos.i18n import BABEL_LOCALES, tr

CHANNELS = ("sms", "whatsapp")
MAX_PARTS = 3
BRAND = "Konnect "
# (keep the outlet's name, keep the brand in bundle names, longest bundle name): tried in this
# order until the SMS fits one part
SHORTENING = (
    (True, True, None), (False, True, None), (False, False, None), (False, False, 16), (False, False, 10),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ReceiptMessage:
    channel: str  # sms | whatsapp
    text: str
    count: SmsCount  # parts 0 is never sent; for WhatsApp, what the text would take as SMS


def _cut(name: str, brand: bool, longest: int | None) -> str:
    name = " ".join(name.split())
    if not brand and name.lower().startswith(BRAND.lower()) and len(name) > len(BRAND):
        name = name[len(BRAND) :]
    return name if longest is None or len(name) <= longest else name[: longest - 1].rstrip() + "."


def _start(line: ReceiptLine, data: ReceiptData) -> str:
    """When the bundle starts, in the outlet's calendar (the year only when it is not the sale's)."""
    lang = data.language
    if line.activation in ("active_now", "queued_immediate"):
        return tr(lang, "now")
    if line.activation == "on_data_exhausted":
        return tr(lang, "when the data runs out")
    zone = ZoneInfo(data.zone)
    day = line.starts_at.astimezone(zone)
    date = day.strftime("%d/%m" if day.year == data.sold_at.astimezone(zone).year else "%d/%m/%Y")
    return tr(lang, "from {date}" if line.starts_exact else "by {date}", date=date)


def _text(data: ReceiptData, outlet: bool, brand: bool, longest: int | None, shown: int) -> str:
    lang = data.language
    rows = [tr(lang, "Konnect receipt {number}", number=data.receipt_number)]
    rows += [
        tr(lang, "{bundle}: {start}", bundle=_cut(line.name, brand, longest), start=_start(line, data))
        for line in data.lines[:shown]
    ]
    if len(data.lines) > shown:
        rows.append(tr(lang, "and {n} more", n=len(data.lines) - shown))
    rows.append(tr(lang, "Total {amount}", amount=format_money(data.total, BABEL_LOCALES[lang])))
    rows += [tr(lang, "Ref {reference}", reference=p.reference) for p in data.payments if p.reference]
    if outlet:
        rows.append(data.outlet_name)
    return "\n".join(rows)


def _sms(text: str) -> ReceiptMessage:
    folded = gsm_text(text)
    return ReceiptMessage("sms", folded, sms_count(folded))


def receipt_message(data: ReceiptData, channel: str) -> ReceiptMessage:
    """The text for ``channel`` (sms | whatsapp) in ``data.language``, with its SMS part count."""
    everything = len(data.lines)
    if channel == "whatsapp":
        text = _text(data, True, True, None, everything)
        return ReceiptMessage(channel, text, sms_count(text))
    for outlet, brand, longest in SHORTENING:
        message = _sms(_text(data, outlet, brand, longest, everything))
        if message.count.parts <= 1:
            return message
    shown = everything
    while message.count.parts > MAX_PARTS and shown > 1:
        shown -= 1
        message = _sms(_text(data, *SHORTENING[-1], shown))
    return message
