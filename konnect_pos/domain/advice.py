"""Which bundle, and which activation order, fit a customer: read from the account's own history.

Pure: the account's purchases and usage readings (replayed with ``bundle_queue.project`` so
the history is the queue's own, no rule coded twice), the country's catalog in force and the
instant. The figures (decisions.md "Bundle advice"):

- each finished bundle's **daily use**: its high-speed GB (all of it when it ran out, else
  the highest reading) over the days it ran: to the exhaustion when it ran out, else its period;
- the customer's daily use is the total GB over the total days (a long bundle weighs more);
- the **bundle**: among the catalog's bundles whose GB per day of validity covers that daily
  use, the cheapest per day (then the smaller); none covers it: the most GB per day;
- the **activation order**: "when the data runs out" when at least half of the finished bundles
  ran out before their period end, else "at the end of the period";
- the **reason** names the most telling fact: days dormant between renewals when they average
  three days or more, else how fast the data ran out, else the share of the data used.
- no finished bundle yet: the cheapest bundle of the catalog, and that reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from itertools import pairwise

from konnect_pos.domain import bundle_queue as queue
from konnect_pos.domain.money import Money

DORMANT_DAYS = 3  # average days without a bundle between renewals that make the customer irregular
DAY = timedelta(days=1)


class AdviceReason(StrEnum):
    NO_HISTORY = "no_history"
    RAN_OUT = "ran_out"
    LEFT_OVER = "left_over"
    DORMANT = "dormant"


@dataclass(frozen=True, slots=True)
class Offer:
    """A bundle of the catalog in force, at today's price."""

    code: str
    name: str
    data_gb: Decimal
    validity_days: int
    price: Money

    @property
    def gb_per_day(self) -> Decimal:
        return self.data_gb / self.validity_days

    @property
    def price_per_day(self) -> Decimal:
        return self.price.amount / self.validity_days


@dataclass(frozen=True, slots=True)
class BundleAdvice:
    """The suggestion and the figures behind it (``days`` and ``percent`` are what the reason says)."""

    offer: Offer
    trigger: queue.ActivationTrigger
    reason: AdviceReason
    bundles_seen: int = 0
    ran_out: int = 0
    days: int | None = None  # RAN_OUT: average days to run out; DORMANT: average dormant days
    percent: int | None = None  # LEFT_OVER: average share of the data used
    gb_per_day: Decimal | None = None


@dataclass(frozen=True, slots=True)
class _Finished:
    entry: queue.TimelineEntry
    used_gb: Decimal
    days: Decimal  # days it ran (to exhaustion when it ran out)


def _days(span: timedelta) -> Decimal:
    return Decimal(span.total_seconds()) / Decimal(86400)


def _whole(value: Decimal) -> int:
    return max(1, int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP)))


def _used(entry: queue.TimelineEntry, readings: Sequence[queue.BundleUsage]) -> Decimal:
    if entry.exhausted_at is not None:
        return entry.terms.data_gb
    own = [
        r.gb_used
        for r in readings
        if (r.purchase_id == entry.purchase_id and entry.starts_at <= r.at)
        or (r.purchase_id is None and entry.starts_at < r.at <= entry.period_end)
    ]
    return min(max(own, default=Decimal(0)), entry.terms.data_gb)


def _finished(
    purchases: Sequence[queue.QueuedBundle], readings: Sequence[queue.BundleUsage], at: datetime
) -> list[_Finished]:
    timeline = queue.project(purchases, readings, at)
    result = []
    for entry in timeline.entries:
        if entry.state is not queue.BundleState.USED:
            continue
        end = entry.exhausted_at if entry.exhausted_at is not None else entry.period_end
        result.append(
            _Finished(entry, _used(entry, readings), max(_days(end - entry.starts_at), Decimal(1) / 24))
        )
    return result


def _dormant_gaps(finished: Sequence[_Finished]) -> list[Decimal]:
    """Days between one bundle's end and the next one's start, for each renewal."""
    return [
        max(_days(later.entry.starts_at - earlier.entry.ends_at), Decimal(0))
        for earlier, later in pairwise(finished)
    ]


def _fitting(offers: Sequence[Offer], daily_gb: Decimal) -> Offer:
    covering = [o for o in offers if o.gb_per_day >= daily_gb]
    if covering:
        return min(covering, key=lambda o: (o.price_per_day, o.data_gb, o.code))
    return max(offers, key=lambda o: (o.gb_per_day, -o.price_per_day, o.code))


def advise_bundle(
    purchases: Sequence[queue.QueuedBundle],
    readings: Sequence[queue.BundleUsage],
    catalog: Sequence[Offer],
    at: datetime,
) -> BundleAdvice | None:
    """The bundle and activation order that fit this history; None when the catalog is empty."""
    offers = [o for o in catalog if o.data_gb > 0 and o.validity_days > 0]
    if not offers:
        return None
    finished = _finished(purchases, readings, at)
    if not finished:
        cheapest = min(offers, key=lambda o: (o.price.amount, o.data_gb, o.code))
        return BundleAdvice(cheapest, queue.ActivationTrigger.PERIOD_END, AdviceReason.NO_HISTORY)
    daily = sum((f.used_gb for f in finished), Decimal(0)) / sum((f.days for f in finished), Decimal(0))
    offer = _fitting(offers, daily)
    ran_out = [f for f in finished if f.entry.exhausted_at is not None]
    trigger = (
        queue.ActivationTrigger.DATA_EXHAUSTED
        if 2 * len(ran_out) >= len(finished)
        else queue.ActivationTrigger.PERIOD_END
    )
    common = {"bundles_seen": len(finished), "ran_out": len(ran_out), "gb_per_day": daily}
    gaps = _dormant_gaps(finished)
    if gaps and sum(gaps) / len(gaps) >= DORMANT_DAYS:
        days = _whole(sum(gaps) / len(gaps))
        return BundleAdvice(offer, trigger, AdviceReason.DORMANT, days=days, **common)
    if trigger is queue.ActivationTrigger.DATA_EXHAUSTED:
        days = _whole(sum((f.days for f in ran_out), Decimal(0)) / len(ran_out))
        return BundleAdvice(offer, trigger, AdviceReason.RAN_OUT, days=days, **common)
    share = sum((f.used_gb / f.entry.terms.data_gb for f in finished), Decimal(0)) / len(finished)
    percent = int((share * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return BundleAdvice(offer, trigger, AdviceReason.LEFT_OVER, percent=percent, **common)
