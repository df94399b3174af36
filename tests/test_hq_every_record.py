"""Every record kind reaches HQ and is projected: a distributor's 14 days offline, one sync, and
HQ's daily report ties out to the terminal's own X/Z reports, ledger and invoices for each day."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import psycopg
import pytest

from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender
from konnect_pos.hq import admin as hq_admin
from konnect_pos.hq.daily_report import daily_report as hq_daily_report
from konnect_pos.services import business_day, corporate, corrections, plans
from konnect_pos.services.checkout import CartItem, sell
from konnect_pos.services.daily_report import daily_report
from konnect_pos.services.plans.changes import change_plan
from konnect_pos.services.session import sign_in
from konnect_pos.services.sync import client, reference
from tests.support import ManualClock
from tests.sync_support import HQ, open_terminal_db, private_credentials

LUB = "LUB01-T1"
ZONE = ZoneInfo("Africa/Lubumbashi")
DAYS = 14
START = datetime(2026, 11, 2, 7, 0, tzinfo=UTC)  # 09:00 in Lubumbashi
PLAN_ACCOUNTS = ("CD00000001", "CD00000002", "CD00000003")

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def _credentials(monkeypatch, tmp_path):
    private_credentials(monkeypatch, tmp_path)


def _cli(*argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "KONNECT_POS_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "konnect_pos.cli", *argv], env=env, capture_output=True, text=True, timeout=120
    )


def _day(clock: ManualClock) -> date:
    return clock().astimezone(ZONE).date()


def _a_day_offline(clock: ManualClock, n: int, billing_day: int) -> None:
    """What a distributor does in a day: the morning run, sales, a void, a refund, cash, a top-up,
    an opt-out and back, the corporate run on its billing day, and the close with the drawer counted."""
    today = _day(clock)
    cashier = sign_in(LUB, "cashier", "1111", clock)
    manager = sign_in(LUB, "manager", "222222", clock)
    if n:
        business_day.open_day(manager, {"USD": "50", "CDF": "20000"})
    plans.run_daily(today, clock, terminal=LUB)
    receipts = [
        sell(
            cashier, f"CD{4 + (n + i) % 4:08d}", [CartItem(code)], [CashTender(Money.of(paid, "USD"))]
        ).receipt_number
        for i, (code, paid) in enumerate((("CD-WEEK5", "10"), ("CD-LITE15", "20"), ("CD-WEEK5", "6")))
    ]
    clock.advance(minutes=20)
    corrections.void_sale(manager, receipts[2], "wrong customer", remove_active=True)
    if n % 2 == 0:
        corrections.refund_sale(manager, receipts[1], "2", "slow link for a day")
    business_day.cash_movement(manager, "out" if n % 3 else "in", str(3 + n), "USD", "fuel for the generator")
    business_day.cash_movement(manager, "in", "1000", "CDF", "change from the bank")
    account = PLAN_ACCOUNTS[n % 2]
    topped = plans.top_up_balance(cashier, account, str(2 + n % 5), [CashTender(Money.of("10", "USD"))])
    if n == 7:  # the wrong account: the void takes the credit back out of the balance
        corrections.void_sale(manager, topped.receipt_number, "topped up the wrong account")
    if n == 5:
        plans.set_opt(cashier, "CD00000002", False)
        plans.set_opt(cashier, "CD00000002", True)
        change_plan(cashier, "CD00000003", "CD-SALOM")  # lapsed: immediate, nothing to credit or charge
    if today.day == billing_day:
        corporate.invoices_run(manager, today)
    clock.advance(hours=8)
    counts = {"USD": {"note:20": 2 + n % 3, "note:1": n}, "CDF": {"note:5000": 4, "note:1000": n % 2}}
    business_day.close_day(manager, counts, comment="counted at the end of the day")
    clock.advance(hours=16, minutes=-20)


def _terminal_figures(clock: ManualClock, day: date) -> dict[str, dict[str, object]]:
    """The terminal's own numbers for the day: its X/Z report, balance ledgers, invoices."""
    manager = sign_in(LUB, "manager", "222222", clock)
    report = daily_report(manager, day)
    assert report.kind == "Z"
    sections = report.sections
    figures: dict[str, dict[str, object]] = defaultdict(dict)
    for row in sections.sales:
        figures[row.currency].update(sales=row.count, total=row.total, vat=row.vat)
    for name, rows in (("voids", sections.voids), ("refunds", sections.refunds)):
        for row in rows:
            part = figures[row.amount.currency]
            part[name] = part.get(name, 0) + 1
            amount = name.replace("voids", "voided").replace("refunds", "refunded")
            part[amount] = part.get(amount, Money.zero(row.amount.currency)) + row.amount
    for row in sections.cash_movements:
        part = figures[row.amount.currency]
        name = f"cash_{row.direction}"
        part[name] = part.get(name, Money.zero(row.amount.currency)) + row.amount
    for row in sections.cash:
        figures[row.currency].update(float=row.opening_float, expected=row.expected, counted=row.counted)
    for account in PLAN_ACCOUNTS:
        _balance, entries = plans.balance(account)
        for entry, _after in entries:
            if entry.day != day or entry.key.startswith("demo-opening:"):  # demo data, journaled by KIN01-T1
                continue
            part = figures[entry.amount.currency]
            name = {"top_up": "topped_up", "plan_fee": "plan_fees", "connect_plus_fee": "connect_plus_fees",
                    "refund": "fee_refunds", "adjustment": "reversed"}[entry.kind.value]  # fmt: skip
            amount = entry.amount if entry.amount.amount > 0 else -entry.amount
            part[name] = part.get(name, Money.zero(entry.amount.currency)) + amount
            if name == "topped_up":
                part["top_ups"] = part.get("top_ups", 0) + 1
    for invoice in corporate.list_invoices(manager):
        if invoice.invoice_date == day and invoice.number.startswith("LUB01-"):
            part = figures[invoice.total.currency]
            part["invoices"] = part.get("invoices", 0) + 1
            part["invoiced"] = part.get("invoiced", Money.zero(invoice.total.currency)) + invoice.total
    return figures


