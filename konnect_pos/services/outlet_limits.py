"""A distributor's float and every outlet's offline limits at the terminal (issue 19).

HQ sets the limits and records the distributor's payments; each sync stores what HQ said
(``float_pull``, journaled) with, per terminal, the last record HQ had counted. Offline, what is
left is that position less the wholesale value of this database's sales HQ had not counted
(``float_use``, written and journaled in the sale's own transaction), plus what voids and refunds HQ
had not counted gave back (a refund's ``float_return``, written in the refund's transaction). The
offline limits count the terminal's sales since its last successful sync or a manager's override
(journaled).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from peewee import JOIN, Case, Model, fn

from konnect_pos.domain.distributor_limits import (
    FloatPosition,
    OfflineLimits,
    OfflineState,
    OfflineUse,
    check_float,
    check_offline,
    refund_give_back,
    wholesale_value,
)
from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.roles import Right
from konnect_pos.services import journal
from konnect_pos.services.business_day import authorise
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.outlets import TerminalView
from konnect_pos.services.session import Counter
from konnect_pos.services.users import SignedInUser
from konnect_pos.store.chunks import in_chunks
from konnect_pos.store.database import write_transaction
from konnect_pos.store.limit_models import FloatPull, FloatReturn, FloatUse, OfflineOverride
from konnect_pos.store.models import (
    JournalEntry,
    Outlet,
    Refund,
    Sale,
    SaleLine,
    SaleVoid,
    SyncLink,
    Terminal,
    User,
)

if TYPE_CHECKING:
    from konnect_pos.services.verify_records import Records

REASON_LIMIT = 200


@dataclass(frozen=True, slots=True)
class LimitsStatus:
    """What the counter's status bar and ``float status`` show."""

    terminal: str
    float: FloatPosition | None  # None: the outlet has no float account at HQ
    offline: OfflineState | None  # None: no offline limit applies (none set, or never synced)
    pulled_at: datetime | None


# --- pulled from HQ --------------------------------------------------------------------------


def pull_payload(pull: FloatPull, outlet_code: str) -> dict[str, Any]:
    return {
        "uuid": pull.uuid, "outlet": outlet_code, "pulled_at": pull.pulled_at.isoformat(),
        "currency": pull.currency, "credit_limit_minor": pull.credit_limit_minor,
        "topped_up_minor": pull.topped_up_minor, "used_minor": pull.used_minor,
        "included": json.loads(pull.included), "offline_days": pull.offline_days,
        "offline_sales": pull.offline_sales, "offline_amount_minor": pull.offline_amount_minor,
    }  # fmt: skip


def latest_pull(outlet_id: int, terminal_id: int | None = None) -> FloatPull | None:
    query = FloatPull.select().where(FloatPull.outlet == outlet_id)
    if terminal_id is not None:
        query = query.where(FloatPull.terminal == terminal_id)
    return query.order_by(FloatPull.id.desc()).first()


# --- what is left ----------------------------------------------------------------------------


def float_position(terminal: TerminalView, pull: FloatPull | None) -> FloatPosition | None:
    """The outlet's float as last pulled (``pull``, by any of its terminals here) less the sales HQ
    had not counted, plus what the voids and refunds HQ had not counted gave back."""
    if pull is None or pull.currency is None:
        return None
    currency = pull.currency
    included = json.loads(pull.included)
    terminals = list(Terminal.select(Terminal.id, Terminal.code).where(Terminal.outlet == terminal.outlet.id))
    uncounted = None
    for local in terminals:
        beyond = (JournalEntry.terminal == local.id) & (
            JournalEntry.seq > included.get(f"{terminal.outlet.code}-{local.code}", 0)
        )
        uncounted = beyond if uncounted is None else (uncounted | beyond)
    # One pass over the entries HQ had not counted: the sales' float uses, less what the refunds
    # among them gave back (a refund's own record, ``float_return``).
    since = (
        JournalEntry.select(
            fn.COALESCE(
                fn.SUM(fn.COALESCE(FloatUse.amount_minor, 0) - fn.COALESCE(FloatReturn.amount_minor, 0)), 0
            )
        )
        .join(
            FloatUse,
            JOIN.LEFT_OUTER,
            on=(FloatUse.uuid == JournalEntry.record_uuid) & (JournalEntry.kind == "float_use"),
        )
        .switch(JournalEntry)
        .join(
            FloatReturn,
            JOIN.LEFT_OUTER,
            on=(FloatReturn.uuid == JournalEntry.record_uuid) & (JournalEntry.kind == "float_return"),
        )
        .where(
            JournalEntry.kind.in_(("float_use", "float_return"))
            & uncounted
            & (fn.COALESCE(FloatUse.currency, FloatReturn.currency) == currency)
        )
        .scalar()
    )
    given_back = (  # a void gives the sale's float back; HQ takes it off once it has the void
        FloatUse.select(fn.COALESCE(fn.SUM(FloatUse.amount_minor), 0))
        .join(SaleVoid, on=SaleVoid.sale == FloatUse.sale)
        .join(JournalEntry, on=(JournalEntry.record_uuid == SaleVoid.uuid) & (JournalEntry.kind == "void"))
        .where((FloatUse.currency == currency) & uncounted)
        .scalar()
    )
    return FloatPosition(
        credit_limit=Money.from_minor(pull.credit_limit_minor, currency),
        topped_up=Money.from_minor(pull.topped_up_minor, currency),
        used=Money.from_minor(pull.used_minor, currency),
        used_since=Money.from_minor(int(since) - int(given_back), currency),
    )


