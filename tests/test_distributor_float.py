"""A distributor's float and credit limit, and offline limits (issue 19 items 1 and 3): set at a
real HQ (PostgreSQL), pulled by the terminal on SQLite and on PostgreSQL, consumed by real sales,
refused past the limit with what is left, journaled and checked by verify."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from konnect_pos.domain.commissions import commission_for
from konnect_pos.domain.distributor_limits import refund_give_back, wholesale_value
from konnect_pos.domain.errors import PermissionDenied, StateError, ValidationError
from konnect_pos.domain.money import MAX_MINOR, Money
from konnect_pos.domain.payments import CashTender
from konnect_pos.hq import admin as hq_admin
from konnect_pos.hq import commissions as hq_commissions
from konnect_pos.hq import distributor_float as hq_float
from konnect_pos.i18n import translate_error
from konnect_pos.services import checkout, corrections, demo, outlet_limits
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.outlets import get_terminal
from konnect_pos.services.session import sign_in
from konnect_pos.services.sync import client, reference
from konnect_pos.services.users import authenticate
from konnect_pos.services.verify import verify
from konnect_pos.store.database import db
from konnect_pos.store.limit_models import FloatPull, FloatReturn, FloatUse, OfflineOverride
from konnect_pos.store.models import JournalEntry, Refund, Sale
from konnect_pos.store.schema import open_database
from tests.support import next_business_day
from tests.sync_support import private_credentials

LUB = "LUB01-T1"  # the demo's distributor (Lubumbashi, USD bundles)


@pytest.fixture(autouse=True)
def _credentials(monkeypatch, tmp_path):
    private_credentials(monkeypatch, tmp_path)


@pytest.fixture
def lub(db_url, clock, hq):
    """The distributor's laptop (SQLite file, or a PostgreSQL database), linked to HQ."""
    opened = open_database(db_url)
    demo.seed(clock, customers=20, only_country="CD")
    reference.load_reference(hq.url)
    client.link(LUB, hq_admin.add_terminal(hq.url, "LUB01", "T1"), clock)
    yield LUB
    opened.close()


def sell(clock, code: str = "CD-WEEK5", pay: str = "6", account: str = "CD00000001") -> str:
    counter = sign_in(LUB, "cashier", "1111", clock)
    return checkout.sell(
        counter, account, [CartItem(code)], [CashTender(Money.of(pay, "USD"))]
    ).receipt_number


def status(clock):
    return outlet_limits.limits_status(get_terminal(LUB), clock())


def usd(text: str) -> Money:
    return Money.of(text, "USD")


# --- the pure rule ---------------------------------------------------------------------------


def test_the_wholesale_value_is_the_price_less_the_lines_commissions():
    price = usd("29")
    assert commission_for(price, Decimal("5")) == usd("1.45")
    assert wholesale_value(usd("35"), [commission_for(price, Decimal("5")), usd("0")]) == usd("33.55")


@pytest.mark.parametrize(
    "consumed, paid, before, refunded, back",
    [
        ("5.55", "6", "0", "2", "1.85"),  # 555 × 200 / 600 = 185
        ("5.55", "6", "2", "1", "0.93"),  # cumulated: 555 × 300 / 600 = 277.5 → 278, less 185
        ("5.55", "6", "3", "3", "2.77"),  # the rest: 555 − 278
        ("5.55", "6", "0", "6", "5.55"),  # a whole refund gives back exactly what the sale consumed
        ("0.01", "6", "0", "0.01", "0.00"),  # 1 × 1 / 600 rounds to nothing …
        ("0.01", "6", "0.01", "5.99", "0.01"),  # … and the rest gives back the cent
        ("6", "6", "0", "0", "0.00"),
    ],
)
def test_a_refund_gives_back_its_share_of_the_wholesale_value_rounded_on_the_cumulated_share(
    consumed, paid, before, refunded, back
):
    assert refund_give_back(usd(consumed), usd(paid), usd(before), usd(refunded)) == usd(back)


