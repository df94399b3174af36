"""A receipt sent by SMS or WhatsApp (issue 20 item 6): one append-only row per request, journaled
and pushed to HQ, whose gateway sends it. A sale that asks for no message writes nothing here."""

from __future__ import annotations

import peewee

from konnect_pos.store.migrations.sql import run_script

VERSION = 17

TABLES = """
CREATE TABLE receipt_message (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    sale_id BIGINT NOT NULL REFERENCES sale (id) ON DELETE RESTRICT,
    terminal_id BIGINT NOT NULL REFERENCES terminal (id) ON DELETE RESTRICT,
    user_id BIGINT NOT NULL REFERENCES "user" (id) ON DELETE RESTRICT,
    requested_at {ts} NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('sms', 'whatsapp')),
    phone TEXT NOT NULL, language TEXT NOT NULL, text TEXT NOT NULL,
    parts INTEGER NOT NULL CHECK (parts >= 1)
);
CREATE INDEX receipt_message_sale ON receipt_message (sale_id);
"""


def apply(database: peewee.Database, dialect: str) -> None:
    run_script(database, dialect, TABLES)
