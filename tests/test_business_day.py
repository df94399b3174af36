"""Business day and drawer on SQLite and PostgreSQL: open, sell, move cash, count, close."""

import pytest

from konnect_pos.domain.errors import PermissionDenied, StateError, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender, MobileMoneyTender
from konnect_pos.services import business_day, checkout, drawer
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.session import sign_in
from konnect_pos.services.users import authenticate
from konnect_pos.services.verify import verify
from konnect_pos.store.models import DayClose


def usd(value):
    return Money.of(value, "USD")


@pytest.fixture
def manager(demo_db, clock):
    return sign_in("KIN01-T1", "manager", "222222", clock)


@pytest.fixture
def cashier(demo_db, clock):
    return sign_in("KIN01-T1", "cashier", "1111", clock)


def test_demo_opens_today_with_a_float_per_currency(manager):
    day = business_day.current_day(manager)
    assert day.status == "open" and day.floats == {"USD": usd(50), "CDF": Money.of(20_000, "CDF")}


def test_expected_cash_counts_float_cash_sales_and_movements_but_not_mobile_money(cashier, manager):
    checkout.sell(cashier, "CD00000001", [CartItem("CD-LITE15")], [CashTender(usd(20))])
    checkout.sell(
        cashier,
        "CD00000005",
        [CartItem("CD-WEEK5")],
        [MobileMoneyTender("mpesa", "QK7AB12CD3", "0812345678")],
    )
    business_day.cash_movement(manager, "out", "10", "USD", "bank drop")
    business_day.cash_movement(manager, "in", "5000", "CDF", "change from the bank")
    expected = drawer.expected_cash(business_day.current_day(manager).id)
    assert expected == {"USD": usd(50 + 17 - 10), "CDF": Money.of(25_000, "CDF")}


def test_close_with_count_gives_variance_and_a_z_number_then_selling_stops(cashier, manager, clock):
    checkout.sell(cashier, "CD00000001", [CartItem("CD-LITE15")], [CashTender(usd(20))])
    result = business_day.close_day(
        manager,
        {"USD": {"note:50": 1, "note:10": "1", "note:5": 1, "note:1": 1}, "CDF": {"note:20000": 1}},
        comment="one dollar short",
    )
    assert result.z_number == 1
    usd_count = next(c for c in result.counts if c.currency == "USD")
    assert (usd_count.expected, usd_count.counted, usd_count.variance) == (usd(67), usd(66), usd(-1))
    assert business_day.current_day(manager).status == "closed"
    with pytest.raises(StateError, match="closed"):
        checkout.sell(cashier, "CD00000001", [CartItem("CD-WEEK5")], [CashTender(usd(6))])
    with pytest.raises(StateError):
        business_day.close_day(manager, {})  # closing twice
    with pytest.raises(StateError, match="already closed"):
        business_day.open_day(manager, {"USD": "10"})
    assert verify().ok


def test_a_day_left_open_past_midnight_must_be_closed_first(cashier, manager, clock):
    clock.advance(days=1)
    assert business_day.current_day(manager).status == "overdue"
    with pytest.raises(StateError, match="still open"):
        checkout.sell(cashier, "CD00000001", [CartItem("CD-WEEK5")], [CashTender(usd(6))])
    with pytest.raises(StateError, match="still open"):
        business_day.open_day(manager, {})
    business_day.close_day(manager, {}, comment="float taken to the bank")
    opened = business_day.open_day(manager, {"USD": "20"})
    assert opened.status == "open" and opened.floats["USD"] == usd(20)
    assert business_day.close_day(manager, {}, comment="float banked").z_number == 2  # gapless per terminal
    assert DayClose.select().count() == 2


def test_cashier_needs_a_manager_approval(cashier, manager, demo_db, clock):
    with pytest.raises(PermissionDenied):
        business_day.cash_movement(cashier, "out", "5", "USD", "petty cash")
    approver = authenticate("manager", "222222", clock)
    assert business_day.cash_movement(cashier, "out", "5", "USD", "petty cash", approver=approver) == usd(5)
    with pytest.raises(PermissionDenied):
        business_day.close_day(cashier, {}, approver=authenticate("cashier", "1111", clock))


@pytest.mark.parametrize(
    ("counts", "field"),
    [
        ({"USD": {"note:20": "-1"}}, "note:20"),
        ({"USD": {"note:20": "abc"}}, "note:20"),
        ({"USD": {"note:3": "1"}}, "note:3"),
        ({"EUR": {"note:5": "1"}}, "currency"),
    ],
)
def test_bad_counts_change_nothing(manager, counts, field):
    with pytest.raises(ValidationError) as error:
        business_day.close_day(manager, counts)
    assert error.value.field == field
    assert business_day.current_day(manager).status == "open"


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("out", "abc", "USD", "x"), "amount"),
        (("out", "-3", "USD", "x"), "amount"),
        (("out", "5", "XOF", "x"), "currency"),
        (("out", "5", "USD", " "), "reason"),
        (("out", "999", "USD", "too much"), "amount"),
        (("sideways", "5", "USD", "x"), "direction"),
    ],
)
def test_bad_cash_movements(manager, args, field):
    with pytest.raises(ValidationError) as error:
        business_day.cash_movement(manager, *args)
    assert error.value.field == field


def test_the_counters_today_is_the_outlets_local_date_across_midnight(demo_db, clock):
    """22:30 UTC is still the 20th in Kinshasa (UTC+1) and already the 21st in Dar es Salaam (UTC+3)."""
    from datetime import UTC, date, datetime

    from konnect_pos.services.outlets import list_terminals

    clock.now = datetime(2026, 11, 20, 22, 30, tzinfo=UTC)
    zones = {}
    for label in list_terminals():
        counter = sign_in(label, "manager", "222222", clock)
        zones[counter.terminal.outlet.zone] = counter.today()
    assert zones["Africa/Kinshasa"] == date(2026, 11, 20)
    assert zones["Africa/Dar_es_Salaam"] == date(2026, 11, 21)
