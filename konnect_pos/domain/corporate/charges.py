"""Corporate service lines: plan changes, exact-time proration and invoices, pure (RULES.md §3).

A service line's history is a list of events (activation, plan change, pause, cancellation,
reactivation, data-block quantity change, overage usage). Replaying it against the account's
``BillingCycle`` gives the plan held at every instant; billing a period compares that with
what was already billed. The model (docs/decisions.md, "Corporate billing and proration"):

- **Monthly fees in advance, adjustments in arrears.** The invoice generated on the billing day
  that starts period P bills P's full monthly fee for every line active at P's start (with the
  plan and data blocks in force from that boundary), plus the adjustments of the period that
  just ended: prorated activations and reactivations, the two lines of each upgrade, data
  blocks of lines (re)activated mid-period, and overage.
- **Proration is time-based to the exact instant** (§3.12, as Stripe): fraction = time from
  the change to the period end / the **full** period length, both as exact ``timedelta``
  (seconds, with the microseconds an instant carries). The denominator never shrinks after a
  change (Lago PR 6194). Changes before 1 November 2023 (§3.3), in the account's zone, bill a
  full monthly fee instead.
- **Upgrade** (higher monthly price): immediate; a credit line for the old plan's unused part
  and a charge line for the new plan's remaining part, whose sum is the price difference ×
  the remaining fraction (each line rounded once). **Same price**: immediate, nothing billed.
  **Downgrade**: at the start of the next period, nothing billed now. The latest request wins:
  a later upgrade or same-price change withdraws a pending downgrade.
- **Pause / cancel**: the line stays active to the period end and is not billed afterwards. A
  reactivation before that end withdraws the request; a later one is billed like a new line.
- **Data blocks** are never prorated; a quantity change takes effect at the next period start.
  **Overage** is billed in full. Local and Global Priority are separate pools, separate lines.
- **Rounding**: each invoice line once, half-up to the currency's minor unit, in ``line_amount``;
  VAT once on the subtotal. Corporate prices are VAT-exclusive.

Every instant is a time-zone aware ``datetime`` passed in; nothing here reads a clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, localcontext
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from konnect_pos.domain.corporate.billing_cycle import (
    DEFAULT_PAYMENT_TERMS_DAYS,
    BillingCycle,
    BillingPeriod,
    check_payment_terms,
    due_date,
    local_midnight,
    require_aware,
    zone_info,
)
from konnect_pos.domain.errors import CurrencyMismatch, KonnectError, NotFound, StateError, ValidationError
from konnect_pos.domain.money import Money, money_sum, round_half_up

PRORATION_START = date(2023, 11, 1)  # RULES.md §3.3: changes from this local date are prorated
_MICROSECOND = timedelta(microseconds=1)

# --- catalog ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Product:
    """A service plan on sale: product id and monthly price (VAT-exclusive)."""

    product_id: str
    monthly_price: Money


def available_products(catalog: Mapping[str, Money], currency: str | None = None) -> list[Product]:
    """The products on sale (§3.13), cheapest first, optionally only those in ``currency``."""
    products = [Product(pid, price) for pid, price in catalog.items()]
    if currency is not None:
        products = [p for p in products if p.monthly_price.currency == currency]
    return sorted(products, key=lambda p: (p.monthly_price.currency, p.monthly_price.amount, p.product_id))


def _price(catalog: Mapping[str, Money], product_id: str, currency: str) -> Money:
    price = catalog.get(product_id)
    if price is None:
        raise NotFound("Unknown product: {product}", field="product_id", product=product_id)
    if price.currency != currency:
        raise CurrencyMismatch(
            "Product {product} is priced in {currency}; this account bills in {account_currency}",
            field="product_id",
            product=product_id,
            currency=price.currency,
            account_currency=currency,
        )
    if price.is_negative:
        raise ValidationError("Product {product} has a negative monthly price", product=product_id)
    return price


class ChangeKind(StrEnum):
    UPGRADE = "upgrade"
    DOWNGRADE = "downgrade"
    SAME_PRICE = "same_price"


def classify_change(old_price: Money, new_price: Money) -> ChangeKind:
    """Upgrade or downgrade is decided by the monthly price alone (§3.4-3.6), never by a label."""
    if new_price > old_price:
        return ChangeKind.UPGRADE
    if new_price < old_price:
        return ChangeKind.DOWNGRADE
    return ChangeKind.SAME_PRICE


# --- events -------------------------------------------------------------------------------


class DataPool(StrEnum):
    """Local and Global Priority data are separate pools (§3.9), billed on separate lines."""

    LOCAL_PRIORITY = "local_priority"
    GLOBAL_PRIORITY = "global_priority"


def _whole_quantity(quantity: object) -> int:
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 0:
        raise ValidationError("Data block quantity must be a whole number, 0 or more", field="quantity")
    return quantity


@dataclass(frozen=True, slots=True)
class DataBlocks:
    """``quantity`` blocks of one pool at ``block_price`` each, per period."""

    pool: DataPool
    quantity: int
    block_price: Money

    def __post_init__(self) -> None:
        _whole_quantity(self.quantity)


@dataclass(frozen=True, slots=True)
class Activation:
    at: datetime
    product_id: str
    data_blocks: tuple[DataBlocks, ...] = ()


@dataclass(frozen=True, slots=True)
class PlanChange:
    """A move to another product; upgrade, downgrade or same price follows from the prices."""

    at: datetime
    product_id: str


@dataclass(frozen=True, slots=True)
class Pause:
    at: datetime


@dataclass(frozen=True, slots=True)
class Cancellation:
    at: datetime


@dataclass(frozen=True, slots=True)
class Reactivation:
    """Back in service; ``product_id`` None keeps the plan the line held (or had scheduled)."""

    at: datetime
    product_id: str | None = None


@dataclass(frozen=True, slots=True)
class DataBlockChange:
    """New block quantity of one pool, in force from the next period start (§3.10)."""

    at: datetime
    blocks: DataBlocks


@dataclass(frozen=True, slots=True)
class OverageUsage:
    """Data used beyond the allowance, billed in full (§3.8) on the next invoice."""

    at: datetime
    pool: DataPool
    gigabytes: Decimal
    price_per_gb: Money

    def __post_init__(self) -> None:
        gb = self.gigabytes
        if isinstance(gb, bool) or not isinstance(gb, int | Decimal) or not Decimal(gb).is_finite() or gb < 0:
            raise ValidationError("Overage must be an exact number of GB, 0 or more", field="gigabytes")


LineEvent = Activation | PlanChange | Pause | Cancellation | Reactivation | DataBlockChange | OverageUsage


@dataclass(frozen=True, slots=True)
class ServiceLine:
    """One kit's subscription: its id and its events (kept in time order, ties as given)."""

    line_id: str
    events: tuple[LineEvent, ...]

    def __post_init__(self) -> None:
        if not isinstance(self.line_id, str) or not self.line_id.strip():
            raise ValidationError("A service line needs an id", field="line_id")
        for event in self.events:
            require_aware(event.at)
        ordered = sorted(self.events, key=lambda e: require_aware(e.at))
        object.__setattr__(self, "events", tuple(ordered))


