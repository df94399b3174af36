"""The day as the counter shows it, and the close rules (blind close, comment above a variance),
on SQLite and PostgreSQL."""

import pytest

from konnect_pos.domain.errors import PermissionDenied, StateError, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.services import business_day, outlet_settings
from konnect_pos.services.session import sign_in
from konnect_pos.store.models import DayClose


def usd(value):
    return Money.of(value, "USD")


@pytest.fixture
def manager(demo_db, clock):
    return sign_in("KIN01-T1", "manager", "222222", clock)


@pytest.fixture
def admin(demo_db, clock):
    return sign_in("KIN01-T1", "admin", "999999", clock)


SHORT_TEN = {"USD": {"note:20": 2}, "CDF": {"note:20000": 1}}  # float 50 USD + 20,000 CDF


def test_the_day_state_says_who_opened_and_closed_and_whether_the_counter_sells(manager, clock):
    state = business_day.check_can_sell(manager)
    assert (state.status, state.can_sell, state.opened_by) == ("open", True, "Joseph Manager")
    business_day.close_day(manager, SHORT_TEN, comment="ten short")
    state = business_day.day_state(manager)
    assert (state.status, state.closed_by, state.z_number) == ("closed", "Joseph Manager", 1)
    with pytest.raises(StateError, match="a manager opens tomorrow's day"):
        business_day.check_can_sell(manager)
    clock.advance(days=1)
    state = business_day.day_state(manager)
    assert state.status == "not_opened" and not state.can_sell
    with pytest.raises(StateError, match="must open it"):
        business_day.check_can_sell(manager)
    business_day.open_day(manager, {})
    clock.advance(days=1)
    with pytest.raises(StateError, match="still open: a manager must close it first"):
        business_day.check_can_sell(manager)


def test_a_variance_above_the_threshold_needs_a_comment_and_nothing_is_written(manager):
    summary = business_day.review_close(manager, SHORT_TEN)
    usd_count = next(c for c in summary.counts if c.currency == "USD")
    assert (usd_count.expected, usd_count.counted, usd_count.variance) == (usd(50), usd(40), usd(-10))
    assert summary.comment_required
    with pytest.raises(ValidationError, match=r"off by -10\.00 USD") as error:
        business_day.close_day(manager, SHORT_TEN, comment="   ")
    assert error.value.field == "comment"
    assert DayClose.select().count() == 0 and business_day.current_day(manager).status == "open"
    within = {"USD": {"note:50": 1}, "CDF": {"note:10000": 2}}
    assert not business_day.review_close(manager, within).comment_required
    assert business_day.close_day(manager, within).z_number == 1  # no variance: no comment needed


def test_admin_sets_blind_close_and_a_threshold_the_close_then_applies(admin, manager):
    with pytest.raises(PermissionDenied):
        outlet_settings.update_close_rules(manager, blind_close=True, thresholds={})
    with pytest.raises(ValidationError) as error:
        outlet_settings.update_close_rules(admin, blind_close=True, thresholds={"USD": "-1"})
    assert error.value.field == "threshold:USD"
    assert business_day.close_form(manager).expected == {"USD": usd(50), "CDF": Money.of(20_000, "CDF")}
    rules = outlet_settings.update_close_rules(admin, blind_close=True, thresholds={"USD": "15"})
    assert rules.blind_close and rules.comment_thresholds == {"USD": usd(15), "CDF": Money.of(1, "CDF")}
    form = business_day.close_form(manager)
    assert form.expected is None and form.rules.blind_close  # the counter cannot see it yet
    assert business_day.review_close(manager, {"USD": {"note:20": 2}, "CDF": {"note:20000": 1}}).counts
    assert business_day.close_day(manager, SHORT_TEN).z_number == 1  # 10 short is within 15
