"""Commissions an outlet earns on what it sells (issue 19 item 2; decisions.md "Commissions").

HQ sets a rate per bundle and outlet kind, as a percent of the line's VAT-inclusive price, from a
local business date on (versioned like prices). A sale line's commission is computed once, at the
sale, and stored with it; a void takes back what the sale earned, a refund the same share of it as
of the sale's total it gives back. The one rounding: half-up to the currency's minor unit, once per
line (and once per refund on the cumulated share, so refunds of a whole sale take back exactly what
it earned).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.money import Money, money_sum, round_half_up

HUNDRED = Decimal(100)


def check_percent(value: str | Decimal) -> Decimal:
    """A commission rate as HQ may set it: a number from 0 to 100 (percent)."""
    try:
        percent = Decimal(str(value).strip().rstrip("%").strip())
    except InvalidOperation:
        raise ValidationError("Not a commission rate: {text}", field="rate", text=str(value)[:40]) from None
    if not percent.is_finite() or percent < 0 or percent > HUNDRED:
        raise ValidationError(
            "A commission rate is from 0 to 100 %, not {text}", field="rate", text=str(value)[:40]
        )
    return plain_percent(percent)


def plain_percent(value: Decimal) -> Decimal:
    """A percent without trailing zeros or exponent, as it is stored and journaled: 10.0000 → 10."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal


def commission_for(price: Money, percent: Decimal) -> Money:
    """What an outlet earns on a line sold at ``price`` with ``percent`` commission: the wholesale
    value the outlet owes Konnect is ``price - commission_for(price, percent)``."""
    return round_half_up(price.amount * percent / HUNDRED, price.currency)


def refund_take_back(earned: Money, sale_total: Money, refunded_before: Money, refunded: Money) -> Money:
    """The commission a refund of ``refunded`` takes back, after refunds of ``refunded_before``.

    Rounded on the cumulated share: the take-backs of refunds adding up to the sale's total add up
    to exactly what the sale earned."""
    if not sale_total:
        return Money.zero(earned.currency)

    def share(amount: Money) -> Money:
        return round_half_up(earned.amount * amount.amount / sale_total.amount, earned.currency)

    return share(refunded_before + refunded) - share(refunded_before)


@dataclass(frozen=True, slots=True)
class StatementEntry:
    """One line of a commission statement: a sold line (positive) or a reversal (negative)."""

    day: date
    kind: str  # "sale" | "void" | "refund"
    receipt: str
    bundle: str  # the bundle's name; for a reversal, the sale's bundles
    amount: Money  # the sales value it adds (a reversal: minus what it gives back)
    percent: Decimal | None  # the rate of a sold line
    commission: Money  # earned (a reversal: minus what it takes back)
    terminal: str = ""


@dataclass(frozen=True, slots=True)
class StatementTotals:
    currency: str
    sales: Money
    reversed: Money  # sales value given back by voids and refunds (negative or zero)
    earned: Money
    taken_back: Money  # negative or zero
    lines: int

    @property
    def net_sales(self) -> Money:
        return self.sales + self.reversed

    @property
    def net_commission(self) -> Money:
        return self.earned + self.taken_back

    @property
    def wholesale(self) -> Money:
        """What the outlet owes Konnect for the period: net sales less net commission."""
        return self.net_sales - self.net_commission


@dataclass(frozen=True, slots=True)
class CommissionStatement:
    outlet: str
    outlet_name: str
    outlet_kind: str
    first: date
    last: date
    entries: tuple[StatementEntry, ...]
    totals: tuple[StatementTotals, ...]  # one per currency


def check_period(first: date, last: date) -> None:
    """A statement's period runs forwards (one day at least)."""
    if last < first:
        raise ValidationError(
            "The period ends ({last}) before it starts ({first})",
            field="date",
            first=first.isoformat(),
            last=last.isoformat(),
        )


def build_statement(
    outlet: str,
    outlet_name: str,
    outlet_kind: str,
    first: date,
    last: date,
    entries: Sequence[StatementEntry],
) -> CommissionStatement:
    """Entries in day and receipt order with their totals per currency."""
    check_period(first, last)
    ordered = tuple(sorted(entries, key=lambda e: (e.day, e.receipt, e.kind != "sale", e.bundle)))
    totals = []
    for currency in sorted({e.amount.currency for e in ordered}):
        mine = [e for e in ordered if e.amount.currency == currency]
        sold = [e for e in mine if e.kind == "sale"]
        back = [e for e in mine if e.kind != "sale"]
        totals.append(
            StatementTotals(
                currency,
                money_sum([e.amount for e in sold], currency),
                money_sum([e.amount for e in back], currency),
                money_sum([e.commission for e in sold], currency),
                money_sum([e.commission for e in back], currency),
                len(sold),
            )
        )
    return CommissionStatement(outlet, outlet_name, outlet_kind, first, last, ordered, tuple(totals))
