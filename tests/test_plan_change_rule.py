"""The plan-change rule, pure (docs/decisions.md, "Plan changes at the counter")."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from konnect_pos.domain import connect_plus as engine
from konnect_pos.domain.balance import EntryKind, Ledger, plan_fee, top_up
from konnect_pos.domain.errors import CurrencyMismatch, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.plan_change import decide_change, run_with_change, unused_credit

DAY = date(2026, 11, 20)
START = date(2026, 11, 1)  # the current period: 1 to 30 November


def usd(value: str) -> Money:
    return Money.of(value, "USD")


def plan(code: str, fee: str, name: str = "Salom+ 30", currency: str = "USD") -> engine.PlanTerms:
    money = Money.of(fee, currency)
    return engine.PlanTerms(code, name, money, 30, engine.published_connect_plus(name, currency))


SALOM, HOME, MAX = plan("SALOM", "25"), plan("HOME", "18", "Konnect Home 30"), plan("MAX", "40", "Salom+ Max")


def paid_account(balance_after_fee: str) -> tuple[engine.AccountPlanState, Ledger]:
    """Paid from 1 to 30 November through the ledger, processed through the 19th."""
    fee = plan_fee(START, SALOM.fee, START, START + timedelta(days=29))
    money = SALOM.fee + usd(balance_after_fee)
    ledger = Ledger("USD", (top_up("pay-1", START, money), fee))
    return engine.AccountPlanState.paid(START + timedelta(days=29), DAY - timedelta(days=1)), ledger


def test_unused_days_are_credited_at_the_current_fee_half_up():
    state, _ = paid_account("0")
    assert unused_credit(SALOM, state, DAY) == usd("9.17")  # 25 × 11 / 30 = 9.1666…
    assert unused_credit(SALOM, state, START) == usd("25")  # the whole period
    assert unused_credit(SALOM, state, date(2026, 12, 1)) == usd("0")  # after it
    xof = plan("S", "15000", currency="XOF")
    assert unused_credit(xof, state, DAY) == Money.of("5500", "XOF")


def test_a_change_the_balance_covers_credits_then_charges_the_new_fee_from_today():
    state, ledger = paid_account("10")  # 10 + 9.17 ≥ 18
    decision = decide_change(SALOM, HOME, state, ledger, DAY)
    assert decision.immediate and decision.effective_on == DAY and decision.credit == usd("9.17")
    credit, fee = decision.entries
    assert (credit.kind, credit.amount, credit.corrects) == (
        EntryKind.ADJUSTMENT,
        usd("9.17"),
        "plan-fee:2026-11-01",
    )
    assert (fee.kind, fee.amount, fee.period_start, fee.period_end) == (
        EntryKind.PLAN_FEE, usd("-18"), DAY, DAY + timedelta(days=29),
    )  # fmt: skip
    assert decision.state.paid_until == DAY + timedelta(days=29)
    assert ledger.extend(decision.entries).balance == usd("1.17")


def test_a_change_it_cannot_cover_waits_for_the_day_after_the_paid_period():
    state, ledger = paid_account("10")  # 10 + 9.17 < 40
    decision = decide_change(SALOM, MAX, state, ledger, DAY)
    assert not decision.immediate and decision.entries == () and decision.credit == usd("0")
    assert decision.effective_on == date(2026, 12, 1)


def test_a_change_on_the_first_day_of_a_period_gives_the_whole_fee_back_under_its_own_key():
    state, ledger = paid_account("0")
    state = engine.AccountPlanState.paid(START + timedelta(days=29), START)
    decision = decide_change(SALOM, HOME, state, ledger, START)
    assert decision.credit == SALOM.fee
    assert decision.entries[1].key == "plan-fee:2026-11-01:HOME"
    assert ledger.extend(decision.entries).balance == usd("7")


def test_outside_a_paid_period_the_new_plan_decides_the_day():
    lapsed = engine.AccountPlanState.paid(DAY - timedelta(days=2), DAY - timedelta(days=1))
    ledger = Ledger("USD", (top_up("pay-1", DAY, usd("20")),))
    decision = decide_change(SALOM, HOME, lapsed, ledger, DAY)
    assert decision.immediate and decision.credit == usd("0")
    [fee] = decision.entries  # 20 covers Home's 18: renewed at once, under Home
    assert fee.amount == usd("-18") and decision.state.paid_until == DAY + timedelta(days=29)


def test_the_same_plan_or_another_currency_is_refused():
    state, ledger = paid_account("0")
    with pytest.raises(ValidationError):
        decide_change(SALOM, SALOM, state, ledger, DAY)
    with pytest.raises(CurrencyMismatch):
        decide_change(SALOM, plan("TZ", "55000", currency="TZS"), state, ledger, DAY)


def test_a_waiting_change_takes_over_on_its_day_before_the_decision():
    state, ledger = paid_account("40")
    run, switched = run_with_change(SALOM, (MAX, date(2026, 12, 1)), state, ledger, DAY, date(2026, 12, 2))
    assert switched
    [fee] = run.new_entries
    assert (fee.amount, fee.period_start) == (usd("-40"), date(2026, 12, 1))
    plain, switched = run_with_change(SALOM, (MAX, date(2026, 12, 1)), state, ledger, DAY, date(2026, 11, 30))
    assert not switched and plain == engine.run_days(SALOM, state, ledger, [], DAY, date(2026, 11, 30))


@given(
    balance=st.integers(min_value=0, max_value=6_000),
    day=st.integers(min_value=0, max_value=29),
    new_fee=st.integers(min_value=200, max_value=6_000),
)
def test_immediate_exactly_when_the_balance_and_credit_cover_the_new_fee(balance, day, new_fee):
    state, ledger = paid_account(str(Money.from_minor(balance, "USD").amount))
    state = engine.AccountPlanState.paid(START + timedelta(days=29), START + timedelta(days=day - 1))
    target = engine.PlanTerms("NEW", "Konnect Home 30", Money.from_minor(new_fee, "USD"), 30, None)
    when = START + timedelta(days=day)
    decision = decide_change(SALOM, target, state, ledger, when)
    credit = unused_credit(SALOM, state, when)
    assert decision.immediate == (ledger.balance + credit >= target.fee)
    after = ledger.extend(decision.entries).balance
    if decision.immediate:
        assert after == ledger.balance + credit - target.fee and not after.is_negative
        assert decision.state.paid_until == when + timedelta(days=29)
    else:
        assert after == ledger.balance and decision.effective_on == START + timedelta(days=30)