def offline_state(
    terminal: TerminalView, pull: FloatPull | None, at: datetime, *, before: int | None = None
) -> OfflineState | None:
    """How far the terminal is into its offline limits (as last pulled), or None when none applies.

    ``before``: the sale being written, left out of the count (``consume`` runs in its transaction)."""
    if pull is None or (
        pull.offline_days is None and pull.offline_sales is None and pull.offline_amount_minor is None
    ):
        return None
    link = SyncLink.get_or_none(SyncLink.terminal == terminal.id)
    if link is None or link.last_success_at is None:
        return None
    since = link.last_success_at
    override = (
        OfflineOverride.select()
        .where(OfflineOverride.terminal == terminal.id)
        .order_by(OfflineOverride.at.desc())
        .first()
    )
    if override is not None:
        since = max(since, override.at)
    mine = (Sale.terminal == terminal.id) & (Sale.sold_at >= since)  # a sale at the very instant counts
    if before is not None:
        mine &= Sale.id != before
    currency = pull.currency or _amount_currency(terminal)
    in_currency = Case(None, [(Sale.currency == currency, Sale.total_minor)], 0)
    count, total = (
        Sale.select(fn.COUNT(Sale.id), fn.COALESCE(fn.SUM(in_currency), 0)).where(mine).scalar(as_tuple=True)
    )
    amount = None
    limit_amount = None
    if pull.offline_amount_minor is not None:
        amount = Money.from_minor(int(total), currency)
        limit_amount = Money.from_minor(pull.offline_amount_minor, currency)
    return OfflineState(
        OfflineLimits(pull.offline_days, pull.offline_sales, limit_amount),
        OfflineUse(since, count, amount),
        at,
    )


def _amount_currency(terminal: TerminalView) -> str:
    """An outlet without a float counts its offline amount in its country's first currency."""
    return terminal.outlet.country.currencies[0]


def limits_status(terminal: TerminalView, at: datetime) -> LimitsStatus:
    """The float left and the offline allowance at ``at`` (reads only)."""
    pull = latest_pull(terminal.outlet.id)
    pulled_at = pull.pulled_at if pull else None
    return LimitsStatus(
        terminal.label, float_position(terminal, pull), offline_state(terminal, pull, at), pulled_at
    )


# --- at the sale -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SaleMade:
    """The sale just written, as the float's record names it."""

    id: int
    uuid: str
    receipt_number: str


def consume(counter: Counter, sale: SaleMade, total: Money, at: datetime) -> None:
    """Inside the sale's transaction, once its lines are written: refuse it past the offline limits
    or the float, else record what it consumed of the float (its wholesale value: ``total`` less
    the commission stored on each line) with its journal entry."""
    terminal = counter.terminal
    pull = latest_pull(terminal.outlet.id)
    if pull is None:
        return  # neither a float nor offline limits: the shop's sale costs this one read
    offline = offline_state(terminal, pull, at, before=sale.id)
    if offline is not None:
        check_offline(offline, total)
    position = float_position(terminal, pull)
    if position is None:
        return
    commissions = [
        Money.from_minor(minor or 0, total.currency)
        for (minor,) in SaleLine.select(SaleLine.commission_minor).where(SaleLine.sale == sale.id).tuples()
    ]
    wholesale = wholesale_value(total, commissions)
    check_float(position, wholesale)
    use = FloatUse.create(
        uuid=new_uuid(), sale=sale.id, terminal=terminal.id, currency=wholesale.currency,
        amount_minor=wholesale.to_minor(), at=at,
    )  # fmt: skip
    journal.append(terminal.id, "float_use", use.uuid, at, use_payload(use, sale))


def use_payload(use: FloatUse, sale: SaleMade | Sale) -> dict[str, Any]:
    return {
        "uuid": use.uuid, "sale": sale.uuid, "receipt_number": sale.receipt_number,
        "currency": use.currency, "amount_minor": use.amount_minor,
    }  # fmt: skip


