from decimal import Decimal

import pytest

from konnect_pos.domain.countries import COUNTRIES, PROVIDERS, country
from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.phones import display_phone, mask_phone, normalize_phone


def test_the_four_markets_and_their_currencies():
    assert {c: COUNTRIES[c].currencies for c in COUNTRIES} == {
        "TZ": ("TZS",),
        "CD": ("USD", "CDF"),
        "CG": ("XAF",),
        "CI": ("XOF",),
    }


def test_drc_has_two_time_zones():
    assert country("CD").zones == ("Africa/Kinshasa", "Africa/Lubumbashi")
    assert country("CD").zone("Africa/Lubumbashi").key == "Africa/Lubumbashi"
    with pytest.raises(ValidationError):
        country("CD").zone("Africa/Abidjan")


def test_mobile_money_providers_named_by_the_guide():
    assert {"mpesa", "orange_money"} <= set(country("CD").providers)
    assert "mtn_momo" in country("CI").providers
    assert all(p in PROVIDERS for c in COUNTRIES.values() for p in c.providers)


def test_customer_service_table_of_the_guide():
    assert country("TZ").customer_service.phone == "+255 768 132 829"
    assert country("CD").customer_service.whatsapp == "+225 05 74 54 52 85"
    assert country("CG").customer_service.phone == "+242 069 179 313"
    assert country("CI").customer_service.phone == "+225 27 21 59 94 00"
    assert all(c.customer_service.hours == "Monday to Saturday, 9am–6pm" for c in COUNTRIES.values())


def test_vat_is_a_decimal_rate():
    assert all(isinstance(c.vat_rate, Decimal) and 0 < c.vat_rate < 1 for c in COUNTRIES.values())


def test_unknown_country():
    with pytest.raises(ValidationError):
        country("FR")


@pytest.mark.parametrize("typed", ["0812345678", "+243 81 234 5678", "243812345678", "081-234-5678"])
def test_drc_phone_in_any_usual_form(typed):
    assert normalize_phone(typed, "CD") == "+243812345678"


@pytest.mark.parametrize(
    ("typed", "region", "e164"),
    [
        ("0754 123 456", "TZ", "+255754123456"),
        ("06 123 4567", "CG", "+242061234567"),  # Congo keeps the leading 0
        ("07 01 02 03 04", "CI", "+2250701020304"),  # ten digits since 2021
    ],
)
def test_other_markets(typed, region, e164):
    assert normalize_phone(typed, region) == e164


@pytest.mark.parametrize(
    ("typed", "region"),
    [
        ("", "CD"),
        ("12", "CD"),
        ("0812345678", "TZ"),
        ("+255754123456", "CD"),
        ("9" * 60, "CD"),
        ("abc", "TZ"),
    ],
)
def test_invalid_phones_for_the_country_are_refused(typed, region):
    with pytest.raises(ValidationError) as error:
        normalize_phone(typed, region)
    assert error.value.field == "phone"


def test_display_and_mask():
    assert display_phone("+243812345678") == "+243 812 345 678"
    assert "345" not in mask_phone("+243812345678")
    assert mask_phone("+243812345678").endswith("678")
