"""Per-terminal hash-chained journal and the outbox, written inside the caller's transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from konnect_pos.domain.journal import GENESIS, canonical, chain_hash
from konnect_pos.services.ids import new_uuid
from konnect_pos.store import sale_rows, statements
from konnect_pos.store.models import JournalEntry, OutboxEvent, ReceiptCounter


def lock_terminal(terminal_id: int) -> None:
    """Serialise writers of one terminal: its receipt counter's row is locked until commit."""
    statements.lock_counter(ReceiptCounter.terminal, terminal_id)


def append(terminal_id: int, kind: str, record_uuid: str, at: datetime, payload: dict[str, Any]) -> str:
    """Journal entry + outbox event for one committed record; returns the entry's hash.

    Call inside the record's own write transaction, after ``lock_terminal``.
    """
    return append_after(sale_rows.journal_head(terminal_id), terminal_id, kind, record_uuid, at, payload)


def append_after(
    head: tuple[int, str] | None,
    terminal_id: int,
    kind: str,
    record_uuid: str,
    at: datetime,
    payload: dict[str, Any],
) -> str:
    """``append`` given the terminal's journal head (seq, hash), read under the terminal's lock
    in the same transaction (a sale reads it with its receipt number)."""
    seq = (head[0] + 1) if head else 1
    prev = head[1] if head else GENESIS
    content = canonical(payload)
    digest = chain_hash(prev, seq, kind, content)
    sale_rows.insert_journal_entry(
        (terminal_id, seq, kind, record_uuid, sale_rows.stored(at), content, prev, digest)
    )
    sale_rows.insert_outbox_event(new_uuid(), terminal_id, kind, record_uuid, content, at)
    return digest


def append_many(terminal_id: int, records: list[tuple[str, str, datetime, dict[str, Any]]]) -> None:
    """Journal entries + outbox events for many records (kind, record uuid, at, payload) at once:
    the same chain as ``append`` one by one, written in two multi-row statements per table.

    Call inside the records' write transaction, after ``lock_terminal`` (batch jobs: invoice runs).
    """
    if not records:
        return
    last = (
        JournalEntry.select(JournalEntry.seq, JournalEntry.hash)
        .where(JournalEntry.terminal == terminal_id)
        .order_by(JournalEntry.seq.desc())
        .first()
    )
    last_out = (
        OutboxEvent.select(OutboxEvent.seq)
        .where(OutboxEvent.terminal == terminal_id)
        .order_by(OutboxEvent.seq.desc())
        .first()
    )
    seq, prev = (last.seq, last.hash) if last else (0, GENESIS)
    out_seq = last_out.seq if last_out else 0
    at_column = JournalEntry.at
    entries, events = [], []
    last_at, moment = None, None
    for kind, record_uuid, at, payload in records:
        seq, out_seq = seq + 1, out_seq + 1
        content = canonical(payload)
        digest = chain_hash(prev, seq, kind, content)
        if at is not last_at:  # a batch job's records share one instant: converted once
            last_at, moment = at, at_column.db_value(at)
        entries.append((terminal_id, seq, kind, record_uuid, moment, content, prev, digest))
        events.append((new_uuid(), terminal_id, out_seq, kind, record_uuid, content, moment))
        prev = digest
    statements.insert_many(
        "journal_entry",
        ("terminal_id", "seq", "kind", "record_uuid", "at", "payload", "prev_hash", "hash"),
        entries,
    )
    statements.insert_many(
        "outbox_event", ("uuid", "terminal_id", "seq", "kind", "record_uuid", "payload", "created_at"), events
    )


@dataclass(frozen=True, slots=True)
class ChainProblem:
    terminal_id: int
    seq: int
    record_uuid: str
    reason: str


def check_chain(terminal_id: int) -> ChainProblem | None:
    """The first entry whose hash, predecessor or numbering does not hold, else None."""
    prev, expected_seq = GENESIS, 1
    entries = JournalEntry.select().where(JournalEntry.terminal == terminal_id).order_by(JournalEntry.seq)
    for entry in entries.iterator():  # streamed: a long journal is not held in memory
        if entry.seq != expected_seq:
            return ChainProblem(terminal_id, expected_seq, "", "journal entry missing")
        if entry.prev_hash != prev or chain_hash(prev, entry.seq, entry.kind, entry.payload) != entry.hash:
            return ChainProblem(terminal_id, entry.seq, entry.record_uuid, "journal entry altered")
        prev, expected_seq = entry.hash, entry.seq + 1
    return None


def entry_hash(record_uuid: str) -> str | None:
    entry = JournalEntry.get_or_none(JournalEntry.record_uuid == record_uuid)
    return entry.hash if entry else None


def pending_count(terminal_id: int | None = None) -> int:
    """Records written but not yet acknowledged by headquarters."""
    query = OutboxEvent.select().where(OutboxEvent.sent_at.is_null())
    if terminal_id is not None:
        query = query.where(OutboxEvent.terminal == terminal_id)
    return query.count()