def test_the_give_back_is_rounded_to_the_currencys_minor_unit():
    francs = Money.of("1000", "XAF")  # no minor digits: 1000 × 1 / 3 = 333.3 → 333
    assert refund_give_back(francs, Money.of("3", "XAF"), Money.of("0", "XAF"), Money.of("1", "XAF")) == (
        Money.of("333", "XAF")
    )
    assert refund_give_back(usd("0"), usd("0"), usd("0"), usd("0")) == usd("0")  # nothing was paid


@given(
    st.integers(min_value=1, max_value=MAX_MINOR - 1),  # any amount Money holds
    st.integers(min_value=0, max_value=100),
    st.lists(st.integers(min_value=1, max_value=10**6), min_size=1, max_size=8),
    st.booleans(),
)
def test_several_refunds_never_give_back_more_than_the_sale_consumed(paid_minor, percent, weights, whole):
    """Exact in integers for any size: partial refunds give back at most, and refunds of the whole
    payment exactly, the sale's wholesale value; no refund gives back a negative amount."""
    paid = Money.from_minor(paid_minor, "USD")
    consumed = Money.from_minor(paid_minor * percent // 100, "USD")
    parts = [paid_minor * w // sum(weights) for w in weights]
    if whole:
        parts[-1] += paid_minor - sum(parts)
    before = back = Money.zero("USD")
    for part in (p for p in parts if p):
        refunded = Money.from_minor(part, "USD")
        given = refund_give_back(consumed, paid, before, refunded)
        assert not given.is_negative and given <= refunded
        back, before = back + given, before + refunded
        assert back <= consumed
    assert (back == consumed) if whole else (back <= consumed)


# --- float -----------------------------------------------------------------------------------


def test_sales_consume_the_float_offline_and_past_it_the_sale_is_refused_saying_what_is_left(lub, hq, clock):
    hq_float.set_credit_limit(hq.url, "LUB01", "USD", "10")
    hq_float.record_top_up(hq.url, "LUB01", "20", "BANK-0001", date(2026, 11, 19))
    assert status(clock).float is None  # not pulled yet: no float known at the terminal
    assert client.sync(LUB, clock).limits_changed
    assert status(clock).float.left == usd("30")
    assert not client.sync(LUB, clock).limits_changed  # nothing new: no second float_pull record

    for _ in range(4):
        sell(clock)  # 4 × 6 USD offline: the pulled float less the sales since
    assert status(clock).float.left == usd("6")
    sales_before = Sale.select().count()
    with pytest.raises(StateError) as refused:
        sell(clock, "CD-LITE15", "17")
    assert Sale.select().count() == sales_before and FloatUse.select().count() == 4  # nothing written
    assert translate_error(refused.value, "en") == (
        "This sale needs $17.00 of float but only $6.00 is left: the distributor must top up the float"
    )
    assert "6,00" in translate_error(refused.value, "fr") and "reste" in translate_error(refused.value, "fr")
    assert "6.00" in translate_error(refused.value, "sw") and "salio" in translate_error(refused.value, "sw")
    sell(clock)  # exactly what is left is still sold (credit used to its limit)
    assert status(clock).float.left == usd("0") and status(clock).float.balance == usd("-10")

    client.sync(LUB, clock)  # HQ counts them now; the terminal's figure does not move
    assert status(clock).float.used_since == usd("0") and status(clock).float.left == usd("0")
    (position,) = hq_float.positions(hq.url)
    assert (position.outlet_code, position.left, position.used, position.sales) == (
        "LUB01",
        usd("0"),
        usd("30"),
        5,
    )

    hq_float.record_top_up(hq.url, "LUB01", "12", "BANK-0002", date(2026, 11, 20))
    client.sync(LUB, clock)
    assert status(clock).float.left == usd("12")
    sell(clock)
    assert verify().problems == []


def test_two_offline_weeks_end_with_a_float_that_ties_out_at_hq(lub, hq, clock):
    hq_float.set_credit_limit(hq.url, "LUB01", "USD", "0")
    hq_float.record_top_up(hq.url, "LUB01", "1000", "BANK-0100", date(2026, 11, 19))
    client.sync(LUB, clock)
    sold = Money.zero("USD")
    for day in range(14):
        for code, price in (("CD-WEEK5", "6"), ("CD-STD40", "29")):
            sell(clock, code, price, account=f"CD{day + 1:08d}")
            sold += usd(price)
        next_business_day(clock, LUB)
    assert status(clock).float.left == usd("1000") - sold  # 1000 − 14 × 35 = 510
    client.sync(LUB, clock)
    (position,) = hq_float.positions(hq.url)
    assert position.used == sold and position.left == status(clock).float.left == usd("510")
    assert hq.query("SELECT sum(amount_minor) FROM hq_float_use")[0][0] == sold.to_minor()
    assert verify().problems == []


def test_a_void_gives_the_float_back_before_and_after_hq_counted_the_sale(lub, hq, clock):
    hq_float.set_credit_limit(hq.url, "LUB01", "USD", "0")
    hq_float.record_top_up(hq.url, "LUB01", "50", "BANK-0200", date(2026, 11, 19))
    client.sync(LUB, clock)
    manager = sign_in(LUB, "manager", "222222", clock)
    first, second = sell(clock), sell(clock, "CD-LITE15", "17", account="CD00000002")
    assert status(clock).float.left == usd("27")
    corrections.void_sale(manager, second, "wrong customer", remove_active=True)  # not at HQ yet
    assert status(clock).float.left == usd("44")
    client.sync(LUB, clock)
    assert status(clock).float.left == usd("44")
    corrections.void_sale(
        manager, first, "customer changed their mind", remove_active=True
    )  # HQ had counted it
    assert status(clock).float.left == usd("50")
    client.sync(LUB, clock)
    assert status(clock).float.left == usd("50")
    (position,) = hq_float.positions(hq.url)
    assert (position.left, position.sales) == (usd("50"), 0)
    assert verify().problems == []


def float_at_hq(hq) -> tuple[Money, Money]:
    """What HQ's report and what ``hq_my_limits`` (the terminal's pull) say is used."""
    (position,) = hq_float.positions(hq.url)
    ((pulled,),) = hq.query(f"SELECT used_minor FROM hq_my_limits('{LUB}')")
    return position.used, Money.from_minor(pulled, "USD")


def test_a_partial_refund_gives_back_its_share_of_the_wholesale_value_at_the_terminal_and_at_hq(
    lub, hq, clock
):
    """A 7.5 % commission: a 6 USD bundle consumes 5.55. The first sale is refunded after HQ counted
    it, the second before; three refunds of the first give back exactly what it consumed."""
    hq_commissions.set_commission_rate(hq.url, "CD", "CD-WEEK5", "distributor", "7.5", date(2026, 1, 1))
    hq_float.set_credit_limit(hq.url, "LUB01", "USD", "0")
    hq_float.record_top_up(hq.url, "LUB01", "50", "BANK-0300", date(2026, 11, 19))
    client.sync(LUB, clock)
    manager = sign_in(LUB, "manager", "222222", clock)
    first = sell(clock)
    assert status(clock).float.left == usd("44.45")
    client.sync(LUB, clock)  # HQ counts the first sale
    assert status(clock).float.left == usd("44.45") and status(clock).float.used_since == usd("0")

    done = corrections.refund_sale(manager, first, "2", "slow at night")  # sold before the pull
    assert done.float_returned == usd("1.85")  # 5.55 × 2 / 6
    assert status(clock).float.left == usd("46.30")
    assert corrections.refund_sale(manager, first, "1", "slow at night").float_returned == usd("0.93")
    assert status(clock).float.left == usd("47.23")  # 5.55 × 3 / 6 = 2.775 → 2.78 given back in all

    second = sell(clock, account="CD00000002")  # sold and wholly refunded before the next sync
    assert status(clock).float.left == usd("41.68")
    assert corrections.refund_sale(manager, second, "6", "duplicate").float_returned == usd("5.55")
    assert status(clock).float.left == usd("47.23")

    pulls = FloatPull.select().count()
    client.sync(LUB, clock)  # HQ has the refunds now: its figure and the terminal's agree
    assert FloatPull.select().count() == pulls + 1
    assert status(clock).float.left == usd("47.23") and status(clock).float.used_since == usd("0")
    assert float_at_hq(hq) == (usd("2.77"), usd("2.77"))
    (position,) = hq_float.positions(hq.url)
    assert position.left == usd("47.23")
    assert not client.sync(LUB, clock).limits_changed  # nothing new for the float: no new pull

    corrections.refund_sale(manager, first, "3", "cancelled")  # the rest of the first sale
    assert status(clock).float.left == usd("50.00")
    with pytest.raises(ValidationError):
        corrections.refund_sale(manager, first, "0.01", "once more")  # nothing left: nothing written
    assert FloatReturn.select().count() == Refund.select().count() == 4
    assert sum(row.amount_minor for row in FloatReturn.select()) == 2 * 555  # what the sales consumed
    client.sync(LUB, clock)
    assert status(clock).float.left == usd("50.00")
    assert float_at_hq(hq) == (usd("0"), usd("0"))
    assert hq.query("SELECT count(*), sum(amount_minor) FROM hq_float_return") == [(4, 2 * 555)]
    assert verify().problems == []


def test_a_refund_at_a_shop_gives_no_float_back(lub, hq, clock):
    """No float account at HQ: the sale consumed nothing and its refund writes no give-back."""
    client.sync(LUB, clock)
    receipt = sell(clock)
    manager = sign_in(LUB, "manager", "222222", clock)
    assert corrections.refund_sale(manager, receipt, "2", "slow").float_returned is None
    assert FloatReturn.select().count() == 0 and status(clock).float is None


def test_float_rows_edited_behind_the_apps_back_are_found_by_verify(lub, hq, clock):
    hq_float.set_credit_limit(hq.url, "LUB01", "USD", "100")
    client.sync(LUB, clock)
    sell(clock)
    assert verify().problems == []
    receipt = sell(clock, account="CD00000002")
    corrections.refund_sale(sign_in(LUB, "manager", "222222", clock), receipt, "1", "slow")
    assert verify().problems == []
    db.execute_sql("UPDATE float_use SET amount_minor = 1")  # sell more than the float allows
    db.execute_sql("UPDATE float_pull SET credit_limit_minor = 99999999")
    db.execute_sql("UPDATE float_return SET amount_minor = 600")  # a refund giving back the whole sale
    problems = verify().problems
    assert any("float use of sale" in p for p in problems)
    assert any("float pulled" in p for p in problems)
    assert any(f"float given back by a refund of {receipt}" in p for p in problems)
    db.execute_sql("DELETE FROM float_return")
    assert any("its float given back by a refund row is missing" in p for p in verify().problems)


def test_hq_refuses_bad_limits_and_top_ups_and_writes_nothing(lub, hq, clock):
    with pytest.raises(ValidationError):
        hq_float.set_credit_limit(hq.url, "LUB01", "USD", "-5")
    with pytest.raises(ValidationError):
        hq_float.set_credit_limit(hq.url, "LUB01", "XOF", "5")  # not a currency of the DRC
    with pytest.raises(ValidationError):
        hq_float.record_top_up(hq.url, "LUB01", "10", "BANK-1", date(2026, 11, 19))  # no float yet
    hq_float.set_credit_limit(hq.url, "LUB01", "USD", "5")
    with pytest.raises(ValidationError):
        hq_float.record_top_up(hq.url, "LUB01", "0", "BANK-1", date(2026, 11, 19))
    hq_float.record_top_up(hq.url, "LUB01", "10", "BANK-1", date(2026, 11, 19))
    with pytest.raises(Exception, match="already recorded"):
        hq_float.record_top_up(hq.url, "LUB01", "10", "BANK-1", date(2026, 11, 19))
    assert hq.query("SELECT count(*), sum(amount_minor) FROM hq_float_top_up") == [(1, 1000)]
    with pytest.raises(Exception, match="never edited"):
        hq.query("UPDATE hq_float_top_up SET amount_minor = 5")


def test_a_terminal_role_cannot_change_its_float(lub, hq, clock):
    terminal_url = hq_admin.add_terminal(hq.url, "LUB01", "T2")
    with pytest.raises(PermissionDenied):
        hq_float.set_credit_limit(terminal_url, "LUB01", "USD", "1000000")
    with pytest.raises(PermissionDenied):
        hq_float.record_top_up(terminal_url, "LUB01", "1000000", "MINE", date(2026, 11, 19))
    assert hq.query("SELECT count(*) FROM hq_outlet_limit") == [(0,)]


# --- offline limits --------------------------------------------------------------------------


def test_offline_limits_warn_then_refuse_until_a_sync_or_a_managers_journaled_override(lub, hq, clock):
    hq_float.set_offline_limits(hq.url, "LUB01", 14, 5, "100", "USD")
    client.sync(LUB, clock)
    for _ in range(3):
        sell(clock)
    assert not status(clock).offline.warning and status(clock).offline.sales_left == 2
    sell(clock)  # 4 of 5: 80 % used
    assert status(clock).offline.warning and status(clock).offline.sales_left == 1
    sell(clock)
    with pytest.raises(StateError) as refused:
        sell(clock)
    assert "5 sale(s) since it last reached headquarters" in translate_error(refused.value, "en")
    assert translate_error(refused.value, "sw") != translate_error(refused.value, "en")

    cashier = sign_in(LUB, "cashier", "1111", clock)
    with pytest.raises(PermissionDenied):
        outlet_limits.override_offline(cashier, None, "HQ link down for the week")
    with pytest.raises(ValidationError):
        outlet_limits.override_offline(cashier, authenticate("manager", "222222", clock), "   ")
    manager = authenticate("manager", "222222", clock)
    clock.advance(minutes=1)
    outlet_limits.override_offline(cashier, manager, "HQ link down for the week")
    sell(clock)  # counting restarts from the override
    (row,) = OfflineOverride.select()
    assert (row.user.username, row.approved_by.username) == ("cashier", "manager")
    assert JournalEntry.select().where(JournalEntry.kind == "offline_override").count() == 1

    clock.advance(days=15)  # past the most days offline
    next_business_day(clock, LUB, days=0)
    with pytest.raises(StateError, match="more than"):
        sell(clock)
    client.sync(LUB, clock)  # a sync lifts it
    sell(clock)
    assert status(clock).offline.sales_left == 4
    assert verify().problems == []


def test_the_offline_amount_limit_refuses_a_sale_past_it(lub, hq, clock):
    hq_float.set_offline_limits(hq.url, "LUB01", None, None, "40", "USD")
    client.sync(LUB, clock)
    sell(clock, "CD-STD40", "29")
    assert status(clock).offline.amount_left == usd("11") and status(clock).offline.warning is False
    with pytest.raises(StateError) as refused:
        sell(clock, "CD-LITE15", "17")
    assert translate_error(refused.value, "en").startswith("Only $11.00 may still be sold")
    sell(clock)
    assert status(clock).offline.warning


def test_float_models_mirror_the_migrated_schema(database):
    for model in (FloatPull, FloatUse, FloatReturn, OfflineOverride):
        columns = {column.name for column in database.get_columns(model._meta.table_name)}
        assert {field.column_name for field in model._meta.sorted_fields} == columns, model
