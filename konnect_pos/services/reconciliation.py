"""Mobile-money statements imported per outlet and reconciled with our payments.

A statement is the provider's evidence, not a money record of ours: it is stored (the import and
its lines in one transaction, never edited) but not journaled. Importing the same file again is a
no-op, recognised by its SHA-256. The report of a day matches the outlet's mobile-money payments
of that local day with the statement lines of that day, provider by provider; payments of a
provider without an imported statement covering the day stay "typed".
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from konnect_pos.domain.errors import NotFound, ValidationError
from konnect_pos.domain.money import Money, money_sum
from konnect_pos.domain.reconciliation import (
    OurPayment,
    Outcome,
    PaymentState,
    StatementLayout,
    StatementLine,
    parse_statement,
    reconcile,
)
from konnect_pos.domain.roles import Right
from konnect_pos.paths import RESOURCES
from konnect_pos.services.clock import local_date
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.session import Counter
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import Payment, Sale, Terminal
from konnect_pos.store.statement_models import (
    MobileStatement,
    MobileStatementLine,
    StatementLayoutRow,
)

MAX_FILE_BYTES = 20 * 1024 * 1024
LAYOUT_FIELDS = (
    "encoding",
    "delimiter",
    "reference",
    "amount",
    "date",
    "date_format",
    "phone",
    "currency",
    "decimal_separator",
    "thousands_separator",
)


@cache
def builtin_layouts() -> dict[str, StatementLayout]:
    data = json.loads((RESOURCES / "statement_layouts.json").read_text(encoding="utf-8"))
    return {name: StatementLayout.from_mapping(name, spec) for name, spec in data["layouts"].items()}


def find_layout(name: str) -> StatementLayout:
    """A built-in layout (named after its provider) or one saved at this terminal."""
    if name in builtin_layouts():
        return builtin_layouts()[name]
    row = StatementLayoutRow.get_or_none(StatementLayoutRow.name == name)
    if row is None:
        raise NotFound("No statement layout named {name}", field="layout", name=name[:40])
    return StatementLayout.from_mapping(name, json.loads(row.definition))


def save_layout(counter: Counter, name: str, provider: str, spec: dict[str, str | None]) -> StatementLayout:
    """Map a provider's export we did not know once; later imports name it with --layout."""
    counter.require(Right.REPORTS)
    name = (name or "").strip()
    if not name or name in builtin_layouts():
        raise ValidationError(
            "Choose a new name for the layout (not empty, not a provider's own)", field="layout"
        )
    _check_provider(counter, provider)
    layout = StatementLayout.from_mapping(name, {**spec, "provider": provider})
    with write_transaction():
        if StatementLayoutRow.get_or_none(StatementLayoutRow.name == name) is not None:
            raise ValidationError("A layout named {name} exists already", field="layout", name=name)
        StatementLayoutRow.create(
            name=name,
            provider=provider,
            definition=layout.to_json(),
            saved_at=counter.clock(),
            saved_by=counter.user.id,
        )
    return layout


def _check_provider(counter: Counter, provider: str) -> None:
    outlet = counter.terminal.outlet
    if provider not in outlet.providers:
        raise ValidationError(
            "{provider} is not a mobile-money provider of outlet {outlet} ({known})",
            field="provider",
            provider=provider[:40],
            outlet=outlet.code,
            known=", ".join(outlet.providers),
        )


@dataclass(frozen=True, slots=True)
class ImportResult:
    uuid: str
    provider: str
    layout: str
    lines: int
    first_day: date | None
    last_day: date | None
    already_imported: bool


def _currency(counter: Counter) -> str:
    return counter.terminal.outlet.country.currencies[0]


