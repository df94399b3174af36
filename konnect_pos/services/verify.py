"""``konnect-pos verify``: is every money record as it was committed, and is the journal whole?

The file's integrity check, each hash chain with its outbox, every money record rebuilt from
its rows against its journal entry (both ways), gapless numbers, then the anchors kept outside
the file. What each check catches, and what none can: docs/decisions.md, "Sales, receipts and
the journal" ("Tamper evidence", "Anchors outside the file").
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import peewee

from konnect_pos.domain.journal import canonical
from konnect_pos.services import outlet_limits, receipt_messages, verify_records
from konnect_pos.services.journal import ChainProblem, check_chain
from konnect_pos.services.journal_anchor import Anchor, anchor_problem, head, terminal_labels
from konnect_pos.services.plans import reversal_key
from konnect_pos.services.verify_ledger import ledger_problems
from konnect_pos.store import day_totals
from konnect_pos.store.database import db, is_postgres
from konnect_pos.store.models import (
    BalanceEntry,
    BusinessDay,
    CashMovement,
    CatalogChange,
    CorporateInvoice,
    DayClose,
    ExchangeRate,
    JournalEntry,
    OutboxEvent,
    ReceiptCounter,
    Refund,
    Sale,
    SaleVoid,
    User,
)


@dataclass(frozen=True, slots=True)
class VerifyReport:
    terminals: int
    entries: int
    sales: int
    problems: list[str]
    records: int = 0  # money records rebuilt and compared
    anchored: list[str] = field(default_factory=list)  # the anchors checked, said back

    @property
    def ok(self) -> bool:
        return not self.problems


def integrity_problems() -> list[str]:
    """SQLite's own check of every page and index; PostgreSQL checks its pages as it reads them."""
    if is_postgres(db):
        return []
    try:
        rows = [row[0] for row in db.execute_sql("PRAGMA integrity_check").fetchall()]
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        return [f"database file damaged: {str(exc).splitlines()[0]}"]
    if rows == ["ok"]:
        return []
    return [f"database file damaged: {row}" for row in rows[:5]]


def verify(anchors: Iterable[Anchor] = ()) -> VerifyReport:
    problems = integrity_problems()
    if problems:  # reading damaged pages may fail anywhere: report the damage alone
        return VerifyReport(0, 0, 0, problems)
    try:
        return _verify(list(anchors))
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        return VerifyReport(0, 0, 0, [f"database damaged: {str(exc).splitlines()[0]}"])


def _verify(anchors: list[Anchor]) -> VerifyReport:
    labels = terminal_labels()
    problems: list[str] = []
    for terminal_id in sorted(labels, key=labels.get):
        problem = check_chain(terminal_id)
        if problem:
            problems.append(_describe(problem, labels))
        problems += _outbox_problems(terminal_id, labels[terminal_id])
        problems += _numbering_problems(terminal_id, labels[terminal_id])
    records, sales, found = _money_records(labels)
    problems += found
    problems += _day_total_problems()
    latest: dict[str, tuple[int, str, list[str]]] = {}  # per terminal, the most recent anchors that held
    ids = {label: terminal_id for terminal_id, label in labels.items()}
    for anchor in anchors:
        problem = anchor_problem(anchor, ids.get(anchor.terminal))
        if problem:
            problems.append(problem)
            continue
        rank = anchor.seq if anchor.seq is not None else -1
        at = f"#{anchor.seq}" if anchor.seq is not None else anchor.hash[:12]
        found = latest.get(anchor.terminal)
        if found is None or rank > found[0]:
            latest[anchor.terminal] = (rank, at, [anchor.source])
        elif rank == found[0]:
            found[2].append(anchor.source)
    anchored = [f"{label} {at} ({'; '.join(sources)})" for label, (_, at, sources) in sorted(latest.items())]
    return VerifyReport(
        terminals=len(labels),
        entries=JournalEntry.select().count(),
        sales=sales,
        problems=problems,
        records=records,
        anchored=anchored,
    )


