"""The customer-service desk (issue 20 item 3) on SQLite and PostgreSQL: the demo's desk sells a
caller of any country that country's bundles in its currency at its VAT, by mobile money only to
that country's merchant number; a desk is set up by an administrator or added as a new outlet."""

from __future__ import annotations

from decimal import Decimal

import pytest

from konnect_pos.domain.errors import Conflict, PermissionDenied, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CardTender, CashTender, MobileMoneyTender
from konnect_pos.services import checkout, customer_service, verify
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.outlets import get_outlet, get_terminal
from konnect_pos.services.session import sign_in
from konnect_pos.store.models import Customer, JournalEntry, Payment, Sale

DESK = "CSC01-T1"


def caller(country: str) -> str:
    return Customer.select().where(Customer.country == country).order_by(Customer.id).first().account_number


def test_the_demo_desk_gives_each_countrys_merchant_numbers_and_hours(demo_db):
    outlet = get_outlet("CSC01")
    assert customer_service.is_desk(outlet) and not outlet.accepts_card
    tz = customer_service.caller_terms(outlet, "TZ")
    assert (tz.currency, tz.vat_rate, tz.zone) == ("TZS", Decimal("0.18"), "Africa/Dar_es_Salaam")
    assert tz.merchant_numbers == {"mpesa": "5050100", "mixx": "7750100", "airtel_money": "6650100"}
    assert tz.service.phone == "+255 768 132 829" and tz.service.hours == "Monday to Saturday, 9am–6pm"
    assert tz.desk_rules.methods == ("mobile_money",)
    assert customer_service.caller_terms(outlet, "CI").merchant_numbers == {"mtn_momo": "0544001100"}
    assert customer_service.caller_terms(outlet, "CD").currency == "USD"
    shop = customer_service.caller_terms(get_outlet("KIN01"), "CD")
    assert shop.merchant_numbers == {"mpesa": "880011", "orange_money": "770022"}


def test_a_caller_from_tanzania_is_sold_tanzanian_bundles_by_mobile_money(demo_db, clock):
    counter = sign_in(DESK, "cashier", "1111", clock)
    account = caller("TZ")
    preview = checkout.preview_cart(counter, account, [CartItem("TZ-LITE15")])
    assert preview.total == Money.of("35000", "TZS") and preview.vat_rate == Decimal("0.18")
    tender = MobileMoneyTender("mpesa", "QK7AB12CD3", "0761234567", None)
    sold = checkout.sell(counter, account, [CartItem("TZ-LITE15")], [tender])
    sale = Sale.get(Sale.receipt_number == sold.receipt_number)
    assert (sale.channel, sale.currency, sale.total_minor) == ("customer_service", "TZS", 3_500_000)
    payment = Payment.get(Payment.sale == sale)
    assert (payment.method, payment.provider, payment.merchant_number) == ("mobile_money", "mpesa", "5050100")
    cd = checkout.sell(
        counter,
        caller("CD"),
        [CartItem("CD-WEEK5")],
        [MobileMoneyTender("orange_money", "OM-123456", "0851234567", None)],
    )
    assert cd.total == Money.of("6", "USD")
    assert Payment.select().where(Payment.merchant_number == "770100").count() == 1
    assert verify.verify().ok


def test_the_desk_refuses_cash_cards_and_another_countrys_provider_and_writes_nothing(demo_db, clock):
    counter = sign_in(DESK, "cashier", "1111", clock)
    account = caller("TZ")
    before = (Sale.select().count(), JournalEntry.select().count())
    for tender, message in (
        (CashTender(Money.of("35000", "TZS")), "Customer Service takes mobile money only"),
        (CardTender("123456", "4242", None), "Customer Service takes mobile money only"),
        (MobileMoneyTender("mtn_momo", "MTN-123456", "0761234567", None), "is not offered"),
    ):
        with pytest.raises(ValidationError, match=message):
            checkout.sell(counter, account, [CartItem("TZ-LITE15")], [tender])
    with pytest.raises(ValidationError):  # a bundle of another country than the caller's
        checkout.sell(
            counter, account, [CartItem("CI-WEEK5")], [MobileMoneyTender("mpesa", "QK7AB12CD3", "", None)]
        )
    assert (Sale.select().count(), JournalEntry.select().count()) == before


def test_a_shop_still_sells_only_to_its_own_country(demo_db, clock):
    counter = sign_in("KIN01-T1", "cashier", "1111", clock)
    with pytest.raises(ValidationError, match="sell it at an outlet of that country"):
        checkout.preview_cart(counter, caller("TZ"), [CartItem("TZ-LITE15")])


def test_an_administrator_makes_a_shop_a_desk_and_bad_numbers_change_nothing(demo_db, clock):
    admin = sign_in("DAR01-T1", "admin", "999999", clock)
    with pytest.raises(ValidationError):
        customer_service.set_up_desk(admin, kind="customer_service", numbers={"CD": {"mpesa": "12"}})
    with pytest.raises(ValidationError):
        customer_service.set_up_desk(admin, kind="customer_service", numbers={"CD": {"mtn_momo": "123456"}})
    with pytest.raises(ValidationError):
        customer_service.set_up_desk(admin, kind="bank", numbers={})
    assert get_outlet("DAR01").kind == "shop"
    with pytest.raises(PermissionDenied):
        customer_service.set_up_desk(
            sign_in("DAR01-T1", "manager", "222222", clock), kind="customer_service", numbers={}
        )
    outlet = customer_service.set_up_desk(
        admin, kind="customer_service", numbers={"CD": {"mpesa": " 88 0200 "}}
    )
    assert outlet.kind == "customer_service" and not outlet.accepts_card
    assert customer_service.desk_numbers(outlet) == {"CD": {"mpesa": "880200"}, "TZ": outlet.merchant_numbers}
    cashier = sign_in("DAR01-T1", "cashier", "1111", clock)
    with pytest.raises(ValidationError, match="Customer Service takes mobile money only"):
        checkout.sell(cashier, caller("TZ"), [CartItem("TZ-WEEK5")], [CashTender(Money.of("12000", "TZS"))])
    back = customer_service.set_up_desk(admin, kind="shop", numbers={})
    assert back.kind == "shop" and customer_service.desk_numbers(back) == {"TZ": back.merchant_numbers}


def test_a_new_desk_is_an_outlet_with_its_terminal(demo_db, clock):
    added = customer_service.add_desk(
        "CSC02", "Huduma kwa Wateja Dar", "TZ", clock, numbers={"CG": {"mtn_momo": "060200200"}}
    )
    assert added.label == "CSC02-T1" and added.outlet.kind == "customer_service"
    assert customer_service.caller_terms(get_terminal("CSC02-T1").outlet, "CG").merchant_numbers == {
        "mtn_momo": "060200200"
    }
    for bad in (
        lambda: customer_service.add_desk("CSC02", "Again", "TZ", clock),
        lambda: customer_service.add_desk("C", "Short", "TZ", clock),
        lambda: customer_service.add_desk("CSC03", " ", "TZ", clock),
        lambda: customer_service.add_desk("CSC03", "Desk", "XX", clock),
        lambda: customer_service.add_desk("CSC03", "Desk", "CD", clock, zone="Europe/Paris"),
    ):
        with pytest.raises((Conflict, ValidationError)):
            bad()
