"""Plans at the counter: put a customer on a plan, change plan, the plan history.

The rule of a change is the domain's (``domain/plan_change.py``); this module stores it in one
transaction: the history line, the plan account, the ledger entries, and their journal records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from konnect_pos.domain import connect_plus as engine
from konnect_pos.domain.balance import EntryKind
from konnect_pos.domain.errors import Conflict, NotFound, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.plan_change import decide_change
from konnect_pos.domain.roles import Right
from konnect_pos.services import journal
from konnect_pos.services.customers import customer_row
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.plans.accounts import caught_up, event_day, load_account
from konnect_pos.services.plans.ledger import entry_values, journal_entries
from konnect_pos.services.plans.state import dump_state
from konnect_pos.services.plans.terms import plan_terms
from konnect_pos.services.session import Counter
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import BalanceEntry, Customer, Plan, PlanAccount, PlanChange


@dataclass(frozen=True, slots=True)
class PlanOffer:
    """A plan a customer of this country can be put on."""

    code: str
    name: str
    fee: Money
    period_days: int
    connect_plus: bool


@dataclass(frozen=True, slots=True)
class PlanChangeResult:
    account_number: str
    kind: str  # set | now | next_renewal | cancelled
    from_plan: str | None
    to_plan: str
    effective_on: date
    credit: Money  # unused days credited back by an immediate change
    charged: Money  # plan fee charged now (zero when the change waits)
    balance: Money


@dataclass(frozen=True, slots=True)
class PlanHistoryLine:
    requested_on: date
    kind: str
    from_plan: str | None
    to_plan: str
    effective_on: date
    user: str


def plan_offers(account_number: str) -> tuple[PlanOffer, ...]:
    """The active plans of the customer's country, cheapest first."""
    customer = customer_row(account_number)
    plans = (
        Plan.select()
        .where((Plan.country == customer.country) & (Plan.active == True))  # noqa: E712 (peewee)
        .order_by(Plan.fee_minor, Plan.code)
    )
    return tuple(
        PlanOffer(
            p.code,
            p.name,
            Money.from_minor(p.fee_minor, p.currency),
            p.period_days,
            p.cp_daily_fee_minor is not None,
        )
        for p in plans
    )


def _plan_for(customer: Customer, code: str) -> Plan:
    text = code.strip().upper()
    plan = Plan.get_or_none(Plan.code == text)
    if plan is None or not plan.active:
        raise NotFound("No plan with code {code}", field="plan", code=text[:40])
    if plan.country != customer.country:
        raise ValidationError(
            "Plan {plan} is not sold in this customer's country", field="plan", plan=plan.name
        )
    return plan


def _history(
    counter: Counter, customer: Customer, kind: str, old: Plan | None, new: Plan, day: date, effective: date
) -> None:
    at = counter.clock()
    row = PlanChange.create(
        uuid=new_uuid(),
        customer=customer.id,
        from_plan=old.id if old else None,
        to_plan=new.id,
        kind=kind,
        requested_on=day.isoformat(),
        effective_on=effective.isoformat(),
        username=counter.user.username,
        recorded_at=at,
    )
    journal.lock_terminal(counter.terminal.id)
    journal.append(
        counter.terminal.id,
        "plan_change",
        row.uuid,
        at,
        {
            "uuid": row.uuid,
            "customer": customer.account_number,
            "kind": kind,
            "from_plan": old.code if old else None,
            "to_plan": new.code,
            "requested_on": day.isoformat(),
            "effective_on": effective.isoformat(),
            "user": counter.user.username,
        },
    )


def set_plan(counter: Counter, account_number: str, plan_code: str) -> PlanChangeResult:
    """Put a customer without a plan on one: the plan starts when the balance covers its fee
    (a top-up), as for any account whose period is not paid."""
    counter.require(Right.SELL)
    with write_transaction():
        customer = customer_row(account_number)
        current = PlanAccount.get_or_none(PlanAccount.customer == customer.id)
        if current is not None:
            raise Conflict(
                "Account {account} is already on plan {plan}: change the plan instead",
                field="account",
                account=customer.account_number,
                plan=current.plan.name,
            )
        plan = _plan_for(customer, plan_code)
        day = counter.today()
        state = engine.AccountPlanState(last_processed_day=day - timedelta(days=1))
        PlanAccount.create(
            customer=customer.id,
            plan=plan.id,
            subscribed_on=day.isoformat(),
            state=dump_state(state),
            last_processed_day=state.last_processed_day.isoformat() if state.last_processed_day else None,
        )
        _history(counter, customer, "set", None, plan, day, day)
    zero = Money.zero(plan.currency)
    return PlanChangeResult(customer.account_number, "set", None, plan.name, day, zero, zero, zero)


