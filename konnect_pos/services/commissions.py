"""Commissions at the terminal: each sale line's commission at the sale, the statement of an
outlet's period (issue 19 item 2; decisions.md "Commissions").

The rates come from HQ with the prices (``services.sync.client`` pulls ``hq_commission_rate``).
A line's commission is stored with the line and journaled with the sale, so a statement is a sum
of what was recorded then, never recomputed from today's rates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from konnect_pos.domain.commissions import (
    CommissionStatement,
    StatementEntry,
    build_statement,
    check_period,
    commission_for,
    refund_take_back,
)
from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.roles import Right
from konnect_pos.services.business_day import local_date
from konnect_pos.services.session import Counter
from konnect_pos.store.commission_models import outlet_rate_versions
from konnect_pos.store.models import BusinessDay, Refund, Sale, SaleLine, SaleVoid, Terminal

LineCommission = tuple[int, Decimal | None]  # (commission in minor units, percent; None: no rate)


def line_commissions(
    terminal_id: int, lines: Sequence[tuple[int, Money]], at: datetime
) -> list[LineCommission]:
    """The commission of each (bundle id, price) line sold now at this terminal's outlet: the rate
    version for the outlet's kind in effect on the outlet's local date of ``at``."""
    zone, versions = outlet_rate_versions(terminal_id, [bundle for bundle, _ in lines])
    on = local_date(at, zone).isoformat()
    rates = {bundle: Decimal(percent) for bundle, since, percent in versions if since <= on}  # latest wins
    earned: list[LineCommission] = []
    for bundle, price in lines:
        percent = rates.get(bundle)
        earned.append((0, None) if percent is None else (commission_for(price, percent).to_minor(), percent))
    return earned


def journaled_commission(line: SaleLine) -> list[int | str | None]:
    """What a line's journal content adds for its commission: nothing on lines sold before
    commissions existed (their journal entries stay as they were hashed)."""
    if line.commission_minor is None:
        return []
    return [line.commission_minor, None if line.commission_percent is None else str(line.commission_percent)]


def period(first: date | str, last: date | str) -> tuple[date, date]:
    """The statement's local dates, checked (CLI text or dates)."""
    days = []
    for value in (first, last):
        if isinstance(value, date):
            days.append(value)
            continue
        try:
            days.append(date.fromisoformat(str(value).strip()))
        except ValueError:
            raise ValidationError(
                "Not a date (YYYY-MM-DD): {text}", field="date", text=str(value)[:40]
            ) from None
    check_period(days[0], days[1])
    return days[0], days[1]


def statement(counter: Counter, first: date | str, last: date | str) -> CommissionStatement:
    """The counter's outlet's commission statement for local business dates first..last: every
    sold line of those days with what it earned, every void and refund of those days taking its
    share back. Sales, voids and refunds belong to the business day they were recorded in."""
    counter.require(Right.REPORTS)
    start, end = period(first, last)
    outlet = counter.terminal.outlet
    return build_statement(
        outlet.code, outlet.name, outlet.kind, start, end, outlet_entries(outlet.id, start, end)
    )


def _in_period(start: date, end: date):
    return (BusinessDay.business_date >= start.isoformat()) & (BusinessDay.business_date <= end.isoformat())


def outlet_entries(outlet_id: int, start: date, end: date) -> list[StatementEntry]:
    entries: list[StatementEntry] = []
    lines = (
        SaleLine.select(SaleLine, Sale, BusinessDay, Terminal)
        .join(Sale)
        .join(BusinessDay)
        .switch(Sale)
        .join(Terminal)
        .where((Terminal.outlet == outlet_id) & _in_period(start, end))
        .order_by(Sale.id, SaleLine.position)
    )
    for line in lines:
        sale = line.sale
        entries.append(
            StatementEntry(
                date.fromisoformat(sale.business_day.business_date),
                "sale",
                sale.receipt_number,
                line.bundle_name,
                Money.from_minor(line.price_minor, sale.currency),
                line.commission_percent,
                Money.from_minor(line.commission_minor or 0, sale.currency),
                sale.terminal.code,
            )
        )
    entries.extend(_reversals(outlet_id, start, end))
    return entries


def _earned(sale_ids: list[int]) -> dict[int, tuple[int, int, list[str]]]:
    """Sale id → (lines' price total, commission earned, bundle names) in minor units."""
    found: dict[int, tuple[int, int, list[str]]] = {}
    rows = SaleLine.select().where(SaleLine.sale.in_(sale_ids)).order_by(SaleLine.position)
    for line in rows:
        price, earned, names = found.get(line.sale_id, (0, 0, []))
        found[line.sale_id] = (
            price + line.price_minor,
            earned + (line.commission_minor or 0),
            [*names, line.bundle_name],
        )
    return found


def _reversals(outlet_id: int, start: date, end: date) -> list[StatementEntry]:
    voids = list(
        SaleVoid.select(SaleVoid, BusinessDay, Sale)
        .join(BusinessDay)
        .switch(SaleVoid)
        .join(Sale)
        .join(Terminal)
        .where((Terminal.outlet == outlet_id) & _in_period(start, end))
    )
    refunds = list(
        Refund.select(Refund, BusinessDay, Sale)
        .join(BusinessDay)
        .switch(Refund)
        .join(Sale)
        .join(Terminal)
        .where((Terminal.outlet == outlet_id) & _in_period(start, end))
    )
    sale_ids = sorted({v.sale_id for v in voids} | {r.sale_id for r in refunds})
    earned = _earned(sale_ids)
    entries = []
    for void in voids:
        if void.sale_id not in earned:
            continue  # a balance top-up: no bundle, no commission
        price, commission, names = earned[void.sale_id]
        currency = void.sale.currency
        entries.append(
            StatementEntry(
                date.fromisoformat(void.day.business_date),
                "void",
                void.sale.receipt_number,
                ", ".join(names),
                Money.from_minor(-price, currency),
                None,
                Money.from_minor(-commission, currency),
            )
        )
    before: dict[int, list[Refund]] = defaultdict(list)
    for refund in Refund.select().where(Refund.sale.in_(sale_ids)).order_by(Refund.uuid):
        before[refund.sale_id].append(refund)
    for refund in refunds:
        if refund.sale_id not in earned:
            continue
        _price, commission, names = earned[refund.sale_id]
        sale = refund.sale
        earlier = [r for r in before[refund.sale_id] if r.uuid < refund.uuid]  # UUIDv7: time order
        back = refund_take_back(
            Money.from_minor(commission, sale.currency),
            Money.from_minor(sale.paid_minor, sale.currency),
            Money.from_minor(sum(r.amount_minor for r in earlier), sale.currency),
            Money.from_minor(refund.amount_minor, sale.currency),
        )
        entries.append(
            StatementEntry(
                date.fromisoformat(refund.day.business_date),
                "refund",
                sale.receipt_number,
                ", ".join(names),
                -Money.from_minor(refund.amount_minor, refund.currency),
                None,
                -back,
            )
        )
    return entries
