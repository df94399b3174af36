import itertools
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from konnect_pos.domain.bundle_queue import (
    AccountStatus,
    BundleState,
    BundleTerms,
    Trigger,
    UsageReading,
    move,
    plan_sale,
    project,
    retrigger,
)
from konnect_pos.domain.errors import ValidationError

T0 = datetime(2026, 11, 1, 10, 0, tzinfo=UTC)
LITE = BundleTerms("LITE15", "Lite 15 GB", Decimal(15), 30)
WEEK = BundleTerms("WEEK5", "Week 5 GB", Decimal(5), 7)


def sale(purchases, items, at, readings=()):
    start = len(purchases)
    planned = plan_sale(
        purchases, readings, [(f"p{start + i}", t, trig) for i, (t, trig) in enumerate(items)], at
    )
    return [*purchases, *planned]


def test_first_bundle_on_a_dormant_account_starts_at_the_sale():
    purchases = sale([], [(LITE, None)], T0)
    timeline = project(purchases, [], T0)
    assert timeline.status is AccountStatus.ACTIVE
    (entry,) = timeline.entries
    assert (
        entry.trigger is Trigger.IMMEDIATE
        and entry.starts_at == T0
        and entry.ends_at == T0 + timedelta(days=30)
    )


def test_period_end_successor_starts_exactly_at_the_period_end():
    purchases = sale([], [(LITE, None), (WEEK, Trigger.PERIOD_END)], T0)
    first, second = project(purchases, [], T0).entries
    assert second.state is BundleState.QUEUED
    assert second.starts_at == first.period_end and second.starts_exact


def test_data_exhausted_successor_is_no_later_than_the_period_end_until_data_runs_out():
    purchases = sale([], [(LITE, None), (WEEK, Trigger.DATA_EXHAUSTED)], T0)
    first, second = project(purchases, [], T0 + timedelta(days=3)).entries
    assert not second.starts_exact and second.starts_at == first.period_end
    used_up = UsageReading(T0 + timedelta(days=10), Decimal(15))
    first, second = project(purchases, [used_up], T0 + timedelta(days=11)).entries
    assert first.state is BundleState.USED and first.exhausted_at == used_up.at
    assert second.state is BundleState.ACTIVE and second.starts_at == used_up.at and second.starts_exact


def test_exhausted_bundle_followed_by_period_end_stays_active_until_its_period_end():
    purchases = sale([], [(LITE, None), (WEEK, Trigger.PERIOD_END)], T0)
    reading = UsageReading(T0 + timedelta(days=5), Decimal(20))
    first, second = project(purchases, [reading], T0 + timedelta(days=6)).entries
    assert first.state is BundleState.ACTIVE and first.data_left_gb == 0
    assert second.starts_at == T0 + timedelta(days=30)


def test_data_left_at_a_period_end_hand_over_is_forfeited():
    purchases = sale([], [(LITE, None), (WEEK, Trigger.PERIOD_END)], T0)
    reading = UsageReading(T0 + timedelta(days=2), Decimal(3))
    later = T0 + timedelta(days=31)
    first, second = project(purchases, [reading], later).entries
    assert first.state is BundleState.USED
    assert second.state is BundleState.ACTIVE and second.data_left_gb == WEEK.data_gb  # nothing carried over


def test_sale_on_an_active_account_queues_every_bundle():
    purchases = sale([], [(LITE, None)], T0)
    purchases = sale(purchases, [(WEEK, None), (LITE, Trigger.DATA_EXHAUSTED)], T0 + timedelta(days=1))
    assert [p.trigger for p in purchases] == [Trigger.IMMEDIATE, Trigger.PERIOD_END, Trigger.DATA_EXHAUSTED]


def test_account_goes_dormant_and_the_next_sale_restarts_it_at_once():
    purchases = sale([], [(WEEK, None)], T0)
    later = T0 + timedelta(days=9)
    assert project(purchases, [], later).status is AccountStatus.DORMANT
    purchases = sale(purchases, [(LITE, Trigger.DATA_EXHAUSTED)], later)
    timeline = project(purchases, [], later)
    assert timeline.status is AccountStatus.ACTIVE
    assert timeline.entries[-1].trigger is Trigger.IMMEDIATE and timeline.entries[-1].starts_at == later


