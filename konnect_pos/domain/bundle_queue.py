"""The bundle queue of one customer account, pure (RULES.md §1.2–1.4).

An account holds at most one active bundle and an ordered queue of bought bundles.
Each queued bundle starts when its predecessor hands over:

- ``period_end``: at the end of the predecessor's validity period (activation +
  validity days, to the instant: "the end of the month" is that period, not the
  calendar month);
- ``data_exhausted``: when the predecessor's high-speed data is used up, or at its
  period end if that comes first.

``project`` turns the purchases (in queue order) and the usage readings known at an
instant into the account's timeline. A hand-over that depends on data not yet used
up is a bound ("no later than the period end"), not a guess. Everything here is a
function of its arguments: no clock, no storage. The rules a reader could question
are written down in docs/decisions.md ("Bundle queue").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from konnect_pos.domain.errors import ValidationError


class ActivationTrigger(StrEnum):
    """How a bought bundle starts; chosen at sale, changeable while it waits."""

    IMMEDIATE = "immediate"  # first bundle of a sale on a dormant account
    PERIOD_END = "period_end"
    DATA_EXHAUSTED = "data_exhausted"


Trigger = ActivationTrigger  # the short name the services and the GUI already use


class BundleState(StrEnum):
    USED = "used"
    ACTIVE = "active"
    QUEUED = "queued"


class AccountStatus(StrEnum):
    ACTIVE = "active"
    DORMANT = "dormant"


def _utc(moment: object, field: str) -> datetime:
    """Instants must be time-zone aware; they are kept in UTC so they print alike."""
    if not isinstance(moment, datetime):
        raise ValidationError("Times must carry their time zone", field=field)
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValidationError("Times must carry their time zone", field=field)
    return moment.astimezone(UTC)


def _trigger(value: object) -> ActivationTrigger:
    try:
        return ActivationTrigger(value)
    except ValueError:
        raise ValidationError(
            "Unknown activation trigger: {trigger}", field="trigger", trigger=str(value)[:40]
        ) from None


def _exact_gb(value: object, field: str) -> Decimal:
    """GB are exact (Decimal or int): a float would make 'used up' depend on rounding."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise ValidationError("Data must be an exact number of GB", field=field)
    value = Decimal(value)
    if not value.is_finite():
        raise ValidationError("Data must be an exact number of GB", field=field)
    return value


@dataclass(frozen=True, slots=True)
class BundleTerms:
    """Catalog values of a bundle, copied onto each purchase so later catalog edits don't rewrite it."""

    code: str
    name: str
    data_gb: Decimal  # high-speed allowance
    validity_days: int

    def __post_init__(self) -> None:
        data = _exact_gb(self.data_gb, "data_gb")
        if data <= 0:
            raise ValidationError(
                "Bundle {code} needs a positive amount of high-speed data", field="data_gb", code=self.code
            )
        days = self.validity_days
        if isinstance(days, bool) or not isinstance(days, int) or days <= 0:
            raise ValidationError(
                "Bundle {code} needs a validity of at least one day", field="validity_days", code=self.code
            )
        object.__setattr__(self, "data_gb", data)

    @property
    def validity(self) -> timedelta:
        return timedelta(days=self.validity_days)


@dataclass(frozen=True, slots=True)
class QueuedBundle:
    """One bought bundle on the account.

    ``position`` is the 1-based place in the account's queue (0: not assigned, the
    order of the list given to ``project`` decides). ``trigger_set_at`` is when the
    trigger was last chosen (None: at the sale): no hand-over happens before it, so a
    change never moves a start into the past.
    """

    id: str
    terms: BundleTerms
    trigger: ActivationTrigger
    sold_at: datetime
    position: int = 0
    trigger_set_at: datetime | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise ValidationError("A bundle purchase needs an id", field="id")
        object.__setattr__(self, "trigger", _trigger(self.trigger))
        object.__setattr__(self, "sold_at", _utc(self.sold_at, "sold_at"))
        if self.trigger_set_at is not None:
            object.__setattr__(self, "trigger_set_at", _utc(self.trigger_set_at, "trigger_set_at"))
        if isinstance(self.position, bool) or not isinstance(self.position, int) or self.position < 0:
            raise ValidationError(
                "Queue position must be a whole number, not negative: {position}",
                field="position",
                position=str(self.position),
            )

    @property
    def armed_at(self) -> datetime:
        """The earliest instant this bundle may start."""
        return max(self.sold_at, self.trigger_set_at or self.sold_at)


