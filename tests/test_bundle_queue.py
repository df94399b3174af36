"""The pure bundle queue: worked examples of each rule, then hypothesis properties."""

import ast
import itertools
import string
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from konnect_pos.domain import bundle_queue
from konnect_pos.domain.bundle_queue import (
    AccountStatus,
    ActivationTrigger,
    BundleState,
    BundleTerms,
    BundleUsage,
    QueuedBundle,
    Trigger,
    move,
    plan_sale,
    project,
    retrigger,
)
from konnect_pos.domain.errors import ValidationError
from konnect_pos.paths import RESOURCES

T0 = datetime(2026, 1, 31, 10, 37, tzinfo=UTC)
LITE = BundleTerms("LITE15", "Lite 15 GB", Decimal(15), 30)
WEEK = BundleTerms("WEEK5", "Week 5 GB", Decimal(5), 7)
DAY = BundleTerms("DAY1", "Day 1 GB", Decimal("1.5"), 1)
PE, DE, IM = ActivationTrigger.PERIOD_END, ActivationTrigger.DATA_EXHAUSTED, ActivationTrigger.IMMEDIATE


def days(n: float) -> timedelta:
    return timedelta(days=n)


def sale(purchases, items, at, readings=()):
    """Purchases after selling ``items`` [(terms, trigger)] at ``at`` (ids p0, p1, …)."""
    start = len(purchases)
    planned = plan_sale(
        purchases, readings, [(f"p{start + i}", t, trig) for i, (t, trig) in enumerate(items)], at
    )
    return [*purchases, *planned]


def entry(timeline, purchase_id):
    return next(e for e in timeline.entries if e.purchase_id == purchase_id)


# --- sales ---------------------------------------------------------------------------


def test_trigger_values_are_the_stored_strings():
    assert [t.value for t in ActivationTrigger] == ["immediate", "period_end", "data_exhausted"]
    assert Trigger is ActivationTrigger


def test_sale_on_a_dormant_account_starts_its_first_bundle_and_queues_the_rest():
    purchases = sale([], [(LITE, DE), (WEEK, PE), (DAY, DE)], T0)
    assert [p.trigger for p in purchases] == [IM, PE, DE]  # the first item's choice is ignored
    assert [p.position for p in purchases] == [1, 2, 3]
    timeline = project(purchases, [], T0)
    assert timeline.status is AccountStatus.ACTIVE
    assert [e.state for e in timeline.entries] == [BundleState.ACTIVE, BundleState.QUEUED, BundleState.QUEUED]
    first = timeline.entries[0]
    assert first.starts_at == T0 and first.starts_exact and first.data_left_gb == Decimal(15)


def test_end_of_the_month_is_the_end_of_the_validity_period_to_the_instant():
    purchases = sale([], [(LITE, None), (WEEK, PE)], T0)
    first, second = project(purchases, [], T0).entries
    # Sold 31 January 10:37: 30 days later, not the end of January nor of February.
    assert first.period_end == datetime(2026, 3, 2, 10, 37, tzinfo=UTC) == first.ends_at
    assert first.ends_exact and second.starts_at == first.period_end and second.starts_exact
    assert second.period_end == first.period_end + days(7) and second.ends_exact


def test_sale_on_an_active_account_queues_every_bundle_behind_the_queue():
    purchases = sale([], [(LITE, None), (WEEK, DE)], T0)
    purchases = sale(purchases, [(WEEK, None), (LITE, DE)], T0 + days(1))
    assert [p.trigger for p in purchases] == [IM, DE, PE, DE]  # no choice means the end of the period
    assert [p.position for p in purchases] == [1, 2, 3, 4]
    assert [e.state for e in project(purchases, [], T0 + days(1)).queued] == [BundleState.QUEUED] * 3


def test_immediate_is_refused_for_a_bundle_that_must_queue():
    purchases = sale([], [(LITE, None)], T0)
    with pytest.raises(ValidationError) as refused:
        plan_sale(purchases, [], [("p1", WEEK, IM)], T0 + days(1))
    assert refused.value.field == "trigger"
    with pytest.raises(ValidationError):
        plan_sale([], [], [("p0", WEEK, None), ("p1", WEEK, "immediate")], T0)


