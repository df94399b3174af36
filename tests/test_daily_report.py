"""X and Z reports tie out exactly with the sales, on SQLite and PostgreSQL."""

import json
from datetime import date

import pytest

from konnect_pos.domain.bundle_queue import Trigger
from konnect_pos.domain.errors import PermissionDenied, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CardTender, CashTender, MobileMoneyTender
from konnect_pos.services import business_day, checkout, corrections
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.daily_report import daily_report, parse_date, report_json
from konnect_pos.services.session import sign_in
from konnect_pos.store.models import Payment, Sale

DAY = date(2026, 11, 20)


def usd(value):
    return Money.of(value, "USD")


@pytest.fixture
def shop(demo_db, clock):
    cashier = sign_in("KIN01-T1", "cashier", "1111", clock)
    manager = sign_in("KIN01-T1", "manager", "222222", clock)
    checkout.sell(
        cashier,
        "CD00000001",
        [CartItem("CD-LITE15"), CartItem("CD-STD40", Trigger.DATA_EXHAUSTED)],
        [MobileMoneyTender("mpesa", "QK7AB12CD3", "0812345678", usd(30)), CashTender(usd(20))],
    )
    clock.advance(hours=2)
    checkout.sell(
        cashier,
        "CD00000005",
        [CartItem("CD-WEEK5")],
        [MobileMoneyTender("orange_money", "OM-778899", "0891234567")],
    )
    checkout.sell(manager, "CD00000009", [CartItem("CD-WEEK5")], [CardTender("A1B2C3", "4242")])
    voided = checkout.sell(cashier, "CD00000013", [CartItem("CD-WEEK5")], [CashTender(usd(10))])
    corrections.void_sale(manager, voided.receipt_number, "wrong bundle", remove_active=True)
    corrections.refund_sale(manager, "KIN01-T1-000002", "1.50", "late activation", method="cash")
    business_day.cash_movement(manager, "out", "20", "USD", "bank drop")
    return cashier, manager


def test_x_report_ties_out_with_the_sales(shop):
    _, manager = shop
    report = daily_report(manager, DAY)
    assert report.kind == "X" and report.terminal == "KIN01-T1"
    sections = report.sections
    live = [s for s in Sale.select() if s.receipt_number != "KIN01-T1-000004"]
    (usd_sales,) = sections.sales
    assert usd_sales.count == len(live) == 3
    assert usd_sales.total.to_minor() == sum(s.total_minor for s in live) == 4600 + 600 + 600
    assert usd_sales.vat.to_minor() == sum(s.vat_minor for s in live)
    assert usd_sales.refunds == usd("1.50") and usd_sales.net.to_minor() == 5800 - 150
    methods = {r.method: r.amount.to_minor() for r in sections.by_method}
    assert methods == {"cash": 1600, "mobile_money": 3600, "card": 600}
    assert sum(methods.values()) == usd_sales.total.to_minor()
    assert [(m.provider, m.reference) for m in sections.mobile_money] == [
        ("mpesa", "QK7AB12CD3"),
        ("orange_money", "OM-778899"),
    ]
    assert {b.code: b.count for b in sections.by_bundle} == {
        "CD-LITE15": 1,
        "CD-STD40": 1,
        "CD-WEEK5": 2,
    }
    assert sum(b.amount.to_minor() for b in sections.by_bundle) == usd_sales.total.to_minor()
    assert {a.user: a.count for a in sections.by_agent} == {"cashier": 2, "manager": 1}
    assert sum(h.amount.to_minor() for h in sections.by_hour) == usd_sales.total.to_minor()
    void = sections.voids[0]
    assert void.receipt_number == "KIN01-T1-000004" and void.user_name == "Joseph Manager"
    cash = next(c for c in sections.cash if c.currency == "USD")
    assert cash.expected.to_minor() == 5000 + 1600 - 150 - 2000 and cash.counted is None
    assert Payment.select().count() == 5  # the voided sale's payment is kept, only left out of the totals
    printed = json.loads(report_json(report))  # --json: amounts as {currency, minor, amount}
    assert printed["sales"][0]["net"] == {"currency": "USD", "minor": 5650, "amount": "56.50"}
    assert printed["voids"][0]["minor"] == void.amount.to_minor() and printed["business_date"] == "2026-11-20"
    printed_cash = next(c for c in printed["cash"] if c["currency"] == "USD")
    assert (
        printed_cash["float"]["minor"] == cash.opening_float.to_minor() == 5000
        and printed_cash["counted"] is None
    )


