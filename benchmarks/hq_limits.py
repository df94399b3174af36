"""A distributor's pull of its float at HQ (``hq_my_limits``, HQ step 13), next to step 12's body in
the same run.

Every sync of a distributor's terminal calls ``hq_my_limits``, which reads every float record its
outlet ever pushed. HQ is filled with ``--records`` of them for one outlet (a float use per sale,
a give-back for one sale in ten, a void for one in fifteen), then each query is timed (best of 5)
on the table as it is right after the push, before PostgreSQL has analyzed it, and once
analyzed. Step 12 summed uses with a NOT EXISTS on voids; step 13 caps each sale's give-backs
at its use, in one pass grouped by sale. A step-12 query is stopped after 20 s. Then ``hq floats``
(every outlet's position, from the processed uses, give-backs and voids) next to its query before
stop 25 (JIT on, no index by sale). Target: each stays ≤ 0.5 s at 35,000 records, analyzed or not.

    python benchmarks/hq_limits.py [--records 35000] [--pg postgresql://postgres@127.0.0.1:5432/postgres]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import psycopg

from konnect_pos.hq import admin as hq_admin
from konnect_pos.hq import distributor_float as hq_float
from konnect_pos.hq.connection import hq_connect
from konnect_pos.hq.schema import money_steps
from konnect_pos.services import demo
from konnect_pos.services.sync import reference
from konnect_pos.store.schema import open_database

TARGET_S = 0.5
STOP_AFTER = "20s"
TERMINAL = "LUB01-T1"


def step_12_body() -> str:
    """Step 12's query, as ``hq_my_limits`` ran it, for the calling terminal's outlet."""
    body = money_steps.STEP_12[money_steps.STEP_12.index("    RETURN QUERY") :]
    body = body[len("    RETURN QUERY") : body.index("END $$;")].strip().rstrip(";")
    return _bound(body)


def step_13_body() -> str:
    body = money_steps.STEP_13[money_steps.STEP_13.index("    RETURN QUERY") :]
    body = body[len("    RETURN QUERY") : body.index("END $$;")].strip().rstrip(";")
    return _bound(body)


def _bound(body: str) -> str:
    """The function's query with its variables bound: the outlet, its limit row, the currency."""
    return (
        body.replace("t.outlet_code", "'LUB01'")
        .replace("l.currency", "'USD'")
        .replace("l.credit_limit_minor", "0::BIGINT")
        .replace("l.offline_days, l.offline_sales, l.offline_amount_minor", "0, 0, 0::BIGINT")
    )


def fill(url: str, records: int) -> None:
    rows, seq = [], 0
    for n in range(records):
        sale = str(uuid.uuid4())
        kinds = ["float_use"] + (["float_return"] if n % 10 == 0 else []) + (["void"] if n % 15 == 0 else [])
        for kind in kinds:
            seq += 1
            payload = {"uuid": str(uuid.uuid4()), "sale": sale, "receipt_number": f"{TERMINAL}-{n + 1:06d}"}
            payload |= {"currency": "USD", "amount_minor": 555 if kind == "float_use" else 100}
            if kind == "float_return":
                payload["refund"] = str(uuid.uuid4())
            rows.append((str(uuid.uuid4()), TERMINAL, seq, kind, payload["uuid"], json.dumps(payload), "h"))
        if len(rows) >= records:
            break
    with psycopg.connect(url) as conn:
        conn.execute("UPDATE hq_terminal SET acked_seq = %s WHERE label = %s", (seq, TERMINAL))
        with conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO hq_inbound (uuid, terminal, seq, kind, record_uuid, payload, hash, created_at,"
                " processed) VALUES (%s, %s, %s, %s, %s, %s, %s, now(), TRUE)",
                rows,
            )


def fill_projections(url: str) -> None:
    """What HQ's processing makes of the same records: the uses, give-backs and voids by sale."""
    fields = "record_uuid, payload::jsonb ->> 'sale', terminal, 'LUB01'"
    number = "payload::jsonb ->> 'receipt_number'"
    with psycopg.connect(url) as conn:
        conn.execute(
            "INSERT INTO hq_float_use (uuid, sale_uuid, terminal, outlet_code, receipt_number, currency,"
            f" amount_minor) SELECT {fields}, {number}, 'USD', 555 FROM hq_inbound WHERE kind = 'float_use'"
        )
        conn.execute(
            "INSERT INTO hq_float_return (uuid, sale_uuid, terminal, outlet_code, refund_uuid,"
            " receipt_number, currency, amount_minor)"
            f" SELECT {fields}, payload::jsonb ->> 'refund', {number}, 'USD', 100"
            " FROM hq_inbound WHERE kind = 'float_return'"
        )
        conn.execute(
            "INSERT INTO hq_void (uuid, sale_uuid, terminal, outlet_code, business_date, receipt_number,"
            f" reason, username) SELECT {fields}, DATE '2026-11-20', {number}, 'x', 'manager'"
            " FROM hq_inbound WHERE kind = 'void'"
        )
        conn.execute("ANALYZE hq_float_use; ANALYZE hq_float_return; ANALYZE hq_void")


