"""The counter's view of a plan account: plan, Connect+ status, what a top-up would do; the balance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from konnect_pos.domain import connect_plus as engine
from konnect_pos.domain.balance import LedgerEntry
from konnect_pos.domain.errors import NotFound
from konnect_pos.domain.money import Money
from konnect_pos.domain.plan_change import run_with_change
from konnect_pos.domain.top_up_advice import TopUpAdvice, advise_top_up
from konnect_pos.services.plans.accounts import load_account
from konnect_pos.store.models import Customer


@dataclass(frozen=True, slots=True)
class PlanStatus:
    account_number: str
    plan_code: str
    plan_name: str
    plan_fee: Money
    period_days: int
    status: engine.ConnectPlusStatus
    daily_fee: Money | None
    top_up: TopUpAdvice  # what a top-up does today: the top-up dialog shows it
    next_plan_name: str | None = None  # a plan change waiting for the renewal on next_plan_from
    next_plan_from: date | None = None


def plan_status(account_number: str, day: date) -> PlanStatus | None:
    """The counter's view of the account's plan and Connect+; None for a customer without a plan."""
    try:
        account = load_account(account_number)
    except NotFound:
        if Customer.get_or_none(Customer.account_number == account_number) is None:
            raise
        return None
    state, ledger, terms, waiting = account.state, account.ledger, account.terms, account.waiting
    last = state.last_processed_day
    if last is not None and last < day:  # as today's run will decide it (nothing is stored here)
        run, switched = run_with_change(terms, waiting, state, ledger, last + timedelta(days=1), day)
        state, ledger = run.state, run.ledger
        if switched and waiting is not None:
            terms, waiting = waiting[0], None
    cp = terms.connect_plus
    return PlanStatus(
        account_number=account.customer.account_number,
        plan_code=terms.code,
        plan_name=terms.name,
        plan_fee=terms.fee_on(day),
        period_days=terms.period_days,
        status=engine.status(terms, state, ledger.balance, day),
        daily_fee=cp.daily_fee if cp else None,
        top_up=advise_top_up(terms, state, ledger.balance, day),
        next_plan_name=waiting[0].name if waiting else None,
        next_plan_from=waiting[1] if waiting else None,
    )


def balance(account_number: str) -> tuple[Money, tuple[tuple[LedgerEntry, Money], ...]]:
    """The balance and every ledger entry with the running balance after it."""
    account = load_account(account_number)
    return account.ledger.balance, account.ledger.running_balances()
