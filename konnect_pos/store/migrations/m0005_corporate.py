"""Corporate accounts: service lines and their append-only event history, the service-plan and
data-block catalogs, invoices and invoice lines as issued, and a gapless invoice number per outlet.

One invoice per account and billing period (UNIQUE), so the invoice run can be repeated safely.
"""

from __future__ import annotations

import peewee

from konnect_pos.store.migrations.sql import run_script

VERSION = 5

TABLES = """
CREATE TABLE corporate_account (
    id {pk}, uuid TEXT NOT NULL UNIQUE, code TEXT NOT NULL UNIQUE,
    outlet_id BIGINT NOT NULL REFERENCES outlet (id) ON DELETE RESTRICT,
    company TEXT NOT NULL, tax_id TEXT NOT NULL, address TEXT NOT NULL DEFAULT '',
    contact_name TEXT NOT NULL DEFAULT '', contact_phone TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    payment_terms_days INTEGER NOT NULL DEFAULT 7 CHECK (payment_terms_days >= 0),
    currency TEXT NOT NULL, zone TEXT NOT NULL, language TEXT NOT NULL DEFAULT 'en',
    billing_day INTEGER CHECK (billing_day BETWEEN 1 AND 31),
    created_at {ts} NOT NULL, updated_at {ts} NOT NULL
);
CREATE INDEX corporate_account_billing_day ON corporate_account (billing_day);
CREATE TABLE service_plan (
    id {pk}, product_id TEXT NOT NULL, name TEXT NOT NULL, currency TEXT NOT NULL,
    monthly_price_minor BIGINT NOT NULL CHECK (monthly_price_minor >= 0),
    active {bool} NOT NULL DEFAULT {true}
);
CREATE UNIQUE INDEX service_plan_product_currency ON service_plan (product_id, currency);
CREATE TABLE data_block_offer (
    id {pk}, pool TEXT NOT NULL CHECK (pool IN ('local_priority', 'global_priority')),
    currency TEXT NOT NULL, block_gb INTEGER NOT NULL CHECK (block_gb > 0),
    block_price_minor BIGINT NOT NULL CHECK (block_price_minor >= 0),
    overage_price_per_gb_minor BIGINT NOT NULL CHECK (overage_price_per_gb_minor >= 0)
);
CREATE UNIQUE INDEX data_block_offer_pool_currency ON data_block_offer (pool, currency);
CREATE TABLE service_line (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    account_id BIGINT NOT NULL REFERENCES corporate_account (id) ON DELETE RESTRICT,
    kit_serial TEXT NOT NULL UNIQUE, label TEXT NOT NULL DEFAULT '',
    activated_at {ts} NOT NULL, created_at {ts} NOT NULL
);
CREATE INDEX service_line_account ON service_line (account_id);
CREATE TABLE service_line_event (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    line_id BIGINT NOT NULL REFERENCES service_line (id) ON DELETE RESTRICT,
    seq INTEGER NOT NULL, at {ts} NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('activation', 'plan_change', 'pause', 'cancellation',
        'reactivation', 'data_blocks', 'overage')),
    product_id TEXT, pool TEXT, quantity INTEGER, price_minor BIGINT, gigabytes TEXT,
    blocks TEXT NOT NULL DEFAULT '',
    user_id BIGINT NOT NULL REFERENCES "user" (id) ON DELETE RESTRICT,
    recorded_at {ts} NOT NULL
);
CREATE UNIQUE INDEX service_line_event_seq ON service_line_event (line_id, seq);
CREATE TABLE invoice_counter (
    outlet_id BIGINT PRIMARY KEY REFERENCES outlet (id) ON DELETE RESTRICT,
    last_number BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE corporate_invoice (
    id {pk}, uuid TEXT NOT NULL UNIQUE, number TEXT NOT NULL UNIQUE,
    account_id BIGINT NOT NULL REFERENCES corporate_account (id) ON DELETE RESTRICT,
    outlet_id BIGINT NOT NULL REFERENCES outlet (id) ON DELETE RESTRICT,
    period_year INTEGER NOT NULL, period_month INTEGER NOT NULL,
    period_start {ts} NOT NULL, period_end {ts} NOT NULL,
    previous_start {ts} NOT NULL,
    invoice_date TEXT NOT NULL, due_date TEXT NOT NULL, currency TEXT NOT NULL,
    company TEXT NOT NULL, tax_id TEXT NOT NULL, address TEXT NOT NULL, zone TEXT NOT NULL,
    language TEXT NOT NULL,
    subtotal_minor BIGINT NOT NULL, vat_rate TEXT NOT NULL, vat_minor BIGINT NOT NULL,
    total_minor BIGINT NOT NULL,
    issued_at {ts} NOT NULL,
    issued_by BIGINT NOT NULL REFERENCES "user" (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX corporate_invoice_period ON corporate_invoice (account_id, period_year, period_month);
CREATE INDEX corporate_invoice_date ON corporate_invoice (invoice_date);
CREATE TABLE corporate_invoice_line (
    id {pk}, invoice_id BIGINT NOT NULL REFERENCES corporate_invoice (id) ON DELETE RESTRICT,
    position INTEGER NOT NULL, kind TEXT NOT NULL, billed TEXT NOT NULL,
    line_id BIGINT NOT NULL REFERENCES service_line (id) ON DELETE RESTRICT,
    kit_serial TEXT NOT NULL, template TEXT NOT NULL, params TEXT NOT NULL,
    quantity TEXT NOT NULL, unit_price_minor BIGINT NOT NULL, amount_minor BIGINT NOT NULL,
    covers_start {ts} NOT NULL, covers_end {ts} NOT NULL
);
CREATE UNIQUE INDEX corporate_invoice_line_position ON corporate_invoice_line (invoice_id, position);
"""


def apply(database: peewee.Database, dialect: str) -> None:
    run_script(database, dialect, TABLES)
