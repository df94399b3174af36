"""Service lines: add, pause, cancel, reactivate, data blocks and overage (RULES.md §3.7-3.9)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal

from konnect_pos.domain.corporate.billing_cycle import (
    billing_cycle_from_first_activation,
)
from konnect_pos.domain.corporate.line_events import (
    Activation,
    Cancellation,
    DataBlockChange,
    DataBlocks,
    DataPool,
    LineHistory,
    OverageUsage,
    Pause,
    Reactivation,
)
from konnect_pos.domain.corporate.line_state import line_state
from konnect_pos.domain.errors import Conflict, ValidationError
from konnect_pos.domain.money import Money, parse_amount
from konnect_pos.domain.roles import Right
from konnect_pos.services import journal
from konnect_pos.services.corporate.accounts import SERIAL, account_payload, account_row, clean_text
from konnect_pos.services.corporate.history import (
    append_event,
    block_offer,
    catalog,
    check_order,
    cycle_of,
    event_instant,
    find_line,
    line_view,
    load_lines,
    write_event,
)
from konnect_pos.services.corporate.views import LineRecord, LineView
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.session import Counter
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import (
    CorporateAccount,
    ServiceLine,
)

# --- lines ---------------------------------------------------------------------------------


def list_lines(counter: Counter, account_code: str) -> list[LineView]:
    counter.require(Right.CORPORATE_BILLING)
    account = account_row(account_code)
    now = counter.clock()
    records = load_lines([account.id], {account.id: account.currency})[account.id]
    return [line_view(record, account, now) for record in records]


def get_line(counter: Counter, kit_serial: str) -> LineView:
    counter.require(Right.CORPORATE_BILLING)
    record, account = find_line(kit_serial)
    return line_view(record, account, counter.clock())


def add_line(
    counter: Counter,
    account_code: str,
    kit_serial: str,
    product_id: str,
    *,
    at: datetime | None = None,
    label: str = "",
    blocks: Mapping[str, int] | None = None,
) -> LineView:
    """Activate a kit on the account; the first line fixes the account's billing day (§3.2)."""
    counter.require(Right.CORPORATE_BILLING)
    serial = (kit_serial or "").strip().upper()
    if not SERIAL.match(serial):
        raise ValidationError(
            "A kit serial is 4 to 40 letters, digits or dashes: {serial}",
            field="kit_serial",
            serial=kit_serial,
        )
    name = clean_text(label, "label", "", required=False)
    instant = event_instant(counter, at)
    with write_transaction():
        journal.lock_terminal(counter.terminal.id)
        account = account_row(account_code)
        if ServiceLine.get_or_none(ServiceLine.kit_serial == serial) is not None:
            raise Conflict("Kit {serial} already has a service line", field="kit_serial", serial=serial)
        block_list = []
        for pool, quantity in (blocks or {}).items():
            offer = block_offer(pool, account.currency)
            price = Money.from_minor(offer.block_price_minor, account.currency)
            blocks_of_pool = DataBlocks(DataPool(pool), quantity, price)
            if blocks_of_pool.quantity:
                block_list.append(blocks_of_pool)
        event = Activation(instant, (product_id or "").strip().upper(), tuple(block_list))
        cycle = cycle_of(account) or billing_cycle_from_first_activation([instant], account.zone)
        line_state(LineHistory(serial, (event,)), cycle, catalog(account.currency), instant)
        check_order(None, account, instant)
        if account.billing_day is None:
            account.billing_day = cycle.billing_day
            account.updated_at = counter.clock()
            account.save()
            journal.append(
                counter.terminal.id,
                "corporate_account",
                account.uuid,
                account.updated_at,
                account_payload(account),
            )
        line = ServiceLine.create(
            uuid=new_uuid(),
            account=account.id,
            kit_serial=serial,
            label=name,
            activated_at=instant,
            created_at=counter.clock(),
        )
        write_event(
            counter,
            line,
            account,
            "activation",
            instant,
            product_id=event.product_id,
            blocks=json.dumps([[b.pool.value, b.quantity, b.block_price.to_minor()] for b in block_list])
            if block_list
            else "",
        )
        record = LineRecord(line, [event], instant)
    return line_view(record, account, max(counter.clock(), instant))


def pause_line(counter: Counter, kit_serial: str, at: datetime | None = None) -> LineView:
    """In service to the end of the period, not billed after (§3.7)."""
    record, account = append_event(counter, kit_serial, at, lambda r, a, i: (Pause(i), "pause", {}))
    return line_view(record, account, counter.clock())


def cancel_line(counter: Counter, kit_serial: str, at: datetime | None = None) -> LineView:
    record, account = append_event(
        counter, kit_serial, at, lambda r, a, i: (Cancellation(i), "cancellation", {})
    )
    return line_view(record, account, counter.clock())


def reactivate_line(
    counter: Counter, kit_serial: str, *, product_id: str | None = None, at: datetime | None = None
) -> LineView:
    """Back in service: prorated like a new line, or nothing billed before the period end (§3.7)."""
    product = (product_id or "").strip().upper() or None

    def build(record: LineRecord, account: CorporateAccount, instant: datetime):
        return Reactivation(instant, product), "reactivation", {"product_id": product}

    record, account = append_event(counter, kit_serial, at, build)
    return line_view(record, account, counter.clock())


def change_data_blocks(
    counter: Counter, kit_serial: str, pool: str, quantity: int, at: datetime | None = None
) -> LineView:
    """New block quantity of one pool, billed from the start of the next cycle (§3.10)."""

    def build(record: LineRecord, account: CorporateAccount, instant: datetime):
        offer = block_offer(pool, account.currency)
        price = Money.from_minor(offer.block_price_minor, account.currency)
        event = DataBlockChange(instant, DataBlocks(DataPool(pool), quantity, price))
        return event, "data_blocks", {"pool": pool, "quantity": quantity, "price_minor": price.to_minor()}

    record, account = append_event(counter, kit_serial, at, build)
    return line_view(record, account, counter.clock())


def record_overage(
    counter: Counter, kit_serial: str, pool: str, gigabytes: str | Decimal, at: datetime | None = None
) -> LineView:
    """Data used beyond the allowance: billed in full on the next invoice (§3.8)."""
    try:
        amount = parse_amount(gigabytes)
    except ValidationError:
        raise ValidationError("Overage must be an exact number of GB, 0 or more", field="gigabytes") from None
    if amount <= 0:
        raise ValidationError("Overage must be an exact number of GB, 0 or more", field="gigabytes")

    def build(record: LineRecord, account: CorporateAccount, instant: datetime):
        offer = block_offer(pool, account.currency)
        price = Money.from_minor(offer.overage_price_per_gb_minor, account.currency)
        event = OverageUsage(instant, DataPool(pool), amount, price)
        return event, "overage", {"pool": pool, "gigabytes": amount, "price_minor": price.to_minor()}

    record, account = append_event(counter, kit_serial, at, build)
    return line_view(record, account, counter.clock())
