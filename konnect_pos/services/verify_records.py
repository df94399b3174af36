"""Every money record rebuilt from its rows, in its journal entry's own spelling, for ``verify``.

Each builder yields chunks of (record uuid, the name ``verify`` reports, the content as journaled),
read a chunk at a time by id (``store.chunks``), so a large table is never held at once. The kinds
of other areas build theirs the same way (``outlet_limits.RECORDS``, ``receipt_messages.RECORDS``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from konnect_pos.services.catalog_admin import change_payload
from konnect_pos.services.plans import reversal_key
from konnect_pos.services.sale_money import cash_back_payload
from konnect_pos.store.chunks import in_chunks
from konnect_pos.store.models import (
    BalanceEntry,
    BusinessDay,
    CashMovement,
    CatalogChange,
    CorporateAccount,
    CorporateInvoice,
    CorporateInvoiceLine,
    Customer,
    DayClose,
    DayFloat,
    DrawerCount,
    ExchangeRate,
    Outlet,
    Payment,
    Refund,
    Sale,
    SaleLine,
    SaleVoid,
    User,
)

Records = Iterator[list[tuple[str, str, dict[str, Any]]]]  # chunks of (uuid, name, content)


def sales() -> Records:
    """Sales with their lines, payments and top-up credit, in the journal's own spelling
    (``sale_payload``), loaded a chunk at a time."""
    from konnect_pos.services.sale_journal import sale_payload, top_up_payload

    query = Sale.select(Sale, Customer.account_number, User.username).join(Customer).switch(Sale).join(User)
    for chunk in in_chunks(query, Sale):
        ids = [sale.id for sale in chunk]
        lines: dict[int, list[SaleLine]] = {}
        for line in (
            SaleLine.select().where(SaleLine.sale.in_(ids)).order_by(SaleLine.sale, SaleLine.position)
        ):
            lines.setdefault(line.sale_id, []).append(line)
        payments: dict[int, list[Payment]] = {}
        for payment in Payment.select().where(Payment.sale.in_(ids)).order_by(Payment.sale, Payment.position):
            payments.setdefault(payment.sale_id, []).append(payment)
        credits = {}
        for credit in BalanceEntry.select().where(BalanceEntry.sale.in_(ids)).order_by(BalanceEntry.id):
            credits.setdefault(credit.sale_id, credit)
        records = []
        for sale in chunk:
            payload = sale_payload(
                sale,
                sale.customer.account_number,
                sale.user.username,
                lines.get(sale.id, []),
                payments.get(sale.id, []),
            )
            if sale.id in credits:
                payload.update(top_up_payload(credits[sale.id]))
            records.append((sale.uuid, f"sale {sale.receipt_number}", payload))
        yield records


def _approver(users: dict[int, str], user_id: int | None) -> str | None:
    return users.get(user_id) if user_id else None


def _reversal(reversals: dict[str, BalanceEntry], record_uuid: str) -> dict[str, Any]:
    row = reversals.get(reversal_key(record_uuid))
    if row is None:
        return {}
    return {
        "balance_reversal": {
            "customer": row.customer.account_number,
            "entry_key": row.entry_key,
            "amount_minor": -row.amount_minor,
        }
    }


def voids(users: dict[int, str], reversals: dict[str, BalanceEntry]) -> Records:
    for chunk in in_chunks(SaleVoid.select(SaleVoid, Sale).join(Sale), SaleVoid):
        yield [
            (
                row.uuid,
                f"void of {row.sale.receipt_number}",
                {
                    "uuid": row.uuid,
                    "sale": row.sale.uuid,
                    "receipt_number": row.sale.receipt_number,
                    "reason": row.reason,
                    "user": users.get(row.user_id),
                    "approved_by": _approver(users, row.approved_by_id),
                    "removed": json.loads(row.removed_bundles),
                    **_reversal(reversals, row.uuid),
                },
            )
            for row in chunk
        ]


def refunds(users: dict[int, str], reversals: dict[str, BalanceEntry]) -> Records:
    for chunk in in_chunks(Refund.select(Refund, Sale).join(Sale), Refund):
        yield [
            (
                row.uuid,
                f"refund on {row.sale.receipt_number}",
                {
                    "uuid": row.uuid,
                    "sale": row.sale.uuid,
                    "receipt_number": row.sale.receipt_number,
                    "amount_minor": row.amount_minor,
                    "currency": row.currency,
                    "method": row.method,
                    "provider": row.provider,
                    "reason": row.reason,
                    "user": users.get(row.user_id),
                    "approved_by": _approver(users, row.approved_by_id),
                    **cash_back_payload(row),
                    **_reversal(reversals, row.uuid),
                },
            )
            for row in chunk
        ]


def cash_movements(users: dict[int, str]) -> Records:
    for chunk in in_chunks(CashMovement.select(), CashMovement):
        yield [
            (
                row.uuid,
                f"cash movement {row.direction} of {row.at.isoformat()}",
                {
                    "uuid": row.uuid,
                    "direction": row.direction,
                    "currency": row.currency,
                    "amount_minor": row.amount_minor,
                    "reason": row.reason,
                    "user": users.get(row.user_id),
                    "approved_by": None,
                },
            )
            for row in chunk
        ]


def exchange_rates(users: dict[int, str]) -> Records:
    """The day's rates of DRC outlets: every sale in francs converts at one of them."""
    outlets = dict(Outlet.select(Outlet.id, Outlet.code).tuples())
    for chunk in in_chunks(ExchangeRate.select(), ExchangeRate):
        yield [
            (
                row.uuid,
                f"exchange rate of {row.effective_date}",
                {
                    "uuid": row.uuid,
                    "outlet": outlets.get(row.outlet_id),
                    "base": row.base,
                    "quote": row.quote,
                    "date": row.effective_date,
                    "per_base": str(row.per_base),
                    "user": users.get(row.set_by_id),
                    "approved_by": None,
                },
            )
            for row in chunk
        ]


