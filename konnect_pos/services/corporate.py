"""Corporate accounts and their service lines: create and edit, plan changes with a prorated
preview, pause, cancel, reactivate, data blocks, overage, and the §3.13 queries.

The rules are in ``domain/corporate/``; here a line's stored events are turned into the
domain's ``ServiceLine`` and a candidate event is validated by replaying it before it is
written. Every change is appended (never edited) and journaled for headquarters. Managers only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from konnect_pos.domain.card_numbers import mask_card_numbers
from konnect_pos.domain.corporate import line_events
from konnect_pos.domain.corporate.billing_cycle import (
    BillingCycle,
    BillingPeriod,
    billing_cycle_from_first_activation,
    check_payment_terms,
    local_midnight,
    require_aware,
)
from konnect_pos.domain.corporate.charges import InvoiceLine, LineKind, period_charges
from konnect_pos.domain.corporate.line_events import (
    Activation,
    Cancellation,
    DataBlockChange,
    DataBlocks,
    DataPool,
    LineEvent,
    OverageUsage,
    Pause,
    PlanChange,
    Reactivation,
)
from konnect_pos.domain.corporate.line_state import LineState, line_state, partial_periods
from konnect_pos.domain.corporate.products import ChangeKind, classify_change
from konnect_pos.domain.countries import country
from konnect_pos.domain.errors import Conflict, NotFound, StateError, ValidationError
from konnect_pos.domain.money import Money, parse_amount
from konnect_pos.domain.roles import Right
from konnect_pos.i18n import LANGUAGES, tr
from konnect_pos.services import journal
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.session import Counter
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import (
    CorporateAccount,
    CorporateInvoice,
    DataBlockOffer,
    Outlet,
    ServiceLine,
    ServiceLineEvent,
    ServicePlan,
)

MAX_TEXT = 200
MAX_PAYMENT_TERMS = 365
EDITABLE = (
    "company",
    "tax_id",
    "address",
    "contact_name",
    "contact_phone",
    "contact_email",
    "payment_terms_days",
    "language",
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SERIAL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{3,39}$")


# --- views ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AccountInput:
    company: str
    tax_id: str
    outlet_code: str
    currency: str | None = None
    address: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    payment_terms_days: int = 7
    language: str = "en"


@dataclass(frozen=True, slots=True)
class AccountView:
    code: str
    uuid: str
    company: str
    tax_id: str
    address: str
    contact_name: str
    contact_phone: str
    contact_email: str
    payment_terms_days: int
    currency: str
    outlet_code: str
    zone: str
    language: str
    billing_day: int | None
    lines: int


@dataclass(frozen=True, slots=True)
class LineView:
    kit_serial: str
    label: str
    account_code: str
    activated_at: datetime
    status: str  # active | pause_pending | cancel_pending | paused | cancelled
    product_id: str
    monthly_price: Money
    pending_product: str | None
    blocks: dict[str, int]  # pool → quantity in force now
    next_blocks: dict[str, int]  # pool → quantity from the next period start


@dataclass(frozen=True, slots=True)
class ProductView:
    product_id: str
    name: str
    monthly_price: Money


@dataclass(frozen=True, slots=True)
class ChargeView:
    """One prorated invoice line, with its explanation as template + params (translate with ``text``)."""

    kind: str
    template: str
    params: dict[str, str | Money]  # prices as Money: written in the reader's language
    quantity: str
    unit_price: Money
    amount: Money

    def text(self, lang: str) -> str:
        return tr(lang, self.template, **self.params)


@dataclass(frozen=True, slots=True)
class PlanChangePreview:
    kit_serial: str
    at: datetime
    old_product: str
    new_product: str
    kind: str  # upgrade | downgrade | same_price
    effective_at: datetime
    charges: tuple[ChargeView, ...]
    amount: Money  # net of the charges, billed on the next invoice (VAT excluded)


@dataclass(frozen=True, slots=True)
class PartialPeriodView:
    period_start: datetime
    start: datetime
    end: datetime
    product_id: str


@dataclass(slots=True)
class LineRecord:
    """A stored line with its domain history, as the invoice run and the changes need it."""

    row: ServiceLine
    events: list[LineEvent] = field(default_factory=list)
    last_at: datetime | None = None
    last_stop: str = ""

    def domain(self, extra: LineEvent | None = None) -> line_events.ServiceLine:
        events = tuple(self.events) + ((extra,) if extra is not None else ())
        return line_events.ServiceLine(self.row.kit_serial, events)


# --- helpers -------------------------------------------------------------------------------


def _text(value: object, field_name: str, template: str, *, required: bool) -> str:
    text = str(value or "").strip()
    if required and not text:
        raise ValidationError(template, field=field_name)
    if len(text) > MAX_TEXT:
        raise ValidationError(
            "{name} is too long (at most {max} characters)", field=field_name, name=field_name, max=MAX_TEXT
        )
    return text


def _terms(value: object) -> int:
    days = check_payment_terms(value)  # type: ignore[arg-type]
    if days > MAX_PAYMENT_TERMS:
        raise ValidationError(
            "Payment terms cannot exceed {max} days", field="payment_terms_days", max=MAX_PAYMENT_TERMS
        )
    return days


def _language(value: object) -> str:
    if value not in LANGUAGES:
        raise ValidationError("Unknown language: {lang}", field="language", lang=str(value))
    return str(value)


def _email(value: object) -> str:
    email = _text(value, "contact_email", "", required=False)
    if email and not _EMAIL.match(email):
        raise ValidationError("Not a valid e-mail address: {email}", field="contact_email", email=email)
    return email


def _clean_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "company":
            cleaned[name] = mask_card_numbers(_text(value, name, "Enter the company name", required=True))
        elif name == "tax_id":
            cleaned[name] = _text(value, name, "Enter the company's tax id", required=True)
        elif name in ("address", "contact_name"):  # free text: a card number typed here is masked
            cleaned[name] = mask_card_numbers(_text(value, name, "", required=False))
        elif name == "contact_phone":
            cleaned[name] = _text(value, name, "", required=False)
        elif name == "contact_email":
            cleaned[name] = _email(value)
        elif name == "payment_terms_days":
            cleaned[name] = _terms(value)
        elif name == "language":
            cleaned[name] = _language(value)
        else:
            raise ValidationError("{name} cannot be changed", field=name, name=name)
    return cleaned


def _account_row(code: str) -> CorporateAccount:
    row = CorporateAccount.get_or_none(CorporateAccount.code == (code or "").strip().upper())
    if row is None:
        raise NotFound("No corporate account {code}", field="account", code=code)
    return row


def _account_view(row: CorporateAccount, lines: int | None = None) -> AccountView:
    count = lines if lines is not None else ServiceLine.select().where(ServiceLine.account == row.id).count()
    return AccountView(
        code=row.code,
        uuid=row.uuid,
        company=row.company,
        tax_id=row.tax_id,
        address=row.address,
        contact_name=row.contact_name,
        contact_phone=row.contact_phone,
        contact_email=row.contact_email,
        payment_terms_days=row.payment_terms_days,
        currency=row.currency,
        outlet_code=Outlet.get_by_id(row.outlet_id).code,
        zone=row.zone,
        language=row.language,
        billing_day=row.billing_day,
        lines=count,
    )


def _account_payload(row: CorporateAccount) -> dict[str, Any]:
    return {
        "uuid": row.uuid,
        "code": row.code,
        "outlet": Outlet.get_by_id(row.outlet_id).code,
        **{name: getattr(row, name) for name in EDITABLE},
        "currency": row.currency,
        "zone": row.zone,
        "billing_day": row.billing_day,
    }


def catalog(currency: str) -> dict[str, Money]:
    """Product id → monthly price of the active plans in ``currency``."""
    return {
        plan.product_id: Money.from_minor(plan.monthly_price_minor, currency)
        for plan in ServicePlan.select().where((ServicePlan.currency == currency) & ServicePlan.active)
    }


def cycle_of(account: CorporateAccount) -> BillingCycle | None:
    return BillingCycle(account.billing_day, account.zone) if account.billing_day else None


def event_from_row(row: ServiceLineEvent, currency: str) -> LineEvent:
    """The domain event of one stored row."""
    at = row.at
    if row.kind == "activation":
        blocks = tuple(
            DataBlocks(DataPool(pool), quantity, Money.from_minor(price, currency))
            for pool, quantity, price in (json.loads(row.blocks) if row.blocks else [])
        )
        return Activation(at, row.product_id, blocks)
    if row.kind == "plan_change":
        return PlanChange(at, row.product_id)
    if row.kind == "pause":
        return Pause(at)
    if row.kind == "cancellation":
        return Cancellation(at)
    if row.kind == "reactivation":
        return Reactivation(at, row.product_id)
    if row.kind == "data_blocks":
        price = Money.from_minor(row.price_minor, currency)
        return DataBlockChange(at, DataBlocks(DataPool(row.pool), row.quantity, price))
    return OverageUsage(at, DataPool(row.pool), row.gigabytes, Money.from_minor(row.price_minor, currency))


def load_lines(
    account_ids: list[int], currencies: Mapping[int, str], *, line_ids: list[int] | None = None
) -> dict[int, list[LineRecord]]:
    """Lines of the accounts with their events, in two queries (the invoice run loads in chunks)."""
    records: dict[int, LineRecord] = {}
    by_account: dict[int, list[LineRecord]] = {a: [] for a in account_ids}
    query = ServiceLine.select().where(ServiceLine.account.in_(account_ids))
    if line_ids is not None:
        query = query.where(ServiceLine.id.in_(line_ids))
    for row in query.order_by(ServiceLine.id):
        records[row.id] = LineRecord(row)
        by_account[row.account_id].append(records[row.id])
    if records:
        events = (
            ServiceLineEvent.select()
            .where(ServiceLineEvent.line.in_(list(records)))
            .order_by(ServiceLineEvent.line, ServiceLineEvent.seq)
        )
        for event in events:
            record = records[event.line_id]
            record.events.append(event_from_row(event, currencies[record.row.account_id]))
            record.last_at = event.at
            if event.kind in ("pause", "cancellation"):
                record.last_stop = event.kind
    return by_account


def _line_record(kit_serial: str) -> tuple[LineRecord, CorporateAccount]:
    row = ServiceLine.get_or_none(ServiceLine.kit_serial == (kit_serial or "").strip().upper())
    if row is None:
        raise NotFound("No service line with kit serial {serial}", field="kit_serial", serial=kit_serial)
    account = CorporateAccount.get_by_id(row.account_id)
    records = load_lines([account.id], {account.id: account.currency}, line_ids=[row.id])
    return records[account.id][0], account


def _pools(blocks: tuple[DataBlocks, ...] | list[DataBlocks]) -> dict[str, int]:
    return {b.pool.value: b.quantity for b in blocks}


def _line_view(record: LineRecord, account: CorporateAccount, now: datetime) -> LineView:
    cycle = cycle_of(account)
    assert cycle is not None
    prices = catalog(account.currency) | _retired_prices(record, account.currency)
    state = line_state(record.domain(), cycle, prices, now)
    later = cycle.period_containing(now).end
    upcoming = line_state(record.domain(), cycle, prices, max(later, now))
    if state.active and state.stop_pending:
        status = "pause_pending" if record.last_stop == "pause" else "cancel_pending"
    elif state.active:
        status = "active"
    else:
        status = "paused" if record.last_stop == "pause" else "cancelled"
    return LineView(
        kit_serial=record.row.kit_serial,
        label=record.row.label,
        account_code=account.code,
        activated_at=record.row.activated_at,
        status=status,
        product_id=state.product_id,
        monthly_price=prices[state.product_id],
        pending_product=state.pending_product,
        blocks=_pools(state.blocks),
        next_blocks=_pools(upcoming.blocks),
    )


def _retired_prices(record: LineRecord, currency: str) -> dict[str, Money]:
    """Prices of plans no longer on sale that the line's history still names."""
    names = {getattr(e, "product_id", None) for e in record.events} - {None}
    rows = ServicePlan.select().where(
        (ServicePlan.currency == currency) & ServicePlan.product_id.in_(list(names)) & ~ServicePlan.active
    )
    return {row.product_id: Money.from_minor(row.monthly_price_minor, currency) for row in rows}


