"""Per-day totals of the live sales, kept as the day's records are written.

A derived cache, not a money record: each sale adds its figures in its own transaction and a
void takes them back out in the void's, so the outlet summary of a day reads a few rows per
terminal instead of every sale. Nothing here is journaled or synced; ``verify`` rebuilds the
totals from the sale, line and payment rows and reports any that disagree as a break.

Sections (``item`` and ``label`` empty where unused):

- ``sale``: per currency, the sales, their total, VAT and rounding;
- ``hour``: per UTC hour (``"07"``) and currency, the sales and their total;
- ``agent``: per user id and currency, the sales and their total;
- ``method``: per payment method and payment currency, the payments and their amount;
- ``change``: per change currency, cash change given in a currency other than the payment's;
- ``bundle``: per bundle code, name and sale currency, the lines and their price.
"""

from __future__ import annotations

import peewee

from konnect_pos.store.database import db, is_postgres

COLUMNS = "day_id, section, item, label, currency, entries, amount_minor, vat_minor, rounding_minor"
KEY = "day_id, section, item, label, currency"


def hour_sql(database: peewee.Database, column: str) -> str:
    """The two-digit UTC hour of a stored instant (stored instants are naive UTC)."""
    return f"to_char({column}, 'HH24')" if is_postgres(database) else f"strftime('%H', {column})"


def sections_sql(database: peewee.Database, sale_filter: str) -> str:
    """Every section's rows for the sales that ``sale_filter`` (a condition on ``s``) selects,
    grouped by the table's key so one statement never touches a row twice."""
    hour = hour_sql(database, "s.sold_at")
    return f"""
SELECT s.business_day_id AS day_id, 'sale' AS section, '' AS item, '' AS label, s.currency,
       COUNT(*) AS entries, SUM(s.total_minor) AS amount_minor, SUM(s.vat_minor) AS vat_minor,
       SUM(s.rounding_minor) AS rounding_minor
  FROM sale s WHERE {sale_filter} GROUP BY s.business_day_id, s.currency
UNION ALL
SELECT s.business_day_id, 'hour', {hour}, '', s.currency, COUNT(*), SUM(s.total_minor), 0, 0
  FROM sale s WHERE {sale_filter} GROUP BY s.business_day_id, {hour}, s.currency
UNION ALL
SELECT s.business_day_id, 'agent', CAST(s.user_id AS TEXT), '', s.currency, COUNT(*),
       SUM(s.total_minor), 0, 0
  FROM sale s WHERE {sale_filter} GROUP BY s.business_day_id, s.user_id, s.currency
UNION ALL
SELECT s.business_day_id, 'method', p.method, '', p.currency, COUNT(*), SUM(p.amount_minor), 0, 0
  FROM sale s JOIN payment p ON p.sale_id = s.id WHERE {sale_filter}
  GROUP BY s.business_day_id, p.method, p.currency
UNION ALL
SELECT s.business_day_id, 'change', '', '', p.change_currency, COUNT(*),
       SUM(COALESCE(p.change_minor, 0)), 0, 0
  FROM sale s JOIN payment p ON p.sale_id = s.id
  WHERE {sale_filter} AND p.method = 'cash' AND p.change_currency IS NOT NULL
  GROUP BY s.business_day_id, p.change_currency
UNION ALL
SELECT s.business_day_id, 'bundle', l.bundle_code, l.bundle_name, s.currency, COUNT(*),
       SUM(l.price_minor), 0, 0
  FROM sale s JOIN sale_line l ON l.sale_id = s.id WHERE {sale_filter}
  GROUP BY s.business_day_id, l.bundle_code, l.bundle_name, s.currency
"""


_APPLY: dict[tuple[str, bool, int], str] = {}  # the statement's text per backend and sign: built once


def _apply(sale_id: int, sign: int) -> None:
    key = (db.param, is_postgres(db), sign)
    sql = _APPLY.get(key)
    if sql is None:
        filter_ = f"s.id = {db.param} AND s.business_day_id IS NOT NULL"
        sign_ = "" if sign > 0 else "-"
        sql = _APPLY[key] = (
            f"INSERT INTO day_total ({COLUMNS})"
            f" SELECT day_id, section, item, label, currency, {sign_}entries, {sign_}amount_minor,"
            f" {sign_}vat_minor, {sign_}rounding_minor FROM ({sections_sql(db, filter_)}) AS d WHERE true"
            f" ON CONFLICT ({KEY}) DO UPDATE SET entries = day_total.entries + excluded.entries,"
            " amount_minor = day_total.amount_minor + excluded.amount_minor,"
            " vat_minor = day_total.vat_minor + excluded.vat_minor,"
            " rounding_minor = day_total.rounding_minor + excluded.rounding_minor"
        )
    db.execute_sql(sql, [sale_id] * 6)


def add_sale(sale_id: int) -> None:
    """Add a just-written sale (its lines and payments written too) to its day's totals."""
    _apply(sale_id, 1)


def remove_sale(sale_id: int) -> None:
    """Take a voided sale back out of its day's totals (a void is always of the sale's own day)."""
    _apply(sale_id, -1)


def day_totals(day_ids: list[int]) -> list[tuple[str, str, str, str, int, int, int, int]]:
    """The totals of the given days summed per section, item, label and currency; rows whose
    every sale was voided (no entries left) are left out, as a grouped query over the rows would."""
    if not day_ids:
        return []
    marks = ", ".join([db.param] * len(day_ids))
    rows = db.execute_sql(
        "SELECT section, item, label, currency, SUM(entries), SUM(amount_minor), SUM(vat_minor),"
        f" SUM(rounding_minor) FROM day_total WHERE day_id IN ({marks})"
        " GROUP BY section, item, label, currency",
        list(day_ids),
    ).fetchall()
    return [
        (section, item, label, currency, int(n), int(amount), int(vat), int(rounding))
        for section, item, label, currency, n, amount, vat, rounding in rows
        if int(n) != 0
    ]


def rebuilt_totals() -> dict[tuple, tuple[int, int, int, int]]:
    """Every day's totals computed afresh from the live sale, line and payment rows."""
    live = (
        "s.business_day_id IS NOT NULL AND NOT EXISTS"
        " (SELECT 1 FROM sale_void v WHERE v.sale_id = s.id AND v.day_id = s.business_day_id)"
    )
    rows = db.execute_sql(f"SELECT * FROM ({sections_sql(db, live)}) AS d").fetchall()
    return {tuple(row[:5]): tuple(int(v) for v in row[5:]) for row in rows}


def stored_totals() -> dict[tuple, tuple[int, int, int, int]]:
    rows = db.execute_sql(f"SELECT {COLUMNS} FROM day_total").fetchall()
    return {tuple(row[:5]): tuple(int(v) for v in row[5:]) for row in rows}
