"""A service line's stored history: its events read back as the domain's, a candidate event
validated by replaying it, then appended (never edited) and journaled."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from konnect_pos.domain.corporate.billing_cycle import (
    BillingCycle,
    require_aware,
)
from konnect_pos.domain.corporate.line_events import (
    Activation,
    Cancellation,
    DataBlockChange,
    DataBlocks,
    DataPool,
    LineEvent,
    OverageUsage,
    Pause,
    PlanChange,
    Reactivation,
)
from konnect_pos.domain.corporate.line_state import LineState, line_state
from konnect_pos.domain.errors import NotFound, StateError, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.roles import Right
from konnect_pos.services import journal
from konnect_pos.services.corporate.views import LineRecord, LineView
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.session import Counter
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import (
    CorporateAccount,
    CorporateInvoice,
    DataBlockOffer,
    ServiceLine,
    ServiceLineEvent,
    ServicePlan,
)


def catalog(currency: str) -> dict[str, Money]:
    """Product id → monthly price of the active plans in ``currency``."""
    return {
        plan.product_id: Money.from_minor(plan.monthly_price_minor, currency)
        for plan in ServicePlan.select().where((ServicePlan.currency == currency) & ServicePlan.active)
    }


def cycle_of(account: CorporateAccount) -> BillingCycle | None:
    return BillingCycle(account.billing_day, account.zone) if account.billing_day else None


def event_from_row(row: ServiceLineEvent, currency: str) -> LineEvent:
    """The domain event of one stored row."""
    at = row.at
    if row.kind == "activation":
        blocks = tuple(
            DataBlocks(DataPool(pool), quantity, Money.from_minor(price, currency))
            for pool, quantity, price in (json.loads(row.blocks) if row.blocks else [])
        )
        return Activation(at, row.product_id, blocks)
    if row.kind == "plan_change":
        return PlanChange(at, row.product_id)
    if row.kind == "pause":
        return Pause(at)
    if row.kind == "cancellation":
        return Cancellation(at)
    if row.kind == "reactivation":
        return Reactivation(at, row.product_id)
    if row.kind == "data_blocks":
        price = Money.from_minor(row.price_minor, currency)
        return DataBlockChange(at, DataBlocks(DataPool(row.pool), row.quantity, price))
    return OverageUsage(at, DataPool(row.pool), row.gigabytes, Money.from_minor(row.price_minor, currency))


def load_lines(
    account_ids: list[int], currencies: Mapping[int, str], *, line_ids: list[int] | None = None
) -> dict[int, list[LineRecord]]:
    """Lines of the accounts with their events, in two queries (the invoice run loads in chunks)."""
    records: dict[int, LineRecord] = {}
    by_account: dict[int, list[LineRecord]] = {a: [] for a in account_ids}
    query = ServiceLine.select().where(ServiceLine.account.in_(account_ids))
    if line_ids is not None:
        query = query.where(ServiceLine.id.in_(line_ids))
    for row in query.order_by(ServiceLine.id):
        records[row.id] = LineRecord(row)
        by_account[row.account_id].append(records[row.id])
    if records:
        events = (
            ServiceLineEvent.select()
            .where(ServiceLineEvent.line.in_(list(records)))
            .order_by(ServiceLineEvent.line, ServiceLineEvent.seq)
        )
        for event in events:
            record = records[event.line_id]
            record.events.append(event_from_row(event, currencies[record.row.account_id]))
            record.last_at = event.at
            if event.kind in ("pause", "cancellation"):
                record.last_stop = event.kind
    return by_account


def find_line(kit_serial: str) -> tuple[LineRecord, CorporateAccount]:
    row = ServiceLine.get_or_none(ServiceLine.kit_serial == (kit_serial or "").strip().upper())
    if row is None:
        raise NotFound("No service line with kit serial {serial}", field="kit_serial", serial=kit_serial)
    account = CorporateAccount.get_by_id(row.account_id)
    records = load_lines([account.id], {account.id: account.currency}, line_ids=[row.id])
    return records[account.id][0], account


def _pools(blocks: tuple[DataBlocks, ...] | list[DataBlocks]) -> dict[str, int]:
    return {b.pool.value: b.quantity for b in blocks}


def line_view(record: LineRecord, account: CorporateAccount, now: datetime) -> LineView:
    cycle = cycle_of(account)
    assert cycle is not None
    prices = catalog(account.currency) | retired_prices(record, account.currency)
    state = line_state(record.domain(), cycle, prices, now)
    later = cycle.period_containing(now).end
    upcoming = line_state(record.domain(), cycle, prices, max(later, now))
    if state.active and state.stop_pending:
        status = "pause_pending" if record.last_stop == "pause" else "cancel_pending"
    elif state.active:
        status = "active"
    else:
        status = "paused" if record.last_stop == "pause" else "cancelled"
    return LineView(
        kit_serial=record.row.kit_serial,
        label=record.row.label,
        account_code=account.code,
        activated_at=record.row.activated_at,
        status=status,
        product_id=state.product_id,
        monthly_price=prices[state.product_id],
        pending_product=state.pending_product,
        blocks=_pools(state.blocks),
        next_blocks=_pools(upcoming.blocks),
    )


def retired_prices(record: LineRecord, currency: str) -> dict[str, Money]:
    """Prices of plans no longer on sale that the line's history still names."""
    names = {getattr(e, "product_id", None) for e in record.events} - {None}
    rows = ServicePlan.select().where(
        (ServicePlan.currency == currency) & ServicePlan.product_id.in_(list(names)) & ~ServicePlan.active
    )
    return {row.product_id: Money.from_minor(row.monthly_price_minor, currency) for row in rows}


