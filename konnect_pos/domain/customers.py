"""Customer input rules and the search key, pure.

A customer is found by any fragment of the name (accent- and case-insensitive),
the phone in any usual form, the account number or the kit serial. All of those
go into one folded ``search_text`` that the store indexes by trigrams.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import phonenumbers

from konnect_pos.domain.card_numbers import mask_card_numbers
from konnect_pos.domain.countries import COUNTRIES
from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.phones import normalize_phone

# A letter first (the region's prefix, "CD00000001") and a digit somewhere: "1E30", "0X10" and
# "INFINITY" are numbers or words a spreadsheet or a slip of the keyboard made, not accounts.
ACCOUNT_PATTERN = re.compile(r"[A-Z](?=[A-Z-]*[0-9])[A-Z0-9-]{3,19}")
KIT_SERIAL_PATTERN = re.compile(r"[A-Z0-9][A-Z0-9-]{5,29}")
MAX_NAME = 120
MIN_QUERY = 3
MAX_QUERY = 100


def fold(text: str) -> str:
    """Lower-case, accents removed, spaces collapsed: "KABÍLA  Jean" → "kabila jean"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


@dataclass(frozen=True, slots=True)
class CustomerInput:
    name: str
    phone: str
    country: str
    account_number: str
    kit_serial: str = ""
    language: str = ""


@dataclass(frozen=True, slots=True)
class ValidCustomer:
    name: str
    phone: str  # E.164
    country: str
    account_number: str
    kit_serial: str | None
    language: str
    search_text: str


def clean_code(text: str) -> str:
    """Account numbers and kit serials: upper-case, no spaces (scanners add none, people do)."""
    return "".join((text or "").split()).upper()


def validate_customer(data: CustomerInput) -> ValidCustomer:
    """The normalised customer, or the first problem as a ValidationError naming its field."""
    name = mask_card_numbers(" ".join((data.name or "").split()))
    if not name:
        raise ValidationError("Enter the customer's name", field="name")
    if len(name) > MAX_NAME:
        raise ValidationError("The name is too long (at most {max} characters)", field="name", max=MAX_NAME)
    if data.country not in COUNTRIES:
        raise ValidationError("Unknown country: {code}", field="country", code=data.country)
    phone = normalize_phone(data.phone, data.country)
    account = clean_code(data.account_number)
    if not ACCOUNT_PATTERN.fullmatch(account):
        raise ValidationError(
            "Account number: 4 to 20 letters, digits or '-', a letter first and at least one digit",
            field="account_number",
        )
    kit = clean_code(data.kit_serial)
    if kit and not KIT_SERIAL_PATTERN.fullmatch(kit):
        raise ValidationError("Kit serial must be 6 to 30 letters, digits or '-'", field="kit_serial")
    if data.language not in ("", "en", "fr", "sw"):
        raise ValidationError("Unknown language: {lang}", field="language", lang=data.language)
    return ValidCustomer(
        name=name,
        phone=phone,
        country=data.country,
        account_number=account,
        kit_serial=kit or None,
        language=data.language,
        search_text=search_text(name, phone, account, kit),
    )


def phone_forms(e164: str) -> list[str]:
    """Digit strings a person may type for this phone: international and national."""
    number = phonenumbers.parse(e164, None)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    forms = [e164.lstrip("+"), "".join(ch for ch in national if ch.isdigit())]
    return list(dict.fromkeys(forms))


def search_text(name: str, phone: str, account: str, kit: str) -> str:
    return " ".join([fold(name), *phone_forms(phone), account.lower(), kit.lower()]).strip()


def record_search_text(account: str, contact: Mapping[str, Any]) -> str:
    """``search_text`` of a synced record (name, phone, kit_serial keys; missing ones empty)."""
    name, phone, kit = (contact.get(key) or "" for key in ("name", "phone", "kit_serial"))
    return search_text(name, phone, account, kit)


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A query read: the folded terms to find as substrings, and exact keys to try first."""

    terms: tuple[str, ...]
    code: str  # the query as an account number / kit serial
    digits: str  # the query's digits when it reads as a phone number, else ""


def parse_query(text: str) -> SearchQuery:
    # control characters (a NUL cuts SQLite's full-text query short) count as spaces
    raw = "".join(ch if ch.isprintable() else " " for ch in (text or "")).strip()
    if len(raw) > MAX_QUERY:
        raise ValidationError(
            "Search text is too long (at most {max} characters)", field="query", max=MAX_QUERY
        )
    compact = "".join(raw.split())
    looks_like_phone = bool(compact) and re.fullmatch(r"\+?[0-9().\-]+", compact) is not None
    digits = re.sub(r"\D", "", compact) if looks_like_phone else ""
    if digits:
        terms: tuple[str, ...] = (digits.lstrip("0") or digits,) if len(digits) >= MIN_QUERY else ()
    else:
        terms = tuple(word for word in fold(raw).split() if len(word) >= MIN_QUERY)
    if not terms:
        raise ValidationError("Type at least {min} letters or digits to search", field="query", min=MIN_QUERY)
    return SearchQuery(terms=terms, code=clean_code(raw), digits=digits)


def field_problems(data: CustomerInput) -> dict[str, ValidationError]:
    """Every field's own problem, checked independently (live validation in a form)."""
    valid = {
        "name": "Valid Name",
        "phone": "",
        "account_number": "VALID1",
        "kit_serial": "",
        "language": "",
    }
    problems: dict[str, ValidationError] = {}
    for field in ("name", "phone", "account_number", "kit_serial", "language"):
        probe = {**valid, field: getattr(data, field)}
        try:
            if field == "phone":
                normalize_phone(data.phone, data.country)
                continue
            validate_customer(
                CustomerInput(country=data.country, **{**probe, "phone": _any_valid_phone(data)})
            )
        except ValidationError as error:
            problems[field] = error
    return problems


def _any_valid_phone(data: CustomerInput) -> str:
    """A syntactically valid number of the customer's country, to check the other fields alone."""
    example = phonenumbers.example_number_for_type(data.country, phonenumbers.PhoneNumberType.MOBILE)
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164) if example else ""
