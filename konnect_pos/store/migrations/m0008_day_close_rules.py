"""Outlet rules for closing the day: blind close and the variance above which a comment is due.

One row per outlet, only when an administrator changed a default; thresholds are JSON
``{currency: minor units}`` so a DRC drawer keeps one figure for USD and another for CDF.
"""

from __future__ import annotations

import peewee

from konnect_pos.store.migrations.sql import run_script

VERSION = 8

TABLES = """
CREATE TABLE outlet_close_rule (
    id {pk}, outlet_id BIGINT NOT NULL UNIQUE REFERENCES outlet (id) ON DELETE RESTRICT,
    blind_close {bool} NOT NULL DEFAULT {false},
    comment_thresholds TEXT NOT NULL DEFAULT '{{}}'
);
"""


def apply(database: peewee.Database, dialect: str) -> None:
    run_script(database, dialect, TABLES)
