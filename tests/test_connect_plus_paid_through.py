"""The daily run's shortcut for paid periods equals running the days one by one."""

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from konnect_pos.domain.balance import Ledger
from konnect_pos.domain.connect_plus import (
    AccountPlanState,
    ConnectPlusTerms,
    PlanTerms,
    paid_through,
    run_days,
)
from konnect_pos.domain.money import Money

TERMS = PlanTerms("SALOM", "Salom+ 30", Money.of("25", "USD"), 30, ConnectPlusTerms.published("USD"))
START = date(2026, 11, 1)


@given(
    paid_days=st.integers(0, 60),
    run_days_count=st.integers(1, 70),
    activations=st.lists(st.integers(0, 40), max_size=6, unique=True),
)
def test_paid_through_equals_the_daily_runs(paid_days, run_days_count, activations):
    state = AccountPlanState.paid(START + timedelta(days=paid_days), processed_through=START)
    state = replace(state, activations=tuple(sorted(START - timedelta(days=n) for n in activations)))
    through = START + timedelta(days=run_days_count)
    shortcut = paid_through(TERMS, state, through)
    full = run_days(TERMS, state, Ledger("USD"), [], START + timedelta(days=1), through)
    if through <= state.paid_until:
        assert shortcut == full.state and full.new_entries == ()
    else:
        assert shortcut is None


def test_nothing_to_shortcut_without_a_paid_period_or_when_already_processed():
    assert paid_through(TERMS, AccountPlanState(last_processed_day=START), START + timedelta(days=1)) is None
    paid = AccountPlanState.paid(START + timedelta(days=9), processed_through=START + timedelta(days=3))
    assert paid_through(TERMS, paid, START + timedelta(days=3)) is None
