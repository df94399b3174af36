"""Mobile-money reconciliation at HQ across outlets (issue 19 item 4; decisions.md
"Mobile-money reconciliation at HQ").

The outlets send their imported statements as evidence (``hq_send_statement``); HQ matches them
against the payments every terminal pushed with the domain's one rule (``reconcile``), outlet by
outlet and provider by provider, as a terminal does for its own outlet. A payment of a provider
whose statements do not cover the day stays "typed". Each outlet's report has the attribute names
of the terminal's report, so the same lines and PDF render it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from konnect_pos.domain.errors import NotFound
from konnect_pos.domain.money import Money, money_sum
from konnect_pos.domain.reconciliation import (
    OUTCOME_STATE,
    OurPayment,
    Outcome,
    PaymentState,
    StatementLine,
    reconcile,
)
from konnect_pos.hq.connection import hq_connect


@dataclass(frozen=True, slots=True)
class HQReconciliationRow:
    outcome: str | None  # None: no statement of the provider covers the day
    state: PaymentState | None
    provider: str
    reference: str
    receipts: tuple[str, ...]
    ours: Money | None
    theirs: Money | None
    statement_rows: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class OutletReconciliation:
    outlet: str
    terminal: str  # "HQ": every terminal of the outlet
    day: date
    providers_checked: tuple[str, ...]
    rows: tuple[HQReconciliationRow, ...]
    counts: dict[str, int]
    our_total: dict[str, Money]
    statement_total: dict[str, Money]


def _totals(amounts: list[Money]) -> dict[str, Money]:
    return {
        c: money_sum([a for a in amounts if a.currency == c], c)
        for c in sorted({a.currency for a in amounts})
    }


def report(url: str, day: date, outlet: str | None = None) -> list[OutletReconciliation]:
    """Every outlet with a mobile-money payment or a statement line on local ``day`` (``outlet``:
    that one only)."""
    only = outlet.strip().upper() if outlet else None
    with hq_connect(url) as conn:
        if (
            only is not None
            and not conn.execute("SELECT 1 FROM hq_outlet WHERE code = %s", (only,)).fetchone()
        ):
            raise NotFound("No outlet with code {code} at headquarters", field="outlet", code=only)
        payments = conn.execute(
            """SELECT s.outlet_code, p.sale_uuid || ':' || p.position, p.provider, p.reference,
                      p.amount_minor, p.currency, s.receipt_number
               FROM hq_payment p JOIN hq_sale s ON s.uuid = p.sale_uuid
               JOIN hq_outlet o ON o.code = s.outlet_code
               WHERE p.method = 'mobile_money' AND (s.sold_at AT TIME ZONE o.zone)::DATE = %s
                 AND (%s::TEXT IS NULL OR s.outlet_code = %s)
               ORDER BY s.outlet_code, s.sold_at, p.position""",
            (day, only, only),
        ).fetchall()
        covering = conn.execute(
            """SELECT DISTINCT outlet_code, provider FROM hq_mobile_statement
               WHERE first_day <= %s AND last_day >= %s AND (%s::TEXT IS NULL OR outlet_code = %s)""",
            (day, day, only, only),
        ).fetchall()
        lines = conn.execute(
            """SELECT m.outlet_code, m.provider, m.uuid, l.row_number, l.reference, l.amount_minor,
                      l.currency, l.paid_at, l.phone
               FROM hq_mobile_statement_line l JOIN hq_mobile_statement m ON m.uuid = l.statement_uuid
               WHERE l.local_day = %s AND (%s::TEXT IS NULL OR m.outlet_code = %s)
               ORDER BY m.outlet_code, m.imported_at, m.uuid, l.row_number""",
            (day, only, only),
        ).fetchall()
    ours: dict[str, dict[str, list[OurPayment]]] = defaultdict(lambda: defaultdict(list))
    for code, key, provider, reference, amount, currency, receipt in payments:
        ours[code][provider].append(
            OurPayment(key, provider, reference, Money.from_minor(amount, currency), day, receipt)
        )
    theirs: dict[str, dict[str, list[StatementLine]]] = defaultdict(lambda: defaultdict(list))
    first_file: dict[tuple, str] = {}
    for code, provider, statement, row, reference, amount, currency, paid_at, phone in lines:
        key = (code, provider, reference, amount, paid_at)
        if first_file.setdefault(key, statement) != statement:
            continue  # the same payment in an overlapping later export
        theirs[code][provider].append(
            StatementLine(row, reference, Money.from_minor(amount, currency), day, paid_at, phone)
        )
    checked: dict[str, set[str]] = defaultdict(set)
    for code, provider in covering:
        checked[code].add(provider)
    return [
        _outlet(code, day, ours[code], theirs[code], checked[code] | set(theirs[code]))
        for code in sorted(ours.keys() | theirs.keys() | checked.keys())
    ]


def _outlet(
    code: str,
    day: date,
    ours: dict[str, list[OurPayment]],
    theirs: dict[str, list[StatementLine]],
    checked: set[str],
) -> OutletReconciliation:
    rows: list[HQReconciliationRow] = []
    counts = {o.value: 0 for o in Outcome}
    for provider in sorted(ours.keys() | theirs.keys()):
        mine = ours.get(provider, [])
        if provider not in checked:
            rows.extend(
                HQReconciliationRow(
                    None, PaymentState.TYPED, provider, p.reference, (p.receipt,), p.amount, None, ()
                )
                for p in mine
            )
            continue
        result = reconcile(mine, theirs.get(provider, []))
        for outcome, n in result.counts.items():
            counts[outcome] += n
        rows.extend(
            HQReconciliationRow(
                finding.outcome.value,
                OUTCOME_STATE[finding.outcome] if finding.ours else None,
                provider,
                finding.reference,
                tuple(p.receipt for p in finding.ours),
                finding.our_amount,
                finding.their_amount,
                tuple(line.row for line in finding.theirs),
            )
            for finding in result.findings
        )
    return OutletReconciliation(
        code,
        "HQ",
        day,
        tuple(sorted(checked)),
        tuple(rows),
        counts,
        _totals([p.amount for group in ours.values() for p in group]),
        _totals([line.amount for group in theirs.values() for line in group]),
    )
