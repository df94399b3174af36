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
from zoneinfo import ZoneInfo

import peewee

from konnect_pos.domain import bundle_queue as queue
from konnect_pos.domain.errors import Conflict, ValidationError
from konnect_pos.domain.exchange import ExchangeRate
from konnect_pos.domain.money import Money, money_sum, vat_included
from konnect_pos.domain.payments import PaymentRules, SettledPayment, Settlement, Tender, settle_under
from konnect_pos.domain.roles import Right
from konnect_pos.services import journal
from konnect_pos.services.business_day import open_day_for_sale
from konnect_pos.services.catalog import BundleView, get_bundles
from konnect_pos.services.customer_service import caller_terms, is_desk
from konnect_pos.services.customers import customer_row
from konnect_pos.services.exchange_rates import current_rate
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.outlets import OutletView
from konnect_pos.services.session import Counter
from konnect_pos.store import day_totals
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import (
    BalanceEntry,
    Customer,
    Payment,
    Purchase,
    Sale,
    SaleLine,
)
from konnect_pos.store.sale_rows import (
    account_purchases,
    account_readings,
    insert_row,
    insert_rows,
    last_queue_position,
    reference_used,
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


def receipt_label(outlet_code: str, terminal_code: str, number: int) -> str:
    return f"{outlet_code}-{terminal_code}-{number:0{RECEIPT_DIGITS}d}"


def _customer(account_number: str) -> Customer:
    return customer_row(account_number)


def account_state(customer_id: int) -> tuple[list[queue.Purchase], list[queue.UsageReading]]:
    """The account's purchases in queue order and its usage readings, as domain values."""
    rows = account_purchases(customer_id)  # removed ones too: readings may name them
    purchases = [
        queue.Purchase(
            id=row.uuid,
            terms=queue.BundleTerms(row.bundle_code, row.bundle_name, row.data_gb, row.validity_days),
            trigger=queue.Trigger(row.trigger),
            sold_at=row.sold_at,
            position=row.queue_position,
            trigger_set_at=row.trigger_set_at,
        )
        for row in rows
        if row.removed_at is None
    ]
    uuids = {row.id: row.uuid for row in rows}
    readings = [
        queue.UsageReading(at=row.at, gb_used=row.gb_used, purchase_id=uuids.get(row.purchase_id))
        for row in account_readings(customer_id)
    ]
    return purchases, readings


def _terms(bundle: BundleView) -> queue.BundleTerms:
    return queue.BundleTerms(bundle.code, bundle.name, bundle.data_gb, bundle.validity_days)


def _price_lines(counter: Counter, customer: Customer, items: Sequence[CartItem], at: datetime):
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
    on = at.astimezone(ZoneInfo(terms.zone)).date()
    bundles = get_bundles([item.bundle_code for item in items], terms.country.code, on)
    currencies = {b.price.currency for b in bundles}
    if len(currencies) > 1:
        raise ValidationError("Bundles in one sale must share one currency", field="bundle")
    purchases, readings = account_state(customer.id)
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
    return _price_lines(counter, _customer(account_number), items, counter.clock())[0]


def account_timeline(account_number: str, at: datetime) -> queue.Timeline:
    customer = _customer(account_number)
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


def _settle(counter: Counter, total: Money, tenders: Sequence[Tender], caller_country: str) -> Settlement:
    rules = payment_rules(counter.terminal.outlet, current_rate(counter), caller_country)
    return settle_under(rules, total, tenders)


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
        customer = _customer(account_number)
        preview, planned = _price_lines(counter, customer, items, at)
        committed = commit_sale(
            counter,
            customer,
            preview.total,
            preview.vat,
            tenders,
            at,
            language=language,
            write_lines=lambda sale: (_write_lines(sale, customer, preview, planned, at), {}),
        )
    return SaleResult(
        sale_uuid=committed.sale.uuid,
        receipt_number=committed.sale.receipt_number,
        total=preview.total,
        charged=committed.settlement.charged,
        change=committed.settlement.change,
        timeline=preview.timeline,
        journal_hash=committed.journal_hash,
        payments=committed.settlement.payments,
    )


@dataclass(frozen=True, slots=True)
class CommittedSale:
    sale: Sale
    settlement: Settlement
    journal_hash: str


LineWriter = Callable[[Sale], tuple[list[SaleLine], dict[str, Any]]]


def commit_sale(
    counter: Counter,
    customer: Customer,
    total: Money,
    vat: Money,
    tenders: Sequence[Tender],
    at: datetime,
    *,
    language: str | None,
    write_lines: LineWriter,
) -> CommittedSale:
    """What every sale writes (bundles or a balance top-up), inside the caller's write transaction:
    payment settlement, the open business day, a gapless receipt number, the sale and payment
    rows, then ``write_lines`` (its lines and any extra journal content), the journal and outbox.
    """
    outlet = counter.terminal.outlet
    try:
        settlement = _settle(counter, total, tenders, customer.country)
        day = open_day_for_sale(counter)
        for payment in settlement.payments:
            if payment.reference and reference_used(payment.provider or "", payment.reference):
                raise _reference_taken(payment.provider or "", payment.reference)
        number = journal.next_receipt_number(counter.terminal.id)
        sale = insert_row(
            Sale,
            uuid=new_uuid(),
            terminal=counter.terminal.id,
            receipt_number=receipt_label(outlet.code, counter.terminal.code, number),
            customer=customer.id,
            user=counter.user.id,
            sold_at=at,
            channel=outlet.kind,
            currency=total.currency,
            total_minor=total.to_minor(),
            vat_minor=vat.to_minor(),
            rounding_minor=settlement.rounding.to_minor(),
            paid_minor=settlement.paid.to_minor(),
            change_minor=settlement.change.to_minor() if settlement.change.currency == total.currency else 0,
            language=language or customer.language or outlet.language,
            business_day=day.id,
        )
        lines, extra = write_lines(sale)
        numbers = caller_terms(outlet, customer.country).merchant_numbers
        payments = _write_payments(sale, settlement, numbers)
        day_totals.add_sale(sale.id)
        payload = sale_payload(sale, customer.account_number, counter.user.username, lines, payments)
        payload.update(extra)
        digest = journal.append(counter.terminal.id, "sale", sale.uuid, at, payload)
    except peewee.IntegrityError as error:
        if "reference" in str(error).lower():
            raise Conflict(
                "A mobile-money reference of this sale was already used", field="reference"
            ) from None
        raise
    return CommittedSale(sale, settlement, digest)


def _write_lines(
    sale: Sale, customer: Customer, preview: CartPreview, planned: list[queue.Purchase], at: datetime
) -> list[SaleLine]:
    position = last_queue_position(customer.id) + 1
    written = []
    queued = []
    entries = {entry.purchase_id: entry for entry in preview.timeline.entries}
    names = {entry.purchase_id: entry.terms.name for entry in preview.timeline.entries}
    order = [entry.purchase_id for entry in preview.timeline.entries]
    for index, (line, purchase) in enumerate(zip(preview.lines, planned, strict=True), start=1):
        entry = entries[purchase.id]
        at_index = order.index(purchase.id)
        follows = names[order[at_index - 1]] if at_index > 0 else ""
        line_row = SaleLine(
            uuid=new_uuid(),
            sale=sale,
            position=index,
            bundle_code=line.bundle.code,
            bundle_name=line.bundle.name,
            data_gb=line.bundle.data_gb,
            validity_days=line.bundle.validity_days,
            price_minor=line.price.to_minor(),
            vat_rate=preview.vat_rate,
            vat_minor=line.vat.to_minor(),
            trigger=purchase.trigger.value,
            starts_at=entry.starts_at,
            starts_exact=entry.starts_exact,
            period_end=entry.period_end,
            follows=follows,
        )
        written.append(line_row)
        queued.append((line, purchase, position))
        position += 1
    insert_rows(written)  # one statement for the lines, one for their queue entries
    insert_rows(
        [
            Purchase(
                uuid=purchase.id,
                customer=customer.id,
                sale_line=line_row,
                queue_position=position,
                trigger=purchase.trigger.value,
                sold_at=at,
                bundle_code=line.bundle.code,
                bundle_name=line.bundle.name,
                data_gb=line.bundle.data_gb,
                validity_days=line.bundle.validity_days,
            )
            for line_row, (line, purchase, position) in zip(written, queued, strict=True)
        ]
    )
    return written


def _write_payments(sale: Sale, settlement: Settlement, merchant_numbers: dict[str, str]) -> list[Payment]:
    written = []
    for index, payment in enumerate(settlement.payments, start=1):
        written.append(
            insert_row(
                Payment,
                uuid=new_uuid(),
                sale=sale,
                position=index,
                method=payment.method,
                currency=payment.amount.currency,
                amount_minor=payment.amount.to_minor(),
                tendered_minor=payment.tendered.to_minor() if payment.tendered else None,
                change_minor=payment.change.to_minor() if payment.change is not None else None,
                provider=payment.provider,
                reference=payment.reference,
                phone=payment.phone,
                merchant_number=merchant_numbers.get(payment.provider) if payment.provider else None,
                card_approval=payment.approval_code,
                card_last4=payment.last4,
                change_currency=payment.change.currency
                if payment.change is not None and payment.change.currency != payment.amount.currency
                else None,
                settles_minor=payment.settles.to_minor() if payment.settles is not None else None,
                rate=payment.rate,
            )
        )
    return written


def stored_sale_payload(sale: Sale) -> dict[str, Any]:
    """The sale's content read back from the database (``verify`` compares it with the journal)."""
    payload = sale_payload(
        sale,
        sale.customer.account_number,
        sale.user.username,
        list(SaleLine.select().where(SaleLine.sale == sale).order_by(SaleLine.position)),
        list(Payment.select().where(Payment.sale == sale).order_by(Payment.position)),
    )
    credit = BalanceEntry.get_or_none(BalanceEntry.sale == sale)
    if credit is not None:
        payload.update(top_up_payload(credit))
    return payload


def top_up_payload(entry: BalanceEntry) -> dict[str, Any]:
    """The journal content a balance top-up adds to its sale."""
    return {"top_up": {"entry_key": entry.entry_key, "day": entry.day, "amount_minor": entry.amount_minor}}


def sale_payload(
    sale: Sale, account: str, username: str, lines: list[SaleLine], payments: list[Payment]
) -> dict[str, Any]:
    """The sale's canonical content (the journal entry hashes it)."""
    return {
        "uuid": sale.uuid,
        "receipt_number": sale.receipt_number,
        "customer": account,
        "user": username,
        "sold_at": sale.sold_at.isoformat(),
        "channel": sale.channel,
        "currency": sale.currency,
        "total_minor": sale.total_minor,
        "vat_minor": sale.vat_minor,
        "rounding_minor": sale.rounding_minor,
        "paid_minor": sale.paid_minor,
        "change_minor": sale.change_minor,
        "lines": [
            [
                line.position,
                line.bundle_code,
                line.bundle_name,
                str(line.data_gb),
                line.validity_days,
                line.price_minor,
                str(line.vat_rate),
                line.vat_minor,
                line.trigger,
                line.starts_at.isoformat(),
                bool(line.starts_exact),
                line.period_end.isoformat(),
                line.follows,
            ]
            for line in lines
        ],
        "payments": [
            [
                p.position,
                p.method,
                p.currency,
                p.amount_minor,
                p.tendered_minor,
                p.change_minor,
                p.provider,
                p.reference,
                p.phone,
                p.merchant_number,
                p.card_approval,
                p.card_last4,
                *_conversion(p),
            ]
            for p in payments
        ],
    }


def _conversion(payment: Payment) -> list[Any]:
    """Cash in a second currency adds its change currency, its value in the sale's currency and
    the rate; other payments keep the content they were journaled with before these existed."""
    if payment.settles_minor is None and payment.change_currency is None and payment.rate is None:
        return []
    return [payment.change_currency, payment.settles_minor, str(payment.rate) if payment.rate else None]