# ``hq floats``' query before stop 25 (uses summed less every give-back, one subquery per use), run
# as it was: JIT on, no index on the give-backs' or voids' sale.
POSITIONS_BEFORE = """
WITH latest AS (
    SELECT DISTINCT ON (outlet_code) outlet_code, currency, credit_limit_minor
    FROM hq_outlet_limit ORDER BY outlet_code, id DESC
)
SELECT l.outlet_code,
    (SELECT coalesce(sum(amount_minor), 0) FROM hq_float_use u
     WHERE u.outlet_code = l.outlet_code AND u.currency = l.currency
         AND NOT EXISTS (SELECT 1 FROM hq_void v WHERE v.sale_uuid = u.sale_uuid))
    - (SELECT coalesce(sum(amount_minor), 0) FROM hq_float_return r
       WHERE r.outlet_code = l.outlet_code AND r.currency = l.currency),
    (SELECT count(*) FROM hq_float_use u WHERE u.outlet_code = l.outlet_code
         AND NOT EXISTS (SELECT 1 FROM hq_void v WHERE v.sale_uuid = u.sale_uuid))
FROM latest l WHERE l.currency IS NOT NULL ORDER BY l.outlet_code
"""


def best_of_query(conn: psycopg.Connection, sql: str, runs: int = 3) -> float:
    best = None
    for _ in range(runs):
        started = time.perf_counter()
        conn.execute(sql).fetchall()
        took = time.perf_counter() - started
        best = took if best is None else min(best, took)
    return best


def timed_positions(url: str) -> float:
    """``hq floats``: the fastest of 3 (processing first, as the command does: nothing is left)."""
    best = None
    for _ in range(3):
        started = time.perf_counter()
        hq_float.positions(url)
        took = time.perf_counter() - started
        best = took if best is None else min(best, took)
    return best


def best_of(conn: psycopg.Connection, sql: str, runs: int = 5) -> tuple[float | None, int | None]:
    """Seconds of the fastest run and the used float it gives; (None, None) when stopped."""
    best, used = None, None
    for _ in range(runs):
        started = time.perf_counter()
        try:
            row = conn.execute(sql).fetchone()
        except psycopg.errors.QueryCanceled:
            conn.rollback()
            return None, None
        took = time.perf_counter() - started
        best, used = (took if best is None else min(best, took)), row[3]
    return best, used


def shown(seconds: float | None) -> str:
    return f"> {STOP_AFTER}" if seconds is None else f"{seconds * 1000:.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=35_000)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    name = f"hq_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(args.pg, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = f"{args.pg.rpartition('/')[0]}/{name}"
    try:
        with tempfile.TemporaryDirectory() as folder:
            open_database(f"sqlite:///{Path(folder) / 'terminal.db'}")
            demo.seed(lambda: datetime(2026, 11, 20, 9, tzinfo=UTC), customers=0, only_country="CD")
            hq_admin.init_hq(url)
            reference.load_reference(url)
            hq_admin.add_terminal(url, "LUB01", "T1")
            hq_float.set_credit_limit(url, "LUB01", "USD", "0")
        fill(url, args.records)
        with hq_connect(url) as conn:  # as a terminal's pull connects (JIT off since stop 25)
            conn.execute(f"SET statement_timeout = '{STOP_AFTER}'")
            figures = {}
            for state in ("before analysis", "analyzed"):
                conn.execute("DELETE FROM pg_statistic WHERE starelid = 'hq_inbound'::regclass")
                if state == "analyzed":
                    conn.execute("ANALYZE hq_inbound")
                figures[state] = (best_of(conn, step_13_body()), best_of(conn, step_12_body()))
        fill_projections(url)
        now_s = timed_positions(url)
        with psycopg.connect(url, autocommit=True) as conn:  # as before stop 25: JIT on, indexes absent
            conn.execute("DROP INDEX hq_void_sale, hq_float_return_sale")
            before_s = best_of_query(conn, POSITIONS_BEFORE)
        load = os.getloadavg()[0]
        print(f"load average {load:.1f}; {args.records:,} float records of one outlet")
        ok = True
        for state, ((new, used), (old, _)) in figures.items():
            ok = ok and new is not None and new <= TARGET_S
            print(
                f"{state}: step 13 {shown(new)} | step 12's body {shown(old)} (same run)"
                f" | used float {used} (target ≤ {TARGET_S * 1000:.0f} ms)"
            )
        ok = ok and now_s <= TARGET_S
        print(
            f"hq floats (every outlet's position): {now_s * 1000:.0f} ms | its query before stop 25"
            f" {before_s * 1000:.0f} ms (same run; target ≤ {TARGET_S * 1000:.0f} ms)"
        )
        print("OK" if ok else "MISSED")
        return 0 if ok else 1
    finally:
        hq_admin.drop_terminal_roles(url)
        with psycopg.connect(args.pg, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


if __name__ == "__main__":
    sys.exit(main())
