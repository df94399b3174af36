"""The per-day totals the outlet summary reads (SQLite and PostgreSQL): kept by every sale and
void, checked by ``verify`` against the rows they sum, and filled for older days by the upgrade."""

from __future__ import annotations

import pytest

from konnect_pos.domain.daily_report import DailyReport
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender, MobileMoneyTender
from konnect_pos.services import checkout, corrections, demo
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.daily_report import daily_report
from konnect_pos.services.session import sign_in
from konnect_pos.services.verify import verify
from konnect_pos.store.database import db
from konnect_pos.store.schema import STEP_TABLE, VERSION_TABLE, migrate

T1 = "KIN01-T1"


def usd(value: str) -> Money:
    return Money.of(value, "USD")


@pytest.fixture
def day(database, clock):
    """Three sales at KIN01-T1 (cash, mobile money, cash) and a void of the third."""
    demo.seed(clock, customers=20)
    cashier = sign_in(T1, "cashier", "1111", clock)
    manager = sign_in(T1, "manager", "222222", clock)
    checkout.sell(
        cashier, "CD00000001", [CartItem("CD-WEEK5"), CartItem("CD-LITE15")], [CashTender(usd("40"))]
    )
    checkout.sell(
        cashier,
        "CD00000013",
        [CartItem("CD-LITE15")],
        [MobileMoneyTender("mpesa", "QK7AB12CD3", "0812345678")],
    )
    voided = checkout.sell(cashier, "CD00000001", [CartItem("CD-WEEK5")], [CashTender(usd("6"))])
    corrections.void_sale(manager, voided.receipt_number, "wrong customer", remove_active=True)
    return manager


def _sections(report: DailyReport) -> dict:
    keys = ("sales", "by_method", "by_bundle", "by_agent", "by_hour", "cash", "mobile_money")
    return {key: getattr(report.sections, key) for key in keys}


def test_totals_follow_sales_and_voids_and_verify_finds_an_edited_total(day, clock):
    report = daily_report(day, clock().date(), whole_outlet=True)
    assert [(row.currency, row.count) for row in report.sections.sales] == [("USD", 2)]
    assert {(row.code, row.count) for row in report.sections.by_bundle} == {("CD-LITE15", 2), ("CD-WEEK5", 1)}
    assert verify().problems == []
    with db.atomic() as transaction:
        db.execute_sql("UPDATE day_total SET amount_minor = amount_minor + 100 WHERE section = 'sale'")
        problems = verify().problems
        transaction.rollback()
    assert len(problems) == 1
    assert "KIN01-T1" in problems[0] and "totals sale USD" in problems[0]
    with db.atomic() as transaction:
        db.execute_sql("DELETE FROM day_total WHERE section = 'bundle'")
        problems = verify().problems
        transaction.rollback()
    assert len(problems) == 2 and all("totals bundle CD-" in problem for problem in problems)
    assert verify().problems == []


def test_upgrade_fills_the_totals_of_days_already_stored(day, clock):
    before = _sections(daily_report(day, clock().date(), whole_outlet=True))
    with db.atomic():  # the database as it was before the step that brought the totals
        db.execute_sql("DROP TABLE day_total")
        db.execute_sql(f"DELETE FROM {STEP_TABLE} WHERE version = 11")
        db.execute_sql(f"UPDATE {VERSION_TABLE} SET version = (SELECT MAX(version) FROM {STEP_TABLE})")
    migrate(db.obj)
    assert _sections(daily_report(day, clock().date(), whole_outlet=True)) == before
    assert before["sales"][0].count == 2
    assert verify().problems == []