@dataclass(frozen=True, slots=True)
class PartialPeriod:
    """A stretch ``[start, end)`` of a period during which the line held ``product_id``."""

    start: datetime
    end: datetime
    product_id: str


# --- replaying a line's history -----------------------------------------------------------


class _Immediate(StrEnum):
    ACTIVATION = "activation"
    REACTIVATION = "reactivation"
    UPGRADE = "upgrade"


@dataclass(frozen=True, slots=True)
class _Change:
    kind: _Immediate
    at: datetime
    product_id: str
    old_product_id: str | None = None


@dataclass(slots=True)
class _Replay:
    """The line's state machine. Pending requests (downgrade, pause, cancel) take effect at the
    end of the period they were made in, applied by ``settle`` before any later event."""

    line_id: str
    cycle: BillingCycle
    catalog: Mapping[str, Money]
    currency: str
    started: bool = False
    active: bool = False
    product_id: str | None = None
    pending_product: str | None = None
    pending_stop: bool = False
    boundary: datetime | None = None
    segments: list[list[Any]] = field(default_factory=list)
    changes: list[_Change] = field(default_factory=list)
    blocks: list[tuple[datetime, DataBlocks]] = field(default_factory=list)
    overages: list[OverageUsage] = field(default_factory=list)

    def price(self, product_id: str) -> Money:
        return _price(self.catalog, product_id, self.currency)

    def settle(self, instant: datetime) -> None:
        if self.boundary is None or self.boundary > instant:
            return
        at = self.boundary
        if self.pending_product is not None:
            self.product_id = self.pending_product
            if self.active and not self.pending_stop:
                self._switch(at, self.product_id)
        if self.pending_stop:
            self.segments[-1][1] = at
            self.active = False
        self.pending_product, self.pending_stop, self.boundary = None, False, None

    def _open(self, at: datetime, product_id: str) -> None:
        self.segments.append([at, None, product_id])

    def _switch(self, at: datetime, product_id: str) -> None:
        last = self.segments[-1]
        if last[0] == at:
            last[2] = product_id
        else:
            last[1] = at
            self._open(at, product_id)

    def _schedule(self, at: datetime) -> None:
        self.boundary = self.cycle.period_containing(at).end

    def _require_running(self) -> None:
        if not self.active or self.pending_stop:
            raise StateError(
                "Service line {line} is paused or cancelled: reactivate it first",
                field="at",
                line=self.line_id,
            )

    def apply(self, event: LineEvent) -> None:
        at = require_aware(event.at)
        if not self.started and not isinstance(event, Activation):
            raise StateError("Service line {line} must start with its activation", line=self.line_id)
        self.settle(at)
        if isinstance(event, Activation):
            if self.started:
                raise StateError("Service line {line} is already activated", line=self.line_id)
            self.price(event.product_id)
            self.started, self.active, self.product_id = True, True, event.product_id
            self._open(at, event.product_id)
            self.changes.append(_Change(_Immediate.ACTIVATION, at, event.product_id))
            self.blocks.extend((at, self._checked(blocks)) for blocks in event.data_blocks)
        elif isinstance(event, PlanChange):
            self._require_running()
            self._change_plan(at, event.product_id)
        elif isinstance(event, Pause | Cancellation):
            self._require_running()
            self.pending_stop = True
            self._schedule(at)
        elif isinstance(event, Reactivation):
            self._reactivate(at, event.product_id)
        elif isinstance(event, DataBlockChange):
            self.blocks.append((self.cycle.period_containing(at).end, self._checked(event.blocks)))
        else:
            self._checked_price(event.price_per_gb)
            self.overages.append(event)

    def _checked_price(self, price: Money) -> Money:
        if price.currency != self.currency:
            raise CurrencyMismatch(
                "Prices of this account must be in {account_currency}, not {currency}",
                field="currency",
                currency=price.currency,
                account_currency=self.currency,
            )
        return price

    def _checked(self, blocks: DataBlocks) -> DataBlocks:
        self._checked_price(blocks.block_price)
        return blocks

    def _change_plan(self, at: datetime, product_id: str) -> None:
        assert self.product_id is not None
        old = self.product_id
        kind = classify_change(self.price(old), self.price(product_id))
        if kind is ChangeKind.DOWNGRADE:
            self.pending_product = product_id
            self._schedule(at)
            return
        self.pending_product, self.boundary = None, None
        if product_id == old:
            return
        self.product_id = product_id
        self._switch(at, product_id)
        if kind is ChangeKind.UPGRADE:
            self.changes.append(_Change(_Immediate.UPGRADE, at, product_id, old))

    def _reactivate(self, at: datetime, product_id: str | None) -> None:
        if self.active and self.pending_stop:
            self.pending_stop = False
            if self.pending_product is None:
                self.boundary = None
            if product_id is not None:
                self._change_plan(at, product_id)
            return
        if self.active:
            raise StateError("Service line {line} is already active", field="at", line=self.line_id)
        assert self.product_id is not None
        product = product_id if product_id is not None else self.product_id
        self.price(product)
        self.active, self.product_id = True, product
        self._open(at, product)
        self.changes.append(_Change(_Immediate.REACTIVATION, at, product))

    def blocks_at(self, instant: datetime) -> list[DataBlocks]:
        """Block quantities in force at ``instant``, per pool (the latest one in force wins)."""
        current: dict[DataPool, DataBlocks] = {}
        for effective, blocks in self.blocks:
            if effective <= instant:
                current[blocks.pool] = blocks
        return [current[pool] for pool in DataPool if pool in current and current[pool].quantity]


