"""Selling: one transaction, gapless receipt numbers, references never reused — SQLite and PostgreSQL."""

from decimal import Decimal

import pytest

from konnect_pos.domain.bundle_queue import AccountStatus, BundleState, Trigger
from konnect_pos.domain.errors import (
    AuthenticationFailed,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CardTender, CashTender, MobileMoneyTender
from konnect_pos.services import checkout
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.session import sign_in
from konnect_pos.services.verify import verify
from konnect_pos.store.models import JournalEntry, OutboxEvent, Payment, Purchase, Sale, SaleLine
from tests.support import next_business_day

CUSTOMER = "CD00000001"


def usd(value):
    return Money.of(value, "USD")


@pytest.fixture
def counter(demo_db, clock):
    return sign_in("KIN01-T1", "cashier", "1111", clock)


def two_bundles():
    return [CartItem("CD-LITE15"), CartItem("CD-STD40", Trigger.DATA_EXHAUSTED)]


def mpesa(reference="QK7AB12CD3", amount=None):
    return MobileMoneyTender("mpesa", reference, "0812345678", amount)


def counts():
    """Rows a sale writes (the demo's day openings are in the journal too, so only sale entries count)."""
    return [m.select().count() for m in (Sale, SaleLine, Payment, Purchase)] + [
        JournalEntry.select().where(JournalEntry.kind == "sale").count(),
        OutboxEvent.select().where(OutboxEvent.kind == "sale").count(),
    ]


def test_sale_of_two_bundles_by_cash_and_mpesa(counter, clock):
    result = checkout.sell(counter, CUSTOMER, two_bundles(), [mpesa(amount=usd(30)), CashTender(usd(20))])
    assert result.receipt_number == "KIN01-T1-000001"
    assert result.total == usd(46) and result.change == usd(4)
    first, second = result.timeline.entries
    assert first.state is BundleState.ACTIVE and first.starts_at == clock()
    assert second.trigger is Trigger.DATA_EXHAUSTED and not second.starts_exact
    sale = Sale.get()
    assert (sale.total_minor, sale.paid_minor, sale.change_minor) == (4600, 4600, 400)
    assert sale.vat_minor == 234 + 400  # 17 × 16/116 = 2.34 and 29 × 16/116 = 4.00, per line half-up
    assert [p.merchant_number for p in Payment.select().order_by(Payment.position)] == ["880011", None]
    assert counts() == [1, 2, 2, 2, 1, 1]
    assert verify().ok


def test_receipt_numbers_are_gapless_even_after_a_failed_sale(counter, clock):
    checkout.sell(counter, CUSTOMER, [CartItem("CD-WEEK5")], [CashTender(usd(6))])
    with pytest.raises(ValidationError):
        checkout.sell(counter, CUSTOMER, [CartItem("CD-WEEK5")], [CashTender(usd(5))])
    clock.advance(minutes=2)
    result = checkout.sell(counter, "CD00000005", [CartItem("CD-WEEK5")], [CashTender(usd(6))])
    assert result.receipt_number == "KIN01-T1-000002"


def test_a_reference_is_never_accepted_twice(counter):
    checkout.sell(counter, CUSTOMER, [CartItem("CD-WEEK5")], [mpesa()])
    before = counts()
    with pytest.raises(Conflict) as error:
        checkout.sell(counter, "CD00000005", [CartItem("CD-WEEK5")], [mpesa(reference="qk7ab12cd3")])
    assert error.value.field == "reference"
    assert counts() == before


def test_the_database_refuses_a_duplicate_reference_by_itself(counter, database):
    import peewee

    checkout.sell(counter, CUSTOMER, [CartItem("CD-WEEK5")], [mpesa()])
    original = Payment.get()
    with pytest.raises(peewee.IntegrityError), database.atomic():
        Payment.insert(
            uuid="dup",
            sale=original.sale_id,
            position=9,
            method="mobile_money",
            currency="USD",
            amount_minor=1,
            provider="mpesa",
            reference="QK7AB12CD3",
        ).execute()


@pytest.mark.parametrize(
    ("items", "tenders", "error"),
    [
        ([], [CashTender(usd(10))], ValidationError),
        ([CartItem("NOPE")], [CashTender(usd(10))], NotFound),
        ([CartItem("TZ-LITE15")], [CashTender(usd(100))], ValidationError),  # another country's bundle
        ([CartItem("CD-WEEK5")], [CashTender(usd(5))], ValidationError),  # underpaid
        ([CartItem("CD-WEEK5")], [mpesa(amount=usd(7))], ValidationError),  # overpaid mobile
        ([CartItem("CD-WEEK5")], [CardTender("A1B2", "1234", usd(7))], ValidationError),
        ([CartItem("CD-WEEK5")], [mpesa(reference="BAD")], ValidationError),
        ([CartItem("CD-WEEK5")], [MobileMoneyTender("mtn_momo", "123456789", "0812345678")], ValidationError),
        ([CartItem("CD-WEEK5")], [CardTender("A1B2", "4111111111111111")], ValidationError),
        ([CartItem("CD-WEEK5")], [CashTender(Money.of(10_000, "CDF"))], ValidationError),  # < 6 USD at 2850
        ([CartItem("CD-WEEK5")], [CashTender(Money.of(20_000, "XAF"))], ValidationError),
    ],
)
def test_bad_sales_write_nothing(counter, items, tenders, error):
    with pytest.raises(error):
        checkout.sell(counter, CUSTOMER, items, tenders)
    assert counts() == [0, 0, 0, 0, 0, 0]


def test_unknown_customer(counter):
    with pytest.raises(NotFound):
        checkout.sell(counter, "NOPE1234", [CartItem("CD-WEEK5")], [CashTender(usd(6))])


def test_wrong_pin_and_missing_right(demo_db, clock):
    with pytest.raises(AuthenticationFailed):
        sign_in("KIN01-T1", "cashier", "0000", clock)
    counter = sign_in("KIN01-T1", "cashier", "1111", clock)
    from konnect_pos.domain.roles import Right

    with pytest.raises(PermissionDenied):
        counter.require(Right.VOID)


def test_second_sale_queues_behind_and_dormant_account_restarts(counter, clock):
    checkout.sell(counter, CUSTOMER, [CartItem("CD-WEEK5")], [CashTender(usd(6))])
    next_business_day(clock)
    result = checkout.sell(
        counter, CUSTOMER, [CartItem("CD-LITE15", Trigger.DATA_EXHAUSTED)], [CashTender(usd(17))]
    )
    assert [e.state for e in result.timeline.entries] == [BundleState.ACTIVE, BundleState.QUEUED]
    next_business_day(clock, days=60)
    assert checkout.account_timeline(CUSTOMER, clock()).status is AccountStatus.DORMANT
    result = checkout.sell(counter, CUSTOMER, [CartItem("CD-WEEK5")], [CashTender(usd(6))])
    assert result.timeline.entries[-1].starts_at == clock()


def test_preview_writes_nothing_and_totals_vat(counter):
    preview = checkout.preview_cart(counter, CUSTOMER, two_bundles())
    assert preview.total == usd(46) and preview.vat_rate == Decimal("0.16")
    assert preview.subtotal + preview.vat == preview.total
    assert counts() == [0, 0, 0, 0, 0, 0]


def test_verify_detects_an_edit_behind_the_apps_back(counter, database):
    checkout.sell(counter, CUSTOMER, two_bundles(), [mpesa(amount=usd(30)), CashTender(usd(20))])
    assert verify().ok
    database.execute_sql("UPDATE sale SET total_minor = 100")
    report = verify()
    assert not report.ok and "KIN01-T1-000001" in report.problems[0]


def test_verify_detects_a_journal_edit(counter, database):
    checkout.sell(counter, CUSTOMER, [CartItem("CD-WEEK5")], [CashTender(usd(6))])
    database.execute_sql(
        "UPDATE journal_entry SET payload = REPLACE(payload, '600', '60') WHERE kind = 'sale'"
    )
    problem = verify().problems[0]
    assert "KIN01-T1 journal entry 5: journal entry altered" in problem  # opening, rate, 2 demo credits


def test_queued_bundles_can_be_reordered_and_retriggered_with_an_audit_trail(counter, clock):
    from konnect_pos.services import account
    from konnect_pos.store.models import QueueChange

    items = [CartItem("CD-WEEK5"), CartItem("CD-LITE15"), CartItem("CD-STD40")]
    result = checkout.sell(counter, CUSTOMER, items, [CashTender(usd(52))])
    active, lite, std = result.timeline.entries
    clock.advance(hours=1)
    timeline = account.retrigger_queued(counter, CUSTOMER, lite.purchase_id, Trigger.DATA_EXHAUSTED)
    assert timeline.entries[1].trigger is Trigger.DATA_EXHAUSTED
    timeline = account.move_queued(counter, CUSTOMER, std.purchase_id, 1)  # right behind the active one
    assert [e.terms.code for e in timeline.entries] == ["CD-WEEK5", "CD-STD40", "CD-LITE15"]
    assert [e.terms.code for e in checkout.account_timeline(CUSTOMER, clock()).entries] == [
        "CD-WEEK5",
        "CD-STD40",
        "CD-LITE15",
    ]
    assert [c.kind for c in QueueChange.select().order_by(QueueChange.id)] == ["trigger", "move"]
    assert JournalEntry.select().where(JournalEntry.kind.startswith("queue_")).count() == 2 and verify().ok
    before = counts()
    with pytest.raises(ValidationError):
        account.retrigger_queued(counter, CUSTOMER, active.purchase_id, Trigger.PERIOD_END)
    assert counts() == before and QueueChange.select().count() == 2
