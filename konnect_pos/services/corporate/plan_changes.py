"""Plan changes: the prorated preview before confirming, then the change (RULES.md §3.4-3.6)."""

from __future__ import annotations

from datetime import datetime

from konnect_pos.domain.corporate.charges import InvoiceLine, LineKind, period_charges
from konnect_pos.domain.corporate.line_events import (
    PlanChange,
)
from konnect_pos.domain.corporate.line_state import line_state
from konnect_pos.domain.corporate.products import ChangeKind, classify_change
from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.roles import Right
from konnect_pos.services.corporate.history import (
    append_event,
    catalog,
    check_order,
    cycle_of,
    event_instant,
    find_line,
    retired_prices,
)
from konnect_pos.services.corporate.views import ChargeView, LineRecord, PlanChangePreview
from konnect_pos.services.session import Counter
from konnect_pos.store.models import (
    CorporateAccount,
)


def preview_plan_change(
    counter: Counter, kit_serial: str, product_id: str, at: datetime | None = None
) -> PlanChangePreview:
    """What a plan change at ``at`` (default now) bills, before anything is written (§3.4-3.6)."""
    counter.require(Right.CORPORATE_BILLING)
    instant = event_instant(counter, at)
    record, account = find_line(kit_serial)
    check_order(record, account, instant)
    product = (product_id or "").strip().upper()
    cycle = cycle_of(account)
    assert cycle is not None
    prices = catalog(account.currency) | retired_prices(record, account.currency)
    before = line_state(record.domain(), cycle, prices, instant)
    if product == before.product_id and before.pending_product is None:
        raise ValidationError(
            "Service line {line} is already on plan {product}",
            field="product_id",
            line=record.row.kit_serial,
            product=product,
        )
    event = PlanChange(instant, product)
    line_state(record.domain(event), cycle, prices, instant)
    kind = classify_change(prices[before.product_id], prices[product])
    period = cycle.period_containing(instant)
    effective = period.end if kind is ChangeKind.DOWNGRADE else instant
    charges: list[ChargeView] = []
    if kind is ChangeKind.UPGRADE:
        lines = period_charges(record.domain(event), period, prices, account.currency).arrears
        charges = [
            _charge_view(line)
            for line in lines
            if line.kind in (LineKind.UPGRADE_CREDIT, LineKind.UPGRADE_CHARGE)
            and line.covers_start == instant
        ]
    amount = sum((c.amount for c in charges), Money.zero(account.currency))
    return PlanChangePreview(
        kit_serial=record.row.kit_serial,
        at=instant,
        old_product=before.product_id,
        new_product=product,
        kind=kind.value,
        effective_at=effective,
        charges=tuple(charges),
        amount=amount,
    )


def _charge_view(line: InvoiceLine) -> ChargeView:
    return ChargeView(
        kind=line.kind.value,
        template=line.template,
        params=dict(line.params),
        quantity=str(line.quantity),
        unit_price=line.unit_price,
        amount=line.amount,
    )


def change_plan(counter: Counter, kit_serial: str, product_id: str, at: datetime) -> PlanChangePreview:
    """Confirm a previewed change: the same instant as the preview, so the amount shown is billed."""
    preview = preview_plan_change(counter, kit_serial, product_id, at)

    def build(record: LineRecord, account: CorporateAccount, instant: datetime):
        return PlanChange(instant, preview.new_product), "plan_change", {"product_id": preview.new_product}

    append_event(counter, kit_serial, preview.at, build)
    return preview