def test_account_goes_dormant_stays_open_and_the_next_sale_restarts_it_at_once():
    purchases = sale([], [(WEEK, None)], T0)
    assert project(purchases, [], T0 + days(7) - timedelta(seconds=1)).status is AccountStatus.ACTIVE
    assert project(purchases, [], T0 + days(7)).status is AccountStatus.DORMANT
    later = T0 + days(40)
    purchases = sale(purchases, [(LITE, DE), (WEEK, DE)], later)
    timeline = project(purchases, [], later)
    assert timeline.status is AccountStatus.ACTIVE
    assert [e.trigger for e in timeline.entries] == [IM, IM, DE]
    assert timeline.entries[1].starts_at == later and timeline.entries[1].state is BundleState.ACTIVE


def test_empty_cart_and_a_reused_id_are_refused():
    with pytest.raises(ValidationError) as empty:
        plan_sale([], [], [], T0)
    assert empty.value.template == "Choose at least one bundle"
    purchases = sale([], [(LITE, None)], T0)
    with pytest.raises(ValidationError):
        plan_sale(purchases, [], [("p0", WEEK, PE)], T0)


def test_two_immediate_sales_recorded_offline_queue_instead_of_overlapping():
    # Two terminals each saw a dormant account and sold an "immediate" bundle.
    first = QueuedBundle("a", LITE, IM, T0, position=1)
    second = QueuedBundle("b", WEEK, IM, T0 + days(1), position=2)
    one, two = project([first, second], [], T0 + days(2)).entries
    assert one.state is BundleState.ACTIVE and two.state is BundleState.QUEUED
    assert two.starts_at == one.ends_at == T0 + days(30)


# --- hand-overs and readings -----------------------------------------------------------


def test_data_exhausted_successor_is_a_bound_until_the_data_runs_out():
    purchases = sale([], [(LITE, None), (WEEK, DE)], T0)
    first, second = project(purchases, [], T0 + days(3)).entries
    assert not first.ends_exact and not second.starts_exact and second.starts_at == first.period_end
    assert not second.ends_exact and second.period_end == first.period_end + days(7)
    used_up = BundleUsage(T0 + days(10), Decimal(15))
    first, second = project(purchases, [used_up], T0 + days(11)).entries
    assert first.state is BundleState.USED and first.exhausted_at == used_up.at == first.ends_at
    assert second.state is BundleState.ACTIVE and second.starts_at == used_up.at and second.starts_exact
    # The reading taken at the hand-over is the outgoing bundle's last, not the new one's first.
    assert second.data_left_gb == Decimal(5)


def test_data_exhausted_successor_starts_at_the_period_end_when_that_comes_first():
    purchases = sale([], [(LITE, None), (WEEK, DE)], T0)
    readings = [BundleUsage(T0 + days(29), Decimal(14))]
    first, second = project(purchases, readings, T0 + days(31)).entries
    assert first.state is BundleState.USED and first.ends_exact and first.exhausted_at is None
    assert second.starts_at == T0 + days(30) and second.starts_exact


def test_exhausted_bundle_before_a_period_end_successor_stays_on_throttled_until_its_period_end():
    purchases = sale([], [(LITE, None), (WEEK, PE)], T0)
    reading = BundleUsage(T0 + days(5), Decimal(20))
    first, second = project(purchases, [reading], T0 + days(6)).entries
    assert first.state is BundleState.ACTIVE and first.data_left_gb == 0
    assert first.exhausted_at == reading.at and first.ends_at == T0 + days(30)
    assert second.starts_at == T0 + days(30)


def test_data_left_at_a_period_end_hand_over_is_forfeited():
    purchases = sale([], [(LITE, None), (WEEK, PE)], T0)
    reading = BundleUsage(T0 + days(2), Decimal(3))
    first, second = project(purchases, [reading], T0 + days(31)).entries
    assert first.state is BundleState.USED
    assert second.state is BundleState.ACTIVE and second.data_left_gb == WEEK.data_gb  # 12 GB not carried


