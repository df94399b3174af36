"""The DRC drawer on SQLite and PostgreSQL: the day's rate, a USD price paid in francs, the
drawer per currency, a void that gives francs back, the receipt with both amounts and the rate."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from konnect_pos.cli import main
from konnect_pos.documents.daily_report_pdf import render_daily_report
from konnect_pos.domain.errors import PermissionDenied, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender
from konnect_pos.services import checkout, exchange_rates
from konnect_pos.services.business_day import close_day, open_day_for_sale
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.corrections import refund_sale, void_sale
from konnect_pos.services.daily_report import daily_report
from konnect_pos.services.drawer import expected_cash
from konnect_pos.services.receipts import receipt_pdf
from konnect_pos.services.session import sign_in
from konnect_pos.services.verify import verify
from konnect_pos.store.models import ExchangeRate, JournalEntry, Payment, Sale
from tests.cli_support import run


def fc(value):
    return Money.of(value, "CDF")


def usd(value):
    return Money.of(value, "USD")


def test_a_dollar_price_paid_in_francs_from_rate_to_void(demo_db, clock, database):
    manager = sign_in("KIN01-T1", "manager", "222222", clock)
    cashier = sign_in("KIN01-T1", "cashier", "1111", clock)
    demo_rate = exchange_rates.current_rate(cashier)
    assert demo_rate.per_base == 2850 and demo_rate.since == date(2026, 11, 20)
    rows = ExchangeRate.select().count()
    for bad, error in ((("USD", "CDF", "0"), ValidationError), (("USD", "XAF", "600"), ValidationError)):
        with pytest.raises(error):
            exchange_rates.set_rate(manager, *bad)
    with pytest.raises(PermissionDenied):
        exchange_rates.set_rate(cashier, "USD", "CDF", "2900")
    with pytest.raises(ValidationError, match="today or up to 7 days ahead"):
        exchange_rates.set_rate(manager, "USD", "CDF", "2900", on="2026-11-19")
    assert ExchangeRate.select().count() == rows
    exchange_rates.set_rate(manager, "USD", "CDF", "2 900", on="2026-11-21")  # tomorrow's, not today's
    assert exchange_rates.current_rate(cashier).per_base == 2850
    exchange_rates.set_rate(manager, "USD", "CDF", "2800")  # supersedes today's demo rate
    assert exchange_rates.current_rate(cashier).per_base == 2800
    assert JournalEntry.select().where(JournalEntry.kind == "exchange_rate").count() == rows + 2

    day = open_day_for_sale(cashier).id
    before = expected_cash(day)
    result = checkout.sell(cashier, "CD00000001", [CartItem("CD-LITE15")], [CashTender(fc(50000))])
    assert result.change == fc(2400)  # 17 × 2800 = 47 600
    (row,) = Payment.select().join(Sale).where(Sale.receipt_number == result.receipt_number)
    assert (row.currency, row.amount_minor, row.tendered_minor, row.change_minor) == (
        "CDF",
        4760000,
        5000000,
        240000,
    )
    assert (row.settles_minor, row.rate, row.change_currency) == (1700, 2800, None)
    after = expected_cash(day)
    assert after["CDF"] == before["CDF"] + fc(47600) and after["USD"] == before["USD"]

    dollars_back = checkout.sell(
        cashier, "CD00000005", [CartItem("CD-WEEK5")], [CashTender(fc(20000), change_in="USD")]
    )
    assert dollars_back.change == usd("1.14")  # 20 000 FC = 7.14 USD, for 6 USD
    assert expected_cash(day)["USD"] == before["USD"] - usd("1.14")
    assert expected_cash(day)["CDF"] == before["CDF"] + fc(67600)

    text = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(receipt_pdf(cashier, result.receipt_number))).pages
    )
    text = " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())  # the customer's French
    for shown in ("Espèces 47 600,00 CDF", "Montant remis 50 000,00 CDF", "Monnaie à rendre 2 400,00 CDF"):
        assert shown in text, shown
    assert "Vaut 17,00 $US Taux de change 1 USD = 2 800 FC" in text

    voided = void_sale(manager, result.receipt_number, "wrong account", remove_active=True)
    assert voided.give_back == (fc(47600),) and voided.refund_due == usd(17)
    assert expected_cash(day)["CDF"] == before["CDF"] + fc(20000)
    assert verify().ok

    x_report = daily_report(manager, date(2026, 11, 20))
    assert {c.currency: c.expected for c in x_report.sections.cash} == {"CDF": fc(40000), "USD": usd("48.86")}
    assert [(m.method, m.amount) for m in x_report.sections.by_method] == [("cash", fc(20000))]
    closed = close_day(
        manager, {"USD": {"note:20": 2, "note:5": 1, "coin:0.01": 386}, "CDF": {"note:20000": 2}}
    )
    counts = {c.currency: (c.expected, c.counted) for c in closed.counts}
    assert counts == {"USD": (usd("48.86"), usd("48.86")), "CDF": (fc(40000), fc(40000))}
    z_report = daily_report(manager, date(2026, 11, 20))
    assert z_report.kind == "Z"
    assert {c.currency: (c.expected, c.counted) for c in z_report.sections.cash} == {
        "CDF": (fc(40000), fc(40000)),
        "USD": (usd("48.86"), usd("48.86")),
    }
    assert verify().ok
    database.execute_sql("UPDATE exchange_rate SET per_base = '2500'")  # behind the app's back
    assert any("exchange rate of 2026-11-20 no longer matches" in p for p in verify().problems)


def test_the_cli_sets_and_shows_the_rate_and_takes_francs(sqlite_url, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_TERMINAL", "KIN01-T1")
    monkeypatch.setenv("KONNECT_POS_USER", "manager")
    monkeypatch.setenv("KONNECT_POS_PIN", "222222")
    assert main(["demo", "--no-gui", "--customers", "20", "--db", sqlite_url]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "rate", "set", "USD", "CDF", "2850", "--db", sqlite_url)
    assert code == 0 and "1 USD = 2 850 FC" in out
    code, _, err = run(capsys, "rate", "set", "USD", "CDF", "2850.5", "--db", sqlite_url)
    assert code == 2 and err.count("\n") == 1 and "whole number" in err
    code, out, _ = run(capsys, "rate", "show", "--db", sqlite_url)
    assert code == 0 and out.startswith("In force: 1 USD = 2 850 FC")
    code, out, _ = run(
        capsys, "sell", "--customer", "CD00000001", "--bundle", "CD-LITE15", "--pay", "cash:10:USD",
        "--pay", "cash:20000:CDF", "--db", sqlite_url,
    )  # fmt: skip
    assert code == 0, out
    assert "change CDF\u00a050.00" in out
    assert "Cash $10.00; Cash CDF\u00a019,950.00 (= $7.00, 1 USD = 2 850 FC)" in out
    code, out, _ = run(
        capsys, "void", "KIN01-T1-000001", "--reason", "wrong bundle", "--remove-active", "--db", sqlite_url
    )
    assert code == 0 and out.rstrip().endswith("give back $10.00 + CDF\u00a019,950.00")
    code, _, err = run(
        capsys,
        "sell",
        "--customer",
        "CD00000005",
        "--bundle",
        "CD-LITE15",
        "--pay",
        "cash:100:XAF",
        "--db",
        sqlite_url,
    )
    assert code == 2 and "a payment in XAF is not accepted" in err
    code, out, _ = run(
        capsys, "sell", "--customer", "CD00000005", "--bundle", "CD-WEEK5", "--pay", "cash:20000:CDF",
        "--db", sqlite_url,
    )  # fmt: skip
    assert code == 0, out
    code, out, _ = run(capsys, "refund", "KIN01-T1-000002", "2", "--reason", "slow", "--db", sqlite_url)
    assert code == 0 and out.splitlines()[1] == "Hand back in cash: CDF\u00a05,700.00"  # 2 USD at 2 850
    monkeypatch.setenv("KONNECT_POS_LANG", "fr")
    code, out, _ = run(capsys, "refund", "KIN01-T1-000002", "1", "--reason", "lent", "--db", sqlite_url)
    assert code == 0 and "À rendre en espèces : 2\u202f850,00\u00a0CDF" in out, out
    assert out.startswith("Remboursement de 1,00\u00a0$US sur KIN01-T1-000002 (Espèces) ; encore")


def test_a_cash_refund_hands_back_francs_at_the_sales_rate_and_the_drawer_agrees(demo_db, clock, database):
    """A sale paid in francs is refunded in francs, at its own rate, whatever today's; a sale paid
    in both currencies gets its dollars back first. Before, both went back in dollars: the drawer
    then expected dollars it had never taken and francs it no longer held."""
    manager = sign_in("KIN01-T1", "manager", "222222", clock)
    cashier = sign_in("KIN01-T1", "cashier", "1111", clock)
    francs = checkout.sell(cashier, "CD00000001", [CartItem("CD-LITE15")], [CashTender(fc(50000))])
    both = checkout.sell(
        cashier, "CD00000005", [CartItem("CD-LITE15")], [CashTender(usd(10)), CashTender(fc(20000))]
    )  # 10 USD, then 19 950 FC for the 7 USD left (at 2 850)
    day = open_day_for_sale(cashier).id
    before = expected_cash(day)
    exchange_rates.set_rate(manager, "USD", "CDF", "3000")  # today's rate moves: the sale's holds

    first = refund_sale(manager, francs.receipt_number, "5", "slow at night", method="cash")
    assert first.cash_handed == (fc(14250),)  # 48 450 × 5 / 17, to the 50 FC note
    rest = refund_sale(manager, francs.receipt_number, "12", "cancelled", method="cash")
    assert rest.cash_handed == (fc(34200),)  # in all exactly the 48 450 FC the sale kept
    split = refund_sale(manager, both.receipt_number, "15", "wrong bundle", method="cash")
    assert split.cash_handed == (usd(10), fc(14250))
    assert expected_cash(day) == {"USD": before["USD"] - usd(10), "CDF": before["CDF"] - fc(48450 + 14250)}
    assert verify().ok

    report = daily_report(manager, date(2026, 11, 20))
    assert [(r.receipt_number, r.amount, r.handed_other) for r in report.sections.refunds] == [
        (francs.receipt_number, usd(5), (fc(14250),)),
        (francs.receipt_number, usd(12), (fc(34200),)),
        (both.receipt_number, usd(15), (usd(10), fc(14250))),
    ]
    assert {c.currency: c.expected for c in report.sections.cash} == expected_cash(day)
    text = " ".join(
        "".join(p.extract_text() for p in PdfReader(io.BytesIO(render_daily_report(report))).pages)
        .replace("\u202f", " ").replace("\u00a0", " ").split()
    )  # fmt: skip
    for shown in ("$5.00 (Cash: CDF 14,250.00)", "$15.00 (Cash: $10.00 + CDF 14,250.00)"):
        assert shown in text, shown
    with database.atomic() as transaction:  # the francs handed back, changed behind the app's back
        database.execute_sql("UPDATE refund SET cash_minor = 100 WHERE cash_minor = 3420000")
        problems = verify().problems
        transaction.rollback()
    assert any(f"refund on {francs.receipt_number}" in p for p in problems), problems
    assert verify().ok
