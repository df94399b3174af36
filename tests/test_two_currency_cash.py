"""DRC drawer: bundles priced in USD, cash handed over in USD, CDF or both at the day's rate.

One conversion (``convert_cash``) rounds once, half-up to the 50 FC cash step; change in the
currency the customer asks for; the allocation is the same in any order of entry.
"""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.exchange import ExchangeRate, parse_rate, rate_text
from konnect_pos.domain.money import Money, convert_cash
from konnect_pos.domain.payments import (
    CashTender,
    MobileMoneyTender,
    PaymentRules,
    allocate,
    parse_tender_spec,
    settle_under,
)

RATE = ExchangeRate("USD", "CDF", Decimal(2850))
DRC = PaymentRules("shop", "CD", ("mpesa", "orange_money"), accepts_card=True, rate=RATE)


def usd(value):
    return Money.of(value, "USD")


def fc(value):
    return Money.of(value, "CDF")


def rows(allocation):
    return [(p.amount, p.tendered, p.change, p.value) for p in allocation.payments]


def test_the_one_conversion_rounds_half_up_to_the_cash_step():
    step = Decimal(50)
    assert convert_cash(usd("9.99"), RATE.per_base, "USD", "CDF", step) == fc(28450)  # 28 471.50
    assert convert_cash(usd("0.01"), RATE.per_base, "USD", "CDF", step) == fc(50)  # 28.50: half-up
    assert convert_cash(usd("-10.01"), RATE.per_base, "USD", "CDF", step) == fc(-28550)
    assert convert_cash(fc(30000), RATE.per_base, "USD", "USD", Decimal("0.01")) == usd("10.53")


def test_francs_pay_a_dollar_price_with_change_in_francs():
    shown = allocate(usd(17), [CashTender(fc(50000))], DRC)
    assert shown.left == fc(0) and shown.change == fc(1550)  # 17 × 2850 = 48 450
    assert rows(shown) == [(fc(48450), fc(50000), fc(1550), usd(17))]
    recorded = settle_under(DRC, usd(17), [CashTender(fc(50000))])
    assert recorded.paid == recorded.charged == usd(17) and recorded.change == fc(1550)
    assert recorded.payments[0].rate == Decimal(2850)


def test_part_dollars_part_francs_and_what_is_left_is_said_in_francs():
    partial = allocate(usd(17), [CashTender(usd(10))], DRC)
    assert partial.left == usd(7)
    partial = allocate(usd(17), [CashTender(usd(10)), CashTender(fc(10000))], DRC)
    assert partial.left == fc(9950)  # 7 × 2850 = 19 950
    with pytest.raises(ValidationError, match=r"Not enough cash: 9950\.00 CDF"):
        settle_under(DRC, usd(17), [CashTender(usd(10)), CashTender(fc(10000))])
    done = settle_under(DRC, usd(17), [CashTender(fc(20000)), CashTender(usd(10))])
    assert [(p.amount, p.change, p.value) for p in done.payments] == [
        (usd(10), None, usd(10)),
        (fc(19950), fc(50), usd(7)),
    ]


def test_change_in_the_currency_asked_for():
    dollars_back = settle_under(DRC, usd(17), [CashTender(fc(50000), change_in="USD")])
    assert dollars_back.change == usd("0.54")  # 50 000 FC = 17.54 USD
    assert [(p.amount, p.change, p.value) for p in dollars_back.payments] == [
        (fc(50000), usd("0.54"), usd(17))
    ]
    francs_back = settle_under(DRC, usd(17), [CashTender(usd(20), change_in="CDF")])
    assert francs_back.change == fc(8550)  # 3 × 2850
    assert [(p.amount, p.change, p.value) for p in francs_back.payments] == [(usd(20), fc(8550), usd(17))]


def test_cash_that_is_not_needed_is_refused_and_other_currencies_stay_as_they_were():
    with pytest.raises(ValidationError, match="USD cash already pays the rest"):
        allocate(usd(17), [CashTender(usd(20)), CashTender(fc(1000))], DRC)
    with pytest.raises(ValidationError, match="Give the change in one currency"):
        allocate(usd(17), [CashTender(usd(5), change_in="USD"), CashTender(fc(40000), change_in="CDF")], DRC)
    tz = PaymentRules("shop", "TZ", ("mpesa",), accepts_card=True)
    with pytest.raises(ValidationError, match="a payment in CDF is not accepted"):
        allocate(Money.of(5000, "TZS"), [CashTender(fc(1000))], tz)
    no_rate = PaymentRules("shop", "CD", ("mpesa",), accepts_card=True)
    with pytest.raises(ValidationError, match="a payment in CDF is not accepted"):
        allocate(usd(17), [CashTender(fc(50000))], no_rate)


