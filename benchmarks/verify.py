"""``verify`` after a month of daily runs (issue 14): every balance entry rebuilt and compared.

    python benchmarks/verify.py [--accounts 20000] [--days 30]

Accounts on the "Salom+ 30" plan as in benchmarks/run_daily.py's realistic mix (fee dates
spread over the month, one in ten lapsed into Connect+), each opening balance a journaled
adjustment; then ``--days`` daily runs (every fee journaled), then ``verify`` timed. Prints
the ledger's size and the time per 10,000 balance entries. The database is built once under
benchmarks/data/.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from konnect_pos.domain.balance import adjustment
from konnect_pos.domain.connect_plus import AccountPlanState
from konnect_pos.domain.money import Money
from konnect_pos.services import demo, journal
from konnect_pos.services import plans as cp
from konnect_pos.services.plans.ledger import entry_values
from konnect_pos.services.plans.state import dump_state
from konnect_pos.services.verify import verify
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import (
    BalanceEntry,
    Customer,
    JournalEntry,
    OutboxEvent,
    Plan,
    PlanAccount,
    Terminal,
)
from konnect_pos.store.schema import open_database

DAY = date(2026, 11, 20)
DATA = Path(__file__).parent / "data"


def build(path: Path, accounts: int, days: int) -> None:
    now = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    open_database(f"sqlite:///{path}")
    demo.seed(lambda: now, customers=accounts, only_country="CD", open_days=False)
    plan = Plan.get(Plan.code == "CD-SALOM")
    fee = Money.from_minor(plan.fee_minor, plan.currency)
    terminal = Terminal.select().order_by(Terminal.id).first().id
    PlanAccount.delete().execute()
    JournalEntry.delete().execute()  # the demo's few entries and openings: rebuilt below, all journaled
    OutboxEvent.delete().execute()
    BalanceEntry.delete().execute()
    rows = list(Customer.select(Customer.id, Customer.account_number).order_by(Customer.id).tuples())
    for start in range(0, len(rows), 10_000):
        states, credits, records = [], [], []
        for n, (customer_id, account) in enumerate(rows[start : start + 10_000], start=start):
            lapsed = n % 10 == 0
            paid_until = DAY - timedelta(days=1) + timedelta(days=0 if lapsed else (n // 10) % 30)
            state = AccountPlanState.paid(paid_until, processed_through=DAY - timedelta(days=1))
            states.append(
                {
                    "customer": customer_id,
                    "plan": plan.id,
                    "subscribed_on": (DAY - timedelta(days=30)).isoformat(),
                    "state": dump_state(state),
                    "last_processed_day": state.last_processed_day.isoformat(),
                }
            )
            opening = Money.of("3", "USD") if lapsed else fee
            credit = adjustment(f"opening:{customer_id}", DAY - timedelta(days=2), opening, "opening balance")
            credits.append(entry_values(customer_id, credit, now))
            payload = cp.entry_payload(account, credit)
            records.append(("balance_entry", payload["uuid"], now, payload))
        with write_transaction():
            PlanAccount.insert_many(states).execute()
            BalanceEntry.insert_many(credits).execute()
            journal.lock_terminal(terminal)
            journal.append_many(terminal, records)
    for offset in range(days):
        day = DAY + timedelta(days=offset)
        moment = datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)
        cp.run_daily(day, lambda moment=moment: moment)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--accounts", type=int, default=20_000)
    parser.add_argument("--days", type=int, default=30)
    args = parser.parse_args()
    DATA.mkdir(exist_ok=True)
    path = DATA / f"verify_{args.accounts}_{args.days}.db"
    if not path.exists():
        started = time.perf_counter()
        build(path, args.accounts, args.days)
        print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    open_database(f"sqlite:///{path}")
    entries = BalanceEntry.select().count()
    journaled = JournalEntry.select().count()
    started = time.perf_counter()
    report = verify()
    took = time.perf_counter() - started
    print(
        f"verify: {args.accounts:,} accounts after {args.days} daily runs, {entries:,} balance entries,"
        f" {journaled:,} journal entries, {report.records:,} records compared: {took:.1f} s"
        f" ({took / max(entries, 1) * 10_000:.2f} s per 10,000 balance entries);"
        f" problems: {len(report.problems)}"
    )
    for problem in report.problems[:5]:
        print(f"  {problem}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
