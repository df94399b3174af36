"""Auto-renewing plans and the Connect+ continuity service, pure (RULES.md §2).

A plan has a periodic fee paid from the customer's prepaid balance (``balance.Ledger``).
When a period ends and the balance cannot pay the next fee, Connect+ keeps the customer
connected for a small daily fee, within limits, until the balance covers the fee again.

The engine decides one calendar day at a time, from the plan's terms, the account's state
and its balance, and returns the new state plus the ledger entries to append:

- **renew** when the balance covers the fee (the plan always has priority; Connect+ stops and
  a Connect+ fee already charged for that day is refunded, as the plan now pays for it);
- **Connect+** on the days after the paid period, while the balance pays the daily fee, the
  customer has not opted out, the 5-day window since the period ended is open and fewer than
  10 activations fall in the 30 days ending that day;
- **suspended** otherwise: packages and Connect+ are off until the condition lifts (a top-up,
  opting back in) or, once the window has passed, until the full fee is paid.

The daily run (``process_day``) happens at the start of the day; a top-up or an opt change
during the day re-decides at once (``apply_top_up``, ``apply_opt_in``, ``apply_opt_out``).
``run_days`` replays missed days and their events in order. Days are ``datetime.date`` passed
in: no clock is read here. The choices the terms leave open are in docs/decisions.md
("Connect+ and balance") and each has a test.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from konnect_pos.domain.balance import (
    Ledger,
    LedgerEntry,
    check_day,
    connect_plus_fee,
    plan_fee,
    refund,
    top_up,
)
from konnect_pos.domain.errors import CurrencyMismatch, StateError, ValidationError
from konnect_pos.domain.money import Money

# --- published terms -------------------------------------------------------------------

PUBLISHED_DAILY_FEE_UNITS = 1
PUBLISHED_DAILY_DATA_MB = 50
PUBLISHED_MAX_ACTIVATIONS = 10
PUBLISHED_ACTIVATION_WINDOW_DAYS = 30
PUBLISHED_GRACE_DAYS = 5
# The published list of eligible plans is a family: every plan named "Salom+" or "Salom+ …".
PUBLISHED_ELIGIBLE_FAMILIES: tuple[str, ...] = ("Salom+",)
# Plans with their own Connect+ rates: (per minute off-net/landline, per SMS), plan currency.
PUBLISHED_OWN_RATES: Mapping[str, tuple[str, str]] = {
    "Sipos": ("0.25", "0.10"),
    "Muoshrat+": ("0.25", "0.10"),
}


def _whole(value: object, minimum: int, template: str, field_name: str, **params: Any) -> int:
    """Counts (days, MB, minutes) are whole numbers: a float or bool here is a caller's bug."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValidationError(template, field=field_name, **params)
    return value


@dataclass(frozen=True, slots=True)
class ConnectPlusTerms:
    """Connect+ parameters of one plan, held in data (defaults: the published terms).

    ``offnet_minute_rate``/``sms_rate`` are None when the plan's own rates apply, which is the
    published rule for every plan except the ones listed in ``PUBLISHED_OWN_RATES``.
    """

    daily_fee: Money
    daily_data_mb: int = PUBLISHED_DAILY_DATA_MB
    max_activations: int = PUBLISHED_MAX_ACTIVATIONS
    activation_window_days: int = PUBLISHED_ACTIVATION_WINDOW_DAYS
    grace_days: int = PUBLISHED_GRACE_DAYS
    offnet_minute_rate: Money | None = None
    sms_rate: Money | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.daily_fee, Money) or self.daily_fee.amount <= 0:
            raise ValidationError("Connect+ needs a positive daily fee", field="daily_fee")
        _whole(self.daily_data_mb, 0, "Connect+ daily data must be a whole number of MB", "daily_data_mb")
        for name in ("max_activations", "activation_window_days", "grace_days"):
            _whole(getattr(self, name), 1, "Connect+ limits must be whole numbers of at least 1", name)
        for name in ("offnet_minute_rate", "sms_rate"):
            rate = getattr(self, name)
            if rate is None:
                continue
            if not isinstance(rate, Money) or rate.is_negative:
                raise ValidationError("Connect+ rates cannot be negative", field=name)
            if rate.currency != self.daily_fee.currency:
                raise CurrencyMismatch(
                    "Connect+ rates must be in {currency}", field=name, currency=self.daily_fee.currency
                )

    @classmethod
    def published(cls, currency: str, plan_name: str = "") -> ConnectPlusTerms:
        """The published parameters in ``currency`` (1 unit a day, 50 MB, 10 in 30 days, 5 days)."""
        rates = PUBLISHED_OWN_RATES.get(plan_name.strip())
        return cls(
            daily_fee=Money.of(PUBLISHED_DAILY_FEE_UNITS, currency),
            offnet_minute_rate=Money.of(rates[0], currency) if rates else None,
            sms_rate=Money.of(rates[1], currency) if rates else None,
        )


