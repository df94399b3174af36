"""The corporate invoice run: 10,000 accounts × 5 service lines with random mid-cycle changes.

Target (issue 9): the run for one billing date ≤ 30 s (PDF rendering excluded, timed
separately per invoice).

    python benchmarks/invoice_run.py [--accounts 10000] [--pdfs 50] [--db postgresql://…]

The shop with its accounts is built once under benchmarks/data/ (git-ignored) with bulk inserts;
each SQLite run works on a fresh copy of it, so the run always issues every invoice. With
``--db`` (an empty PostgreSQL database or schema) the data is built there first.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from konnect_pos.services import demo
from konnect_pos.services.corporate import invoice_pdf, invoices_run
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.session import sign_in
from konnect_pos.store.database import db, write_transaction
from konnect_pos.store.models import (
    CorporateAccount,
    CorporateInvoice,
    DataBlockOffer,
    Outlet,
    ServiceLine,
    ServiceLineEvent,
    ServicePlan,
    User,
)
from konnect_pos.store.schema import open_database

DATA = Path(__file__).resolve().parent / "data"
RUN_DATE = date(2026, 11, 10)
NOW = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)
PREVIOUS_START = datetime(2026, 10, 9, 23, 0, tzinfo=UTC)  # 10 Oct 00:00 WAT
TARGET_S = 30.0
# insert_many takes its columns from the first row: every row names every optional column
EMPTY_EVENT = {"product_id": None, "pool": None, "quantity": None, "price_minor": None, "gigabytes": None}
PRODUCTS = ("BIZ-ESSENTIAL", "BIZ-STANDARD", "BIZ-STANDARD-PLUS", "BIZ-PRIORITY", "BIZ-PREMIUM")


def _between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    seconds = int((end - start).total_seconds())
    return start + timedelta(seconds=rng.randrange(1, seconds), microseconds=rng.randrange(1_000_000))


def build(accounts: int, seed: int = 9) -> None:
    """Accounts on billing day 10 (KIN01 in USD, DAR01 in TZS), 5 lines each, with plan changes,
    data-block changes, overage, pauses and reactivations scattered over the last period."""
    rng = random.Random(seed)
    demo.seed(lambda: NOW, customers=0, open_days=False)
    manager = User.get(User.username == "manager").id
    outlets = {o.code: o for o in Outlet.select()}
    offers = {(o.pool, o.currency): o for o in DataBlockOffer.select()}
    assert {p.product_id for p in ServicePlan.select()} >= set(PRODUCTS)
    previous_end = NOW.replace(hour=0) - timedelta(hours=1)  # 10 Nov 00:00 WAT
    long_ago = datetime(2026, 6, 9, 23, 0, tzinfo=UTC)
    two_before = datetime(2026, 9, 9, 23, 0, tzinfo=UTC)
    for start in range(0, accounts, 500):
        account_rows, line_rows, event_rows = [], [], []
        batch = range(start, min(start + 500, accounts))
        for index in batch:
            code, currency, zone = (
                ("KIN01", "USD", "Africa/Kinshasa") if index % 2 else ("DAR01", "TZS", "Africa/Dar_es_Salaam")
            )
            account_rows.append(
                {
                    "uuid": new_uuid(),
                    "code": f"BENCH-{index:06d}",
                    "outlet": outlets[code].id,
                    "company": f"Company {index}",
                    "tax_id": f"TAX-{index:06d}",
                    "currency": currency,
                    "zone": zone,
                    "billing_day": 10,
                    "created_at": long_ago,
                    "updated_at": long_ago,
                }
            )
        with write_transaction():
            CorporateAccount.insert_many(account_rows).execute()
            ids = {
                a.code: (a.id, a.currency)
                for a in CorporateAccount.select().where(
                    CorporateAccount.code.in_([r["code"] for r in account_rows])
                )
            }
            for index in batch:
                account_id, currency = ids[f"BENCH-{index:06d}"]
                for number in range(5):
                    serial = f"KITB{index:06d}{number}"
                    mid_cycle = rng.random() < 0.3
                    activated = _between(rng, PREVIOUS_START, previous_end) if mid_cycle else long_ago
                    line_rows.append(
                        {
                            "uuid": new_uuid(),
                            "account": account_id,
                            "kit_serial": serial,
                            "activated_at": activated,
                            "created_at": activated,
                        }
                    )
                    events = [("activation", activated, {"product_id": rng.choice(PRODUCTS)})]
                    if not mid_cycle and rng.random() < 0.05:  # paused two periods ago, back last period
                        events.append(("pause", _between(rng, two_before, PREVIOUS_START), {}))
                        events.append(("reactivation", _between(rng, PREVIOUS_START, previous_end), {}))
                    last = events[-1][1]
                    if rng.random() < 0.4:
                        last = _between(rng, last, previous_end)
                        events.append(("plan_change", last, {"product_id": rng.choice(PRODUCTS)}))
                    if rng.random() < 0.2:
                        last = _between(rng, last, previous_end)
                        pool = rng.choice(("local_priority", "global_priority"))
                        price = offers[(pool, currency)].block_price_minor
                        events.append(
                            (
                                "data_blocks",
                                last,
                                {"pool": pool, "quantity": rng.randrange(0, 6), "price_minor": price},
                            )
                        )
                    if rng.random() < 0.3:
                        last = _between(rng, last, previous_end)
                        pool = rng.choice(("local_priority", "global_priority"))
                        price = offers[(pool, currency)].overage_price_per_gb_minor
                        gigabytes = Decimal(rng.randrange(1, 400)) / 10
                        events.append(
                            ("overage", last, {"pool": pool, "gigabytes": gigabytes, "price_minor": price})
                        )
                    if rng.random() < 0.05:
                        events.append(("cancellation", _between(rng, last, previous_end), {}))
                    event_rows.append((serial, events))
            ServiceLine.insert_many(line_rows).execute()
            line_ids = {
                row.kit_serial: row.id
                for row in ServiceLine.select(ServiceLine.id, ServiceLine.kit_serial).where(
                    ServiceLine.kit_serial.in_([r["kit_serial"] for r in line_rows])
                )
            }
            rows = []
            for serial, events in event_rows:
                for seq, (kind, at, values) in enumerate(events, start=1):
                    rows.append(
                        {
                            "uuid": new_uuid(),
                            "line": line_ids[serial],
                            "seq": seq,
                            "at": at,
                            "kind": kind,
                            "user": manager,
                            "recorded_at": at,
                            **EMPTY_EVENT,
                            **values,
                        }
                    )
            for first in range(0, len(rows), 1000):
                ServiceLineEvent.insert_many(rows[first : first + 1000]).execute()
        print(f"  built {min(start + 500, accounts):,} / {accounts:,} accounts", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=10_000)
    parser.add_argument("--pdfs", type=int, default=50)
    parser.add_argument("--db", help="an empty PostgreSQL database instead of the SQLite copy")
    args = parser.parse_args()
    if args.db:
        open_database(args.db)
        started = time.perf_counter()
        build(args.accounts)
        print(f"built on {args.db.split('@')[-1]} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    else:
        DATA.mkdir(exist_ok=True)
        base = DATA / f"invoice_run_{args.accounts}.db"
        if not base.exists():
            started = time.perf_counter()
            open_database(f"sqlite:///{base}")
            build(args.accounts)
            db.close()
            print(f"built {base.name} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        work = Path(tempfile.mkdtemp()) / "run.db"
        shutil.copy(base, work)
        open_database(f"sqlite:///{work}")
    counter = sign_in("KIN01-T1", "manager", "222222", lambda: NOW)
    lines = ServiceLine.select().count()
    events = ServiceLineEvent.select().count()
    started = time.perf_counter()
    result = invoices_run(counter, RUN_DATE)
    elapsed = time.perf_counter() - started
    issued_lines = sum(1 for _ in CorporateInvoice.select())
    print(f"accounts due: {result.due_accounts:,}; service lines: {lines:,}; events: {events:,}")
    print(f"invoices issued: {len(result.issued):,} ({issued_lines:,} stored)")
    verdict = "met" if elapsed <= TARGET_S else f"MISSED by {elapsed - TARGET_S:.1f} s"
    print(f"invoice run: {elapsed:.2f} s (target ≤ {TARGET_S:.0f} s) — {verdict}")
    started = time.perf_counter()
    again = invoices_run(counter, RUN_DATE)
    print(f"second run of the same date: {time.perf_counter() - started:.2f} s, {len(again.issued)} issued")
    samples = []
    for number in result.issued[: args.pdfs]:
        t0 = time.perf_counter()
        invoice_pdf(counter, number, language="fr")
        samples.append((time.perf_counter() - t0) * 1000)
    if samples:
        print(
            f"PDF per invoice ({len(samples)} rendered): median {statistics.median(samples):.1f} ms, "
            f"max {max(samples):.1f} ms; all {len(result.issued):,} ≈ "
            f"{statistics.median(samples) * len(result.issued) / 1000:.0f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
