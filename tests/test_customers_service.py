"""Customer create / edit / lookup on SQLite and PostgreSQL."""

import peewee
import pytest

from konnect_pos.domain.customers import CustomerInput
from konnect_pos.domain.errors import Conflict, NotFound, ValidationError
from konnect_pos.services import customers
from konnect_pos.store import customer_search
from konnect_pos.store.models import Customer


def add(clock, **changes):
    data = {
        "name": "Jean KABÍLA",
        "phone": "0812345678",
        "country": "CD",
        "account_number": "CD0001",
        "kit_serial": "KIT0001AB",
    }
    data.update(changes)
    return customers.create_customer(CustomerInput(**data), clock)


def test_create_and_find_by_every_key(database, clock):
    add(clock)
    add(clock, name="Marie Tshibangu", phone="0997654321", account_number="CD0002", kit_serial="KIT0002AB")
    for query in [
        "Kabila",
        "kabíla",
        "KABILA",
        "abil",
        "jean kab",
        "0812345678",
        "+243 81 234 5678",
        "243812345678",
        "CD0001",
        "cd0001",
        "KIT0001AB",
        "kit0001ab",
    ]:
        found = customers.search_customers(query, region="CD")
        assert [c.account_number for c in found][:1] == ["CD0001"], query


def test_exact_account_match_ranks_first(database, clock):
    add(clock, name="Someone CD0001X", account_number="CD0001X", kit_serial="", phone="0811111111")
    add(clock)
    assert customers.search_customers("CD0001", region="CD")[0].account_number == "CD0001"


def test_name_start_ranks_before_inner_fragment(database, clock):
    add(clock, name="Amina Kibanga", account_number="CD0010", kit_serial="", phone="0811111112")
    add(clock, name="Banga Mwamba", account_number="CD0011", kit_serial="", phone="0811111113")
    assert [c.name for c in customers.search_customers("banga", region="CD")] == [
        "Banga Mwamba",
        "Amina Kibanga",
    ]


def test_duplicate_account_or_kit_changes_nothing(database, clock):
    add(clock)
    with pytest.raises(Conflict) as error:
        add(clock, kit_serial="OTHER999", phone="0811111111")
    assert error.value.field == "account_number"
    with pytest.raises(Conflict) as error:
        add(clock, account_number="CD0099", phone="0811111111")
    assert error.value.field == "kit_serial"
    assert Customer.select().count() == 1


def test_the_database_itself_refuses_duplicates(database, clock):
    add(clock)
    row = Customer.get()
    with pytest.raises(peewee.IntegrityError), database.atomic():
        Customer.insert(
            uuid="x",
            account_number=row.account_number,
            name="x",
            phone="+243",
            country="CD",
            search_text="x",
            created_at=clock(),
            updated_at=clock(),
        ).execute()


def test_invalid_input_changes_nothing(database, clock):
    for bad in [{"name": "  "}, {"phone": "0754123456"}, {"account_number": "!"}]:
        with pytest.raises(ValidationError):
            add(clock, **bad)
    assert Customer.select().count() == 0


def test_edit_updates_the_search(database, clock):
    add(clock)
    clock.advance(hours=1)
    updated = customers.update_customer(
        "cd0001",
        CustomerInput(
            name="Jean Mukendi",
            phone="0998887777",
            country="CD",
            account_number="CD0001",
            kit_serial="KIT0001AB",
        ),
        clock,
    )
    assert updated.phone == "+243998887777"
    assert customers.search_customers("Kabila", region="CD") == []
    assert customers.search_customers("mukendi", region="CD")[0].account_number == "CD0001"
    assert Customer.get().updated_at == clock()


def test_edit_of_unknown_customer(database, clock):
    with pytest.raises(NotFound):
        customers.get_customer("NOPE99")


def test_scanned_kit_serial_selects_the_customer(database, clock):
    add(clock)
    assert customers.find_by_kit_serial(" kit0001ab ").account_number == "CD0001"
    assert customers.find_by_kit_serial("KIT9999") is None


def test_search_text_with_sql_characters_is_harmless(database, clock):
    add(clock)
    for query in ["%%%", "___", "' OR 1=1 --", '"kab"', "kab*"]:
        assert customers.search_customers(query, region="CD") == []


def test_demo_shop_is_deterministic(demo_db, clock):
    from konnect_pos.services.demo import generate_customers

    stored = [(c.account_number, c.name) for c in Customer.select().order_by(Customer.account_number)]
    generated = generate_customers(200, ["CD", "CG", "CI", "TZ"])
    assert generated == generate_customers(200, ["CD", "CG", "CI", "TZ"])
    assert stored == sorted((g.account_number, " ".join(g.name.split())) for g in generated)
    assert generated[0].account_number == "CD00000001"


def insert_customers(clock, inputs: list[CustomerInput]) -> None:
    """Many customers in one statement, through the counter's validation (as the demo seeds them)."""
    from konnect_pos.domain.customers import validate_customer

    rows = []
    for number, data in enumerate(inputs):
        valid = validate_customer(data)
        rows.append(
            {
                "uuid": f"u-{data.account_number}-{number}",
                "account_number": valid.account_number,
                "name": valid.name,
                "phone": valid.phone,
                "country": valid.country,
                "kit_serial": valid.kit_serial,
                "language": "",
                "search_text": valid.search_text,
                "created_at": clock(),
                "updated_at": clock(),
            }
        )
    Customer.insert_many(rows).execute()


def test_the_outlets_own_country_is_listed_first_then_as_before(database, clock):
    add(clock, name="Marie Kouassi", phone="0701020304", country="CI", account_number="CI0001", kit_serial="")
    add(clock, name="Omar Ilunga", phone="0811111114", account_number="CD0002", kit_serial="")
    add(clock, name="Marc Kabila", phone="0811111115", account_number="CD0003", kit_serial="")
    add(clock, name="Aya Marcel", phone="0701020305", country="CI", account_number="CI0002", kit_serial="")
    at_kinshasa = [c.account_number for c in customers.search_customers("mar", region="CD")]
    at_abidjan = [c.account_number for c in customers.search_customers("mar", region="CI")]
    # Within a country as before: name start, then word start, then any fragment.
    assert at_kinshasa == ["CD0003", "CD0002", "CI0001", "CI0002"]
    assert at_abidjan == ["CI0001", "CI0002", "CD0003", "CD0002"]


def test_own_country_first_even_behind_more_foreign_hits_than_candidates(database, clock):
    foreign = [
        CustomerInput(
            name=f"Marie Kouassi {number}",
            phone=f"07{number:08d}",
            country="CI",
            account_number=f"CI{number:05d}",
            kit_serial="",
        )
        for number in range(customer_search.CANDIDATES + 50)  # indexed before the Congolese customer
    ]
    insert_customers(clock, foreign)
    add(clock, name="Omar Ilunga", phone="0811111114", account_number="CD0002", kit_serial="")
    found = customers.search_customers("mar", region="CD")
    assert found[0].account_number == "CD0002"
    assert [c.country for c in found[1:]] == ["CI"] * 19


def test_exact_matches_of_own_country_come_first(database, clock):
    add(clock, name="Zed Kouassi", phone="0701020304", country="CI", account_number="CI0001", kit_serial="")
    add(clock, name="Abel Mbuyi", phone="0811111114", account_number="CD0002", kit_serial="CI0001")
    assert [c.account_number for c in customers.search_customers("CI0001", region="CD")] == [
        "CD0002",
        "CI0001",
    ]
    assert [c.account_number for c in customers.search_customers("CI0001", region="CI")] == [
        "CI0001",
        "CD0002",
    ]
