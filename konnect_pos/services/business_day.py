"""The business day of a terminal: open with a float, cash movements, close with a count.

A terminal sells only inside an open day (the outlet's local calendar day). A day left open
past midnight is "overdue": it must be closed before the next one opens. Closing is final:
it is a new record (``DayClose``) with the Z number, never an edit of the day.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import peewee

from konnect_pos.domain.drawer import DrawerCount as Count
from konnect_pos.domain.drawer import counted_total, denominations_from_data
from konnect_pos.domain.errors import PermissionDenied, StateError, ValidationError
from konnect_pos.domain.money import Money, parse_amount
from konnect_pos.domain.roles import Right, can
from konnect_pos.paths import RESOURCES
from konnect_pos.services import journal
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.session import Counter
from konnect_pos.services.users import SignedInUser
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import (
    BusinessDay,
    CashMovement,
    DayClose,
    DayFloat,
    DrawerCount,
    Payment,
    Refund,
    Sale,
    SaleVoid,
)

MAX_REASON = 200


@dataclass(frozen=True, slots=True)
class DayView:
    id: int
    business_date: date
    status: str  # open | overdue | closed
    opened_at: datetime
    floats: dict[str, Money]
    z_number: int | None = None


@dataclass(frozen=True, slots=True)
class CloseResult:
    business_date: date
    z_number: int
    counts: tuple[Count, ...]


def local_date(at: datetime, zone: str) -> date:
    return at.astimezone(ZoneInfo(zone)).date()


def authorise(counter: Counter, right: Right, approver: SignedInUser | None) -> int | None:
    """The approver's id when the signed-in user needs one; refuses when nobody has the right."""
    if can(counter.user.role, right):
        return None
    if approver is not None and can(approver.role, right):
        return approver.id
    raise PermissionDenied(
        "A {role} is not allowed to {right}", role=counter.user.role, right=right.value.replace("_", " ")
    )


def _view(day: BusinessDay, today: date) -> DayView:
    close = DayClose.get_or_none(DayClose.day == day.id)
    floats = {
        f.currency: Money.from_minor(f.amount_minor, f.currency)
        for f in DayFloat.select().where(DayFloat.day == day.id)
    }
    the_date = date.fromisoformat(day.business_date)
    status = "closed" if close else ("open" if the_date >= today else "overdue")
    return DayView(day.id, the_date, status, day.opened_at, floats, close.z_number if close else None)


def current_day(counter: Counter) -> DayView | None:
    """The terminal's latest day (open, overdue or closed today); None when today is not opened yet."""
    today = local_date(counter.clock(), counter.terminal.outlet.zone)
    latest = (
        BusinessDay.select()
        .where(BusinessDay.terminal == counter.terminal.id)
        .order_by(BusinessDay.business_date.desc())
        .first()
    )
    if latest is None:
        return None
    view = _view(latest, today)
    if view.status == "closed" and view.business_date != today:
        return None
    return view


def open_day_for_sale(counter: Counter) -> BusinessDay:
    """The open business day a sale, void or cash movement belongs to, or a clear refusal."""
    view = current_day(counter)
    if view is None:
        raise StateError("No business day is open at this terminal: a manager must open it", field="day")
    if view.status == "overdue":
        raise StateError(
            "The business day of {date} is still open: a manager must close it first",
            field="day",
            date=view.business_date.isoformat(),
        )
    if view.status == "closed":
        raise StateError("Today's business day is closed", field="day")
    return BusinessDay.get_by_id(view.id)


def _amounts(values: dict[str, str], currencies: tuple[str, ...], *, allow_zero: bool) -> dict[str, Money]:
    result = {}
    for currency, text in values.items():
        if currency not in currencies:
            raise ValidationError(
                "{currency} is not used at this outlet", field="currency", currency=currency
            )
        amount = Money(parse_amount(text), currency)
        if amount.is_negative or (not allow_zero and not amount):
            raise ValidationError("Amounts must be zero or more", field="amount")
        result[currency] = amount
    return result


def open_day(counter: Counter, floats: dict[str, str], approver: SignedInUser | None = None) -> DayView:
    """Open today's day with an opening float per currency (missing currencies start at zero)."""
    approved_by = authorise(counter, Right.OPEN_CLOSE_DAY, approver)
    outlet = counter.terminal.outlet
    amounts = _amounts(floats, outlet.country.currencies, allow_zero=True)
    now = counter.clock()
    today = local_date(now, outlet.zone)
    with write_transaction():
        journal.lock_terminal(counter.terminal.id)
        view = current_day(counter)
        if view is not None and view.status == "overdue":
            raise StateError(
                "The business day of {date} is still open: a manager must close it first",
                field="day",
                date=view.business_date.isoformat(),
            )
        if view is not None:
            raise StateError("Today's business day is already {status}", field="day", status=view.status)
        day = BusinessDay.create(
            uuid=new_uuid(),
            terminal=counter.terminal.id,
            business_date=today.isoformat(),
            zone=outlet.zone,
            opened_at=now,
            opened_by=counter.user.id,
            approved_by=approved_by,
        )
        for currency in outlet.country.currencies:
            DayFloat.create(
                day=day,
                currency=currency,
                amount_minor=amounts.get(currency, Money.zero(currency)).to_minor(),
            )
        journal.append(
            counter.terminal.id,
            "day_open",
            day.uuid,
            now,
            {
                "uuid": day.uuid,
                "date": today.isoformat(),
                "user": counter.user.username,
                "approved_by": approver.username if approved_by else None,
                "floats": {c: amounts.get(c, Money.zero(c)).to_minor() for c in outlet.country.currencies},
            },
        )
    return _view(day, today)