def _day_total_problems() -> list[str]:
    """The per-day totals (a derived cache the outlet summary reads) against the rows they sum:
    a total that disagrees means a row or a total was changed behind the app's back."""
    terminals = terminal_labels()
    labels = {
        day_id: f"{terminals.get(terminal_id, terminal_id)} {business_date}"
        for day_id, terminal_id, business_date in BusinessDay.select(
            BusinessDay.id, BusinessDay.terminal, BusinessDay.business_date
        ).tuples()
    }
    rebuilt = day_totals.rebuilt_totals()
    stored = {key: value for key, value in day_totals.stored_totals().items() if any(value)}
    problems = []
    for key in sorted(set(rebuilt) | set(stored), key=lambda k: tuple(map(str, k))):
        if rebuilt.get(key) != stored.get(key):
            day_id, section, item, label, currency = key
            what = " ".join(part for part in (section, item, label, currency) if part)
            problems.append(
                f"day {labels.get(day_id, day_id)} totals {what}: stored"
                f" {stored.get(key, '(none)')}, the rows sum to {rebuilt.get(key, '(none)')}"
            )
    return problems


def _describe(problem: ChainProblem, labels: dict[int, str]) -> str:
    record = f" (record {problem.record_uuid})" if problem.record_uuid else ""
    return f"{labels[problem.terminal_id]} journal entry {problem.seq}: {problem.reason}{record}"


def _outbox_problems(terminal_id: int, label: str) -> list[str]:
    """The outbox holds a copy of every journal entry (sent to HQ or waiting): same numbers,
    same content. A journal entry deleted or edited without its copy shows here (two joins,
    nothing held in memory)."""
    problems = []
    copy = OutboxEvent.alias()
    for seq, copy_id in (
        JournalEntry.select(JournalEntry.seq, copy.id)
        .join(
            copy,
            peewee.JOIN.LEFT_OUTER,
            on=(copy.terminal == JournalEntry.terminal) & (copy.seq == JournalEntry.seq),
        )
        .where(JournalEntry.terminal == terminal_id)
        .where(
            copy.id.is_null()
            | (copy.kind != JournalEntry.kind)
            | (copy.record_uuid != JournalEntry.record_uuid)
            | (copy.payload != JournalEntry.payload)
        )
        .order_by(JournalEntry.seq)
        .limit(PROBLEMS_SHOWN)
        .tuples()
    ):
        reason = "has no outbox copy" if copy_id is None else "differs from its outbox copy"
        problems.append(f"{label} journal entry {seq}: {reason}")
    entry = JournalEntry.alias()
    for seq, kind in (
        OutboxEvent.select(OutboxEvent.seq, OutboxEvent.kind)
        .join(
            entry,
            peewee.JOIN.LEFT_OUTER,
            on=(entry.terminal == OutboxEvent.terminal) & (entry.seq == OutboxEvent.seq),
        )
        .where((OutboxEvent.terminal == terminal_id) & entry.id.is_null())
        .order_by(OutboxEvent.seq)
        .limit(PROBLEMS_SHOWN)
        .tuples()
    ):
        problems.append(f"{label} journal entry {seq}: missing, its outbox copy is still there ({kind})")
    return problems


def _numbering_problems(terminal_id: int, label: str) -> list[str]:
    """Receipt and Z numbers are gapless per terminal: the counter says how many there were."""
    problems = []
    counter = ReceiptCounter.get_or_none(ReceiptCounter.terminal == terminal_id)
    issued = counter.last_number if counter else 0
    sales = Sale.select().where(Sale.terminal == terminal_id).count()
    if sales != issued:
        problems.append(f"{label}: {issued} receipt numbers were issued but {sales} sales are stored")
    z_numbers = (
        DayClose.select(peewee.fn.COUNT(DayClose.id), peewee.fn.MAX(DayClose.z_number))
        .join(BusinessDay)
        .where(BusinessDay.terminal == terminal_id)
        .tuples()
        .first()
    )
    count, last = z_numbers or (0, 0)
    if (last or 0) != count:
        problems.append(f"{label}: Z reports run to {last} but {count} day closes are stored")
    return problems


