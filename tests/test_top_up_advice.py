"""The top-up dialog's advice: the amount that renews the plan now and what a smaller one does,
each the engine's own decision (RULES.md §2)."""

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from konnect_pos.domain.connect_plus import (
    AccountPlanState,
    PlanTerms,
    ServiceStatus,
    SuspendReason,
    apply_top_up,
    published_connect_plus,
)
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender
from konnect_pos.domain.top_up_advice import TopUpAdvice, advise_top_up

D0 = date(2026, 3, 1)
SALOM = PlanTerms("SALOM30", "Salom+ 30", Money.of(30, "USD"), 30, published_connect_plus("Salom+ 30", "USD"))
BASIC = PlanTerms("BASIC30", "Basic 30", Money.of(30, "USD"), 30, published_connect_plus("Basic 30", "USD"))
CENT = Money.of("0.01", "USD")


def usd(value):
    return Money.of(value, "USD")


def lapsed_yesterday():
    """The period ended yesterday: today is the first day without the plan."""
    return AccountPlanState.paid(D0, processed_through=D0)


def test_a_lapsed_plan_renews_with_the_shortfall_and_less_starts_connect_plus():
    advice = advise_top_up(SALOM, lapsed_yesterday(), usd("0.40"), D0 + timedelta(days=1))
    assert advice == TopUpAdvice(renews_now=usd("29.60"), connect_plus_from=usd("0.60"))


def test_a_plan_without_connect_plus_says_why_a_smaller_amount_does_nothing():
    advice = advise_top_up(BASIC, lapsed_yesterday(), usd(4), D0 + timedelta(days=1))
    assert advice == TopUpAdvice(renews_now=usd(26), smaller_reason=SuspendReason.NOT_ELIGIBLE)


def test_while_the_period_is_paid_nothing_renews_now():
    running = AccountPlanState.paid(D0 + timedelta(days=20), processed_through=D0)
    assert advise_top_up(SALOM, running, usd(4), D0 + timedelta(days=1)) == TopUpAdvice()


@given(
    st.integers(min_value=0, max_value=4000),
    st.integers(min_value=1, max_value=8),
    st.booleans(),
)
def test_each_amount_is_the_smallest_that_does_what_it_promises(balance_cents, days_lapsed, opted_out):
    state = AccountPlanState.paid(D0, processed_through=D0 + timedelta(days=days_lapsed - 1))
    if opted_out:
        state = replace(state, opted_out=True)
    day = D0 + timedelta(days=days_lapsed)
    balance = Money.from_minor(balance_cents, "USD")
    advice = advise_top_up(SALOM, state, balance, day)

    def after(amount):
        return apply_top_up(SALOM, state, balance + amount, day)

    if balance >= SALOM.fee:  # the daily run itself renews: nothing to add
        assert advice.renews_now in (None, CENT)
        return
    assert after(advice.renews_now).renewed
    if advice.renews_now > CENT:
        assert not after(advice.renews_now - CENT).renewed
    if advice.connect_plus_from is not None:
        assert after(advice.connect_plus_from).status is ServiceStatus.CONNECT_PLUS
        if advice.connect_plus_from > CENT:
            assert after(advice.connect_plus_from - CENT).status is not ServiceStatus.CONNECT_PLUS
    else:
        assert advice.smaller_reason is not None
        assert after(advice.renews_now - CENT).status is ServiceStatus.SUSPENDED


def test_plan_status_carries_the_advice_and_that_amount_renews(demo_db, clock):
    """CD00000005: Salom+ lapsed yesterday, Connect+ charged today from a balance of 3: the
    fee's 25 less the 2 left and today's 1 that renewing gives back is 22."""
    from konnect_pos.services import plans as cp
    from konnect_pos.services.session import sign_in

    today = date(2026, 11, 20)
    cp.run_daily(today, clock)
    advice = cp.plan_status("CD00000005", today).top_up
    assert advice == TopUpAdvice(renews_now=usd(22), connect_plus_from=CENT)
    counter = sign_in("KIN01-T1", "cashier", "1111", clock)
    assert cp.top_up_balance(counter, "CD00000005", "22", [CashTender(usd(22))]).outcome.renewed
