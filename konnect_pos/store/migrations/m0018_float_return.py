"""What a refund gives back of a distributor's float (``float_return``): one append-only row per
refund of a sale that consumed float, written and journaled in the refund's transaction (``verify``
compares it with its entry)."""

from __future__ import annotations

import peewee

from konnect_pos.store.migrations.sql import run_script

VERSION = 18

TABLES = """
CREATE TABLE float_return (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    refund_id BIGINT NOT NULL UNIQUE REFERENCES refund (id) ON DELETE RESTRICT,
    sale_id BIGINT NOT NULL REFERENCES sale (id) ON DELETE RESTRICT,
    terminal_id BIGINT NOT NULL REFERENCES terminal (id) ON DELETE RESTRICT,
    currency TEXT NOT NULL, amount_minor BIGINT NOT NULL, at {ts} NOT NULL
);
CREATE INDEX float_return_sale ON float_return (sale_id);
"""


def apply(database: peewee.Database, dialect: str) -> None:
    run_script(database, dialect, TABLES)