def _instant(counter: Counter, at: datetime | None) -> datetime:
    now = counter.clock()
    if at is None:
        return now
    instant = require_aware(at)
    if instant > now:
        raise ValidationError("A change cannot be dated in the future", field="at")
    return instant


def _check_order(record: LineRecord | None, account: CorporateAccount, at: datetime) -> None:
    if record is not None and record.last_at is not None and at < record.last_at:
        raise ValidationError(
            "A change cannot be dated before the line's last change ({at})",
            field="at",
            at=record.last_at.isoformat(timespec="seconds"),
        )
    invoiced = (
        CorporateInvoice.select(CorporateInvoice.invoice_date)
        .where((CorporateInvoice.account == account.id) & (CorporateInvoice.period_start > at))
        .order_by(CorporateInvoice.period_start.desc())
        .first()
    )
    if invoiced is not None:
        raise StateError(
            "The invoice of {date} already billed that time: date the change later",
            field="at",
            date=invoiced.invoice_date,
        )


def _validate(record: LineRecord, account: CorporateAccount, event: LineEvent) -> LineState:
    cycle = cycle_of(account)
    assert cycle is not None
    prices = catalog(account.currency) | _retired_prices(record, account.currency)
    return line_state(record.domain(event), cycle, prices, event.at)


def _next_seq(line_id: int) -> int:
    last = (
        ServiceLineEvent.select(ServiceLineEvent.seq)
        .where(ServiceLineEvent.line == line_id)
        .order_by(ServiceLineEvent.seq.desc())
        .first()
    )
    return last.seq + 1 if last else 1