def expected_cash(day_id: int | list[int]) -> dict[str, Money]:
    """Float + cash taken − cash refunded + cash in − cash out, per currency (voided sales excluded).

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
    voided = SaleVoid.select(SaleVoid.sale).where(SaleVoid.day.in_(days))
    add(
        Payment.select(Payment.currency, peewee.fn.SUM(Payment.amount_minor))
        .join(Sale)
        .where(Sale.business_day.in_(days) & (Payment.method == "cash") & Sale.id.not_in(voided))
        .group_by(Payment.currency)
        .tuples()
    )
    add(  # change handed back in the drawer's other currency (DRC: francs for dollars)
        Payment.select(Payment.change_currency, peewee.fn.SUM(Payment.change_minor))
        .join(Sale)
        .where(
            Sale.business_day.in_(days)
            & (Payment.method == "cash")
            & Payment.change_currency.is_null(False)
            & Sale.id.not_in(voided)
        )
        .group_by(Payment.change_currency)
        .tuples(),
        -1,
    )
    add(
        Refund.select(Refund.currency, peewee.fn.SUM(Refund.amount_minor))
        .where(Refund.day.in_(days) & (Refund.method == "cash"))
        .group_by(Refund.currency)
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


def close_day(
    counter: Counter,
    counts: dict[str, dict[str, str | int]],
    *,
    comment: str = "",
    approver: SignedInUser | None = None,
) -> CloseResult:
    """Close the open (or overdue) day with the drawer counted by denomination per currency."""
    approved_by = authorise(counter, Right.OPEN_CLOSE_DAY, approver)
    if len(comment or "") > 1000:
        raise ValidationError("The comment is too long", field="comment")
    table = denomination_table()
    now = counter.clock()
    with write_transaction():
        journal.lock_terminal(counter.terminal.id)
        view = current_day(counter)
        if view is None or view.status == "closed":
            raise StateError("There is no open business day to close", field="day")
        expected = expected_cash(view.id)
        results = []
        for currency in counter.terminal.outlet.country.currencies:
            pieces = counts.get(currency, {})
            counted = counted_total(currency, denominations_from_data(table, currency), pieces)
            results.append((Count(currency, expected.get(currency, Money.zero(currency)), counted), pieces))
        for currency in counts:
            if currency not in counter.terminal.outlet.country.currencies:
                raise ValidationError(
                    "{currency} is not used at this outlet", field="currency", currency=currency
                )
        last = (
            DayClose.select(peewee.fn.MAX(DayClose.z_number))
            .join(BusinessDay)
            .where(BusinessDay.terminal == counter.terminal.id)
            .scalar()
        )
        z_number = (last or 0) + 1
        close = DayClose.create(
            uuid=new_uuid(),
            day=view.id,
            z_number=z_number,
            closed_at=now,
            closed_by=counter.user.id,
            approved_by=approved_by,
            comment=(comment or "").strip(),
        )
        for count, pieces in results:
            DrawerCount.create(
                close=close,
                currency=count.currency,
                pieces=json.dumps({k: int(str(v) or 0) for k, v in pieces.items()}, sort_keys=True),
                expected_minor=count.expected.to_minor(),
                counted_minor=count.counted.to_minor(),
            )
        journal.append(
            counter.terminal.id,
            "day_close",
            close.uuid,
            now,
            {
                "uuid": close.uuid,
                "date": view.business_date.isoformat(),
                "z_number": z_number,
                "user": counter.user.username,
                "approved_by": approver.username if approved_by else None,
                "counts": {c.currency: [c.expected.to_minor(), c.counted.to_minor()] for c, _ in results},
                "comment": close.comment,
            },
        )
    return CloseResult(view.business_date, z_number, tuple(count for count, _ in results))


def cash_movement(
    counter: Counter,
    direction: str,
    amount: str,
    currency: str,
    reason: str,
    approver: SignedInUser | None = None,
) -> Money:
    """Cash in or out of the drawer (petty expenses, bank drops), with its reason."""
    approved_by = authorise(counter, Right.CASH_MOVEMENTS, approver)
    if direction not in ("in", "out"):
        raise ValidationError("Cash movement must be in or out", field="direction")
    reason = " ".join((reason or "").split())
    if not reason or len(reason) > MAX_REASON:
        raise ValidationError("Give a reason (at most {max} characters)", field="reason", max=MAX_REASON)
    value = _amounts({currency: amount}, counter.terminal.outlet.country.currencies, allow_zero=False)[
        currency
    ]
    now = counter.clock()
    with write_transaction():
        journal.lock_terminal(counter.terminal.id)
        day = open_day_for_sale(counter)
        if direction == "out" and value > expected_cash(day.id).get(currency, Money.zero(currency)):
            raise ValidationError("The drawer does not hold {amount}", field="amount", amount=str(value))
        row = CashMovement.create(
            uuid=new_uuid(),
            day=day,
            user=counter.user.id,
            at=now,
            direction=direction,
            currency=currency,
            amount_minor=value.to_minor(),
            reason=reason,
        )
        journal.append(
            counter.terminal.id,
            "cash_movement",
            row.uuid,
            now,
            {
                "uuid": row.uuid,
                "direction": direction,
                "currency": currency,
                "amount_minor": value.to_minor(),
                "reason": reason,
                "user": counter.user.username,
                "approved_by": approver.username if approved_by else None,
            },
        )
    return value
