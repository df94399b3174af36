"""The drawer: what it should hold at any moment of a business day, per currency, and the notes and
coins it is counted in."""

from __future__ import annotations

import json

import peewee

from konnect_pos.domain.money import Money
from konnect_pos.paths import RESOURCES
from konnect_pos.store import day_totals
from konnect_pos.store.models import CashMovement, DayFloat, Refund


def expected_cash(day_id: int | list[int]) -> dict[str, Money]:
    """Float + cash taken − cash refunded + cash in − cash out, per currency (voided sales excluded;
    a cash refund in the currencies it handed over).

    Takes one day or several (the outlet summary); one grouped query per source.
    """
    days = day_id if isinstance(day_id, list) else [day_id]
    totals: dict[str, int] = {}

    def add(rows, sign: int = 1) -> None:
        for currency, minor in rows:
            totals[currency] = totals.get(currency, 0) + sign * int(minor or 0)

    add(
        DayFloat.select(DayFloat.currency, peewee.fn.SUM(DayFloat.amount_minor))
        .where(DayFloat.day.in_(days))
        .group_by(DayFloat.currency)
        .tuples()
    )
    # Cash taken by the live sales, less change handed back in the drawer's other currency (DRC:
    # francs for dollars), from the day's running totals rather than every payment row.
    for section, item, _, currency, _, minor, _, _ in day_totals.day_totals(days):
        if section == "method" and item == "cash":
            add([(currency, minor)])
        elif section == "change":
            add([(currency, minor)], -1)
    cash_refunds = Refund.select().where(Refund.day.in_(days) & (Refund.method == "cash"))
    settled = peewee.fn.COALESCE(Refund.cash_settles_minor, 0)
    add(  # a cash refund hands back the sale's currency, less what it handed in the other one
        cash_refunds.select(Refund.currency, peewee.fn.SUM(Refund.amount_minor - settled))
        .group_by(Refund.currency)
        .tuples(),
        -1,
    )
    add(
        cash_refunds.select(Refund.cash_currency, peewee.fn.SUM(Refund.cash_minor))
        .where(Refund.cash_currency.is_null(False))
        .group_by(Refund.cash_currency)
        .tuples(),
        -1,
    )
    for direction, currency, minor in (
        CashMovement.select(
            CashMovement.direction, CashMovement.currency, peewee.fn.SUM(CashMovement.amount_minor)
        )
        .where(CashMovement.day.in_(days))
        .group_by(CashMovement.direction, CashMovement.currency)
        .tuples()
    ):
        add([(currency, minor)], 1 if direction == "in" else -1)
    return {currency: Money.from_minor(minor, currency) for currency, minor in totals.items()}


def denomination_table() -> dict:
    return json.loads((RESOURCES / "denominations.json").read_text(encoding="utf-8"))
