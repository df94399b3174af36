"""The day's exchange rate of an outlet with two cash currencies (DRC: 1 USD = N CDF).

A manager sets it (journaled, append-only: a later rate for the same day supersedes the earlier
one, both stay). A sale uses the rate in force on its business day: the latest one set for that
day or, when none was set yet, for the nearest earlier day (the counter shows since when).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.exchange import ExchangeRate, check_pair, parse_rate, rate_pair
from konnect_pos.domain.roles import Right
from konnect_pos.services import journal
from konnect_pos.services.business_day import authorise
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.outlets import OutletView
from konnect_pos.services.session import Counter
from konnect_pos.services.users import SignedInUser
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import ExchangeRate as RateRow
from konnect_pos.store.models import User
from konnect_pos.store.sale_rows import rate_row

MAX_DAYS_AHEAD = 7


@dataclass(frozen=True, slots=True)
class RateView:
    rate: ExchangeRate
    effective_date: date
    set_at: datetime
    set_by: str


def rate_in_force(outlet: OutletView, on: date) -> ExchangeRate | None:
    """The rate a sale of ``on`` converts at; None where the outlet has one cash currency or
    no rate was ever set."""
    key = rate_key(outlet, on)
    return None if key is None else rate_from_row(rate_row(*key))


def rate_key(outlet: OutletView, on: date) -> tuple[int, str, str, str] | None:
    """What ``sale_rows.rate_row`` needs to find the rate in force on ``on``; None: no second currency."""
    pair = rate_pair(outlet.country)
    return None if pair is None else (outlet.id, pair[0], pair[1], on.isoformat())


def rate_from_row(row: tuple | None) -> ExchangeRate | None:
    if row is None:
        return None
    base, quote, per_base, effective_date = row
    return ExchangeRate(base, quote, Decimal(per_base), date.fromisoformat(effective_date))


def current_rate(counter: Counter) -> ExchangeRate | None:
    """The rate in force today at the counter's outlet."""
    return rate_in_force(counter.terminal.outlet, counter.today())


def _day(counter: Counter, on: date | str | None) -> date:
    today = counter.today()
    if on is None or on == "":
        return today
    if isinstance(on, str):
        try:
            on = date.fromisoformat(on.strip())
        except ValueError:
            raise ValidationError("Not a date (YYYY-MM-DD): {text}", field="date", text=on[:40]) from None
    if on < today or on > today + timedelta(days=MAX_DAYS_AHEAD):
        raise ValidationError(
            "A rate can be set for today or up to {days} days ahead", field="date", days=MAX_DAYS_AHEAD
        )
    return on


def set_rate(
    counter: Counter,
    base: str,
    quote: str,
    per_base: str,
    *,
    on: date | str | None = None,
    approver: SignedInUser | None = None,
) -> RateView:
    """Record the outlet's rate for a day (today by default); a manager's right."""
    approved_by = authorise(counter, Right.OPEN_CLOSE_DAY, approver)
    outlet = counter.terminal.outlet
    base, quote = check_pair(outlet.country, (base or "").strip().upper(), (quote or "").strip().upper())
    value = parse_rate(per_base)
    day = _day(counter, on)
    now = counter.clock()
    with write_transaction():
        journal.lock_terminal(counter.terminal.id)
        row = RateRow.create(
            uuid=new_uuid(),
            outlet=outlet.id,
            terminal=counter.terminal.id,
            base=base,
            quote=quote,
            effective_date=day.isoformat(),
            per_base=value,
            set_at=now,
            set_by=counter.user.id,
        )
        journal.append(
            counter.terminal.id,
            "exchange_rate",
            row.uuid,
            now,
            {
                "uuid": row.uuid,
                "outlet": outlet.code,
                "base": base,
                "quote": quote,
                "date": day.isoformat(),
                "per_base": str(value),
                "user": counter.user.username,
                "approved_by": approver.username if approved_by else None,
            },
        )
    return RateView(ExchangeRate(base, quote, value, day), day, now, counter.user.username)


def recent_rates(counter: Counter, limit: int = 10) -> list[RateView]:
    """The outlet's latest rates, newest first (``konnect-pos rate show``)."""
    counter.require(Right.SELL)
    rows = (
        RateRow.select(RateRow, User)
        .join(User)
        .where(RateRow.outlet == counter.terminal.outlet.id)
        .order_by(RateRow.effective_date.desc(), RateRow.set_at.desc(), RateRow.id.desc())
        .limit(limit)
    )
    return [
        RateView(
            ExchangeRate(r.base, r.quote, r.per_base, date.fromisoformat(r.effective_date)),
            date.fromisoformat(r.effective_date),
            r.set_at,
            r.set_by.username,
        )
        for r in rows
    ]