def import_statement(
    counter: Counter, raw: bytes, file_name: str, provider: str, layout_name: str | None = None
) -> ImportResult:
    """Store a provider's statement for the counter's outlet; the same file twice: once."""
    counter.require(Right.REPORTS)
    _check_provider(counter, provider)
    layout = find_layout(layout_name or provider)
    if layout.provider != provider:
        raise ValidationError(
            "The layout {layout} is for {other}, not {provider}",
            field="layout",
            layout=layout.name,
            other=layout.provider,
            provider=provider,
        )
    if len(raw) > MAX_FILE_BYTES:
        raise ValidationError("The statement file is too large", field="file")
    outlet = counter.terminal.outlet
    lines = parse_statement(raw, layout, _currency(counter), outlet.zone)
    today = counter.today()
    late = [line for line in lines if line.day > today]
    if late:
        raise ValidationError(
            "Row {row}: {day} is after today; is this the right file?",
            field="file",
            row=late[0].row,
            day=late[0].day.isoformat(),
        )
    digest = hashlib.sha256(raw).hexdigest()
    days = sorted(line.day for line in lines)
    with write_transaction():
        earlier = MobileStatement.get_or_none(
            (MobileStatement.outlet == outlet.id) & (MobileStatement.file_sha256 == digest)
        )
        if earlier is not None:
            return _result(earlier, already=True)
        row = MobileStatement.create(
            uuid=new_uuid(),
            outlet=outlet.id,
            terminal=counter.terminal.id,
            provider=provider,
            layout_name=layout.name,
            layout=layout.to_json(),
            file_name=file_name[:200],
            file_sha256=digest,
            first_day=days[0].isoformat() if days else None,
            last_day=days[-1].isoformat() if days else None,
            line_count=len(lines),
            imported_at=counter.clock(),
            imported_by=counter.user.id,
        )
        MobileStatementLine.insert_many(
            [
                {
                    "statement": row.id,
                    "row_number": line.row,
                    "reference": line.reference,
                    "currency": line.amount.currency,
                    "amount_minor": line.amount.to_minor(),
                    "local_day": line.day.isoformat(),
                    "paid_at": line.at,
                    "phone": line.phone,
                }
                for line in lines
            ]
        ).execute()
    return _result(row, already=False)


def _result(row: MobileStatement, *, already: bool) -> ImportResult:
    return ImportResult(
        row.uuid,
        row.provider,
        row.layout_name,
        row.line_count,
        date.fromisoformat(row.first_day) if row.first_day else None,
        date.fromisoformat(row.last_day) if row.last_day else None,
        already,
    )


@dataclass(frozen=True, slots=True)
class ReportRow:
    outcome: str | None  # None: no statement of the provider covers the day yet
    state: PaymentState | None  # for our payments; None for a statement-only line
    provider: str
    reference: str
    receipts: tuple[str, ...]
    ours: Money | None
    theirs: Money | None
    statement_rows: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ReconciliationReport:
    outlet: str
    terminal: str
    day: date
    providers_checked: tuple[str, ...]
    rows: tuple[ReportRow, ...]
    counts: dict[str, int]
    our_total: dict[str, Money]  # per currency
    statement_total: dict[str, Money]


def _day(counter: Counter, on: date | str | None) -> date:
    if on is None or on == "":
        return counter.today()
    if isinstance(on, date):
        return on
    try:
        return date.fromisoformat(on.strip())
    except ValueError:
        raise ValidationError("Not a date (YYYY-MM-DD): {text}", field="date", text=on[:40]) from None


def _our_payments(outlet_id: int, zone_name: str, day: date) -> list[tuple[OurPayment, str]]:
    zone = ZoneInfo(zone_name)
    start = datetime.combine(day, time(), zone).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(), zone).astimezone(UTC)
    rows = (
        Payment.select(Payment, Sale)
        .join(Sale)
        .join(Terminal)
        .where(
            (Payment.method == "mobile_money")
            & (Terminal.outlet == outlet_id)
            & (Sale.sold_at >= start)
            & (Sale.sold_at < end)
        )
        .order_by(Payment.id)
    )
    return [
        (
            OurPayment(
                p.uuid,
                p.provider,
                p.reference,
                Money.from_minor(p.amount_minor, p.currency),
                day,
                p.sale.receipt_number,
            ),
            p.provider,
        )
        for p in rows
    ]


def _statement_lines(outlet_id: int, day: date) -> tuple[dict[str, list[StatementLine]], set[str]]:
    """The day's lines per provider (a line in two overlapping files counted once) and the
    providers whose imported statements cover the day."""
    covering = (
        MobileStatement.select()
        .where(
            (MobileStatement.outlet == outlet_id)
            & (MobileStatement.first_day <= day.isoformat())
            & (MobileStatement.last_day >= day.isoformat())
        )
        .order_by(MobileStatement.id)
    )
    providers = {s.provider for s in covering}
    rows = (
        MobileStatementLine.select(MobileStatementLine, MobileStatement)
        .join(MobileStatement)
        .where((MobileStatement.outlet == outlet_id) & (MobileStatementLine.local_day == day.isoformat()))
        .order_by(MobileStatement.id, MobileStatementLine.row_number)
    )
    lines: dict[str, list[StatementLine]] = defaultdict(list)
    seen_in_other_file: dict[tuple, int] = {}
    for row in rows:
        key = (row.statement.provider, row.reference, row.amount_minor, row.local_day, row.paid_at)
        first = seen_in_other_file.setdefault(key, row.statement_id)
        if first != row.statement_id:
            continue  # the same payment in an overlapping later export
        lines[row.statement.provider].append(
            StatementLine(
                row.row_number,
                row.reference,
                Money.from_minor(row.amount_minor, row.currency),
                date.fromisoformat(row.local_day),
                row.paid_at,
                row.phone,
            )
        )
    return lines, providers


