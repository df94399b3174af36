"""HQ's daily report: per outlet, terminal and currency, what that terminal's own X/Z report says,
plus the balance and corporate records (top-ups, plan and Connect+ fees, invoices).

Sales count as the counter counts them: the sales of the terminal's business date, less those
voided on that date; a void lists the sale's paid amount; refunds, cash movements and the drawer
belong to the date the terminal filed them under (``projections.business_date``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from konnect_pos.domain.money import Money
from konnect_pos.hq.connection import hq_connect

_FIGURES = (
    "sales", "total", "vat", "rounding", "voids", "voided", "refunds", "refunded", "cash_in", "cash_out",
    "float", "expected", "counted", "top_ups", "topped_up", "reversed", "plan_fees", "connect_plus_fees",
    "fee_refunds", "invoices", "invoiced",
)  # fmt: skip
_COUNTS = frozenset({"sales", "voids", "refunds", "top_ups", "invoices"})

# One row per (terminal, currency) and figure; the UNION keeps each source's own date rule.
_QUERY = """
WITH live AS (
    SELECT s.* FROM hq_sale s
    WHERE s.business_date = %(day)s
      AND NOT EXISTS (SELECT 1 FROM hq_void v WHERE v.sale_uuid = s.uuid AND v.business_date = %(day)s)
)
SELECT terminal, currency, 'sales', count(*) FROM live GROUP BY 1, 2
UNION ALL SELECT terminal, currency, 'total', sum(total_minor) FROM live GROUP BY 1, 2
UNION ALL SELECT terminal, currency, 'vat', sum(vat_minor) FROM live GROUP BY 1, 2
UNION ALL SELECT terminal, currency, 'rounding', sum(rounding_minor) FROM live GROUP BY 1, 2
UNION ALL SELECT v.terminal, s.currency, 'voids', count(*)
    FROM hq_void v JOIN hq_sale s ON s.uuid = v.sale_uuid WHERE v.business_date = %(day)s GROUP BY 1, 2
UNION ALL SELECT v.terminal, s.currency, 'voided',
    sum(coalesce(s.paid_minor, s.total_minor + s.rounding_minor))
    FROM hq_void v JOIN hq_sale s ON s.uuid = v.sale_uuid WHERE v.business_date = %(day)s GROUP BY 1, 2
UNION ALL SELECT terminal, currency, 'refunds', count(*) FROM hq_refund
    WHERE business_date = %(day)s GROUP BY 1, 2
UNION ALL SELECT terminal, currency, 'refunded', sum(amount_minor) FROM hq_refund
    WHERE business_date = %(day)s GROUP BY 1, 2
UNION ALL SELECT terminal, currency, 'cash_' || direction, sum(amount_minor) FROM hq_cash_movement
    WHERE business_date = %(day)s GROUP BY 1, 2, 3
UNION ALL SELECT terminal, currency, 'float', sum(float_minor) FROM hq_drawer
    WHERE business_date = %(day)s GROUP BY 1, 2
UNION ALL SELECT terminal, currency, 'expected', sum(expected_minor) FROM hq_drawer
    WHERE business_date = %(day)s AND expected_minor IS NOT NULL GROUP BY 1, 2
UNION ALL SELECT terminal, currency, 'counted', sum(counted_minor) FROM hq_drawer
    WHERE business_date = %(day)s AND counted_minor IS NOT NULL GROUP BY 1, 2
UNION ALL SELECT terminal, currency, 'top_ups', count(*) FROM hq_balance_entry
    WHERE day = %(day)s AND kind = 'top_up' GROUP BY 1, 2
UNION ALL SELECT terminal, currency, 'topped_up', sum(amount_minor) FROM hq_balance_entry
    WHERE day = %(day)s AND kind = 'top_up' GROUP BY 1, 2
UNION ALL SELECT terminal, currency, 'reversed', -sum(amount_minor) FROM hq_balance_entry
    WHERE day = %(day)s AND kind = 'adjustment' AND entry_key LIKE 'reversal:%%' GROUP BY 1, 2
UNION ALL SELECT terminal, currency, 'plan_fees', -sum(amount_minor) FROM hq_balance_entry
    WHERE day = %(day)s AND kind = 'plan_fee' GROUP BY 1, 2
UNION ALL SELECT terminal, currency, 'connect_plus_fees', -sum(amount_minor) FROM hq_balance_entry
    WHERE day = %(day)s AND kind = 'connect_plus_fee' GROUP BY 1, 2
UNION ALL SELECT terminal, currency, 'fee_refunds', sum(amount_minor) FROM hq_balance_entry
    WHERE day = %(day)s AND kind = 'refund' GROUP BY 1, 2
UNION ALL SELECT terminal, currency, 'invoices', count(*) FROM hq_corporate_invoice
    WHERE business_date = %(day)s GROUP BY 1, 2
UNION ALL SELECT terminal, currency, 'invoiced', sum(total_minor) FROM hq_corporate_invoice
    WHERE business_date = %(day)s GROUP BY 1, 2
"""


@dataclass(frozen=True, slots=True)
class TerminalDay:
    """One terminal's figures in one currency on one business date (amounts as Money)."""

    outlet_code: str
    terminal: str
    currency: str
    figures: dict[str, int | Money | None] = field(default_factory=dict)

    def __getitem__(self, name: str) -> int | Money | None:
        return self.figures[name]


def daily_report(url: str, business_date: date) -> list[TerminalDay]:
    """Every terminal with a record filed under ``business_date``, ordered by outlet and terminal.

    The drawer's expected and counted amounts are None until the day is closed.
    """
    with hq_connect(url) as conn:
        outlets = dict(conn.execute("SELECT label, outlet_code FROM hq_terminal").fetchall())
        found: dict[tuple[str, str], dict[str, int]] = {}
        for terminal, currency, name, value in conn.execute(_QUERY, {"day": business_date}):
            found.setdefault((terminal, currency), {})[name] = int(value or 0)
    result = []
    for (terminal, currency), values in sorted(found.items(), key=lambda i: (outlets.get(i[0][0], ""), i[0])):
        figures: dict[str, int | Money | None] = {}
        for name in _FIGURES:
            if name in _COUNTS:
                figures[name] = values.get(name, 0)
            elif name in ("expected", "counted") and name not in values:
                figures[name] = None
            else:
                figures[name] = Money.from_minor(values.get(name, 0), currency)
        result.append(TerminalDay(outlets.get(terminal, ""), terminal, currency, figures))
    return result
