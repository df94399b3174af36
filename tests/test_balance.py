"""The append-only balance ledger: each ledger rule by example, then hypothesis properties."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from konnect_pos.domain.balance import (
    EntryKind,
    Ledger,
    LedgerEntry,
    adjustment,
    connect_plus_fee,
    connect_plus_fee_key,
    plan_fee,
    plan_fee_key,
    refund,
    top_up,
)
from konnect_pos.domain.errors import Conflict, CurrencyMismatch, NotFound, StateError, ValidationError
from konnect_pos.domain.money import Money

D0 = date(2026, 3, 1)


def tjs(amount: str | int) -> Money:
    return Money.of(amount, "TJS")


def test_balance_is_the_sum_of_the_entries():
    ledger = Ledger("TJS").extend(
        [
            top_up("pay-1", D0, tjs(35)),
            plan_fee(D0, tjs(30), D0, D0 + timedelta(days=29)),
            connect_plus_fee(D0 + timedelta(days=30), tjs(1)),
        ]
    )
    assert ledger.balance == tjs(4)
    assert [e.kind for e in ledger.entries] == [
        EntryKind.TOP_UP,
        EntryKind.PLAN_FEE,
        EntryKind.CONNECT_PLUS_FEE,
    ]


def test_append_returns_a_new_ledger_and_never_changes_the_old_one():
    empty = Ledger("TJS")
    one = empty.append(top_up("pay-1", D0, tjs(5)))
    assert empty.balance == tjs(0) and len(empty) == 0
    assert one.balance == tjs(5) and len(one) == 1


def test_a_ledger_rebuilt_from_stored_entries_is_the_same_and_rechecked():
    built = Ledger("TJS").extend([top_up("pay-1", D0, tjs(5)), connect_plus_fee(D0, tjs(1))])
    assert Ledger("TJS", built.entries) == built
    assert Ledger("TJS", built.entries).balance == tjs(4)
    with pytest.raises(StateError):
        Ledger("TJS", (connect_plus_fee(D0, tjs(1)),))


def test_the_same_key_is_refused_so_a_period_or_day_is_charged_once():
    ledger = Ledger("TJS").append(top_up("pay-1", D0, tjs(100)))
    ledger = ledger.append(plan_fee(D0, tjs(30), D0, D0 + timedelta(days=29)))
    with pytest.raises(Conflict) as raised:
        ledger.append(plan_fee(D0, tjs(30), D0, D0 + timedelta(days=29)))
    assert raised.value.params == {"key": plan_fee_key(D0)}
    ledger = ledger.append(connect_plus_fee(D0 + timedelta(days=30), tjs(1)))
    with pytest.raises(Conflict):
        ledger.append(connect_plus_fee(D0 + timedelta(days=30), tjs(1)))
    with pytest.raises(Conflict):
        ledger.append(top_up("pay-1", D0, tjs(5)))


def test_fees_never_take_the_balance_below_zero():
    ledger = Ledger("TJS").append(top_up("pay-1", D0, tjs("0.99")))
    with pytest.raises(StateError) as raised:
        ledger.append(connect_plus_fee(D0, tjs(1)))
    assert raised.value.template == "Balance {balance} cannot pay {amount}"
    assert ledger.append(top_up("pay-2", D0, tjs("0.01"))).append(
        connect_plus_fee(D0, tjs(1))
    ).balance == tjs(0)


def test_signs_follow_the_kind():
    with pytest.raises(ValidationError):
        LedgerEntry("x", D0, EntryKind.TOP_UP, tjs(-1))
    with pytest.raises(ValidationError):
        LedgerEntry("x", D0, EntryKind.TOP_UP, tjs(0))
    with pytest.raises(ValidationError):
        LedgerEntry("x", D0, EntryKind.PLAN_FEE, tjs(30), period_start=D0, period_end=D0)
    with pytest.raises(ValidationError):
        adjustment("adj", D0, tjs(0), "nothing")


def test_fees_say_which_days_they_pay_for():
    fee = plan_fee(D0, tjs(30), D0, D0 + timedelta(days=29))
    assert (fee.period_start, fee.period_end) == (D0, date(2026, 3, 30))
    assert connect_plus_fee(D0, tjs(1)).period_start == D0 == connect_plus_fee(D0, tjs(1)).period_end
    with pytest.raises(ValidationError):
        LedgerEntry("x", D0, EntryKind.PLAN_FEE, tjs(-30))
    with pytest.raises(ValidationError):
        plan_fee(D0, tjs(30), D0, D0 - timedelta(days=1))


def test_a_refund_gives_back_a_fee_and_never_more_than_it():
    fee = connect_plus_fee(D0, tjs(1))
    ledger = Ledger("TJS").extend([top_up("pay-1", D0, tjs(3)), fee])
    ledger = ledger.append(refund(fee, D0))
    assert ledger.balance == tjs(3)
    assert ledger.refunded(fee.key) == tjs(1)
    with pytest.raises(StateError):
        ledger.append(LedgerEntry("refund-2", D0, EntryKind.REFUND, tjs("0.01"), corrects=fee.key))


def test_a_refund_must_name_a_fee_in_the_ledger():
    ledger = Ledger("TJS").append(top_up("pay-1", D0, tjs(3)))
    with pytest.raises(ValidationError):
        LedgerEntry("r", D0, EntryKind.REFUND, tjs(1))
    with pytest.raises(ValidationError):
        ledger.append(LedgerEntry("r", D0, EntryKind.REFUND, tjs(1), corrects="pay-1"))
    with pytest.raises(NotFound):
        ledger.append(LedgerEntry("r", D0, EntryKind.REFUND, tjs(1), corrects=connect_plus_fee_key(D0)))


def test_an_adjustment_needs_a_reason_and_may_leave_a_debt():
    ledger = Ledger("TJS").extend([top_up("pay-1", D0, tjs(5)), connect_plus_fee(D0, tjs(1))])
    with pytest.raises(ValidationError):
        adjustment("adj-1", D0, tjs(-5), "  ")
    reversed_top_up = adjustment("adj-1", D0, tjs(-5), "mobile-money payment reversed", corrects="pay-1")
    ledger = ledger.append(reversed_top_up)
    assert ledger.balance == tjs(-1)
    with pytest.raises(NotFound):
        ledger.append(adjustment("adj-2", D0, tjs(1), "goodwill", corrects="nope"))


def test_currencies_never_mix_and_zero_decimal_currencies_stay_whole():
    with pytest.raises(CurrencyMismatch):
        Ledger("TJS").append(top_up("pay-1", D0, Money.of(5, "USD")))
    ledger = Ledger("XOF").append(top_up("pay-1", D0, Money.of(5000, "XOF")))
    ledger = ledger.append(plan_fee(D0, Money.of(4500, "XOF"), D0, D0 + timedelta(days=29)))
    assert ledger.balance == Money.of(500, "XOF")
    assert ledger.balance.to_minor() == 500
    with pytest.raises(ValidationError):
        Ledger("ZZZ")


def test_days_are_dates_not_datetimes_and_keys_are_required():
    with pytest.raises(ValidationError):
        top_up("pay-1", datetime(2026, 3, 1, 9, 0), tjs(5))
    with pytest.raises(ValidationError):
        top_up(" ", D0, tjs(5))
    with pytest.raises(ValidationError):
        LedgerEntry("x", D0, "gift", tjs(5))  # type: ignore[arg-type]


def test_balance_on_a_day_and_the_running_statement():
    ledger = Ledger("TJS").extend(
        [
            top_up("pay-1", D0, tjs(5)),
            connect_plus_fee(D0 + timedelta(days=1), tjs(1)),
            top_up("pay-2", D0 + timedelta(days=2), tjs(10)),
        ]
    )
    assert ledger.balance_on(D0) == tjs(5)
    assert ledger.balance_on(D0 + timedelta(days=1)) == tjs(4)
    assert ledger.balance_on(D0 - timedelta(days=1)) == tjs(0)
    assert [str(b) for _, b in ledger.running_balances()] == ["5.00 TJS", "4.00 TJS", "14.00 TJS"]
    assert "pay-2" in ledger and ledger.entry("pay-2").amount == tjs(10)


# --- properties -----------------------------------------------------------------------

AMOUNTS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(500), places=2)


@st.composite
def movements(draw):
    """Top-ups and fees in any order; fees that the balance cannot pay are expected refusals."""
    steps = draw(st.lists(st.tuples(st.sampled_from(["top_up", "fee"]), AMOUNTS), max_size=30))
    return [(kind, Money(amount, "TJS")) for kind, amount in steps]


@given(movements())
def test_balance_always_equals_the_sum_and_fees_never_make_it_negative(steps):
    ledger = Ledger("TJS")
    for index, (kind, amount) in enumerate(steps):
        day = D0 + timedelta(days=index)
        entry = top_up(f"pay-{index}", day, amount) if kind == "top_up" else connect_plus_fee(day, amount)
        if kind == "fee" and amount > ledger.balance:
            with pytest.raises(StateError):
                ledger.append(entry)
            continue
        ledger = ledger.append(entry)
        assert not ledger.balance.is_negative
    total = sum((e.amount.amount for e in ledger.entries), Decimal(0))
    assert ledger.balance.amount == total
    assert Ledger("TJS", ledger.entries) == ledger
    assert all(not b.is_negative for _, b in ledger.running_balances())