def _replay(
    line: ServiceLine,
    cycle: BillingCycle,
    catalog: Mapping[str, Money],
    currency: str,
    before: datetime | None = None,
) -> _Replay:
    """The line replayed through its events before ``before`` (all when None), then settled
    at ``before``: the state a boundary invoice sees, excluding changes made at that instant."""
    replay = _Replay(line.line_id, cycle, catalog, currency)
    for event in line.events:
        if before is not None and require_aware(event.at) >= before:
            break
        replay.apply(event)
    replay.settle(before if before is not None else datetime.max.replace(tzinfo=UTC))
    return replay


def _line_currency(catalog: Mapping[str, Money], line: ServiceLine) -> str:
    first = next((e for e in line.events if isinstance(e, Activation)), None)
    if first is None:
        raise StateError("Service line {line} must start with its activation", line=line.line_id)
    price = catalog.get(first.product_id)
    if price is None:
        raise NotFound("Unknown product: {product}", field="product_id", product=first.product_id)
    return price.currency


@dataclass(frozen=True, slots=True)
class LineState:
    """Where a line stands at an instant: in service or not, its plan, what waits for the
    period end (a downgrade, a pause or cancellation) and the data blocks in force."""

    active: bool
    product_id: str
    pending_product: str | None
    stop_pending: bool
    blocks: tuple[DataBlocks, ...]


