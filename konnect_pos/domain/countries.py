"""The four Konnect markets: currency, time zones, providers, VAT, customer service.

Published facts from RULES.md §1.7 and §1.10. VAT rates and the provider lists
beyond the ones the renewal guide names are defaults an outlet can override in
its settings (``Outlet.vat_rate``, ``Outlet.providers``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from konnect_pos.domain.errors import ValidationError


@dataclass(frozen=True, slots=True)
class MobileMoneyProvider:
    code: str
    name: str
    # Transaction-reference pattern (a full-match regular expression) and the
    # rule in words, shown to the agent when a reference does not fit.
    reference_pattern: str
    reference_rule: str


LOOSE_REFERENCE = r"[A-Za-z0-9.\-]{6,30}"
LOOSE_RULE = "6 to 30 letters, digits, '.' or '-'"

PROVIDERS: dict[str, MobileMoneyProvider] = {
    p.code: p
    for p in (
        MobileMoneyProvider("mpesa", "M-Pesa", r"[A-Z0-9]{10}", "10 capital letters or digits"),
        MobileMoneyProvider("mixx", "Mixx by Yas", r"[0-9]{8,20}", "8 to 20 digits"),
        MobileMoneyProvider("orange_money", "Orange Money", LOOSE_REFERENCE, LOOSE_RULE),
        MobileMoneyProvider("mtn_momo", "MTN Mobile Money", LOOSE_REFERENCE, LOOSE_RULE),
        MobileMoneyProvider("airtel_money", "Airtel Money", LOOSE_REFERENCE, LOOSE_RULE),
        MobileMoneyProvider("halopesa", "HaloPesa", LOOSE_REFERENCE, LOOSE_RULE),
    )
}


@dataclass(frozen=True, slots=True)
class CustomerService:
    phone: str
    whatsapp: str
    hours: str = "Monday to Saturday, 9am–6pm"


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-2, also phonenumbers' region
    name: str
    currencies: tuple[str, ...]  # first is the default price currency
    zones: tuple[str, ...]  # IANA zones; the first is the default
    locale: str  # babel locale for documents and formatting
    language: str  # default UI language: en, fr or sw
    providers: tuple[str, ...]  # default mobile-money providers (codes in PROVIDERS)
    vat_rate: Decimal  # default; prices are VAT-inclusive
    customer_service: CustomerService

    @property
    def currency(self) -> str:
        return self.currencies[0]

    def zone(self, name: str | None = None) -> ZoneInfo:
        if name is None:
            return ZoneInfo(self.zones[0])
        if name not in self.zones:
            raise ValidationError(
                "{zone} is not a time zone of {country}", field="zone", zone=name, country=self.name
            )
        return ZoneInfo(name)


COUNTRIES: dict[str, Country] = {
    c.code: c
    for c in (
        Country(
            "TZ",
            "Tanzania",
            ("TZS",),
            ("Africa/Dar_es_Salaam",),
            "sw_TZ",
            "sw",
            ("mpesa", "mixx", "airtel_money", "halopesa"),
            Decimal("0.18"),
            CustomerService("+255 768 132 829", "+255 768 132 829"),
        ),
        Country(
            "CD",
            "DR Congo",
            ("USD", "CDF"),
            ("Africa/Kinshasa", "Africa/Lubumbashi"),
            "fr_CD",
            "fr",
            ("mpesa", "orange_money"),
            Decimal("0.16"),
            CustomerService("+243 974 802 222", "+225 05 74 54 52 85"),
        ),
        Country(
            "CG",
            "Congo-Brazzaville",
            ("XAF",),
            ("Africa/Brazzaville",),
            "fr_CG",
            "fr",
            ("mtn_momo", "airtel_money"),
            Decimal("0.18"),
            CustomerService("+242 069 179 313", "+225 05 74 54 52 85"),
        ),
        Country(
            "CI",
            "Côte d'Ivoire",
            ("XOF",),
            ("Africa/Abidjan",),
            "fr_CI",
            "fr",
            ("mtn_momo",),
            Decimal("0.18"),
            CustomerService("+225 27 21 59 94 00", "+225 05 74 54 52 85"),
        ),
    )
}


def country(code: str) -> Country:
    """The country for an ISO code, or a clear error."""
    try:
        return COUNTRIES[code.upper()]
    except (KeyError, AttributeError):
        raise ValidationError("Unknown country: {code}", field="country", code=str(code)) from None


def provider(code: str) -> MobileMoneyProvider:
    try:
        return PROVIDERS[code]
    except KeyError:
        raise ValidationError(
            "Unknown mobile-money provider: {provider}", field="provider", provider=code
        ) from None
