"""Mobile-money statements imported per outlet (evidence from the provider, not money records):
the file's import with its SHA-256 (a second import of the same file is a no-op), its payment
lines, and the CSV layouts an outlet mapped once for a provider export we did not know."""

from __future__ import annotations

import peewee

from konnect_pos.store.migrations.sql import run_script

VERSION = 12

TABLES = """
CREATE TABLE mobile_statement (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    outlet_id BIGINT NOT NULL REFERENCES outlet (id) ON DELETE RESTRICT,
    terminal_id BIGINT NOT NULL REFERENCES terminal (id) ON DELETE RESTRICT,
    provider TEXT NOT NULL, layout_name TEXT NOT NULL, layout TEXT NOT NULL,
    file_name TEXT NOT NULL, file_sha256 TEXT NOT NULL,
    first_day TEXT, last_day TEXT, line_count INTEGER NOT NULL,
    imported_at {ts} NOT NULL,
    imported_by_id BIGINT NOT NULL REFERENCES "user" (id) ON DELETE RESTRICT,
    UNIQUE (outlet_id, file_sha256)
);
CREATE TABLE mobile_statement_line (
    id {pk},
    statement_id BIGINT NOT NULL REFERENCES mobile_statement (id) ON DELETE RESTRICT,
    row_number INTEGER NOT NULL, reference TEXT NOT NULL,
    currency TEXT NOT NULL, amount_minor BIGINT NOT NULL,
    local_day TEXT NOT NULL, paid_at {ts}, phone TEXT,
    UNIQUE (statement_id, row_number)
);
CREATE INDEX mobile_statement_line_day ON mobile_statement_line (local_day, reference);
CREATE TABLE statement_layout (
    id {pk}, name TEXT NOT NULL UNIQUE, provider TEXT NOT NULL, definition TEXT NOT NULL,
    saved_at {ts} NOT NULL,
    saved_by_id BIGINT NOT NULL REFERENCES "user" (id) ON DELETE RESTRICT
);
"""


def apply(database: peewee.Database, dialect: str) -> None:
    run_script(database, dialect, TABLES)
