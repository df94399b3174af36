"""Selling bundles: one sale is one transaction (DESIGN.md invariant 5).

Sale, lines, payments, the account's new queue entries, the journal entry and the
outbox event commit together or not at all. The receipt number is allocated in the
same transaction, so numbers are gapless per terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

import peewee

from konnect_pos.domain import bundle_queue as queue
from konnect_pos.domain.customers import clean_code
from konnect_pos.domain.errors import Conflict, NotFound, ValidationError
from konnect_pos.domain.exchange import ExchangeRate
from konnect_pos.domain.money import Money, money_sum, vat_included
from konnect_pos.domain.payments import PaymentRules, SettledPayment, Settlement, Tender, settle_under
from konnect_pos.domain.roles import Right
from konnect_pos.services import journal, outlet_limits, sale_journal
from konnect_pos.services.business_day import day_for_sale
from konnect_pos.services.catalog import BundleView, get_bundles
from konnect_pos.services.clock import local_date
from konnect_pos.services.commissions import line_commissions
from konnect_pos.services.customer_service import caller_terms, is_desk
from konnect_pos.services.customers import customer_row
from konnect_pos.services.exchange_rates import rate_from_row, rate_key
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.outlets import OutletView
from konnect_pos.services.sale_journal import line_entry, payment_entry
from konnect_pos.services.session import Counter
from konnect_pos.store import day_totals
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import Customer
from konnect_pos.store.sale_rows import (
    account_rows,
    account_snapshot,
    claim_receipt,
    insert_payments,
    insert_purchases,
    insert_sale,
    insert_sale_lines,
    instant,
    sale_context,
    stored,
)

RECEIPT_DIGITS = 6


@dataclass(frozen=True, slots=True)
class CartItem:
    bundle_code: str
    trigger: queue.Trigger | None = None  # ignored for the first bundle on a dormant account


@dataclass(frozen=True, slots=True)
class CartLine:
    bundle: BundleView
    trigger: queue.Trigger
    price: Money
    vat: Money


@dataclass(frozen=True, slots=True)
class CartPreview:
    lines: tuple[CartLine, ...]
    total: Money
    vat: Money
    vat_rate: Decimal
    timeline: queue.Timeline  # the whole account as it will be after the sale

    @property
    def subtotal(self) -> Money:
        """Total without VAT (prices are VAT-inclusive)."""
        return self.total - self.vat


@dataclass(frozen=True, slots=True)
class SaleResult:
    sale_uuid: str
    receipt_number: str
    total: Money
    charged: Money
    change: Money
    timeline: queue.Timeline
    journal_hash: str
    payments: tuple[SettledPayment, ...] = ()  # as recorded: what the payment dialog showed


@dataclass(frozen=True, slots=True)
class Buyer:
    """The customer as a sale needs it, read with the account's queue in one statement."""

    id: int
    account_number: str
    country: str
    language: str


@dataclass(frozen=True, slots=True)
class AccountState:
    purchases: list[queue.QueuedBundle]  # in queue order, removed ones left out
    readings: list[queue.BundleUsage]
    last_position: int  # the highest queue position the account ever had (removed ones too), 0: none


def receipt_label(outlet_code: str, terminal_code: str, number: int) -> str:
    return f"{outlet_code}-{terminal_code}-{number:0{RECEIPT_DIGITS}d}"


def account_state(customer_id: int) -> tuple[list[queue.QueuedBundle], list[queue.BundleUsage]]:
    """The account's purchases in queue order and its usage readings, as domain values."""
    state = _account(*account_rows(customer_id))
    return state.purchases, state.readings


