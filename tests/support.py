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