def test_exhaustion_is_the_first_reading_at_or_over_the_allowance():
    purchases = sale([], [(WEEK, None), (DAY, DE)], T0)
    readings = [
        BundleUsage(T0 + days(1), Decimal(2)),
        BundleUsage(T0 + days(2), Decimal(5)),  # exactly the allowance: used up here
        BundleUsage(T0 + days(3), Decimal(7)),
    ]
    first, _ = project(purchases, readings, T0 + days(4)).entries
    assert first.exhausted_at == T0 + days(2)


def test_a_lower_later_reading_never_gives_data_back():
    purchases = sale([], [(WEEK, None)], T0)
    readings = [BundleUsage(T0 + days(1), Decimal(4)), BundleUsage(T0 + days(2), Decimal(1))]
    assert project(purchases, readings, T0 + days(3)).active.data_left_gb == Decimal(1)
    readings.append(BundleUsage(T0 + days(3), Decimal(5)))
    readings.append(BundleUsage(T0 + days(4), Decimal(0)))
    assert project(purchases, readings, T0 + days(5)).active.exhausted_at == T0 + days(3)


def test_readings_before_a_bundle_started_or_after_the_instant_do_not_count():
    purchases = sale([], [(LITE, None), (WEEK, DE)], T0)
    early = BundleUsage(T0 + days(1), Decimal(5), purchase_id="p1")  # p1 had not started yet
    before_sale = BundleUsage(T0 - days(1), Decimal(15))
    unknown = BundleUsage(T0 + days(1), Decimal(15), purchase_id="elsewhere")
    future = BundleUsage(T0 + days(9), Decimal(15))
    readings = [early, before_sale, unknown, future]
    first, second = project(purchases, readings, T0 + days(2)).entries
    assert first.data_left_gb == Decimal(15) and second.state is BundleState.QUEUED
    # Once the first bundle's exhaustion is on record, the second starts; the tagged
    # reading taken before that start still does not count for it.
    first, second = project(purchases, readings, T0 + days(10)).entries
    assert second.starts_at == future.at and second.data_left_gb == Decimal(5)


def test_a_tagged_reading_counts_for_its_bundle():
    purchases = sale([], [(LITE, None), (WEEK, PE)], T0)
    readings = [BundleUsage(T0 + days(31), Decimal(2), purchase_id="p1")]
    assert project(purchases, readings, T0 + days(32)).active.data_left_gb == Decimal(3)


def test_data_exhausted_bundle_bought_after_the_data_ran_out_starts_at_the_sale_not_before():
    purchases = sale([], [(LITE, None)], T0)
    readings = [BundleUsage(T0 + days(5), Decimal(15))]
    assert project(purchases, readings, T0 + days(6)).status is AccountStatus.ACTIVE  # throttled
    purchases = sale(purchases, [(WEEK, DE), (DAY, DE)], T0 + days(6), readings)
    first, second, third = project(purchases, readings, T0 + days(6)).entries
    assert first.state is BundleState.USED and first.ends_at == T0 + days(6)
    assert second.state is BundleState.ACTIVE and second.starts_at == T0 + days(6)
    assert third.starts_at == second.period_end and not third.starts_exact


def test_bundle_queued_behind_a_queue_found_later_to_have_ended_starts_at_its_sale():
    # Sold as "period_end" while the account looked active; a reading synced later shows
    # the queue had run out before the sale: the bundle starts at its sale, not before.
    purchases = [
        QueuedBundle("week", WEEK, IM, T0, position=1),
        QueuedBundle("day", DAY, DE, T0 + timedelta(hours=1), position=2),
        QueuedBundle("lite", LITE, PE, T0 + days(2.5), position=3),
    ]
    synced = [BundleUsage(T0 + days(1), Decimal(5))]
    week, day, lite = project(purchases, synced, T0 + days(3)).entries
    assert week.ends_at == day.starts_at == T0 + days(1) and day.ends_at == T0 + days(2)
    assert lite.starts_at == T0 + days(2.5) and lite.state is BundleState.ACTIVE
    assert project(purchases, synced, T0 + days(2.2)).status is AccountStatus.DORMANT