def _compare(kind: str, rebuilt: verify_records.Records, labels: dict[int, str]) -> tuple[int, list[str]]:
    """Rebuilt records (in chunks) against their journal entries, both ways; returns the count."""
    problems, count = [], 0
    for chunk in rebuilt:
        count += len(chunk)
        entries = {
            uuid: (terminal_id, seq, payload)
            for uuid, terminal_id, seq, payload in JournalEntry.select(
                JournalEntry.record_uuid, JournalEntry.terminal, JournalEntry.seq, JournalEntry.payload
            )
            .where((JournalEntry.kind == kind) & JournalEntry.record_uuid.in_([uuid for uuid, _, _ in chunk]))
            .tuples()
        }
        for uuid, name, payload in chunk:
            entry = entries.get(uuid)
            if entry is None:
                problems.append(f"{name}: no journal entry")
                continue
            recorded = json.loads(entry[2])
            for key in JOURNAL_ONLY.get(kind, ()):
                payload[key] = recorded.get(key)
            if canonical(payload) != entry[2]:
                problems.append(
                    f"{labels[entry[0]]} journal entry {entry[1]}: {name} no longer matches what was recorded"
                )
    table = TABLES[kind]
    for terminal_id, seq in (
        JournalEntry.select(JournalEntry.terminal, JournalEntry.seq)
        .where((JournalEntry.kind == kind) & JournalEntry.record_uuid.not_in(table.select(table.uuid)))
        .order_by(JournalEntry.terminal, JournalEntry.seq)
        .limit(PROBLEMS_SHOWN)
        .tuples()
    ):
        problems.append(f"{labels[terminal_id]} journal entry {seq}: its {KIND_NAMES[kind]} row is missing")
    return count, problems


KIND_NAMES = {
    "sale": "sale",
    "void": "void",
    "refund": "refund",
    "cash_movement": "cash movement",
    "day_open": "day opening (float)",
    "day_close": "day close",
    "corporate_invoice": "corporate invoice",
    "exchange_rate": "exchange rate",
    **outlet_limits.KIND_NAMES,
    "catalog_change": "catalog change",
    **receipt_messages.KIND_NAMES,
}
TABLES: dict[str, type[peewee.Model]] = {
    "sale": Sale,
    "void": SaleVoid,
    "refund": Refund,
    "cash_movement": CashMovement,
    "day_open": BusinessDay,
    "day_close": DayClose,
    "corporate_invoice": CorporateInvoice,
    "exchange_rate": ExchangeRate,
    **outlet_limits.TABLES,
    "catalog_change": CatalogChange,
    **receipt_messages.TABLES,
}
PROBLEMS_SHOWN = 50  # per check: a wholesale edit is not listed row by row
# What a journal entry holds that its rows do not (so it cannot be rebuilt): a cash movement's approver.
JOURNAL_ONLY = {"cash_movement": ("approved_by",), "exchange_rate": ("approved_by",)}


def _money_records(labels: dict[int, str]) -> tuple[int, int, list[str]]:
    """Every money record rebuilt and compared, kind by kind, chunk by chunk; returns
    (records, sales, problems), the balance reversals no void or refund claims included."""
    users = dict(User.select(User.id, User.username).tuples())
    reversals = {
        row.entry_key: row
        for row in BalanceEntry.select().where(BalanceEntry.entry_key.startswith(reversal_key("")))
    }
    builders: dict[str, Callable[[], verify_records.Records]] = {
        "sale": verify_records.sales,
        "void": lambda: verify_records.voids(users, reversals),
        "refund": lambda: verify_records.refunds(users, reversals),
        "cash_movement": lambda: verify_records.cash_movements(users),
        "day_open": lambda: verify_records.day_opens(users),
        "day_close": lambda: verify_records.day_closes(users),
        "corporate_invoice": verify_records.invoices,
        "exchange_rate": lambda: verify_records.exchange_rates(users),
        **outlet_limits.RECORDS,
        "catalog_change": lambda: verify_records.catalog_changes(users),
        **receipt_messages.RECORDS,
    }
    claimed: set[str] = set()

    def claiming(chunks: verify_records.Records) -> verify_records.Records:
        for chunk in chunks:
            claimed.update(p["balance_reversal"]["entry_key"] for _, _, p in chunk if "balance_reversal" in p)
            yield chunk

    records, sales, problems = 0, 0, []
    for kind, build in builders.items():
        count, found = _compare(kind, claiming(build()), labels)
        records += count
        sales = count if kind == "sale" else sales
        problems += found
    problems += [
        f"balance entry {key} of {reversals[key].customer.account_number}: its void or refund is missing"
        for key in sorted(set(reversals) - claimed)
    ]
    count, found = ledger_problems(labels, PROBLEMS_SHOWN)
    return records + count, sales, problems + found


def heads() -> dict[str, tuple[int, str]]:
    """Every terminal's journal head by label (for the anchors written beside a backup)."""
    labels = terminal_labels()
    return {label: found for terminal_id, label in labels.items() if (found := head(terminal_id))}
