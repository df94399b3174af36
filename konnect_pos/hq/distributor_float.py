"""Headquarters' side of distributors' money (issue 19): limits, float top-ups, every outlet's position.

Run as HQ's owner. Limits and top-ups are new rows (never edited); terminals read their outlet's
position through ``hq_my_limits`` (schema step 7, refunds' give-back from step 12) when they sync.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

import psycopg

from konnect_pos.domain.countries import country
from konnect_pos.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.hq.connection import hq_connect, refused
from konnect_pos.hq.processing import process


@contextmanager
def _as_owner(url: str) -> Iterator[psycopg.Connection]:
    """HQ's owner in one transaction; a terminal's credentials are refused in words, not a traceback."""
    try:
        with hq_connect(url) as conn, conn.transaction():
            yield conn
    except psycopg.errors.InsufficientPrivilege:
        raise PermissionDenied(
            "Only headquarters' administrator may see or change floats and limits", field="float"
        ) from None
    except psycopg.Error as exc:
        raise refused(exc) from None


_LATEST = """SELECT currency, credit_limit_minor, offline_days, offline_sales, offline_amount_minor
    FROM hq_outlet_limit WHERE outlet_code = %s ORDER BY id DESC LIMIT 1"""


def _outlet_country(conn: psycopg.Connection, outlet_code: str) -> str:
    row = conn.execute("SELECT country FROM hq_outlet WHERE code = %s", (outlet_code,)).fetchone()
    if row is None:
        raise NotFound("No outlet with code {code} at headquarters", field="outlet", code=outlet_code)
    return row[0]


def _currency_of(conn: psycopg.Connection, outlet_code: str, currency: str) -> str:
    currency = currency.strip().upper()
    if currency not in country(_outlet_country(conn, outlet_code)).currencies:
        raise ValidationError(
            "Outlet {code} does not trade in {currency}",
            field="currency",
            code=outlet_code,
            currency=currency[:8],
        )
    return currency


Limits = tuple[str | None, int | None, int | None, int | None, int | None]


def _latest(conn: psycopg.Connection, outlet_code: str) -> Limits:
    row = conn.execute(_LATEST, (outlet_code,)).fetchone()
    return row if row is not None else (None, None, None, None, None)


def _append(conn: psycopg.Connection, outlet_code: str, values: tuple[object, ...]) -> None:
    conn.execute(
        """INSERT INTO hq_outlet_limit (outlet_code, currency, credit_limit_minor, offline_days,
               offline_sales, offline_amount_minor) VALUES (%s, %s, %s, %s, %s, %s)""",
        (outlet_code, *values),
    )


def set_credit_limit(url: str, outlet_code: str, currency: str, credit_limit: str) -> Money:
    """The outlet's float account in ``currency`` with ``credit_limit`` (0: it sells only what it paid)."""
    outlet_code = outlet_code.strip().upper()
    with _as_owner(url) as conn:
        currency = _currency_of(conn, outlet_code, currency)
        limit = Money.of(credit_limit, currency)
        if limit.is_negative:
            raise ValidationError("A credit limit cannot be below zero", field="credit")
        current = _latest(conn, outlet_code)
        if current[0] is not None and current[0] != currency:
            raise Conflict(
                "Outlet {code} keeps its float in {currency}",
                field="currency",
                code=outlet_code,
                currency=current[0],
            )
        _append(conn, outlet_code, (currency, limit.to_minor(), *current[2:]))
    return limit


def set_offline_limits(
    url: str, outlet_code: str, days: int | None, sales: int | None, amount: str | None, currency: str | None
) -> None:
    """The most days, sales and amount a terminal of the outlet may sell without reaching HQ."""
    outlet_code = outlet_code.strip().upper()
    for value, name in ((days, "days"), (sales, "sales")):
        if value is not None and not 1 <= value <= 1_000_000:
            raise ValidationError(
                "The offline {name} must be a whole number above zero", field=name, name=name
            )
    with _as_owner(url) as conn:
        current = _latest(conn, outlet_code)
        _outlet_country(conn, outlet_code)
        amount_minor = None
        if amount is not None:
            if not (currency or current[0]):
                raise ValidationError(
                    "Outlet {code} has no float: give the offline amount's currency", field="currency",
                    code=outlet_code,
                )  # fmt: skip
            money_currency = _currency_of(conn, outlet_code, currency or current[0] or "")
            if current[0] is not None and money_currency != current[0]:
                raise Conflict(
                    "Outlet {code} keeps its float in {currency}", field="currency", code=outlet_code,
                    currency=current[0],
                )  # fmt: skip
            money = Money.of(amount, money_currency)
            if money.amount <= 0:
                raise ValidationError("The offline amount must be above zero", field="amount")
            amount_minor = money.to_minor()
            if current[0] is None:  # the amount's currency: the outlet has no float account
                current = (None, None, *current[2:])
        _append(conn, outlet_code, (current[0], current[1], days, sales, amount_minor))


