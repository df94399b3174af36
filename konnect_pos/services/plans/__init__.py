"""Balance, auto-renewing plans and Connect+ at the counter and in the daily run (RULES.md §2).

The decisions are the pure engine's (``domain/connect_plus.py``); this package stores them:
the ledger rows (``ledger``), the engine state per account (``state``), a top-up as a sale like
any other (``top_up``), opt-in/out journaled (``opt_in``), ``run_daily`` which catches every
account up to a day, idempotently (``daily_run``), and a voided top-up taken back (``reversal``).

The use cases and the views they return are listed here, so callers write ``plans.top_up_balance``;
each lives in the module named for what it holds.
"""

from konnect_pos.services.plans.accounts import subscribe
from konnect_pos.services.plans.daily_run import RUN_CHUNK, DailyRunSummary, run_daily
from konnect_pos.services.plans.ledger import entry_payload, ledger_of
from konnect_pos.services.plans.opt_in import set_opt
from konnect_pos.services.plans.reversal import TopUpReversal, reversal_key, reverse_top_up
from konnect_pos.services.plans.status import PlanStatus, balance, plan_status
from konnect_pos.services.plans.terms import add_plan, plan_terms
from konnect_pos.services.plans.top_up import TopUpResult, parse_top_up, top_up_balance, top_up_effect

__all__ = [
    "RUN_CHUNK",
    "DailyRunSummary",
    "PlanStatus",
    "TopUpResult",
    "TopUpReversal",
    "add_plan",
    "balance",
    "entry_payload",
    "ledger_of",
    "parse_top_up",
    "plan_status",
    "plan_terms",
    "reversal_key",
    "reverse_top_up",
    "run_daily",
    "set_opt",
    "subscribe",
    "top_up_balance",
    "top_up_effect",
]
