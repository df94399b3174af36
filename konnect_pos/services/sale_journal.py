"""How the journal spells a sale: its lines, its payments and the whole entry.

One spelling for both directions: ``checkout`` journals a sale from the values it writes,
``verify`` rebuilds the entry from the rows read back (``stored_sale_payload``) and compares.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from konnect_pos.services.commissions import journaled_commission
from konnect_pos.store.models import BalanceEntry, Payment, Sale, SaleLine


def line_entry(
    position: int,
    code: str,
    name: str,
    data_gb: str,
    validity_days: int,
    price_minor: int,
    vat_rate: str,
    vat_minor: int,
    trigger: str,
    starts_at: datetime,
    starts_exact: bool,
    period_end: datetime,
    follows: str,
    commission: list[Any],
) -> list[Any]:
    """A sale line as journaled; ``commission`` as ``journaled_commission`` spells it."""
    return [
        position, code, name, data_gb, validity_days, price_minor, vat_rate, vat_minor, trigger,
        starts_at.isoformat(), bool(starts_exact), period_end.isoformat(), follows, *commission,
    ]  # fmt: skip


def payment_entry(
    values: tuple, change_currency: str | None, settles_minor: int | None, rate: Decimal | None
) -> list[Any]:
    """A payment as journaled: ``values`` are its position, method, currency, amount, tendered,
    change, provider, reference, phone, merchant number, card approval and card's last 4."""
    return [*values, *conversion(change_currency, settles_minor, rate)]


def stored_sale_payload(sale: Sale) -> dict[str, Any]:
    """The sale's content read back from the database (``verify`` compares it with the journal)."""
    payload = sale_payload(
        sale,
        sale.customer.account_number,
        sale.user.username,
        list(SaleLine.select().where(SaleLine.sale == sale).order_by(SaleLine.position)),
        list(Payment.select().where(Payment.sale == sale).order_by(Payment.position)),
    )
    credit = BalanceEntry.get_or_none(BalanceEntry.sale == sale)
    if credit is not None:
        payload.update(top_up_payload(credit))
    return payload


def top_up_payload(entry: BalanceEntry) -> dict[str, Any]:
    """The journal content a balance top-up adds to its sale."""
    return {"top_up": {"entry_key": entry.entry_key, "day": entry.day, "amount_minor": entry.amount_minor}}


def sale_payload(
    sale: Sale, account: str, username: str, lines: list[SaleLine], payments: list[Payment]
) -> dict[str, Any]:
    """The sale's canonical content (the journal entry hashes it)."""
    figures = (
        sale.channel,
        sale.currency,
        sale.total_minor,
        sale.vat_minor,
        sale.rounding_minor,
        sale.paid_minor,
        sale.change_minor,
    )
    return payload(
        sale.uuid,
        sale.receipt_number,
        account,
        username,
        sale.sold_at,
        figures,
        [
            line_entry(
                line.position,
                line.bundle_code,
                line.bundle_name,
                str(line.data_gb),
                line.validity_days,
                line.price_minor,
                str(line.vat_rate),
                line.vat_minor,
                line.trigger,
                line.starts_at,
                line.starts_exact,
                line.period_end,
                line.follows,
                journaled_commission(line),
            )
            for line in lines
        ],
        [
            payment_entry(
                (
                    p.position,
                    p.method,
                    p.currency,
                    p.amount_minor,
                    p.tendered_minor,
                    p.change_minor,
                    p.provider,
                    p.reference,
                    p.phone,
                    p.merchant_number,
                    p.card_approval,
                    p.card_last4,
                ),
                p.change_currency,
                p.settles_minor,
                p.rate,
            )
            for p in payments
        ],
    )


def payload(
    uuid: str,
    receipt_number: str,
    account: str,
    username: str,
    sold_at: datetime,
    figures: tuple[str, str, int, int, int, int, int],
    lines: list[list[Any]],
    payments: list[list[Any]],
) -> dict[str, Any]:
    """The canonical content from the sale's values: ``figures`` are its channel, currency,
    total, VAT, rounding, paid and change."""
    channel, currency, total, vat, rounding, paid, change = figures
    return {
        "uuid": uuid,
        "receipt_number": receipt_number,
        "customer": account,
        "user": username,
        "sold_at": sold_at.isoformat(),
        "channel": channel,
        "currency": currency,
        "total_minor": total,
        "vat_minor": vat,
        "rounding_minor": rounding,
        "paid_minor": paid,
        "change_minor": change,
        "lines": lines,
        "payments": payments,
    }


def conversion(change_currency: str | None, settles_minor: int | None, rate: Decimal | None) -> list[Any]:
    """Cash in a second currency adds its change currency, its value in the sale's currency and
    the rate; other payments keep the content they were journaled with before these existed."""
    if settles_minor is None and change_currency is None and rate is None:
        return []
    return [change_currency, settles_minor, str(rate) if rate else None]
