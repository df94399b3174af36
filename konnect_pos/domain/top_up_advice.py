"""What a top-up at the counter would do today, found by replaying the Connect+ engine.

The counter's top-up dialog shows the amount that renews the plan now and what a smaller
amount does (RULES.md §2). Each answer is the smallest amount for which ``apply_top_up``
decides that outcome, so the promise on screen is the engine's own decision: no rule of
Connect+ is coded a second time here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from konnect_pos.domain.connect_plus import (
    AccountPlanState,
    PlanTerms,
    ServiceStatus,
    SuspendReason,
    apply_top_up,
)
from konnect_pos.domain.errors import KonnectError
from konnect_pos.domain.money import Money


@dataclass(frozen=True, slots=True)
class TopUpAdvice:
    """``renews_now``: the smallest top-up that renews the plan today (None while a paid period
    runs: money then waits on the balance for the next fee). ``connect_plus_from``: the smallest
    top-up below it that has Connect+ running today (None when no smaller amount does);
    ``smaller_reason``: why a smaller amount leaves the service suspended."""

    renews_now: Money | None = None
    connect_plus_from: Money | None = None
    smaller_reason: SuspendReason | None = None


def _smallest(low: int, high: int, works: Callable[[int], bool]) -> int | None:
    """The least ``n`` in ``[low, high]`` with ``works(n)``, for a ``works`` that stays true above
    its threshold (more money never undoes a renewal or Connect+); None when ``high`` fails."""
    if low > high or not works(high):
        return None
    while low < high:
        middle = (low + high) // 2
        if works(middle):
            high = middle
        else:
            low = middle + 1
    return low


def advise_top_up(terms: PlanTerms, state: AccountPlanState, balance: Money, day: date) -> TopUpAdvice:
    """The top-up amounts that matter today for an account in ``state`` with ``balance``."""
    currency = terms.currency

    def outcome(minor: int):
        return apply_top_up(terms, state, balance + Money.from_minor(minor, currency), day)

    try:
        fee = terms.fee_on(day)
        most = max(fee.to_minor(), (fee - balance).to_minor())
        renew = _smallest(1, most, lambda minor: outcome(minor).renewed)
        if renew is None:
            return TopUpAdvice()
        below = renew - 1
        if below < 1:
            return TopUpAdvice(Money.from_minor(renew, currency))
        smaller = outcome(below)
        if smaller.status is not ServiceStatus.CONNECT_PLUS:
            return TopUpAdvice(Money.from_minor(renew, currency), smaller_reason=smaller.reason)
        start = _smallest(1, below, lambda minor: outcome(minor).status is ServiceStatus.CONNECT_PLUS)
        return TopUpAdvice(Money.from_minor(renew, currency), Money.from_minor(start or 1, currency))
    except KonnectError:  # a state the engine refuses to move (a day already closed): no advice
        return TopUpAdvice()
