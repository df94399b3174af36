"""Receipts and sale invoices as PDF, rebuilt from the committed sale (reprints never change it)."""

from __future__ import annotations

from decimal import Decimal

from konnect_pos.documents.invoice_pdf import render_sale_invoice
from konnect_pos.documents.receipt_data import ReceiptData, ReceiptLine, ReceiptPayment
from konnect_pos.documents.receipt_pdf import FORMATS, render_receipt
from konnect_pos.domain.countries import PROVIDERS, country
from konnect_pos.domain.errors import NotFound, ValidationError
from konnect_pos.domain.exchange import ExchangeRate, rate_text
from konnect_pos.domain.money import Money
from konnect_pos.domain.phones import mask_phone
from konnect_pos.domain.roles import Right
from konnect_pos.i18n import LANGUAGES
from konnect_pos.services.journal import entry_hash
from konnect_pos.services.plans import top_up_effect
from konnect_pos.services.session import Counter
from konnect_pos.store.models import Outlet, Payment, Sale, SaleLine, Terminal

ACTIVATION = {"immediate": "active_now", "period_end": "at_period_end", "data_exhausted": "on_data_exhausted"}


def _sale(receipt_number: str) -> Sale:
    sale = Sale.get_or_none(Sale.receipt_number == (receipt_number or "").strip().upper())
    if sale is None:
        raise NotFound("No receipt {number}", field="receipt", number=receipt_number)
    return sale


def receipt_data(receipt_number: str, *, copy: bool = False, language: str | None = None) -> ReceiptData:
    sale = _sale(receipt_number)
    terminal = Terminal.get_by_id(sale.terminal_id)
    outlet = Outlet.get_by_id(terminal.outlet_id)
    lang = language or sale.language
    if lang not in LANGUAGES:
        raise ValidationError("Unknown language: {lang}", field="language", lang=lang)
    money = lambda minor: Money.from_minor(minor, sale.currency)  # noqa: E731
    lines = tuple(
        ReceiptLine(
            name=line.bundle_name,
            code=line.bundle_code,
            data_gb=line.data_gb,
            validity_days=line.validity_days,
            price=money(line.price_minor),
            activation=ACTIVATION[line.trigger],
            starts_at=line.starts_at,
            ends_at=line.period_end,
            previous_name=line.follows,
            starts_exact=line.starts_exact,
        )
        for line in SaleLine.select().where(SaleLine.sale == sale).order_by(SaleLine.position)
    )
    payments = tuple(
        ReceiptPayment(
            method=p.method,
            amount=Money.from_minor(p.amount_minor, p.currency),
            provider_name=PROVIDERS[p.provider].name if p.provider in PROVIDERS else "",
            merchant_number=p.merchant_number or "",
            reference=p.reference or "",
            phone_masked=mask_phone(p.phone) if p.phone else "",
            approval_code=p.card_approval or "",
            last4=p.card_last4 or "",
            tendered=Money.from_minor(p.tendered_minor, p.currency) if p.tendered_minor is not None else None,
            change=Money.from_minor(p.change_minor, p.change_currency or p.currency)
            if p.change_minor is not None and p.method == "cash"
            else None,
            settles=money(p.settles_minor) if p.settles_minor is not None else None,
            rate=rate_text(ExchangeRate(sale.currency, p.currency, p.rate)) if p.rate is not None else "",
        )
        for p in Payment.select().where(Payment.sale == sale).order_by(Payment.position)
    )
    caller = sale.customer.country if sale.channel == "customer_service" else outlet.country
    service = country(caller).customer_service  # a desk's caller is told their own country's numbers
    vat_rates = {line.vat_rate for line in SaleLine.select(SaleLine.vat_rate).where(SaleLine.sale == sale)}
    top_up = top_up_effect(sale)
    if top_up is not None:
        vat_rates = {Decimal(0)}  # stored value: VAT is due when the balance pays for a service
    return ReceiptData(
        language=lang,
        outlet_name=outlet.name,
        outlet_address=outlet.address,
        terminal=f"{outlet.code}-{terminal.code}",
        receipt_number=sale.receipt_number,
        sold_at=sale.sold_at,
        zone=outlet.zone,
        agent=sale.user.full_name,
        customer_name=sale.customer.name,
        account_number=sale.customer.account_number,
        kit_serial=sale.customer.kit_serial or "",
        lines=lines,
        total=money(sale.total_minor),
        vat=money(sale.vat_minor),
        vat_rate=max(vat_rates) if vat_rates else outlet.vat_rate,
        rounding=money(sale.rounding_minor),
        payments=payments,
        service_phone=service.phone,
        service_whatsapp=service.whatsapp,
        journal_hash=entry_hash(sale.uuid) or "",
        is_copy=copy,
        top_up=top_up,
    )


def receipt_pdf(
    counter: Counter,
    receipt_number: str,
    *,
    copy: bool = False,
    fmt: str = "80mm",
    language: str | None = None,
) -> bytes:
    """The receipt; ``copy`` marks a reprint (COPY / DUPLICATA / NAKALA)."""
    counter.require(Right.REPRINT if copy else Right.SELL)
    if fmt not in FORMATS:
        raise ValidationError("Receipt format must be 80mm or a4", field="format")
    return render_receipt(receipt_data(receipt_number, copy=copy, language=language), fmt)


def invoice_pdf(counter: Counter, receipt_number: str, *, language: str | None = None) -> bytes:
    """The A4 invoice of a sale, as posted to the customer's My Konnect account."""
    counter.require(Right.REPRINT)
    return render_sale_invoice(receipt_data(receipt_number, language=language))