def _write_event(
    counter: Counter, line: ServiceLine, account: CorporateAccount, kind: str, at: datetime, **values: Any
) -> ServiceLineEvent:
    row = ServiceLineEvent.create(
        uuid=new_uuid(),
        line=line.id,
        seq=_next_seq(line.id),
        at=at,
        kind=kind,
        user=counter.user.id,
        recorded_at=counter.clock(),
        **values,
    )
    payload = {
        "uuid": row.uuid,
        "account": account.uuid,
        "line": line.uuid,
        "kit_serial": line.kit_serial,
        "seq": row.seq,
        "kind": kind,
        "at": at.isoformat(),
        "user": counter.user.username,
        **{k: (str(v) if isinstance(v, Decimal) else v) for k, v in values.items()},
    }
    journal.append(counter.terminal.id, "corporate_line_event", row.uuid, row.recorded_at, payload)
    return row


def _block_offer(pool: str, currency: str) -> DataBlockOffer:
    try:
        DataPool(pool)
    except ValueError:
        raise ValidationError(
            "Unknown data pool {pool}: use local_priority or global_priority", field="pool", pool=str(pool)
        ) from None
    offer = DataBlockOffer.get_or_none((DataBlockOffer.pool == pool) & (DataBlockOffer.currency == currency))
    if offer is None:
        raise NotFound(
            "No {pool} data blocks are offered in {currency}", field="pool", pool=pool, currency=currency
        )
    return offer


