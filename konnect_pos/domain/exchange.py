"""The day's exchange rate of an outlet that takes cash in two currencies (DRC: USD and CDF).

Pure: the rate is plain data; the conversion itself is ``money.convert_cash``, the one
rounding step, used by the payment allocation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from konnect_pos.domain.countries import Country
from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.money import parse_amount

MAX_RATE = Decimal(1_000_000)


@dataclass(frozen=True, slots=True)
class ExchangeRate:
    """``per_base`` units of ``quote`` buy one ``base`` (1 USD = 2850 CDF), in force from ``since``."""

    base: str
    quote: str
    per_base: Decimal
    since: date | None = None


def rate_pair(country: Country) -> tuple[str, str] | None:
    """(price currency, second cash currency) where the country has two, else None."""
    if len(country.currencies) < 2:
        return None
    return country.currencies[0], country.currencies[1]


def check_pair(country: Country, base: str, quote: str) -> tuple[str, str]:
    pair = rate_pair(country)
    if pair != (base, quote):
        raise ValidationError(
            "No exchange rate {base}→{quote} is used at this outlet", field="currency", base=base, quote=quote
        )
    return pair


def parse_rate(text: str | Decimal | int) -> Decimal:
    """A rate as a person types it ("2850", "2 850"): a whole number of the second currency."""
    value = parse_amount(text)
    if value != value.to_integral_value() or value <= 0 or value > MAX_RATE:
        raise ValidationError(
            "The rate must be a whole number from 1 to {max}", field="rate", max=f"{MAX_RATE:,}"
        )
    return value.quantize(Decimal(1))


def rate_text(rate: ExchangeRate) -> str:
    """'1 USD = 2 850 FC' (the Congolese franc is written FC at the counter)."""
    symbol = "FC" if rate.quote == "CDF" else rate.quote
    return f"1 {rate.base} = {int(rate.per_base):,} {symbol}".replace(",", " ")
