"""The engine: one calendar day decided at a time (renew, Connect+, suspended), the events that
re-decide during a day (top-up, opt-in, opt-out), and the catch-up of missed days (``run_days``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from konnect_pos.domain.balance import (
    Ledger,
    LedgerEntry,
    check_day,
    connect_plus_fee,
    plan_fee,
    refund,
    top_up,
)
from konnect_pos.domain.connect_plus.state import (
    AccountPlanState,
    DayOutcome,
    ServiceStatus,
    SuspendReason,
    evolve,
)
from konnect_pos.domain.connect_plus.terms import PlanTerms
from konnect_pos.domain.errors import CurrencyMismatch, StateError, ValidationError
from konnect_pos.domain.money import Money

PLAN_RUNNING = "Plan {plan} is paid until {paid_until}"
RENEWED = "Plan {plan} renewed: {fee} charged, paid until {paid_until}"
ACTIVATED = "Connect+ activated: {daily_fee} charged for {day}"
CONTINUED = "Connect+ continues: {daily_fee} charged for {day}"
ACTIVE = "Connect+ active since {since}"
ALREADY_PROCESSED = "Day {day} was already processed"
REASON_EXPLANATIONS: Mapping[SuspendReason, str] = {
    SuspendReason.NOT_STARTED: "No period paid yet: the full fee of {fee} starts plan {plan}",
    SuspendReason.NOT_ELIGIBLE: "Plan {plan} has no Connect+: the full fee of {fee} reconnects",
    SuspendReason.GRACE_EXPIRED: (
        "The fee was not paid within {grace_days} days: only the full fee of {fee} reconnects"
    ),
    SuspendReason.OPTED_OUT: "Connect+ is switched off by the customer until they opt back in",
    SuspendReason.BALANCE_BELOW_DAILY_FEE: "Balance {balance} is below the Connect+ daily fee of {daily_fee}",
    SuspendReason.ACTIVATION_LIMIT: (
        "Connect+ was already activated {max_activations} times in the last {window_days} days"
    ),
}
EXPLANATIONS: tuple[str, ...] = (
    PLAN_RUNNING,
    RENEWED,
    ACTIVATED,
    CONTINUED,
    ACTIVE,
    ALREADY_PROCESSED,
    *REASON_EXPLANATIONS.values(),
)


def explanation_params(
    terms: PlanTerms, state: AccountPlanState, balance: Money, day: date
) -> dict[str, Any]:
    cp = terms.connect_plus
    return {
        "plan": terms.name,
        "fee": terms.fee_on(day),
        "balance": balance,
        "day": day,
        "paid_until": state.paid_until,
        "since": state.connect_plus_since,
        "daily_fee": cp.daily_fee if cp else None,
        "grace_days": cp.grace_days if cp else None,
        "max_activations": cp.max_activations if cp else None,
        "window_days": cp.activation_window_days if cp else None,
    }


def explain(state: AccountPlanState) -> str:
    if state.service is ServiceStatus.PLAN:
        return PLAN_RUNNING
    if state.service is ServiceStatus.CONNECT_PLUS:
        return ACTIVE
    assert state.reason is not None
    return REASON_EXPLANATIONS[state.reason]


# --- the decision ----------------------------------------------------------------------


def activations_in_window(terms: PlanTerms, state: AccountPlanState, day: date) -> int:
    """Off→on transitions in the rolling window of ``activation_window_days`` ending on ``day``."""
    cp = terms.connect_plus
    if cp is None:
        return 0
    first = day - timedelta(days=cp.activation_window_days - 1)
    return sum(1 for d in state.activations if first <= d <= day)


def check_balance(terms: PlanTerms, amount: Money) -> None:
    if not isinstance(amount, Money):
        raise ValidationError("Amounts must be exact, not floating point", field="balance")
    if amount.currency != terms.currency:
        raise CurrencyMismatch(
            "Amounts for plan {code} must be in {currency}",
            field="balance",
            code=terms.code,
            currency=terms.currency,
        )


def _prune(terms: PlanTerms, activations: tuple[date, ...], day: date) -> tuple[date, ...]:
    """Activations older than the window can never count again: dropping them keeps state small."""
    window = terms.connect_plus.activation_window_days if terms.connect_plus else 1
    first = day - timedelta(days=window - 1)
    return tuple(d for d in activations if d >= first)


def _decide(terms: PlanTerms, state: AccountPlanState, balance: Money, day: date) -> DayOutcome:
    """The decision for ``day`` given the state so far that day (``last_processed_day == day``)."""
    if state.paid_until is not None and day <= state.paid_until:
        new = evolve(state, service=ServiceStatus.PLAN, reason=None, lapsed_on=None, connect_plus_since=None)
        return _outcome(terms, state, new, balance, day, (), PLAN_RUNNING)

    charged_today = state.daily_fee_charged if _charged_on(state, day) else None
    # The plan has priority: a Connect+ fee already paid for today goes back to the balance,
    # so what the customer holds for the plan includes it.
    available = balance + (-charged_today.amount if charged_today else Money.zero(terms.currency))
    fee = terms.fee_on(day)
    if available >= fee:
        entries: list[LedgerEntry] = []
        if charged_today is not None:
            entries.append(refund(charged_today, day))
        paid_until = day + timedelta(days=terms.period_days - 1)
        entries.append(plan_fee(day, fee, day, paid_until))
        new = evolve(
            state,
            paid_until=paid_until,
            service=ServiceStatus.PLAN,
            reason=None,
            lapsed_on=None,
            connect_plus_since=None,
            daily_fee_charged=None,
        )
        return _outcome(terms, state, new, balance, day, tuple(entries), RENEWED, renewed=True)

    cp = terms.connect_plus
    lapsed_on = state.lapsed_on
    if lapsed_on is None and state.paid_until is not None:
        lapsed_on = state.paid_until + timedelta(days=1)
    running = state.service is ServiceStatus.CONNECT_PLUS
    reason: SuspendReason | None = None
    if state.paid_until is None:
        reason = SuspendReason.NOT_STARTED
    elif cp is None:
        reason = SuspendReason.NOT_ELIGIBLE
    elif lapsed_on is not None and day >= lapsed_on + timedelta(days=cp.grace_days):
        reason = SuspendReason.GRACE_EXPIRED
    elif state.opted_out:
        reason = SuspendReason.OPTED_OUT
    elif charged_today is None and balance < cp.daily_fee:
        reason = SuspendReason.BALANCE_BELOW_DAILY_FEE
    elif not running and activations_in_window(terms, state, day) >= cp.max_activations:
        reason = SuspendReason.ACTIVATION_LIMIT

    if reason is not None or cp is None:
        new = evolve(
            state,
            service=ServiceStatus.SUSPENDED,
            reason=reason,
            lapsed_on=lapsed_on,
            connect_plus_since=None,
        )
        return _outcome(terms, state, new, balance, day, (), explain(new))

    fee_entries = () if charged_today else (connect_plus_fee(day, cp.daily_fee),)
    new = evolve(
        state,
        service=ServiceStatus.CONNECT_PLUS,
        reason=None,
        lapsed_on=lapsed_on,
        connect_plus_since=state.connect_plus_since if running else day,
        activations=state.activations if running else (*state.activations, day),
        daily_fee_charged=fee_entries[0] if fee_entries else state.daily_fee_charged,
    )
    explanation = ACTIVE
    if fee_entries:
        explanation = CONTINUED if running else ACTIVATED
    return _outcome(terms, state, new, balance, day, fee_entries, explanation, activated=not running)


def _charged_on(state: AccountPlanState, day: date) -> bool:
    return state.daily_fee_charged is not None and state.daily_fee_charged.day == day


def _outcome(
    terms: PlanTerms,
    before: AccountPlanState,
    new: AccountPlanState,
    balance: Money,
    day: date,
    entries: tuple[LedgerEntry, ...],
    explanation: str,
    *,
    activated: bool = False,
    renewed: bool = False,
) -> DayOutcome:
    return DayOutcome(
        day=day,
        state=new,
        entries=entries,
        status=new.service,
        reason=new.reason,
        explanation=explanation,
        params=explanation_params(terms, new, balance, day),
        activated=activated,
        renewed=renewed,
        changed=new != before or bool(entries),
    )


def _unchanged(terms: PlanTerms, state: AccountPlanState, balance: Money, day: date) -> DayOutcome:
    return DayOutcome(
        day=day,
        state=state,
        entries=(),
        status=state.service,
        reason=state.reason,
        explanation=ALREADY_PROCESSED,
        params=explanation_params(terms, state, balance, day),
        changed=False,
    )


def _open_day(state: AccountPlanState, day: date) -> bool:
    """True when ``day`` is the next day to process, False when it is the day already running."""
    check_day(day)
    last = state.last_processed_day
    if last is None or last == day - timedelta(days=1):
        return True
    if last == day:
        return False
    if last > day:
        raise StateError("Day {day} is already closed for this account", field="day", day=day.isoformat())
    raise StateError("Days before {day} must be processed first", field="day", day=day.isoformat())


# --- public engine ---------------------------------------------------------------------


def process_day(terms: PlanTerms, state: AccountPlanState, balance: Money, day: date) -> DayOutcome:
    """The daily run at the start of ``day``; a day already processed changes nothing.

    Days are processed in order with no gap (``run_days`` catches up), so the Connect+ fee is
    charged for every day it runs and the windows count real days.
    """
    check_day(day)
    check_balance(terms, balance)
    if state.last_processed_day is not None and day <= state.last_processed_day:
        return _unchanged(terms, state, balance, day)
    _open_day(state, day)
    started = evolve(state, last_processed_day=day, activations=_prune(terms, state.activations, day))
    outcome = _decide(terms, started, balance, day)
    return evolve(outcome, changed=True)


def _during(
    terms: PlanTerms, state: AccountPlanState, balance: Money, day: date, changed: AccountPlanState
) -> DayOutcome:
    """An event during ``day``: the day's run first if it has not happened, then re-decide."""
    check_balance(terms, balance)
    if _open_day(state, day):
        return process_day(terms, changed, balance, day)
    outcome = _decide(terms, changed, balance, day)
    return evolve(outcome, changed=outcome.changed or changed != state)


