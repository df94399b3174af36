"""What a sale took, per currency handed over: what a void gives back (DRC: francs for francs)."""

from __future__ import annotations

from konnect_pos.domain.money import Money
from konnect_pos.store.models import Payment


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
