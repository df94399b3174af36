"""Split tender: the allocation the payment dialog shows is what the sale records, in any order."""

from itertools import permutations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import (
    CardTender,
    CashTender,
    MobileMoneyTender,
    PaymentRules,
    allocate,
    check_tenders,
    settle_under,
)

SHOP = PaymentRules("shop", "CD", ("mpesa", "orange_money"), accepts_card=True)
TZ_SHOP = PaymentRules("shop", "TZ", ("mpesa",), accepts_card=True)


def usd(value):
    return Money.of(value, "USD")


def shares(allocation):
    """Each payment by what identifies it (the order of rows is not what is compared)."""
    return sorted((p.method, p.reference or p.last4 or "", p.amount.amount) for p in allocation.payments)


def test_cash_then_amountless_mpesa_records_what_the_dialog_shows():
    cash, mpesa = CashTender(usd(10)), MobileMoneyTender("mpesa", "QK7AB12CD3", "0812345678")
    for tenders in ([cash, mpesa], [mpesa, cash]):
        shown = allocate(usd(33), tenders, SHOP)
        assert shown.left == usd(0)
        recorded = settle_under(SHOP, usd(33), tenders)
        assert [(p.method, p.amount) for p in recorded.payments] == [
            ("mobile_money", usd(23)),
            ("cash", usd(10)),
        ]
        assert recorded.change == usd(0) and recorded.rounding == usd(0)
        assert [(p.method, p.amount) for p in shown.payments] == [
            (p.method, p.amount) for p in recorded.payments
        ]


def test_a_partial_allocation_says_what_is_left():
    shown = allocate(usd(33), [CashTender(usd(10))], SHOP)
    assert shown.left == usd(23) and [p.amount for p in shown.payments] == [usd(10)]
    with pytest.raises(ValidationError, match=r"Not enough cash: 23\.00 USD"):
        settle_under(SHOP, usd(33), [CashTender(usd(10))])


@pytest.mark.parametrize(
    ("tenders", "message"),
    [
        (
            [MobileMoneyTender("mpesa", "QK7AB12CD3", "0812345678"), CashTender(usd(33))],
            "Cash already pays the rest",
        ),
        (
            [
                MobileMoneyTender("mpesa", "QK7AB12CD3", "0812345678"),
                MobileMoneyTender("orange_money", "OM-2026.1122", "0891234567"),
            ],
            "Only one payment can be left without an amount",
        ),
    ],
)
def test_impossible_splits_are_refused_in_every_order(tenders, message):
    for order in permutations(tenders):
        with pytest.raises(ValidationError, match=message):
            allocate(usd(33), order, SHOP)


def test_the_outlet_rules_say_which_methods_are_offered():
    assert SHOP.methods == ("cash", "mobile_money", "card")
    assert PaymentRules("customer_service", "CD", ("mpesa",), True).methods == ("mobile_money",)
    assert PaymentRules("shop", "CD", (), False).methods == ("cash",)


AMOUNTS = st.integers(min_value=1, max_value=2_000_000)


@st.composite
def split_tenders(draw):
    """A due amount and tenders that may pay it: some fixed non-cash amounts, cash, and at most
    one tender without an amount, in the order drawn."""
    currency = draw(st.sampled_from(["TZS", "USD"]))
    due_minor = draw(AMOUNTS)
    due = Money.from_minor(due_minor, currency)
    fixed_count = draw(st.integers(min_value=0, max_value=3))
    tenders = []
    for index in range(fixed_count):
        minor = draw(st.integers(min_value=1, max_value=max(1, due_minor)))
        amount = Money.from_minor(minor, currency)
        reference = f"QK7AB12CD{index}"
        tenders.append(
            MobileMoneyTender("mpesa", reference, "0754123456", amount)
            if draw(st.booleans())
            else CardTender(f"AP{index}X", f"{index:04d}", amount)
        )
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        tenders.append(CashTender(Money.from_minor(draw(AMOUNTS), currency)))
    if draw(st.booleans()):
        tenders.append(MobileMoneyTender("mpesa", "QK7AB12CD9", "0754123456"))
    order = draw(st.permutations(range(len(tenders))))
    return due, tenders, [tenders[i] for i in order]


def outcome(due, tenders):
    try:
        return ("ok", shares(allocate(due, tenders, TZ_SHOP)), allocate(due, tenders, TZ_SHOP).left)
    except ValidationError as error:
        return ("refused", error.template, None)


@given(split_tenders())
def test_the_order_of_entry_never_changes_the_allocation(case):
    due, tenders, shuffled = case
    assert outcome(due, tenders) == outcome(due, shuffled)


@given(split_tenders())
def test_a_complete_allocation_is_exactly_what_settle_records(case):
    due, _, shuffled = case
    try:
        shown = allocate(due, shuffled, TZ_SHOP)
    except ValidationError:
        return
    if shown.left:
        with pytest.raises(ValidationError):
            settle_under(TZ_SHOP, due, shuffled)
        return
    recorded = settle_under(TZ_SHOP, due, shuffled)
    checked = allocate(due, check_tenders(TZ_SHOP, shuffled), TZ_SHOP)
    assert recorded.payments == checked.payments
    assert [(p.method, p.amount) for p in recorded.payments] == [(p.method, p.amount) for p in shown.payments]
    assert recorded.paid == recorded.charged == due + recorded.rounding
    handed = sum((t.tendered for t in shuffled if isinstance(t, CashTender)), Money.zero(due.currency))
    for payment in recorded.payments:
        assert payment.amount.amount > 0
        if payment.method == "cash":
            assert payment.tendered == handed and payment.amount == handed - recorded.change
