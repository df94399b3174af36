"""Voids and refunds on SQLite and PostgreSQL: new records, the sale itself never edited."""

import pytest

from konnect_pos.domain.bundle_queue import Trigger
from konnect_pos.domain.errors import PermissionDenied, StateError, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender, MobileMoneyTender
from konnect_pos.services import business_day, checkout, corrections, drawer
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.session import sign_in
from konnect_pos.services.users import authenticate
from konnect_pos.services.verify import verify
from konnect_pos.store.models import Refund, Sale, SaleVoid
from tests.support import next_business_day

CUSTOMER = "CD00000001"


def usd(value):
    return Money.of(value, "USD")


@pytest.fixture
def manager(demo_db, clock):
    return sign_in("KIN01-T1", "manager", "222222", clock)


@pytest.fixture
def cashier(demo_db, clock):
    return sign_in("KIN01-T1", "cashier", "1111", clock)


def sell_two(cashier, customer=CUSTOMER):
    return checkout.sell(
        cashier,
        customer,
        [CartItem("CD-LITE15"), CartItem("CD-WEEK5", Trigger.PERIOD_END)],
        [CashTender(usd(30))],
    )


def test_void_removes_queued_bundles_only_after_confirming_the_active_one(cashier, manager, clock):
    sale = sell_two(cashier)
    before = Sale.get().total_minor
    with pytest.raises(StateError) as error:
        corrections.void_sale(manager, sale.receipt_number, "wrong customer")
    assert error.value.field == "remove_active"
    result = corrections.void_sale(manager, sale.receipt_number, "wrong customer", remove_active=True)
    assert result.removed == ("Konnect Lite 15 Go", "Konnect Semaine 5 Go") and result.refund_due == usd(23)
    assert checkout.account_timeline(CUSTOMER, clock()).entries == ()
    assert Sale.get().total_minor == before  # the original is never edited
    assert drawer.expected_cash(business_day.current_day(manager).id)["USD"] == usd(50)
    with pytest.raises(StateError, match="already voided"):
        corrections.void_sale(manager, sale.receipt_number, "again", remove_active=True)
    assert verify().ok


def test_void_of_a_sale_on_an_active_account_leaves_the_running_bundle(cashier, manager, clock):
    checkout.sell(cashier, CUSTOMER, [CartItem("CD-LITE15")], [CashTender(usd(17))])
    queued = checkout.sell(cashier, CUSTOMER, [CartItem("CD-WEEK5")], [CashTender(usd(6))])
    corrections.void_sale(manager, queued.receipt_number, "customer changed mind")
    assert [e.terms.code for e in checkout.account_timeline(CUSTOMER, clock()).entries] == ["CD-LITE15"]


def test_cashier_voids_with_manager_approval_and_it_is_recorded(cashier, clock):
    sale = sell_two(cashier)
    with pytest.raises(PermissionDenied):
        corrections.void_sale(cashier, sale.receipt_number, "typo", remove_active=True)
    approver = authenticate("manager", "222222", clock)
    corrections.void_sale(cashier, sale.receipt_number, "typo", remove_active=True, approver=approver)
    record = SaleVoid.get()
    assert (record.user.username, record.approved_by.username) == ("cashier", "manager")


def test_no_void_after_the_close_refund_instead(cashier, manager, clock):
    sale = checkout.sell(
        cashier, CUSTOMER, [CartItem("CD-STD40")], [MobileMoneyTender("mpesa", "QK7AB12CD3", "0812345678")]
    )
    next_business_day(clock)
    with pytest.raises(StateError, match="refund it instead"):
        corrections.void_sale(manager, sale.receipt_number, "late", remove_active=True)
    first = corrections.refund_sale(manager, sale.receipt_number, "10", "slow installation")
    assert (first.method, first.provider, first.refundable_left) == ("mobile_money", "mpesa", usd(19))
    with pytest.raises(ValidationError, match="At most"):
        corrections.refund_sale(manager, sale.receipt_number, "20", "more than paid")
    cash = corrections.refund_sale(manager, sale.receipt_number, "19", "rest in cash", method="cash")
    assert cash.method == "cash" and cash.refundable_left == usd(0)
    assert drawer.expected_cash(business_day.current_day(manager).id)["USD"] == usd(0 - 19)
    assert Refund.select().count() == 2 and verify().ok


@pytest.mark.parametrize(
    ("amount", "reason", "method", "field"),
    [
        ("-5", "x", "original", "amount"),
        ("abc", "x", "original", "amount"),
        ("0", "x", "original", "amount"),
        ("5", "  ", "original", "reason"),
        ("5", "x", "cheque", "method"),
        ("5.001", "x", "original", "amount"),
    ],
)
def test_bad_refunds_change_nothing(cashier, manager, amount, reason, method, field):
    sale = sell_two(cashier)
    with pytest.raises(ValidationError) as error:
        corrections.refund_sale(manager, sale.receipt_number, amount, reason, method=method)
    assert error.value.field == field and Refund.select().count() == 0


def test_voided_sale_cannot_be_refunded_and_cashier_cannot_refund(cashier, manager):
    sale = sell_two(cashier)
    with pytest.raises(PermissionDenied):
        corrections.refund_sale(cashier, sale.receipt_number, "5", "x")
    corrections.void_sale(manager, sale.receipt_number, "mistake", remove_active=True)
    with pytest.raises(StateError, match="voided"):
        corrections.refund_sale(manager, sale.receipt_number, "5", "x")
