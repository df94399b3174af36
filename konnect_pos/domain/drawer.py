"""Counting the cash drawer by denomination: counted, expected, variance. Pure.

Denominations come from data (konnect_pos/resources/denominations.json), passed in by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.money import Money, money_sum

MAX_PIECES = 1_000_000


@dataclass(frozen=True, slots=True)
class Denomination:
    kind: str  # "note" | "coin"
    value: Decimal

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.value}"


def denominations_from_data(data: dict[str, dict[str, list[str]]], currency: str) -> list[Denomination]:
    try:
        entry = data[currency]
    except KeyError:
        raise ValidationError(
            "No denominations known for {currency}", field="currency", currency=currency
        ) from None
    return [Denomination("note", Decimal(v)) for v in entry["notes"]] + [
        Denomination("coin", Decimal(v)) for v in entry["coins"]
    ]


def parse_quantity(text: str | int, key: str) -> int:
    """A typed count of notes or coins: a whole number from 0 to a million."""
    raw = str(text).strip()
    if raw == "":
        return 0
    if not (raw.isascii() and raw.isdigit()):
        raise ValidationError(
            "Count for {denomination} must be a whole number of 0 or more",
            field=key,
            denomination=key.split(":")[-1],
        )
    quantity = int(raw)
    if quantity > MAX_PIECES:
        raise ValidationError(
            "Count for {denomination} is too large", field=key, denomination=key.split(":")[-1]
        )
    return quantity


def counted_total(currency: str, denominations: list[Denomination], counts: dict[str, str | int]) -> Money:
    """Sum of value × quantity; unknown denominations and bad quantities are refused."""
    known = {d.key: d for d in denominations}
    for key in counts:
        if key not in known:
            raise ValidationError(
                "{denomination} is not a {currency} denomination",
                field=key,
                denomination=key,
                currency=currency,
            )
    parts = [Money(d.value * parse_quantity(counts.get(d.key, 0), d.key), currency) for d in denominations]
    return money_sum(parts, currency)


@dataclass(frozen=True, slots=True)
class CurrencyCount:
    currency: str
    expected: Money
    counted: Money

    @property
    def variance(self) -> Money:
        """Counted minus expected: negative is a shortage, positive an overage."""
        return self.counted - self.expected
