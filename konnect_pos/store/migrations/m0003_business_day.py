"""Business days, floats, drawer counts, cash movements, voids and refunds (all append-only)."""

from __future__ import annotations

import peewee

from konnect_pos.store.migrations.sql import run_script

VERSION = 3

TABLES = """
CREATE TABLE business_day (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    terminal_id BIGINT NOT NULL REFERENCES terminal (id) ON DELETE RESTRICT,
    business_date TEXT NOT NULL, zone TEXT NOT NULL, opened_at {ts} NOT NULL,
    opened_by BIGINT NOT NULL REFERENCES "user" (id) ON DELETE RESTRICT,
    approved_by BIGINT REFERENCES "user" (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX business_day_terminal_date ON business_day (terminal_id, business_date);
CREATE TABLE day_float (
    id {pk}, day_id BIGINT NOT NULL REFERENCES business_day (id) ON DELETE RESTRICT,
    currency TEXT NOT NULL, amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0)
);
CREATE UNIQUE INDEX day_float_day_currency ON day_float (day_id, currency);
CREATE TABLE day_close (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    day_id BIGINT NOT NULL UNIQUE REFERENCES business_day (id) ON DELETE RESTRICT,
    z_number BIGINT NOT NULL, closed_at {ts} NOT NULL,
    closed_by BIGINT NOT NULL REFERENCES "user" (id) ON DELETE RESTRICT,
    approved_by BIGINT REFERENCES "user" (id) ON DELETE RESTRICT,
    comment TEXT NOT NULL DEFAULT ''
);
CREATE TABLE drawer_count (
    id {pk}, close_id BIGINT NOT NULL REFERENCES day_close (id) ON DELETE RESTRICT,
    currency TEXT NOT NULL, pieces TEXT NOT NULL,
    expected_minor BIGINT NOT NULL, counted_minor BIGINT NOT NULL
);
CREATE UNIQUE INDEX drawer_count_close_currency ON drawer_count (close_id, currency);
CREATE TABLE cash_movement (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    day_id BIGINT NOT NULL REFERENCES business_day (id) ON DELETE RESTRICT,
    user_id BIGINT NOT NULL REFERENCES "user" (id) ON DELETE RESTRICT,
    at {ts} NOT NULL, direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    currency TEXT NOT NULL, amount_minor BIGINT NOT NULL CHECK (amount_minor > 0), reason TEXT NOT NULL
);
CREATE TABLE sale_void (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    sale_id BIGINT NOT NULL UNIQUE REFERENCES sale (id) ON DELETE RESTRICT,
    day_id BIGINT NOT NULL REFERENCES business_day (id) ON DELETE RESTRICT,
    user_id BIGINT NOT NULL REFERENCES "user" (id) ON DELETE RESTRICT,
    approved_by BIGINT REFERENCES "user" (id) ON DELETE RESTRICT,
    at {ts} NOT NULL, reason TEXT NOT NULL, removed_bundles TEXT NOT NULL
);
CREATE TABLE refund (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    sale_id BIGINT NOT NULL REFERENCES sale (id) ON DELETE RESTRICT,
    day_id BIGINT NOT NULL REFERENCES business_day (id) ON DELETE RESTRICT,
    user_id BIGINT NOT NULL REFERENCES "user" (id) ON DELETE RESTRICT,
    approved_by BIGINT REFERENCES "user" (id) ON DELETE RESTRICT,
    at {ts} NOT NULL, reason TEXT NOT NULL, method TEXT NOT NULL, provider TEXT,
    currency TEXT NOT NULL, amount_minor BIGINT NOT NULL CHECK (amount_minor > 0)
);
CREATE INDEX refund_sale ON refund (sale_id);
ALTER TABLE sale ADD COLUMN business_day_id BIGINT REFERENCES business_day (id);
CREATE INDEX sale_business_day ON sale (business_day_id);
ALTER TABLE purchase ADD COLUMN removed_at {ts};
CREATE INDEX payment_sale ON payment (sale_id);
CREATE INDEX sale_void_day ON sale_void (day_id);
CREATE INDEX refund_day ON refund (day_id);
CREATE INDEX cash_movement_day ON cash_movement (day_id);
"""


def apply(database: peewee.Database, dialect: str) -> None:
    run_script(database, dialect, TABLES)
