"""A corporate account's invoice: its lines, subtotal and VAT once on the subtotal (RULES.md §3.10-3.12)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from konnect_pos.domain.corporate.billing_cycle import (
    DEFAULT_PAYMENT_TERMS_DAYS,
    BillingCycle,
    BillingPeriod,
    check_payment_terms,
    due_date,
)
from konnect_pos.domain.corporate.charges import InvoiceLine, period_charges
from konnect_pos.domain.corporate.line_events import LineHistory
from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.money import Money, money_sum, round_half_up


def _check_vat_rate(rate: Decimal) -> Decimal:
    if not isinstance(rate, Decimal) or not rate.is_finite() or not 0 <= rate < 1:
        raise ValidationError("The VAT rate must be an exact fraction from 0 to below 1", field="vat_rate")
    return rate


@dataclass(frozen=True, slots=True)
class BillableAccount:
    """A corporate account: its cycle (fixed once from the first activation, see
    ``billing_cycle_from_first_activation``), currency, payment terms and service lines."""

    account_id: str
    cycle: BillingCycle
    currency: str
    lines: tuple[LineHistory, ...]
    payment_terms_days: int = DEFAULT_PAYMENT_TERMS_DAYS

    def __post_init__(self) -> None:
        Money.zero(self.currency)
        check_payment_terms(self.payment_terms_days)
        seen: set[str] = set()
        for line in self.lines:
            if line.line_id in seen:
                raise ValidationError(
                    "Service line {line} appears twice on this account", field="line_id", line=line.line_id
                )
            seen.add(line.line_id)


@dataclass(frozen=True, slots=True)
class Invoice:
    """The invoice generated on the billing day that opens ``period``: fees in advance for
    ``period``, adjustments in arrears for ``previous_period``. Prices are VAT-exclusive."""

    account_id: str
    period: BillingPeriod
    previous_period: BillingPeriod
    invoice_date: date
    due_date: date
    lines: tuple[InvoiceLine, ...]
    subtotal: Money
    vat_rate: Decimal
    vat: Money
    total: Money


def compute_invoice(
    account: BillableAccount, period: BillingPeriod, catalog: Mapping[str, Money], vat_rate: Decimal
) -> Invoice:
    """The invoice of ``account`` dated ``period``'s billing date.

    Per service line, the adjustments of the period that just ended come first (in time
    order), then the fees of the new period. VAT is computed once on the subtotal.
    """
    rate = _check_vat_rate(vat_rate)
    if period.cycle != account.cycle:
        raise ValidationError("The period belongs to another billing cycle", field="period")
    previous = period.previous()
    lines: list[InvoiceLine] = []
    for line in account.lines:
        lines += period_charges(line, previous, catalog, account.currency).arrears
        lines += period_charges(line, period, catalog, account.currency).advance
    subtotal = money_sum([line.amount for line in lines], account.currency)
    vat = round_half_up(subtotal.amount * rate, account.currency)
    return Invoice(
        account_id=account.account_id,
        period=period,
        previous_period=previous,
        invoice_date=period.invoice_date,
        due_date=due_date(period.invoice_date, account.payment_terms_days),
        lines=tuple(lines),
        subtotal=subtotal,
        vat_rate=rate,
        vat=vat,
        total=subtotal + vat,
    )