@dataclass(frozen=True, slots=True)
class BundleUsage:
    """High-speed GB used so far by one bundle (cumulative for that bundle).

    ``purchase_id`` names the bundle when the reading was tagged (agent entry,
    sync); None means "the bundle running just before ``at``" (see ``project``).
    """

    at: datetime
    gb_used: Decimal
    purchase_id: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "at", _utc(self.at, "at"))
        used = _exact_gb(self.gb_used, "gb_used")
        if used < 0:
            raise ValidationError("Data used cannot be negative", field="gb_used")
        object.__setattr__(self, "gb_used", used)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    purchase_id: str
    terms: BundleTerms
    trigger: ActivationTrigger
    state: BundleState
    starts_at: datetime
    starts_exact: bool  # False: "no later than starts_at"
    ends_at: datetime
    ends_exact: bool  # False: "no later than ends_at"
    period_end: datetime  # starts_at + validity (a bound when the start is)
    data_left_gb: Decimal | None  # known for the active bundle only
    exhausted_at: datetime | None  # first reading at or over the allowance, inside the period
    position: int = 0  # 1-based place in the account's queue


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


def queue_order(purchases: Sequence[QueuedBundle]) -> list[QueuedBundle]:
    """Purchases by queue position (stable: list order decides among unassigned ones)."""
    seen_ids: set[str] = set()
    seen_positions: set[int] = set()
    for purchase in purchases:
        if purchase.id in seen_ids:
            raise ValidationError(
                "Bundle purchase {id} appears twice on this account", field="id", id=purchase.id
            )
        seen_ids.add(purchase.id)
        if purchase.position:
            if purchase.position in seen_positions:
                raise ValidationError(
                    "Two bundles share queue position {position}",
                    field="position",
                    position=str(purchase.position),
                )
            seen_positions.add(purchase.position)
    return sorted(purchases, key=lambda p: p.position)


@dataclass(frozen=True, slots=True)
class _Usage:
    exhausted_at: datetime | None
    used_gb: Decimal


def _usage(
    purchase: QueuedBundle,
    start: datetime,
    period_end: datetime,
    readings: Sequence[BundleUsage],
    at: datetime,
) -> _Usage:
    """What the readings known at ``at`` say about one started bundle.

    A tagged reading counts from the bundle's start; an untagged one belongs to the
    bundle running just before its instant, so (start, period end]: the reading taken
    at a hand-over is the outgoing bundle's last one, not the incoming bundle's first.
    The counter is cumulative, so the running maximum is what was used: a lower later
    value adds nothing and never undoes an exhaustion.
    """
    own = sorted(
        (
            r
            for r in readings
            if r.at <= at
            and (
                (r.purchase_id == purchase.id and start <= r.at)
                or (r.purchase_id is None and start < r.at <= period_end)
            )
        ),
        key=lambda r: r.at,
    )
    used = Decimal(0)
    exhausted_at = None
    for reading in own:
        used = max(used, reading.gb_used)
        if exhausted_at is None and reading.at < period_end and reading.gb_used >= purchase.terms.data_gb:
            exhausted_at = reading.at
    return _Usage(exhausted_at, used)


def _handover(
    purchase: QueuedBundle,
    start_exact: bool,
    period_end: datetime,
    usage: _Usage | None,
    successor: QueuedBundle | None,
    at: datetime,
) -> tuple[datetime, bool]:
    """When ``purchase`` stops being the running bundle, and whether that is known exactly."""
    if successor is None or successor.trigger is not ActivationTrigger.DATA_EXHAUSTED:
        return period_end, start_exact
    armed = successor.armed_at
    if armed >= period_end:
        return period_end, start_exact
    if usage is not None and usage.exhausted_at is not None:
        # Used up: a data_exhausted successor takes over then, but never before it was
        # bought or chosen; until that instant the running bundle stays on, throttled.
        return min(period_end, max(usage.exhausted_at, armed)), True
    return period_end, start_exact and period_end <= at


def project(purchases: Sequence[QueuedBundle], readings: Sequence[BundleUsage], at: datetime) -> Timeline:
    """The account as known at ``at``: each bundle's state, start, end and data left.

    Only readings taken at or before ``at`` count, so the projection for a past instant
    is what could be known then. A bundle never starts before its predecessor hands
    over nor before it was sold (two immediate sales recorded offline on different
    terminals therefore queue one behind the other instead of overlapping).
    """
    at = _utc(at, "at")
    ordered = queue_order(purchases)
    entries: list[TimelineEntry] = []
    handover: datetime | None = None
    handover_exact = True
    for index, purchase in enumerate(ordered):
        armed = purchase.armed_at
        if handover is None or armed >= handover:
            start, start_exact = armed, True
        else:
            start, start_exact = handover, handover_exact
        period_end = start + purchase.terms.validity
        started = start_exact and start <= at
        usage = _usage(purchase, start, period_end, readings, at) if started else None
        successor = ordered[index + 1] if index + 1 < len(ordered) else None
        end, end_exact = _handover(purchase, start_exact, period_end, usage, successor, at)
        if start_exact and end_exact and end <= at:
            state = BundleState.USED
        elif started:
            state = BundleState.ACTIVE
        else:
            state = BundleState.QUEUED
        data_left = None
        if state is BundleState.ACTIVE and usage is not None:
            data_left = max(purchase.terms.data_gb - usage.used_gb, Decimal(0))
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
                exhausted_at=usage.exhausted_at if usage is not None else None,
                position=index + 1,
            )
        )
        handover, handover_exact = end, end_exact
    active = any(e.state is BundleState.ACTIVE for e in entries)
    return Timeline(
        at=at, status=AccountStatus.ACTIVE if active else AccountStatus.DORMANT, entries=tuple(entries)
    )


