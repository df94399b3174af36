"""The corporate invoice run and issued invoices.

``invoices_run(date)`` issues, for every account whose billing date is ``date``, one invoice
with every line (domain ``compute_invoice``), numbered gaplessly per outlet, stored as issued
(never edited) and journaled for headquarters. One invoice per account and period (UNIQUE in
the schema, checked under the outlet's counter lock), so running a date twice issues nothing new.
"""

from __future__ import annotations

import json
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from konnect_pos.documents.corporate_invoice_pdf import (
    CorporateInvoiceData,
    CorporateInvoiceLineData,
    render_corporate_invoice,
)
from konnect_pos.domain.corporate.billing_cycle import BillingCycle
from konnect_pos.domain.corporate.charges import read_params, stored_params
from konnect_pos.domain.corporate.invoice import BillableAccount, compute_invoice
from konnect_pos.domain.errors import NotFound, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.roles import Right
from konnect_pos.i18n import check_language, tr
from konnect_pos.services import journal
from konnect_pos.services.corporate.history import load_lines
from konnect_pos.services.corporate.views import LineRecord
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.session import Counter
from konnect_pos.store import statements
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import (
    CorporateAccount,
    CorporateInvoice,
    CorporateInvoiceLine,
    InvoiceCounter,
    Outlet,
    ServicePlan,
)

CHUNK = 500  # accounts per write transaction in the run


@dataclass(frozen=True, slots=True)
class InvoiceLineView:
    position: int
    kind: str
    billed: str
    kit_serial: str
    template: str
    params: dict[str, str | Money]  # prices as Money: written in the reader's language
    quantity: str
    unit_price: Money
    amount: Money
    covers_start: datetime
    covers_end: datetime

    def text(self, lang: str) -> str:
        """The line's explanation in ``lang``."""
        return tr(lang, self.template, **self.params)


@dataclass(frozen=True, slots=True)
class InvoiceView:
    number: str
    uuid: str
    account_code: str
    company: str
    tax_id: str
    address: str
    outlet_name: str
    outlet_address: str
    invoice_date: date
    due_date: date
    period_start: datetime
    period_end: datetime
    previous_start: datetime
    zone: str
    language: str
    currency: str
    lines: tuple[InvoiceLineView, ...]
    subtotal: Money
    vat_rate: Decimal
    vat: Money
    total: Money
    issued_at: datetime


@dataclass(frozen=True, slots=True)
class InvoiceSummary:
    number: str
    account_code: str
    company: str
    invoice_date: date
    due_date: date
    total: Money
    lines: int


@dataclass(frozen=True, slots=True)
class RunResult:
    run_date: date
    due_accounts: int
    issued: tuple[str, ...]  # numbers of the invoices issued by this run
    already_issued: int  # accounts whose invoice for the period existed before
    nothing_to_bill: int  # accounts with no line in service in either period


def _due_accounts(run_date: date) -> list[CorporateAccount]:
    """Accounts whose billing date falls on ``run_date``: their day, or a later day clamped to
    the last day of a short month (decisions: billing day 29-31)."""
    last = monthrange(run_date.year, run_date.month)[1]
    day = CorporateAccount.billing_day
    condition = (day == run_date.day) if run_date.day < last else (day >= run_date.day)
    return list(CorporateAccount.select().where(condition).order_by(CorporateAccount.id))


def invoice_number(outlet_code: str, number: int) -> str:
    return f"{outlet_code}-INV-{number:06d}"


def _all_prices(currency: str) -> dict[str, Money]:
    """Every plan the history may name, retired ones included (the catalog in force)."""
    rows = ServicePlan.select().where(ServicePlan.currency == currency)
    return {row.product_id: Money.from_minor(row.monthly_price_minor, currency) for row in rows}


_INVOICE_COLUMNS = (
    "uuid",
    "number",
    "account_id",
    "outlet_id",
    "period_year",
    "period_month",
    "period_start",
    "period_end",
    "previous_start",
    "invoice_date",
    "due_date",
    "currency",
    "company",
    "tax_id",
    "address",
    "zone",
    "language",
    "subtotal_minor",
    "vat_rate",
    "vat_minor",
    "total_minor",
    "issued_at",
    "issued_by",
)
_LINE_COLUMNS = (
    "invoice_id",
    "position",
    "kind",
    "billed",
    "line_id",
    "kit_serial",
    "template",
    "params",
    "quantity",
    "unit_price_minor",
    "amount_minor",
    "covers_start",
    "covers_end",
)


