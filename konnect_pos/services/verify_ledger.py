"""``verify``'s check of the balance ledger: every row against the journal, both ways.

The fees, fee refunds and adjustments written by the daily run, by the engine at the counter
and by the demo are journaled as ``balance_entry`` records; a top-up's credit rides in its sale's
entry and a reversal in its void's or refund's (``verify`` compares those with the sale, void or
refund). A ``balance_entry`` names its row by account and key (unique per account), not by a
uuid the row holds, so the entries are read in chunks and each chunk's rows fetched by that
pair; a bitmap of the rows met (one byte per row id) then finds the rows no entry names,
without holding the ledger in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import peewee

from konnect_pos.domain.journal import canonical
from konnect_pos.services.plans import reversal_key
from konnect_pos.store.database import db
from konnect_pos.store.models import BalanceEntry, Customer, Sale

CHUNK = 2_000
KIND = "balance_entry"
REBUILT = (
    BalanceEntry.day, BalanceEntry.kind, BalanceEntry.currency, BalanceEntry.amount_minor,
    BalanceEntry.corrects, BalanceEntry.note, BalanceEntry.period_start, BalanceEntry.period_end,
    BalanceEntry.recorded_at, BalanceEntry.sale,
)  # fmt: skip


def ledger_problems(labels: dict[int, str], shown: int) -> tuple[int, list[str]]:
    """(balance entries compared, problems); at most ``shown`` problems of each sort."""
    top = BalanceEntry.select(peewee.fn.MAX(BalanceEntry.id)).scalar() or 0
    seen = bytearray(top + 1)
    count, problems = _entries_against_rows(labels, seen, shown)
    problems += _rows_without_entry(seen, top, shown)
    problems += _credits_unlike_their_sale(shown)
    problems += _reversals_twice(shown)
    return count, problems


def _entries(last: int = 0) -> Iterator[list[tuple[Any, ...]]]:
    """The ``balance_entry`` journal entries in chunks, as stored (the moment unconverted: the
    row's ``recorded_at`` is stored by the same field type, so the raw values compare)."""
    mark = db.param
    while True:
        chunk = db.execute_sql(
            "SELECT id, terminal_id, seq, record_uuid, at, payload FROM journal_entry"
            f" WHERE kind = {mark} AND id > {mark} ORDER BY id LIMIT {CHUNK}",
            (KIND, last),
        ).fetchall()
        if not chunk:
            return
        yield chunk
        last = chunk[-1][0]


def _named(text: str) -> tuple[str, str, bool] | None:
    """The account and key an entry's content names, and whether it holds the note (entries
    journaled before stop 25 do not); None when it cannot be read."""
    try:
        content = json.loads(text)
        return str(content["customer"]), str(content["key"]), "note" in content
    except (ValueError, KeyError, TypeError):
        return None


def _rows(pairs: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[int, list[Any]]]:
    """The rows named by (account, key) pairs: a VALUES list joined in, one index probe per pair
    (written out here: peewee spends longer building the statement than the database runs it)."""
    if not pairs:
        return {}
    mark = db.param
    values = ", ".join([f"({mark}, {mark})"] * len(pairs))
    cursor = db.execute_sql(
        f"SELECT be.id, c.account_number, be.entry_key, {', '.join(f'be.{f.column_name}' for f in REBUILT)}"
        f" FROM (VALUES {values}) AS named JOIN customer c ON c.account_number = named.column1"
        " JOIN balance_entry be ON be.customer_id = c.id AND be.entry_key = named.column2",
        [value for pair in sorted(pairs) for value in pair],
    )
    return {(account, key): (row_id, rest) for row_id, account, key, *rest in cursor.fetchall()}


def _entries_against_rows(labels: dict[int, str], seen: bytearray, shown: int) -> tuple[int, list[str]]:
    missing, changed, twice, count = [], [], [], 0
    for chunk in _entries():
        names = [_named(text) for *_, text in chunk]
        rows = _rows({name[:2] for name in names if name})
        for (_, terminal_id, seq, uuid, at, text), name in zip(chunk, names, strict=True):
            where = f"{labels.get(terminal_id, terminal_id)} journal entry {seq}"
            found = rows.get(name[:2]) if name else None
            if found is None:
                what = f" ({name[1]} of {name[0]})" if name else ""
                missing.append(f"{where}: its balance entry row is missing{what}")
                continue
            row_id, (day, kind, currency, minor, corrects, note, start, end, recorded_at, sale_id) = found
            if row_id >= len(seen):  # written while verify ran
                seen.extend(bytes(row_id + 1 - len(seen)))
            if seen[row_id]:
                twice.append(f"{where}: balance entry {name[1]} of {name[0]} is journaled a second time")
                continue
            seen[row_id] = 1
            count += 1
            rebuilt = {
                "uuid": uuid,
                "customer": name[0],
                "key": name[1],
                "day": day,
                "kind": kind,
                "currency": currency,
                "amount_minor": minor,
                "corrects": corrects,
                **({"note": note} if name[2] else {}),
                "period_start": start,
                "period_end": end,
            }
            if canonical(rebuilt) != text or recorded_at != at or sale_id is not None:
                changed.append(
                    f"{where}: balance entry {name[1]} of {name[0]} no longer matches what was recorded"
                )
    return count, missing[:shown] + changed[:shown] + twice[:shown]


def _rows_without_entry(seen: bytearray, top: int, shown: int) -> list[str]:
    """Rows up to ``top`` that no entry named, apart from those another record carries: a
    top-up's credit (its sale) and a reversal (its void or refund)."""
    reversal = reversal_key("")
    unmet: list[int] = []
    last = 0
    while last < top and len(unmet) < shown:
        chunk = list(
            BalanceEntry.select(BalanceEntry.id, BalanceEntry.entry_key, BalanceEntry.sale)
            .where((BalanceEntry.id > last) & (BalanceEntry.id <= top))
            .order_by(BalanceEntry.id)
            .limit(CHUNK)
            .tuples()
        )
        if not chunk:
            break
        last = chunk[-1][0]
        unmet += [
            row_id
            for row_id, key, sale_id in chunk
            if not seen[row_id] and sale_id is None and not key.startswith(reversal)
        ]
    return [
        f"balance entry {key} of {account}: no journal entry"
        for key, account in BalanceEntry.select(BalanceEntry.entry_key, Customer.account_number)
        .join(Customer)
        .where(BalanceEntry.id.in_(unmet[:shown]))
        .order_by(BalanceEntry.id)
        .tuples()
    ]


def _credits_unlike_their_sale(shown: int) -> list[str]:
    """A top-up's credit is compared with its sale's entry by key, day and amount only (what
    the entry holds): it must also be the sale's one credit, in its customer's ledger and
    currency, or a second credit or a credit moved to another account would pass."""
    problems = [
        f"sale {receipt}: its top-up credit {key} is not in the sale's customer's ledger and currency"
        for receipt, key in BalanceEntry.select(Sale.receipt_number, BalanceEntry.entry_key)
        .join(Sale)
        .where(
            (BalanceEntry.customer != Sale.customer)
            | (BalanceEntry.currency != Sale.currency)
            | (BalanceEntry.kind != "top_up")
        )
        .order_by(BalanceEntry.id)
        .limit(shown)
        .tuples()
    ]
    problems += [
        f"sale {receipt}: {credits} top-up credits in the balance, one was recorded"
        for receipt, credits in BalanceEntry.select(Sale.receipt_number, peewee.fn.COUNT(BalanceEntry.id))
        .join(Sale)
        .group_by(Sale.id, Sale.receipt_number)
        .having(peewee.fn.COUNT(BalanceEntry.id) > 1)
        .order_by(Sale.id)
        .limit(shown)
        .tuples()
    ]
    return problems


def _reversals_twice(shown: int) -> list[str]:
    """A reversal is found by its key alone (its void or refund names it): a second row under
    the same key, in any account, would go unseen beside the one compared."""
    count = peewee.fn.COUNT(BalanceEntry.id)
    return [
        f"balance entry {key}: {rows} rows under one key, one was recorded"
        for key, rows in BalanceEntry.select(BalanceEntry.entry_key, count)
        .where(BalanceEntry.entry_key.startswith(reversal_key("")))
        .group_by(BalanceEntry.entry_key)
        .having(count > 1)
        .order_by(BalanceEntry.entry_key)
        .limit(shown)
        .tuples()
    ]
