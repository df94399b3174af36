"""Column types that keep money and time exact on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import peewee


class UTCDateTimeField(peewee.DateTimeField):
    """Stores an aware instant as naive UTC; reads it back aware (UTC).

    Naive datetimes are refused: "time is explicit" (DESIGN.md invariant 2).
    """

    def db_value(self, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def python_value(self, value: object) -> datetime | None:
        parsed = super().python_value(value)
        if parsed is None:
            return None
        if isinstance(parsed, str):
            parsed = datetime.fromisoformat(parsed)
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


class DecimalTextField(peewee.TextField):
    """A Decimal kept as text: SQLite would turn DecimalField into REAL (a float)."""

    def db_value(self, value: Decimal | None) -> str | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise ValueError("DecimalTextField takes Decimal only")
        return str(value)

    def python_value(self, value: str | None) -> Decimal | None:
        return None if value is None else Decimal(value)
