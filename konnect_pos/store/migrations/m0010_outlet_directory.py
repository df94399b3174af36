"""Where each outlet is and when it is open (the nearest-outlet directory, synced from HQ):
town, district, coordinates (decimal degrees as exact text), opening hours and phone."""

from __future__ import annotations

import peewee

from konnect_pos.store.migrations.sql import run_script

VERSION = 10

COLUMNS = """
ALTER TABLE outlet ADD COLUMN town TEXT NOT NULL DEFAULT '';
ALTER TABLE outlet ADD COLUMN district TEXT NOT NULL DEFAULT '';
ALTER TABLE outlet ADD COLUMN latitude TEXT;
ALTER TABLE outlet ADD COLUMN longitude TEXT;
ALTER TABLE outlet ADD COLUMN opening_hours TEXT NOT NULL DEFAULT '';
ALTER TABLE outlet ADD COLUMN phone TEXT NOT NULL DEFAULT '';
"""


def apply(database: peewee.Database, dialect: str) -> None:
    run_script(database, dialect, COLUMNS)