def published_eligible(plan_name: str) -> bool:
    """Whether the published terms list the plan (the "Salom+" family)."""
    name = plan_name.strip()
    return any(name == family or name.startswith(family + " ") for family in PUBLISHED_ELIGIBLE_FAMILIES)


def published_connect_plus(plan_name: str, currency: str) -> ConnectPlusTerms | None:
    """Connect+ terms the published rules give a plan, or None when it is not eligible."""
    return ConnectPlusTerms.published(currency, plan_name) if published_eligible(plan_name) else None


@dataclass(frozen=True, slots=True)
class PlanTerms:
    """A plan with a periodic fee; ``connect_plus`` is None for a plan without Connect+."""

    code: str
    name: str
    fee: Money
    period_days: int
    connect_plus: ConnectPlusTerms | None = None
    # Later fees from their first day (the catalog's dated plan prices), in date order: a renewal
    # on or after such a day pays that fee (``fee_on``); ``fee`` is the fee before the first one.
    fees_from: tuple[tuple[date, Money], ...] = ()

    def fee_on(self, day: date) -> Money:
        """The fee a period starting on ``day`` costs."""
        fee = self.fee
        for first_day, later in self.fees_from:
            if first_day <= day:
                fee = later
        return fee

    def __post_init__(self) -> None:
        if not isinstance(self.code, str) or not self.code.strip():
            raise ValidationError("A plan needs a code", field="code")
        if not isinstance(self.fee, Money) or self.fee.amount <= 0:
            raise ValidationError("Plan {code} needs a positive fee", field="fee", code=self.code)
        _whole(
            self.period_days,
            1,
            "Plan {code} needs a period of at least one day",
            "period_days",
            code=self.code,
        )
        cp = self.connect_plus
        if cp is None:
            return
        if cp.daily_fee.currency != self.fee.currency:
            raise CurrencyMismatch(
                "Connect+ is priced in {currency}, plan {code} in {plan_currency}",
                field="connect_plus",
                currency=cp.daily_fee.currency,
                code=self.code,
                plan_currency=self.fee.currency,
            )
        # Connect+ is the band between the daily fee and the plan fee; without it, never runs.
        if cp.daily_fee >= self.fee:
            raise ValidationError(
                "Connect+ daily fee must be below the plan fee of {fee}", field="daily_fee", fee=self.fee
            )

    @property
    def currency(self) -> str:
        return self.fee.currency


# --- what Connect+ gives and costs ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class DailyAllowance:
    """What applies while Connect+ runs: the plan's packages are all unavailable."""

    data_mb: int
    onnet_calls_unlimited: bool = True
    packages_available: bool = False


def allowance(terms: PlanTerms) -> DailyAllowance | None:
    """The Connect+ daily allowance of the plan, or None when the plan has no Connect+."""
    return DailyAllowance(terms.connect_plus.daily_data_mb) if terms.connect_plus else None