def _account(purchase_rows: list[tuple], reading_rows: list[tuple]) -> AccountState:
    purchases = [
        queue.QueuedBundle(
            id=uuid,
            terms=queue.BundleTerms(code, name, Decimal(gb), days),
            trigger=queue.Trigger(trigger),
            sold_at=instant(sold_at),
            position=position,
            trigger_set_at=instant(set_at),
        )
        for _, uuid, position, trigger, sold_at, set_at, code, name, gb, days, removed in purchase_rows
        if removed is None
    ]
    uuids = {row[0]: row[1] for row in purchase_rows}  # removed ones too: readings may name them
    readings = [
        queue.BundleUsage(at=instant(row[4]), gb_used=Decimal(row[8]), purchase_id=uuids.get(row[0]))
        for row in reading_rows
    ]
    return AccountState(purchases, readings, max((row[2] for row in purchase_rows), default=0))


def _buyer(account_number: str) -> tuple[Buyer, AccountState]:
    """The customer and the account's queue in one statement, or NotFound (as ``customer_row``)."""
    customer, purchase_rows, reading_rows = account_snapshot(clean_code(account_number))
    if customer is None:
        raise NotFound("No customer with account number {account}", field="account", account=account_number)
    buyer = Buyer(customer[0], customer[1], customer[3], customer[6])
    return buyer, _account(purchase_rows, reading_rows)


def _terms(bundle: BundleView) -> queue.BundleTerms:
    return queue.BundleTerms(bundle.code, bundle.name, bundle.data_gb, bundle.validity_days)


def _price_lines(
    counter: Counter, customer: Buyer, account: AccountState, items: Sequence[CartItem], at: datetime
) -> tuple[CartPreview, list[queue.QueuedBundle]]:
    outlet = counter.terminal.outlet
    if not items:
        raise ValidationError("Choose at least one bundle", field="bundle")
    if customer.country != outlet.country.code and not is_desk(outlet):
        raise ValidationError(
            "This customer's account is in {country}; sell it at an outlet of that country",
            field="customer",
            country=customer.country,
        )
    terms = caller_terms(outlet, customer.country)  # a desk sells the caller's country's catalog
    on = local_date(at, terms.zone)
    bundles = get_bundles([item.bundle_code for item in items], terms.country.code, on)
    currencies = {b.price.currency for b in bundles}
    if len(currencies) > 1:
        raise ValidationError("Bundles in one sale must share one currency", field="bundle")
    purchases, readings = account.purchases, account.readings
    planned = queue.plan_sale(
        purchases,
        readings,
        [(new_uuid(), _terms(b), item.trigger) for b, item in zip(bundles, items, strict=True)],
        at,
    )
    rate = terms.vat_rate
    lines = tuple(
        CartLine(bundle=b, trigger=p.trigger, price=b.price, vat=vat_included(b.price, rate))
        for b, p in zip(bundles, planned, strict=True)
    )
    currency = bundles[0].price.currency
    timeline = queue.project([*purchases, *planned], readings, at)
    preview = CartPreview(
        lines=lines,
        total=money_sum([line.price for line in lines], currency),
        vat=money_sum([line.vat for line in lines], currency),
        vat_rate=rate,
        timeline=timeline,
    )
    return preview, planned


def preview_cart(counter: Counter, account_number: str, items: Sequence[CartItem]) -> CartPreview:
    """Prices, VAT and the projected account timeline for a cart; writes nothing."""
    counter.require(Right.SELL)
    return _price_lines(counter, *_buyer(account_number), items, counter.clock())[0]


def account_timeline(account_number: str, at: datetime) -> queue.Timeline:
    customer = customer_row(account_number)
    purchases, readings = account_state(customer.id)
    return queue.project(purchases, readings, at)


def payment_rules(
    outlet: OutletView, rate: ExchangeRate | None = None, caller_country: str | None = None
) -> PaymentRules:
    """What the outlet takes: the payment dialog offers these methods, the sale enforces them.
    ``rate``: the day's rate where cash is taken in two currencies (DRC). At a customer-service
    desk, ``caller_country``'s providers (the desk's merchant numbers for that country)."""
    if is_desk(outlet) and caller_country is not None:
        return caller_terms(outlet, caller_country).desk_rules
    return PaymentRules(outlet.kind, outlet.country.code, outlet.providers, outlet.accepts_card, rate=rate)


