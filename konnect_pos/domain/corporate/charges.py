"""Invoice lines that explain themselves and what one line owes for one period: exact-time
proration, monthly fees in advance, adjustments in arrears (RULES.md §3.3-3.12)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, localcontext
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType

from konnect_pos.domain.corporate.billing_cycle import (
    BillingCycle,
    BillingPeriod,
    local_midnight,
    require_aware,
    zone_info,
)
from konnect_pos.domain.corporate.line_events import DataBlocks, DataPool, LineHistory
from konnect_pos.domain.corporate.line_state import ImmediateChange, ImmediateKind, Replay, replay_line
from konnect_pos.domain.errors import KonnectError, ValidationError
from konnect_pos.domain.money import Money, round_half_up

PRORATION_START = date(2023, 11, 1)  # RULES.md §3.3: changes from this local date are prorated
_MICROSECOND = timedelta(microseconds=1)


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
    line_id: str, change: ImmediateChange, period: BillingPeriod, replay: Replay, zone: str
) -> list[InvoiceLine]:
    prorated = proration_applies(change.at, period.cycle)
    fraction = remaining_fraction(change.at, period) if prorated else Fraction(1)
    covers = (change.at, period.end)
    at = _local_text(change.at, zone)
    new_price = replay.price(change.product_id)
    if change.kind is ImmediateKind.UPGRADE:
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
    new_line = change.kind is ImmediateKind.ACTIVATION
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
    line: LineHistory, period: BillingPeriod, catalog: Mapping[str, Money], currency: str
) -> PeriodCharges:
    """Everything ``line`` owes for ``period``: its advance fee and blocks, and the adjustments
    for changes inside the period. Summed, the fee lines equal the monthly price integrated over
    the time in service (each line rounded once); a downgrade, pause or block change in the
    period changes nothing here, only the next period's advance."""
    zone = period.cycle.zone
    at_start = replay_line(line, period.cycle, catalog, currency, before=period.start)
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
    full = replay_line(line, period.cycle, catalog, currency)
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
