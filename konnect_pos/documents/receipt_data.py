"""What a receipt shows, as plain data filled by the services layer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from konnect_pos.domain.money import Money


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    name: str
    code: str
    data_gb: Decimal
    validity_days: int
    price: Money
    activation: str  # "active_now" | "on_data_exhausted" | "at_period_end" | "queued_immediate"
    starts_at: datetime
    ends_at: datetime  # period end (a bound when the start is)
    previous_name: str = ""  # the bundle it follows, for the activation words
    starts_exact: bool = True  # False: starts_at is only a bound ("no later than"), as the sale knows


@dataclass(frozen=True, slots=True)
class ReceiptPayment:
    method: str  # cash | mobile_money | card
    amount: Money
    provider_name: str = ""
    merchant_number: str = ""
    reference: str = ""
    phone_masked: str = ""
    approval_code: str = ""
    last4: str = ""
    tendered: Money | None = None
    change: Money | None = None
    settles: Money | None = None  # in the sale's currency, for cash in the second currency
    rate: str = ""  # "1 USD = 2 850 FC": the rate that cash was converted at


@dataclass(frozen=True, slots=True)
class ReceiptTopUp:
    """A balance top-up: the new balance and what it triggered at once."""

    amount: Money
    balance_after: Money
    plan_name: str
    renewed_until: date | None = None  # the plan renewed by this top-up, paid until then
    connect_plus_fee: Money | None = None  # Connect+ runs, at this fee a day


@dataclass(frozen=True, slots=True)
class ReceiptData:
    language: str  # en | fr | sw
    outlet_name: str
    outlet_address: str
    terminal: str
    receipt_number: str
    sold_at: datetime
    zone: str  # the outlet's IANA zone: times are printed in it
    agent: str
    customer_name: str
    account_number: str
    kit_serial: str
    lines: tuple[ReceiptLine, ...]
    total: Money
    vat: Money
    vat_rate: Decimal
    rounding: Money
    payments: tuple[ReceiptPayment, ...]
    service_phone: str
    service_whatsapp: str
    journal_hash: str
    is_copy: bool = False
    top_up: ReceiptTopUp | None = None

    @property
    def subtotal(self) -> Money:
        return self.total - self.vat

    @property
    def charged(self) -> Money:
        return self.total + self.rounding