# --- the account's state ---------------------------------------------------------------


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


# --- explanations (English msgids; translated in konnect_pos/resources/locale/*/connect_plus.po) ----

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


def _params(terms: PlanTerms, state: AccountPlanState, balance: Money, day: date) -> dict[str, Any]:
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


def _explanation(state: AccountPlanState) -> str:
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


def _check_balance(terms: PlanTerms, amount: Money) -> None:
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
        return _outcome(terms, state, new, balance, day, (), _explanation(new))

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
        params=_params(terms, new, balance, day),
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
        params=_params(terms, state, balance, day),
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
    _check_balance(terms, balance)
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
    _check_balance(terms, balance)
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
    _check_balance(terms, ledger.balance)
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


# --- the counter's summary ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConnectPlusStatus:
    """What the counter shows about an account's plan and Connect+ on ``day``."""

    day: date
    service: ServiceStatus
    reason: SuspendReason | None
    balance: Money
    eligible: bool
    paid_until: date | None
    next_fee_date: date | None
    amount_to_renew: Money
    connect_plus_since: date | None
    window_days_left: int | None
    activations_used: int
    max_activations: int | None
    activation_window_days: int | None
    activation_slot_frees_on: date | None
    opted_out: bool
    full_fee_required: bool
    packages_available: bool
    daily_data_mb: int | None
    explanation: str
    params: Mapping[str, Any]

    @property
    def message(self) -> str:
        return self.explanation.format(**self.params)


def _slot_frees_on(terms: PlanTerms, state: AccountPlanState, day: date) -> date | None:
    """While the limit is reached, the first day an activation leaves the rolling window."""
    cp = terms.connect_plus
    if cp is None or activations_in_window(terms, state, day) < cp.max_activations:
        return None
    first = day - timedelta(days=cp.activation_window_days - 1)
    counted = sorted(d for d in state.activations if first <= d <= day)
    return counted[-cp.max_activations] + timedelta(days=cp.activation_window_days)


def status(terms: PlanTerms, state: AccountPlanState, balance: Money, day: date) -> ConnectPlusStatus:
    """Summary of the state as last decided, with the windows counted on ``day``.

    ``next_fee_date`` is the day the plan fee falls due (the day after the paid period; in
    the past while lapsed); ``amount_to_renew`` is what a top-up must add to renew now.
    """
    check_day(day)
    _check_balance(terms, balance)
    cp = terms.connect_plus
    lapsed_on = state.lapsed_on
    if lapsed_on is None and state.paid_until is not None and day > state.paid_until:
        lapsed_on = state.paid_until + timedelta(days=1)
    window_left = None
    if cp is not None and lapsed_on is not None and state.service is not ServiceStatus.PLAN:
        window_left = max(0, (lapsed_on + timedelta(days=cp.grace_days) - day).days)
    shortfall = terms.fee_on(day) - balance
    return ConnectPlusStatus(
        day=day,
        service=state.service,
        reason=state.reason,
        balance=balance,
        eligible=cp is not None,
        paid_until=state.paid_until,
        next_fee_date=state.paid_until + timedelta(days=1) if state.paid_until else None,
        amount_to_renew=shortfall if shortfall.amount > 0 else Money.zero(terms.currency),
        connect_plus_since=state.connect_plus_since,
        window_days_left=window_left,
        activations_used=activations_in_window(terms, state, day),
        max_activations=cp.max_activations if cp else None,
        activation_window_days=cp.activation_window_days if cp else None,
        activation_slot_frees_on=_slot_frees_on(terms, state, day),
        opted_out=state.opted_out,
        full_fee_required=state.reason in FULL_FEE_ONLY,
        packages_available=state.service is ServiceStatus.PLAN,
        daily_data_mb=cp.daily_data_mb if cp and state.service is ServiceStatus.CONNECT_PLUS else None,
        explanation=_explanation(state),
        params=_params(terms, state, balance, day),
    )
