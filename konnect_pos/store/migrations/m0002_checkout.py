"""Sales, lines, payments, the customers' bundle queues, usage, journal, outbox."""

from __future__ import annotations

import peewee

from konnect_pos.store.migrations.sql import run_script

VERSION = 2

TABLES = """
CREATE TABLE receipt_counter (
    terminal_id BIGINT PRIMARY KEY REFERENCES terminal (id) ON DELETE RESTRICT,
    last_number BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE sale (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    terminal_id BIGINT NOT NULL REFERENCES terminal (id) ON DELETE RESTRICT,
    receipt_number TEXT NOT NULL UNIQUE,
    customer_id BIGINT NOT NULL REFERENCES customer (id) ON DELETE RESTRICT,
    user_id BIGINT NOT NULL REFERENCES "user" (id) ON DELETE RESTRICT,
    sold_at {ts} NOT NULL, channel TEXT NOT NULL, currency TEXT NOT NULL,
    total_minor BIGINT NOT NULL, vat_minor BIGINT NOT NULL, rounding_minor BIGINT NOT NULL,
    paid_minor BIGINT NOT NULL, change_minor BIGINT NOT NULL, language TEXT NOT NULL
);
CREATE INDEX sale_terminal_sold_at ON sale (terminal_id, sold_at);
CREATE INDEX sale_customer ON sale (customer_id, sold_at);
CREATE TABLE sale_line (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    sale_id BIGINT NOT NULL REFERENCES sale (id) ON DELETE RESTRICT,
    position INTEGER NOT NULL, bundle_code TEXT NOT NULL, bundle_name TEXT NOT NULL,
    data_gb TEXT NOT NULL, validity_days INTEGER NOT NULL, price_minor BIGINT NOT NULL,
    vat_rate TEXT NOT NULL, vat_minor BIGINT NOT NULL, trigger TEXT NOT NULL,
    starts_at {ts} NOT NULL, starts_exact {bool} NOT NULL, period_end {ts} NOT NULL,
    follows TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX sale_line_sale_position ON sale_line (sale_id, position);
CREATE TABLE payment (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    sale_id BIGINT NOT NULL REFERENCES sale (id) ON DELETE RESTRICT,
    position INTEGER NOT NULL, method TEXT NOT NULL CHECK (method IN ('cash', 'mobile_money', 'card')),
    currency TEXT NOT NULL, amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    tendered_minor BIGINT, change_minor BIGINT,
    provider TEXT, reference TEXT, phone TEXT, merchant_number TEXT,
    card_approval TEXT, card_last4 TEXT
);
CREATE UNIQUE INDEX payment_provider_reference ON payment (provider, reference);
CREATE TABLE purchase (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    customer_id BIGINT NOT NULL REFERENCES customer (id) ON DELETE RESTRICT,
    sale_line_id BIGINT NOT NULL UNIQUE REFERENCES sale_line (id) ON DELETE RESTRICT,
    queue_position INTEGER NOT NULL, trigger TEXT NOT NULL, sold_at {ts} NOT NULL, trigger_set_at {ts},
    bundle_code TEXT NOT NULL, bundle_name TEXT NOT NULL, data_gb TEXT NOT NULL,
    validity_days INTEGER NOT NULL
);
CREATE INDEX purchase_customer ON purchase (customer_id, queue_position);
CREATE TABLE queue_change (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    customer_id BIGINT NOT NULL REFERENCES customer (id) ON DELETE RESTRICT,
    user_id BIGINT NOT NULL REFERENCES "user" (id) ON DELETE RESTRICT,
    terminal_id BIGINT NOT NULL REFERENCES terminal (id) ON DELETE RESTRICT,
    at {ts} NOT NULL, kind TEXT NOT NULL, details TEXT NOT NULL
);
CREATE TABLE usage_reading (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    customer_id BIGINT NOT NULL REFERENCES customer (id) ON DELETE RESTRICT,
    purchase_id BIGINT REFERENCES purchase (id) ON DELETE RESTRICT,
    at {ts} NOT NULL, gb_used TEXT NOT NULL, recorded_at {ts} NOT NULL,
    user_id BIGINT REFERENCES "user" (id) ON DELETE RESTRICT
);
CREATE INDEX usage_reading_customer ON usage_reading (customer_id, at);
CREATE TABLE journal_entry (
    id {pk}, terminal_id BIGINT NOT NULL REFERENCES terminal (id) ON DELETE RESTRICT,
    seq BIGINT NOT NULL, kind TEXT NOT NULL, record_uuid TEXT NOT NULL, at {ts} NOT NULL,
    payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL
);
CREATE UNIQUE INDEX journal_entry_terminal_seq ON journal_entry (terminal_id, seq);
CREATE INDEX journal_entry_record ON journal_entry (record_uuid);
CREATE TABLE outbox_event (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    terminal_id BIGINT NOT NULL REFERENCES terminal (id) ON DELETE RESTRICT,
    seq BIGINT NOT NULL, kind TEXT NOT NULL, record_uuid TEXT NOT NULL,
    payload TEXT NOT NULL, created_at {ts} NOT NULL, sent_at {ts}
);
CREATE UNIQUE INDEX outbox_event_terminal_seq ON outbox_event (terminal_id, seq);
CREATE INDEX outbox_event_unsent ON outbox_event (sent_at, seq);
"""


def apply(database: peewee.Database, dialect: str) -> None:
    run_script(database, dialect, TABLES)
