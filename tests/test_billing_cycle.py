"""Billing day and periods (RULES.md §3.1-3.2): worked examples, the anchor traps other billing
engines shipped (Kill Bill 127 and 139, Lago PR 1840), then hypothesis properties."""

from calendar import monthrange
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from konnect_pos.domain.corporate.billing_cycle import (
    BillingCycle,
    billing_cycle_from_first_activation,
    due_date,
    local_midnight,
)
from konnect_pos.domain.errors import ValidationError

DAR = "Africa/Dar_es_Salaam"  # UTC+3, no DST
KINSHASA = "Africa/Kinshasa"  # UTC+1
LUBUMBASHI = "Africa/Lubumbashi"  # UTC+2


def starts(cycle: BillingCycle, year: int, month: int, count: int) -> list[date]:
    period, found = cycle.period(year, month), []
    for _ in range(count):
        found.append(period.invoice_date)
        period = period.next()
    return found


# --- short months ---------------------------------------------------------------------------


def test_day_31_falls_on_the_last_day_of_shorter_months_and_comes_back_to_31():
    cycle = BillingCycle(31, DAR)
    assert starts(cycle, 2024, 1, 6) == [
        date(2024, 1, 31),
        date(2024, 2, 29),  # leap year
        date(2024, 3, 31),
        date(2024, 4, 30),
        date(2024, 5, 31),
        date(2024, 6, 30),
    ]
    assert starts(cycle, 2025, 1, 4) == [
        date(2025, 1, 31),
        date(2025, 2, 28),
        date(2025, 3, 31),
        date(2025, 4, 30),
    ]


def test_kill_bill_127_day_31_never_stops_nor_drifts_to_the_28th():
    """Kill Bill billed Jan 31 → Feb 28 → Mar 31 and then stopped; we bill for years."""
    cycle = BillingCycle(31, DAR)
    period = cycle.period(2024, 1)
    for _ in range(60):
        following = period.next()
        assert following.start == period.end  # no gap, no overlap
        local = following.invoice_date
        assert local.day == monthrange(local.year, local.month)[1]
        period = following
    assert period.invoice_date == date(2029, 1, 31)


def test_day_29_and_30_in_february_of_leap_and_common_years():
    assert BillingCycle(29, DAR).billing_date(2024, 2) == date(2024, 2, 29)
    assert BillingCycle(29, DAR).billing_date(2025, 2) == date(2025, 2, 28)
    assert BillingCycle(30, DAR).billing_date(2024, 2) == date(2024, 2, 29)
    assert BillingCycle(30, DAR).billing_date(2025, 2) == date(2025, 2, 28)
    assert BillingCycle(30, DAR).billing_date(2024, 3) == date(2024, 3, 30)


def test_lago_1840_a_jan_30_anniversary_billed_on_feb_29_gets_the_right_period():
    cycle = BillingCycle(30, DAR)
    period = cycle.period_containing(datetime(2024, 2, 29, 12, tzinfo=ZoneInfo(DAR)))
    assert (period.invoice_date, period.last_day) == (date(2024, 2, 29), date(2024, 3, 29))
    assert period.length == timedelta(days=30)
    before = cycle.period_containing(datetime(2024, 2, 28, 23, 59, tzinfo=ZoneInfo(DAR)))
    assert (before.invoice_date, before.last_day) == (date(2024, 1, 30), date(2024, 2, 28))
    assert before.length == timedelta(days=30)


def test_period_lengths_follow_the_calendar():
    cycle = BillingCycle(1, "UTC")
    assert cycle.period(2024, 2).length == timedelta(days=29)
    assert cycle.period(2025, 2).length == timedelta(days=28)
    assert cycle.period(2023, 11).length == timedelta(days=30)
    assert BillingCycle(31, "UTC").period(2024, 1).length == timedelta(days=29)  # 31 Jan → 29 Feb


# --- boundaries: time of day and zone --------------------------------------------------------


def test_boundaries_are_local_midnight_of_the_billing_date_held_in_utc():
    period = BillingCycle(15, DAR).period(2024, 3)
    assert period.start == datetime(2024, 3, 14, 21, tzinfo=UTC)
    assert period.end == datetime(2024, 4, 14, 21, tzinfo=UTC)
    assert period.start.astimezone(ZoneInfo(DAR)).time().isoformat() == "00:00:00"
    # DRC has two zones: the same billing day is a different instant in each
    assert BillingCycle(15, KINSHASA).period(2024, 3).start == datetime(2024, 3, 14, 23, tzinfo=UTC)
    assert BillingCycle(15, LUBUMBASHI).period(2024, 3).start == datetime(2024, 3, 14, 22, tzinfo=UTC)


def test_an_instant_on_a_boundary_belongs_to_the_new_period():
    cycle = BillingCycle(15, DAR)
    boundary = cycle.period(2024, 3).start
    assert cycle.period_containing(boundary).invoice_date == date(2024, 3, 15)
    assert cycle.period_containing(boundary - timedelta(microseconds=1)).invoice_date == date(2024, 2, 15)