def test_empty_sale_and_naive_times_are_refused():
    with pytest.raises(ValidationError):
        plan_sale([], [], [], T0)
    with pytest.raises(ValidationError):
        project([], [], datetime(2026, 1, 1))
    with pytest.raises(ValidationError):
        project([], [UsageReading(T0, Decimal(-1))], T0)


def test_reorder_and_retrigger_only_queued_bundles():
    purchases = sale([], [(LITE, None), (WEEK, Trigger.PERIOD_END), (LITE, Trigger.DATA_EXHAUSTED)], T0)
    moved = move(purchases, [], T0, "p2", 1)
    assert [p.id for p in moved] == ["p0", "p2", "p1"]
    changed = retrigger(purchases, [], T0, "p1", Trigger.DATA_EXHAUSTED)
    assert changed[1].trigger is Trigger.DATA_EXHAUSTED
    with pytest.raises(ValidationError):
        move(purchases, [], T0, "p0", 2)  # the active bundle stays
    with pytest.raises(ValidationError):
        move(purchases, [], T0, "p2", 0)  # nothing goes before the active bundle
    with pytest.raises(ValidationError):
        retrigger(purchases, [], T0, "p1", Trigger.IMMEDIATE)


terms = st.sampled_from([LITE, WEEK, BundleTerms("X", "X 1 GB", Decimal(1), 1)])
triggers = st.sampled_from([None, Trigger.PERIOD_END, Trigger.DATA_EXHAUSTED])
events = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=40 * 24),  # hours after the previous event
        st.lists(st.tuples(terms, triggers), min_size=1, max_size=3),
        st.one_of(st.none(), st.decimals(min_value=0, max_value=20, places=1)),
    ),
    min_size=1,
    max_size=6,
)


def build(history):
    purchases, readings, at = [], [], T0
    for hours, items, gb in history:
        at = at + timedelta(hours=hours)
        if gb is not None:
            readings.append(UsageReading(at, gb))
        purchases = sale(purchases, items, at, readings)
    return purchases, readings, at


@given(events, st.integers(min_value=0, max_value=200 * 24))
def test_queue_invariants(history, probe_hours):
    purchases, readings, last = build(history)
    at = last + timedelta(hours=probe_hours)
    timeline = project(purchases, readings, at)
    entries = timeline.entries
    assert sum(e.state is BundleState.ACTIVE for e in entries) <= 1
    for before, after in itertools.pairwise(entries):
        assert after.starts_at >= before.ends_at - timedelta(0)  # never overlapping
        if after.trigger is not Trigger.IMMEDIATE:
            assert after.starts_at == before.ends_at  # continuous hand-over
        if after.trigger is Trigger.DATA_EXHAUSTED:
            assert after.starts_at <= before.period_end
        assert (before.state, after.state) != (BundleState.QUEUED, BundleState.ACTIVE)
    for entry in entries:
        assert entry.ends_at - entry.starts_at <= timedelta(days=entry.terms.validity_days)
    if timeline.status is AccountStatus.DORMANT:
        assert all(e.state is BundleState.USED for e in entries)


@given(events, st.integers(min_value=0, max_value=100 * 24), st.integers(min_value=1, max_value=100 * 24))
def test_what_is_used_stays_used(history, first_hours, more_hours):
    purchases, readings, last = build(history)
    earlier = project(purchases, readings, last + timedelta(hours=first_hours))
    later = project(purchases, readings, last + timedelta(hours=first_hours + more_hours))
    for a, b in zip(earlier.entries, later.entries, strict=True):
        if a.state is BundleState.USED:
            assert b.state is BundleState.USED


@given(events)
def test_a_sale_on_a_dormant_account_starts_at_the_sale_instant(history):
    purchases, readings, last = build(history)
    far = last + timedelta(days=400)
    purchases = sale(purchases, [(WEEK, Trigger.DATA_EXHAUSTED)], far, readings)
    entry = project(purchases, readings, far).entries[-1]
    assert entry.state is BundleState.ACTIVE and entry.starts_at == far