def change_plan(counter: Counter, account_number: str, plan_code: str) -> PlanChangeResult:
    """Change a customer's plan: now when the balance covers the new fee (unused days credited
    back), else at the next renewal. Asking for the current plan while a change waits cancels it."""
    counter.require(Right.SELL)
    at = counter.clock()
    with write_transaction():
        account = load_account(account_number)
        customer = account.customer
        plan = _plan_for(customer, plan_code)
        day = event_day(account, counter.today())
        account = caught_up(account, day, at, counter.terminal.id)
        row = PlanAccount.get_by_id(account.row.id)
        old = row.plan
        zero = Money.zero(account.terms.currency)
        if plan.id == old.id and row.next_plan_id is not None:
            PlanAccount.update(next_plan=None, next_plan_from=None).where(PlanAccount.id == row.id).execute()
            _history(counter, customer, "cancelled", row.next_plan, plan, day, day)
            return PlanChangeResult(
                customer.account_number, "cancelled", row.next_plan.name, plan.name, day, zero, zero,
                account.ledger.balance,
            )  # fmt: skip
        decision = decide_change(account.terms, plan_terms(plan), account.state, account.ledger, day)
        for entry in decision.entries:
            BalanceEntry.create(**entry_values(customer.id, entry, at))
        journal_entries(counter.terminal.id, customer.account_number, decision.entries, at)
        last = decision.state.last_processed_day
        if decision.immediate:
            PlanAccount.update(
                plan=plan.id,
                next_plan=None,
                next_plan_from=None,
                state=dump_state(decision.state),
                last_processed_day=last.isoformat() if last else None,
            ).where(PlanAccount.id == row.id).execute()
        else:
            PlanAccount.update(
                next_plan=plan.id,
                next_plan_from=decision.effective_on.isoformat(),
                state=dump_state(decision.state),
                last_processed_day=last.isoformat() if last else None,
            ).where(PlanAccount.id == row.id).execute()
        kind = "now" if decision.immediate else "next_renewal"
        _history(counter, customer, kind, old, plan, day, decision.effective_on)
    final = load_account(account_number)
    charged = sum((-e.amount for e in decision.entries if e.kind is EntryKind.PLAN_FEE), zero)
    return PlanChangeResult(
        customer.account_number, kind, old.name, plan.name, decision.effective_on, decision.credit,
        charged, final.ledger.balance,
    )  # fmt: skip


def plan_in_effect(customer_id: int, day: date, at: datetime) -> Plan:
    """The customer's plan on ``day`` as it stood at the instant ``at`` (a receipt reprinted after a
    change still names the plan of its time), replayed from the history."""
    rows = list(PlanChange.select().where(PlanChange.customer == customer_id).order_by(PlanChange.id))
    plan: Plan | None = None
    waiting: PlanChange | None = None
    for row in rows:
        if row.recorded_at > at:
            if plan is None:
                plan = row.from_plan  # the plan before the first change after ``at``
            break
        if row.kind == "cancelled":
            waiting = None
        elif row.kind == "next_renewal":
            plan, waiting = row.from_plan, row
        else:
            plan, waiting = row.to_plan, None
    if waiting is not None and date.fromisoformat(waiting.effective_on) <= day:
        plan = waiting.to_plan
    return plan or PlanAccount.get(PlanAccount.customer == customer_id).plan


def plan_history(account_number: str) -> tuple[PlanHistoryLine, ...]:
    """Every plan line of the customer, oldest first (empty for a customer never on a plan)."""
    customer = customer_row(account_number)
    rows = PlanChange.select().where(PlanChange.customer == customer.id).order_by(PlanChange.id)
    return tuple(
        PlanHistoryLine(
            requested_on=date.fromisoformat(row.requested_on),
            kind=row.kind,
            from_plan=row.from_plan.name if row.from_plan_id else None,
            to_plan=row.to_plan.name,
            effective_on=date.fromisoformat(row.effective_on),
            user=row.username,
        )
        for row in rows
    )