def _write_invoices(
    counter: Counter, computed: list, lines: dict[int, list[LineRecord]], run_date: date, now: datetime
) -> None:
    """Invoices, their lines and their journal entries for one chunk, in a few statements."""
    ts = CorporateInvoice.issued_at.db_value
    period = f"{run_date.year:04d}-{run_date.month:02d}"
    invoice_rows = []
    for account, outlet, invoice, number, uuid in computed:
        invoice_rows.append(
            (
                uuid,
                number,
                account.id,
                outlet.id,
                run_date.year,
                run_date.month,
                ts(invoice.period.start),
                ts(invoice.period.end),
                ts(invoice.previous_period.start),
                invoice.invoice_date.isoformat(),
                invoice.due_date.isoformat(),
                account.currency,
                account.company,
                account.tax_id,
                account.address,
                account.zone,
                account.language,
                invoice.subtotal.to_minor(),
                str(invoice.vat_rate),
                invoice.vat.to_minor(),
                invoice.total.to_minor(),
                ts(now),
                counter.user.id,
            )
        )
    statements.insert_many("corporate_invoice", _INVOICE_COLUMNS, invoice_rows)
    uuids = [uuid for *_, uuid in computed]
    ids = dict(
        CorporateInvoice.select(CorporateInvoice.uuid, CorporateInvoice.id)
        .where(CorporateInvoice.uuid.in_(uuids))
        .tuples()
    )
    line_rows, records = [], []
    for account, _outlet, invoice, number, uuid in computed:
        line_ids = {r.row.kit_serial: r.row.id for r in lines[account.id]}
        payload_lines = []
        for position, line in enumerate(invoice.lines, start=1):
            params = stored_params(line.params)
            line_rows.append(
                (
                    ids[uuid],
                    position,
                    line.kind.value,
                    line.billed.value,
                    line_ids[line.line_id],
                    line.line_id,
                    line.template,
                    json.dumps(params, ensure_ascii=False, sort_keys=True),
                    str(line.quantity),
                    line.unit_price.to_minor(),
                    line.amount.to_minor(),
                    ts(line.covers_start),
                    ts(line.covers_end),
                )
            )
            payload_lines.append(
                {
                    "kind": line.kind.value,
                    "kit_serial": line.line_id,
                    "template": line.template,
                    "params": params,
                    "quantity": str(line.quantity),
                    "unit_price": line.unit_price.to_minor(),
                    "amount": line.amount.to_minor(),
                }
            )
        payload = {
            "uuid": uuid,
            "number": number,
            "account": account.uuid,
            "period": period,
            "invoice_date": invoice.invoice_date.isoformat(),
            "due_date": invoice.due_date.isoformat(),
            "currency": account.currency,
            "subtotal": invoice.subtotal.to_minor(),
            "vat_rate": str(invoice.vat_rate),
            "vat": invoice.vat.to_minor(),
            "total": invoice.total.to_minor(),
            "lines": payload_lines,
        }
        records.append(("corporate_invoice", uuid, now, payload))
    statements.insert_many("corporate_invoice_line", _LINE_COLUMNS, line_rows)
    journal.append_many(counter.terminal.id, records)


def invoices_run(counter: Counter, run_date: date) -> RunResult:
    """Issue the invoices of every account billed on ``run_date`` (idempotent per period)."""
    counter.require(Right.CORPORATE_BILLING)
    if not isinstance(run_date, date) or isinstance(run_date, datetime):
        raise ValidationError("Give the run date as YYYY-MM-DD", field="date")
    now = counter.clock()
    if run_date > counter.today():
        raise ValidationError(
            "Invoices cannot be run for a future date ({date})", field="date", date=run_date.isoformat()
        )
    accounts = _due_accounts(run_date)
    outlets = {o.id: o for o in Outlet.select()}
    prices: dict[str, dict[str, Money]] = {}
    issued: list[str] = []
    already = empty = 0
    for start in range(0, len(accounts), CHUNK):
        chunk = accounts[start : start + CHUNK]
        with write_transaction():
            journal.lock_terminal(counter.terminal.id)
            last_numbers = {
                o: statements.lock_counter(InvoiceCounter.outlet, o)
                for o in sorted({a.outlet_id for a in chunk})
            }
            existing = {
                row.account_id
                for row in CorporateInvoice.select(CorporateInvoice.account).where(
                    CorporateInvoice.account.in_([a.id for a in chunk])
                    & (CorporateInvoice.period_year == run_date.year)
                    & (CorporateInvoice.period_month == run_date.month)
                )
            }
            already += len(existing)
            todo = [a for a in chunk if a.id not in existing]
            lines = load_lines([a.id for a in todo], {a.id: a.currency for a in todo})
            computed = []
            for account in todo:
                cycle = BillingCycle(account.billing_day, account.zone)
                period = cycle.period(run_date.year, run_date.month)
                if period.start > now or period.invoice_date != run_date:
                    empty += 1
                    continue
                if account.currency not in prices:
                    prices[account.currency] = _all_prices(account.currency)
                domain = BillableAccount(
                    account_id=account.code,
                    cycle=cycle,
                    currency=account.currency,
                    lines=tuple(r.domain() for r in lines[account.id]),
                    payment_terms_days=account.payment_terms_days,
                )
                outlet = outlets[account.outlet_id]
                invoice = compute_invoice(domain, period, prices[account.currency], outlet.vat_rate)
                if not invoice.lines:
                    empty += 1
                    continue
                last_numbers[outlet.id] += 1
                number = invoice_number(outlet.code, last_numbers[outlet.id])
                computed.append((account, outlet, invoice, number, new_uuid()))
            _write_invoices(counter, computed, lines, run_date, now)
            for outlet_id, last in last_numbers.items():
                InvoiceCounter.update(last_number=last).where(InvoiceCounter.outlet == outlet_id).execute()
            issued += [number for *_, number, _uuid in computed]
    return RunResult(run_date, len(accounts), tuple(issued), already, empty)


