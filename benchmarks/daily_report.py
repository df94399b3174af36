"""Z report of one terminal-day and the outlet summary of one day in a database of 5,000,000
sales across 200 terminals (target ≤ 0.3 s each). The database is generated once under
benchmarks/data/ with raw inserts (one line and one payment per sale) and reused; opening it
with a newer schema fills the per-day totals (timed once, printed).

Baseline, same run: the report's sale sections grouped from the day's 60,000 rows (what the
summary read before the per-day totals), next to the summary as it is now.

    python benchmarks/daily_report.py [--sales 5000000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta

from built_once import DATA, built_once

from konnect_pos.services import demo
from konnect_pos.services.daily_report import daily_report
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.session import sign_in
from konnect_pos.store import day_totals
from konnect_pos.store.database import db
from konnect_pos.store.models import BusinessDay, Customer, DayFloat, Outlet, Sale, Terminal
from konnect_pos.store.schema import open_database

TERMINALS = 200
START = datetime(2026, 1, 1, 7, 0, tzinfo=UTC)
BATCH = 20_000


def build(url: str, sales: int) -> None:
    open_database(url)
    clock = lambda: START  # noqa: E731
    demo.seed(clock, customers=2_000, only_country="CD", open_days=False)
    outlet = Outlet.get(Outlet.code == "KIN01")
    manager_id = db.execute_sql("SELECT id FROM \"user\" WHERE username = 'manager'").fetchone()[0]
    for index in range(2, TERMINALS + 1):
        Terminal.create(uuid=new_uuid(), outlet=outlet, code=f"T{index}", created_at=START)
    terminals = [t.id for t in Terminal.select().where(Terminal.outlet == outlet)]
    customers = [c.id for c in Customer.select(Customer.id)]
    per_day = 300  # a busy terminal-day
    days_needed = sales // (per_day * len(terminals)) + 1
    rng = random.Random(5)
    made = 0
    print(
        f"building {sales:,} sales over {days_needed} days × {len(terminals)} terminals (once)…",
        file=sys.stderr,
    )
    started = time.perf_counter()
    for day_index in range(days_needed):
        the_date = date(2026, 1, 1) + timedelta(days=day_index)
        with db.atomic():
            day_ids = {}
            for terminal in terminals:
                day = BusinessDay.create(
                    uuid=new_uuid(),
                    terminal=terminal,
                    business_date=the_date.isoformat(),
                    zone="Africa/Kinshasa",
                    opened_at=START + timedelta(days=day_index),
                    opened_by=manager_id,
                )
                DayFloat.create(day=day, currency="USD", amount_minor=5000)
                day_ids[terminal] = day.id
            rows = []
            for terminal in terminals:
                for n in range(per_day):
                    if made >= sales:
                        break
                    made += 1
                    at = START + timedelta(days=day_index, seconds=n * 120)
                    rows.append(
                        (
                            f"s{made}",
                            terminal,
                            f"B-{terminal}-{made}",
                            rng.choice(customers),
                            manager_id,
                            at.replace(tzinfo=None).isoformat(sep=" "),
                            day_ids[terminal],
                        )
                    )
            for start in range(0, len(rows), BATCH):
                chunk = rows[start : start + BATCH]
                db.execute_sql(
                    "INSERT INTO sale (uuid, terminal_id, receipt_number, customer_id, user_id, sold_at,"
                    " channel, currency, total_minor, vat_minor, rounding_minor, paid_minor, change_minor,"
                    " language, business_day_id) VALUES "
                    + ",".join(
                        ["(?, ?, ?, ?, ?, ?, 'shop', 'USD', 1700, 234, 0, 1700, 0, 'fr', ?)"] * len(chunk)
                    ),
                    [value for row in chunk for value in row],
                )
        if made >= sales:
            break
        if day_index % 10 == 0:
            print(f"  {made:,} sales", file=sys.stderr)
    db.execute_sql(
        "INSERT INTO sale_line (uuid, sale_id, position, bundle_code, bundle_name, data_gb, validity_days,"
        " price_minor, vat_rate, vat_minor, trigger, starts_at, starts_exact, period_end, follows)"
        " SELECT 'l' || id, id, 1, 'CD-LITE15', 'Konnect Lite 15 Go', '15', 30, 1700, '0.16', 234,"
        " 'immediate', sold_at, 1, sold_at, '' FROM sale"
    )
    db.execute_sql(
        "INSERT INTO payment (uuid, sale_id, position, method, currency, amount_minor, tendered_minor,"
        " change_minor) SELECT 'p' || id, id, 1, 'cash', 'USD', 1700, 2000, 300 FROM sale"
    )
    db.execute_sql("ANALYZE")
    print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def timed(call, runs: int = 7) -> tuple[float, float]:
    """Median wall and CPU seconds (CPU: the process's, SQLite's work included; under load the
    wall time measures the machine as much as the code)."""
    call()
    samples, cpu = [], []
    for _ in range(runs):
        start, started_cpu = time.perf_counter(), time.process_time()
        call()
        samples.append(time.perf_counter() - start)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(samples), statistics.median(cpu)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=5_000_000)
    args = parser.parse_args()
    path = built_once(DATA / f"sales-{args.sales}.db", lambda url: build(url, args.sales))
    started = time.perf_counter()
    open_database(f"sqlite:///{path}")
    print(f"open (and any schema upgrade): {time.perf_counter() - started:.1f} s", file=sys.stderr)
    last = BusinessDay.select().order_by(BusinessDay.business_date.desc()).first()
    the_date = date.fromisoformat(last.business_date) - timedelta(days=1)
    clock = lambda: datetime.combine(the_date, datetime.min.time(), UTC) + timedelta(hours=12)  # noqa: E731
    manager = sign_in("KIN01-T1", "manager", "222222", clock)
    one = timed(lambda: daily_report(manager, the_date, terminal="KIN01-T1"))
    outlet = timed(lambda: daily_report(manager, the_date, whole_outlet=True), runs=5)
    day_ids = [
        d.id
        for d in BusinessDay.select(BusinessDay.id).where(BusinessDay.business_date == the_date.isoformat())
    ]
    marks = ", ".join("?" * len(day_ids))
    live = (
        f"s.business_day_id IN ({marks}) AND NOT EXISTS"
        " (SELECT 1 FROM sale_void v WHERE v.sale_id = s.id AND v.day_id = s.business_day_id)"
    )
    grouped = day_totals.sections_sql(db.obj, live)
    rows = timed(lambda: db.execute_sql(f"SELECT * FROM ({grouped}) AS d", day_ids * 6).fetchall(), runs=5)
    day_sales = Sale.select().where(Sale.business_day.in_(day_ids)).count()
    count = Sale.select().count()
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{count:,} sales; the day: {day_sales:,} sales on {len(day_ids)} terminals; load average {load}")
    print(
        f"terminal-day report: {one[0] * 1000:.0f} ms ({one[1] * 1000:.0f} ms CPU)"
        f" | target ≤ 300 ms: {'OK' if one[0] <= 0.3 else 'MISSED'}"
    )
    print(
        f"outlet summary (200 terminals): {outlet[0] * 1000:.0f} ms ({outlet[1] * 1000:.0f} ms CPU);"
        f" baseline, its sale sections grouped from the day's rows: {rows[0] * 1000:.0f} ms"
        f" ({rows[1] * 1000:.0f} ms CPU) | target ≤ 300 ms: {'OK' if outlet[0] <= 0.3 else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
