"""The monthly billing day of a corporate account and its billing periods, pure (RULES.md §3.1-3.2).

A corporate account has one billing day (1-31), fixed from the activation of its first service
line; every later line bills on it. The choices RULES.md leaves open (docs/decisions.md,
"Corporate billing and proration"):

- **Short months**: a billing day of 29, 30 or 31 falls on the **last day** of a month that has
  fewer days (day 31: 31 Jan, 29 Feb 2024 / 28 Feb 2025, 31 Mar, 30 Apr, 31 May ...).
- **Always from the anchor**: period *n* starts on the billing date of calendar month *n*,
  computed from the billing day itself, never from the previous period's end. So a day-31
  account that billed 28 Feb bills 31 Mar again (Kill Bill issue 127 billed 28 Mar and drifted).
- **Boundaries** are **00:00 local time in the account's IANA zone** on the billing date (the
  first instant of that local date where a DST gap skips midnight), held as UTC instants, so a
  period is a half-open interval ``[start, end)`` of real time and no instant is in two periods
  or in none whatever the zone (Kill Bill issue 139 dropped invoices on zone shifts).

No clock is read here: every instant is a time-zone aware ``datetime`` passed in.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from konnect_pos.domain.errors import ValidationError

DEFAULT_PAYMENT_TERMS_DAYS = 7


def require_aware(instant: datetime, field: str = "at") -> datetime:
    """The instant in UTC; a naive datetime is refused, as its real moment is unknown."""
    if not isinstance(instant, datetime) or instant.tzinfo is None or instant.utcoffset() is None:
        raise ValidationError("Instants must carry a time zone", field=field)
    return instant.astimezone(UTC)


@cache
def zone_info(zone: str) -> ZoneInfo:
    """The IANA zone, or a clear error for a name the zone database does not know."""
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise ValidationError("Unknown time zone: {zone}", field="zone", zone=str(zone)) from None


def _month_shift(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def local_midnight(day: date, zone: str) -> datetime:
    """First instant of ``day`` in ``zone``, as UTC.

    Midnight read with ``fold=0`` lands, in a DST gap, on the first real instant after the
    gap, and in a repeated hour on its first occurrence: both are "the start of the day".
    """
    return datetime.combine(day, time(0), tzinfo=zone_info(zone)).astimezone(UTC)


@dataclass(frozen=True, slots=True)
class BillingCycle:
    """The account's billing day and zone: everything needed to find any of its periods."""

    billing_day: int
    zone: str

    def __post_init__(self) -> None:
        day = self.billing_day
        if isinstance(day, bool) or not isinstance(day, int) or not 1 <= day <= 31:
            raise ValidationError("The billing day must be between 1 and 31", field="billing_day")
        zone_info(self.zone)

    def billing_date(self, year: int, month: int) -> date:
        """The billing date in one calendar month: the billing day, or the month's last day."""
        return date(year, month, min(self.billing_day, monthrange(year, month)[1]))

    def period(self, year: int, month: int) -> BillingPeriod:
        """The period that starts on the billing date of ``year``-``month``."""
        next_year, next_month = _month_shift(year, month, 1)
        return BillingPeriod(
            cycle=self,
            year=year,
            month=month,
            start=local_midnight(self.billing_date(year, month), self.zone),
            end=local_midnight(self.billing_date(next_year, next_month), self.zone),
        )

    def period_containing(self, instant: datetime) -> BillingPeriod:
        """The one period with ``start <= instant < end``.

        Each month holds exactly one boundary, so the period is the one starting in the
        instant's local month, or the one before when the instant precedes that boundary.
        """
        utc = require_aware(instant)
        local = utc.astimezone(zone_info(self.zone))
        candidate = self.period(local.year, local.month)
        if utc < candidate.start:
            return candidate.previous()
        if utc >= candidate.end:  # only if a zone skipped the whole billing date
            return candidate.next()
        return candidate

    def periods_between(self, start: datetime, end: datetime) -> list[BillingPeriod]:
        """The periods overlapping ``[start, end)``, in order (for statements over a range)."""
        first, last = require_aware(start, "start"), require_aware(end, "end")
        if last <= first:
            return []
        periods = [self.period_containing(first)]
        while periods[-1].end < last:
            periods.append(periods[-1].next())
        return periods


@dataclass(frozen=True, slots=True)
class BillingPeriod:
    """One billing period ``[start, end)`` in UTC, labelled by the month its billing date is in.

    ``next``/``previous`` go back to the cycle's anchor day, so a period clamped to 28 Feb is
    followed by one starting on the 31st again.
    """

    cycle: BillingCycle
    year: int
    month: int
    start: datetime
    end: datetime

    @property
    def length(self) -> timedelta:
        """Full length of the period: the one proration denominator, never shortened."""
        return self.end - self.start

    @property
    def invoice_date(self) -> date:
        """The local billing date on which this period's invoice is generated."""
        return self.start.astimezone(zone_info(self.cycle.zone)).date()

    @property
    def last_day(self) -> date:
        """Last local calendar day inside the period (its end is the next billing date, excluded)."""
        return self.end.astimezone(zone_info(self.cycle.zone)).date() - timedelta(days=1)

    def contains(self, instant: datetime) -> bool:
        return self.start <= require_aware(instant) < self.end

    def next(self) -> BillingPeriod:
        return self.cycle.period(*_month_shift(self.year, self.month, 1))

    def previous(self) -> BillingPeriod:
        return self.cycle.period(*_month_shift(self.year, self.month, -1))


def billing_cycle_from_first_activation(activations: Iterable[datetime], zone: str) -> BillingCycle:
    """The account's cycle: the local day of its earliest service-line activation (§3.2).

    Later lines never move it; the services store the cycle once and pass it in afterwards.
    """
    instants = [require_aware(a, "activation") for a in activations]
    if not instants:
        raise ValidationError("An account needs an activated service line to set its billing day")
    return BillingCycle(min(instants).astimezone(zone_info(zone)).day, zone)


def check_payment_terms(days: int) -> int:
    """Payment terms are whole calendar days: a contract may shorten them to 0, never below."""
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise ValidationError(
            "Payment terms must be a whole number of days, 0 or more", field="payment_terms_days"
        )
    return days


def due_date(invoice_date: date, payment_terms_days: int = DEFAULT_PAYMENT_TERMS_DAYS) -> date:
    """Invoice date + payment terms in calendar days (7 unless the contract sets another, §3.1)."""
    return invoice_date + timedelta(days=check_payment_terms(payment_terms_days))