def test_times_in_other_zones_are_kept_in_utc():
    kinshasa = timezone(timedelta(hours=1))
    local = datetime(2026, 1, 31, 11, 37, tzinfo=kinshasa)
    purchase = QueuedBundle("a", WEEK, IM, local)
    assert purchase.sold_at == T0 and purchase.sold_at.tzinfo is UTC
    assert project([purchase], [], local).entries[0].starts_at.tzinfo is UTC


# --- queue changes ------------------------------------------------------------------


def queue_of_three():
    return sale([], [(LITE, None), (WEEK, PE), (DAY, DE)], T0)


def test_reorder_waiting_bundles_only():
    purchases = queue_of_three()
    moved = move(purchases, [], T0, "p2", 1)
    assert [(p.id, p.position) for p in moved] == [("p0", 1), ("p2", 2), ("p1", 3)]
    assert moved[1].trigger_set_at == T0 and moved[2].trigger_set_at == T0
    _, second, third = project(moved, [], T0).entries
    assert second.trigger is DE and not second.starts_exact and third.starts_at == second.ends_at
    with pytest.raises(ValidationError) as started:
        move(purchases, [], T0, "p0", 2)
    assert started.value.params == {"code": "LITE15"}
    for bad_index in (0, 3, -1):
        with pytest.raises(ValidationError):
            move(purchases, [], T0, "p2", bad_index)
    with pytest.raises(ValidationError):
        move(purchases, [], T0, "nope", 1)


def test_a_used_bundle_cannot_be_changed():
    purchases = queue_of_three()
    later = T0 + days(31)
    with pytest.raises(ValidationError):
        retrigger(purchases, [], later, "p0", DE)
    with pytest.raises(ValidationError):
        retrigger(purchases, [], later, "p1", DE)  # active now
    assert retrigger(purchases, [], later, "p2", PE)[2].trigger is PE


def test_retrigger_refuses_immediate_and_unknown_triggers():
    purchases = queue_of_three()
    changed = retrigger(purchases, [], T0, "p1", DE)
    assert changed[1].trigger is DE and changed[1].trigger_set_at == T0
    with pytest.raises(ValidationError) as immediate:
        retrigger(purchases, [], T0, "p1", IM)
    assert immediate.value.field == "trigger"
    with pytest.raises(ValidationError):
        retrigger(purchases, [], T0, "p1", "tomorrow")
    assert retrigger(purchases, [], T0, "p1", PE) == purchases  # same trigger: nothing changes


def test_switching_to_data_exhausted_when_the_data_is_already_used_up_starts_the_bundle_now():
    purchases = queue_of_three()
    readings = [BundleUsage(T0 + days(5), Decimal(15))]
    now = T0 + days(6)
    changed = retrigger(purchases, readings, now, "p1", DE)
    first, second, _ = project(changed, readings, now).entries
    assert first.state is BundleState.USED and first.ends_at == now  # not rewritten back to day 5
    assert second.state is BundleState.ACTIVE and second.starts_at == now


# --- validation -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: BundleTerms("X", "X", Decimal(-1), 30), "data_gb"),
        (lambda: BundleTerms("X", "X", Decimal(0), 30), "data_gb"),
        (lambda: BundleTerms("X", "X", 1.5, 30), "data_gb"),
        (lambda: BundleTerms("X", "X", Decimal("NaN"), 30), "data_gb"),
        (lambda: BundleTerms("X", "X", Decimal(1), 0), "validity_days"),
        (lambda: BundleTerms("X", "X", Decimal(1), -3), "validity_days"),
        (lambda: BundleTerms("X", "X", Decimal(1), 1.5), "validity_days"),
        (lambda: BundleUsage(T0, Decimal(-1)), "gb_used"),
        (lambda: BundleUsage(T0, 0.5), "gb_used"),
        (lambda: BundleUsage(datetime(2026, 1, 1), Decimal(1)), "at"),
        (lambda: QueuedBundle("a", WEEK, PE, datetime(2026, 1, 1)), "sold_at"),
        (lambda: QueuedBundle("a", WEEK, PE, T0, trigger_set_at=datetime(2026, 1, 1)), "trigger_set_at"),
        (lambda: QueuedBundle("a", WEEK, "later", T0), "trigger"),
        (lambda: QueuedBundle("a", WEEK, PE, T0, position=-1), "position"),
        (lambda: QueuedBundle("", WEEK, PE, T0), "id"),
        (lambda: project([], [], datetime(2026, 1, 1)), "at"),
        (lambda: plan_sale([], [], [("a", WEEK, None)], datetime(2026, 1, 1)), "at"),
        (lambda: project([QueuedBundle("a", WEEK, IM, T0)] * 2, [], T0), "id"),
        (
            lambda: project([QueuedBundle("a", WEEK, IM, T0, 1), QueuedBundle("b", WEEK, PE, T0, 1)], [], T0),
            "position",
        ),
    ],
)
def test_bad_input_is_refused(build, field):
    with pytest.raises(ValidationError) as refused:
        build()
    assert refused.value.field == field