def _hq_figures(url: str, day: date) -> dict[str, dict[str, object]]:
    figures: dict[str, dict[str, object]] = {}
    for row in hq_daily_report(url, day):
        assert (row.outlet_code, row.terminal) == ("LUB01", LUB)
        figures[row.currency] = {
            name: value
            for name, value in row.figures.items()
            if value not in (0, None)
            and not (isinstance(value, Money) and value.amount == 0)
            and name != "rounding"
        }
    return figures


def _nonzero(figures: dict[str, dict[str, object]]) -> dict[str, dict[str, object]]:
    return {
        currency: {k: v for k, v in part.items() if v != 0 and not (isinstance(v, Money) and v.amount == 0)}
        for currency, part in figures.items()
    }


def test_fourteen_days_offline_reach_hq_once_and_every_day_ties_out(tmp_path, hq):
    clock = ManualClock(START)
    url = open_terminal_db(tmp_path / "lub.db", clock, customers=8)
    reference.load_reference(hq.url)
    client.link(LUB, hq_admin.add_terminal(hq.url, "LUB01", "T1"), clock)
    manager = sign_in(LUB, "manager", "222222", clock)
    account = corporate.create_account(
        manager, corporate.AccountInput("Katanga Drilling SARL", "CD/LUB/RCCM/26-B-00777", "LUB01", "USD")
    )
    first = START - timedelta(days=24)
    product = corporate.available_products(manager, "USD")[0].product_id
    corporate.add_line(manager, account.code, "KIT-LUB-0001", product, at=first)
    billing_day = corporate.get_account(manager, account.code).billing_day
    assert START.date() < date(2026, 11, billing_day) <= START.date() + timedelta(days=DAYS - 1)

    for n in range(DAYS):
        _a_day_offline(clock, n, billing_day)

    synced = _cli("sync", "--once", "--db", url)
    assert synced.returncode == 0, synced.stderr
    processed = _cli("hq", "process", "--db", hq.url)
    assert processed.returncode == 0, processed.stderr
    assert hq.query("SELECT count(*) FROM hq_inbound WHERE quarantine IS NOT NULL") == [(0,)]
    kinds = {row[0] for row in hq.query("SELECT DISTINCT kind FROM hq_inbound")}
    assert {"sale", "void", "refund", "day_open", "day_close", "cash_movement", "balance_entry",
            "connect_plus_opt_in", "connect_plus_opt_out", "corporate_account", "corporate_line_event",
            "corporate_invoice", "plan_change"} <= kinds  # fmt: skip

    days = [START.astimezone(ZONE).date() + timedelta(days=n) for n in range(DAYS)]
    fees = invoices = 0
    for day in days:
        terminal = _nonzero(_terminal_figures(clock, day))
        at_hq = _hq_figures(hq.url, day)
        assert at_hq == terminal, day
        fees += "connect_plus_fees" in at_hq.get("USD", {})
        invoices += at_hq.get("USD", {}).get("invoices", 0)
    assert fees >= 3 and invoices >= 1  # the days carried Connect+ fees and the corporate run
    assert hq.query("SELECT count(*) FROM hq_balance_entry WHERE kind = 'adjustment'") == [(1,)]
    assert hq.query("SELECT count(*) FROM hq_day WHERE close_uuid IS NOT NULL") == [(DAYS,)]

    report = _cli("hq", "report", "daily", "--date", days[3].isoformat(), "--db", hq.url)
    assert report.returncode == 0, report.stderr
    assert "LUB01    LUB01-T1     USD" in report.stdout and "drawer: expected" in report.stdout