def event_instant(counter: Counter, at: datetime | None) -> datetime:
    now = counter.clock()
    if at is None:
        return now
    instant = require_aware(at)
    if instant > now:
        raise ValidationError("A change cannot be dated in the future", field="at")
    return instant


def check_order(record: LineRecord | None, account: CorporateAccount, at: datetime) -> None:
    if record is not None and record.last_at is not None and at < record.last_at:
        raise ValidationError(
            "A change cannot be dated before the line's last change ({at})",
            field="at",
            at=record.last_at.isoformat(timespec="seconds"),
        )
    invoiced = (
        CorporateInvoice.select(CorporateInvoice.invoice_date)
        .where((CorporateInvoice.account == account.id) & (CorporateInvoice.period_start > at))
        .order_by(CorporateInvoice.period_start.desc())
        .first()
    )
    if invoiced is not None:
        raise StateError(
            "The invoice of {date} already billed that time: date the change later",
            field="at",
            date=invoiced.invoice_date,
        )


def _validate(record: LineRecord, account: CorporateAccount, event: LineEvent) -> LineState:
    cycle = cycle_of(account)
    assert cycle is not None
    prices = catalog(account.currency) | retired_prices(record, account.currency)
    return line_state(record.domain(event), cycle, prices, event.at)


def _next_seq(line_id: int) -> int:
    last = (
        ServiceLineEvent.select(ServiceLineEvent.seq)
        .where(ServiceLineEvent.line == line_id)
        .order_by(ServiceLineEvent.seq.desc())
        .first()
    )
    return last.seq + 1 if last else 1


def write_event(
    counter: Counter, line: ServiceLine, account: CorporateAccount, kind: str, at: datetime, **values: Any
) -> ServiceLineEvent:
    row = ServiceLineEvent.create(
        uuid=new_uuid(),
        line=line.id,
        seq=_next_seq(line.id),
        at=at,
        kind=kind,
        user=counter.user.id,
        recorded_at=counter.clock(),
        **values,
    )
    payload = {
        "uuid": row.uuid,
        "account": account.uuid,
        "line": line.uuid,
        "kit_serial": line.kit_serial,
        "seq": row.seq,
        "kind": kind,
        "at": at.isoformat(),
        "user": counter.user.username,
        **{k: (str(v) if isinstance(v, Decimal) else v) for k, v in values.items()},
    }
    journal.append(counter.terminal.id, "corporate_line_event", row.uuid, row.recorded_at, payload)
    return row


def block_offer(pool: str, currency: str) -> DataBlockOffer:
    try:
        DataPool(pool)
    except ValueError:
        raise ValidationError(
            "Unknown data pool {pool}: use local_priority or global_priority", field="pool", pool=str(pool)
        ) from None
    offer = DataBlockOffer.get_or_none((DataBlockOffer.pool == pool) & (DataBlockOffer.currency == currency))
    if offer is None:
        raise NotFound(
            "No {pool} data blocks are offered in {currency}", field="pool", pool=pool, currency=currency
        )
    return offer


def append_event(
    counter: Counter, kit_serial: str, at: datetime | None, build: Any
) -> tuple[LineRecord, CorporateAccount]:
    """Validate and append one event built by ``build(record, account, instant)``."""
    counter.require(Right.CORPORATE_BILLING)
    instant = event_instant(counter, at)
    with write_transaction():
        journal.lock_terminal(counter.terminal.id)
        record, account = find_line(kit_serial)
        check_order(record, account, instant)
        event, kind, values = build(record, account, instant)
        _validate(record, account, event)
        write_event(counter, record.row, account, kind, instant, **values)
        record.events.append(event)
        record.last_at = instant
        if kind in ("pause", "cancellation"):
            record.last_stop = kind
    return record, account
