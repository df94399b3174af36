"""A distributor's float and every outlet's offline limits (issue 19): what the terminal last
pulled from HQ (``float_pull``), what each sale consumed of the float (``float_use``, written in
the sale's transaction) and managers' overrides of the offline limits. All append-only and
journaled (``verify`` compares them)."""

from __future__ import annotations

import peewee

from konnect_pos.store.migrations.sql import run_script

VERSION = 13

TABLES = """
CREATE TABLE float_pull (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    terminal_id BIGINT NOT NULL REFERENCES terminal (id) ON DELETE RESTRICT,
    outlet_id BIGINT NOT NULL REFERENCES outlet (id) ON DELETE RESTRICT,
    pulled_at {ts} NOT NULL, currency TEXT,
    credit_limit_minor BIGINT, topped_up_minor BIGINT NOT NULL, used_minor BIGINT NOT NULL,
    included TEXT NOT NULL,
    offline_days INTEGER, offline_sales INTEGER, offline_amount_minor BIGINT
);
CREATE INDEX float_pull_outlet ON float_pull (outlet_id, id);
CREATE TABLE float_use (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    sale_id BIGINT NOT NULL UNIQUE REFERENCES sale (id) ON DELETE RESTRICT,
    terminal_id BIGINT NOT NULL REFERENCES terminal (id) ON DELETE RESTRICT,
    currency TEXT NOT NULL, amount_minor BIGINT NOT NULL, at {ts} NOT NULL
);
CREATE INDEX float_use_terminal ON float_use (terminal_id, id);
CREATE TABLE offline_override (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    terminal_id BIGINT NOT NULL REFERENCES terminal (id) ON DELETE RESTRICT,
    user_id BIGINT NOT NULL REFERENCES "user" (id) ON DELETE RESTRICT,
    approved_by_id BIGINT REFERENCES "user" (id) ON DELETE RESTRICT,
    at {ts} NOT NULL, reason TEXT NOT NULL
);
CREATE INDEX offline_override_terminal ON offline_override (terminal_id, at);
"""


def apply(database: peewee.Database, dialect: str) -> None:
    run_script(database, dialect, TABLES)
