"""What the corporate use cases return: accounts, lines, products, charges, plan-change previews."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from konnect_pos.domain.corporate.line_events import (
    LineEvent,
    LineHistory,
)
from konnect_pos.domain.money import Money
from konnect_pos.i18n import tr
from konnect_pos.store.models import (
    ServiceLine,
)

# --- views ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AccountInput:
    company: str
    tax_id: str
    outlet_code: str
    currency: str | None = None
    address: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    payment_terms_days: int = 7
    language: str = "en"


@dataclass(frozen=True, slots=True)
class AccountView:
    code: str
    uuid: str
    company: str
    tax_id: str
    address: str
    contact_name: str
    contact_phone: str
    contact_email: str
    payment_terms_days: int
    currency: str
    outlet_code: str
    zone: str
    language: str
    billing_day: int | None
    lines: int


@dataclass(frozen=True, slots=True)
class LineView:
    kit_serial: str
    label: str
    account_code: str
    activated_at: datetime
    status: str  # active | pause_pending | cancel_pending | paused | cancelled
    product_id: str
    monthly_price: Money
    pending_product: str | None
    blocks: dict[str, int]  # pool → quantity in force now
    next_blocks: dict[str, int]  # pool → quantity from the next period start


@dataclass(frozen=True, slots=True)
class ProductView:
    product_id: str
    name: str
    monthly_price: Money


@dataclass(frozen=True, slots=True)
class ChargeView:
    """One prorated invoice line, with its explanation as template + params (translate with ``text``)."""

    kind: str
    template: str
    params: dict[str, str | Money]  # prices as Money: written in the reader's language
    quantity: str
    unit_price: Money
    amount: Money

    def text(self, lang: str) -> str:
        return tr(lang, self.template, **self.params)


@dataclass(frozen=True, slots=True)
class PlanChangePreview:
    kit_serial: str
    at: datetime
    old_product: str
    new_product: str
    kind: str  # upgrade | downgrade | same_price
    effective_at: datetime
    charges: tuple[ChargeView, ...]
    amount: Money  # net of the charges, billed on the next invoice (VAT excluded)


@dataclass(frozen=True, slots=True)
class PartialPeriodView:
    period_start: datetime
    start: datetime
    end: datetime
    product_id: str


@dataclass(slots=True)
class LineRecord:
    """A stored line with its domain history, as the invoice run and the changes need it."""

    row: ServiceLine
    events: list[LineEvent] = field(default_factory=list)
    last_at: datetime | None = None
    last_stop: str = ""

    def domain(self, extra: LineEvent | None = None) -> LineHistory:
        events = tuple(self.events) + ((extra,) if extra is not None else ())
        return LineHistory(self.row.kit_serial, events)