def line_state(
    line: ServiceLine, cycle: BillingCycle, catalog: Mapping[str, Money], at: datetime
) -> LineState:
    """The line replayed through every event up to ``at`` (included); raises the replay's
    errors, so appending a candidate event and asking for the state validates it."""
    instant = require_aware(at)
    replay = _Replay(line.line_id, cycle, catalog, _line_currency(catalog, line))
    for event in line.events:
        if require_aware(event.at) > instant:
            break
        replay.apply(event)
    replay.settle(instant)
    assert replay.product_id is not None
    return LineState(
        active=replay.active,
        product_id=replay.product_id,
        pending_product=replay.pending_product,
        stop_pending=replay.pending_stop,
        blocks=tuple(replay.blocks_at(instant)),
    )


def partial_periods(
    line: ServiceLine, period: BillingPeriod, catalog: Mapping[str, Money]
) -> list[PartialPeriod]:
    """The stretches of ``period`` the line was in service, each with its product (§3.13).

    They follow each other with no gap or overlap, from the line's start in the period (its
    start if active then) to its end (the period end unless a pause took effect earlier: it
    never does, a pause waits for the period end).
    """
    replay = _replay(line, period.cycle, catalog, _line_currency(catalog, line))
    found = []
    for start, end, product_id in replay.segments:
        lo, hi = max(start, period.start), period.end if end is None else min(end, period.end)
        if lo < hi:
            found.append(PartialPeriod(lo, hi, product_id))
    return found


# --- invoice lines ------------------------------------------------------------------------


