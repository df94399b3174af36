"""The injected clock: services never read the time themselves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def local_date(at: datetime, zone: str) -> date:
    """The date at ``at`` in the IANA ``zone`` (an outlet's, a country's): the one place it is worked out.

    The counter's today is ``Counter.today()``.
    """
    return at.astimezone(ZoneInfo(zone)).date()
