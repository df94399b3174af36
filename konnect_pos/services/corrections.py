"""Voids and refunds: new records pointing at the original sale, which is never edited.

A void undoes a sale of the open business day: its bundles leave the queue. A bundle that
already started is only removed when the agent confirms it (``remove_active``); a bundle
already used up cannot be voided at all (refund instead). A refund returns money on a
later day, to the original payment method or in cash; it leaves the bundles as they are. At a
distributor, a refund also gives back its share of the float the sale consumed (``outlet_limits``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import peewee

from konnect_pos.domain import bundle_queue as queue
from konnect_pos.domain.card_numbers import mask_card_numbers
from konnect_pos.domain.cash_refund import CashBack, cash_back
from konnect_pos.domain.errors import NotFound, StateError, ValidationError
from konnect_pos.domain.money import Money, parse_amount
from konnect_pos.domain.roles import Right
from konnect_pos.services import journal, outlet_limits
from konnect_pos.services.business_day import MAX_REASON, authorise, open_day_for_sale
from konnect_pos.services.checkout import account_state, payment_rules
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.plans import TopUpReversal, reverse_top_up
from konnect_pos.services.sale_money import cash_back_payload, cash_refund_rooms, taken_per_currency
from konnect_pos.services.session import Counter
from konnect_pos.services.users import SignedInUser
from konnect_pos.store import day_totals
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import Payment, Purchase, Refund, Sale, SaleLine, SaleVoid


@dataclass(frozen=True, slots=True)
class VoidResult:
    receipt_number: str
    removed: tuple[str, ...]  # names of the bundles that left the queue
    refund_due: Money  # what was paid and must go back to the customer
    balance_reversed: TopUpReversal | None = None  # a top-up taken back out of the balance
    give_back: tuple[Money, ...] = ()  # the same, in the currencies it was handed over in


@dataclass(frozen=True, slots=True)
class RefundResult:
    receipt_number: str
    amount: Money
    method: str
    provider: str | None
    refundable_left: Money
    balance_reversed: TopUpReversal | None = None  # a top-up taken back out of the balance
    float_returned: Money | None = None  # what it gave back of a distributor's float
    cash_handed: tuple[Money, ...] = ()  # a cash refund: the notes counted out, per currency


def _reason(text: str) -> str:
    reason = mask_card_numbers(" ".join((text or "").split()))
    if not reason or len(reason) > MAX_REASON:
        raise ValidationError("Give a reason (at most {max} characters)", field="reason", max=MAX_REASON)
    return reason


def _sale(receipt_number: str) -> Sale:
    sale = Sale.get_or_none(Sale.receipt_number == (receipt_number or "").strip().upper())
    if sale is None:
        raise NotFound("No receipt {number}", field="receipt", number=receipt_number)
    return sale


def void_sale(
    counter: Counter,
    receipt_number: str,
    reason: str,
    *,
    remove_active: bool = False,
    approver: SignedInUser | None = None,
) -> VoidResult:
    approved_by = authorise(counter, Right.VOID, approver)
    reason = _reason(reason)
    now = counter.clock()
    with write_transaction():
        journal.lock_terminal(counter.terminal.id)
        sale = _sale(receipt_number)
        day = open_day_for_sale(counter)
        if sale.business_day_id != day.id:
            raise StateError(
                "Only sales of the open business day can be voided; refund it instead", field="receipt"
            )
        if SaleVoid.select().where(SaleVoid.sale == sale.id).exists():
            raise StateError("Sale {number} is already voided", field="receipt", number=sale.receipt_number)
        if Refund.select().where(Refund.sale == sale.id).exists():
            raise StateError(
                "Sale {number} is already partly refunded: refund the rest instead",
                field="receipt",
                number=sale.receipt_number,
            )
        line_ids = [line.id for line in SaleLine.select(SaleLine.id).where(SaleLine.sale == sale.id)]
        rows = list(Purchase.select().where(Purchase.sale_line.in_(line_ids) & Purchase.removed_at.is_null()))
        purchases, readings = account_state(sale.customer_id)
        states = {entry.purchase_id: entry for entry in queue.project(purchases, readings, now).entries}
        for row in rows:
            entry = states.get(row.uuid)
            if entry is None:
                continue
            if entry.state is queue.BundleState.USED:
                raise StateError(
                    "Bundle {name} is already used up: the sale cannot be voided, refund it instead",
                    field="receipt",
                    name=row.bundle_name,
                )
            if entry.state is queue.BundleState.ACTIVE and not remove_active:
                raise StateError(
                    "Bundle {name} is already active: confirm that it is removed from the account",
                    field="remove_active",
                    name=row.bundle_name,
                )
        for row in rows:
            row.removed_at = now
            row.save()
        record_uuid = new_uuid()
        paid = Money.from_minor(sale.paid_minor, sale.currency)
        reversal = reverse_top_up(sale, paid, record_uuid, "void", counter.today(), now)
        record = SaleVoid.create(
            uuid=record_uuid,
            sale=sale.id,
            day=day.id,
            user=counter.user.id,
            approved_by=approved_by,
            at=now,
            reason=reason,
            removed_bundles=json.dumps([row.uuid for row in rows]),
        )
        day_totals.remove_sale(sale.id)
        journal.append(
            counter.terminal.id,
            "void",
            record.uuid,
            now,
            {
                "uuid": record.uuid,
                "sale": sale.uuid,
                "receipt_number": sale.receipt_number,
                "reason": reason,
                "user": counter.user.username,
                "approved_by": approver.username if approved_by else None,
                "removed": [row.uuid for row in rows],
                **reversal_payload(reversal),
            },
        )
    return VoidResult(
        sale.receipt_number,
        tuple(row.bundle_name for row in rows),
        paid,
        reversal,
        taken_per_currency(sale.id),
    )


def refundable(sale: Sale) -> Money:
    refunded = Refund.select(peewee.fn.SUM(Refund.amount_minor)).where(Refund.sale == sale.id).scalar() or 0
    return Money.from_minor(sale.paid_minor - int(refunded), sale.currency)


def refund_sale(
    counter: Counter,
    receipt_number: str,
    amount: str,
    reason: str,
    *,
    method: str = "original",
    approver: SignedInUser | None = None,
) -> RefundResult:
    """Money back on a sale (partly or wholly), recorded in today's business day."""
    approved_by = authorise(counter, Right.REFUND, approver)
    reason = _reason(reason)
    if method not in ("original", "cash"):
        raise ValidationError("Refund to the original payment method or to cash", field="method")
    now = counter.clock()
    with write_transaction():
        journal.lock_terminal(counter.terminal.id)
        sale = _sale(receipt_number)
        day = open_day_for_sale(counter)
        if SaleVoid.select().where(SaleVoid.sale == sale.id).exists():
            raise StateError("A voided sale cannot be refunded", field="receipt")
        value = Money(parse_amount(amount), sale.currency)
        if value.amount <= 0:
            raise ValidationError("A payment must be more than zero", field="amount")
        left = refundable(sale)
        if value > left:
            raise ValidationError(
                "At most {amount} can still be refunded on this sale", field="amount", amount=left
            )
        paid_by = (
            Payment.select()
            .where((Payment.sale == sale.id) & (Payment.method != "cash"))
            .order_by(Payment.position)
            .first()
        )
        kind, provider = (
            ("cash", None) if method == "cash" or paid_by is None else (paid_by.method, paid_by.provider)
        )
        if kind != "cash":
            _check_method_holds(sale, kind, provider, value)
            back = CashBack(value)
        else:
            steps = payment_rules(counter.terminal.outlet).steps
            own_room, other, other_back = cash_refund_rooms(sale.id, sale.currency, steps)
            step = steps.get(other.kept.currency, Decimal(0)) if other else Decimal(0)
            back = cash_back(value, own_room, other, other_back, step)
        record_uuid = new_uuid()
        reversal = reverse_top_up(sale, value, record_uuid, "refund", counter.today(), now)
        record = Refund.create(
            uuid=record_uuid,
            sale=sale.id,
            day=day.id,
            user=counter.user.id,
            approved_by=approved_by,
            at=now,
            reason=reason,
            method=kind,
            provider=provider,
            currency=sale.currency,
            amount_minor=value.to_minor(),
            cash_currency=back.other.currency if back.other else None,
            cash_minor=back.other.to_minor() if back.other else None,
            cash_settles_minor=back.other_value.to_minor() if back.other_value else None,
        )
        journal.append(
            counter.terminal.id,
            "refund",
            record.uuid,
            now,
            {
                "uuid": record.uuid,
                "sale": sale.uuid,
                "receipt_number": sale.receipt_number,
                "amount_minor": value.to_minor(),
                "currency": sale.currency,
                "method": kind,
                "provider": provider,
                "reason": reason,
                "user": counter.user.username,
                "approved_by": approver.username if approved_by else None,
                **cash_back_payload(record),
                **reversal_payload(reversal),
            },
        )
        refunded_before = Money.from_minor(sale.paid_minor, sale.currency) - left
        returned = outlet_limits.give_back(counter.terminal.id, record, sale, refunded_before)
    return RefundResult(
        sale.receipt_number,
        value,
        kind,
        provider,
        left - value,
        reversal,
        returned,
        back.handed if kind == "cash" else (),
    )


def _check_method_holds(sale: Sale, method: str, provider: str | None, value: Money) -> None:
    """A refund to the original method never sends back more than that method brought in."""
    paid = (
        Payment.select(peewee.fn.SUM(Payment.amount_minor))
        .where((Payment.sale == sale.id) & (Payment.method == method) & (Payment.provider == provider))
        .scalar()
    )
    sent = (
        Refund.select(peewee.fn.SUM(Refund.amount_minor))
        .where((Refund.sale == sale.id) & (Refund.method == method) & (Refund.provider == provider))
        .scalar()
    )
    room = Money.from_minor(int(paid or 0) - int(sent or 0), sale.currency)
    if value > room:
        raise ValidationError(
            "At most {amount} can go back to {method}; refund the rest in cash",
            field="amount",
            amount=str(room),
            method=provider or method,
        )


def reversal_payload(reversal: TopUpReversal | None) -> dict[str, Any]:
    """What a void or refund adds to its journal entry when it takes a top-up back out of a balance."""
    if reversal is None:
        return {}
    return {
        "balance_reversal": {
            "customer": reversal.account_number,
            "entry_key": reversal.entry_key,
            "amount_minor": reversal.amount.to_minor(),
        }
    }
