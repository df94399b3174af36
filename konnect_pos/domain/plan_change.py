"""Changing an auto-renewing plan at the counter, pure (the rule: docs/decisions.md,
"Plan changes at the counter").

- **In a paid period**, the change is **immediate when the balance covers the new plan's fee**
  once the unused days of the current period are credited back (the old fee × unused days ÷
  period days, half-up to the currency's unit; today counts as unused): the new plan's fee is
  charged and its first period starts today. Otherwise it **waits for the next renewal** (the
  day after the paid period): that day's run switches the plan before it decides, so the
  renewal charges the new fee (or Connect+ runs under the new plan's terms).
- **Outside a paid period** (not started, Connect+ or suspended) nothing is left to credit: the
  change is immediate and the day is re-decided under the new plan, which renews at once when
  the balance covers its fee.

Days are ``datetime.date`` passed in; no clock is read here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from konnect_pos.domain import connect_plus as engine
from konnect_pos.domain.balance import Ledger, LedgerEntry, adjustment, plan_fee, plan_fee_key
from konnect_pos.domain.errors import CurrencyMismatch, ValidationError
from konnect_pos.domain.money import Money, round_half_up


@dataclass(frozen=True, slots=True)
class PlanChangeDecision:
    """``immediate``: ``entries`` and ``state`` are to be stored now; otherwise the change waits
    for ``effective_on`` (the next renewal) and nothing is charged today."""

    immediate: bool
    effective_on: date
    credit: Money  # the unused days credited back (zero when none)
    entries: tuple[LedgerEntry, ...]
    state: engine.AccountPlanState


def unused_credit(terms: engine.PlanTerms, state: engine.AccountPlanState, day: date) -> Money:
    """The current period's days from ``day`` to its end, at the fee that period cost, half-up."""
    if state.paid_until is None or state.paid_until < day:
        return Money.zero(terms.currency)
    unused = min((state.paid_until - day).days + 1, terms.period_days)
    paid = terms.fee_on(state.paid_until - timedelta(days=terms.period_days - 1))
    return round_half_up(paid.amount * Decimal(unused) / Decimal(terms.period_days), terms.currency)


def decide_change(
    current: engine.PlanTerms,
    new: engine.PlanTerms,
    state: engine.AccountPlanState,
    ledger: Ledger,
    day: date,
) -> PlanChangeDecision:
    """The change from ``current`` to ``new`` asked on ``day`` (days before it already processed)."""
    if new.code == current.code:
        raise ValidationError("The customer is already on plan {plan}", field="plan", plan=new.name)
    if new.currency != current.currency:
        raise CurrencyMismatch(
            "Plan {plan} is priced in {currency}, this account in {account_currency}",
            field="plan",
            plan=new.name,
            currency=new.currency,
            account_currency=current.currency,
        )
    zero = Money.zero(current.currency)
    if state.paid_until is None or state.paid_until < day:  # the day opens (or is re-decided) on the new plan
        outcome = engine.apply_top_up(new, state, ledger.balance, day)
        return PlanChangeDecision(True, day, zero, outcome.entries, outcome.state)
    entries: tuple[LedgerEntry, ...] = ()
    if state.last_processed_day is None or state.last_processed_day < day:  # a paid day: nothing charged
        opened = engine.process_day(current, state, ledger.balance, day)
        state, ledger, entries = opened.state, ledger.extend(opened.entries), opened.entries

    credit = unused_credit(current, state, day)
    if ledger.balance + credit < new.fee_on(day):
        return PlanChangeDecision(False, state.paid_until + timedelta(days=1), zero, entries, state)
    period_start = state.paid_until - timedelta(days=current.period_days - 1)
    old_fee = plan_fee_key(period_start)
    moved: list[LedgerEntry] = []
    if credit:
        moved.append(
            adjustment(
                f"plan-change-credit:{day.isoformat()}:{current.code}",
                day,
                credit,
                f"unused days of {current.code}",
                corrects=old_fee if old_fee in ledger else None,
            )
        )
    paid_until = day + timedelta(days=new.period_days - 1)
    fee = plan_fee(day, new.fee_on(day), day, paid_until)
    if fee.key in ledger:  # the current period started today
        fee = replace(fee, key=f"{fee.key}:{new.code}")
    moved.append(fee)
    ledger.extend(moved)  # refuses an entry that breaks a ledger rule before anything is stored
    new_state = replace(
        state,
        paid_until=paid_until,
        service=engine.ServiceStatus.PLAN,
        reason=None,
        lapsed_on=None,
        connect_plus_since=None,
        daily_fee_charged=None,
    )
    return PlanChangeDecision(True, day, credit, entries + tuple(moved), new_state)


def run_with_change(
    current: engine.PlanTerms,
    waiting: tuple[engine.PlanTerms, date] | None,
    state: engine.AccountPlanState,
    ledger: Ledger,
    from_day: date,
    to_day: date,
) -> tuple[engine.RunResult, bool]:
    """``run_days`` where a waiting change takes over on its day (before that day's decision);
    True when it did."""
    if waiting is None or to_day < waiting[1]:
        return engine.run_days(current, state, ledger, [], from_day, to_day), False
    new, switch_day = waiting
    outcomes: tuple[engine.DayOutcome, ...] = ()
    if from_day < switch_day:
        before = engine.run_days(current, state, ledger, [], from_day, switch_day - timedelta(days=1))
        state, ledger, outcomes = before.state, before.ledger, before.outcomes
    after = engine.run_days(new, state, ledger, [], max(from_day, switch_day), to_day)
    return engine.RunResult(after.state, after.ledger, outcomes + after.outcomes), True
