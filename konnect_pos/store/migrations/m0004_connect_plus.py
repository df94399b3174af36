"""Plans with a periodic fee, each customer's plan and engine state, the balance ledger."""

from __future__ import annotations

import peewee

from konnect_pos.store.migrations.sql import run_script

VERSION = 4

TABLES = """
CREATE TABLE plan (
    id {pk}, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, country TEXT NOT NULL,
    currency TEXT NOT NULL, fee_minor BIGINT NOT NULL CHECK (fee_minor > 0),
    period_days INTEGER NOT NULL CHECK (period_days > 0), active {bool} NOT NULL DEFAULT {true},
    cp_daily_fee_minor BIGINT, cp_daily_data_mb INTEGER, cp_max_activations INTEGER,
    cp_window_days INTEGER, cp_grace_days INTEGER, cp_offnet_minute_minor BIGINT, cp_sms_minor BIGINT
);
CREATE TABLE plan_account (
    id {pk}, customer_id BIGINT NOT NULL UNIQUE REFERENCES customer (id) ON DELETE RESTRICT,
    plan_id BIGINT NOT NULL REFERENCES plan (id) ON DELETE RESTRICT,
    subscribed_on TEXT NOT NULL, state TEXT NOT NULL, last_processed_day TEXT
);
CREATE INDEX plan_account_processed ON plan_account (last_processed_day);
CREATE TABLE balance_entry (
    id {pk}, customer_id BIGINT NOT NULL REFERENCES customer (id) ON DELETE RESTRICT,
    entry_key TEXT NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL, currency TEXT NOT NULL,
    amount_minor BIGINT NOT NULL, corrects TEXT, note TEXT NOT NULL DEFAULT '',
    period_start TEXT, period_end TEXT, recorded_at {ts} NOT NULL,
    sale_id BIGINT REFERENCES sale (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX balance_entry_account_key ON balance_entry (customer_id, entry_key);
CREATE INDEX balance_entry_sale ON balance_entry (sale_id);
"""


def apply(database: peewee.Database, dialect: str) -> None:
    run_script(database, dialect, TABLES)
