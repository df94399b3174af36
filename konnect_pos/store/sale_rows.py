"""The statements of a sale's commit, prepared once and run through the driver (issue 17).

The sale's own path (``account_snapshot`` … ``insert_payments``) reads and writes plain tuples:
building peewee model instances was over half of the remaining commit CPU. Eleven statements
per sale on SQLite, twelve on PostgreSQL: the account (customer, queue, readings), the bundles with
their prices, the day and the rate, the receipt number with the journal head and the reference
check (two statements on PostgreSQL: see ``claim_receipt``), then the rows.

peewee builds every statement's text anew from its expression tree: for a sale's ~28 statements
that was 60 % of the commit's CPU (6.85 ms against 0.46 ms for the same rows written raw). The
rows are exactly those the models write (``verify`` rebuilds each sale from them): instants as
naive UTC, decimals as text. The receipt counter and the outbox take their next number inside
the statement that writes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

import peewee

from konnect_pos.store.database import db, is_postgres
from konnect_pos.store.models import (
    BundlePrice,
    Customer,
    JournalEntry,
    OutboxEvent,
)

M = TypeVar("M", bound=peewee.Model)


def journal_head(terminal_id: int) -> tuple[int, str] | None:
    """(seq, hash) of the terminal's last journal entry, None before the first."""
    sql = (
        f'SELECT seq, hash FROM "{JournalEntry._meta.table_name}" WHERE terminal_id = {db.param}'
        " ORDER BY seq DESC LIMIT 1"
    )
    found = db.execute_sql(sql, (terminal_id,)).fetchone()
    return (found[0], found[1]) if found else None


def insert_outbox_event(
    uuid: str, terminal_id: int, kind: str, record_uuid: str, payload: str, created_at: Any
) -> None:
    """The outbox event with the terminal's next outbox number, taken in the same statement."""
    at = OutboxEvent._meta.fields["created_at"].db_value(created_at)
    p = db.param
    sql = (
        f'INSERT INTO "{OutboxEvent._meta.table_name}"'
        " (uuid, terminal_id, seq, kind, record_uuid, payload, created_at)"
        f" SELECT {p}, {p}, COALESCE(MAX(seq), 0) + 1, {p}, {p}, {p}, {p}"
        f' FROM "{OutboxEvent._meta.table_name}" WHERE terminal_id = {p}'
    )
    db.execute_sql(sql, (uuid, terminal_id, kind, record_uuid, payload, at, terminal_id))


def _rows(model: type[M], sql: str, *params: Any) -> list[M]:
    """Model instances from a literal statement (peewee converts the columns, builds no SQL)."""
    return list(model.raw(sql.replace("?", db.param), *params))


def customer_by_account(account_number: str) -> Customer | None:
    found = _rows(Customer, 'SELECT * FROM "customer" WHERE account_number = ?', account_number)
    return found[0] if found else None


def bundle_prices(bundle_ids: Sequence[int], on: str) -> list[BundlePrice]:
    """HQ's price versions of these bundles in effect on the date ``on`` (YYYY-MM-DD), oldest first."""
    marks = ", ".join("?" * len(bundle_ids))
    return _rows(
        BundlePrice,
        f'SELECT * FROM "bundle_price" WHERE bundle_id IN ({marks}) AND effective_from <= ?'
        " ORDER BY effective_from",
        *bundle_ids,
        on,
    )


_TEXTS: dict[tuple[str, str], str] = {}


def _sql(text: str) -> str:
    """``text`` with the backend's parameter mark for each ``?`` (cached per backend)."""
    key = (text, db.param)
    found = _TEXTS.get(key)
    if found is None:
        found = _TEXTS[key] = text.replace("?", db.param)
    return found


def instant(value: Any) -> datetime | None:
    """A stored instant read back aware (UTC), as ``UTCDateTimeField`` reads it."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def stored(value: datetime) -> datetime:
    """An aware instant as stored (naive UTC); a naive one is refused, as ``UTCDateTimeField`` does."""
    if value.tzinfo is None:
        raise ValueError("naive datetime given to a UTC column")
    return value.astimezone(UTC).replace(tzinfo=None)


_ACCOUNT = """
SELECT 'p', p.id, p.uuid, p.queue_position, p.trigger, p.sold_at, p.trigger_set_at, p.bundle_code,
       p.bundle_name, p.data_gb, p.validity_days, p.removed_at
  FROM purchase p WHERE p.customer_id = {who}
