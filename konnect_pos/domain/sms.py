"""How many SMS parts a text takes (3GPP TS 23.038 alphabet, TS 23.040 concatenation).

A text made only of the GSM 7-bit default alphabet (an extension character such as ``€`` or
``[`` counts twice) fits 160 characters in one SMS and 153 per part when split; any other
character makes the whole text UCS-2: 70 in one SMS, 67 per part (a character beyond the
Basic Multilingual Plane, an emoji, counts twice). WhatsApp has no parts.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")
SINGLE = {"gsm7": 160, "ucs2": 70}
PER_PART = {"gsm7": 153, "ucs2": 67}
# Characters babel and typed names bring that have a GSM-7 look-alike (spaces, dashes, quotes).
_LOOK_ALIKES = str.maketrans(
    {"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2013": "-", "\u2014": "-", "\u2019": "'",
     "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2026": "..."}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class SmsCount:
    encoding: str  # gsm7 | ucs2
    units: int  # septets (gsm7) or UTF-16 code units (ucs2)
    parts: int


def sms_count(text: str) -> SmsCount:
    """The encoding, length in that encoding's units and number of parts of ``text``."""
    if all(char in GSM7_BASIC or char in GSM7_EXTENSION for char in text):
        encoding, units = "gsm7", sum(2 if char in GSM7_EXTENSION else 1 for char in text)
    else:
        encoding, units = "ucs2", sum(2 if ord(char) > 0xFFFF else 1 for char in text)
    if units <= SINGLE[encoding]:
        return SmsCount(encoding, units, 1 if units else 0)
    return SmsCount(encoding, units, -(-units // PER_PART[encoding]))


def gsm_text(text: str) -> str:
    """``text`` with each character outside the GSM 7-bit alphabet replaced by its look-alike or
    its letter without accent when that is in the alphabet ("reçu" → "recu", "tête" → "tete");
    a character with neither (another script) stays, and the text is then sent as UCS-2."""
    out = []
    for char in text.translate(_LOOK_ALIKES):
        if char in GSM7_BASIC or char in GSM7_EXTENSION:
            out.append(char)
            continue
        bare = unicodedata.normalize("NFD", char)[0]
        out.append(bare if bare in GSM7_BASIC else char)
    return "".join(out)