# --- accounts ------------------------------------------------------------------------------


def list_accounts(counter: Counter, query: str = "") -> list[AccountView]:
    counter.require(Right.CORPORATE_BILLING)
    select = CorporateAccount.select().order_by(CorporateAccount.company, CorporateAccount.code)
    text = (query or "").strip()
    if text:
        like = f"%{text}%"
        select = select.where(
            CorporateAccount.company.ilike(like)
            | CorporateAccount.code.ilike(like)
            | CorporateAccount.tax_id.ilike(like)
        )
    rows = list(select)
    counts: dict[int, int] = {}
    for line in ServiceLine.select(ServiceLine.account).where(ServiceLine.account.in_([r.id for r in rows])):
        counts[line.account_id] = counts.get(line.account_id, 0) + 1
    return [_account_view(row, counts.get(row.id, 0)) for row in rows]


def get_account(counter: Counter, code: str) -> AccountView:
    counter.require(Right.CORPORATE_BILLING)
    return _account_view(_account_row(code))


def create_account(counter: Counter, data: AccountInput) -> AccountView:
    """A new account at an outlet; it gets its billing day from its first service line."""
    counter.require(Right.CORPORATE_BILLING)
    fields = _clean_fields({name: getattr(data, name) for name in EDITABLE})
    outlet = Outlet.get_or_none(Outlet.code == (data.outlet_code or "").strip().upper())
    if outlet is None:
        raise NotFound("No outlet with code {code}", field="outlet", code=data.outlet_code)
    currencies = country(outlet.country).currencies
    currency = (data.currency or currencies[0]).strip().upper()
    if currency not in currencies:
        raise ValidationError("{currency} is not used at this outlet", field="currency", currency=currency)
    now = counter.clock()
    with write_transaction():
        journal.lock_terminal(counter.terminal.id)
        duplicate = CorporateAccount.get_or_none(
            (CorporateAccount.tax_id == fields["tax_id"]) & (CorporateAccount.outlet == outlet.id)
        )
        if duplicate is not None:
            raise Conflict(
                "Tax id {tax_id} already belongs to account {code}",
                field="tax_id",
                tax_id=fields["tax_id"],
                code=duplicate.code,
            )
        number = CorporateAccount.select().where(CorporateAccount.outlet == outlet.id).count() + 1
        row = CorporateAccount.create(
            uuid=new_uuid(),
            code=f"{outlet.code}-C{number:04d}",
            outlet=outlet.id,
            currency=currency,
            zone=outlet.zone,
            created_at=now,
            updated_at=now,
            **fields,
        )
        journal.append(counter.terminal.id, "corporate_account", row.uuid, now, _account_payload(row))
    return _account_view(row, 0)


