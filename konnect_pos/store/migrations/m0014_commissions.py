"""Commissions (issue 19 item 2): HQ's commission rates per bundle and outlet kind, pulled like
prices (a rate applies from a local business date on), the commission each sale line earned at the
sale (NULL on lines sold before this step: none was computed then), and which imported
mobile-money statements reached HQ (sync bookkeeping, not a money record)."""

from __future__ import annotations

import peewee

from konnect_pos.store.migrations.sql import run_script

VERSION = 14

TABLES = """
CREATE TABLE commission_rate (
    id {pk},
    bundle_id BIGINT NOT NULL REFERENCES bundle (id) ON DELETE RESTRICT,
    outlet_kind TEXT NOT NULL, effective_from TEXT NOT NULL, percent TEXT NOT NULL,
    UNIQUE (bundle_id, outlet_kind, effective_from)
);
ALTER TABLE sale_line ADD COLUMN commission_minor BIGINT;
ALTER TABLE sale_line ADD COLUMN commission_percent TEXT;
CREATE TABLE mobile_statement_sent (
    statement_id BIGINT PRIMARY KEY REFERENCES mobile_statement (id) ON DELETE RESTRICT,
    sent_at {ts} NOT NULL
);
"""


def apply(database: peewee.Database, dialect: str) -> None:
    run_script(database, dialect, TABLES)