def _reference_taken(provider: str, reference: str) -> Conflict:
    return Conflict(
        "{provider} reference {reference} was already used for another sale",
        field="reference",
        provider=provider,
        reference=reference,
    )


def sell(
    counter: Counter,
    account_number: str,
    items: Sequence[CartItem],
    tenders: Sequence[Tender],
    *,
    language: str | None = None,
) -> SaleResult:
    """Commit a paid sale, or raise and write nothing."""
    counter.require(Right.SELL)
    at = counter.clock()
    with write_transaction():
        customer, account = _buyer(account_number)
        preview, planned = _price_lines(counter, customer, account, items, at)
        committed = commit_sale(
            counter,
            customer,
            preview.total,
            preview.vat,
            tenders,
            at,
            language=language,
            write_lines=lambda sale_id: (
                _write_lines(
                    sale_id, counter.terminal.id, customer.id, account.last_position, preview, planned, at
                ),
                {},
            ),
            lines_journal=False,
        )
    return SaleResult(
        sale_uuid=committed.sale_uuid,
        receipt_number=committed.receipt_number,
        total=preview.total,
        charged=committed.settlement.charged,
        change=committed.settlement.change,
        timeline=preview.timeline,
        journal_hash=committed.journal_hash,
        payments=committed.settlement.payments,
    )


@dataclass(frozen=True, slots=True)
class CommittedSale:
    sale_id: int
    sale_uuid: str
    receipt_number: str
    settlement: Settlement
    journal_hash: str


LineWriter = Callable[[int], tuple[list[list[Any]], dict[str, Any]]]


def commit_sale(
    counter: Counter,
    customer: Buyer | Customer,
    total: Money,
    vat: Money,
    tenders: Sequence[Tender],
    at: datetime,
    *,
    language: str | None,
    write_lines: LineWriter,
    lines_journal: bool = True,
) -> CommittedSale:
    """What every sale writes (bundles or a balance top-up), inside the caller's write transaction:
    payment settlement, the open business day, a gapless receipt number, the sale and payment
    rows, then ``write_lines`` (given the sale's id: its lines as the journal spells them and any
    extra journal content), the day's totals, the journal and outbox. ``lines_journal``: whether
    ``write_lines`` may journal records of its own (the sale's entry then reads the head anew).
    """
    outlet = counter.terminal.outlet
    terminal_id = counter.terminal.id
    today = local_date(at, outlet.zone)
    try:
        latest, rate, pull_id = sale_context(terminal_id, outlet.id, rate_key(outlet, today))  # one statement
        rules = payment_rules(outlet, rate_from_row(rate), customer.country)
        settlement = settle_under(rules, total, tenders)
        day_id = day_for_sale(latest, today)
        references = [(p.provider or "", p.reference) for p in settlement.payments if p.reference]
        number, head, used = claim_receipt(terminal_id, references)  # and the journal head
        if used is not None:
            raise _reference_taken(*references[used])
        sale_uuid = new_uuid()
        receipt_number = receipt_label(outlet.code, counter.terminal.code, number)
        figures = (
            outlet.kind,
            total.currency,
            total.to_minor(),
            vat.to_minor(),
            settlement.rounding.to_minor(),
            settlement.paid.to_minor(),
            settlement.change.to_minor() if settlement.change.currency == total.currency else 0,
        )
        sale_id = insert_sale(
            (
                sale_uuid,
                terminal_id,
                receipt_number,
                customer.id,
                counter.user.id,
                stored(at),
                *figures,
                language or customer.language or outlet.language,
                day_id,
            )
        )
        lines, extra = write_lines(sale_id)
        numbers = caller_terms(outlet, customer.country).merchant_numbers
        payments = _write_payments(sale_id, settlement, numbers)
        day_totals.add_sale(sale_id)
        head_fields = (sale_uuid, receipt_number, customer.account_number, counter.user.username, at)
        payload = sale_journal.payload(*head_fields, figures, lines, payments)
        payload.update(extra)
        if lines_journal:
            digest = journal.append(terminal_id, "sale", sale_uuid, at, payload)
        else:
            digest = journal.append_after(head, terminal_id, "sale", sale_uuid, at, payload)
        made = outlet_limits.SaleMade(sale_id, sale_uuid, receipt_number)
        if pull_id is not None:  # refuses past the float or offline limits
            outlet_limits.consume(counter, made, total, at)
    except peewee.IntegrityError as error:
        if "reference" in str(error).lower():
            raise Conflict(
                "A mobile-money reference of this sale was already used", field="reference"
            ) from None
        raise
    return CommittedSale(sale_id, sale_uuid, receipt_number, settlement, digest)