def test_cash_counted_at_a_rate_no_longer_in_force_is_refused():
    with pytest.raises(ValidationError, match="The rate changed to 1 USD = 2850 CDF"):
        allocate(usd(17), [CashTender(fc(50000), "CDF", Decimal(2800))], DRC)
    assert allocate(usd(17), [CashTender(fc(50000), "CDF", Decimal(2850))], DRC).change == fc(1550)


def test_the_cli_spec_and_the_rate_as_typed():
    assert parse_tender_spec("cash:30000:cdf", "USD") == CashTender(fc(30000))
    assert parse_tender_spec("cash:12", "USD") == CashTender(usd(12))
    assert parse_rate("2 850") == Decimal(2850)
    for bad in ("0", "-5", "2850.5", "1e30"):
        with pytest.raises(ValidationError):
            parse_rate(bad)
    assert rate_text(RATE) == "1 USD = 2 850 FC"


@st.composite
def drc_cash(draw):
    """A USD price, maybe an M-Pesa part, cash in USD and/or CDF, a change wish, in any order."""
    due = Money.from_minor(draw(st.integers(min_value=1, max_value=50_000)), "USD")
    rate = ExchangeRate("USD", "CDF", Decimal(draw(st.integers(min_value=1500, max_value=4000))))
    rules = PaymentRules("shop", "CD", ("mpesa",), accepts_card=True, rate=rate)
    change_in = draw(st.sampled_from([None, "USD", "CDF"]))
    tenders = []
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        tenders.append(CashTender(Money.from_minor(draw(st.integers(1, 50_000)), "USD"), change_in))
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        tenders.append(CashTender(Money.of(50 * draw(st.integers(1, 3_000)), "CDF"), change_in))
    if draw(st.booleans()):
        amount = Money.from_minor(draw(st.integers(1, due.to_minor())), "USD")
        tenders.append(MobileMoneyTender("mpesa", "QK7AB12CD3", "0812345678", amount))
    order = draw(st.permutations(range(len(tenders))))
    return due, rules, tenders, [tenders[i] for i in order]


def outcome(due, rules, tenders):
    try:
        shown = allocate(due, tenders, rules)
    except ValidationError as error:
        return ("refused", error.template)
    return (
        "ok",
        sorted((p.method, str(p.amount), str(p.change), str(p.value)) for p in shown.payments),
        shown.left,
    )


@given(drc_cash())
def test_two_currency_cash_is_the_same_in_any_order(case):
    due, rules, tenders, shuffled = case
    assert outcome(due, rules, tenders) == outcome(due, rules, shuffled)


@given(drc_cash())
def test_a_settled_two_currency_sale_pays_exactly_and_the_drawer_adds_up(case):
    due, rules, _, tenders = case
    try:
        recorded = settle_under(rules, due, tenders)
    except ValidationError:
        return
    assert recorded.paid == recorded.charged
    assert all(p.value.amount > 0 for p in recorded.payments)
    assert recorded.change.amount >= 0
    drawer: dict[str, Decimal] = {}
    for t in tenders:
        if isinstance(t, CashTender):
            drawer[t.tendered.currency] = drawer.get(t.tendered.currency, Decimal(0)) + t.tendered.amount
    if recorded.change:
        drawer[recorded.change.currency] = (
            drawer.get(recorded.change.currency, Decimal(0)) - recorded.change.amount
        )
    kept: dict[str, Decimal] = {}
    for p in recorded.payments:
        if p.method != "cash":
            continue
        kept[p.amount.currency] = kept.get(p.amount.currency, Decimal(0)) + p.amount.amount
        if p.change is not None and p.change.currency != p.amount.currency:
            kept[p.change.currency] = kept.get(p.change.currency, Decimal(0)) - p.change.amount
    assert {c: v for c, v in drawer.items() if v} == {c: v for c, v in kept.items() if v}
    francs = [p for p in recorded.payments if p.amount.currency == "CDF"]
    for p in francs:  # the one rounding: at most half a cash step away from the exact rate
        exact = p.value.amount * rules.rate.per_base
        assert abs(p.amount.amount - exact) <= 25 or (p.change is not None and p.change.currency == "USD")
