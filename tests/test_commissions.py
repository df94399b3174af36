"""Commissions (issue 19 item 2): the rounding rule, each line's commission stored and journaled at
the sale, and the outlet's statement tying out to the sales with voids and refunds taking their
share back, on SQLite and PostgreSQL; the CLI statement as text, JSON, CSV and an A4 PDF read back."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from konnect_pos.cli import main
from konnect_pos.domain.commissions import check_percent, commission_for, refund_take_back
from konnect_pos.domain.errors import PermissionDenied, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender
from konnect_pos.services import checkout, corrections, demo
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.clock import system_clock
from konnect_pos.services.commissions import statement
from konnect_pos.services.session import sign_in
from konnect_pos.services.sync.hq_money import apply_commission_rates
from konnect_pos.services.verify import verify
from konnect_pos.store.database import db
from konnect_pos.store.models import JournalEntry, Refund, Sale, SaleLine, SaleVoid
from tests.cli_support import run
from tests.support import next_business_day

LUB = "LUB01-T1"


def usd(value: str) -> Money:
    return Money.of(value, "USD")


def rate(code: str, kind: str, since: date, percent: str) -> dict:
    """A row as the pull brings it from HQ's hq_commission_rate."""
    return {"country": "CD", "code": code, "outlet_kind": kind, "effective_from": since, "percent": percent}


@pytest.mark.parametrize(
    ("price", "currency", "percent", "expected"),
    [
        ("6.00", "USD", "7.5", "0.45"),
        ("0.15", "USD", "10", "0.02"),  # 0.015: half-up
        ("0.14", "USD", "10", "0.01"),
        ("5020", "XOF", "2.5", "126"),  # 125.5: half-up to the franc, no cents in XOF
        ("5010", "XOF", "2.5", "125"),
        ("25000", "TZS", "3.333", "833.25"),
        ("6.00", "USD", "0", "0.00"),
        ("6.00", "USD", "100", "6.00"),
    ],
)
def test_a_line_commission_is_rounded_half_up_to_the_currency_minor_unit(price, currency, percent, expected):
    earned = commission_for(Money.of(price, currency), Decimal(percent))
    assert earned == Money.of(expected, currency)
    assert Money.of(price, currency) - earned == Money.of(price, currency) - Money.of(expected, currency)


@pytest.mark.parametrize("text", ["-1", "100.01", "150", "abc", "NaN", "Infinity", ""])
def test_a_rate_below_0_or_above_100_percent_is_refused(text):
    with pytest.raises(ValidationError):
        check_percent(text)


def test_a_rate_may_be_written_with_its_percent_sign():
    assert check_percent("7.5 %") == Decimal("7.5")


