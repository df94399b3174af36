"""domain.corporate.line_state: where a line stands at an instant (the services validate with it)."""

from datetime import UTC, datetime

import pytest

from konnect_pos.domain.corporate.billing_cycle import BillingCycle
from konnect_pos.domain.corporate.line_events import (
    Activation,
    DataBlockChange,
    DataBlocks,
    DataPool,
    LineHistory,
    Pause,
    PlanChange,
    Reactivation,
)
from konnect_pos.domain.corporate.line_state import line_state
from konnect_pos.domain.errors import StateError
from konnect_pos.domain.money import Money

CATALOG = {"LITE": Money.of("25", "USD"), "STD": Money.of("50", "USD")}
CYCLE = BillingCycle(1, "UTC")
BLOCK = Money.of("10", "USD")


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_pending_downgrade_pause_and_blocks_take_effect_at_the_period_end():
    line = LineHistory(
        "kit",
        (
            Activation(at(2026, 10, 20), "STD"),
            PlanChange(at(2026, 11, 5), "LITE"),
            DataBlockChange(at(2026, 11, 6), DataBlocks(DataPool.LOCAL_PRIORITY, 3, BLOCK)),
            Pause(at(2026, 11, 7)),
        ),
    )
    during = line_state(line, CYCLE, CATALOG, at(2026, 11, 30, 23))
    assert (during.active, during.product_id, during.pending_product, during.stop_pending) == (
        True,
        "STD",
        "LITE",
        True,
    )
    assert during.blocks == ()
    after = line_state(line, CYCLE, CATALOG, at(2026, 12, 1))
    assert (after.active, after.product_id, after.stop_pending) == (False, "LITE", False)
    assert after.blocks == (DataBlocks(DataPool.LOCAL_PRIORITY, 3, BLOCK),)


def test_an_invalid_candidate_event_raises():
    line = LineHistory("kit", (Activation(at(2026, 10, 20), "STD"), Reactivation(at(2026, 10, 21))))
    with pytest.raises(StateError):
        line_state(line, CYCLE, CATALOG, at(2026, 10, 21))
