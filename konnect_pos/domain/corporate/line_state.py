"""Replaying a service line's history: its state at an instant and the stretches of a period it
was in service (RULES.md §3.4-3.7, §3.13)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from konnect_pos.domain.corporate.billing_cycle import (
    BillingCycle,
    BillingPeriod,
    require_aware,
)
from konnect_pos.domain.corporate.line_events import (
    Activation,
    Cancellation,
    DataBlockChange,
    DataBlocks,
    DataPool,
    LineEvent,
    LineHistory,
    OverageUsage,
    Pause,
    PlanChange,
    Reactivation,
)
from konnect_pos.domain.corporate.products import ChangeKind, classify_change, price_of
from konnect_pos.domain.errors import CurrencyMismatch, NotFound, StateError
from konnect_pos.domain.money import Money


@dataclass(frozen=True, slots=True)
class PartialPeriod:
    """A stretch ``[start, end)`` of a period during which the line held ``product_id``."""

    start: datetime
    end: datetime
    product_id: str


# --- replaying a line's history -----------------------------------------------------------


class ImmediateKind(StrEnum):
    ACTIVATION = "activation"
    REACTIVATION = "reactivation"
    UPGRADE = "upgrade"


@dataclass(frozen=True, slots=True)
class ImmediateChange:
    kind: ImmediateKind
    at: datetime
    product_id: str
    old_product_id: str | None = None


@dataclass(slots=True)
class Replay:
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
    changes: list[ImmediateChange] = field(default_factory=list)
    blocks: list[tuple[datetime, DataBlocks]] = field(default_factory=list)
    overages: list[OverageUsage] = field(default_factory=list)

    def price(self, product_id: str) -> Money:
        return price_of(self.catalog, product_id, self.currency)

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
            self.changes.append(ImmediateChange(ImmediateKind.ACTIVATION, at, event.product_id))
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
            self.changes.append(ImmediateChange(ImmediateKind.UPGRADE, at, product_id, old))

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
        self.changes.append(ImmediateChange(ImmediateKind.REACTIVATION, at, product))

    def blocks_at(self, instant: datetime) -> list[DataBlocks]:
        """Block quantities in force at ``instant``, per pool (the latest one in force wins)."""
        current: dict[DataPool, DataBlocks] = {}
        for effective, blocks in self.blocks:
            if effective <= instant:
                current[blocks.pool] = blocks
        return [current[pool] for pool in DataPool if pool in current and current[pool].quantity]


def replay_line(
    line: LineHistory,
    cycle: BillingCycle,
    catalog: Mapping[str, Money],
    currency: str,
    before: datetime | None = None,
) -> Replay:
    """The line replayed through its events before ``before`` (all when None), then settled
    at ``before``: the state a boundary invoice sees, excluding changes made at that instant."""
    replay = Replay(line.line_id, cycle, catalog, currency)
    for event in line.events:
        if before is not None and require_aware(event.at) >= before:
            break
        replay.apply(event)
    replay.settle(before if before is not None else datetime.max.replace(tzinfo=UTC))
    return replay


def line_currency(catalog: Mapping[str, Money], line: LineHistory) -> str:
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
    line: LineHistory, cycle: BillingCycle, catalog: Mapping[str, Money], at: datetime
) -> LineState:
    """The line replayed through every event up to ``at`` (included); raises the replay's
    errors, so appending a candidate event and asking for the state validates it."""
    instant = require_aware(at)
    replay = Replay(line.line_id, cycle, catalog, line_currency(catalog, line))
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
    line: LineHistory, period: BillingPeriod, catalog: Mapping[str, Money]
) -> list[PartialPeriod]:
    """The stretches of ``period`` the line was in service, each with its product (§3.13).

    They follow each other with no gap or overlap, from the line's start in the period (its
    start if active then) to its end (the period end unless a pause took effect earlier: it
    never does, a pause waits for the period end).
    """
    replay = replay_line(line, period.cycle, catalog, line_currency(catalog, line))
    found = []
    for start, end, product_id in replay.segments:
        lo, hi = max(start, period.start), period.end if end is None else min(end, period.end)
        if lo < hi:
            found.append(PartialPeriod(lo, hi, product_id))
    return found
