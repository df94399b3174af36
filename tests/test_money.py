from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from konnect_pos.domain.errors import CurrencyMismatch, ValidationError
from konnect_pos.domain.money import (
    Money,
    format_money,
    minor_digits,
    money_sum,
    parse_amount,
    round_half_up,
    round_to_step,
    vat_included,
)


@pytest.mark.parametrize(("currency", "digits"), [("TZS", 2), ("CDF", 2), ("USD", 2), ("XAF", 0), ("XOF", 0)])
def test_minor_units_come_from_cldr(currency, digits):
    assert minor_digits(currency) == digits


def test_zero_decimal_currencies_are_never_scaled_by_100():
    # The Lago 643 / Kill Bill 1082 trap: 5000 XOF is 5000 minor units, not 500000.
    assert Money.of("5000", "XOF").to_minor() == 5000
    assert Money.from_minor(5000, "XOF") == Money.of(5000, "XOF")
    assert Money.of("12.34", "USD").to_minor() == 1234


def test_mixed_currencies_are_refused():
    with pytest.raises(CurrencyMismatch):
        Money.of(1, "USD") + Money.of(1, "CDF")
    with pytest.raises(CurrencyMismatch):
        Money.of(1, "USD") < Money.of(1, "CDF")  # noqa: B015


def test_floats_and_extra_decimals_are_refused():
    with pytest.raises(ValidationError):
        Money(1.5, "USD")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Money(Decimal("1.005"), "USD")
    with pytest.raises(ValidationError):
        Money(Decimal("10.5"), "XOF")
    with pytest.raises(ValidationError):
        parse_amount(1.5)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "  ", "abc", "1.2.3", "NaN", "Infinity"])
def test_malformed_amounts_are_refused(text):
    with pytest.raises(ValidationError):
        parse_amount(text)


def test_huge_amounts_are_refused():
    with pytest.raises(ValidationError):
        Money.of("1" + "0" * 14, "XOF")


def test_unknown_currency_is_refused():
    with pytest.raises(ValidationError):
        Money.of(1, "XYZ")


def test_people_type_amounts_their_way():
    assert parse_amount("1 500,50") == Decimal("1500.50")
    assert parse_amount("27,500") == Decimal("27.500")  # one comma, no dot: a decimal comma
    assert parse_amount("27,500.25") == Decimal("27500.25")


def test_round_half_up_is_half_up_on_the_minor_unit():
    assert round_half_up(Decimal("1.005"), "USD") == Money.of("1.01", "USD")
    assert round_half_up(Decimal("1.0049"), "USD") == Money.of("1.00", "USD")
    assert round_half_up(Decimal("10.5"), "XOF") == Money.of(11, "XOF")


def test_cash_step_rounding():
    assert round_to_step(Money.of(27_525, "TZS"), Decimal(50)) == Money.of(27_550, "TZS")
    assert round_to_step(Money.of(27_524, "TZS"), Decimal(50)) == Money.of(27_500, "TZS")
    assert round_to_step(Money.of(1_232, "XOF"), Decimal(5)) == Money.of(1_230, "XOF")


def test_vat_contained_in_an_inclusive_price():
    assert vat_included(Money.of(116, "USD"), Decimal("0.16")) == Money.of(16, "USD")
    assert vat_included(Money.of(11_800, "XOF"), Decimal("0.18")) == Money.of(1_800, "XOF")


def test_formatting_follows_the_locale():
    assert format_money(Money.of("1234.5", "USD"), "fr") == "1\u202f234,50\xa0$US"
    assert format_money(Money.of(1234, "XOF"), "fr") == "1\u202f234\xa0F\u202fCFA"
    assert "1,234.50" in format_money(Money.of("1234.5", "TZS"), "en")


def test_sum_of_nothing_is_zero_in_the_currency():
    assert money_sum([], "TZS") == Money.zero("TZS")


@given(
    st.integers(min_value=-(10**12), max_value=10**12), st.sampled_from(["TZS", "USD", "CDF", "XAF", "XOF"])
)
def test_minor_units_round_trip(minor, currency):
    assert Money.from_minor(minor, currency).to_minor() == minor


@given(
    st.lists(st.integers(min_value=0, max_value=10**9), max_size=20),
    st.sampled_from(["TZS", "USD", "XOF"]),
)
def test_sums_are_exact(minors, currency):
    total = money_sum([Money.from_minor(m, currency) for m in minors], currency)
    assert total.to_minor() == sum(minors)


@given(
    st.integers(min_value=-(10**13) - 5, max_value=10**13 + 5),
    st.sampled_from(["TZS", "USD", "CDF", "XAF", "XOF"]),
)
def test_from_minor_builds_and_refuses_what_the_validating_constructor_does(minor, currency):
    digits = minor_digits(currency)
    try:
        checked = Money(Decimal(minor).scaleb(-digits), currency)
    except ValidationError:
        with pytest.raises(ValidationError):
            Money.from_minor(minor, currency)
        return
    built = Money.from_minor(minor, currency)
    assert built == checked and str(built) == str(checked)  # the same exponent: "5.00 USD", not "5 USD"


def test_zero_is_one_value_per_currency_and_an_unknown_currency_is_refused():
    assert Money.zero("USD") is Money.zero("USD") and str(Money.zero("USD")) == "0.00 USD"
    assert Money.zero("XOF") == Money.of(0, "XOF") and str(Money.zero("XOF")) == "0 XOF"
    with pytest.raises(ValidationError):
        Money.zero("ZZZ")


@given(
    st.integers(min_value=-(10**13) - 5, max_value=10**13 + 5),
    st.integers(min_value=-(10**13) - 5, max_value=10**13 + 5),
    st.sampled_from(["TZS", "USD", "XOF"]),
)
@example(10**13 - 1, 1, "USD")  # one past: refused
@example(10**13 - 1, 0, "XOF")  # the largest amount there is
@example(-(10**13) + 1, -1, "TZS")
def test_a_sum_is_refused_exactly_where_its_minor_units_reach_the_limit(a, b, currency):
    if max(abs(a), abs(b)) >= 10**13:
        return
    left, right = Money.from_minor(a, currency), Money.from_minor(b, currency)
    if abs(a + b) >= 10**13:
        with pytest.raises(ValidationError):
            left + right
    else:
        assert (left + right).to_minor() == a + b
