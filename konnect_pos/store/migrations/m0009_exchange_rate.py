"""The day's USD→CDF rate per outlet (append-only: a new rate for a day supersedes the last),
and on each cash payment the currency its change was given in, what it pays of the sale in the
sale's currency and the rate it was converted at (DRC: prices in USD, cash in USD and CDF)."""

from __future__ import annotations

import peewee

from konnect_pos.store.migrations.sql import run_script

VERSION = 9

TABLES = """
CREATE TABLE exchange_rate (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    outlet_id BIGINT NOT NULL REFERENCES outlet (id) ON DELETE RESTRICT,
    terminal_id BIGINT NOT NULL REFERENCES terminal (id) ON DELETE RESTRICT,
    base TEXT NOT NULL, quote TEXT NOT NULL, effective_date TEXT NOT NULL,
    per_base TEXT NOT NULL, set_at {ts} NOT NULL,
    set_by_id BIGINT NOT NULL REFERENCES "user" (id) ON DELETE RESTRICT
);
CREATE INDEX exchange_rate_outlet_day ON exchange_rate (outlet_id, base, quote, effective_date);
ALTER TABLE payment ADD COLUMN change_currency TEXT;
ALTER TABLE payment ADD COLUMN settles_minor BIGINT;
ALTER TABLE payment ADD COLUMN rate TEXT;
"""


def apply(database: peewee.Database, dialect: str) -> None:
    run_script(database, dialect, TABLES)