def test_z_report_after_close_has_count_and_variance(shop):
    _, manager = shop
    business_day.close_day(manager, {"USD": {"note:20": 2, "note:1": 4}}, comment="short 0.50")
    report = daily_report(manager, DAY)
    assert report.kind == "Z" and report.days[0].z_number == 1
    cash = next(c for c in report.sections.cash if c.currency == "USD")
    assert (cash.counted, cash.variance) == (usd("44.00"), usd("-0.50"))


def test_report_of_a_day_without_sales_is_valid_and_empty(demo_db, clock):
    manager = sign_in("KIN01-T1", "manager", "222222", clock)
    report = daily_report(manager, DAY)
    assert report.sections.sales == [] and report.sections.by_method == []
    assert {c.currency: c.opening_float for c in report.sections.cash} == {
        "CDF": Money.of("20000", "CDF"),
        "USD": usd("50"),
    }
    assert daily_report(manager, date(2026, 1, 1)).days == []


def test_outlet_summary_and_rights(shop, clock):
    cashier, manager = shop
    summary = daily_report(manager, DAY, whole_outlet=True)
    assert summary.kind == "outlet" and summary.sections.sales[0].count == 3
    with pytest.raises(PermissionDenied):
        daily_report(cashier, DAY)
    with pytest.raises(ValidationError):
        parse_date("20-11-2026")


@pytest.mark.parametrize(
    ("lang", "fmt", "title"),
    [("en", "a4", "X report"), ("fr", "80mm", "Rapport X"), ("sw", "a4", "Ripoti X")],
)
def test_report_pdf_reads_back(shop, lang, fmt, title):
    import io

    from pypdf import PdfReader

    from konnect_pos.documents.daily_report_pdf import render_daily_report

    _, manager = shop
    pdf = render_daily_report(daily_report(manager, DAY), lang, fmt)
    # narrow 80 mm columns wrap words and even references: compare without any white space
    text = "".join("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())
    for expected in (title, "QK7AB12CD3", "OM-778899", "KIN01-T1-000004", "bank drop", "late activation"):
        assert "".join(expected.split()) in text, expected


def test_report_cli_json_and_pdf(shop, tmp_path, capsys, monkeypatch, db_url):
    from konnect_pos.cli import main

    monkeypatch.setenv("KONNECT_POS_USER", "manager")
    monkeypatch.setenv("KONNECT_POS_PIN", "222222")
    monkeypatch.setenv("KONNECT_POS_TERMINAL", "KIN01-T1")
    out = tmp_path / "x.pdf"
    assert main(["report", "daily", "--date", "2026-11-20", "--json", "--out", str(out), "--db", db_url]) == 0
    assert json.loads(capsys.readouterr().out)["sales"][0]["count"] == 3 and out.read_bytes().startswith(
        b"%PDF"
    )
    assert main(["report", "daily", "--date", "20/11/2026", "--db", db_url]) == 2
    monkeypatch.setenv("KONNECT_POS_USER", "cashier")
    monkeypatch.setenv("KONNECT_POS_PIN", "1111")
    assert main(["report", "daily", "--date", "2026-11-20", "--db", db_url]) == 2
    assert capsys.readouterr().err.strip().endswith("Only a manager can see reports.")


@pytest.mark.parametrize("lang", ["en", "fr", "sw"])
def test_on_a_till_roll_wide_tables_print_one_label_and_value_per_line(shop, lang):
    """At 80 mm a table of more than three columns is printed row by row: each line holds a label
    and its value whole (a 7-column Sales table broke its headers letter by letter)."""
    import io

    from pypdf import PdfReader

    from konnect_pos.documents.daily_report_pdf import render_daily_report
    from konnect_pos.documents.pdf_text import words

    _, manager = shop
    report = daily_report(manager, DAY)
    pdf = render_daily_report(report, lang, "80mm")
    lines = [
        " ".join(line.replace("\u202f", " ").replace("\u00a0", " ").split())
        for page in PdfReader(io.BytesIO(pdf)).pages
        for line in page.extract_text().splitlines()
    ]
    sales = report.sections.sales[0]
    assert f"{words(lang, 'Currency')}: {sales.currency}" in lines
    count = lines.index(words(lang, "Count"), lines.index(f"{words(lang, 'Currency')}: {sales.currency}"))
    assert lines[count + 1] == str(sales.count)  # the label whole on its line, its value under it
    for label in ("Total", "VAT", "Refunds", "Net"):
        assert words(lang, label) in lines, (label, lines)
    for void in report.sections.voids:
        assert f"{words(lang, 'Receipt')}: {void.receipt_number}" in lines
    a4 = render_daily_report(report, lang, "a4")  # A4 keeps its columns: one header line
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(a4)).pages)
    assert f"{words(lang, 'Currency')}: " not in text
