"""``konnect-pos verify``: is every money record as it was committed, and is the journal whole?

Four checks, each catching what the others cannot:

- the database's own integrity check (SQLite): damaged pages are found before anything is read;
- each terminal's hash chain, and the outbox beside it (same numbers, same content);
- every money record (sale, payment, void, refund, cash movement, float, day close, top-up and
  its reversal in the balance, corporate invoice) rebuilt from its rows and compared with its
  journal entry, both ways: a row without an entry and an entry without its row are breaks;
  receipt and Z numbers are gapless, so a deleted last sale or day close shows too;
- the journal's head against the anchors kept outside the file (HQ, backups' ``anchor.json``,
  a Z report line or a receipt QR typed in): a chain cut short or rewritten whole with fresh
  hashes is only found this way. What no anchor can show is in docs/decisions.md.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import peewee

from konnect_pos.domain.journal import canonical
from konnect_pos.services.journal import ChainProblem, check_chain
from konnect_pos.services.journal_anchor import Anchor, anchor_problem, head, terminal_labels
from konnect_pos.store.database import db, is_postgres
from konnect_pos.store.models import (
    BalanceEntry,
    BusinessDay,
    CashMovement,
    CorporateAccount,
    CorporateInvoice,
    CorporateInvoiceLine,
    DayClose,
    DayFloat,
    DrawerCount,
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
    rebuilt, problems_in_balances = _rebuilt_records()
    records = sum(len(found) for found in rebuilt.values())
    for kind, found in rebuilt.items():
        problems += _compare(kind, found, labels)
    problems += problems_in_balances
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
        sales=len(rebuilt["sale"]),
        problems=problems,
        records=records,
        anchored=anchored,
    )


def _describe(problem: ChainProblem, labels: dict[int, str]) -> str:
    record = f" (record {problem.record_uuid})" if problem.record_uuid else ""
    return f"{labels[problem.terminal_id]} journal entry {problem.seq}: {problem.reason}{record}"


def _outbox_problems(terminal_id: int, label: str) -> list[str]:
    """The outbox holds a copy of every journal entry (sent to HQ or waiting): same numbers,
    same content. A journal entry deleted or edited without its copy shows here."""
    entries = {
        seq: (kind, uuid, payload)
        for seq, kind, uuid, payload in JournalEntry.select(
            JournalEntry.seq, JournalEntry.kind, JournalEntry.record_uuid, JournalEntry.payload
        )
        .where(JournalEntry.terminal == terminal_id)
        .tuples()
    }
    problems = []
    for seq, kind, uuid, payload in (
        OutboxEvent.select(OutboxEvent.seq, OutboxEvent.kind, OutboxEvent.record_uuid, OutboxEvent.payload)
        .where(OutboxEvent.terminal == terminal_id)
        .order_by(OutboxEvent.seq)
        .tuples()
    ):
        entry = entries.pop(seq, None)
        if entry is None:
            problems.append(f"{label} journal entry {seq}: missing, its outbox copy is still there ({kind})")
        elif entry != (kind, uuid, payload):
            problems.append(f"{label} journal entry {seq}: differs from its outbox copy")
    for seq in sorted(entries):
        problems.append(f"{label} journal entry {seq}: has no outbox copy")
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


def _compare(kind: str, rebuilt: dict[str, tuple[str, dict[str, Any]]], labels: dict[int, str]) -> list[str]:
    problems = []
    entries = {
        uuid: (terminal_id, seq, payload)
        for uuid, terminal_id, seq, payload in JournalEntry.select(
            JournalEntry.record_uuid, JournalEntry.terminal, JournalEntry.seq, JournalEntry.payload
        )
        .where(JournalEntry.kind == kind)
        .tuples()
    }
    for uuid, (name, payload) in rebuilt.items():
        entry = entries.pop(uuid, None)
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
    for terminal_id, seq, _ in entries.values():
        problems.append(f"{labels[terminal_id]} journal entry {seq}: its {KIND_NAMES[kind]} row is missing")
    return problems


KIND_NAMES = {
    "sale": "sale",
    "void": "void",
    "refund": "refund",
    "cash_movement": "cash movement",
    "day_open": "day opening (float)",
    "day_close": "day close",
    "corporate_invoice": "corporate invoice",
}
# What a journal entry holds that its rows do not (so it cannot be rebuilt): a cash movement's approver.
JOURNAL_ONLY = {"cash_movement": ("approved_by",)}


def _rebuilt_records() -> tuple[dict[str, dict[str, tuple[str, dict[str, Any]]]], list[str]]:
    """Per journal kind: record uuid → (what to call it, content rebuilt from rows); and the
    balance reversals that no void or refund claims."""
    users = dict(User.select(User.id, User.username).tuples())
    reversals = {
        row.entry_key: row
        for row in BalanceEntry.select().where(BalanceEntry.entry_key.startswith("reversal:"))
    }
    builders: dict[str, Callable[[], Iterable[tuple[str, str, dict[str, Any]]]]] = {
        "sale": _sales,
        "void": lambda: _voids(users, reversals),
        "refund": lambda: _refunds(users, reversals),
        "cash_movement": lambda: _cash_movements(users),
        "day_open": lambda: _day_opens(users),
        "day_close": lambda: _day_closes(users),
        "corporate_invoice": _invoices,
    }
    rebuilt = {
        kind: {uuid: (name, payload) for uuid, name, payload in build()} for kind, build in builders.items()
    }
    claimed = {
        payload["balance_reversal"]["entry_key"]
        for kind in ("void", "refund")
        for _, payload in rebuilt[kind].values()
        if "balance_reversal" in payload
    }
    orphans = [
        f"balance entry {key} of {reversals[key].customer.account_number}: its void or refund is missing"
        for key in sorted(set(reversals) - claimed)
    ]
    return rebuilt, orphans


def _sales() -> Iterable[tuple[str, str, dict[str, Any]]]:
    from konnect_pos.services.checkout import stored_sale_payload

    for sale in Sale.select().order_by(Sale.id):
        yield sale.uuid, f"sale {sale.receipt_number}", stored_sale_payload(sale)


def _approver(users: dict[int, str], user_id: int | None) -> str | None:
    return users.get(user_id) if user_id else None


def _reversal(reversals: dict[str, BalanceEntry], record_uuid: str) -> dict[str, Any]:
    row = reversals.get(f"reversal:{record_uuid}")
    if row is None:
        return {}
    return {
        "balance_reversal": {
            "customer": row.customer.account_number,
            "entry_key": row.entry_key,
            "amount_minor": -row.amount_minor,
        }
    }


def _voids(
    users: dict[int, str], reversals: dict[str, BalanceEntry]
) -> Iterable[tuple[str, str, dict[str, Any]]]:
    for row in SaleVoid.select(SaleVoid, Sale).join(Sale).order_by(SaleVoid.id):
        yield (
            row.uuid,
            f"void of {row.sale.receipt_number}",
            {
                "uuid": row.uuid,
                "sale": row.sale.uuid,
                "receipt_number": row.sale.receipt_number,
                "reason": row.reason,
                "user": users.get(row.user_id),
                "approved_by": _approver(users, row.approved_by_id),
                "removed": json.loads(row.removed_bundles),
                **_reversal(reversals, row.uuid),
            },
        )


def _refunds(
    users: dict[int, str], reversals: dict[str, BalanceEntry]
) -> Iterable[tuple[str, str, dict[str, Any]]]:
    for row in Refund.select(Refund, Sale).join(Sale).order_by(Refund.id):
        yield (
            row.uuid,
            f"refund on {row.sale.receipt_number}",
            {
                "uuid": row.uuid,
                "sale": row.sale.uuid,
                "receipt_number": row.sale.receipt_number,
                "amount_minor": row.amount_minor,
                "currency": row.currency,
                "method": row.method,
                "provider": row.provider,
                "reason": row.reason,
                "user": users.get(row.user_id),
                "approved_by": _approver(users, row.approved_by_id),
                **_reversal(reversals, row.uuid),
            },
        )


def _cash_movements(users: dict[int, str]) -> Iterable[tuple[str, str, dict[str, Any]]]:
    for row in CashMovement.select().order_by(CashMovement.id):
        yield (
            row.uuid,
            f"cash movement {row.direction} of {row.at.isoformat()}",
            {
                "uuid": row.uuid,
                "direction": row.direction,
                "currency": row.currency,
                "amount_minor": row.amount_minor,
                "reason": row.reason,
                "user": users.get(row.user_id),
                "approved_by": None,
            },
        )


def _day_opens(users: dict[int, str]) -> Iterable[tuple[str, str, dict[str, Any]]]:
    floats: dict[int, dict[str, int]] = {}
    for day_id, currency, minor in DayFloat.select(
        DayFloat.day, DayFloat.currency, DayFloat.amount_minor
    ).tuples():
        floats.setdefault(day_id, {})[currency] = minor
    for day in BusinessDay.select().order_by(BusinessDay.id):
        yield (
            day.uuid,
            f"opening (float) of the day {day.business_date}",
            {
                "uuid": day.uuid,
                "date": day.business_date,
                "user": users.get(day.opened_by_id),
                "approved_by": _approver(users, day.approved_by_id),
                "floats": floats.get(day.id, {}),
            },
        )


def _day_closes(users: dict[int, str]) -> Iterable[tuple[str, str, dict[str, Any]]]:
    counts: dict[int, dict[str, list[int]]] = {}
    for close_id, currency, expected, counted in DrawerCount.select(
        DrawerCount.close, DrawerCount.currency, DrawerCount.expected_minor, DrawerCount.counted_minor
    ).tuples():
        counts.setdefault(close_id, {})[currency] = [expected, counted]
    for close in DayClose.select(DayClose, BusinessDay).join(BusinessDay).order_by(DayClose.id):
        yield (
            close.uuid,
            f"Z report {close.z_number} ({close.day.business_date})",
            {
                "uuid": close.uuid,
                "date": close.day.business_date,
                "z_number": close.z_number,
                "user": users.get(close.closed_by_id),
                "approved_by": _approver(users, close.approved_by_id),
                "counts": counts.get(close.id, {}),
                "comment": close.comment,
            },
        )


def _invoices() -> Iterable[tuple[str, str, dict[str, Any]]]:
    lines: dict[int, list[dict[str, Any]]] = {}
    for line in CorporateInvoiceLine.select().order_by(
        CorporateInvoiceLine.invoice, CorporateInvoiceLine.position
    ):
        lines.setdefault(line.invoice_id, []).append(
            {
                "kind": line.kind,
                "kit_serial": line.kit_serial,
                "template": line.template,
                "params": json.loads(line.params),
                "quantity": line.quantity,
                "unit_price": line.unit_price_minor,
                "amount": line.amount_minor,
            }
        )
    accounts = dict(CorporateAccount.select(CorporateAccount.id, CorporateAccount.uuid).tuples())
    for row in CorporateInvoice.select().order_by(CorporateInvoice.id):
        yield (
            row.uuid,
            f"corporate invoice {row.number}",
            {
                "uuid": row.uuid,
                "number": row.number,
                "account": accounts.get(row.account_id),
                "period": f"{row.period_year:04d}-{row.period_month:02d}",
                "invoice_date": row.invoice_date,
                "due_date": row.due_date,
                "currency": row.currency,
                "subtotal": row.subtotal_minor,
                "vat_rate": row.vat_rate if isinstance(row.vat_rate, str) else str(row.vat_rate),
                "vat": row.vat_minor,
                "total": row.total_minor,
                "lines": lines.get(row.id, []),
            },
        )


def heads() -> dict[str, tuple[int, str]]:
    """Every terminal's journal head by label (for the anchors written beside a backup)."""
    labels = terminal_labels()
    return {label: found for terminal_id, label in labels.items() if (found := head(terminal_id))}