@given(
    st.integers(min_value=1, max_value=10_000_00),
    st.integers(min_value=0, max_value=100_00),
    st.lists(st.integers(min_value=1, max_value=100), min_size=1, max_size=6),
)
def test_refunds_of_a_whole_sale_take_back_exactly_what_it_earned(paid_minor, basis_points, weights):
    paid = Money.from_minor(paid_minor, "USD")
    earned = commission_for(paid, Decimal(basis_points) / 100)
    parts = [paid_minor * w // sum(weights) for w in weights]
    parts[-1] += paid_minor - sum(parts)
    before = Money.zero("USD")
    back = Money.zero("USD")
    for part in (p for p in parts if p):
        refunded = Money.from_minor(part, "USD")
        taken = refund_take_back(earned, paid, before, refunded)
        assert not taken.is_negative
        back, before = back + taken, before + refunded
    assert back == earned


@pytest.fixture
def shop(database, clock):
    demo.seed(clock, customers=20)
    apply_commission_rates(
        [
            rate("CD-WEEK5", "distributor", date(2026, 11, 1), "7.5"),
            rate("CD-WEEK5", "distributor", date(2026, 11, 21), "10"),  # a new version from the 21st
            rate("CD-WEEK5", "shop", date(2026, 11, 1), "2"),
        ],
        clock(),
    )
    return database


def sell(clock, terminal: str, account: str) -> str:
    cashier = sign_in(terminal, "cashier", "1111", clock)
    return checkout.sell(cashier, account, [CartItem("CD-WEEK5")], [CashTender(usd("6"))]).receipt_number


def test_the_statement_ties_out_to_the_sales_voids_and_refunds_take_back_their_share(shop, clock):
    a, b, c = (sell(clock, LUB, account) for account in ("CD00000001", "CD00000005", "CD00000009"))
    kin = sell(clock, "KIN01-T1", "CD00000013")
    manager = sign_in(LUB, "manager", "222222", clock)
    corrections.void_sale(manager, b, "typed the wrong account", remove_active=True)
    corrections.refund_sale(manager, c, "2", "customer changed plan")
    corrections.refund_sale(manager, c, "4", "customer changed plan")
    next_business_day(clock, LUB)  # the 21st: the distributor's rate is 10 %
    d = sell(clock, LUB, "CD00000017")

    lines = {
        row.sale.receipt_number: (row.commission_minor, row.commission_percent)
        for row in SaleLine.select(SaleLine, Sale).join(Sale)
    }
    assert lines == {
        a: (45, Decimal("7.5")), b: (45, Decimal("7.5")), c: (45, Decimal("7.5")), d: (60, Decimal("10")),
        kin: (12, Decimal("2")),
    }  # fmt: skip

    found = statement(sign_in(LUB, "manager", "222222", clock), "2026-11-20", "2026-11-21")
    assert found.outlet == "LUB01" and found.outlet_kind == "distributor"
    assert [(e.receipt, e.kind, e.commission) for e in found.entries] == [
        (a, "sale", usd("0.45")), (b, "sale", usd("0.45")), (b, "void", usd("-0.45")),
        (c, "sale", usd("0.45")), (c, "refund", usd("-0.15")), (c, "refund", usd("-0.30")),
        (d, "sale", usd("0.60")),
    ]  # fmt: skip
    (totals,) = found.totals
    assert (totals.sales, totals.reversed, totals.net_sales) == (usd("24"), usd("-12"), usd("12"))
    assert (totals.earned, totals.taken_back, totals.net_commission) == (
        usd("1.95"),
        usd("-0.90"),
        usd("1.05"),
    )
    assert totals.wholesale == usd("10.95")

    # Tie-out against the records themselves, counted another way.
    mine = Sale.select().where(Sale.receipt_number.startswith("LUB01-"))
    assert totals.sales.to_minor() == sum(s.total_minor for s in mine)
    voided = sum(s.total_minor for s in mine if SaleVoid.select().where(SaleVoid.sale == s.id).exists())
    refunded = sum(r.amount_minor for r in Refund.select())
    assert totals.net_sales.to_minor() == sum(s.total_minor for s in mine) - voided - refunded
    assert totals.earned.to_minor() == sum(
        line.commission_minor
        for line in SaleLine.select().join(Sale).where(Sale.receipt_number.startswith("LUB01-"))
    )

    one_day = statement(sign_in(LUB, "manager", "222222", clock), "2026-11-21", "2026-11-21")
    assert [(e.receipt, e.kind) for e in one_day.entries] == [(d, "sale")]
    kin_statement = statement(sign_in("KIN01-T1", "manager", "222222", clock), "2026-11-20", "2026-11-20")
    assert [(e.receipt, e.commission) for e in kin_statement.entries] == [(kin, usd("0.12"))]


def test_a_bundle_without_a_rate_earns_nothing_and_says_so(shop, clock):
    cashier = sign_in(LUB, "cashier", "1111", clock)
    sold = checkout.sell(cashier, "CD00000013", [CartItem("CD-LITE15")], [CashTender(usd("17"))])
    line = SaleLine.get(SaleLine.sale == Sale.get(Sale.receipt_number == sold.receipt_number))
    assert (line.commission_minor, line.commission_percent) == (0, None)


def test_the_commission_is_journaled_and_an_edit_behind_the_apps_back_is_found(shop, clock):
    receipt = sell(clock, LUB, "CD00000001")
    sale = Sale.get(Sale.receipt_number == receipt)
    entry = JournalEntry.get(JournalEntry.record_uuid == sale.uuid)
    assert json.loads(entry.payload)["lines"][0][-2:] == [45, "7.5"]
    assert verify().problems == []
    db.execute_sql(f"UPDATE sale_line SET commission_minor = 90 WHERE sale_id = {sale.id}")
    assert any(receipt in problem for problem in verify().problems)


def test_a_cashier_cannot_read_the_statement_and_a_backwards_period_is_refused(shop, clock):
    with pytest.raises(PermissionDenied):
        statement(sign_in(LUB, "cashier", "1111", clock), "2026-11-20", "2026-11-20")
    manager = sign_in(LUB, "manager", "222222", clock)
    with pytest.raises(ValidationError):
        statement(manager, "2026-11-21", "2026-11-20")
    with pytest.raises(ValidationError):
        statement(manager, "2026-11-31", "2026-12-01")


# --- the command line ------------------------------------------------------------------


@pytest.fixture
def distributor(sqlite_url, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_TERMINAL", LUB)
    monkeypatch.setenv("KONNECT_POS_DB", sqlite_url)
    monkeypatch.setenv("KONNECT_POS_USER", "manager")
    monkeypatch.setenv("KONNECT_POS_PIN", "222222")
    assert main(["demo", "--no-gui", "--customers", "20", "--db", sqlite_url]) == 0
    apply_commission_rates([rate("CD-WEEK5", "distributor", date(2026, 1, 1), "7.5")], system_clock())
    for account in ("CD00000001", "CD00000005"):
        sell(system_clock, LUB, account)
    capsys.readouterr()
    return sqlite_url


def today() -> str:
    return datetime.now(UTC).astimezone(ZoneInfo("Africa/Lubumbashi")).date().isoformat()


def test_the_statement_command_as_text_json_csv_and_an_a4_pdf(distributor, capsys, tmp_path):
    day = today()
    pdf, sheet = tmp_path / "commissions.pdf", tmp_path / "commissions.csv"
    code, out, err = run(
        capsys, "commissions", "statement", "--from", day, "--to", day, "--pdf", str(pdf), "--csv", str(sheet)
    )
    assert (code, err) == (0, "")
    assert "Commission statement, LUB01" in out and "Commission earned $0.90" in out

    reader = PdfReader(pdf)
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Commission statement, LUB01" in text and "LUB01-T1-000002" in text and "7.5 %" in text
    assert "Owed to Konnect (net sales less net commission): $11.10" in text

    with sheet.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["receipt"], r["entry"], r["amount"], r["rate"], r["commission"]) for r in rows] == [
        ("LUB01-T1-000001", "sale", "6.00", "7.5", "0.45"),
        ("LUB01-T1-000002", "sale", "6.00", "7.5", "0.45"),
    ]

    code, out, _ = run(capsys, "commissions", "statement", "--from", day, "--to", day, "--json")
    totals = json.loads(out)["totals"]
    assert code == 0 and totals[0]["earned"] == "0.90" and totals[0]["owed"] == "11.10"


def test_the_statement_in_french(distributor, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_LANG", "fr")
    day = today()
    code, out, _ = run(capsys, "commissions", "statement", "--from", day, "--to", day)
    assert code == 0 and "Relevé de commissions, LUB01" in out and "Commission gagnée 0,90" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["--from", "2026-13-01", "--to", "2026-12-01"],
        ["--from", "2026-12-02", "--to", "2026-12-01"],
        ["--from", "2026-12-01"],
        ["--from", "2026-12-01", "--to", "2026-12-01", "--pdf", "/no/such/folder/c.pdf"],
    ],
)
def test_bad_input_is_one_line_and_exit_2(distributor, capsys, tmp_path, argv):
    code, out, err = run(capsys, "commissions", "statement", *argv)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not list(tmp_path.glob("*.pdf"))


def test_commission_models_mirror_the_migrated_schema(database):
    from konnect_pos.store.commission_models import CommissionRate, MobileStatementSent

    for model in (CommissionRate, MobileStatementSent, SaleLine):
        columns = {column.name for column in database.get_columns(model._meta.table_name)}
        assert {field.column_name for field in model._meta.sorted_fields} == columns
