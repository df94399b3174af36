"""Split tender through the checkout service and ``konnect-pos sell --pay``: the payment left
without an amount takes what the others leave, whichever order they are given in."""

import json

import pytest

from konnect_pos.cli import main
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender, MobileMoneyTender, allocate
from konnect_pos.services import checkout
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.session import sign_in
from konnect_pos.store.models import Payment, Sale
from tests.cli_support import run


def usd(value):
    return Money.of(value, "USD")


@pytest.fixture
def counter(demo_db, clock):
    return sign_in("KIN01-T1", "cashier", "1111", clock)


def recorded(receipt_number):
    sale = Sale.get(Sale.receipt_number == receipt_number)
    return [
        (p.method, p.amount_minor, p.reference, p.tendered_minor, p.change_minor)
        for p in Payment.select().where(Payment.sale == sale).order_by(Payment.position)
    ]


def test_the_sale_records_the_allocation_the_dialog_shows(counter):
    """Konnect Lite ($17): cash 10 and an M-Pesa payment without an amount, in both orders."""
    rules = checkout.payment_rules(counter.terminal.outlet)
    for account, reference, cash_first in (
        ("CD00000001", "QK7AB12CD3", True),
        ("CD00000005", "QK7AB12CD4", False),
    ):
        cash, mpesa = CashTender(usd(10)), MobileMoneyTender("mpesa", reference, "0812345678")
        tenders = [cash, mpesa] if cash_first else [mpesa, cash]
        shown = allocate(usd(17), tenders, rules)
        result = checkout.sell(counter, account, [CartItem("CD-LITE15")], tenders)
        assert [(p.method, p.amount) for p in result.payments] == [
            (p.method, p.amount) for p in shown.payments
        ]
        assert recorded(result.receipt_number) == [
            ("mobile_money", 700, reference, None, None),
            ("cash", 1000, None, 1000, 0),
        ]
        assert result.change == usd(0)


@pytest.fixture
def shop(sqlite_url, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_TERMINAL", "KIN01-T1")
    monkeypatch.setenv("KONNECT_POS_USER", "cashier")
    monkeypatch.setenv("KONNECT_POS_PIN", "1111")
    assert main(["demo", "--no-gui", "--customers", "20", "--db", sqlite_url]) == 0
    capsys.readouterr()
    return sqlite_url


def test_cli_sell_pay_with_the_amountless_tender_first_or_second(shop, capsys):
    mobile, cash = "mobile:mpesa:QK7AB12CD3:0812345678", "cash:10"
    code, out, err = run(
        capsys, "sell", "--customer", "CD00000001", "--bundle", "CD-LITE15", "--pay", mobile, "--pay", cash,
        "--db", shop,
    )  # fmt: skip
    assert code == 0, err
    assert "Paid: Mobile money - M-Pesa QK7AB12CD3 $7.00; Cash $10.00" in out
    code, out, err = run(
        capsys, "sell", "--customer", "CD00000005", "--bundle", "CD-LITE15", "--pay", "cash:10",
        "--pay", "mobile:mpesa:QK7AB12CD4:0812345678", "--json", "--db", shop,
    )  # fmt: skip
    assert code == 0, err
    sold = json.loads(out)
    assert [(p["method"], p["amount"], p["reference"]) for p in sold["payments"]] == [
        ("mobile_money", "7.00", "QK7AB12CD4"),
        ("cash", "10.00", None),
    ]
    assert sold["change"] == "0.00"
    assert recorded(sold["receipt_number"])[0][:2] == ("mobile_money", 700)


def test_cli_refuses_cash_that_leaves_nothing_for_the_amountless_tender(shop, capsys):
    code, _, err = run(
        capsys, "sell", "--customer", "CD00000001", "--bundle", "CD-LITE15", "--pay", "cash:20",
        "--pay", "mobile:mpesa:QK7AB12CD3:0812345678", "--db", shop,
    )  # fmt: skip
    assert code == 2 and err.count("\n") == 1 and "Cash already pays the rest" in err
    assert Sale.select().count() == 0
