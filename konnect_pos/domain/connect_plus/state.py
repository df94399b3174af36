"""An account's plan state and one day's outcome: the records the engine reads and returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from konnect_pos.domain.balance import (
    LedgerEntry,
    check_day,
)


class ServiceStatus(StrEnum):
    PLAN = "plan"  # a paid period is running: all packages available
    CONNECT_PLUS = "connect_plus"  # only the Connect+ allowance
    SUSPENDED = "suspended"  # no service


class SuspendReason(StrEnum):
    NOT_STARTED = "not_started"  # no period paid yet
    NOT_ELIGIBLE = "not_eligible"  # the plan has no Connect+
    GRACE_EXPIRED = "grace_expired"  # window after the period end passed: full fee only
    OPTED_OUT = "opted_out"
    BALANCE_BELOW_DAILY_FEE = "balance_below_daily_fee"
    ACTIVATION_LIMIT = "activation_limit"


# Only the full plan fee reconnects for these; the others lift with a top-up or an opt-in.
FULL_FEE_ONLY = frozenset(
    {SuspendReason.NOT_STARTED, SuspendReason.NOT_ELIGIBLE, SuspendReason.GRACE_EXPIRED}
)


@dataclass(frozen=True, slots=True)
class AccountPlanState:
    """What the engine remembers about one account between days (the services store it).

    ``lapsed_on`` is the first day the plan fee was due and unpaid (the day after the paid
    period); the Connect+ window counts from it. ``activations`` are the days Connect+ went
    from off to on, kept for the activation window only. ``daily_fee_charged`` is the last
    Connect+ fee entry: the engine refunds it if the plan renews that same day, and does not
    charge the day again if the customer opts out and back in.
    """

    paid_until: date | None = None
    last_processed_day: date | None = None
    service: ServiceStatus = ServiceStatus.SUSPENDED
    reason: SuspendReason | None = SuspendReason.NOT_STARTED
    lapsed_on: date | None = None
    connect_plus_since: date | None = None
    activations: tuple[date, ...] = ()
    opted_out: bool = False
    daily_fee_charged: LedgerEntry | None = None

    @classmethod
    def paid(cls, paid_until: date, processed_through: date | None = None) -> AccountPlanState:
        """An account whose current period was paid elsewhere (e.g. sold at the counter)."""
        check_day(paid_until, "paid_until")
        return cls(
            paid_until=paid_until,
            last_processed_day=processed_through,
            service=ServiceStatus.PLAN,
            reason=None,
        )


@dataclass(frozen=True, slots=True)
class DayOutcome:
    """The engine's decision for one day (or one event within it).

    ``entries`` are to be appended to the ledger in the same transaction as ``state`` is
    stored. ``explanation`` is an English template (the gettext msgid) with ``params``.
    """

    day: date
    state: AccountPlanState
    entries: tuple[LedgerEntry, ...]
    status: ServiceStatus
    reason: SuspendReason | None
    explanation: str
    params: Mapping[str, Any] = field(default_factory=dict)
    activated: bool = False
    renewed: bool = False
    changed: bool = True

    @property
    def message(self) -> str:
        return self.explanation.format(**self.params)


_Record = TypeVar("_Record", "AccountPlanState", "DayOutcome")


def evolve(record: _Record, **changes: Any) -> _Record:
    """A copy of one of the engine's records with ``changes``: ``dataclasses.replace`` without its
    walk over the fields and call to ``__init__`` on every use (10 % of the daily run's CPU). Safe
    because these records check nothing when built (no ``__post_init__``; tests/test_connect_plus.py
    holds that and compares the two)."""
    kind = type(record)
    copy = object.__new__(kind)
    for name in kind.__slots__:
        object.__setattr__(copy, name, changes.pop(name) if name in changes else getattr(record, name))
    if changes:
        raise TypeError(f"{kind.__name__} has no field {next(iter(changes))}")
    return copy
