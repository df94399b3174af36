"""Changes to a customer's account outside a sale: usage readings and queue changes (audited)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from konnect_pos.domain import bundle_queue as queue
from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.roles import Right
from konnect_pos.services import journal
from konnect_pos.services.checkout import account_state
from konnect_pos.services.customers import customer_row, get_customer
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.session import Counter
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import Payment, Purchase, QueueChange, Sale, SaleLine, UsageReading

MAX_GB = Decimal(100_000)


def parse_gb(text: str | Decimal) -> Decimal:
    try:
        value = Decimal(str(text).strip().replace(",", "."))
    except InvalidOperation:
        raise ValidationError("Data used must be a number of GB", field="gb_used") from None
    if not value.is_finite() or value < 0 or value > MAX_GB:
        raise ValidationError("Data used must be between 0 and {max} GB", field="gb_used", max=MAX_GB)
    return value


def record_usage(
    counter: Counter, account_number: str, gb_used: str | Decimal, at: datetime | None = None
) -> queue.Timeline:
    """A reading of high-speed GB used by the bundle active at ``at``; returns the new timeline."""
    counter.require(Right.LOOK_UP)
    now = counter.clock()
    at = at or now
    if at.tzinfo is None:
        raise ValidationError("Times must carry their time zone", field="at")
    if at > now:
        raise ValidationError("A usage reading cannot be in the future", field="at")
    value = parse_gb(gb_used)
    with write_transaction():
        customer = customer_row(account_number)
        purchases, readings = account_state(customer.id)
        active = queue.project(purchases, readings, at).active
        if active is None:
            raise ValidationError("No bundle was active on this account at that time", field="at")
        purchase = Purchase.get(Purchase.uuid == active.purchase_id)
        row = UsageReading.create(
            uuid=new_uuid(),
            customer=customer.id,
            purchase=purchase,
            at=at,
            gb_used=value,
            recorded_at=now,
            user=counter.user.id,
        )
        journal.lock_terminal(counter.terminal.id)
        journal.append(
            counter.terminal.id,
            "usage_reading",
            row.uuid,
            now,
            {
                "uuid": row.uuid,
                "customer": customer.account_number,
                "purchase": purchase.uuid,
                "at": at.isoformat(),
                "gb_used": str(value),
                "user": counter.user.username,
            },
        )
        purchases, readings = account_state(customer.id)
    return queue.project(purchases, readings, now)


def _change_queue(
    counter: Counter,
    account_number: str,
    kind: str,
    purchase_uuid: str,
    apply: Callable[..., list[queue.QueuedBundle]],
    details: dict,
) -> queue.Timeline:
    counter.require(Right.SELL)
    now = counter.clock()
    with write_transaction():
        customer = customer_row(account_number)
        purchases, readings = account_state(customer.id)
        changed = apply(purchases, readings, now)
        rows = {p.uuid: p for p in Purchase.select().where(Purchase.customer == customer.id)}
        for position, purchase in enumerate(changed, start=1):
            row = rows[purchase.id]
            if (row.queue_position, row.trigger, row.trigger_set_at) != (
                position,
                purchase.trigger.value,
                purchase.trigger_set_at,
            ):
                row.queue_position, row.trigger = position, purchase.trigger.value
                row.trigger_set_at = purchase.trigger_set_at
                row.save()
        record = QueueChange.create(
            uuid=new_uuid(),
            customer=customer.id,
            user=counter.user.id,
            terminal=counter.terminal.id,
            at=now,
            kind=kind,
            details=json.dumps({"purchase": purchase_uuid, **details}),
        )
        journal.lock_terminal(counter.terminal.id)
        journal.append(
            counter.terminal.id,
            f"queue_{kind}",
            record.uuid,
            now,
            {
                "uuid": record.uuid,
                "customer": customer.account_number,
                "user": counter.user.username,
                "purchase": purchase_uuid,
                **details,
                "order": [p.id for p in changed],
                "lines": _sale_lines([p.id for p in changed]),
            },
        )
    return queue.project(changed, readings, now)


def _sale_lines(purchase_uuids: list[str]) -> dict[str, list]:
    """Purchase id → [sale uuid, line position]: how HQ, which names bundles by sale line, finds them."""
    rows = (
        Purchase.select(Purchase.uuid, Sale.uuid, SaleLine.position)
        .join(SaleLine)
        .join(Sale)
        .where(Purchase.uuid.in_(purchase_uuids))
        .tuples()
    )
    return {purchase: [sale, position] for purchase, sale, position in rows}


def move_queued(counter: Counter, account_number: str, purchase_uuid: str, new_index: int) -> queue.Timeline:
    return _change_queue(
        counter,
        account_number,
        "move",
        purchase_uuid,
        lambda p, r, at: queue.move(p, r, at, purchase_uuid, new_index),
        {"to": new_index},
    )


def retrigger_queued(
    counter: Counter, account_number: str, purchase_uuid: str, trigger: queue.Trigger
) -> queue.Timeline:
    return _change_queue(
        counter,
        account_number,
        "trigger",
        purchase_uuid,
        lambda p, r, at: queue.retrigger(p, r, at, purchase_uuid, trigger),
        {"trigger": trigger.value},
    )


@dataclass(frozen=True, slots=True)
class PurchaseSummary:
    receipt_number: str
    sold_at: datetime
    bundles: tuple[str, ...]
    total: Money
    methods: tuple[str, ...]
    mobile: tuple[tuple[str, str, str], ...] = ()  # (provider, reference, typed|confirmed|disputed)


def customer_purchases(account_number: str, limit: int = 20) -> list[PurchaseSummary]:
    """The customer's last sales, newest first (for the panel and reprints)."""
    customer = customer_row(account_number)
    sales = list(Sale.select().where(Sale.customer == customer.id).order_by(Sale.sold_at.desc()).limit(limit))
    from konnect_pos.services.reconciliation import sale_mobile_states

    states = sale_mobile_states([sale.receipt_number for sale in sales])
    result = []
    for sale in sales:
        lines = SaleLine.select().where(SaleLine.sale == sale).order_by(SaleLine.position)
        methods = Payment.select().where(Payment.sale == sale).order_by(Payment.position)
        result.append(
            PurchaseSummary(
                receipt_number=sale.receipt_number,
                sold_at=sale.sold_at,
                bundles=tuple(line.bundle_name for line in lines),
                total=Money.from_minor(sale.total_minor, sale.currency),
                methods=tuple(p.provider or p.method for p in methods),
                mobile=tuple((p, r, str(state)) for p, r, state in states.get(sale.receipt_number, ())),
            )
        )
    return result


@dataclass(frozen=True, slots=True)
class CustomerOverview:
    customer: object  # services.customers.CustomerView
    timeline: queue.Timeline
    purchases: list[PurchaseSummary]


def customer_overview(account_number: str, at: datetime) -> CustomerOverview:
    """Everything the customer panel shows, in one call."""
    from konnect_pos.services.checkout import account_timeline

    return CustomerOverview(
        customer=get_customer(account_number),
        timeline=account_timeline(account_number, at),
        purchases=customer_purchases(account_number),
    )
