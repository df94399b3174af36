"""A customer's plan account loaded with its terms, ledger and state; subscribing; storing a day's
outcome; catching up the days a counter missed."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from konnect_pos.domain import connect_plus as engine
from konnect_pos.domain.balance import Ledger
from konnect_pos.domain.errors import NotFound
from konnect_pos.domain.plan_change import run_with_change
from konnect_pos.services.customers import customer_row
from konnect_pos.services.plans.ledger import entry_values, journal_entries, ledger_of
from konnect_pos.services.plans.state import dump_state, load_state
from konnect_pos.services.plans.terms import plan_terms
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import BalanceEntry, Customer, Plan, PlanAccount


@dataclass(frozen=True, slots=True)
class LoadedAccount:
    customer: Customer
    row: PlanAccount
    terms: engine.PlanTerms
    ledger: Ledger
    state: engine.AccountPlanState
    waiting: tuple[engine.PlanTerms, date] | None  # a plan change and the renewal day it takes over


def waiting_change(row: PlanAccount) -> tuple[engine.PlanTerms, date] | None:
    if row.next_plan_id is None:
        return None
    return plan_terms(row.next_plan), date.fromisoformat(row.next_plan_from)


def load_account(account_number: str) -> LoadedAccount:
    customer = customer_row(account_number)
    row = PlanAccount.get_or_none(PlanAccount.customer == customer.id)
    if row is None:
        raise NotFound(
            "Account {account} has no plan with a balance", field="account", account=customer.account_number
        )
    terms = plan_terms(row.plan)
    ledger = ledger_of(customer.id, terms.currency)
    return LoadedAccount(customer, row, terms, ledger, load_state(row.state, ledger), waiting_change(row))


def store_outcome(
    account: LoadedAccount, outcome: engine.DayOutcome, recorded_at: Any, terminal_id: int
) -> None:
    for entry in outcome.entries:
        BalanceEntry.create(**entry_values(account.customer.id, entry, recorded_at))
    journal_entries(terminal_id, account.customer.account_number, outcome.entries, recorded_at)
    last = outcome.state.last_processed_day
    PlanAccount.update(
        state=dump_state(outcome.state), last_processed_day=last.isoformat() if last else None
    ).where(PlanAccount.id == account.row.id).execute()


def event_day(account: LoadedAccount, today: date) -> date:
    """The day a counter event belongs to: today, or the account's day if a daily run has
    already processed it further (HQ's run ahead of this counter's clock)."""
    last = account.state.last_processed_day
    return max(today, last) if last else today


def subscribe(account_number: str, plan_code: str, *, on: date, paid_until: date | None = None) -> None:
    """Put a customer on a plan (demo and tests; plan sales themselves are outside the POS)."""
    customer = customer_row(account_number)
    plan = Plan.get_or_none(Plan.code == plan_code)
    if plan is None:
        raise NotFound("No plan with code {code}", field="plan", code=plan_code)
    state = (
        engine.AccountPlanState.paid(paid_until, processed_through=on - timedelta(days=1))
        if paid_until
        else engine.AccountPlanState(last_processed_day=on - timedelta(days=1))
    )
    with write_transaction():
        PlanAccount.create(
            customer=customer.id,
            plan=plan.id,
            subscribed_on=on.isoformat(),
            state=dump_state(state),
            last_processed_day=state.last_processed_day.isoformat() if state.last_processed_day else None,
        )


def caught_up(account: LoadedAccount, day: date, at: Any, terminal_id: int) -> LoadedAccount:
    """Days missed before ``day`` are processed first (the laptop was off), their fees stored;
    a plan change waiting for a renewal on or before ``day`` takes over."""
    last = account.state.last_processed_day
    if last is not None and last < day - timedelta(days=1):
        run, switched = run_with_change(
            account.terms, account.waiting, account.state, account.ledger, last + timedelta(days=1),
            day - timedelta(days=1),
        )  # fmt: skip
        for entry in run.new_entries:
            BalanceEntry.create(**entry_values(account.customer.id, entry, at))
        journal_entries(terminal_id, account.customer.account_number, run.new_entries, at)
        account = replace(account, ledger=run.ledger, state=run.state)
        if switched:
            account = _switch(account)
    if account.waiting is not None and account.waiting[1] <= day:
        account = _switch(account)
    return account


def _switch(account: LoadedAccount) -> LoadedAccount:
    """The waiting plan becomes the account's plan (its renewal day has come)."""
    assert account.waiting is not None
    PlanAccount.update(plan=account.row.next_plan_id, next_plan=None, next_plan_from=None).where(
        PlanAccount.id == account.row.id
    ).execute()
    return replace(account, terms=account.waiting[0], waiting=None)
