"""What a cash refund handed back in the drawer's other currency (DRC: francs for a sale priced in
dollars and paid in francs): the currency, the amount, and how much of the refund's value it settles.
Empty for a refund handed back wholly in the sale's currency, as every refund before this step."""

from __future__ import annotations

import peewee

from konnect_pos.store.migrations.sql import run_script

VERSION = 19

COLUMNS = """
ALTER TABLE refund ADD COLUMN cash_currency TEXT;
ALTER TABLE refund ADD COLUMN cash_minor BIGINT;
ALTER TABLE refund ADD COLUMN cash_settles_minor BIGINT;
"""


def apply(database: peewee.Database, dialect: str) -> None:
    run_script(database, dialect, COLUMNS)
