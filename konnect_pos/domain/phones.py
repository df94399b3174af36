"""Phone numbers of the four markets, parsed and normalised with phonenumbers.

Accepts what people type: "0812345678", "+243 81 234 5678", "243812345678".
The carrier guessed from the prefix ignores number portability: it is only a
default for the provider list, never a rule (RULES.md §4).
"""

from __future__ import annotations

import phonenumbers

from konnect_pos.domain.errors import CountryCode, ValidationError

MAX_PHONE_INPUT = 40


def _parse(text: str, region: str) -> phonenumbers.PhoneNumber | None:
    cleaned = text.strip()
    if not cleaned or len(cleaned) > MAX_PHONE_INPUT:
        return None
    candidates = [cleaned]
    digits = "".join(ch for ch in cleaned if ch.isdigit())
    if not cleaned.startswith("+") and digits and not cleaned.startswith("0"):
        candidates.append("+" + digits)  # "243812345678": country code without the plus
    for candidate in candidates:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return number
    return None


def normalize_phone(text: str, region: str, *, field: str = "phone") -> str:
    """E.164 form of a phone number valid for ``region`` (ISO country code)."""
    number = _parse(text or "", region)
    if number is None or phonenumbers.region_code_for_number(number) != region:
        raise ValidationError(
            "{phone} is not a valid phone number for {region}",
            field=field,
            phone=(text or "").strip()[:MAX_PHONE_INPUT],
            region=CountryCode(region),
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def try_normalize_phone(text: str, region: str) -> str | None:
    """E.164 when ``text`` reads as a valid number in any region (for search), else None."""
    number = _parse(text, region)
    if number is None:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str) -> str:
    """International format for screens and receipts: "+243 81 234 5678"."""
    number = phonenumbers.parse(e164, None)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def mask_phone(e164: str) -> str:
    """Receipt form hiding the middle digits: "+243 81 *** 5678"."""
    shown = display_phone(e164)
    groups = shown.split(" ")
    if len(groups) >= 4:
        groups[2:-1] = ["*" * len(g) for g in groups[2:-1]]
    return " ".join(groups)


def carrier_name(e164: str) -> str:
    """Carrier by prefix (English name), '' when unknown."""
    from phonenumbers import carrier  # here: its data is ~100 ms of import, used by nothing else

    return carrier.name_for_number(phonenumbers.parse(e164, None), "en")
