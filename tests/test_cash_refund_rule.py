"""The rule for a cash refund's currencies (``domain.cash_refund``): dollars back up to the dollars
the sale took, then francs at the sale's own rate, to the 50 FC note, never more francs than it kept."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from konnect_pos.domain.cash_refund import CashBack, CashTaken, cash_back
from konnect_pos.domain.money import Money

STEP = Decimal(50)


def usd(minor: int) -> Money:
    return Money.from_minor(minor, "USD")


def fc(value: int) -> Money:
    return Money.of(value, "CDF")


def test_a_sale_paid_in_francs_is_refunded_in_francs_and_one_paid_in_dollars_in_dollars():
    francs = CashTaken(fc(48450), usd(1700))  # 17 USD at 2 850
    assert cash_back(usd(1700), usd(0), francs, None, STEP) == CashBack(usd(0), fc(48450), usd(1700))
    assert cash_back(usd(500), usd(1700), None, None, STEP).handed == (usd(500),)
    assert cash_back(usd(500), usd(0), None, None, STEP).handed == (usd(500),)  # mobile money, in cash


@given(
    dollars=st.integers(0, 50_000),
    francs_value=st.integers(1, 50_000),
    rate=st.integers(1_000, 4_000),
    parts=st.lists(st.integers(1, 10_000), min_size=1, max_size=6),
)
def test_refunds_hand_back_each_value_in_full_and_never_more_francs_than_were_kept(
    dollars, francs_value, rate, parts
):
    kept = Money.of((Decimal(francs_value) / 100 * rate / STEP).quantize(Decimal(1)) * STEP, "CDF")
    taken = CashTaken(kept, usd(francs_value))
    whole = dollars + francs_value
    own_room, back = usd(dollars), None
    refunded = 0
    for part in parts:
        value = min(part, whole - refunded)
        if value <= 0:
            break
        done = cash_back(usd(value), own_room, taken, back, STEP)
        settles = done.other_value or usd(0)
        assert done.own + settles == usd(value)  # the refund's value, all of it, once
        assert done.own.amount >= 0 and settles.amount >= 0
        if done.other is not None:
            assert done.other.amount >= 0 and done.other.amount % STEP == 0
            back = CashTaken(
                done.other + (back.kept if back else fc(0)), settles + (back.value if back else usd(0))
            )
        own_room -= min(done.own, max(own_room, usd(0)))
        refunded += value
        assert back is None or back.kept <= kept
    if refunded == whole:  # everything given back: exactly the francs the sale kept
        assert (back.kept if back else fc(0)) == kept
