"""Per-day totals of the live sales (a derived cache the outlet summary reads instead of every
sale), filled here for the days already stored: live sales are those not voided in their day."""

from __future__ import annotations

import peewee

from konnect_pos.store.migrations.sql import run_script

VERSION = 11

TABLES = """
CREATE TABLE day_total (
    id {pk},
    day_id BIGINT NOT NULL REFERENCES business_day (id) ON DELETE RESTRICT,
    section TEXT NOT NULL, item TEXT NOT NULL, label TEXT NOT NULL, currency TEXT NOT NULL,
    entries BIGINT NOT NULL, amount_minor BIGINT NOT NULL, vat_minor BIGINT NOT NULL,
    rounding_minor BIGINT NOT NULL
);
CREATE UNIQUE INDEX day_total_key ON day_total (day_id, section, item, label, currency);
"""

# Frozen copy of the sections as this step defines them (store.day_totals may change later).
BACKFILL = """
INSERT INTO day_total (day_id, section, item, label, currency, entries, amount_minor, vat_minor,
                       rounding_minor)
SELECT s.business_day_id, 'sale', '', '', s.currency, COUNT(*), SUM(s.total_minor),
       SUM(s.vat_minor), SUM(s.rounding_minor)
  FROM sale s WHERE {live} GROUP BY s.business_day_id, s.currency
UNION ALL
SELECT s.business_day_id, 'hour', {hour}, '', s.currency, COUNT(*), SUM(s.total_minor), 0, 0
  FROM sale s WHERE {live} GROUP BY s.business_day_id, {hour}, s.currency
UNION ALL
SELECT s.business_day_id, 'agent', CAST(s.user_id AS TEXT), '', s.currency, COUNT(*),
       SUM(s.total_minor), 0, 0
  FROM sale s WHERE {live} GROUP BY s.business_day_id, s.user_id, s.currency
UNION ALL
SELECT s.business_day_id, 'method', p.method, '', p.currency, COUNT(*), SUM(p.amount_minor), 0, 0
  FROM sale s JOIN payment p ON p.sale_id = s.id WHERE {live}
  GROUP BY s.business_day_id, p.method, p.currency
UNION ALL
SELECT s.business_day_id, 'change', '', '', p.change_currency, COUNT(*),
       SUM(COALESCE(p.change_minor, 0)), 0, 0
  FROM sale s JOIN payment p ON p.sale_id = s.id
  WHERE {live} AND p.method = 'cash' AND p.change_currency IS NOT NULL
  GROUP BY s.business_day_id, p.change_currency
UNION ALL
SELECT s.business_day_id, 'bundle', l.bundle_code, l.bundle_name, s.currency, COUNT(*),
       SUM(l.price_minor), 0, 0
  FROM sale s JOIN sale_line l ON l.sale_id = s.id WHERE {live}
  GROUP BY s.business_day_id, l.bundle_code, l.bundle_name, s.currency
"""

LIVE = (
    "s.business_day_id IS NOT NULL AND NOT EXISTS"
    " (SELECT 1 FROM sale_void v WHERE v.sale_id = s.id AND v.day_id = s.business_day_id)"
)
HOUR = {"sqlite": "strftime('%H', s.sold_at)", "postgres": "to_char(s.sold_at, 'HH24')"}


def apply(database: peewee.Database, dialect: str) -> None:
    run_script(database, dialect, TABLES)
    database.execute_sql(BACKFILL.format(live=LIVE, hour=HOUR[dialect]))