def catalog_changes(users: dict[int, str]) -> Records:
    """Bundles and plans a manager added, changed or retired at a terminal."""
    for chunk in in_chunks(CatalogChange.select(), CatalogChange):
        yield [
            (row.uuid, f"catalog change of {row.code}", change_payload(row, users.get(row.user_id, "")))
            for row in chunk
        ]


def day_opens(users: dict[int, str]) -> Records:
    for chunk in in_chunks(BusinessDay.select(), BusinessDay):
        floats: dict[int, dict[str, int]] = {}
        for day_id, currency, minor in (
            DayFloat.select(DayFloat.day, DayFloat.currency, DayFloat.amount_minor)
            .where(DayFloat.day.in_([day.id for day in chunk]))
            .tuples()
        ):
            floats.setdefault(day_id, {})[currency] = minor
        yield [
            (
                day.uuid,
                f"opening (float) of the day {day.business_date}",
                {
                    "uuid": day.uuid,
                    "date": day.business_date,
                    "user": users.get(day.opened_by_id),
                    "approved_by": _approver(users, day.approved_by_id),
                    "floats": floats.get(day.id, {}),
                },
            )
            for day in chunk
        ]


def day_closes(users: dict[int, str]) -> Records:
    for chunk in in_chunks(DayClose.select(DayClose, BusinessDay).join(BusinessDay), DayClose):
        counts: dict[int, dict[str, list[int]]] = {}
        for close_id, currency, expected, counted in (
            DrawerCount.select(
                DrawerCount.close, DrawerCount.currency, DrawerCount.expected_minor, DrawerCount.counted_minor
            )
            .where(DrawerCount.close.in_([close.id for close in chunk]))
            .tuples()
        ):
            counts.setdefault(close_id, {})[currency] = [expected, counted]
        yield [
            (
                close.uuid,
                f"Z report {close.z_number} ({close.day.business_date})",
                {
                    "uuid": close.uuid,
                    "date": close.day.business_date,
                    "z_number": close.z_number,
                    "user": users.get(close.closed_by_id),
                    "approved_by": _approver(users, close.approved_by_id),
                    "counts": counts.get(close.id, {}),
                    "comment": close.comment,
                },
            )
            for close in chunk
        ]


def invoices() -> Records:
    accounts = dict(CorporateAccount.select(CorporateAccount.id, CorporateAccount.uuid).tuples())
    for chunk in in_chunks(CorporateInvoice.select(), CorporateInvoice):
        lines: dict[int, list[dict[str, Any]]] = {}
        for line in (
            CorporateInvoiceLine.select()
            .where(CorporateInvoiceLine.invoice.in_([row.id for row in chunk]))
            .order_by(CorporateInvoiceLine.invoice, CorporateInvoiceLine.position)
        ):
            lines.setdefault(line.invoice_id, []).append(
                {
                    "kind": line.kind,
                    "kit_serial": line.kit_serial,
                    "template": line.template,
                    "params": json.loads(line.params),
                    "quantity": line.quantity,
                    "unit_price": line.unit_price_minor,
                    "amount": line.amount_minor,
                }
            )
        yield [
            (
                row.uuid,
                f"corporate invoice {row.number}",
                {
                    "uuid": row.uuid,
                    "number": row.number,
                    "account": accounts.get(row.account_id),
                    "period": f"{row.period_year:04d}-{row.period_month:02d}",
                    "invoice_date": row.invoice_date,
                    "due_date": row.due_date,
                    "currency": row.currency,
                    "subtotal": row.subtotal_minor,
                    "vat_rate": str(row.vat_rate),
                    "vat": row.vat_minor,
                    "total": row.total_minor,
                    "lines": lines.get(row.id, []),
                },
            )
            for row in chunk
        ]
