"""The headquarters database (PostgreSQL only): versioned steps, like the terminal's.

HQ keeps the reference data every terminal pulls (outlets with their merchant numbers,
the catalog with its price versions, users of each outlet, customers), everything the
terminals push (``hq_inbound``, one row per outbox event, keyed by its UUIDv7), and
what HQ derives from it (sales, payments, each customer's rebuilt bundle queue,
conflicts for managers). The security model is in docs/decisions.md ("Sync and HQ").
"""

from __future__ import annotations

import psycopg

from konnect_pos.hq.schema.counter_steps import STEP_5, STEP_6, STEP_10, STEP_11
from konnect_pos.hq.schema.money_steps import STEP_7, STEP_8, STEP_12, STEP_13
from konnect_pos.hq.schema.sync_steps import STEP_1, STEP_2, STEP_3, STEP_4

VERSION_TABLE = "hq_schema"
STEP_TABLE = "hq_schema_step"

# (number, step): numbers may have gaps, like the terminal's (decisions.md "Schema steps").
STEPS: tuple[tuple[int, str], ...] = (
    (1, STEP_1), (2, STEP_2), (3, STEP_3), (4, STEP_4), (5, STEP_5), (6, STEP_6), (7, STEP_7), (8, STEP_8),
    (10, STEP_10), (11, STEP_11), (12, STEP_12), (13, STEP_13),
)  # fmt: skip


def latest_version() -> int:
    return max(number for number, _ in STEPS)


def current_version(conn: psycopg.Connection) -> int:
    row = conn.execute("SELECT to_regclass(%s)", (VERSION_TABLE,)).fetchone()
    if row is None or row[0] is None:
        return 0
    found = conn.execute(f"SELECT version FROM {VERSION_TABLE}").fetchone()
    return int(found[0]) if found else 0


def applied_versions(conn: psycopg.Connection) -> set[int]:
    """The steps this HQ has, one row each in ``STEP_TABLE`` (as the terminal's, decisions.md
    "Schema steps"); an HQ from before that table applied its steps in order up to its version."""
    row = conn.execute("SELECT to_regclass(%s)", (STEP_TABLE,)).fetchone()
    if row is None or row[0] is None:
        return set(range(1, current_version(conn) + 1))
    return {int(found[0]) for found in conn.execute(f"SELECT version FROM {STEP_TABLE}")}


def migrate(conn: psycopg.Connection) -> int:
    """Apply every step this HQ lacks, each with its record in one transaction; return the
    highest version it then has."""
    with conn.transaction():
        conn.execute(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER NOT NULL)")
        if conn.execute(f"SELECT count(*) FROM {VERSION_TABLE}").fetchone()[0] == 0:
            conn.execute(f"INSERT INTO {VERSION_TABLE} (version) VALUES (0)")
        applied = applied_versions(conn)
        conn.execute(f"CREATE TABLE IF NOT EXISTS {STEP_TABLE} (version INTEGER PRIMARY KEY)")
        for done in sorted(applied):
            conn.execute(f"INSERT INTO {STEP_TABLE} (version) VALUES (%s) ON CONFLICT DO NOTHING", (done,))
    version = current_version(conn)
    for number, step in STEPS:
        if number in applied:
            continue
        with conn.transaction():
            conn.execute(step)
            conn.execute(f"INSERT INTO {STEP_TABLE} (version) VALUES (%s)", (number,))
            version = max(version, number)
            conn.execute(f"UPDATE {VERSION_TABLE} SET version = %s", (version,))
    return version
