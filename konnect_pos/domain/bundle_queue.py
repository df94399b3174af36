"""The bundle queue of one customer account, pure (RULES.md §1.2–1.4).

An account holds at most one active bundle and an ordered queue of bought bundles.
Each queued bundle starts when its predecessor hands over:

- ``period_end``: at the end of the predecessor's validity period;
- ``data_exhausted``: when the predecessor's high-speed data is used up, or at its
  period end if that comes first.

``project`` turns the purchases (in queue order) and the usage readings known at an
instant into the account's timeline. A hand-over that depends on data not yet used
up is a bound ("no later than the period end"), not a guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from konnect_pos.domain.errors import ValidationError


class Trigger(StrEnum):
    IMMEDIATE = "immediate"  # first bundle of a sale on a dormant account
    PERIOD_END = "period_end"
    DATA_EXHAUSTED = "data_exhausted"


class BundleState(StrEnum):
    USED = "used"
    ACTIVE = "active"
    QUEUED = "queued"


class AccountStatus(StrEnum):
    ACTIVE = "active"
    DORMANT = "dormant"


@dataclass(frozen=True, slots=True)
class BundleTerms:
    code: str
    name: str
    data_gb: Decimal
    validity_days: int

    def __post_init__(self) -> None:
        if self.data_gb <= 0 or self.validity_days <= 0:
            raise ValidationError(
                "Bundle {code} needs positive data and validity", field="bundle", code=self.code
            )


@dataclass(frozen=True, slots=True)
class Purchase:
    id: str
    terms: BundleTerms
    trigger: Trigger
    sold_at: datetime


@dataclass(frozen=True, slots=True)
class UsageReading:
    """High-speed GB used so far by the bundle active at ``at`` (cumulative for that bundle)."""

    at: datetime
    gb_used: Decimal
    purchase_id: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    purchase_id: str
    terms: BundleTerms
    trigger: Trigger
    state: BundleState
    starts_at: datetime
    starts_exact: bool  # False: "no later than starts_at"
    ends_at: datetime
    ends_exact: bool  # False: "no later than ends_at"
    period_end: datetime  # starts_at + validity (a bound when the start is)
    data_left_gb: Decimal | None  # known for the active bundle
    exhausted_at: datetime | None


@dataclass(frozen=True, slots=True)
class Timeline:
    at: datetime
    status: AccountStatus
    entries: tuple[TimelineEntry, ...]

    @property
    def active(self) -> TimelineEntry | None:
        return next((e for e in self.entries if e.state is BundleState.ACTIVE), None)

    @property
    def queued(self) -> tuple[TimelineEntry, ...]:
        return tuple(e for e in self.entries if e.state is BundleState.QUEUED)


def _aware(moment: datetime, field: str) -> datetime:
    if moment.tzinfo is None:
        raise ValidationError("Times must carry their time zone", field=field)
    return moment


def _used_gb(
    purchase_id: str, start: datetime, end: datetime, readings: Sequence[UsageReading], at: datetime
) -> list[UsageReading]:
    """Readings that belong to this bundle and are known at ``at``, in time order."""
    own = [
        r
        for r in readings
        if r.at <= at and (r.purchase_id == purchase_id or (r.purchase_id is None and start <= r.at < end))
    ]
    return sorted(own, key=lambda r: r.at)


def project(purchases: Sequence[Purchase], readings: Sequence[UsageReading], at: datetime) -> Timeline:
    """The account as known at ``at``: each bundle's state, start, end and data left."""
    _aware(at, "at")
    for reading in readings:
        _aware(reading.at, "at")
        if reading.gb_used < 0:
            raise ValidationError("Data used cannot be negative", field="gb_used")
    entries: list[TimelineEntry] = []
    handover: datetime | None = None
    handover_exact = True
    for index, purchase in enumerate(purchases):
        _aware(purchase.sold_at, "sold_at")
        if purchase.trigger is Trigger.IMMEDIATE or handover is None:
            start = purchase.sold_at if handover is None else max(purchase.sold_at, handover)
            start_exact = True if handover is None else handover_exact
        else:
            start, start_exact = handover, handover_exact
        period_end = start + timedelta(days=purchase.terms.validity_days)
        successor = purchases[index + 1] if index + 1 < len(purchases) else None
        exhausted_at: datetime | None = None
        used = Decimal(0)
        if start_exact and start <= at:
            own = _used_gb(purchase.id, start, period_end, readings, at)
            for reading in own:
                used = max(used, reading.gb_used)
                if (
                    exhausted_at is None
                    and reading.gb_used >= purchase.terms.data_gb
                    and reading.at < period_end
                ):
                    exhausted_at = max(reading.at, start)
        if successor is not None and successor.trigger is Trigger.DATA_EXHAUSTED and exhausted_at is not None:
            end, end_exact = exhausted_at, start_exact
        elif successor is not None and successor.trigger is Trigger.DATA_EXHAUSTED:
            end, end_exact = period_end, start_exact and period_end <= at
        else:
            end, end_exact = period_end, start_exact
        if start_exact and end_exact and end <= at:
            state = BundleState.USED
        elif start_exact and start <= at:
            state = BundleState.ACTIVE
        else:
            state = BundleState.QUEUED
        data_left = max(purchase.terms.data_gb - used, Decimal(0)) if state is BundleState.ACTIVE else None
        entries.append(
            TimelineEntry(
                purchase_id=purchase.id,
                terms=purchase.terms,
                trigger=purchase.trigger,
                state=state,
                starts_at=start,
                starts_exact=start_exact,
                ends_at=end,
                ends_exact=end_exact,
                period_end=period_end,
                data_left_gb=data_left,
                exhausted_at=exhausted_at,
            )
        )
        handover, handover_exact = end, end_exact
    status = (
        AccountStatus.ACTIVE if any(e.state is BundleState.ACTIVE for e in entries) else AccountStatus.DORMANT
    )
    return Timeline(at=at, status=status, entries=tuple(entries))