def plan_sale(
    purchases: Sequence[QueuedBundle],
    readings: Sequence[BundleUsage],
    items: Sequence[tuple[str, BundleTerms, ActivationTrigger | None]],
    at: datetime,
) -> list[QueuedBundle]:
    """New purchases for a sale of ``items`` (id, terms, chosen trigger) at ``at``.

    On a dormant account the first item activates at once (``immediate``, its chosen
    trigger is ignored); every other item queues behind the existing queue with its
    trigger (``period_end``, "the end of the month", when none was chosen).
    """
    at = _utc(at, "at")
    if not items:
        raise ValidationError("Choose at least one bundle", field="bundle")
    dormant = project(purchases, readings, at).status is AccountStatus.DORMANT
    last = max([len(purchases), *(p.position for p in purchases)])
    planned: list[QueuedBundle] = []
    for index, (purchase_id, terms, chosen) in enumerate(items):
        if dormant and index == 0:
            trigger = ActivationTrigger.IMMEDIATE
        else:
            trigger = _trigger(chosen) if chosen is not None else ActivationTrigger.PERIOD_END
            if trigger is ActivationTrigger.IMMEDIATE:
                raise ValidationError(
                    "Only the first bundle on a dormant account starts immediately", field="trigger"
                )
        planned.append(QueuedBundle(purchase_id, terms, trigger, at, position=last + index + 1))
    queue_order([*purchases, *planned])  # refuses an id already on the account
    return planned


def _renumbered(ordered: Sequence[QueuedBundle]) -> list[QueuedBundle]:
    return [p if p.position == n else replace(p, position=n) for n, p in enumerate(ordered, start=1)]


def _queued_block(timeline: Timeline, purchase_id: str) -> tuple[int, range]:
    """Index of a waiting bundle and the run of waiting bundles it may move within."""
    entries = timeline.entries
    index = next((i for i, e in enumerate(entries) if e.purchase_id == purchase_id), None)
    if index is None:
        raise ValidationError("That bundle is not on this account", field="queue")
    entry = entries[index]
    if entry.state is not BundleState.QUEUED:
        raise ValidationError(
            "Bundle {code} has already started; only bundles still waiting in the queue can be changed",
            field="queue",
            code=entry.terms.code,
        )
    first = index
    while first > 0 and entries[first - 1].state is BundleState.QUEUED:
        first -= 1
    return index, range(first, len(entries))


def move(
    purchases: Sequence[QueuedBundle],
    readings: Sequence[BundleUsage],
    at: datetime,
    purchase_id: str,
    new_index: int,
) -> list[QueuedBundle]:
    """Reorder a waiting bundle among the waiting ones; started bundles keep their place.

    ``new_index`` is the 0-based place in the whole queue. Returns every purchase in
    the new order, renumbered, with ``trigger_set_at`` = ``at`` on each bundle whose
    predecessor changed (its hand-over is re-decided now, never in the past).
    """
    at = _utc(at, "at")
    ordered = queue_order(purchases)
    index, block = _queued_block(project(ordered, readings, at), purchase_id)
    if isinstance(new_index, bool) or not isinstance(new_index, int) or new_index not in block:
        raise ValidationError("A queued bundle can only move within the queue", field="queue")
    reordered = list(ordered)
    reordered.insert(new_index, reordered.pop(index))
    before = {p.id: ordered[i - 1].id if i else None for i, p in enumerate(ordered)}
    changed = [
        p
        if i == 0 or reordered[i - 1].id == before[p.id]
        else replace(p, trigger_set_at=max(at, p.trigger_set_at or at))
        for i, p in enumerate(reordered)
    ]
    return _renumbered(changed)


def retrigger(
    purchases: Sequence[QueuedBundle],
    readings: Sequence[BundleUsage],
    at: datetime,
    purchase_id: str,
    trigger: ActivationTrigger,
) -> list[QueuedBundle]:
    """Change how a waiting bundle activates (never to ``immediate``); the choice counts from ``at``."""
    at = _utc(at, "at")
    trigger = _trigger(trigger)
    if trigger is ActivationTrigger.IMMEDIATE:
        raise ValidationError("A queued bundle starts at period end or when data runs out", field="trigger")
    ordered = queue_order(purchases)
    index, _ = _queued_block(project(ordered, readings, at), purchase_id)
    changed = list(ordered)
    if changed[index].trigger is not trigger:
        changed[index] = replace(changed[index], trigger=trigger, trigger_set_at=at)
    return _renumbered(changed)
