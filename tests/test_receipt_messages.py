"""A receipt queued by SMS or WhatsApp at the terminal (SQLite and PostgreSQL): the row, its
journal entry and outbox event in one transaction, refusals that change nothing, ``verify``
clean and catching an edited or deleted request."""

from __future__ import annotations

import pytest

from konnect_pos.domain.errors import KonnectError, NotFound, StateError, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender, MobileMoneyTender
from konnect_pos.i18n import translate_error
from konnect_pos.services import checkout, corrections, demo
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.receipt_messages import preview, send_receipt
from konnect_pos.services.session import sign_in
from konnect_pos.services.verify import verify
from konnect_pos.store.message_models import ReceiptMessage
from konnect_pos.store.models import Customer, JournalEntry, OutboxEvent

T1 = "KIN01-T1"


@pytest.fixture
def shop(database, clock):
    demo.seed(clock, customers=20)
    cashier = sign_in(T1, "cashier", "1111", clock)
    sale = checkout.sell(
        cashier,
        "CD00000013",
        [CartItem("CD-WEEK5"), CartItem("CD-LITE15", "data_exhausted")],
        [MobileMoneyTender("mpesa", "QK7AB12CD3", "0812345678")],
    )
    return cashier, sale.receipt_number


def _counts() -> tuple[int, int, int]:
    return ReceiptMessage.select().count(), JournalEntry.select().count(), OutboxEvent.select().count()


def test_a_request_is_its_row_journal_entry_and_outbox_event(shop):
    cashier, number = shop
    customer = Customer.get(Customer.account_number == "CD00000013")
    before = _counts()
    queued = send_receipt(cashier, number.lower(), "sms")
    assert _counts() == (before[0] + 1, before[1] + 1, before[2] + 1)
    row = ReceiptMessage.get(ReceiptMessage.uuid == queued.uuid)
    assert (row.channel, row.phone, row.parts) == ("sms", customer.phone, 1)
    assert row.text.splitlines()[0].endswith(number) and "QK7AB12CD3" in row.text
    event = OutboxEvent.get(OutboxEvent.record_uuid == queued.uuid)
    assert event.kind == "receipt_message" and event.sent_at is None
    assert verify().problems == []


def test_whatsapp_to_another_number_in_the_customers_country_or_in_plus_form(shop):
    cashier, number = shop
    local = send_receipt(cashier, number, "whatsapp", "0991234567")
    assert (local.preview.channel, local.preview.phone) == ("whatsapp", "+243991234567")
    abroad = send_receipt(cashier, number, "sms", "+225 07 07 12 34 56")
    assert abroad.preview.phone == "+2250707123456"


def test_the_text_is_in_the_customers_language(shop, database):
    cashier, number = shop
    Customer.update(language="sw").where(Customer.account_number == "CD00000013").execute()
    assert preview(cashier, number, "sms").text.startswith("Risiti ya Konnect ")


@pytest.mark.parametrize(
    ("args", "error", "line"),
    [
        (("KIN01-T1-999999", "sms"), NotFound, "No receipt KIN01-T1-999999"),
        (("{number}", "fax"), ValidationError, "Send the receipt by sms or whatsapp"),
        (("{number}", "sms", "12"), ValidationError, "12 is not a valid phone number for Congo - Kinshasa"),
    ],
)
def test_bad_requests_are_one_line_and_change_nothing(shop, args, error, line):
    cashier, number = shop
    before = _counts()
    with pytest.raises(error) as refused:
        send_receipt(cashier, *(a.format(number=number) for a in args))
    assert translate_error(refused.value, "en") == line
    assert translate_error(refused.value, "fr") != line and translate_error(refused.value, "sw") != line
    assert _counts() == before


def test_a_voided_sale_is_not_sent_and_a_customer_without_phone_needs_one(shop, clock):
    cashier, number = shop
    manager = sign_in(T1, "manager", "222222", clock)
    other = checkout.sell(cashier, "CD00000017", [CartItem("CD-WEEK5")], [CashTender(Money.of("6", "USD"))])
    corrections.void_sale(manager, other.receipt_number, "wrong customer", remove_active=True)
    with pytest.raises(StateError) as refused:
        send_receipt(cashier, other.receipt_number, "sms")
    said = translate_error(refused.value, "fr")
    assert said == f"Le reçu {other.receipt_number} a été annulé : il n'est pas envoyé"
    Customer.update(phone="").where(Customer.account_number == "CD00000013").execute()
    with pytest.raises(KonnectError) as no_phone:
        send_receipt(cashier, number, "sms")
    assert translate_error(no_phone.value, "en") == "The customer has no phone number: give one"
    assert ReceiptMessage.select().count() == 0


TAMPERS = {
    "change the text": ("UPDATE receipt_message SET text = 'Total $1.00'", "no longer matches"),
    "change the phone": ("UPDATE receipt_message SET phone = '+243990000000'", "no longer matches"),
    "delete the request": ("DELETE FROM receipt_message", "its receipt sent by SMS or WhatsApp row"),
}


@pytest.mark.parametrize("tamper", TAMPERS)
def test_verify_finds_a_request_edited_behind_the_apps_back(shop, database, tamper):
    cashier, number = shop
    send_receipt(cashier, number, "sms")
    statement, expected = TAMPERS[tamper]
    database.execute_sql(statement)
    problems = verify().problems
    assert any(expected in problem for problem in problems), problems
