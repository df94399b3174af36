import pytest

from konnect_pos.domain.customers import CustomerInput, fold, parse_query, validate_customer
from konnect_pos.domain.errors import ValidationError


def valid(**changes):
    data = {
        "name": "Jean KABÍLA",
        "phone": "0812345678",
        "country": "CD",
        "account_number": "CD0001",
        "kit_serial": "KIT123456",
    }
    data.update(changes)
    return CustomerInput(**data)


def test_folding_removes_accents_and_case():
    assert fold("  KABÍLA   Désiré ") == "kabila desire"


def test_valid_customer_is_normalised():
    customer = validate_customer(valid(account_number=" cd 0001 ", kit_serial="kit123456"))
    assert customer.phone == "+243812345678"
    assert customer.account_number == "CD0001"
    assert customer.kit_serial == "KIT123456"
    assert "kabila" in customer.search_text and "0812345678" in customer.search_text


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": ""}, "name"),
        ({"name": "x" * 121}, "name"),
        ({"phone": "0754123456"}, "phone"),
        ({"account_number": "a"}, "account_number"),
        ({"account_number": "CD 0001 ;DROP"}, "account_number"),
        ({"kit_serial": "abc"}, "kit_serial"),
        ({"country": "FR"}, "country"),
        ({"language": "de"}, "language"),
    ],
)
def test_bad_customer_input_names_its_field(changes, field):
    with pytest.raises(ValidationError) as error:
        validate_customer(valid(**changes))
    assert error.value.field == field


def test_no_kit_serial_is_allowed():
    assert validate_customer(valid(kit_serial="")).kit_serial is None


@pytest.mark.parametrize("query", ["", " ", "k", "ab", "a b c", "x" * 101, "x" * 10_000])
def test_too_short_or_too_long_queries_are_refused(query):
    with pytest.raises(ValidationError):
        parse_query(query)


def test_phone_queries_search_by_digits():
    assert parse_query("+243 81 234 5678").terms == ("243812345678",)
    assert parse_query("0812345678").terms == ("812345678",)
    assert parse_query("Désiré kab").terms == ("desire", "kab")