def plan_sale(
    purchases: Sequence[Purchase],
    readings: Sequence[UsageReading],
    items: Sequence[tuple[str, BundleTerms, Trigger | None]],
    at: datetime,
) -> list[Purchase]:
    """New purchases for a sale of ``items`` (id, terms, chosen trigger) at ``at``.

    On a dormant account the first item activates at once (``immediate``); every other
    item queues behind the existing queue with its trigger (``period_end`` when none given).
    """
    _aware(at, "at")
    if not items:
        raise ValidationError("Choose at least one bundle", field="bundle")
    dormant = project(purchases, readings, at).status is AccountStatus.DORMANT
    planned: list[Purchase] = []
    for index, (purchase_id, terms, trigger) in enumerate(items):
        if trigger is Trigger.IMMEDIATE and not (dormant and index == 0):
            raise ValidationError(
                "Only the first bundle on a dormant account starts immediately", field="trigger"
            )
        chosen = Trigger.IMMEDIATE if dormant and index == 0 else (trigger or Trigger.PERIOD_END)
        planned.append(Purchase(purchase_id, terms, chosen, at))
    return planned


def _queued_index(
    purchases: Sequence[Purchase], readings: Sequence[UsageReading], at: datetime, purchase_id: str
) -> int:
    timeline = project(purchases, readings, at)
    for index, entry in enumerate(timeline.entries):
        if entry.purchase_id == purchase_id:
            if entry.state is not BundleState.QUEUED:
                raise ValidationError("Only bundles still waiting in the queue can be changed", field="queue")
            return index
    raise ValidationError("That bundle is not on this account", field="queue")


def move(
    purchases: Sequence[Purchase],
    readings: Sequence[UsageReading],
    at: datetime,
    purchase_id: str,
    new_index: int,
) -> list[Purchase]:
    """Reorder a queued bundle among the queued ones; the active and used ones stay put."""
    index = _queued_index(purchases, readings, at, purchase_id)
    first_queued = min(
        i for i, e in enumerate(project(purchases, readings, at).entries) if e.state is BundleState.QUEUED
    )
    if not first_queued <= new_index < len(purchases):
        raise ValidationError("A queued bundle can only move within the queue", field="queue")
    reordered = list(purchases)
    item = reordered.pop(index)
    reordered.insert(new_index, item)
    return reordered


def retrigger(
    purchases: Sequence[Purchase],
    readings: Sequence[UsageReading],
    at: datetime,
    purchase_id: str,
    trigger: Trigger,
) -> list[Purchase]:
    """Change how a queued bundle activates (never to ``immediate``)."""
    if trigger is Trigger.IMMEDIATE:
        raise ValidationError("A queued bundle starts at period end or when data runs out", field="trigger")
    index = _queued_index(purchases, readings, at, purchase_id)
    changed = list(purchases)
    changed[index] = replace(changed[index], trigger=trigger)
    return changed