UNION ALL
SELECT 'r', r.purchase_id, NULL, NULL, NULL, r.at, NULL, NULL, NULL, r.gb_used, NULL, NULL
  FROM usage_reading r WHERE r.customer_id = {who}
{customer}
ORDER BY 1, 4, 6
"""
_BY_ID = _ACCOUNT.format(who="?", customer="")
_BY_NUMBER = _ACCOUNT.format(
    who="(SELECT id FROM customer WHERE account_number = ?)",
    customer="UNION ALL SELECT 'c', c.id, c.account_number, NULL, c.country, NULL, NULL, c.language,"
    " NULL, NULL, NULL, NULL FROM customer c WHERE c.account_number = ?",
)


def _split(rows: list[tuple]) -> tuple[tuple | None, list[tuple], list[tuple]]:
    customer, purchases, readings = None, [], []
    for row in rows:
        kind = row[0]
        if kind == "p":
            purchases.append(row[1:])
        elif kind == "r":
            readings.append(row[1:])
        else:
            customer = row[1:]
    return customer, purchases, readings


def account_rows(customer_id: int) -> tuple[list[tuple], list[tuple]]:
    """The account's purchases in queue order (removed ones too) and its usage readings by time,
    in one statement. A purchase: (id, uuid, queue_position, trigger, sold_at, trigger_set_at,
    bundle_code, bundle_name, data_gb, validity_days, removed_at); a reading: (purchase_id, at,
    gb_used) at positions 0, 4 and 8 of the same width."""
    _, purchases, readings = _split(db.execute_sql(_sql(_BY_ID), (customer_id, customer_id)).fetchall())
    return purchases, readings


def account_snapshot(account_number: str) -> tuple[tuple | None, list[tuple], list[tuple]]:
    """``account_rows`` and the customer (id, account_number, country, language at positions
    0, 1, 3 and 6) by account number, in one statement; the customer is None when unknown."""
    rows = db.execute_sql(_sql(_BY_NUMBER), (account_number,) * 3).fetchall()
    return _split(rows)


def priced_bundles(codes: Sequence[str], on: str, country: str) -> list[tuple]:
    """The active bundles with these codes, each with its price on the date ``on`` (HQ's latest
    version from then, else its base): (id, code, name, country, currency, data_gb,
    validity_days, speed_label, price_minor). A code sold in two countries: ``country``'s last."""
    unique = sorted(set(codes))
    marks = ", ".join("?" * len(unique))
    sql = (
        "SELECT b.id, b.code, b.name, b.country, b.currency, b.data_gb, b.validity_days, b.speed_label,"
        " COALESCE((SELECT v.price_minor FROM bundle_price v WHERE v.bundle_id = b.id"
        " AND v.effective_from <= ? ORDER BY v.effective_from DESC, v.id DESC LIMIT 1), b.price_minor)"
        f" FROM bundle b WHERE b.code IN ({marks}) AND b.active = ? ORDER BY b.country = ?"
    )
    return db.execute_sql(_sql(sql), (on, *unique, True, country)).fetchall()


_RATE = (
    "SELECT r.base, r.quote, r.per_base, r.effective_date FROM exchange_rate r"
    " WHERE r.outlet_id = ? AND r.base = ? AND r.quote = ? AND r.effective_date <= ?"
    " ORDER BY r.effective_date DESC, r.set_at DESC, r.id DESC LIMIT 1"
)
_DAY = (
    "SELECT d.id, d.business_date, c.z_number, d.opened_at FROM business_day d"
    " LEFT JOIN day_close c ON c.day_id = d.id WHERE d.terminal_id = ?"
    " ORDER BY d.business_date DESC LIMIT 1"
)


def rate_row(outlet_id: int, base: str, quote: str, on: str) -> tuple | None:
    """(base, quote, per_base text, effective_date) of the rate in force on ``on``, else None."""
    return db.execute_sql(_sql(_RATE), (outlet_id, base, quote, on)).fetchone()


def latest_day(terminal_id: int) -> tuple | None:
    """The terminal's latest day (id, business_date, z_number or None, opened_at), or None."""
    return db.execute_sql(_sql(_DAY), (terminal_id,)).fetchone()


_NO_RATE = "SELECT NULL AS base, NULL AS quote, NULL AS per_base, NULL AS effective_date"
_PULL = "SELECT id FROM float_pull WHERE outlet_id = ? ORDER BY id DESC LIMIT 1"


def sale_context(
    terminal_id: int, outlet_id: int, rate: tuple[int, str, str, str] | None
) -> tuple[tuple | None, tuple | None, int | None]:
    """``latest_day``, ``rate_row``'s answer given (outlet id, base, quote, date), and the id of
    the outlet's latest float pull (None: the outlet has neither a float nor offline limits, so
    the sale need not read them): one statement."""
    sql = (
        "SELECT d.id, d.business_date, d.z_number, d.opened_at, r.base, r.quote, r.per_base,"
        " r.effective_date, f.id"
        f" FROM (SELECT 1 AS one) AS o LEFT JOIN ({_DAY}) AS d ON true"
        f" LEFT JOIN ({_RATE if rate else _NO_RATE}) AS r ON true LEFT JOIN ({_PULL}) AS f ON true"
    )
    row = db.execute_sql(_sql(sql), (terminal_id, *(rate or ()), outlet_id)).fetchone()
    return (row[:4] if row[0] is not None else None), (row[4:8] if row[4] is not None else None), row[8]


