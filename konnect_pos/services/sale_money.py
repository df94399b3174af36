"""What a sale took, per currency handed over: what a void or a cash refund gives back (DRC: francs
for francs)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from konnect_pos.domain.cash_refund import CashTaken
from konnect_pos.domain.money import Money, convert_cash
from konnect_pos.store.models import Payment, Refund


def taken_per_currency(sale_id: int) -> tuple[Money, ...]:
    """Each currency the customer's money came in, net of the change given back, sale's first.

    A cash payment in francs for a dollar price is given back in francs; change handed back in
    the other currency is deducted from that currency.
    """
    totals: dict[str, int] = {}
    for payment in Payment.select().where(Payment.sale == sale_id).order_by(Payment.position):
        totals[payment.currency] = totals.get(payment.currency, 0) + payment.amount_minor
        if payment.change_currency and payment.change_minor:
            totals[payment.change_currency] = totals.get(payment.change_currency, 0) - payment.change_minor
    return tuple(Money.from_minor(minor, currency) for currency, minor in totals.items() if minor)


def cash_refund_rooms(
    sale_id: int, currency: str, steps: dict[str, Decimal]
) -> tuple[Money, CashTaken | None, CashTaken | None]:
    """What ``cash_back`` needs of a sale priced in ``currency``: its cash in that currency not yet
    handed back, its cash in the other currency (in that currency at the sale's own rate, worth
    what it paid of the sale; None: none), and what earlier cash refunds handed back of the latter.

    A row in the other currency is counted at its rate (``convert_cash`` of what it settled): a
    row whose change went back in the sale's currency kept more francs than the sale's value.
    """
    own = Money.zero(currency)
    other_kept: Money | None = None
    other_value = Money.zero(currency)
    for payment in Payment.select().where((Payment.sale == sale_id) & (Payment.method == "cash")):
        minor = payment.amount_minor if payment.settles_minor is None else payment.settles_minor
        settles = Money.from_minor(minor, currency)  # what the row paid of the sale
        if payment.currency == currency:
            own += settles
            continue
        step = steps.get(payment.currency, Decimal(0))
        kept = convert_cash(settles, payment.rate, currency, payment.currency, step)
        other_kept = kept if other_kept is None else other_kept + kept
        other_value += settles
    back_own, back_kept, back_value = Money.zero(currency), None, Money.zero(currency)
    for refund in Refund.select().where((Refund.sale == sale_id) & (Refund.method == "cash")):
        settled = refund.cash_settles_minor or 0
        back_own += Money.from_minor(refund.amount_minor - settled, currency)
        if refund.cash_currency is not None:
            handed = Money.from_minor(refund.cash_minor, refund.cash_currency)
            back_kept = handed if back_kept is None else back_kept + handed
            back_value += Money.from_minor(settled, currency)
    other = CashTaken(other_kept, other_value) if other_kept is not None and other_value else None
    back = CashTaken(back_kept, back_value) if back_kept is not None else None
    return own - back_own, other, back


def cash_back_payload(refund: Refund) -> dict[str, Any]:
    """A refund's journal content for the cash it handed back in the drawer's other currency:
    [currency, amount in minor units, what it settles of the refund]; nothing when it handed back
    only the sale's currency (every refund before m0019 journaled nothing of it)."""
    if refund.cash_currency is None:
        return {}
    return {"cash_back": [refund.cash_currency, refund.cash_minor, refund.cash_settles_minor]}
