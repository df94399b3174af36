"""The §3.13 queries: products on sale and the stretches of a line's periods."""

from __future__ import annotations

from datetime import date

from konnect_pos.domain.corporate.billing_cycle import (
    BillingPeriod,
    local_midnight,
)
from konnect_pos.domain.corporate.line_state import partial_periods
from konnect_pos.domain.money import Money
from konnect_pos.domain.roles import Right
from konnect_pos.services.corporate.history import catalog, cycle_of, find_line, retired_prices
from konnect_pos.services.corporate.views import PartialPeriodView, ProductView
from konnect_pos.services.session import Counter
from konnect_pos.store.models import (
    ServicePlan,
)

# --- queries (§3.13) -----------------------------------------------------------------------


def available_products(counter: Counter, currency: str | None = None) -> list[ProductView]:
    """The plans on sale with their monthly prices (VAT excluded), cheapest first."""
    counter.require(Right.CORPORATE_BILLING)
    query = ServicePlan.select().where(ServicePlan.active)
    if currency:
        query = query.where(ServicePlan.currency == currency.strip().upper())
    rows = sorted(query, key=lambda p: (p.currency, p.monthly_price_minor, p.product_id))
    return [
        ProductView(p.product_id, p.name, Money.from_minor(p.monthly_price_minor, p.currency)) for p in rows
    ]


def line_periods(counter: Counter, kit_serial: str, *, since: date | None = None) -> list[PartialPeriodView]:
    """The partial periods of a line: (start, end, product id), from its activation (or the
    period containing ``since``) to the end of the current period."""
    counter.require(Right.CORPORATE_BILLING)
    record, account = find_line(kit_serial)
    cycle = cycle_of(account)
    assert cycle is not None
    prices = catalog(account.currency) | retired_prices(record, account.currency)
    now = counter.clock()
    first = record.row.activated_at
    if since is not None:
        first = max(first, local_midnight(since, account.zone))
    found: list[PartialPeriodView] = []
    period: BillingPeriod = cycle.period_containing(first)
    last = cycle.period_containing(max(now, record.last_at or now))
    domain_line = record.domain()
    while period.start <= last.start:
        for part in partial_periods(domain_line, period, prices):
            found.append(PartialPeriodView(period.start, part.start, part.end, part.product_id))
        period = period.next()
    return found