# --- at a refund ---------------------------------------------------------------------------


def give_back(terminal_id: int, refund: Refund, sale: Sale, refunded_before: Money) -> Money | None:
    """Inside the refund's transaction, once its journal entry is written: record what it gives
    back of the float its sale consumed (``refund_give_back``) with its journal entry. None when the
    sale consumed no float (a shop's sale, or one made before the outlet had a float)."""
    use = FloatUse.get_or_none(FloatUse.sale == sale.id)
    if use is None:
        return None
    back = refund_give_back(
        Money.from_minor(use.amount_minor, use.currency),
        Money.from_minor(sale.paid_minor, sale.currency),
        refunded_before,
        Money.from_minor(refund.amount_minor, refund.currency),
    )
    row = FloatReturn.create(
        uuid=new_uuid(), refund=refund.id, sale=sale.id, terminal=terminal_id, currency=back.currency,
        amount_minor=back.to_minor(), at=refund.at,
    )  # fmt: skip
    journal.append(terminal_id, "float_return", row.uuid, refund.at, return_payload(row, refund, sale))
    return back


def return_payload(row: FloatReturn, refund: Refund, sale: Sale) -> dict[str, Any]:
    return {
        "uuid": row.uuid, "refund": refund.uuid, "sale": sale.uuid, "receipt_number": sale.receipt_number,
        "currency": row.currency, "amount_minor": row.amount_minor,
    }  # fmt: skip


# --- a manager's override --------------------------------------------------------------------


def override_offline(counter: Counter, approver: SignedInUser | None, reason: str) -> datetime:
    """A manager lets the terminal sell past its offline limits: counting restarts now (journaled)."""
    approved_by = authorise(counter, Right.OPEN_CLOSE_DAY, approver)
    reason = " ".join(reason.split())
    if not reason or len(reason) > REASON_LIMIT:
        raise ValidationError("Give the reason for the override (at most 200 characters)", field="reason")
    at = counter.clock().astimezone(UTC)
    with write_transaction():
        journal.lock_terminal(counter.terminal.id)
        row = OfflineOverride.create(
            uuid=new_uuid(), terminal=counter.terminal.id, user=counter.user.id, approved_by=approved_by,
            at=at, reason=reason,
        )  # fmt: skip
        journal.append(counter.terminal.id, "offline_override", row.uuid, at, override_payload(row))
    return at


def override_payload(row: OfflineOverride) -> dict[str, Any]:
    users = dict(
        User.select(User.id, User.username).where(User.id.in_([row.user_id, row.approved_by_id])).tuples()
    )
    return {
        "uuid": row.uuid, "user": users.get(row.user_id), "approved_by": users.get(row.approved_by_id),
        "at": row.at.isoformat(), "reason": row.reason,
    }  # fmt: skip


# --- verify: each record rebuilt from its row, in the journal's spelling ---------------------


def _float_uses() -> Records:
    for chunk in in_chunks(FloatUse.select(FloatUse, Sale).join(Sale), FloatUse):
        yield [
            (row.uuid, f"float use of sale {row.sale.receipt_number}", use_payload(row, row.sale))
            for row in chunk
        ]


def _float_returns() -> Records:
    query = FloatReturn.select(FloatReturn, Refund, Sale).join(Refund).switch(FloatReturn).join(Sale)
    for chunk in in_chunks(query, FloatReturn):
        yield [
            (row.uuid, f"float given back by a refund of {row.sale.receipt_number}",
             return_payload(row, row.refund, row.sale))
            for row in chunk
        ]  # fmt: skip


def _float_pulls() -> Records:
    codes = dict(Outlet.select(Outlet.id, Outlet.code).tuples())
    for chunk in in_chunks(FloatPull.select(), FloatPull):
        yield [
            (row.uuid, f"float pulled {row.pulled_at.isoformat()}", pull_payload(row, codes[row.outlet_id]))
            for row in chunk
        ]


def _overrides() -> Records:
    for chunk in in_chunks(OfflineOverride.select(), OfflineOverride):
        yield [
            (row.uuid, f"offline override of {row.at.isoformat()}", override_payload(row)) for row in chunk
        ]


KIND_NAMES = {
    "float_use": "float use",
    "float_return": "float given back by a refund",
    "float_pull": "float pulled from HQ",
    "offline_override": "offline override",
}
TABLES: dict[str, type[Model]] = {
    "float_use": FloatUse,
    "float_return": FloatReturn,
    "float_pull": FloatPull,
    "offline_override": OfflineOverride,
}
RECORDS: dict[str, Callable[[], Records]] = {
    "float_use": _float_uses,
    "float_return": _float_returns,
    "float_pull": _float_pulls,
    "offline_override": _overrides,
}