def apply_top_up(terms: PlanTerms, state: AccountPlanState, balance_after: Money, day: date) -> DayOutcome:
    """Re-decide after a top-up (already in ``balance_after``): renew at once if the fee is
    covered, else activate Connect+ if the balance now pays the daily fee.

    Also the call after any other balance change the services record (an adjustment).
    """
    return _during(terms, state, balance_after, day, state)


def apply_opt_out(terms: PlanTerms, state: AccountPlanState, balance: Money, day: date) -> DayOutcome:
    """``*257*8#``: Connect+ stops now (the day's fee stays paid) and never auto-activates again."""
    return _during(terms, state, balance, day, evolve(state, opted_out=True))


def apply_opt_in(terms: PlanTerms, state: AccountPlanState, balance: Money, day: date) -> DayOutcome:
    """``*257*7#``: auto-activation is allowed again, and Connect+ starts now if the rules allow."""
    return _during(terms, state, balance, day, evolve(state, opted_out=False))


def paid_through(terms: PlanTerms, state: AccountPlanState, through: date) -> AccountPlanState | None:
    """The state after the daily runs of every day up to ``through`` when a paid period covers
    them all: nothing is charged or decided on such days and the balance plays no part, so the
    daily run over many accounts need not read their ledgers. None when some day needs a decision.
    Equal to ``run_days`` over those days (tested).
    """
    check_day(through, "through")
    last = state.last_processed_day
    if last is None or state.paid_until is None or not last < through <= state.paid_until:
        return None
    return evolve(
        state,
        last_processed_day=through,
        activations=_prune(terms, state.activations, through),
        service=ServiceStatus.PLAN,
        reason=None,
        lapsed_on=None,
        connect_plus_since=None,
    )