def edit_account(counter: Counter, code: str, changes: Mapping[str, Any]) -> AccountView:
    """Company details, contacts, payment terms and language; issued invoices keep their copy."""
    counter.require(Right.CORPORATE_BILLING)
    fields = _clean_fields(changes)
    now = counter.clock()
    with write_transaction():
        journal.lock_terminal(counter.terminal.id)
        row = _account_row(code)
        if not fields:
            return _account_view(row)
        for name, value in fields.items():
            setattr(row, name, value)
        row.updated_at = now
        row.save()
        journal.append(counter.terminal.id, "corporate_account", row.uuid, now, _account_payload(row))
    return _account_view(row)


# --- lines ---------------------------------------------------------------------------------


def list_lines(counter: Counter, account_code: str) -> list[LineView]:
    counter.require(Right.CORPORATE_BILLING)
    account = _account_row(account_code)
    now = counter.clock()
    records = load_lines([account.id], {account.id: account.currency})[account.id]
    return [_line_view(record, account, now) for record in records]


def get_line(counter: Counter, kit_serial: str) -> LineView:
    counter.require(Right.CORPORATE_BILLING)
    record, account = _line_record(kit_serial)
    return _line_view(record, account, counter.clock())


def add_line(
    counter: Counter,
    account_code: str,
    kit_serial: str,
    product_id: str,
    *,
    at: datetime | None = None,
    label: str = "",
    blocks: Mapping[str, int] | None = None,
) -> LineView:
    """Activate a kit on the account; the first line fixes the account's billing day (§3.2)."""
    counter.require(Right.CORPORATE_BILLING)
    serial = (kit_serial or "").strip().upper()
    if not _SERIAL.match(serial):
        raise ValidationError(
            "A kit serial is 4 to 40 letters, digits or dashes: {serial}",
            field="kit_serial",
            serial=kit_serial,
        )
    name = _text(label, "label", "", required=False)
    instant = _instant(counter, at)
    with write_transaction():
        journal.lock_terminal(counter.terminal.id)
        account = _account_row(account_code)
        if ServiceLine.get_or_none(ServiceLine.kit_serial == serial) is not None:
            raise Conflict("Kit {serial} already has a service line", field="kit_serial", serial=serial)
        block_list = []
        for pool, quantity in (blocks or {}).items():
            offer = _block_offer(pool, account.currency)
            price = Money.from_minor(offer.block_price_minor, account.currency)
            blocks_of_pool = DataBlocks(DataPool(pool), quantity, price)
            if blocks_of_pool.quantity:
                block_list.append(blocks_of_pool)
        event = Activation(instant, (product_id or "").strip().upper(), tuple(block_list))
        cycle = cycle_of(account) or billing_cycle_from_first_activation([instant], account.zone)
        line_state(line_events.ServiceLine(serial, (event,)), cycle, catalog(account.currency), instant)
        _check_order(None, account, instant)
        if account.billing_day is None:
            account.billing_day = cycle.billing_day
            account.updated_at = counter.clock()
            account.save()
            journal.append(
                counter.terminal.id,
                "corporate_account",
                account.uuid,
                account.updated_at,
                _account_payload(account),
            )
        line = ServiceLine.create(
            uuid=new_uuid(),
            account=account.id,
            kit_serial=serial,
            label=name,
            activated_at=instant,
            created_at=counter.clock(),
        )
        _write_event(
            counter,
            line,
            account,
            "activation",
            instant,
            product_id=event.product_id,
            blocks=json.dumps([[b.pool.value, b.quantity, b.block_price.to_minor()] for b in block_list])
            if block_list
            else "",
        )
        record = LineRecord(line, [event], instant)
    return _line_view(record, account, max(counter.clock(), instant))


