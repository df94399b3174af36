"""Balance ledger rows (append-only, one key per account) and their journal entries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from konnect_pos.domain.balance import EntryKind, Ledger, LedgerEntry
from konnect_pos.domain.money import Money
from konnect_pos.services import journal
from konnect_pos.services.ids import new_uuid
from konnect_pos.store.models import BalanceEntry

LEDGER_FIELDS = (
    BalanceEntry.entry_key, BalanceEntry.day, BalanceEntry.kind, BalanceEntry.currency,
    BalanceEntry.amount_minor, BalanceEntry.corrects, BalanceEntry.note, BalanceEntry.period_start,
    BalanceEntry.period_end,
)  # fmt: skip
LEDGER_COLUMNS = ", ".join(field.column_name for field in LEDGER_FIELDS)


ENTRY_COLUMNS = (
    "customer_id", "entry_key", "day", "kind", "currency", "amount_minor", "corrects", "note", "period_start",
    "period_end", "recorded_at",
)  # fmt: skip


def row_entry(row: BalanceEntry) -> LedgerEntry:
    return entry_of(tuple(getattr(row, field.name) for field in LEDGER_FIELDS))


def entry_values(customer_id: int, entry: LedgerEntry, recorded_at: Any, sale_id: int | None = None) -> dict:
    return {
        "customer": customer_id,
        "entry_key": entry.key,
        "day": entry.day.isoformat(),
        "kind": entry.kind.value,
        "currency": entry.amount.currency,
        "amount_minor": entry.amount.to_minor(),
        "corrects": entry.corrects,
        "note": entry.note,
        "period_start": entry.period_start.isoformat() if entry.period_start else None,
        "period_end": entry.period_end.isoformat() if entry.period_end else None,
        "recorded_at": recorded_at,
        "sale": sale_id,
    }


def ledger_of(customer_id: int, currency: str) -> Ledger:
    rows = BalanceEntry.select().where(BalanceEntry.customer == customer_id).order_by(BalanceEntry.id)
    return Ledger(currency, tuple(row_entry(row) for row in rows))


def entry_of(values: tuple[Any, ...]) -> LedgerEntry:
    key, day, kind, currency, amount_minor, corrects, note, period_start, period_end = values
    return LedgerEntry(
        key=key,
        day=date.fromisoformat(day),
        kind=EntryKind(kind),
        amount=Money.from_minor(amount_minor, currency),
        corrects=corrects,
        note=note,
        period_start=date.fromisoformat(period_start) if period_start else None,
        period_end=date.fromisoformat(period_end) if period_end else None,
    )


def entry_row(customer_id: int, entry: LedgerEntry, stored_at: Any) -> tuple[Any, ...]:
    """The ``ENTRY_COLUMNS`` values of a new entry; ``stored_at`` already in its stored form."""
    return (
        customer_id,
        entry.key,
        entry.day.isoformat(),
        entry.kind.value,
        entry.amount.currency,
        entry.amount.to_minor(),
        entry.corrects,
        entry.note,
        entry.period_start.isoformat() if entry.period_start else None,
        entry.period_end.isoformat() if entry.period_end else None,
        stored_at,
    )


def entry_payload(account_number: str, entry: LedgerEntry) -> dict[str, Any]:
    """A ledger entry's journal content (HQ's ``balance_entry``; a top-up's credit rides in its sale).
    The note (an adjustment's reason) is journaled since stop 25; ``verify`` checks it where it is."""
    return {
        "uuid": new_uuid(),
        "customer": account_number,
        "key": entry.key,
        "day": entry.day.isoformat(),
        "kind": entry.kind.value,
        "currency": entry.amount.currency,
        "amount_minor": entry.amount.to_minor(),
        "corrects": entry.corrects,
        "note": entry.note,
        "period_start": entry.period_start.isoformat() if entry.period_start else None,
        "period_end": entry.period_end.isoformat() if entry.period_end else None,
    }


def journal_entries(terminal_id: int, account_number: str, entries: Sequence[LedgerEntry], at: Any) -> None:
    if not entries:
        return
    journal.lock_terminal(terminal_id)
    for entry in entries:
        payload = entry_payload(account_number, entry)
        journal.append(terminal_id, "balance_entry", payload["uuid"], at, payload)
