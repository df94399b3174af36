"""Outlets, terminals, users, customers (with a substring search index), catalog."""

from __future__ import annotations

import peewee

from konnect_pos.store.migrations.sql import run_script

VERSION = 1

TABLES = """
CREATE TABLE outlet (
    id {pk}, uuid TEXT NOT NULL UNIQUE, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('shop', 'distributor', 'customer_service')),
    country TEXT NOT NULL, zone TEXT NOT NULL, address TEXT NOT NULL DEFAULT '',
    vat_rate TEXT NOT NULL, accepts_card {bool} NOT NULL DEFAULT {true},
    language TEXT NOT NULL DEFAULT 'en', receipt_format TEXT NOT NULL DEFAULT '80mm',
    created_at {ts} NOT NULL
);
CREATE TABLE merchant_number (
    id {pk}, outlet_id BIGINT NOT NULL REFERENCES outlet (id) ON DELETE RESTRICT,
    provider TEXT NOT NULL, number TEXT NOT NULL
);
CREATE UNIQUE INDEX merchant_number_outlet_provider ON merchant_number (outlet_id, provider);
CREATE TABLE terminal (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    outlet_id BIGINT NOT NULL REFERENCES outlet (id) ON DELETE RESTRICT,
    code TEXT NOT NULL, created_at {ts} NOT NULL
);
CREATE UNIQUE INDEX terminal_outlet_code ON terminal (outlet_id, code);
CREATE TABLE "user" (
    id {pk}, uuid TEXT NOT NULL UNIQUE, username TEXT NOT NULL UNIQUE, full_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('cashier', 'manager', 'admin')),
    pin_hash TEXT NOT NULL, active {bool} NOT NULL DEFAULT {true},
    failed_pins INTEGER NOT NULL DEFAULT 0, locked_until {ts},
    language TEXT NOT NULL DEFAULT '', created_at {ts} NOT NULL
);
CREATE TABLE customer (
    id {pk}, uuid TEXT NOT NULL UNIQUE, account_number TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL, phone TEXT NOT NULL, country TEXT NOT NULL,
    kit_serial TEXT UNIQUE, language TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL, created_at {ts} NOT NULL, updated_at {ts} NOT NULL
);
CREATE INDEX customer_phone ON customer (phone);
CREATE TABLE bundle (
    id {pk}, uuid TEXT NOT NULL UNIQUE, country TEXT NOT NULL, code TEXT NOT NULL,
    name TEXT NOT NULL, price_minor BIGINT NOT NULL CHECK (price_minor > 0),
    currency TEXT NOT NULL, data_gb TEXT NOT NULL, validity_days INTEGER NOT NULL CHECK (validity_days > 0),
    speed_label TEXT NOT NULL DEFAULT '', active {bool} NOT NULL DEFAULT {true},
    position INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX bundle_country_code ON bundle (country, code);
"""

# Substring search over name, phone digits, account and kit serial (see services/customers.py).
SQLITE_SEARCH = """
CREATE VIRTUAL TABLE customer_fts USING fts5(
    search_text, content='customer', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER customer_fts_insert AFTER INSERT ON customer BEGIN
    INSERT INTO customer_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER customer_fts_delete AFTER DELETE ON customer BEGIN
    INSERT INTO customer_fts (customer_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER customer_fts_update AFTER UPDATE OF search_text ON customer BEGIN
    INSERT INTO customer_fts (customer_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO customer_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
"""

POSTGRES_SEARCH = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX customer_search_trgm ON customer USING gin (search_text gin_trgm_ops);
"""


def apply(database: peewee.Database, dialect: str) -> None:
    run_script(database, dialect, TABLES)
    run_script(database, dialect, SQLITE_SEARCH if dialect == "sqlite" else POSTGRES_SEARCH)
