"""Test helpers that are real objects, not fakes: a clock the test moves by hand."""

from __future__ import annotations

from datetime import datetime, timedelta


class ManualClock:
    """The injected clock (services take any ``() -> datetime``); tests move it."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def next_business_day(clock: ManualClock, terminal: str = "KIN01-T1", *, days: float = 1) -> None:
    """Move the clock on and have the manager close the old day and open the new one."""
    from konnect_pos.services.business_day import close_day, current_day, open_day
    from konnect_pos.services.session import sign_in

    clock.advance(days=days)
    manager = sign_in(terminal, "manager", "222222", clock)
    day = current_day(manager)
    if day is not None and day.status != "closed":
        close_day(manager, {}, comment="test: day rolled over")
    open_day(manager, {})
