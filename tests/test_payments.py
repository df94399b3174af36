from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import (
    CardTender,
    CashTender,
    MobileMoneyTender,
    parse_tender_spec,
    quick_cash_amounts,
    settle,
    validate_reference,
)

CD = {"channel": "shop", "country": "CD", "providers": ("mpesa", "orange_money"), "accepts_card": True}


def usd(value):
    return Money.of(value, "USD")


def test_cash_gives_change():
    result = settle(usd(46), [CashTender(usd(50))], **CD)
    assert result.change == usd(4) and result.paid == usd(46)


def test_cash_rounds_to_the_smallest_coin_and_records_the_adjustment():
    tz = {"channel": "shop", "country": "TZ", "providers": ("mpesa",), "accepts_card": True}
    result = settle(Money.of(27_520, "TZS"), [CashTender(Money.of(30_000, "TZS"))], **tz)
    assert result.charged == Money.of(27_500, "TZS") and result.rounding == Money.of(-20, "TZS")
    assert result.change == Money.of(2_500, "TZS")


def test_mobile_money_plus_cash_split():
    result = settle(
        usd(46),
        [MobileMoneyTender("mpesa", "qk7 ab12 cd3", "0812345678", usd(30)), CashTender(usd(20))],
        **CD,
    )
    mobile, cash = result.payments
    assert mobile.reference == "QK7AB12CD3" and mobile.phone == "+243812345678" and mobile.amount == usd(30)
    assert cash.amount == usd(16) and cash.change == usd(4)


def test_mobile_money_without_amount_pays_the_rest_and_gives_no_change():
    result = settle(usd(46), [MobileMoneyTender("orange_money", "OM-2026.1122", "0891234567")], **CD)
    assert result.payments[0].amount == usd(46) and result.change == usd(0)


@pytest.mark.parametrize(
    ("tenders", "field"),
    [
        ([CashTender(usd(40))], "amount"),  # underpayment
        ([MobileMoneyTender("mpesa", "QK7AB12CD3", "0812345678", usd(50))], "amount"),  # overpaid mobile
        ([CardTender("A1B2C3", "1234", usd(47))], "amount"),  # overpaid card
        ([MobileMoneyTender("mpesa", "QK7AB12", "0812345678")], "reference"),  # malformed M-Pesa
        ([MobileMoneyTender("mpesa", "", "0812345678")], "reference"),
        ([MobileMoneyTender("orange_money", "bad ref!", "0812345678")], "reference"),
        ([MobileMoneyTender("mtn_momo", "123456789", "0812345678")], "provider"),  # not in DRC
        ([MobileMoneyTender("mpesa", "QK7AB12CD3", "0754123456")], "phone"),  # Tanzanian phone
        ([CardTender("A1B2C3", "4111 1111 1111 1111")], "last4"),  # full card number
        ([CardTender("4111111111111111", "1111")], "last4"),
        ([CardTender("A1B2C3", "12")], "last4"),
        ([CardTender("", "1234")], "approval_code"),
        ([CashTender(usd(-5))], "amount"),
        ([CashTender(Money.of(50_000, "CDF"))], "currency"),  # wrong currency
        ([], "method"),
        (
            [
                MobileMoneyTender("mpesa", "QK7AB12CD3", "0812345678", usd(20)),
                MobileMoneyTender("mpesa", "QK7AB12CD3", "0812345678", usd(26)),
            ],
            "reference",
        ),
    ],
)
def test_bad_payments_are_refused_with_the_field(tenders, field):
    with pytest.raises(ValidationError) as error:
        settle(usd(46), tenders, **CD)
    assert error.value.field == field
    assert "4111" not in error.value.message


def test_customer_service_takes_mobile_money_only():
    channel = {**CD, "channel": "customer_service"}
    for tender in (CashTender(usd(50)), CardTender("A1B2", "1234")):
        with pytest.raises(ValidationError, match="mobile money only"):
            settle(usd(46), [tender], **channel)
    assert settle(usd(46), [MobileMoneyTender("mpesa", "QK7AB12CD3", "0812345678")], **channel).paid == usd(
        46
    )


def test_no_card_where_the_outlet_does_not_take_cards():
    with pytest.raises(ValidationError, match="does not take cards"):
        settle(usd(46), [CardTender("A1B2", "1234")], **{**CD, "accepts_card": False})


def test_references_per_provider():
    assert validate_reference("mpesa", " qk7ab12cd3 ") == "QK7AB12CD3"
    assert validate_reference("mixx", "1234567890") == "1234567890"
    with pytest.raises(ValidationError):
        validate_reference("mixx", "ABC12345")
    with pytest.raises(ValidationError):
        validate_reference("mtn_momo", "x" * 31)


def test_cli_tender_syntax():
    assert parse_tender_spec("cash:50", "USD") == CashTender(usd(50))
    assert parse_tender_spec("mobile:mpesa:QK7AB12CD3:0812345678:30", "USD").amount == usd(30)
    assert parse_tender_spec("card:A1B2:1234", "USD") == CardTender("A1B2", "1234", None)
    for bad in ["cash", "cash:abc", "cheque:10", "mobile:mpesa", "card:4111111111111111"]:
        with pytest.raises(ValidationError):
            parse_tender_spec(bad, "USD")


def test_quick_amounts():
    assert quick_cash_amounts(Money.of(27_500, "TZS")) == [
        Money.of(v, "TZS") for v in (27_500, 28_000, 30_000, 50_000)
    ]
    assert quick_cash_amounts(usd("12.40"))[:3] == [usd("12.40"), usd(13), usd(15)]


@given(
    st.integers(min_value=1, max_value=10**7),
    st.integers(min_value=0, max_value=10**7),
    st.integers(min_value=0, max_value=10**6),
    st.sampled_from(["TZS", "XOF", "USD"]),
)
def test_settlement_arithmetic(due_minor, mobile_minor, extra_cash_minor, currency):
    country = {"TZS": "TZ", "XOF": "CI", "USD": "CD"}[currency]
    phone = {"TZ": "0754123456", "CI": "0501020304", "CD": "0812345678"}[country]
    provider = {"TZ": "mpesa", "CI": "mtn_momo", "CD": "mpesa"}[country]
    due = Money.from_minor(due_minor, currency)
    mobile = Money.from_minor(min(mobile_minor, due_minor), currency)
    tenders = []
    if mobile:
        tenders.append(MobileMoneyTender(provider, "QK7AB12CD3", phone, mobile))
    left = due - mobile
    if left:
        tenders.append(CashTender(left + Money.from_minor(extra_cash_minor + 10**4, currency)))
    result = settle(due, tenders, channel="shop", country=country, providers=(provider,), accepts_card=True)
    handed = [t.tendered if isinstance(t, CashTender) else t.amount for t in tenders]
    tendered = sum(handed, Money.zero(currency))
    assert tendered - result.change == result.charged
    assert result.change.amount >= 0
    assert sum((p.amount for p in result.payments if p.method != "cash"), Money.zero(currency)) <= due
    if currency == "XOF":
        assert all(p.amount.amount == p.amount.amount.to_integral_value() for p in result.payments)
    assert abs(result.rounding.amount) <= {"TZS": 25, "XOF": Decimal("2.5"), "USD": 0}[currency]