def _view(row: CorporateInvoice) -> InvoiceView:
    currency = row.currency
    outlet = Outlet.get_by_id(row.outlet_id)
    lines = tuple(
        InvoiceLineView(
            position=line.position,
            kind=line.kind,
            billed=line.billed,
            kit_serial=line.kit_serial,
            template=line.template,
            params=read_params(json.loads(line.params)),
            quantity=line.quantity,
            unit_price=Money.from_minor(line.unit_price_minor, currency),
            amount=Money.from_minor(line.amount_minor, currency),
            covers_start=line.covers_start,
            covers_end=line.covers_end,
        )
        for line in CorporateInvoiceLine.select()
        .where(CorporateInvoiceLine.invoice == row.id)
        .order_by(CorporateInvoiceLine.position)
    )
    return InvoiceView(
        number=row.number,
        uuid=row.uuid,
        account_code=CorporateAccount.get_by_id(row.account_id).code,
        company=row.company,
        tax_id=row.tax_id,
        address=row.address,
        outlet_name=outlet.name,
        outlet_address=outlet.address,
        invoice_date=date.fromisoformat(row.invoice_date),
        due_date=date.fromisoformat(row.due_date),
        period_start=row.period_start,
        period_end=row.period_end,
        previous_start=row.previous_start,
        zone=row.zone,
        language=row.language,
        currency=currency,
        lines=lines,
        subtotal=Money.from_minor(row.subtotal_minor, currency),
        vat_rate=row.vat_rate,
        vat=Money.from_minor(row.vat_minor, currency),
        total=Money.from_minor(row.total_minor, currency),
        issued_at=row.issued_at,
    )


def get_invoice(counter: Counter, number: str) -> InvoiceView:
    counter.require(Right.CORPORATE_BILLING)
    row = CorporateInvoice.get_or_none(CorporateInvoice.number == (number or "").strip().upper())
    if row is None:
        raise NotFound("No invoice {number}", field="number", number=number)
    return _view(row)


def list_invoices(
    counter: Counter, account_code: str | None = None, limit: int = 200
) -> list[InvoiceSummary]:
    """Latest invoices first, of one account or all."""
    counter.require(Right.CORPORATE_BILLING)
    query = (
        CorporateInvoice.select(CorporateInvoice, CorporateAccount.code)
        .join(CorporateAccount)
        .order_by(CorporateInvoice.invoice_date.desc(), CorporateInvoice.number.desc())
        .limit(max(1, min(limit, 10_000)))
    )
    if account_code:
        account = CorporateAccount.get_or_none(CorporateAccount.code == account_code.strip().upper())
        if account is None:
            raise NotFound("No corporate account {code}", field="account", code=account_code)
        query = query.where(CorporateInvoice.account == account.id)
    rows = list(query)
    counts: dict[int, int] = {}
    for line in CorporateInvoiceLine.select(CorporateInvoiceLine.invoice).where(
        CorporateInvoiceLine.invoice.in_([r.id for r in rows])
    ):
        counts[line.invoice_id] = counts.get(line.invoice_id, 0) + 1
    return [
        InvoiceSummary(
            number=r.number,
            account_code=r.account.code,
            company=r.company,
            invoice_date=date.fromisoformat(r.invoice_date),
            due_date=date.fromisoformat(r.due_date),
            total=Money.from_minor(r.total_minor, r.currency),
            lines=counts.get(r.id, 0),
        )
        for r in rows
    ]


def invoice_pdf(counter: Counter, number: str, *, language: str | None = None) -> bytes:
    """The A4 PDF of an issued invoice, in ``language`` or the account's language."""
    invoice = get_invoice(counter, number)
    lang = check_language(language) if language else invoice.language
    data = CorporateInvoiceData(
        number=invoice.number,
        language=invoice.language,
        outlet_name=invoice.outlet_name,
        outlet_address=invoice.outlet_address,
        company=invoice.company,
        address=invoice.address,
        tax_id=invoice.tax_id,
        account_code=invoice.account_code,
        invoice_date=invoice.invoice_date,
        due_date=invoice.due_date,
        period_start=invoice.period_start,
        period_end=invoice.period_end,
        zone=invoice.zone,
        lines=tuple(
            CorporateInvoiceLineData(line.kit_serial, line.template, line.params, line.amount)
            for line in invoice.lines
        ),
        subtotal=invoice.subtotal,
        vat_rate=invoice.vat_rate,
        vat=invoice.vat,
        total=invoice.total,
    )
    return render_corporate_invoice(data, lang)