def test_the_hq_queue_honours_reorders_and_retriggers(tmp_path, hq):
    from konnect_pos.domain.bundle_queue import ActivationTrigger
    from konnect_pos.hq.processing import process
    from konnect_pos.services import account
    from konnect_pos.services.checkout import account_timeline

    clock = ManualClock(START)
    open_terminal_db(tmp_path / "lub.db", clock, customers=4)
    reference.load_reference(hq.url)
    client.link(LUB, hq_admin.add_terminal(hq.url, "LUB01", "T1"), clock)
    cashier = sign_in(LUB, "cashier", "1111", clock)
    items = [CartItem("CD-WEEK5"), CartItem("CD-LITE15"), CartItem("CD-STD40")]
    sold = sell(cashier, "CD00000004", items, [CashTender(Money.of("52", "USD"))])
    _active, lite, std = sold.timeline.entries
    clock.advance(hours=1)
    account.retrigger_queued(cashier, "CD00000004", lite.purchase_id, ActivationTrigger.DATA_EXHAUSTED)
    account.move_queued(cashier, "CD00000004", std.purchase_id, 1)
    client.sync(LUB, clock)
    process(hq.url)
    at_terminal = [(e.terms.code, e.trigger.value) for e in account_timeline("CD00000004", clock()).entries]
    assert at_terminal == [
        ("CD-WEEK5", "immediate"),
        ("CD-STD40", "period_end"),
        ("CD-LITE15", "data_exhausted"),
    ]
    at_hq = hq.query(
        "SELECT bundle_code, trigger FROM hq_queue WHERE customer = 'CD00000004' ORDER BY position"
    )
    assert at_hq == at_terminal


def test_an_account_run_by_two_databases_is_charged_once_at_hq(tmp_path, hq):
    from konnect_pos.hq.processing import process
    from tests.sync_support import push_as

    clock = ManualClock(START)
    open_terminal_db(tmp_path / "lub.db", clock, customers=4)
    reference.load_reference(hq.url)
    client.link(LUB, hq_admin.add_terminal(hq.url, "LUB01", "T1"), clock)
    plans.run_daily(_day(clock), clock, terminal=LUB)  # CD00000002: its first Connect+ day
    client.sync(LUB, clock)
    process(hq.url)
    fee = hq.query("SELECT customer, entry_key, day, amount_minor FROM hq_balance_entry WHERE kind = %s",
                   ("connect_plus_fee",))  # fmt: skip
    assert [(f[0], f[3]) for f in fee] == [("CD00000002", -100)]
    customer, key, day, amount = fee[0]
    kin = hq_admin.add_terminal(hq.url, "KIN01", "T1")
    twice = {"uuid": "0193-twice", "customer": customer, "key": key, "day": day.isoformat(),
             "kind": "connect_plus_fee", "currency": "USD", "amount_minor": amount}  # fmt: skip
    push_as(kin, "KIN01-T1", [("balance_entry", twice["uuid"], twice)])
    process(hq.url)
    assert hq.query("SELECT count(*), min(terminal) FROM hq_balance_entry WHERE kind = %s",
                    ("connect_plus_fee",)) == [(1, LUB)]  # fmt: skip
    assert hq.query("SELECT details->>'kept', details->>'terminal' FROM hq_conflict WHERE kind = %s",
                    ("balance_owner",)) == [(LUB, "KIN01-T1")]  # fmt: skip


def test_records_an_older_hq_only_stored_are_projected_after_the_upgrade(tmp_path, pg_server, monkeypatch):
    from konnect_pos.hq import schema
    from konnect_pos.hq.processing import process

    steps = schema.STEPS
    monkeypatch.setattr(schema, "STEPS", steps[:3])  # HQ as it was before step 4
    old = HQ(pg_server)
    try:
        clock = ManualClock(START)
        open_terminal_db(tmp_path / "lub.db", clock, customers=4)
        reference.load_reference(old.url)
        client.link(LUB, hq_admin.add_terminal(old.url, "LUB01", "T1"), clock)
        business_day.cash_movement(sign_in(LUB, "manager", "222222", clock), "in", "5", "USD", "float top-up")
        client.sync(LUB, clock)
        with psycopg.connect(old.url, autocommit=True) as conn:  # what the old processing left behind
            conn.execute("UPDATE hq_inbound SET processed = TRUE")
        monkeypatch.setattr(schema, "STEPS", steps)
        assert hq_admin.init_hq(old.url) == schema.latest_version()
        process(old.url)
        assert old.query("SELECT terminal, business_date FROM hq_day") == [(LUB, START.date())]
        assert old.query("SELECT direction, amount_minor FROM hq_cash_movement") == [("in", 500)]
    finally:
        old.drop()