class LineKind(StrEnum):
    MONTHLY_FEE = "monthly_fee"
    NEW_LINE = "new_line"
    REACTIVATION = "reactivation"
    UPGRADE_CREDIT = "upgrade_credit"
    UPGRADE_CHARGE = "upgrade_charge"
    DATA_BLOCKS = "data_blocks"
    OVERAGE = "overage"


class Billed(StrEnum):
    ADVANCE = "advance"  # the period that starts on the invoice date
    ARREARS = "arrears"  # the period that just ended


_SPAN = "{days} d {hours} h {minutes} min {seconds} s of {period_days} d × {price}"
_BEFORE = "full monthly fee (no proration before 1 November 2023)"
MONTHLY_FEE = "Monthly fee {product}, {start} to {end}"
NEW_LINE = "New service line {product} from {at}: " + _SPAN
NEW_LINE_FULL = "New service line {product} from {at}: " + _BEFORE
REACTIVATION = "Reactivation of {product} on {at}: " + _SPAN
REACTIVATION_FULL = "Reactivation of {product} on {at}: " + _BEFORE
UPGRADE_CREDIT = "Unused part of {old_product} after the upgrade on {at}: " + _SPAN
UPGRADE_CREDIT_FULL = (
    "Monthly fee of {old_product} refunded for the upgrade on {at} (no proration before 1 November 2023)"
)
UPGRADE_CHARGE = "Upgrade to {product} on {at}: " + _SPAN
UPGRADE_CHARGE_FULL = "Upgrade to {product} on {at}: " + _BEFORE
DATA_BLOCK_TEMPLATES: Mapping[DataPool, str] = {
    DataPool.LOCAL_PRIORITY: "Local Priority data blocks, {start} to {end}: {quantity} × {price}",
    DataPool.GLOBAL_PRIORITY: "Global Priority data blocks, {start} to {end}: {quantity} × {price}",
}
OVERAGE_TEMPLATES: Mapping[DataPool, str] = {
    DataPool.LOCAL_PRIORITY: "Local Priority data overage on {at}: {gigabytes} GB × {price}",
    DataPool.GLOBAL_PRIORITY: "Global Priority data overage on {at}: {gigabytes} GB × {price}",
}
DESCRIPTIONS: tuple[str, ...] = (
    MONTHLY_FEE,
    NEW_LINE,
    NEW_LINE_FULL,
    REACTIVATION,
    REACTIVATION_FULL,
    UPGRADE_CREDIT,
    UPGRADE_CREDIT_FULL,
    UPGRADE_CHARGE,
    UPGRADE_CHARGE_FULL,
    *DATA_BLOCK_TEMPLATES.values(),
    *OVERAGE_TEMPLATES.values(),
)


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    """One line of an invoice that explains itself.

    ``template`` + ``params`` is the translatable description (params are locale-neutral
    strings: ISO dates, numbers; prices are ``Money``, written in the reader's language at the
    edge; stored as "25.00 USD", see ``stored_params``). ``amount`` = ``unit_price`` × ``quantity``
    rounded once; credits carry a positive quantity and a negative amount. ``covers_start`` /
    ``covers_end`` is the service time the line pays for.
    """

    kind: LineKind
    line_id: str
    billed: Billed
    template: str
    params: Mapping[str, str | Money]
    quantity: Fraction
    unit_price: Money
    amount: Money
    covers_start: datetime
    covers_end: datetime

    @property
    def description(self) -> str:
        """The English text; other languages: ``i18n.tr(lang, line.template, **line.params)``."""
        return self.template.format(**self.params)


MONEY_PARAMS = frozenset({"price"})  # the parameters of the descriptions that hold an amount


def stored_params(params: Mapping[str, str | Money]) -> dict[str, str]:
    """The parameters as stored (JSON of strings): an amount as its locale-neutral "25.00 USD"."""
    return {key: str(value) for key, value in params.items()}


