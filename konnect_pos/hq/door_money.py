"""The door's checks of the money a record moves on a sale HQ holds (decisions.md "Sync and HQ",
"Distributors' money").

A terminal's role can push any amount. These checks hold a record to what HQ knows of its sale:
a refund gives back at most what was paid and not yet refunded, never on a voided sale; a float
use is the sale's price less its lines' commission; a float give-back is at most what is left of
the sale's float use. What HQ holds is read once per batch; a record taken updates it, so a sale and
the records about it in one batch are checked in order. A record about a sale HQ has not seen is
not judged here (a second counter's refund may arrive before the sale): ``hq_my_limits`` caps what
it can move.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import psycopg

from konnect_pos.domain.money import Money

Left = tuple[str, int] | None  # (currency, minor units) still open on a sale; None: nothing is

KINDS = frozenset({"sale", "void", "refund", "float_use", "float_return"})


class SaleMoney:
    """Per batch: what is left to refund, the float use due, and the float left to give back, of
    each sale the batch's money records name."""

    def __init__(self, conn: psycopg.Connection, records: Iterable[tuple[str, dict[str, Any]]]) -> None:
        named: dict[str, set[str]] = {"refund": set(), "float_use": set(), "float_return": set()}
        for kind, payload in records:
            if kind in named:
                named[kind].add(payload["sale"])
        self.refunded, self.used = named["refund"], named["float_use"]
        self.refund_left = _refund_left(conn, sorted(self.refunded)) if self.refunded else {}
        self.use_due = _use_due(conn, sorted(self.used)) if self.used else {}
        returns = sorted(named["float_return"])
        self.float_left = _float_left(conn, returns) if returns else {}

    def problem(self, kind: str, payload: dict[str, Any]) -> str | None:
        """Why this record's amount cannot be taken, or None."""
        sale = payload.get("sale")
        if kind == "refund" and sale in self.refund_left:
            return _refund_problem(payload, self.refund_left[sale])
        if kind == "float_use" and sale in self.use_due:
            return _use_problem(payload, self.use_due[sale])
        if kind == "float_return" and sale in self.float_left:
            return _given_back_problem(payload, self.float_left[sale])
        return None

    def taken(self, kind: str, payload: dict[str, Any]) -> None:
        """Record what an admitted record changes of its sale."""
        if kind == "sale":
            uuid = payload["uuid"]
            if uuid in self.refunded and uuid not in self.refund_left:
                self.refund_left[uuid] = (payload["currency"], _paid(payload))
            if uuid in self.used and uuid not in self.use_due:
                self.use_due[uuid] = (payload["currency"], _wholesale(payload))
            return
        sale = payload["sale"]
        if kind == "void":
            for open_ in (self.refund_left, self.float_left):
                if sale in open_:
                    open_[sale] = None
        elif kind == "refund" and self.refund_left.get(sale) is not None:
            currency, minor = self.refund_left[sale]
            self.refund_left[sale] = (currency, minor - payload["amount_minor"])
        elif kind == "float_use" and sale in self.float_left and self.float_left[sale] is None:
            self.float_left[sale] = (payload["currency"], payload["amount_minor"])
        elif kind == "float_return" and self.float_left.get(sale) is not None:
            currency, minor = self.float_left[sale]
            self.float_left[sale] = (currency, minor - payload["amount_minor"])


def _refund_left(conn: psycopg.Connection, sales: list[str]) -> dict[str, Left]:
    """For each of these sales HQ holds, (currency, what is paid and not yet refunded), None when a
    void took the sale back."""
    rows = conn.execute(
        """SELECT uuid, currency, voided, coalesce(paid_minor, total_minor) - refunded_minor
           FROM hq_sale WHERE uuid = ANY(%s)""",
        (sales,),
    ).fetchall()
    return {sale: None if voided else (currency, int(left)) for sale, currency, voided, left in rows}


def _use_due(conn: psycopg.Connection, sales: list[str]) -> dict[str, tuple[str, int]]:
    """For each of these sales HQ holds, (currency, its price less its lines' commission): the
    float its use must consume (``domain.distributor_limits.wholesale_value``)."""
    rows = conn.execute(
        """SELECT s.uuid, s.currency, s.total_minor - coalesce((
                   SELECT sum(l.commission_minor) FROM hq_sale_line l WHERE l.sale_uuid = s.uuid), 0)
           FROM hq_sale s WHERE s.uuid = ANY(%s)""",
        (sales,),
    ).fetchall()
    return {sale: (currency, int(due)) for sale, currency, due in rows}


def _float_left(conn: psycopg.Connection, sales: list[str]) -> dict[str, Left]:
    """For each of these sales, (currency, what its float use has not yet had back), None when
    HQ holds no float use for it or a void took the sale back."""
    rows = conn.execute(
        """SELECT u.sale_uuid, u.currency, u.amount_minor - coalesce((
                   SELECT sum(r.amount_minor) FROM hq_float_return r WHERE r.sale_uuid = u.sale_uuid), 0)
           FROM hq_float_use u
           WHERE u.sale_uuid = ANY(%s)
               AND NOT EXISTS (SELECT 1 FROM hq_void v WHERE v.sale_uuid = u.sale_uuid)""",
        (sales,),
    ).fetchall()
    found = {sale: (currency, int(left)) for sale, currency, left in rows}
    return {sale: found.get(sale) for sale in sales}


def _paid(sale: dict[str, Any]) -> int:
    paid = sale.get("paid_minor")
    valid = isinstance(paid, int) and not isinstance(paid, bool)
    return paid if valid else sale["total_minor"]  # a sale from before paid_minor


def _wholesale(sale: dict[str, Any]) -> int:
    """A pushed sale's price less the commission its lines carry (lines from before commissions
    carry none); a malformed commission counts for nothing here, its sale is refused anyway."""
    commissions = 0
    for line in sale["lines"]:
        commission = line[13] if len(line) >= 15 else None
        if isinstance(commission, int) and not isinstance(commission, bool):
            commissions += commission
    return sale["total_minor"] - commissions


def _amount(payload: dict[str, Any]) -> Money:
    return Money.from_minor(payload["amount_minor"], payload["currency"])


def _refund_problem(payload: dict[str, Any], left: Left) -> str | None:
    if left is None:
        return f"refund of sale {payload['receipt_number'][:40]}, which was voided"
    return _beyond("refund", payload, left, "paid and not yet refunded")


def _use_problem(payload: dict[str, Any], due: tuple[str, int]) -> str | None:
    currency, minor = due
    if payload["currency"] != currency or payload["amount_minor"] != minor:
        return (
            f"float_use of sale {payload['receipt_number'][:40]} consumes {_amount(payload)}; the sale's"
            f" price less its lines' commission is {Money.from_minor(minor, currency)}"
        )
    return None


def _given_back_problem(payload: dict[str, Any], left: Left) -> str | None:
    if left is None:
        receipt = payload["receipt_number"][:40]
        return f"float_return of sale {receipt}: the sale used no float, or a void gave it back"
    return _beyond("float_return", payload, left, "left of what the sale used")


def _beyond(kind: str, payload: dict[str, Any], left: tuple[str, int], what: str) -> str | None:
    """Why a record giving money back on a sale gives more than ``left`` (``what`` says of what)."""
    currency, minor = left
    if payload["currency"] == currency and payload["amount_minor"] <= minor:
        return None
    return (
        f"{kind} of sale {payload['receipt_number'][:40]} gives back {_amount(payload)}, more than the"
        f" {Money.from_minor(minor, currency)} {what}"
    )
