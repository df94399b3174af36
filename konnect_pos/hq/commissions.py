"""Commissions at HQ (issue 19 item 2): the rates HQ sets (pulled by terminals like prices) and
the commission statement of every outlet, from the sale lines' commissions as the terminals
recorded them, voids and refunds taking their share back by the same domain rule as a terminal's
statement (decisions.md "Commissions")."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

from konnect_pos.domain.commissions import (
    CommissionStatement,
    StatementEntry,
    build_statement,
    check_percent,
    check_period,
    refund_take_back,
)
from konnect_pos.domain.errors import NotFound, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.hq.connection import hq_connect

OUTLET_KINDS = ("shop", "distributor", "customer_service")


def sale_line_commission(line: list[Any]) -> tuple[int | None, str | None]:
    """(commission in minor units, percent) of a pushed sale line; (None, None) from a terminal
    that sold before commissions existed."""
    if len(line) < 15:
        return None, None
    commission, percent = line[13], line[14]
    if not isinstance(commission, int) or isinstance(commission, bool) or commission < 0:
        raise ValueError(f"sale line commission {str(commission)[:20]!r} is not an amount")
    if percent is not None:
        check_percent(str(percent))
    return commission, percent


def set_commission_rate(
    url: str, country: str, code: str, outlet_kind: str, percent: str, effective_from: date
) -> Decimal:
    """Record the commission percent of bundle CODE for OUTLET_KIND outlets from a local date on."""
    rate = check_percent(percent)
    kind = outlet_kind.strip().lower()
    if kind not in OUTLET_KINDS:
        raise ValidationError(
            "Not a kind of outlet: {text} (one of: {kinds})",
            field="outlet_kind",
            text=outlet_kind[:40],
            kinds=", ".join(OUTLET_KINDS),
        )
    with hq_connect(url) as conn, conn.transaction():
        found = conn.execute(
            "SELECT 1 FROM hq_bundle WHERE country = %s AND code = %s", (country.upper(), code.upper())
        ).fetchone()
        if found is None:
            raise NotFound("No bundle with code {code}", field="bundle", code=code.upper())
        conn.execute(
            """INSERT INTO hq_commission_rate (country, code, outlet_kind, effective_from, percent)
               VALUES (%s, %s, %s, %s, %s) ON CONFLICT (country, code, outlet_kind, effective_from)
               DO UPDATE SET percent = EXCLUDED.percent, recorded_at = now()""",
            (country.upper(), code.upper(), kind, effective_from, rate),
        )
    return rate


def statements(url: str, first: date, last: date, outlet: str | None = None) -> list[CommissionStatement]:
    """Every outlet's statement for local business dates first..last (outlets with no sale, void or
    refund in the period have none); ``outlet``: that outlet's only."""
    check_period(first, last)
    only = outlet.strip().upper() if outlet else None
    where = "business_date BETWEEN %s AND %s AND (%s::TEXT IS NULL OR outlet_code = %s)"
    params = (first, last, only, only)
    entries: dict[str, list[StatementEntry]] = defaultdict(list)
    with hq_connect(url) as conn:
        outlets = {
            code: (name, kind) for code, name, kind in conn.execute("SELECT code, name, kind FROM hq_outlet")
        }
        if only is not None and only not in outlets:
            raise NotFound("No outlet with code {code} at headquarters", field="outlet", code=only)
        for row in conn.execute(
            f"""SELECT s.outlet_code, s.business_date, s.receipt_number, l.bundle_name, l.price_minor,
                       l.commission_percent, coalesce(l.commission_minor, 0), s.currency, s.terminal
                FROM hq_sale_line l JOIN hq_sale s ON s.uuid = l.sale_uuid
                WHERE s.{where} ORDER BY s.receipt_number, l.position""",
            params,
        ):
            code, day, receipt, name, price, percent, commission, currency, terminal = row
            entries[code].append(
                StatementEntry(
                    day, "sale", receipt, name, Money.from_minor(price, currency),
                    None if percent is None else Decimal(percent), Money.from_minor(commission, currency),
                    terminal.removeprefix(code + "-"),
                )
            )  # fmt: skip
        voids = conn.execute(
            f"SELECT outlet_code, business_date, sale_uuid FROM hq_void WHERE {where}", params
        ).fetchall()
        refunds = conn.execute(
            f"SELECT outlet_code, business_date, sale_uuid, uuid, amount_minor FROM hq_refund WHERE {where}",
            params,
        ).fetchall()
        sale_ids = sorted({v[2] for v in voids} | {r[2] for r in refunds})
        sold = _earned(conn, sale_ids)
        earlier: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for sale_uuid, uuid, amount in conn.execute(
            "SELECT sale_uuid, uuid, amount_minor FROM hq_refund WHERE sale_uuid = ANY(%s) ORDER BY uuid",
            (sale_ids,),
        ):
            earlier[sale_uuid].append((uuid, amount))
    for code, day, sale_uuid in voids:
        if sale_uuid not in sold:
            continue  # a balance top-up: no bundle, no commission
        receipt, currency, _paid, price, commission, names = sold[sale_uuid]
        entries[code].append(
            StatementEntry(
                day, "void", receipt, names, Money.from_minor(-price, currency), None,
                Money.from_minor(-commission, currency),
            )
        )  # fmt: skip
    for code, day, sale_uuid, uuid, amount in refunds:
        if sale_uuid not in sold:
            continue
        receipt, currency, paid, _price, commission, names = sold[sale_uuid]
        before = sum(a for u, a in earlier[sale_uuid] if u < uuid)
        back = refund_take_back(
            Money.from_minor(commission, currency), Money.from_minor(paid, currency),
            Money.from_minor(before, currency), Money.from_minor(amount, currency),
        )  # fmt: skip
        entries[code].append(
            StatementEntry(day, "refund", receipt, names, -Money.from_minor(amount, currency), None, -back)
        )
    return [
        build_statement(code, outlets[code][0], outlets[code][1], first, last, entries[code])
        for code in sorted(entries)
    ]


def _earned(conn, sale_ids: list[str]) -> dict[str, tuple[str, str, int, int, int, str]]:
    """Sale uuid → (receipt, currency, paid, lines' price total, commission earned, bundle names)."""
    rows = conn.execute(
        """SELECT s.uuid, s.receipt_number, s.currency, coalesce(s.paid_minor, s.total_minor),
                  sum(l.price_minor), sum(coalesce(l.commission_minor, 0)),
                  string_agg(l.bundle_name, ', ' ORDER BY l.position)
           FROM hq_sale s JOIN hq_sale_line l ON l.sale_uuid = s.uuid
           WHERE s.uuid = ANY(%s) GROUP BY s.uuid""",
        (sale_ids,),
    ).fetchall()
    return {row[0]: (row[1], row[2], int(row[3]), int(row[4]), int(row[5]), row[6]) for row in rows}