def report(counter: Counter, on: date | str | None = None) -> ReconciliationReport:
    """The outlet's mobile-money payments of a local day against the imported statements."""
    counter.require(Right.SELL)
    day = _day(counter, on)
    outlet = counter.terminal.outlet
    rows, counts, payments, lines = _day_rows(outlet.id, outlet.zone, day)
    return ReconciliationReport(
        outlet.code,
        counter.terminal.label,
        day,
        tuple(sorted(lines.keys() | _covered(outlet.id, day))),
        tuple(rows),
        counts,
        _totals([p.amount for p, _ in payments]),
        _totals([line.amount for group in lines.values() for line in group]),
    )


def _covered(outlet_id: int, day: date) -> set[str]:
    return _statement_lines(outlet_id, day)[1]


def _day_rows(outlet_id: int, zone: str, day: date):
    payments = _our_payments(outlet_id, zone, day)
    lines, checked = _statement_lines(outlet_id, day)
    checked |= set(lines)
    rows: list[ReportRow] = []
    counts = {o.value: 0 for o in Outcome}
    by_provider: dict[str, list[OurPayment]] = defaultdict(list)
    for payment, provider in payments:
        by_provider[provider].append(payment)
    for provider in sorted(by_provider.keys() | lines.keys()):
        ours = by_provider.get(provider, [])
        if provider not in checked:
            rows.extend(
                ReportRow(None, PaymentState.TYPED, provider, p.reference, (p.receipt,), p.amount, None, ())
                for p in ours
            )
            continue
        result = reconcile(ours, lines.get(provider, []))
        for outcome, n in result.counts.items():
            counts[outcome] += n
        for finding in result.findings:
            state = None
            if finding.ours:
                state = (
                    PaymentState.CONFIRMED if finding.outcome is Outcome.MATCHED else PaymentState.DISPUTED
                )
            rows.append(
                ReportRow(
                    finding.outcome.value,
                    state,
                    provider,
                    finding.reference,
                    tuple(p.receipt for p in finding.ours),
                    finding.our_amount,
                    finding.their_amount,
                    tuple(line.row for line in finding.theirs),
                )
            )
    return rows, counts, payments, lines


def _totals(amounts: list[Money]) -> dict[str, Money]:
    currencies = sorted({a.currency for a in amounts})
    return {c: money_sum([a for a in amounts if a.currency == c], c) for c in currencies}


def payment_states(counter: Counter, on: date | str | None = None) -> dict[str, PaymentState]:
    """Reference → typed / confirmed / disputed for the day's mobile-money payments."""
    return {row.reference: row.state for row in report(counter, on).rows if row.state is not None}


def sale_mobile_states(receipts: list[str]) -> dict[str, tuple[tuple[str, str, PaymentState], ...]]:
    """Receipt number → its mobile-money payments as (provider, reference, state), for the
    customer's purchase list. Each sale's outlet and local day is reconciled once."""
    payments = list(
        Payment.select(Payment, Sale, Terminal)
        .join(Sale)
        .join(Terminal)
        .where((Payment.method == "mobile_money") & (Sale.receipt_number.in_(receipts)))
        .order_by(Payment.position)
    )
    days: dict[tuple[int, date], dict[str, PaymentState]] = {}
    result: dict[str, list[tuple[str, str, PaymentState]]] = defaultdict(list)
    for payment in payments:
        outlet = payment.sale.terminal.outlet
        day = local_date(payment.sale.sold_at, outlet.zone)
        if (outlet.id, day) not in days:
            rows = _day_rows(outlet.id, outlet.zone, day)[0]
            days[outlet.id, day] = {
                f"{r.provider} {r.reference}": r.state for r in rows if r.state is not None
            }
        state = days[outlet.id, day].get(f"{payment.provider} {payment.reference}", PaymentState.TYPED)
        result[payment.sale.receipt_number].append((payment.provider, payment.reference, state))
    return {receipt: tuple(found) for receipt, found in result.items()}
