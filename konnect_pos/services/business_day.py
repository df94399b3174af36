"""The business day of a terminal: open with a float, cash movements, close with a count.

A terminal sells only inside an open day (the outlet's local calendar day). A day left open
past midnight is "overdue": it must be closed before the next one opens. Closing is final:
it is a new record (``DayClose``) with the Z number, never an edit of the day.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

import peewee

from konnect_pos.domain.card_numbers import mask_card_numbers
from konnect_pos.domain.drawer import CurrencyCount, counted_total, denominations_from_data
from konnect_pos.domain.errors import StateError, ValidationError
from konnect_pos.domain.money import Money, parse_amount
from konnect_pos.domain.roles import Right, can, refusal
from konnect_pos.services import journal
from konnect_pos.services.backup import DayCloseBackup, back_up_after_close
from konnect_pos.services.clock import local_date
from konnect_pos.services.drawer import denomination_table, expected_cash
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.outlet_settings import CloseRules, close_rules
from konnect_pos.services.session import Counter
from konnect_pos.services.users import SignedInUser
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import (
    BusinessDay,
    CashMovement,
    DayClose,
    DayFloat,
    DrawerCount,
    User,
)
from konnect_pos.store.sale_rows import instant, latest_day

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
    counts: tuple[CurrencyCount, ...]
    backup: DayCloseBackup | None = None  # None on PostgreSQL (pg_dump's job)


@dataclass(frozen=True, slots=True)
class DayState:
    """What the counter shows about its day at all times, and whether it may sell now."""

    status: str  # not_opened | open | overdue | closed
    business_date: date  # the day shown: today's, or the overdue one's
    opened_at: datetime | None = None
    opened_by: str = ""  # display names
    closed_at: datetime | None = None
    closed_by: str = ""
    z_number: int | None = None
    refusal: StateError | None = None  # why nothing can be sold now (None: selling is allowed)

    @property
    def can_sell(self) -> bool:
        return self.refusal is None


@dataclass(frozen=True, slots=True)
class CloseForm:
    """What the day dialog needs: the state, the rules and (unless blind) the expected cash."""

    state: DayState
    day: DayView | None
    expected: dict[str, Money] | None  # None under a blind close: seen only once the count is in
    denominations: dict
    rules: CloseRules


@dataclass(frozen=True, slots=True)
class CloseSummary:
    """The count against the expected cash, per currency, before the close is confirmed."""

    business_date: date
    counts: tuple[CurrencyCount, ...]
    thresholds: dict[str, Money]

    @property
    def comment_required(self) -> bool:
        return any(_above(count, self.thresholds) for count in self.counts)


def _above(count: CurrencyCount, thresholds: dict[str, Money]) -> bool:
    variance = count.variance
    limit = thresholds.get(count.currency, Money.zero(count.currency))
    return (-variance if variance.is_negative else variance) > limit


def authorise(counter: Counter, right: Right, approver: SignedInUser | None) -> int | None:
    """The approver's id when the signed-in user needs one; refuses when nobody has the right."""
    if can(counter.user.role, right):
        return None
    if approver is not None and can(approver.role, right):
        return approver.id
    raise refusal(right)


def _view(day: BusinessDay, today: date) -> DayView:
    close = DayClose.get_or_none(DayClose.day == day.id)
    floats = {
        f.currency: Money.from_minor(f.amount_minor, f.currency)
        for f in DayFloat.select().where(DayFloat.day == day.id)
    }
    the_date = date.fromisoformat(day.business_date)
    z_number = close.z_number if close else None
    return DayView(day.id, the_date, _status(the_date, z_number, today), day.opened_at, floats, z_number)


def current_day(counter: Counter) -> DayView | None:
    """The terminal's latest day (open, overdue or closed today); None when today is not opened yet."""
    today = counter.today()
    latest = (
        BusinessDay.select()
        .where(BusinessDay.terminal == counter.terminal.id)
        .order_by(BusinessDay.business_date.desc())
        .first()
    )
    if latest is None:
        return None
    return _still_current(_view(latest, today), today)


def _still_current(view: DayView, today: date) -> DayView | None:
    """The latest day as the terminal's current one: a day closed before today is no longer."""
    return None if view.status == "closed" and view.business_date != today else view


def _status(the_date: date, z_number: int | None, today: date) -> str:
    return "closed" if z_number is not None else ("open" if the_date >= today else "overdue")


def _refusal(view: DayView | None) -> StateError | None:
    if view is None:
        return StateError("No business day is open at this terminal: a manager must open it", field="day")
    if view.status == "overdue":
        return StateError(
            "The business day of {date} is still open: a manager must close it first",
            field="day",
            date=view.business_date.isoformat(),
        )
    if view.status == "closed":
        return StateError(
            "Today's business day is closed: selling starts again when a manager opens tomorrow's day",
            field="day",
        )
    return None


