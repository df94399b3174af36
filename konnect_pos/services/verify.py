"""``konnect-pos verify``: is every money record as it was committed, and is the journal whole?

The file's integrity check, each hash chain with its outbox, every money record rebuilt from
its rows against its journal entry (both ways), gapless numbers, then the anchors kept outside
the file. What each check catches, and what none can: docs/decisions.md, "Sales, receipts and
the journal" ("Tamper evidence", "Anchors outside the file").
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import peewee

from konnect_pos.domain.journal import canonical
from konnect_pos.services import outlet_limits, receipt_messages
from konnect_pos.services.catalog_admin import change_payload
from konnect_pos.services.corrections import cash_back_payload
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
    CorporateAccount,
    CorporateInvoice,
    CorporateInvoiceLine,
    Customer,
    DayClose,
    DayFloat,
    DrawerCount,
    ExchangeRate,
    JournalEntry,
    OutboxEvent,
    Outlet,
    Payment,
    ReceiptCounter,
    Refund,
    Sale,
    SaleLine,
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


def _compare(
    kind: str, rebuilt: Iterable[list[tuple[str, str, dict[str, Any]]]], labels: dict[int, str]
) -> tuple[int, list[str]]:
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
CHUNK = 2_000
PROBLEMS_SHOWN = 50  # per check: a wholesale edit is not listed row by row
# What a journal entry holds that its rows do not (so it cannot be rebuilt): a cash movement's approver.
JOURNAL_ONLY = {"cash_movement": ("approved_by",), "exchange_rate": ("approved_by",)}


Records = Iterator[list[tuple[str, str, dict[str, Any]]]]  # chunks of (uuid, name, content)


def _money_records(labels: dict[int, str]) -> tuple[int, int, list[str]]:
    """Every money record rebuilt and compared, kind by kind, chunk by chunk; returns
    (records, sales, problems), the balance reversals no void or refund claims included."""
    users = dict(User.select(User.id, User.username).tuples())
    reversals = {
        row.entry_key: row
        for row in BalanceEntry.select().where(BalanceEntry.entry_key.startswith(reversal_key("")))
    }
    builders: dict[str, Callable[[], Records]] = {
        "sale": _sales,
        "void": lambda: _voids(users, reversals),
        "refund": lambda: _refunds(users, reversals),
        "cash_movement": lambda: _cash_movements(users),
        "day_open": lambda: _day_opens(users),
        "day_close": lambda: _day_closes(users),
        "corporate_invoice": _invoices,
        "exchange_rate": lambda: _exchange_rates(users),
        **outlet_limits.RECORDS,
        "catalog_change": lambda: _catalog_changes(users),
        **receipt_messages.RECORDS,
    }
    claimed: set[str] = set()

    def claiming(chunks: Records) -> Records:
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


def _by_id(query: peewee.ModelSelect, model: type[peewee.Model]) -> Iterator[list[Any]]:
    """The query's rows in chunks by id (keyset), so a large table is never held at once."""
    last = 0
    while True:
        rows = list(query.where(model.id > last).order_by(model.id).limit(CHUNK))
        if not rows:
            return
        yield rows
        last = rows[-1].id


def _sales() -> Records:
    """Sales with their lines, payments and top-up credit, in the journal's own spelling
    (``sale_payload``), loaded a chunk at a time."""
    from konnect_pos.services.sale_journal import sale_payload, top_up_payload

    query = Sale.select(Sale, Customer.account_number, User.username).join(Customer).switch(Sale).join(User)
    for chunk in _by_id(query, Sale):
        ids = [sale.id for sale in chunk]
        lines: dict[int, list[SaleLine]] = {}
        for line in (
            SaleLine.select().where(SaleLine.sale.in_(ids)).order_by(SaleLine.sale, SaleLine.position)
        ):
            lines.setdefault(line.sale_id, []).append(line)
        payments: dict[int, list[Payment]] = {}
        for payment in Payment.select().where(Payment.sale.in_(ids)).order_by(Payment.sale, Payment.position):
            payments.setdefault(payment.sale_id, []).append(payment)
        credits = {}
        for credit in BalanceEntry.select().where(BalanceEntry.sale.in_(ids)).order_by(BalanceEntry.id):
            credits.setdefault(credit.sale_id, credit)
        records = []
        for sale in chunk:
            payload = sale_payload(
                sale,
                sale.customer.account_number,
                sale.user.username,
                lines.get(sale.id, []),
                payments.get(sale.id, []),
            )
            if sale.id in credits:
                payload.update(top_up_payload(credits[sale.id]))
            records.append((sale.uuid, f"sale {sale.receipt_number}", payload))
        yield records