def test_positions_decide_the_order_and_unassigned_ones_keep_list_order():
    a, b = QueuedBundle("a", WEEK, IM, T0, position=2), QueuedBundle("b", DAY, PE, T0, position=1)
    assert [e.purchase_id for e in project([a, b], [], T0).entries] == ["b", "a"]
    c, d = QueuedBundle("c", WEEK, IM, T0), QueuedBundle("d", DAY, PE, T0)
    assert [e.position for e in project([c, d], [], T0).entries] == [1, 2]


# --- translations ---------------------------------------------------------------------


def raised_templates() -> set[str]:
    tree = ast.parse(Path(bundle_queue.__file__).read_text(encoding="utf-8"))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "ValidationError"
        and isinstance(node.args[0], ast.Constant)
    }


@pytest.mark.parametrize("lang", ["fr", "sw"])
def test_every_template_is_translated_with_its_placeholders(lang):
    path = RESOURCES / "locale" / lang / "bundle_queue.po"
    with path.open("rb") as handle:
        catalog = {m.id: m.string for m in read_po(handle, locale=lang) if m.id}
    templates = raised_templates()
    assert templates and templates <= set(catalog)
    for template in templates:
        params = {name: "X" for _, name, _, _ in string.Formatter().parse(template) if name}
        assert catalog[template] and catalog[template].format(**params)
        assert sorted(params) == sorted(
            name for _, name, _, _ in string.Formatter().parse(catalog[template]) if name
        )


# --- properties -----------------------------------------------------------------------

TERMS = st.sampled_from([LITE, WEEK, DAY])
CHOSEN = st.sampled_from([None, PE, DE])
STEPS = ("sale", "sale", "reading", "reading", "reading", "move", "retrigger")


def unchanged_past(before, after, at):
    """Queue changes at ``at`` leave everything that had started by then as it was."""
    for old in before.entries:
        new = entry(after, old.purchase_id)
        if old.starts_exact and old.starts_at <= at:
            assert (new.starts_at, new.starts_exact) == (old.starts_at, old.starts_exact)
        if old.state is BundleState.USED:
            assert (new.ends_at, new.state) == (old.ends_at, BundleState.USED)
        if old.state is BundleState.ACTIVE:
            assert new.ends_at >= at


def history(data):
    """A random account life, built the way the services build it, checking each step."""
    purchases, readings, at = [], [], T0
    for _ in range(data.draw(st.integers(min_value=1, max_value=10), label="steps")):
        at = at + timedelta(minutes=data.draw(st.integers(min_value=1, max_value=20 * 24 * 60)))
        step = data.draw(st.sampled_from(STEPS))
        timeline = project(purchases, readings, at)
        if step == "sale":
            items = data.draw(st.lists(st.tuples(TERMS, CHOSEN), min_size=1, max_size=3))
            purchases = sale(purchases, items, at, readings)
            after = project(purchases, readings, at)
            unchanged_past(timeline, after, at)
            if timeline.status is AccountStatus.DORMANT:
                first = after.entries[len(timeline.entries)]
                assert first.state is BundleState.ACTIVE and first.starts_at == at and first.starts_exact
        elif step == "reading":
            tag = data.draw(st.sampled_from([None, "active", *(p.id for p in purchases)]))
            if tag == "active":
                tag = timeline.active.purchase_id if timeline.active else None
            gb = data.draw(st.decimals(min_value=0, max_value=20, places=1))
            readings.append(BundleUsage(at, gb, tag))
        elif timeline.queued:
            chosen = data.draw(st.sampled_from(timeline.queued))
            if step == "move":
                first_queued = len(timeline.entries) - len(timeline.queued)
                to = data.draw(st.integers(min_value=first_queued, max_value=len(timeline.entries) - 1))
                changed = move(purchases, readings, at, chosen.purchase_id, to)
                assert sorted(p.id for p in changed) == sorted(p.id for p in purchases)
            else:
                changed = retrigger(
                    purchases, readings, at, chosen.purchase_id, data.draw(st.sampled_from([PE, DE]))
                )
            unchanged_past(timeline, project(changed, readings, at), at)
            purchases = changed
    return purchases, readings, at


