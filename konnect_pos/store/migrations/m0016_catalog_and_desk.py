"""The catalog a manager or HQ edits (issue 20 item 1) and the customer-service desk (item 3).

``plan_price``: a plan's fee from a local business date on, as ``bundle_price`` is for bundles.
``catalog_change``: one append-only row per add, change or retire of a bundle or plan made at this
terminal (journaled and pushed to HQ like any record). ``desk_merchant_number``: the merchant
numbers a customer-service desk gives callers of each country it serves.
"""

from __future__ import annotations

import peewee

from konnect_pos.store.migrations.sql import run_script

VERSION = 16

TABLES = """
CREATE TABLE plan_price (
    id {pk},
    plan_id BIGINT NOT NULL REFERENCES plan (id) ON DELETE RESTRICT,
    effective_from TEXT NOT NULL, fee_minor BIGINT NOT NULL CHECK (fee_minor > 0)
);
CREATE UNIQUE INDEX plan_price_from ON plan_price (plan_id, effective_from);
CREATE TABLE catalog_change (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    terminal_id BIGINT NOT NULL REFERENCES terminal (id) ON DELETE RESTRICT,
    user_id BIGINT NOT NULL REFERENCES "user" (id) ON DELETE RESTRICT,
    at {ts} NOT NULL, item TEXT NOT NULL, action TEXT NOT NULL,
    country TEXT NOT NULL, code TEXT NOT NULL, details TEXT NOT NULL
);
CREATE TABLE desk_merchant_number (
    id {pk},
    outlet_id BIGINT NOT NULL REFERENCES outlet (id) ON DELETE RESTRICT,
    country TEXT NOT NULL, provider TEXT NOT NULL, number TEXT NOT NULL
);
CREATE UNIQUE INDEX desk_merchant_number_key ON desk_merchant_number (outlet_id, country, provider);
"""


def apply(database: peewee.Database, dialect: str) -> None:
    run_script(database, dialect, TABLES)