def day_state(counter: Counter) -> DayState:
    """The terminal's day as the counter shows it: state, who opened or closed it, and whether it sells."""
    view = current_day(counter)
    if view is None:
        today = counter.today()
        return DayState("not_opened", today, refusal=_refusal(None))
    day = BusinessDay.get_by_id(view.id)
    close = DayClose.get_or_none(DayClose.day == view.id)
    names = {
        u.id: u.full_name
        for u in User.select(User.id, User.full_name).where(
            User.id.in_([day.opened_by_id] + ([close.closed_by_id] if close else []))
        )
    }
    return DayState(
        view.status,
        view.business_date,
        opened_at=view.opened_at,
        opened_by=names.get(day.opened_by_id, ""),
        closed_at=close.closed_at if close else None,
        closed_by=names.get(close.closed_by_id, "") if close else "",
        z_number=view.z_number,
        refusal=_refusal(view),
    )


def check_can_sell(counter: Counter) -> DayState:
    """The counter asks this before taking any money: the day's state, or the refusal to show."""
    state = day_state(counter)
    if state.refusal is not None:
        raise state.refusal
    return state


def open_day_for_sale(counter: Counter) -> BusinessDay:
    """The open business day a sale, void or cash movement belongs to, or a clear refusal."""
    today = counter.today()
    return BusinessDay.get_by_id(day_for_sale(latest_day(counter.terminal.id), today))


def day_for_sale(latest: tuple | None, today: date) -> int:
    """The id of the open day a sale of ``today`` belongs to, given the terminal's latest day
    (id, business_date, z_number, opened_at) as ``sale_rows.latest_day`` reads it; else the
    refusal."""
    view = None
    if latest is not None:
        day_id, business_date, z_number, opened_at = latest
        the_date = date.fromisoformat(business_date)
        status = _status(the_date, z_number, today)
        view = _still_current(DayView(day_id, the_date, status, instant(opened_at), {}, z_number), today)
    refusal = _refusal(view)
    if refusal is not None:
        raise refusal
    return latest[0]


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


def close_form(counter: Counter) -> CloseForm:
    """The day dialog's data; under a blind close the expected cash stays on the server side."""
    state = day_state(counter)
    view = current_day(counter)
    rules = close_rules(counter.terminal.outlet)
    expected = None
    if view is not None and view.status != "closed" and not rules.blind_close:
        expected = expected_cash(view.id)
    return CloseForm(state, view, expected, denomination_table(), rules)


def _counted(counter: Counter, view: DayView, counts: dict[str, dict[str, str | int]]) -> list[tuple]:
    """(count against expected, pieces) per outlet currency; unknown currencies refused."""
    currencies = counter.terminal.outlet.country.currencies
    for currency in counts:
        if currency not in currencies:
            raise ValidationError(
                "{currency} is not used at this outlet", field="currency", currency=currency
            )
    table = denomination_table()
    expected = expected_cash(view.id)
    results = []
    for currency in currencies:
        pieces = counts.get(currency, {})
        counted = counted_total(currency, denominations_from_data(table, currency), pieces)
        results.append(
            (CurrencyCount(currency, expected.get(currency, Money.zero(currency)), counted), pieces)
        )
    return results


def review_close(counter: Counter, counts: dict[str, dict[str, str | int]]) -> CloseSummary:
    """Expected, counted and variance per currency for the confirmation step; writes nothing."""
    view = current_day(counter)
    if view is None or view.status == "closed":
        raise StateError("There is no open business day to close", field="day")
    results = _counted(counter, view, counts)
    rules = close_rules(counter.terminal.outlet)
    return CloseSummary(view.business_date, tuple(c for c, _ in results), rules.comment_thresholds)


def _require_comment(counts: list[CurrencyCount], thresholds: dict[str, Money], comment: str) -> None:
    if comment.strip():
        return
    for count in counts:
        if _above(count, thresholds):
            raise ValidationError(
                "The {currency} drawer is off by {variance} (more than {threshold}): "
                "write a comment that says why",
                field="comment",
                currency=count.currency,
                variance=count.variance,
                threshold=thresholds[count.currency],
            )


def close_day(
    counter: Counter,
    counts: dict[str, dict[str, str | int]],
    *,
    comment: str = "",
    approver: SignedInUser | None = None,
) -> CloseResult:
    """Close the open (or overdue) day with the drawer counted by denomination per currency.

    A variance above the outlet's threshold in any currency needs a comment (the CLI and the
    dialog both end here, so the rule is the same for both).
    """
    approved_by = authorise(counter, Right.OPEN_CLOSE_DAY, approver)
    if len(comment or "") > 1000:
        raise ValidationError("The comment is too long", field="comment")
    rules = close_rules(counter.terminal.outlet)
    now = counter.clock()
    with write_transaction():
        journal.lock_terminal(counter.terminal.id)
        view = current_day(counter)
        if view is None or view.status == "closed":
            raise StateError("There is no open business day to close", field="day")
        results = _counted(counter, view, counts)
        _require_comment([c for c, _ in results], rules.comment_thresholds, comment or "")
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
            comment=mask_card_numbers((comment or "").strip()),
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
    backup = back_up_after_close(counter.terminal, counter.clock)
    return CloseResult(view.business_date, z_number, tuple(count for count, _ in results), backup)


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
    reason = mask_card_numbers(" ".join((reason or "").split()))
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
            raise ValidationError("The drawer does not hold {amount}", field="amount", amount=value)
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