def claim_receipt(
    terminal_id: int, references: Sequence[tuple[str, str]]
) -> tuple[int, tuple[int, str] | None, int | None]:
    """``next_receipt_number``, the journal head (as ``journal_head``) and the index of the first
    (provider, reference) a payment already carries (None: none does).

    SQLite: one statement (BEGIN IMMEDIATE already holds the write lock). PostgreSQL: the upsert
    first, which waits for and then holds the counter's row lock; the head is read by the next
    statement, whose snapshot is taken under that lock. Read in the upsert's own RETURNING, it
    would come from a snapshot older than the lock: another process's sale on this terminal,
    committed meanwhile, would be missing and the chain would fork.
    """
    head = 'FROM "journal_entry" WHERE terminal_id = ? ORDER BY seq DESC LIMIT 1'
    used = " ".join(
        f"WHEN EXISTS (SELECT 1 FROM payment WHERE provider = ? AND reference = ?) THEN {index}"
        for index in range(len(references))
    )
    checks = f"(SELECT seq {head}), (SELECT hash {head}), {f'CASE {used} END' if references else 'NULL'}"
    params = [terminal_id, terminal_id] + [value for pair in references for value in pair]
    upsert = (
        "INSERT INTO receipt_counter (terminal_id, last_number) VALUES (?, 1)"
        " ON CONFLICT (terminal_id) DO UPDATE SET last_number = receipt_counter.last_number + 1"
        " RETURNING last_number"
    )
    if is_postgres(db):
        number = db.execute_sql(_sql(upsert), (terminal_id,)).fetchone()[0]
        seq, digest, index = db.execute_sql(_sql(f"SELECT {checks}"), params).fetchone()
    else:
        found = db.execute_sql(_sql(f"{upsert}, {checks}"), [terminal_id, *params]).fetchone()
        number, seq, digest, index = found
    return number, ((seq, digest) if seq is not None else None), index


_SALE_COLUMNS = (
    "uuid, terminal_id, receipt_number, customer_id, user_id, sold_at, channel, currency, total_minor,"
    " vat_minor, rounding_minor, paid_minor, change_minor, language, business_day_id"
)
_LINE_COLUMNS = (
    "uuid, sale_id, position, bundle_code, bundle_name, data_gb, validity_days, price_minor, vat_rate,"
    " vat_minor, trigger, starts_at, starts_exact, period_end, follows, commission_minor, commission_percent"
)
_PURCHASE_COLUMNS = (
    "uuid, customer_id, sale_line_id, queue_position, trigger, sold_at, bundle_code, bundle_name,"
    " data_gb, validity_days"
)
_PAYMENT_COLUMNS = (
    "uuid, sale_id, position, method, currency, amount_minor, tendered_minor, change_minor, provider,"
    " reference, phone, merchant_number, card_approval, card_last4, change_currency, settles_minor, rate"
)


def _values(table: str, columns: str, rows: Sequence[tuple], returning: str = "") -> Any:
    width = columns.count(",") + 1
    row = "(" + ", ".join("?" * width) + ")"
    sql = f'INSERT INTO "{table}" ({columns}) VALUES {", ".join([row] * len(rows))}{returning}'
    return db.execute_sql(_sql(sql), [value for values in rows for value in values])


def insert_sale(values: tuple) -> int:
    """A sale row (``_SALE_COLUMNS``' order, instants as ``stored``); its id."""
    return _values("sale", _SALE_COLUMNS, [values], " RETURNING id").fetchone()[0]


def insert_sale_lines(rows: Sequence[tuple]) -> dict[str, int]:
    """Sale lines (``_LINE_COLUMNS``' order) in one statement; their ids by uuid (SQLite does not
    promise a multi-row RETURNING's order)."""
    return dict((uuid, id_) for id_, uuid in _values("sale_line", _LINE_COLUMNS, rows, " RETURNING id, uuid"))


def insert_purchases(rows: Sequence[tuple]) -> None:
    _values("purchase", _PURCHASE_COLUMNS, rows)


def insert_payments(rows: Sequence[tuple]) -> None:
    _values("payment", _PAYMENT_COLUMNS, rows)


def insert_journal_entry(values: tuple) -> None:
    """(terminal_id, seq, kind, record_uuid, at as ``stored``, payload, prev_hash, hash)."""
    _values("journal_entry", "terminal_id, seq, kind, record_uuid, at, payload, prev_hash, hash", [values])