def _approver(users: dict[int, str], user_id: int | None) -> str | None:
    return users.get(user_id) if user_id else None


def _reversal(reversals: dict[str, BalanceEntry], record_uuid: str) -> dict[str, Any]:
    row = reversals.get(reversal_key(record_uuid))
    if row is None:
        return {}
    return {
        "balance_reversal": {
            "customer": row.customer.account_number,
            "entry_key": row.entry_key,
            "amount_minor": -row.amount_minor,
        }
    }


def _voids(users: dict[int, str], reversals: dict[str, BalanceEntry]) -> Records:
    for chunk in _by_id(SaleVoid.select(SaleVoid, Sale).join(Sale), SaleVoid):
        yield [
            (
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
            for row in chunk
        ]


def _refunds(users: dict[int, str], reversals: dict[str, BalanceEntry]) -> Records:
    for chunk in _by_id(Refund.select(Refund, Sale).join(Sale), Refund):
        yield [
            (
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
                    **cash_back_payload(row),
                    **_reversal(reversals, row.uuid),
                },
            )
            for row in chunk
        ]


def _cash_movements(users: dict[int, str]) -> Records:
    for chunk in _by_id(CashMovement.select(), CashMovement):
        yield [
            (
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
            for row in chunk
        ]


def _exchange_rates(users: dict[int, str]) -> Records:
    """The day's rates of DRC outlets: every sale in francs converts at one of them."""
    outlets = dict(Outlet.select(Outlet.id, Outlet.code).tuples())
    for chunk in _by_id(ExchangeRate.select(), ExchangeRate):
        yield [
            (
                row.uuid,
                f"exchange rate of {row.effective_date}",
                {
                    "uuid": row.uuid,
                    "outlet": outlets.get(row.outlet_id),
                    "base": row.base,
                    "quote": row.quote,
                    "date": row.effective_date,
                    "per_base": str(row.per_base),
                    "user": users.get(row.set_by_id),
                    "approved_by": None,
                },
            )
            for row in chunk
        ]


def _catalog_changes(users: dict[int, str]) -> Records:
    """Bundles and plans a manager added, changed or retired at a terminal."""
    for chunk in _by_id(CatalogChange.select(), CatalogChange):
        yield [
            (row.uuid, f"catalog change of {row.code}", change_payload(row, users.get(row.user_id, "")))
            for row in chunk
        ]


def _day_opens(users: dict[int, str]) -> Records:
    for chunk in _by_id(BusinessDay.select(), BusinessDay):
        floats: dict[int, dict[str, int]] = {}
        for day_id, currency, minor in (
            DayFloat.select(DayFloat.day, DayFloat.currency, DayFloat.amount_minor)
            .where(DayFloat.day.in_([day.id for day in chunk]))
            .tuples()
        ):
            floats.setdefault(day_id, {})[currency] = minor
        yield [
            (
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
            for day in chunk
        ]


def _day_closes(users: dict[int, str]) -> Records:
    for chunk in _by_id(DayClose.select(DayClose, BusinessDay).join(BusinessDay), DayClose):
        counts: dict[int, dict[str, list[int]]] = {}
        for close_id, currency, expected, counted in (
            DrawerCount.select(
                DrawerCount.close, DrawerCount.currency, DrawerCount.expected_minor, DrawerCount.counted_minor
            )
            .where(DrawerCount.close.in_([close.id for close in chunk]))
            .tuples()
        ):
            counts.setdefault(close_id, {})[currency] = [expected, counted]
        yield [
            (
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
            for close in chunk
        ]


def _invoices() -> Records:
    accounts = dict(CorporateAccount.select(CorporateAccount.id, CorporateAccount.uuid).tuples())
    for chunk in _by_id(CorporateInvoice.select(), CorporateInvoice):
        lines: dict[int, list[dict[str, Any]]] = {}
        for line in (
            CorporateInvoiceLine.select()
            .where(CorporateInvoiceLine.invoice.in_([row.id for row in chunk]))
            .order_by(CorporateInvoiceLine.invoice, CorporateInvoiceLine.position)
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
        yield [
            (
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
                    "vat_rate": str(row.vat_rate),
                    "vat": row.vat_minor,
                    "total": row.total_minor,
                    "lines": lines.get(row.id, []),
                },
            )
            for row in chunk
        ]


def heads() -> dict[str, tuple[int, str]]:
    """Every terminal's journal head by label (for the anchors written beside a backup)."""
    labels = terminal_labels()
    return {label: found for terminal_id, label in labels.items() if (found := head(terminal_id))}
