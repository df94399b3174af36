"""A service line and the events of its history: activation, plan change, pause, cancellation,
reactivation, data-block change, overage usage (RULES.md §3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from konnect_pos.domain.corporate.billing_cycle import (
    require_aware,
)
from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.money import Money


class DataPool(StrEnum):
    """Local and Global Priority data are separate pools (§3.9), billed on separate lines."""

    LOCAL_PRIORITY = "local_priority"
    GLOBAL_PRIORITY = "global_priority"


def _whole_quantity(quantity: object) -> int:
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 0:
        raise ValidationError("Data block quantity must be a whole number, 0 or more", field="quantity")
    return quantity


@dataclass(frozen=True, slots=True)
class DataBlocks:
    """``quantity`` blocks of one pool at ``block_price`` each, per period."""

    pool: DataPool
    quantity: int
    block_price: Money

    def __post_init__(self) -> None:
        _whole_quantity(self.quantity)


@dataclass(frozen=True, slots=True)
class Activation:
    at: datetime
    product_id: str
    data_blocks: tuple[DataBlocks, ...] = ()


@dataclass(frozen=True, slots=True)
class PlanChange:
    """A move to another product; upgrade, downgrade or same price follows from the prices."""

    at: datetime
    product_id: str


@dataclass(frozen=True, slots=True)
class Pause:
    at: datetime


@dataclass(frozen=True, slots=True)
class Cancellation:
    at: datetime


@dataclass(frozen=True, slots=True)
class Reactivation:
    """Back in service; ``product_id`` None keeps the plan the line held (or had scheduled)."""

    at: datetime
    product_id: str | None = None


@dataclass(frozen=True, slots=True)
class DataBlockChange:
    """New block quantity of one pool, in force from the next period start (§3.10)."""

    at: datetime
    blocks: DataBlocks


@dataclass(frozen=True, slots=True)
class OverageUsage:
    """Data used beyond the allowance, billed in full (§3.8) on the next invoice."""

    at: datetime
    pool: DataPool
    gigabytes: Decimal
    price_per_gb: Money

    def __post_init__(self) -> None:
        gb = self.gigabytes
        if isinstance(gb, bool) or not isinstance(gb, int | Decimal) or not Decimal(gb).is_finite() or gb < 0:
            raise ValidationError("Overage must be an exact number of GB, 0 or more", field="gigabytes")


LineEvent = Activation | PlanChange | Pause | Cancellation | Reactivation | DataBlockChange | OverageUsage


@dataclass(frozen=True, slots=True)
class LineHistory:
    """One kit's subscription: its id and its events (kept in time order, ties as given)."""

    line_id: str
    events: tuple[LineEvent, ...]

    def __post_init__(self) -> None:
        if not isinstance(self.line_id, str) or not self.line_id.strip():
            raise ValidationError("A service line needs an id", field="line_id")
        for event in self.events:
            require_aware(event.at)
        ordered = sorted(self.events, key=lambda e: require_aware(e.at))
        object.__setattr__(self, "events", tuple(ordered))
