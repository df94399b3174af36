"""Auto-renewing plans and the Connect+ continuity service, pure (RULES.md §2).

A plan has a periodic fee paid from the customer's prepaid balance (``balance.Ledger``).
When a period ends and the balance cannot pay the next fee, Connect+ keeps the customer
connected for a small daily fee, within limits, until the balance covers the fee again.

The engine decides one calendar day at a time, from the plan's terms, the account's state
and its balance, and returns the new state plus the ledger entries to append:

- **renew** when the balance covers the fee (the plan always has priority; Connect+ stops and
  a Connect+ fee already charged for that day is refunded, as the plan now pays for it);
- **Connect+** on the days after the paid period, while the balance pays the daily fee, the
  customer has not opted out, the 5-day window since the period ended is open and fewer than
  10 activations fall in the 30 days ending that day;
- **suspended** otherwise: packages and Connect+ are off until the condition lifts (a top-up,
  opting back in) or, once the window has passed, until the full fee is paid.

The daily run (``process_day``) happens at the start of the day; a top-up or an opt change
during the day re-decides at once (``apply_top_up``, ``apply_opt_in``, ``apply_opt_out``).
``run_days`` replays missed days and their events in order. Days are ``datetime.date`` passed
in: no clock is read here. The choices the terms leave open are in docs/decisions.md
("Connect+ and balance") and each has a test.

The package: ``terms`` (a plan's and Connect+'s terms), ``state`` (an account's state and a
day's outcome), ``engine`` (the decisions and the catch-up), ``status`` (the counter's summary).
"""

from konnect_pos.domain.connect_plus.engine import (
    ACTIVATED,
    ACTIVE,
    ALREADY_PROCESSED,
    CONTINUED,
    EXPLANATIONS,
    PLAN_RUNNING,
    REASON_EXPLANATIONS,
    RENEWED,
    Event,
    OptIn,
    OptOut,
    RunResult,
    TopUp,
    activations_in_window,
    apply_opt_in,
    apply_opt_out,
    apply_top_up,
    paid_through,
    process_day,
    run_days,
)
from konnect_pos.domain.connect_plus.state import (
    FULL_FEE_ONLY,
    AccountPlanState,
    DayOutcome,
    ServiceStatus,
    SuspendReason,
    evolve,
)
from konnect_pos.domain.connect_plus.status import (
    ConnectPlusStatus,
    status,
)
from konnect_pos.domain.connect_plus.terms import (
    PUBLISHED_ACTIVATION_WINDOW_DAYS,
    PUBLISHED_DAILY_DATA_MB,
    PUBLISHED_DAILY_FEE_UNITS,
    PUBLISHED_ELIGIBLE_FAMILIES,
    PUBLISHED_GRACE_DAYS,
    PUBLISHED_MAX_ACTIVATIONS,
    PUBLISHED_OWN_RATES,
    ConnectPlusTerms,
    DailyAllowance,
    PlanTerms,
    allowance,
    published_connect_plus,
    published_eligible,
)

__all__ = [
    "ACTIVATED",
    "ACTIVE",
    "ALREADY_PROCESSED",
    "CONTINUED",
    "EXPLANATIONS",
    "FULL_FEE_ONLY",
    "PLAN_RUNNING",
    "PUBLISHED_ACTIVATION_WINDOW_DAYS",
    "PUBLISHED_DAILY_DATA_MB",
    "PUBLISHED_DAILY_FEE_UNITS",
    "PUBLISHED_ELIGIBLE_FAMILIES",
    "PUBLISHED_GRACE_DAYS",
    "PUBLISHED_MAX_ACTIVATIONS",
    "PUBLISHED_OWN_RATES",
    "REASON_EXPLANATIONS",
    "RENEWED",
    "AccountPlanState",
    "ConnectPlusStatus",
    "ConnectPlusTerms",
    "DailyAllowance",
    "DayOutcome",
    "Event",
    "OptIn",
    "OptOut",
    "PlanTerms",
    "RunResult",
    "ServiceStatus",
    "SuspendReason",
    "TopUp",
    "activations_in_window",
    "allowance",
    "apply_opt_in",
    "apply_opt_out",
    "apply_top_up",
    "evolve",
    "paid_through",
    "process_day",
    "published_connect_plus",
    "published_eligible",
    "run_days",
    "status",
]
