"""Demo plans: per country a "Salom+" plan (Connect+) and a plan without, three customers on them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from konnect_pos.domain.balance import adjustment
from konnect_pos.domain.countries import country as country_of
from konnect_pos.domain.money import Money
from konnect_pos.services.clock import local_date
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.plans.accounts import subscribe
from konnect_pos.services.plans.ledger import entry_values, journal_entries
from konnect_pos.services.plans.terms import add_plan
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import BalanceEntry, Customer, Outlet, Plan, PlanChange, Terminal

DEMO_PLANS = {  # country: (currency, Salom+ fee, plain plan fee): invented demo prices
    "TZ": ("TZS", "55000", "40000"),
    "CD": ("USD", "25", "18"),
    "CG": ("XAF", "15000", "11000"),
    "CI": ("XOF", "15000", "11000"),
}


def seed_demo_plans(countries: Sequence[str], now: datetime) -> None:
    """Per country a "Salom+" plan (Connect+) and a plan without; the country's first three
    customers on them: paid for 10 more days with the fee in the balance (renews itself), lapsed
    yesterday with 3 days of Connect+ money, and on the plan without Connect+, lapsed. Their plan
    history says when they were put on the plan (demo data: not journaled, like the customers).
    "Today" is the country's own local date, as its counters see it, not the UTC date."""
    recorded_at = now
    for code in countries:
        today = local_date(now, country_of(code).zones[0])
        currency, salom_fee, plain_fee = DEMO_PLANS[code]
        salom = add_plan(f"{code}-SALOM", "Salom+ 30", code, Money.of(salom_fee, currency), 30)
        add_plan(f"{code}-HOME", "Konnect Home 30", code, Money.of(plain_fee, currency), 30)
        daily = Money.from_minor(salom.cp_daily_fee_minor, currency)
        first = Customer.select().where(Customer.country == code).order_by(Customer.id).limit(3)
        for customer, (plan_code, paid_until, opening) in zip(
            first,
            (
                (f"{code}-SALOM", today + timedelta(days=10), Money.of(salom_fee, currency)),
                (f"{code}-SALOM", today - timedelta(days=1), daily * 3),
                (f"{code}-HOME", today - timedelta(days=1), Money.zero(currency)),
            ),
            strict=False,
        ):
            account = customer.account_number
            subscribe(account, plan_code, on=today, paid_until=paid_until)
            started = (paid_until - timedelta(days=29)).isoformat()  # the paid period's first day
            PlanChange.create(
                uuid=new_uuid(), customer=customer.id, to_plan=Plan.get(Plan.code == plan_code).id,
                kind="set", requested_on=started, effective_on=started, username="admin",
                recorded_at=recorded_at,
            )  # fmt: skip
            if opening.amount > 0:  # no money taken: an adjustment, journaled like the run's entries
                credit = adjustment(f"demo-opening:{account}", today, opening, "demo opening balance")
                with write_transaction():
                    BalanceEntry.create(**entry_values(customer.id, credit, recorded_at))
                    journal_entries(_demo_terminal(code), account, [credit], recorded_at)


def _demo_terminal(country: str) -> int:
    """The country's first terminal journals the demo's opening balances (a currency of its own)."""
    first = Terminal.select(Terminal.id).join(Outlet).where(Outlet.country == country).order_by(Terminal.id)
    return first.get().id
