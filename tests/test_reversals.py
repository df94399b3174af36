"""Voids and refunds of balance top-ups take the money back out of the balance (SQLite and
PostgreSQL), in the correction's own transaction, and are refused once the credit is spent."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from konnect_pos.cli import main
from konnect_pos.domain.errors import StateError, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender, MobileMoneyTender
from konnect_pos.i18n import translate_error
from konnect_pos.services import business_day, checkout, corrections, demo, drawer
from konnect_pos.services import plans as cp
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.daily_report import daily_report, daily_report_pdf
from konnect_pos.services.session import sign_in
from konnect_pos.services.verify import verify
from konnect_pos.store.models import BalanceEntry, JournalEntry, Refund, SaleVoid
from tests.support import next_business_day

PLAIN = "CD00000009"  # a plan without Connect+, lapsed, balance 0: a top-up stays in the balance
LAPSED = "CD00000005"  # Salom+ lapsed, balance 3: a 25 top-up renews the plan at once


def usd(value: str) -> Money:
    return Money.of(value, "USD")


@pytest.fixture
def shop(database, clock):
    """The demo shop with 20 customers (the accounts above among them): cheaper than demo_db."""
    demo.seed(clock, customers=20)
    return database


@pytest.fixture
def manager(shop, clock):
    return sign_in("KIN01-T1", "manager", "222222", clock)


@pytest.fixture
def cashier(shop, clock):
    return sign_in("KIN01-T1", "cashier", "1111", clock)


def test_void_of_a_top_up_takes_it_back_out_of_the_balance(cashier, manager):
    top = cp.top_up_balance(cashier, PLAIN, "10", [CashTender(usd("20"))])
    assert cp.balance(PLAIN)[0] == usd("10")
    result = corrections.void_sale(manager, top.receipt_number, "wrong account")
    assert result.refund_due == usd("10")
    assert result.balance_reversed.amount == usd("10") and result.balance_reversed.balance_after == usd("0")
    total, entries = cp.balance(PLAIN)
    assert total == usd("0")
    reversal, after = entries[-1]
    assert reversal.amount == usd("-10") and reversal.corrects == entries[-2][0].key and after == usd("0")
    assert BalanceEntry.select().where(BalanceEntry.kind == "top_up").count() >= 1  # the top-up stays
    void = SaleVoid.get()
    entry = JournalEntry.get(JournalEntry.record_uuid == void.uuid)
    assert '"balance_reversal"' in entry.payload and f"reversal:{void.uuid}" in entry.payload
    assert drawer.expected_cash(business_day.current_day(manager).id)["USD"] == usd("50")
    report = daily_report(manager, business_day.current_day(manager).business_date)
    assert report.sections.voids[0].balance_reversed.amount == usd("10.00")
    assert verify().problems == []


def test_refund_of_a_top_up_takes_the_refunded_part_back(cashier, manager, clock):
    top = cp.top_up_balance(cashier, PLAIN, "10", [CashTender(usd("10"))])
    next_business_day(clock)
    result = corrections.refund_sale(manager, top.receipt_number, "4", "customer asked", method="cash")
    assert result.balance_reversed.amount == usd("4") and cp.balance(PLAIN)[0] == usd("6")
    corrections.refund_sale(manager, top.receipt_number, "6", "the rest", method="cash")
    assert cp.balance(PLAIN)[0] == usd("0")
    report = daily_report(manager, business_day.current_day(manager).business_date)
    assert sorted(r.balance_reversed.amount.amount for r in report.sections.refunds) == [4, 6]
    assert verify().problems == []


def test_a_spent_top_up_is_refused_with_nothing_written(cashier, manager, clock):
    top = cp.top_up_balance(cashier, LAPSED, "25", [CashTender(usd("25"))])  # renews: 25 spent
    left = cp.balance(LAPSED)[0]
    assert left < usd("25")
    entries, journal = BalanceEntry.select().count(), JournalEntry.select().count()
    with pytest.raises(StateError) as refused:
        corrections.void_sale(manager, top.receipt_number, "changed mind")
    assert f"Only {left} of this top-up is left" in refused.value.message
    assert "Seul" in translate_error(refused.value, "fr") and "Ni" in translate_error(refused.value, "sw")
    next_business_day(clock)
    with pytest.raises(StateError):
        corrections.refund_sale(manager, top.receipt_number, "25", "changed mind", method="cash")
    assert (SaleVoid.select().count(), Refund.select().count()) == (0, 0)
    assert BalanceEntry.select().count() == entries
    assert JournalEntry.select().count() == journal + 2  # the day rolled over: close + open only
    corrections.refund_sale(manager, top.receipt_number, str(left.amount), "what is left", method="cash")
    assert cp.balance(LAPSED)[0] == usd("0")


def test_a_partly_refunded_sale_cannot_also_be_voided(cashier, manager):
    sale = checkout.sell(cashier, "CD00000001", [CartItem("CD-WEEK5")], [CashTender(usd("6"))])
    corrections.refund_sale(manager, sale.receipt_number, "2", "slow", method="cash")
    with pytest.raises(StateError, match="already partly refunded"):
        corrections.void_sale(manager, sale.receipt_number, "then void", remove_active=True)
    assert SaleVoid.select().count() == 0


def test_refund_to_the_original_method_never_exceeds_what_it_paid(cashier, manager):
    sale = checkout.sell(
        cashier,
        "CD00000001",
        [CartItem("CD-LITE15")],
        [CashTender(usd("10")), MobileMoneyTender("mpesa", "QK7AB12CD3", "0812345678", usd("7"))],
    )
    with pytest.raises(ValidationError, match=r"At most 7\.00 USD can go back to mpesa"):
        corrections.refund_sale(manager, sale.receipt_number, "17", "all back")
    assert Refund.select().count() == 0
    corrections.refund_sale(manager, sale.receipt_number, "7", "mpesa part")
    with pytest.raises(ValidationError, match=r"At most 0\.00 USD"):
        corrections.refund_sale(manager, sale.receipt_number, "1", "more")
    corrections.refund_sale(manager, sale.receipt_number, "10", "cash part", method="cash")


def test_the_void_receipt_line_shows_the_reversal(sqlite_url, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_TERMINAL", "KIN01-T1")
    monkeypatch.setenv("KONNECT_POS_USER", "manager")
    monkeypatch.setenv("KONNECT_POS_PIN", "222222")
    assert main(["demo", "--no-gui", "--customers", "20", "--db", sqlite_url]) == 0
    assert main(["topup", PLAIN, "10", "--pay", "cash:10", "--db", sqlite_url]) == 0
    receipt = capsys.readouterr().out.split("Receipt ")[-1].split(":")[0]
    assert main(["void", receipt, "--reason", "wrong account", "--db", sqlite_url]) == 0
    out = capsys.readouterr().out
    assert f"Taken back from the balance of {PLAIN}: $10.00; balance now $0.00" in out
    assert main(["balance", PLAIN, "--db", sqlite_url]) == 0
    ledger = capsys.readouterr().out
    assert "adjustment" in ledger and "-$10.00" in ledger and "Balance of CD00000009: $0.00" in ledger


def test_the_z_report_pdf_shows_the_reversal_and_the_journal_anchor(cashier, manager, clock):
    top = cp.top_up_balance(cashier, PLAIN, "10", [CashTender(usd("10"))])
    corrections.void_sale(manager, top.receipt_number, "wrong account")
    day = business_day.current_day(manager).business_date
    business_day.close_day(manager, {}, comment="end")
    for lang, words in (("en", "from the balance of"), ("fr", "repris du solde de")):
        pdf = daily_report_pdf(manager, day, language=lang)
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        assert f"{words} {PLAIN}" in " ".join(text.split())
        close = JournalEntry.get(JournalEntry.kind == "day_close")
        assert f"Journal: #{close.seq} {close.hash[:12]}" in text