def record_top_up(url: str, outlet_code: str, amount: str, reference: str, received_on: date) -> Money:
    """A distributor's payment to Konnect, added to its float; terminals pull it at their next sync."""
    outlet_code = outlet_code.strip().upper()
    reference = reference.strip()
    if not reference or len(reference) > 60:
        raise ValidationError("Give the payment's reference (at most 60 characters)", field="reference")
    with _as_owner(url) as conn:
        currency = _latest(conn, outlet_code)[0]
        _outlet_country(conn, outlet_code)
        if currency is None:
            raise ValidationError(
                "Outlet {code} has no float: set its credit limit first", field="outlet", code=outlet_code
            )
        money = Money.of(amount, currency)
        if money.amount <= 0:
            raise ValidationError("A float top-up must be above zero", field="amount")
        done = conn.execute(
            """INSERT INTO hq_float_top_up (outlet_code, currency, amount_minor, reference, received_on)
               VALUES (%s, %s, %s, %s, %s) ON CONFLICT (outlet_code, reference) DO NOTHING""",
            (outlet_code, currency, money.to_minor(), reference, received_on),
        )
        if done.rowcount == 0:
            raise Conflict(
                "Payment {reference} of outlet {code} is already recorded", field="reference",
                reference=reference, code=outlet_code,
            )  # fmt: skip
    return money


@dataclass(frozen=True, slots=True)
class OutletPosition:
    outlet_code: str
    currency: str
    credit_limit: Money
    topped_up: Money
    used: Money
    sales: int
    last_top_up: date | None
    last_push_at: datetime | None

    @property
    def balance(self) -> Money:
        return self.topped_up - self.used

    @property
    def left(self) -> Money:
        return self.balance + self.credit_limit


def positions(url: str) -> list[OutletPosition]:
    """Every outlet with a float: paid in, used by the sales HQ has processed (less what their
    voids and refunds gave back: a sale's refunds give back at most what it used), what is left."""
    try:
        process(url)
    except psycopg.errors.InsufficientPrivilege:
        raise PermissionDenied(
            "Only headquarters' administrator may see or change floats and limits"
        ) from None
    with _as_owner(url) as conn:
        rows = conn.execute(
            """WITH latest AS (
                   SELECT DISTINCT ON (outlet_code) outlet_code, currency, credit_limit_minor
                   FROM hq_outlet_limit ORDER BY outlet_code, id DESC
               )
               SELECT l.outlet_code, l.currency, l.credit_limit_minor,
                   (SELECT coalesce(sum(amount_minor), 0) FROM hq_float_top_up f
                    WHERE f.outlet_code = l.outlet_code AND f.currency = l.currency),
                   (SELECT coalesce(sum(u.amount_minor - LEAST(u.amount_minor, coalesce(r.minor, 0))), 0)
                    FROM hq_float_use u LEFT JOIN (
                        SELECT r.sale_uuid, sum(r.amount_minor) AS minor FROM hq_float_return r
                        WHERE r.outlet_code = l.outlet_code AND r.currency = l.currency GROUP BY r.sale_uuid
                    ) r ON r.sale_uuid = u.sale_uuid
                    WHERE u.outlet_code = l.outlet_code AND u.currency = l.currency
                        AND NOT EXISTS (SELECT 1 FROM hq_void v WHERE v.sale_uuid = u.sale_uuid)),
                   (SELECT count(*) FROM hq_float_use u WHERE u.outlet_code = l.outlet_code
                        AND NOT EXISTS (SELECT 1 FROM hq_void v WHERE v.sale_uuid = u.sale_uuid)),
                   (SELECT max(received_on) FROM hq_float_top_up f WHERE f.outlet_code = l.outlet_code),
                   (SELECT max(last_push_at) FROM hq_terminal t WHERE t.outlet_code = l.outlet_code)
               FROM latest l WHERE l.currency IS NOT NULL ORDER BY l.outlet_code"""
        ).fetchall()
    return [
        OutletPosition(
            code, currency, Money.from_minor(credit, currency), Money.from_minor(int(paid), currency),
            Money.from_minor(int(used), currency), int(sales), last_top_up, last_push,
        )
        for code, currency, credit, paid, used, sales, last_top_up, last_push in rows
    ]  # fmt: skip
