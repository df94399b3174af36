import json
from decimal import Decimal

import pytest

from konnect_pos.domain.drawer import CurrencyCount, counted_total, denominations_from_data
from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.paths import RESOURCES

DATA = json.loads((RESOURCES / "denominations.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("currency", ["TZS", "USD", "CDF", "XAF", "XOF"])
def test_every_currency_in_play_has_a_denomination_table(currency):
    denominations = denominations_from_data(DATA, currency)
    assert denominations and all(Money(d.value, currency) for d in denominations)


def test_count_by_denomination():
    usd = denominations_from_data(DATA, "USD")
    total = counted_total("USD", usd, {"note:20": "3", "note:1": 4, "coin:0.25": "2", "note:5": ""})
    assert total == Money.of("64.50", "USD")
    count = CurrencyCount("USD", expected=Money.of("65", "USD"), counted=total)
    assert count.variance == Money.of("-0.50", "USD")


def test_cdf_has_no_coins():
    assert all(d.kind == "note" for d in denominations_from_data(DATA, "CDF"))


@pytest.mark.parametrize("quantity", ["-1", "abc", "1.5", "9999999"])
def test_bad_quantities_are_refused(quantity):
    with pytest.raises(ValidationError) as error:
        counted_total("TZS", denominations_from_data(DATA, "TZS"), {"note:1000": quantity})
    assert error.value.field == "note:1000"


def test_unknown_denomination_and_currency():
    with pytest.raises(ValidationError):
        counted_total("TZS", denominations_from_data(DATA, "TZS"), {"note:3": "1"})
    with pytest.raises(ValidationError):
        denominations_from_data(DATA, "EUR")
    assert Decimal("0.25") in {d.value for d in denominations_from_data(DATA, "USD")}
