"""What the float and the offline limits add to a sale (issue 19), next to a shop's sale in the same run.

Two terminals of one SQLite database (synchronous=FULL) sell the same cart alternately: the demo
distributor LUB01 with a float pulled from HQ and offline limits (checked, consumed and journaled in
the sale), and the shop KIN01 without either (one more read than before issue 19). The float and
limits are the rows a sync would have stored (``float_pull``, a sync link), written here directly:
no HQ is needed to time the counter. CPU is ``time.process_time`` (the machine is shared), and the
statements of each sale are counted with SQLite's trace callback (BEGIN and COMMIT not counted).

    python benchmarks/distributor_sale.py [--sales 300]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender
from konnect_pos.services import demo
from konnect_pos.services.checkout import CartItem, sell
from konnect_pos.services.outlets import get_terminal
from konnect_pos.services.session import sign_in
from konnect_pos.store.database import db
from konnect_pos.store.limit_models import FloatPull
from konnect_pos.store.models import SyncLink
from konnect_pos.store.schema import open_database


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=30)
        return self.now


def _as_if_synced(clock: Clock) -> None:
    terminal = get_terminal("LUB01-T1")
    SyncLink.create(terminal=terminal.id, hq_url="postgresql://hq.example/konnect", linked_at=clock(),
                    last_success_at=clock())  # fmt: skip
    FloatPull.create(
        uuid="bench-pull", terminal=terminal.id, outlet=terminal.outlet.id, pulled_at=clock(), currency="USD",
        credit_limit_minor=10**9, topped_up_minor=0, used_minor=0, included="{}", offline_days=14,
        offline_sales=10**6, offline_amount_minor=10**10,
    )  # fmt: skip


def _timed(counter, account: str, statements: list[str]) -> tuple[float, int]:
    statements.clear()
    cpu = time.process_time()
    sell(counter, account, [CartItem("CD-LITE15")], [CashTender(Money.of(20, "USD"))])
    spent = (time.process_time() - cpu) * 1000
    return spent, len([s for s in statements if s.split()[0].upper() not in ("BEGIN", "COMMIT")])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        open_database(f"sqlite:///{Path(folder) / 'bench.db'}")
        clock = Clock()
        demo.seed(clock, customers=2 * args.sales + 10, only_country="CD")
        _as_if_synced(clock)
        distributor = sign_in("LUB01-T1", "cashier", "1111", clock)
        shop = sign_in("KIN01-T1", "cashier", "1111", clock)
        statements: list[str] = []
        db.connection().set_trace_callback(statements.append)
        with_limits, without, counted = [], [], {}
        for index in range(args.sales):
            spent, counted["distributor"] = _timed(distributor, f"CD{2 * index + 1:08d}", statements)
            with_limits.append(spent)
            spent, counted["shop"] = _timed(shop, f"CD{2 * index + 2:08d}", statements)
            without.append(spent)
        db.connection().set_trace_callback(None)
    d50, s50 = statistics.median(with_limits), statistics.median(without)
    print(
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
        f"{args.sales} sales each, 1 bundle, cash"
    )
    print(
        f"CPU per sale (median): distributor with float + offline limits {d50:.2f} ms, "
        f"{counted['distributor']} statements | shop {s50:.2f} ms, {counted['shop']} statements | "
        f"ratio {d50 / s50:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
