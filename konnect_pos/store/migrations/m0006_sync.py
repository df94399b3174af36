"""Sync with headquarters: the link per terminal, pull cursors, price versions from HQ."""

from __future__ import annotations

import peewee

from konnect_pos.store.migrations.sql import run_script

VERSION = 6

TABLES = """
CREATE TABLE sync_link (
    id {pk}, terminal_id BIGINT NOT NULL UNIQUE REFERENCES terminal (id) ON DELETE RESTRICT,
    hq_url TEXT NOT NULL, linked_at {ts} NOT NULL,
    last_attempt_at {ts}, last_success_at {ts}, last_error TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sync_cursor (
    name TEXT PRIMARY KEY, version BIGINT NOT NULL
);
CREATE TABLE bundle_price (
    id {pk}, bundle_id BIGINT NOT NULL REFERENCES bundle (id) ON DELETE RESTRICT,
    effective_from TEXT NOT NULL, price_minor BIGINT NOT NULL CHECK (price_minor > 0)
);
CREATE UNIQUE INDEX bundle_price_from ON bundle_price (bundle_id, effective_from);
"""


def apply(database: peewee.Database, dialect: str) -> None:
    run_script(database, dialect, TABLES)