# --- catching up -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TopUp:
    """Money paid into the balance on ``day``; ``key`` is the payment's id (idempotency)."""

    day: date
    amount: Money
    key: str


@dataclass(frozen=True, slots=True)
class OptIn:
    day: date


@dataclass(frozen=True, slots=True)
class OptOut:
    day: date


Event = TopUp | OptIn | OptOut


@dataclass(frozen=True, slots=True)
class RunResult:
    state: AccountPlanState
    ledger: Ledger
    outcomes: tuple[DayOutcome, ...]

    @property
    def new_entries(self) -> tuple[LedgerEntry, ...]:
        return tuple(entry for outcome in self.outcomes for entry in outcome.entries)


def run_days(
    terms: PlanTerms,
    state: AccountPlanState,
    ledger: Ledger,
    events: Sequence[Event],
    from_day: date,
    to_day: date,
) -> RunResult:
    """Process every day from ``from_day`` to ``to_day`` in order, each day's events after
    its daily run, in the order given (the order they happened that day).

    Running again changes nothing: days already processed are skipped with their events
    (opt changes of a closed day were applied then). A top-up dated on a closed day whose key
    is not in the ledger is refused rather than dropped: the services apply a late payment on
    the current day with ``apply_top_up``.
    """
    check_day(from_day, "from_day")
    check_day(to_day, "to_day")
    if to_day < from_day:
        raise ValidationError("The run must end on or after its first day", field="to_day")
    check_balance(terms, ledger.balance)
    by_day: dict[date, list[Event]] = {}
    for event in events:
        check_day(event.day, "events")
        if not from_day <= event.day <= to_day:
            raise ValidationError(
                "Event on {day} lies outside the run from {first} to {last}",
                field="events",
                day=event.day.isoformat(),
                first=from_day.isoformat(),
                last=to_day.isoformat(),
            )
        by_day.setdefault(event.day, []).append(event)

    outcomes: list[DayOutcome] = []
    day = from_day
    while day <= to_day:
        closed = state.last_processed_day is not None and day <= state.last_processed_day
        if closed:
            for event in by_day.get(day, ()):
                if isinstance(event, TopUp) and event.key not in ledger:
                    raise StateError(
                        "Top-up {key} is dated on closed day {day}",
                        field="events",
                        key=event.key,
                        day=day.isoformat(),
                    )
            day += timedelta(days=1)
            continue
        outcome = process_day(terms, state, ledger.balance, day)
        state, ledger = outcome.state, ledger.extend(outcome.entries)
        outcomes.append(outcome)
        for event in by_day.get(day, ()):
            if isinstance(event, TopUp):
                ledger = ledger.append(top_up(event.key, day, event.amount))
                outcome = apply_top_up(terms, state, ledger.balance, day)
            elif isinstance(event, OptIn):
                outcome = apply_opt_in(terms, state, ledger.balance, day)
            else:
                outcome = apply_opt_out(terms, state, ledger.balance, day)
            state, ledger = outcome.state, ledger.extend(outcome.entries)
            outcomes.append(outcome)
        day += timedelta(days=1)
    return RunResult(state, ledger, tuple(outcomes))