@given(st.data())
def test_queue_invariants(data):
    purchases, readings, last = history(data)
    at = last + timedelta(minutes=data.draw(st.integers(min_value=0, max_value=120 * 24 * 60)))
    timeline = project(purchases, readings, at)
    entries = timeline.entries
    sold = {p.id: p.sold_at for p in purchases}
    # Never two bundles active at one instant (in this projection, nor in its exact intervals).
    assert sum(e.state is BundleState.ACTIVE for e in entries) <= 1
    for a, b in itertools.combinations([e for e in entries if e.starts_exact and e.ends_exact], 2):
        assert a.ends_at <= b.starts_at or b.ends_at <= a.starts_at or a.starts_at == a.ends_at
    # Bundles activate in queue order: used ones, at most one active, then the waiting ones.
    states = [e.state for e in entries]
    assert states == sorted(states, key=[BundleState.USED, BundleState.ACTIVE, BundleState.QUEUED].index)
    for before, after in itertools.pairwise(entries):
        assert after.starts_at >= before.ends_at
        if after.trigger is not IM:  # hand-overs are continuous
            assert (after.starts_at, after.starts_exact) == (before.ends_at, before.ends_exact)
        if after.trigger is DE:
            assert after.starts_at <= before.period_end
    for e in entries:
        assert e.starts_at <= e.ends_at <= e.period_end == e.starts_at + days(e.terms.validity_days)
        assert e.starts_at >= sold[e.purchase_id]
        assert (e.data_left_gb is not None) == (e.state is BundleState.ACTIVE)
    # Dormant only after the last bundle ended.
    if timeline.status is AccountStatus.DORMANT:
        assert all(s is BundleState.USED for s in states)
        assert not entries or (entries[-1].ends_exact and entries[-1].ends_at <= at)
    else:
        assert timeline.active is not None


@given(st.data())
def test_what_is_used_stays_used(data):
    purchases, readings, last = history(data)
    first = last + timedelta(minutes=data.draw(st.integers(min_value=0, max_value=60 * 24 * 60)))
    second = first + timedelta(minutes=data.draw(st.integers(min_value=1, max_value=60 * 24 * 60)))
    earlier, later = project(purchases, readings, first), project(purchases, readings, second)
    for a, b in zip(earlier.entries, later.entries, strict=True):
        if a.state is BundleState.USED:
            assert b == a
        if a.state is not BundleState.QUEUED:
            assert b.state is not BundleState.QUEUED and b.starts_at == a.starts_at


@given(st.data())
def test_readings_after_the_instant_do_not_matter(data):
    purchases, readings, last = history(data)
    at = last - timedelta(minutes=data.draw(st.integers(min_value=0, max_value=30 * 24 * 60)))
    known = [r for r in readings if r.at <= at]
    assert project(purchases, readings, at) == project(purchases, known, at)


@given(st.data())
def test_a_sale_on_a_dormant_account_starts_at_the_sale_instant(data):
    purchases, readings, last = history(data)
    far = last + days(400)
    items = data.draw(st.lists(st.tuples(TERMS, CHOSEN), min_size=1, max_size=3))
    purchases = sale(purchases, items, far, readings)
    timeline = project(purchases, readings, far)
    started = timeline.entries[-len(items)]
    assert started.state is BundleState.ACTIVE and started.starts_at == far and started.trigger is IM