def test_the_zone_of_the_instant_given_does_not_change_its_period():
    """Kill Bill 139: the same moment written in another offset must land in the same period."""
    cycle = BillingCycle(1, DAR)
    moment = datetime(2024, 2, 29, 22, 30, tzinfo=UTC)  # 1 March 01:30 in Dar es Salaam
    for offset in (0, 3, -5, 14):
        written = moment.astimezone(timezone(timedelta(hours=offset)))
        assert cycle.period_containing(written).invoice_date == date(2024, 3, 1)


def test_daylight_saving_zones_keep_periods_contiguous():
    cycle = BillingCycle(8, "America/Santiago")  # clocks jump from 00:00 to 01:00 on 8 Sep 2024
    period = cycle.period(2024, 9)
    local = period.start.astimezone(ZoneInfo("America/Santiago"))
    assert (local.date(), local.hour) == (date(2024, 9, 8), 1)  # the first real instant of the day
    assert period.previous().end == period.start
    assert period.length == timedelta(days=30, hours=-1)
    paris = BillingCycle(27, "Europe/Paris").period(2024, 10)  # 25-hour day on 27 Oct 2024
    assert paris.start == datetime(2024, 10, 26, 22, tzinfo=UTC)


def test_periods_between_a_range():
    cycle = BillingCycle(31, "UTC")
    periods = cycle.periods_between(datetime(2024, 1, 15, tzinfo=UTC), datetime(2024, 4, 1, tzinfo=UTC))
    assert [p.invoice_date for p in periods] == [
        date(2023, 12, 31),
        date(2024, 1, 31),
        date(2024, 2, 29),
        date(2024, 3, 31),
    ]
    assert cycle.periods_between(datetime(2024, 2, 1, tzinfo=UTC), datetime(2024, 2, 1, tzinfo=UTC)) == []


# --- billing day from the first activation ----------------------------------------------------


def test_the_billing_day_comes_from_the_first_lines_activation_in_the_account_zone():
    first = datetime(2024, 1, 31, 22, 30, tzinfo=UTC)  # 1 February 01:30 in Dar es Salaam
    later = datetime(2024, 2, 17, 9, tzinfo=UTC)
    assert billing_cycle_from_first_activation([later, first], DAR) == BillingCycle(1, DAR)
    assert billing_cycle_from_first_activation([first], "UTC") == BillingCycle(31, "UTC")


def test_due_date_is_seven_days_after_the_invoice_unless_the_contract_says_otherwise():
    assert due_date(date(2024, 2, 29)) == date(2024, 3, 7)
    assert due_date(date(2024, 12, 31), 30) == date(2025, 1, 30)
    assert due_date(date(2024, 3, 1), 0) == date(2024, 3, 1)


@pytest.mark.parametrize("day", [0, 32, -1, True, "1"])
def test_billing_day_out_of_range_is_refused(day):
    with pytest.raises(ValidationError) as error:
        BillingCycle(day, DAR)
    assert error.value.field == "billing_day"


def test_bad_inputs_are_refused_with_a_clear_message():
    with pytest.raises(ValidationError, match="Unknown time zone"):
        BillingCycle(1, "Africa/Atlantis")
    with pytest.raises(ValidationError, match="time zone"):
        BillingCycle(1, DAR).period_containing(datetime(2024, 1, 1))
    with pytest.raises(ValidationError, match="activated service line"):
        billing_cycle_from_first_activation([], DAR)
    with pytest.raises(ValidationError, match="Payment terms"):
        due_date(date(2024, 1, 1), -1)


# --- properties ----------------------------------------------------------------------------

ZONES = st.sampled_from(
    [DAR, KINSHASA, LUBUMBASHI, "Africa/Abidjan", "UTC", "America/Santiago", "Europe/Paris"]
)


@given(
    day=st.integers(1, 31),
    zone=ZONES,
    year=st.integers(2020, 2030),
    month=st.integers(1, 12),
    count=st.integers(1, 30),
)
def test_periods_always_chain_from_the_anchor_day(day, zone, year, month, count):
    cycle = BillingCycle(day, zone)
    period = cycle.period(year, month)
    for _ in range(count):
        following = period.next()
        assert following.start == period.end
        assert following.previous() == period
        local = following.invoice_date
        assert local.day == min(day, monthrange(local.year, local.month)[1])
        assert following.start == local_midnight(local, zone)
        period = following


@given(
    day=st.integers(1, 31),
    zone=ZONES,
    instant=st.datetimes(
        min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)
    ),
)
def test_every_instant_is_in_exactly_one_period(day, zone, instant):
    cycle = BillingCycle(day, zone)
    period = cycle.period_containing(instant)
    assert period.start <= instant < period.end
    assert not period.next().contains(instant) and not period.previous().contains(instant)