def read_params(stored: Mapping[str, str]) -> dict[str, str | Money]:
    """Stored parameters back as the description needs them, prices as ``Money`` again, so an
    invoice of any age is written in the reader's language ("25,00 $US" in French)."""
    params: dict[str, str | Money] = dict(stored)
    for key in MONEY_PARAMS & params.keys():
        text = str(params[key])
        amount, _, currency = text.partition(" ")
        try:
            params[key] = Money(Decimal(amount), currency)
        except (ArithmeticError, ValueError, KonnectError):
            params[key] = text  # not an amount after all: shown as stored
    return params


def line_amount(unit_price: Money, quantity: Fraction, *, credit: bool = False) -> Money:
    """THE rounding of an invoice line: unit price × exact quantity, half-up, once.

    ROUND_HALF_UP rounds away from zero, so a credit is the exact negative of the same charge.
    The division runs with 50 significant digits so microsecond counts times the largest
    amount stay exact before the one rounding.
    """
    with localcontext() as context:
        context.prec = 50
        exact = unit_price.amount * quantity.numerator / quantity.denominator
    amount = round_half_up(exact, unit_price.currency)
    return -amount if credit else amount


def remaining_fraction(at: datetime, period: BillingPeriod) -> Fraction:
    """Time from ``at`` to the period end over the full period length, exactly."""
    instant = require_aware(at)
    if not period.contains(instant):
        raise ValidationError("The change must fall inside the billing period", field="at")
    return Fraction((period.end - instant) // _MICROSECOND, period.length // _MICROSECOND)


def _local_text(instant: datetime, zone: str) -> str:
    local = instant.astimezone(zone_info(zone))
    text = local.strftime("%Y-%m-%d %H:%M:%S" if local.second or local.microsecond else "%Y-%m-%d %H:%M")
    return f"{text} {local.tzname()}"


def _days_text(length: timedelta) -> str:
    days = Decimal(length // _MICROSECOND) / Decimal(86_400_000_000)
    return f"{days.quantize(Decimal('0.0001')).normalize():f}"


def _span_params(at: datetime, period: BillingPeriod, price: Money) -> dict[str, str | Money]:
    remaining = period.end - at
    seconds = int(remaining.total_seconds())
    return {
        "days": str(seconds // 86_400),
        "hours": str(seconds % 86_400 // 3_600),
        "minutes": str(seconds % 3_600 // 60),
        "seconds": str(seconds % 60),
        "period_days": _days_text(period.length),
        "price": price,
    }


def _period_params(period: BillingPeriod) -> dict[str, str]:
    return {"start": period.invoice_date.isoformat(), "end": period.last_day.isoformat()}


def _make(
    kind: LineKind,
    line_id: str,
    billed: Billed,
    template: str,
    params: dict[str, str | Money],
    quantity: Fraction,
    unit_price: Money,
    covers: tuple[datetime, datetime],
    *,
    credit: bool = False,
) -> InvoiceLine:
    return InvoiceLine(
        kind=kind,
        line_id=line_id,
        billed=billed,
        template=template,
        params=MappingProxyType(params),
        quantity=quantity,
        unit_price=unit_price,
        amount=line_amount(unit_price, quantity, credit=credit),
        covers_start=covers[0],
        covers_end=covers[1],
    )


def proration_applies(at: datetime, cycle: BillingCycle) -> bool:
    """Changes from 1 November 2023, local time of the account (§3.3), are prorated."""
    return require_aware(at) >= local_midnight(PRORATION_START, cycle.zone)


@dataclass(frozen=True, slots=True)
class PeriodCharges:
    """What one line owes for one period: fees billed in advance on the invoice that opens the
    period, and adjustments billed in arrears on the invoice that opens the next one."""

    advance: tuple[InvoiceLine, ...]
    arrears: tuple[InvoiceLine, ...]

    @property
    def lines(self) -> tuple[InvoiceLine, ...]:
        return self.advance + self.arrears


def _block_lines(
    line_id: str, blocks: list[DataBlocks], period: BillingPeriod, billed: Billed
) -> list[InvoiceLine]:
    return [
        _make(
            LineKind.DATA_BLOCKS,
            line_id,
            billed,
            DATA_BLOCK_TEMPLATES[b.pool],
            {**_period_params(period), "quantity": str(b.quantity), "price": b.block_price},
            Fraction(b.quantity),
            b.block_price,
            (period.start, period.end),
        )
        for b in blocks
    ]


def _change_lines(
    line_id: str, change: _Change, period: BillingPeriod, replay: _Replay, zone: str
) -> list[InvoiceLine]:
    prorated = proration_applies(change.at, period.cycle)
    fraction = remaining_fraction(change.at, period) if prorated else Fraction(1)
    covers = (change.at, period.end)
    at = _local_text(change.at, zone)
    new_price = replay.price(change.product_id)
    if change.kind is _Immediate.UPGRADE:
        assert change.old_product_id is not None
        old_price = replay.price(change.old_product_id)
        old = {"old_product": change.old_product_id, "at": at}
        new = {"product": change.product_id, "at": at}
        if prorated:
            old |= _span_params(change.at, period, old_price)
            new |= _span_params(change.at, period, new_price)
        return [
            _make(
                LineKind.UPGRADE_CREDIT,
                line_id,
                Billed.ARREARS,
                UPGRADE_CREDIT if prorated else UPGRADE_CREDIT_FULL,
                old,
                fraction,
                old_price,
                covers,
                credit=True,
            ),
            _make(
                LineKind.UPGRADE_CHARGE,
                line_id,
                Billed.ARREARS,
                UPGRADE_CHARGE if prorated else UPGRADE_CHARGE_FULL,
                new,
                fraction,
                new_price,
                covers,
            ),
        ]
    new_line = change.kind is _Immediate.ACTIVATION
    kind = LineKind.NEW_LINE if new_line else LineKind.REACTIVATION
    if prorated:
        template = NEW_LINE if new_line else REACTIVATION
        params = {"product": change.product_id, "at": at, **_span_params(change.at, period, new_price)}
    else:
        template = NEW_LINE_FULL if new_line else REACTIVATION_FULL
        params = {"product": change.product_id, "at": at}
    fee = _make(kind, line_id, Billed.ARREARS, template, params, fraction, new_price, covers)
    return [fee, *_block_lines(line_id, replay.blocks_at(change.at), period, Billed.ARREARS)]


def period_charges(
    line: ServiceLine, period: BillingPeriod, catalog: Mapping[str, Money], currency: str
) -> PeriodCharges:
    """Everything ``line`` owes for ``period``: its advance fee and blocks, and the adjustments
    for changes inside the period. Summed, the fee lines equal the monthly price integrated over
    the time in service (each line rounded once); a downgrade, pause or block change in the
    period changes nothing here, only the next period's advance."""
    zone = period.cycle.zone
    at_start = _replay(line, period.cycle, catalog, currency, before=period.start)
    advance: list[InvoiceLine] = []
    if at_start.active:
        assert at_start.product_id is not None
        price = at_start.price(at_start.product_id)
        advance.append(
            _make(
                LineKind.MONTHLY_FEE,
                line.line_id,
                Billed.ADVANCE,
                MONTHLY_FEE,
                {"product": at_start.product_id, **_period_params(period)},
                Fraction(1),
                price,
                (period.start, period.end),
            )
        )
        advance += _block_lines(line.line_id, at_start.blocks_at(period.start), period, Billed.ADVANCE)
    full = _replay(line, period.cycle, catalog, currency)
    arrears: list[InvoiceLine] = []
    for change in full.changes:
        if period.contains(change.at):
            arrears += _change_lines(line.line_id, change, period, full, zone)
    for usage in full.overages:
        if period.contains(usage.at):
            arrears.append(
                _make(
                    LineKind.OVERAGE,
                    line.line_id,
                    Billed.ARREARS,
                    OVERAGE_TEMPLATES[usage.pool],
                    {
                        "at": _local_text(usage.at, zone),
                        "gigabytes": f"{Decimal(usage.gigabytes):f}",
                        "price": usage.price_per_gb,
                    },
                    Fraction(Decimal(usage.gigabytes)),
                    usage.price_per_gb,
                    (usage.at, usage.at),
                )
            )
    return PeriodCharges(tuple(advance), tuple(arrears))


# --- invoices -----------------------------------------------------------------------------


def _check_vat_rate(rate: Decimal) -> Decimal:
    if not isinstance(rate, Decimal) or not rate.is_finite() or not 0 <= rate < 1:
        raise ValidationError("The VAT rate must be an exact fraction from 0 to below 1", field="vat_rate")
    return rate


@dataclass(frozen=True, slots=True)
class CorporateAccount:
    """A corporate account: its cycle (fixed once from the first activation, see
    ``billing_cycle_from_first_activation``), currency, payment terms and service lines."""

    account_id: str
    cycle: BillingCycle
    currency: str
    lines: tuple[ServiceLine, ...]
    payment_terms_days: int = DEFAULT_PAYMENT_TERMS_DAYS

    def __post_init__(self) -> None:
        Money.zero(self.currency)
        check_payment_terms(self.payment_terms_days)
        seen: set[str] = set()
        for line in self.lines:
            if line.line_id in seen:
                raise ValidationError(
                    "Service line {line} appears twice on this account", field="line_id", line=line.line_id
                )
            seen.add(line.line_id)


@dataclass(frozen=True, slots=True)
class Invoice:
    """The invoice generated on the billing day that opens ``period``: fees in advance for
    ``period``, adjustments in arrears for ``previous_period``. Prices are VAT-exclusive."""

    account_id: str
    period: BillingPeriod
    previous_period: BillingPeriod
    invoice_date: date
    due_date: date
    lines: tuple[InvoiceLine, ...]
    subtotal: Money
    vat_rate: Decimal
    vat: Money
    total: Money


def compute_invoice(
    account: CorporateAccount, period: BillingPeriod, catalog: Mapping[str, Money], vat_rate: Decimal
) -> Invoice:
    """The invoice of ``account`` dated ``period``'s billing date.

    Per service line, the adjustments of the period that just ended come first (in time
    order), then the fees of the new period. VAT is computed once on the subtotal.
    """
    rate = _check_vat_rate(vat_rate)
    if period.cycle != account.cycle:
        raise ValidationError("The period belongs to another billing cycle", field="period")
    previous = period.previous()
    lines: list[InvoiceLine] = []
    for line in account.lines:
        lines += period_charges(line, previous, catalog, account.currency).arrears
        lines += period_charges(line, period, catalog, account.currency).advance
    subtotal = money_sum([line.amount for line in lines], account.currency)
    vat = round_half_up(subtotal.amount * rate, account.currency)
    return Invoice(
        account_id=account.account_id,
        period=period,
        previous_period=previous,
        invoice_date=period.invoice_date,
        due_date=due_date(period.invoice_date, account.payment_terms_days),
        lines=tuple(lines),
        subtotal=subtotal,
        vat_rate=rate,
        vat=vat,
        total=subtotal + vat,
    )


def billed_for_period(charges: Sequence[InvoiceLine], currency: str) -> Money:
    """Sum of the plan-fee lines of a period (monthly fee, new line, reactivation, upgrade):
    what the integral of the monthly price over the time in service is compared with."""
    fee_kinds = {
        LineKind.MONTHLY_FEE,
        LineKind.NEW_LINE,
        LineKind.REACTIVATION,
        LineKind.UPGRADE_CREDIT,
        LineKind.UPGRADE_CHARGE,
    }
    return money_sum([c.amount for c in charges if c.kind in fee_kinds], currency)
