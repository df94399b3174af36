"""Plans at the counter: a customer's plan history (append-only) and a plan change waiting for
the next renewal on the plan account (docs/decisions.md, "Plan changes at the counter")."""

from __future__ import annotations

import peewee

from konnect_pos.store.migrations.sql import run_script

VERSION = 15

TABLES = """
CREATE TABLE plan_change (
    id {pk}, uuid TEXT NOT NULL UNIQUE,
    customer_id BIGINT NOT NULL REFERENCES customer (id) ON DELETE RESTRICT,
    from_plan_id BIGINT REFERENCES plan (id) ON DELETE RESTRICT,
    to_plan_id BIGINT NOT NULL REFERENCES plan (id) ON DELETE RESTRICT,
    kind TEXT NOT NULL, requested_on TEXT NOT NULL, effective_on TEXT NOT NULL,
    username TEXT NOT NULL, recorded_at {ts} NOT NULL
);
CREATE INDEX plan_change_customer ON plan_change (customer_id, id);
ALTER TABLE plan_account ADD COLUMN next_plan_id BIGINT REFERENCES plan (id) ON DELETE RESTRICT;
ALTER TABLE plan_account ADD COLUMN next_plan_from TEXT;
"""


def apply(database: peewee.Database, dialect: str) -> None:
    run_script(database, dialect, TABLES)