def _change(
    counter: Counter, kit_serial: str, at: datetime | None, build: Any
) -> tuple[LineRecord, CorporateAccount]:
    """Validate and append one event built by ``build(record, account, instant)``."""
    counter.require(Right.CORPORATE_BILLING)
    instant = _instant(counter, at)
    with write_transaction():
        journal.lock_terminal(counter.terminal.id)
        record, account = _line_record(kit_serial)
        _check_order(record, account, instant)
        event, kind, values = build(record, account, instant)
        _validate(record, account, event)
        _write_event(counter, record.row, account, kind, instant, **values)
        record.events.append(event)
        record.last_at = instant
        if kind in ("pause", "cancellation"):
            record.last_stop = kind
    return record, account


def preview_plan_change(
    counter: Counter, kit_serial: str, product_id: str, at: datetime | None = None
) -> PlanChangePreview:
    """What a plan change at ``at`` (default now) bills, before anything is written (§3.4-3.6)."""
    counter.require(Right.CORPORATE_BILLING)
    instant = _instant(counter, at)
    record, account = _line_record(kit_serial)
    _check_order(record, account, instant)
    product = (product_id or "").strip().upper()
    cycle = cycle_of(account)
    assert cycle is not None
    prices = catalog(account.currency) | _retired_prices(record, account.currency)
    before = line_state(record.domain(), cycle, prices, instant)
    if product == before.product_id and before.pending_product is None:
        raise ValidationError(
            "Service line {line} is already on plan {product}",
            field="product_id",
            line=record.row.kit_serial,
            product=product,
        )
    event = PlanChange(instant, product)
    line_state(record.domain(event), cycle, prices, instant)
    kind = classify_change(prices[before.product_id], prices[product])
    period = cycle.period_containing(instant)
    effective = period.end if kind is ChangeKind.DOWNGRADE else instant
    charges: list[ChargeView] = []
    if kind is ChangeKind.UPGRADE:
        lines = period_charges(record.domain(event), period, prices, account.currency).arrears
        charges = [
            _charge_view(line)
            for line in lines
            if line.kind in (LineKind.UPGRADE_CREDIT, LineKind.UPGRADE_CHARGE)
            and line.covers_start == instant
        ]
    amount = sum((c.amount for c in charges), Money.zero(account.currency))
    return PlanChangePreview(
        kit_serial=record.row.kit_serial,
        at=instant,
        old_product=before.product_id,
        new_product=product,
        kind=kind.value,
        effective_at=effective,
        charges=tuple(charges),
        amount=amount,
    )


def _charge_view(line: InvoiceLine) -> ChargeView:
    return ChargeView(
        kind=line.kind.value,
        template=line.template,
        params=dict(line.params),
        quantity=str(line.quantity),
        unit_price=line.unit_price,
        amount=line.amount,
    )


def change_plan(counter: Counter, kit_serial: str, product_id: str, at: datetime) -> PlanChangePreview:
    """Confirm a previewed change: the same instant as the preview, so the amount shown is billed."""
    preview = preview_plan_change(counter, kit_serial, product_id, at)

    def build(record: LineRecord, account: CorporateAccount, instant: datetime):
        return PlanChange(instant, preview.new_product), "plan_change", {"product_id": preview.new_product}

    _change(counter, kit_serial, preview.at, build)
    return preview


def pause_line(counter: Counter, kit_serial: str, at: datetime | None = None) -> LineView:
    """In service to the end of the period, not billed after (§3.7)."""
    record, account = _change(counter, kit_serial, at, lambda r, a, i: (Pause(i), "pause", {}))
    return _line_view(record, account, counter.clock())


