"""The daily sales summary as values: what ``services.daily_report`` computes from the committed
records, and what the PDF, the CLI and ``--json`` read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from konnect_pos.domain.money import Money


@dataclass(frozen=True, slots=True)
class SalesTotal:
    """One currency's sales: Net = total + cash rounding - refunds."""

    currency: str
    count: int
    total: Money
    vat: Money
    rounding: Money
    refunds: Money
    net: Money


@dataclass(frozen=True, slots=True)
class MethodTotal:
    method: str
    count: int
    amount: Money


@dataclass(frozen=True, slots=True)
class MobileMoneyReference:
    provider: str
    reference: str
    receipt_number: str
    amount: Money


@dataclass(frozen=True, slots=True)
class BundleTotal:
    code: str
    name: str
    count: int
    amount: Money


@dataclass(frozen=True, slots=True)
class AgentTotal:
    user: str | None
    name: str | None
    count: int
    amount: Money


@dataclass(frozen=True, slots=True)
class HourTotal:
    hour: int  # the outlet's local hour
    count: int
    amount: Money


@dataclass(frozen=True, slots=True)
class BalanceReversal:
    """A top-up taken back out of a customer's balance by a void or a refund."""

    account: str
    amount: Money


@dataclass(frozen=True, slots=True)
class VoidLine:
    receipt_number: str
    reason: str
    user: str | None
    approved_by: str | None
    user_name: str | None
    approved_by_name: str | None
    amount: Money
    balance_reversed: BalanceReversal | None


@dataclass(frozen=True, slots=True)
class RefundLine:
    receipt_number: str
    method: str
    provider: str | None
    reason: str
    user: str | None
    approved_by: str | None
    user_name: str | None
    approved_by_name: str | None
    amount: Money
    balance_reversed: BalanceReversal | None
    handed_other: tuple[Money, ...] = ()  # cash handed back partly in the other currency, per currency


@dataclass(frozen=True, slots=True)
class CashMovementLine:
    at: datetime
    direction: str
    reason: str
    user: str | None
    user_name: str | None
    amount: Money


@dataclass(frozen=True, slots=True)
class DrawerLine:
    """One currency of the drawer; counted and variance are None until the day is closed."""

    currency: str
    opening_float: Money
    expected: Money
    counted: Money | None
    variance: Money | None


@dataclass(frozen=True, slots=True)
class ReportOutlet:
    code: str
    name: str
    address: str
    language: str
    zone: str


@dataclass(frozen=True, slots=True)
class ReportDay:
    """One terminal's business day in the report: who opened and closed it, its Z and anchor."""

    terminal: str
    opened_at: datetime
    opened_by: str | None
    opened_by_name: str | None
    closed_at: datetime | None
    closed_by: str | None
    closed_by_name: str | None
    z_number: int | None
    comment: str
    journal: str | None  # the journal's head at the close, as printed to anchor the chain


@dataclass(frozen=True, slots=True)
class ReportSections:
    """The figures of the report over one or more terminal-days."""

    sales: list[SalesTotal]
    by_method: list[MethodTotal]
    mobile_money: list[MobileMoneyReference]
    by_bundle: list[BundleTotal]
    by_agent: list[AgentTotal]
    by_hour: list[HourTotal]
    voids: list[VoidLine]
    refunds: list[RefundLine]
    cash_movements: list[CashMovementLine]
    cash: list[DrawerLine]


@dataclass(frozen=True, slots=True)
class DailyReport:
    """The X report (day open), Z report (closed) or outlet summary (``kind``: X, Z, outlet)."""

    kind: str
    outlet: ReportOutlet
    terminal: str | None  # None: every terminal of the outlet
    business_date: date
    days: list[ReportDay]
    sections: ReportSections