def _write_lines(
    sale_id: int,
    terminal_id: int,
    customer_id: int,
    last_position: int,
    preview: CartPreview,
    planned: list[queue.QueuedBundle],
    at: datetime,
) -> list[list[Any]]:
    """The sale's lines (with the outlet's commission on each) and their queue entries (one
    statement each); the lines as journaled."""
    entries = {entry.purchase_id: entry for entry in preview.timeline.entries}
    order = [entry.purchase_id for entry in preview.timeline.entries]
    vat_rate = str(preview.vat_rate)
    rows, journaled = [], []
    earned = line_commissions(terminal_id, [(x.bundle.id, x.price) for x in preview.lines], at)
    for index, (line, purchase) in enumerate(zip(preview.lines, planned, strict=True), start=1):
        commission_minor, percent = earned[index - 1]
        commission = [commission_minor, None if percent is None else str(percent)]
        entry = entries[purchase.id]
        at_index = order.index(purchase.id)
        follows = entries[order[at_index - 1]].terms.name if at_index > 0 else ""
        bundle = line.bundle
        price, line_vat = line.price.to_minor(), line.vat.to_minor()
        rows.append(
            (
                new_uuid(),
                sale_id,
                index,
                bundle.code,
                bundle.name,
                str(bundle.data_gb),
                bundle.validity_days,
                price,
                vat_rate,
                line_vat,
                purchase.trigger.value,
                stored(entry.starts_at),
                entry.starts_exact,
                stored(entry.period_end),
                follows,
                *commission,
            )
        )
        journaled.append(
            line_entry(
                index, bundle.code, bundle.name, str(bundle.data_gb), bundle.validity_days, price, vat_rate,
                line_vat, purchase.trigger.value, entry.starts_at, entry.starts_exact, entry.period_end,
                follows, commission,
            )
        )  # fmt: skip
    ids = insert_sale_lines(rows)
    sold_at = stored(at)
    insert_purchases(
        [
            (
                purchase.id,
                customer_id,
                ids[row[0]],
                last_position + index,
                purchase.trigger.value,
                sold_at,
                line.bundle.code,
                line.bundle.name,
                str(line.bundle.data_gb),
                line.bundle.validity_days,
            )
            for index, (row, line, purchase) in enumerate(
                zip(rows, preview.lines, planned, strict=True), start=1
            )
        ]
    )
    return journaled


def _write_payments(
    sale_id: int, settlement: Settlement, merchant_numbers: dict[str, str]
) -> list[list[Any]]:
    """The payment rows in one statement; the payments as journaled."""
    rows, journaled = [], []
    for index, payment in enumerate(settlement.payments, start=1):
        change = payment.change
        values = (
            index,
            payment.method,
            payment.amount.currency,
            payment.amount.to_minor(),
            payment.tendered.to_minor() if payment.tendered else None,
            change.to_minor() if change is not None else None,
            payment.provider,
            payment.reference,
            payment.phone,
            merchant_numbers.get(payment.provider) if payment.provider else None,
            payment.approval_code,
            payment.last4,
        )
        change_currency = (
            change.currency if change is not None and change.currency != payment.amount.currency else None
        )
        settles = payment.settles.to_minor() if payment.settles is not None else None
        rate = str(payment.rate) if payment.rate is not None else None
        rows.append((new_uuid(), sale_id, *values, change_currency, settles, rate))
        journaled.append(payment_entry(values, change_currency, settles, payment.rate))
    insert_payments(rows)
    return journaled
