"""Sync with HQ (issue 7): push two weeks of a busy distributor, then a first pull of 1M customers.

Targets: push 5,000 sales to HQ ≤ 10 s; initial pull of 1,000,000 customers ≤ 120 s, with progress.

    python benchmarks/sync.py [--sales 5000] [--customers 1000000] [--pg postgresql://postgres@127.0.0.1/postgres]

A fresh HQ database is created on the server and dropped afterwards. The terminal is a
SQLite file with synchronous=FULL, as on a distributor's laptop.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg

from konnect_pos.domain.customers import record_search_text
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender, MobileMoneyTender
from konnect_pos.hq import admin as hq_admin
from konnect_pos.hq.connection import hq_connect
from konnect_pos.services import demo
from konnect_pos.services.checkout import CartItem, sell
from konnect_pos.services.session import sign_in
from konnect_pos.services.sync import client, reference
from konnect_pos.store.models import OutboxEvent
from konnect_pos.store.schema import open_database

PUSH_TARGET_S = 10.0
PULL_TARGET_S = 120.0


class Clock:
    """Two weeks of selling: one sale every few minutes, days opened by the demo seed."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 20, 7, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=2)
        return self.now


def make_hq(server: str) -> tuple[str, str]:
    name = f"hq_bench_{int(time.time())}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    base, _, _ = server.rpartition("/")
    return name, f"{base}/{name}"


def fill_hq_customers(url: str, count: int) -> None:
    """HQ's customers as HQ stores them (search text computed once, at HQ), written with COPY."""
    now = datetime.now(UTC)
    with hq_connect(url) as conn, conn.cursor() as cur:
        columns = "account_number, uuid, name, phone, country, kit_serial, language, search_text"
        columns += ", created_at, updated_at"
        with cur.copy(f"COPY hq_customer ({columns}) FROM STDIN") as copy:
            for n in range(1, count + 1):
                account, phone = f"HQ{n:08d}", f"+24381{n:07d}"
                contact = {"name": f"Client {n}", "phone": phone, "kit_serial": f"KIT{n:09d}"}
                copy.write_row(
                    (account, f"u{n}", contact["name"], phone, "CD", contact["kit_serial"], "fr",
                     record_search_text(account, contact), now, now)
                )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sales", type=int, default=5_000)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()

    name, hq_url = make_hq(args.pg)
    try:
        with tempfile.TemporaryDirectory() as folder:
            terminal_db = Path(folder) / "distributor.db"
            clock = Clock()
            open_database(f"sqlite:///{terminal_db}")
            demo.seed(clock, customers=200, only_country="CD")
            hq_admin.init_hq(hq_url)
            reference.load_reference(hq_url)
            terminal_url = hq_admin.add_terminal(hq_url, "LUB01", "T1")
            client.link("LUB01-T1", terminal_url, clock)
            counter = sign_in("LUB01-T1", "cashier", "1111", clock)
            print(f"Selling {args.sales:,} sales offline…", file=sys.stderr)
            for n in range(args.sales):
                tender = (
                    MobileMoneyTender("mpesa", f"BK{n:08d}", "0812345678", None)
                    if n % 3 == 0
                    else CashTender(Money.of("6", "USD"))
                )
                sell(counter, f"CD{n % 200 + 1:08d}", [CartItem("CD-WEEK5")], [tender])
            mine = OutboxEvent.terminal == counter.terminal.id
            waiting = OutboxEvent.select().where(mine & OutboxEvent.sent_at.is_null()).count()

            with hq_connect(hq_url) as conn:
                started = time.perf_counter()
                pushed, _held = client.push(conn, counter.terminal.id, "LUB01-T1", clock)
                push_s = time.perf_counter() - started
            print(
                f"push {pushed:,} records ({args.sales:,} sales): {push_s:.2f} s"
                f" (target ≤ {PUSH_TARGET_S:.0f} s)"
            )
            assert pushed == waiting

            print(f"Filling HQ with {args.customers:,} customers…", file=sys.stderr)
            fill_hq_customers(hq_url, args.customers)
            open_database(f"sqlite:///{Path(folder) / 'fresh.db'}")
            demo.seed(clock, customers=0, only_country="CD")
            client.link("LUB01-T1", terminal_url, clock)  # a laptop reinstalled: everything comes down

            def progress(step: str, done: int, total: int) -> None:
                if step == "hq_customer" and (done == total or done % 100_000 == 0):
                    print(
                        f"  customers {done:,} / {total:,}  {time.perf_counter() - started:.1f} s",
                        file=sys.stderr,
                    )

            with hq_connect(hq_url) as conn:
                started = time.perf_counter()
                counts = client.pull(conn, clock, progress)
                pull_s = time.perf_counter() - started
            print(
                f"initial pull {counts['hq_customer']:,} customers: {pull_s:.1f} s"
                f" (target ≤ {PULL_TARGET_S:.0f} s)"
            )
    finally:
        hq_admin.drop_terminal_roles(hq_url)
        with psycopg.connect(args.pg, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
