"""The engine's state of a plan account, stored as JSON in ``plan_account.state``."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from konnect_pos.domain import connect_plus as engine
from konnect_pos.domain.balance import Ledger

_STATE_JSON = json.JSONEncoder(sort_keys=True)  # one encoder, not one per call (the daily run's hot path)


def dump_state(state: engine.AccountPlanState, charged_key: str | None = None) -> str:
    """JSON of the state; ``charged_key`` stands in for ``daily_fee_charged`` when the state was
    read without its ledger (the daily run's shortcut for paid periods)."""

    def day(value: date | None) -> str | None:
        return value.isoformat() if value else None

    return _STATE_JSON.encode(
        {
            "paid_until": day(state.paid_until),
            "last_processed_day": day(state.last_processed_day),
            "service": state.service.value,
            "reason": state.reason.value if state.reason else None,
            "lapsed_on": day(state.lapsed_on),
            "connect_plus_since": day(state.connect_plus_since),
            "activations": [d.isoformat() for d in state.activations],
            "opted_out": state.opted_out,
            "daily_fee_charged": state.daily_fee_charged.key if state.daily_fee_charged else charged_key,
        }
    )


def load_state(text: str, ledger: Ledger | None) -> engine.AccountPlanState:
    """The stored state; without a ledger, ``daily_fee_charged`` is left out (see dump_state)."""
    return state_of(json.loads(text), ledger)


_SERVICES = {status.value: status for status in engine.ServiceStatus}
_REASONS = {reason.value: reason for reason in engine.SuspendReason}


def state_of(raw: dict[str, Any], ledger: Ledger | None) -> engine.AccountPlanState:
    def day(value: str | None) -> date | None:
        return date.fromisoformat(value) if value else None

    charged = raw["daily_fee_charged"]
    reason = raw["reason"]
    return engine.AccountPlanState(
        paid_until=day(raw["paid_until"]),
        last_processed_day=day(raw["last_processed_day"]),
        service=_SERVICES.get(raw["service"]) or engine.ServiceStatus(raw["service"]),
        reason=(_REASONS.get(reason) or engine.SuspendReason(reason)) if reason else None,
        lapsed_on=day(raw["lapsed_on"]),
        connect_plus_since=day(raw["connect_plus_since"]),
        activations=tuple(date.fromisoformat(d) for d in raw["activations"]),
        opted_out=raw["opted_out"],
        daily_fee_charged=ledger.entry(charged) if charged and ledger else None,
    )


def with_ledger(
    state: engine.AccountPlanState, raw: dict[str, Any], ledger: Ledger
) -> engine.AccountPlanState:
    """``state`` read without its ledger (``state_of(raw, None)``) completed with it: what
    ``state_of(raw, ledger)`` gives, without reading the JSON twice."""
    charged = raw["daily_fee_charged"]
    return engine.evolve(state, daily_fee_charged=ledger.entry(charged)) if charged else state
