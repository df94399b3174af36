"""Plans at the counter through the services and a real store (SQLite and PostgreSQL): put a
customer on a plan, change plan now or at the next renewal, cancel a waiting change, history."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from konnect_pos.domain.connect_plus import ServiceStatus, SuspendReason
from konnect_pos.domain.errors import Conflict, NotFound, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender
from konnect_pos.services import plans
from konnect_pos.services.plans.changes import change_plan, plan_history, plan_offers, set_plan
from konnect_pos.services.receipts import receipt_data
from konnect_pos.services.session import sign_in
from konnect_pos.services.verify import verify
from konnect_pos.store.models import (
    BalanceEntry,
    Customer,
    JournalEntry,
    OutboxEvent,
    Plan,
    PlanAccount,
    PlanChange,
)
from tests.support import next_business_day

TODAY = date(2026, 11, 20)  # the clock fixture's day
RENEWS = "CD00000001"  # Salom+ 30 (25 USD) paid until 30 Nov, balance 25
LAPSED = "CD00000005"  # Salom+ 30 lapsed on the 19th, balance 3
NO_PLAN = "CD00000013"


def usd(value: str) -> Money:
    return Money.of(value, "USD")


@pytest.fixture
def counter(demo_db, clock):
    plans.add_plan("CD-MAX", "Salom+ Max 30", "CD", usd("40"), 30)
    return sign_in("KIN01-T1", "cashier", "1111", clock)


def _plan_id(code: str) -> int:
    return Plan.get(Plan.code == code).id


def _customer_id(account: str) -> int:
    return Customer.get(Customer.account_number == account).id


def _rows() -> tuple[int, int, int, list[str]]:
    return (
        PlanChange.select().count(),
        BalanceEntry.select().count(),
        JournalEntry.select().count(),
        [f"{a.plan_id}/{a.next_plan_id}/{a.state}" for a in PlanAccount.select().order_by(PlanAccount.id)],
    )


def test_the_offers_are_the_countrys_active_plans_cheapest_first(counter):
    offers = plan_offers(NO_PLAN)
    assert [o.code for o in offers] == ["CD-HOME", "CD-SALOM", "CD-MAX"]
    assert offers[0].fee == usd("18") and not offers[0].connect_plus and offers[1].connect_plus


def test_a_customer_put_on_a_plan_starts_when_a_top_up_covers_the_fee(counter, clock):
    result = set_plan(counter, NO_PLAN.lower(), "cd-home")
    assert (result.kind, result.from_plan, result.to_plan, result.effective_on) == (
        "set", None, "Konnect Home 30", TODAY,
    )  # fmt: skip
    status = plans.plan_status(NO_PLAN, TODAY)
    assert status.plan_code == "CD-HOME"
    assert (
        status.status.service is ServiceStatus.SUSPENDED and status.status.reason is SuspendReason.NOT_STARTED
    )
    topped = plans.top_up_balance(counter, NO_PLAN, "18", [CashTender(usd("18"))])
    assert topped.outcome.renewed and topped.balance == usd("0")
    assert plans.plan_status(NO_PLAN, TODAY).status.paid_until == TODAY + timedelta(days=29)
    [line] = plan_history(NO_PLAN)
    assert (line.kind, line.to_plan, line.user, line.requested_on) == (
        "set",
        "Konnect Home 30",
        "cashier",
        TODAY,
    )
    [record] = JournalEntry.select().where(JournalEntry.kind == "plan_change")
    sent = json.loads(OutboxEvent.get(OutboxEvent.record_uuid == record.record_uuid).payload)
    assert sent["customer"] == NO_PLAN and sent["to_plan"] == "CD-HOME" and sent["from_plan"] is None
    assert verify().problems == []


@pytest.mark.parametrize(
    ("account", "plan", "error", "words"),
    [
        (RENEWS, "CD-HOME", Conflict, "already on plan"),  # set on a customer with a plan
        (NO_PLAN, "TZ-HOME", ValidationError, "not sold in this customer's country"),
        (NO_PLAN, "NOPE", NotFound, "No plan with code"),
        ("CD99999999", "CD-HOME", NotFound, ""),
    ],
)
def test_putting_on_a_plan_refuses_bad_input_and_changes_nothing(counter, account, plan, error, words):
    before = _rows()
    with pytest.raises(error) as raised:
        set_plan(counter, account, plan)
    assert words in raised.value.template
    assert _rows() == before


def test_a_change_the_balance_covers_is_immediate_and_credits_the_unused_days(counter):
    result = change_plan(counter, RENEWS, "CD-HOME")
    # Salom+ 25 USD for 30 days, paid until 30 Nov: 11 days unused (20th to 30th) = 9.17
    assert (result.kind, result.effective_on, result.credit, result.charged) == (
        "now", TODAY, usd("9.17"), usd("18"),
    )  # fmt: skip
    assert result.balance == usd("16.17") == plans.balance(RENEWS)[0]
    status = plans.plan_status(RENEWS, TODAY)
    assert status.plan_code == "CD-HOME" and status.next_plan_name is None
    assert status.status.paid_until == TODAY + timedelta(days=29)
    assert [line.kind for line in plan_history(RENEWS)] == ["set", "now"]  # the demo put them on Salom+
    assert verify().problems == []  # the credit and the new fee are journaled


def test_a_change_the_balance_cannot_cover_waits_for_the_next_renewal(counter, clock):
    before_balance = plans.balance(RENEWS)[0]
    result = change_plan(counter, RENEWS, "CD-MAX")  # 25 + 9.17 < 40
    assert (result.kind, result.effective_on, result.charged) == ("next_renewal", date(2026, 12, 1), usd("0"))
    assert plans.balance(RENEWS)[0] == before_balance
    status = plans.plan_status(RENEWS, TODAY)
    assert status.plan_code == "CD-SALOM" and status.next_plan_name == "Salom+ Max 30"
    assert status.next_plan_from == date(2026, 12, 1)
    # on the renewal day the new plan decides: the status foresees it, the daily run stores it
    assert plans.plan_status(RENEWS, date(2026, 12, 1)).plan_code == "CD-MAX"
    plans.top_up_balance(counter, RENEWS, "15", [CashTender(usd("15"))])  # 40 in the balance
    clock.advance(days=11)
    summary = plans.run_daily(date(2026, 12, 1), clock)
    assert summary.renewed >= 1
    account = PlanAccount.get(PlanAccount.customer == _customer_id(RENEWS))
    assert (account.plan_id, account.next_plan_id) == (_plan_id("CD-MAX"), None)
    after = plans.plan_status(RENEWS, date(2026, 12, 1))
    assert after.plan_code == "CD-MAX" and after.status.paid_until == date(2026, 12, 30)
    assert plans.balance(RENEWS)[0] == usd("0")
    assert verify().problems == []


def test_a_waiting_change_takes_over_at_the_counter_on_its_day(counter, clock):
    change_plan(counter, RENEWS, "CD-MAX")
    next_business_day(clock, days=11)  # 1 December, no daily run: the counter catches the account up
    later = sign_in("KIN01-T1", "cashier", "1111", clock)
    topped = plans.top_up_balance(later, RENEWS, "15", [CashTender(usd("15"))])
    assert topped.outcome.renewed and topped.balance == usd("0") and topped.charged == usd("15")
    row = PlanAccount.get(PlanAccount.customer == _customer_id(RENEWS))
    assert (row.plan_id, row.next_plan_id, row.next_plan_from) == (_plan_id("CD-MAX"), None, None)
    assert plans.plan_status(RENEWS, date(2026, 12, 1)).status.paid_until == date(2026, 12, 30)
    assert verify().problems == []


def test_asking_for_the_current_plan_cancels_a_waiting_change(counter):
    change_plan(counter, RENEWS, "CD-MAX")
    result = change_plan(counter, RENEWS, "CD-SALOM")
    assert (result.kind, result.from_plan, result.to_plan) == ("cancelled", "Salom+ Max 30", "Salom+ 30")
    assert plans.plan_status(RENEWS, TODAY).next_plan_name is None
    assert [line.kind for line in plan_history(RENEWS)] == ["set", "next_renewal", "cancelled"]
    with pytest.raises(ValidationError, match="already on plan"):
        change_plan(counter, RENEWS, "CD-SALOM")


def test_outside_a_paid_period_the_change_is_immediate_under_the_new_plans_terms(counter):
    result = change_plan(counter, LAPSED, "CD-HOME")  # lapsed, 3 USD: Home has no Connect+
    assert (result.kind, result.credit, result.charged) == ("now", usd("0"), usd("0"))
    status = plans.plan_status(LAPSED, TODAY).status
    assert status.service is ServiceStatus.SUSPENDED and status.reason is SuspendReason.NOT_ELIGIBLE
    assert plans.balance(LAPSED)[0] == usd("3")  # no Connect+ day was charged on the old plan first


def test_a_change_refuses_bad_input_and_changes_nothing(counter):
    before = _rows()
    for account, plan, error in (
        (NO_PLAN, "CD-HOME", NotFound),  # no plan to change: put on a plan first
        (RENEWS, "TZ-SALOM", ValidationError),
        (RENEWS, "", NotFound),
    ):
        with pytest.raises(error):
            change_plan(counter, account, plan)
    assert _rows() == before


def test_a_top_up_receipt_reprinted_after_a_change_names_the_plan_of_its_time(counter, clock):
    before = plans.top_up_balance(counter, RENEWS, "5", [CashTender(usd("5"))])
    clock.advance(minutes=5)
    change_plan(counter, RENEWS, "CD-HOME")
    clock.advance(minutes=5)
    after = plans.top_up_balance(counter, RENEWS, "5", [CashTender(usd("5"))])
    assert receipt_data(before.receipt_number, copy=True).top_up.plan_name == "Salom+ 30"
    assert receipt_data(after.receipt_number).top_up.plan_name == "Konnect Home 30"
