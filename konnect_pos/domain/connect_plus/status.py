"""The counter's summary of an account's Connect+: what it is doing, why, and what lifts a suspension."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from konnect_pos.domain.balance import (
    check_day,
)
from konnect_pos.domain.connect_plus.engine import (
    activations_in_window,
    check_balance,
    explain,
    explanation_params,
)
from konnect_pos.domain.connect_plus.state import (
    FULL_FEE_ONLY,
    AccountPlanState,
    ServiceStatus,
    SuspendReason,
)
from konnect_pos.domain.connect_plus.terms import PlanTerms
from konnect_pos.domain.money import Money


@dataclass(frozen=True, slots=True)
class ConnectPlusStatus:
    """What the counter shows about an account's plan and Connect+ on ``day``."""

    day: date
    service: ServiceStatus
    reason: SuspendReason | None
    balance: Money
    eligible: bool
    paid_until: date | None
    next_fee_date: date | None
    amount_to_renew: Money
    connect_plus_since: date | None
    window_days_left: int | None
    activations_used: int
    max_activations: int | None
    activation_window_days: int | None
    activation_slot_frees_on: date | None
    opted_out: bool
    full_fee_required: bool
    packages_available: bool
    daily_data_mb: int | None
    explanation: str
    params: Mapping[str, Any]

    @property
    def message(self) -> str:
        return self.explanation.format(**self.params)


def _slot_frees_on(terms: PlanTerms, state: AccountPlanState, day: date) -> date | None:
    """While the limit is reached, the first day an activation leaves the rolling window."""
    cp = terms.connect_plus
    if cp is None or activations_in_window(terms, state, day) < cp.max_activations:
        return None
    first = day - timedelta(days=cp.activation_window_days - 1)
    counted = sorted(d for d in state.activations if first <= d <= day)
    return counted[-cp.max_activations] + timedelta(days=cp.activation_window_days)


def status(terms: PlanTerms, state: AccountPlanState, balance: Money, day: date) -> ConnectPlusStatus:
    """Summary of the state as last decided, with the windows counted on ``day``.

    ``next_fee_date`` is the day the plan fee falls due (the day after the paid period; in
    the past while lapsed); ``amount_to_renew`` is what a top-up must add to renew now.
    """
    check_day(day)
    check_balance(terms, balance)
    cp = terms.connect_plus
    lapsed_on = state.lapsed_on
    if lapsed_on is None and state.paid_until is not None and day > state.paid_until:
        lapsed_on = state.paid_until + timedelta(days=1)
    window_left = None
    if cp is not None and lapsed_on is not None and state.service is not ServiceStatus.PLAN:
        window_left = max(0, (lapsed_on + timedelta(days=cp.grace_days) - day).days)
    shortfall = terms.fee_on(day) - balance
    return ConnectPlusStatus(
        day=day,
        service=state.service,
        reason=state.reason,
        balance=balance,
        eligible=cp is not None,
        paid_until=state.paid_until,
        next_fee_date=state.paid_until + timedelta(days=1) if state.paid_until else None,
        amount_to_renew=shortfall if shortfall.amount > 0 else Money.zero(terms.currency),
        connect_plus_since=state.connect_plus_since,
        window_days_left=window_left,
        activations_used=activations_in_window(terms, state, day),
        max_activations=cp.max_activations if cp else None,
        activation_window_days=cp.activation_window_days if cp else None,
        activation_slot_frees_on=_slot_frees_on(terms, state, day),
        opted_out=state.opted_out,
        full_fee_required=state.reason in FULL_FEE_ONLY,
        packages_available=state.service is ServiceStatus.PLAN,
        daily_data_mb=cp.daily_data_mb if cp and state.service is ServiceStatus.CONNECT_PLUS else None,
        explanation=explain(state),
        params=explanation_params(terms, state, balance, day),
    )