def cancel_line(counter: Counter, kit_serial: str, at: datetime | None = None) -> LineView:
    record, account = _change(counter, kit_serial, at, lambda r, a, i: (Cancellation(i), "cancellation", {}))
    return _line_view(record, account, counter.clock())


def reactivate_line(
    counter: Counter, kit_serial: str, *, product_id: str | None = None, at: datetime | None = None
) -> LineView:
    """Back in service: prorated like a new line, or nothing billed before the period end (§3.7)."""
    product = (product_id or "").strip().upper() or None

    def build(record: LineRecord, account: CorporateAccount, instant: datetime):
        return Reactivation(instant, product), "reactivation", {"product_id": product}

    record, account = _change(counter, kit_serial, at, build)
    return _line_view(record, account, counter.clock())


def change_data_blocks(
    counter: Counter, kit_serial: str, pool: str, quantity: int, at: datetime | None = None
) -> LineView:
    """New block quantity of one pool, billed from the start of the next cycle (§3.10)."""

    def build(record: LineRecord, account: CorporateAccount, instant: datetime):
        offer = _block_offer(pool, account.currency)
        price = Money.from_minor(offer.block_price_minor, account.currency)
        event = DataBlockChange(instant, DataBlocks(DataPool(pool), quantity, price))
        return event, "data_blocks", {"pool": pool, "quantity": quantity, "price_minor": price.to_minor()}

    record, account = _change(counter, kit_serial, at, build)
    return _line_view(record, account, counter.clock())


def record_overage(
    counter: Counter, kit_serial: str, pool: str, gigabytes: str | Decimal, at: datetime | None = None
) -> LineView:
    """Data used beyond the allowance: billed in full on the next invoice (§3.8)."""
    try:
        amount = parse_amount(gigabytes)
    except ValidationError:
        raise ValidationError("Overage must be an exact number of GB, 0 or more", field="gigabytes") from None
    if amount <= 0:
        raise ValidationError("Overage must be an exact number of GB, 0 or more", field="gigabytes")

    def build(record: LineRecord, account: CorporateAccount, instant: datetime):
        offer = _block_offer(pool, account.currency)
        price = Money.from_minor(offer.overage_price_per_gb_minor, account.currency)
        event = OverageUsage(instant, DataPool(pool), amount, price)
        return event, "overage", {"pool": pool, "gigabytes": amount, "price_minor": price.to_minor()}

    record, account = _change(counter, kit_serial, at, build)
    return _line_view(record, account, counter.clock())


# --- queries (§3.13) -----------------------------------------------------------------------


def available_products(counter: Counter, currency: str | None = None) -> list[ProductView]:
    """The plans on sale with their monthly prices (VAT excluded), cheapest first."""
    counter.require(Right.CORPORATE_BILLING)
    query = ServicePlan.select().where(ServicePlan.active)
    if currency:
        query = query.where(ServicePlan.currency == currency.strip().upper())
    rows = sorted(query, key=lambda p: (p.currency, p.monthly_price_minor, p.product_id))
    return [
        ProductView(p.product_id, p.name, Money.from_minor(p.monthly_price_minor, p.currency)) for p in rows
    ]


def line_periods(counter: Counter, kit_serial: str, *, since: date | None = None) -> list[PartialPeriodView]:
    """The partial periods of a line: (start, end, product id), from its activation (or the
    period containing ``since``) to the end of the current period."""
    counter.require(Right.CORPORATE_BILLING)
    record, account = _line_record(kit_serial)
    cycle = cycle_of(account)
    assert cycle is not None
    prices = catalog(account.currency) | _retired_prices(record, account.currency)
    now = counter.clock()
    first = record.row.activated_at
    if since is not None:
        first = max(first, local_midnight(since, account.zone))
    found: list[PartialPeriodView] = []
    period: BillingPeriod = cycle.period_containing(first)
    last = cycle.period_containing(max(now, record.last_at or now))
    domain_line = record.domain()
    while period.start <= last.start:
        for part in partial_periods(domain_line, period, prices):
            found.append(PartialPeriodView(period.start, part.start, part.end, part.product_id))
        period = period.next()
    return found
