"""The daily sales summary: X (any time, day stays open) and Z (at close) per terminal-day,
and the outlet summary (all terminals, one date). Every figure comes from the committed
records, one grouped query per section, so the report ties out with the sales exactly.
"""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import peewee

from konnect_pos.domain.daily_report import (
    AgentTotal,
    BalanceReversal,
    BundleTotal,
    CashMovementLine,
    DailyReport,
    DrawerLine,
    HourTotal,
    MethodTotal,
    MobileMoneyReference,
    RefundLine,
    ReportDay,
    ReportOutlet,
    ReportSections,
    SalesTotal,
    VoidLine,
)
from konnect_pos.domain.errors import NotFound, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.roles import Right
from konnect_pos.services.business_day import authorise
from konnect_pos.services.drawer import expected_cash
from konnect_pos.services.journal_anchor import anchor_line
from konnect_pos.services.plans import reversal_key
from konnect_pos.services.session import Counter
from konnect_pos.services.users import SignedInUser
from konnect_pos.store import day_totals
from konnect_pos.store.models import (
    BalanceEntry,
    BusinessDay,
    CashMovement,
    DayClose,
    DayFloat,
    DrawerCount,
    JournalEntry,
    Outlet,
    Payment,
    Refund,
    Sale,
    SaleVoid,
    Terminal,
    User,
)


def _money(minor: int, currency: str) -> Money:
    return Money.from_minor(int(minor), currency)


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        raise ValidationError(
            "Not a date (YYYY-MM-DD): {text}", field="date", text=(text or "")[:20]
        ) from None


def _days(outlet_code: str, terminal_code: str | None, business_date: date) -> list[BusinessDay]:
    query = (
        BusinessDay.select(BusinessDay, Terminal)
        .join(Terminal)
        .join(Outlet)
        .where((Outlet.code == outlet_code) & (BusinessDay.business_date == business_date.isoformat()))
    )
    if terminal_code:
        query = query.where(Terminal.code == terminal_code)
    return list(query.order_by(Terminal.code))


def _journal_anchor(close_uuid: str) -> str | None:
    """The journal head at the close (the day close's own entry): printed, it anchors the chain."""
    entry = JournalEntry.get_or_none(
        (JournalEntry.record_uuid == close_uuid) & (JournalEntry.kind == "day_close")
    )
    return anchor_line(entry.seq, entry.hash) if entry else None


def _balance_reversals(record_uuids: list[str]) -> dict[str, BalanceReversal]:
    """Top-ups taken back out of a balance by the day's voids and refunds, by correction uuid."""
    keys = {reversal_key(uuid): uuid for uuid in record_uuids}
    rows = BalanceEntry.select().where(BalanceEntry.entry_key.in_(list(keys))) if keys else []
    return {
        keys[row.entry_key]: BalanceReversal(
            row.customer.account_number, _money(-row.amount_minor, row.currency)
        )
        for row in rows
    }


def _grouped(query: peewee.Query) -> list[tuple]:
    return list(query.tuples())


def _local_hours(
    rows: list[tuple], zone: ZoneInfo, day_ids: list[int]
) -> dict[tuple[int, str], tuple[int, int]]:
    """Sales per local hour from the per-UTC-hour totals, shifted by the zone's offset.

    The four markets' zones keep one whole-hour offset all year (no daylight saving), so the
    shift is exact; the offset is read from the zone on the day itself, not assumed.
    """
    first = BusinessDay.select(BusinessDay.business_date).where(BusinessDay.id.in_(day_ids)).first()
    if first is None:
        return {}
    noon = datetime.combine(date.fromisoformat(first.business_date), time(12), zone)
    shift = int(noon.utcoffset().total_seconds() // 3600)
    result: dict[tuple[int, str], tuple[int, int]] = {}
    for utc_hour, currency, count, total in rows:
        key = ((int(utc_hour) + shift) % 24, currency)
        previous = result.get(key, (0, 0))
        result[key] = (previous[0] + count, previous[1] + total)
    return result


def build_report(day_ids: list[int]) -> ReportSections:
    """Sections of the summary over the given business days (one or all terminals of an outlet)."""
    voided = SaleVoid.select(SaleVoid.sale).where(SaleVoid.day.in_(day_ids))
    live = (Sale.business_day.in_(day_ids)) & Sale.id.not_in(voided)
    zones = {d.zone for d in BusinessDay.select(BusinessDay.zone).where(BusinessDay.id.in_(day_ids))}
    zone = ZoneInfo(sorted(zones)[0]) if zones else ZoneInfo("UTC")
    names = {u.id: u.username for u in User.select(User.id, User.username)}
    full = {u.id: u.full_name for u in User.select(User.id, User.full_name)}
    sections: dict[str, list[tuple]] = {}
    for section, item, label, currency, n, amount, vat, rounding in day_totals.day_totals(day_ids):
        sections.setdefault(section, []).append((item, label, currency, n, amount, vat, rounding))
    totals = sorted((c, n, t, v, r) for _, _, c, n, t, v, r in sections.get("sale", []))
    by_method = sorted((m, c, n, t) for m, _, c, n, t, _, _ in sections.get("method", []))
    references = _grouped(
        Payment.select(
            Payment.provider, Payment.currency, Payment.reference, Payment.amount_minor, Sale.receipt_number
        )
        .join(Sale)
        .where(live & (Payment.method == "mobile_money"))
        .order_by(Payment.provider, Sale.receipt_number)
    )
    by_bundle = sorted((code, name, c, n, t) for code, name, c, n, t, _, _ in sections.get("bundle", []))
    by_agent = sorted(
        (names.get(int(user_id)), full.get(int(user_id)), c, n, t)
        for user_id, _, c, n, t, _, _ in sections.get("agent", [])
    )
    hours = _local_hours([(h, c, n, t) for h, _, c, n, t, _, _ in sections.get("hour", [])], zone, day_ids)
    voids = _grouped(
        SaleVoid.select(
            Sale.receipt_number,
            Sale.currency,
            Sale.paid_minor,
            SaleVoid.reason,
            SaleVoid.user,
            SaleVoid.approved_by,
            SaleVoid.uuid,
        )
        .join(Sale)
        .where(SaleVoid.day.in_(day_ids))
        .order_by(Sale.receipt_number)
    )
    refunds = _grouped(
        Refund.select(
            Sale.receipt_number,
            Refund.currency,
            Refund.amount_minor,
            Refund.method,
            Refund.provider,
            Refund.reason,
            Refund.user,
            Refund.approved_by,
            Refund.uuid,
            Refund.cash_currency,
            Refund.cash_minor,
            Refund.cash_settles_minor,
        )
        .join(Sale, on=(Refund.sale == Sale.id))
        .where(Refund.day.in_(day_ids))
        .order_by(Sale.receipt_number)
    )
    movements = _grouped(
        CashMovement.select(
            CashMovement.at,
            CashMovement.direction,
            CashMovement.currency,
            CashMovement.amount_minor,
            CashMovement.reason,
            CashMovement.user,
        )
        .where(CashMovement.day.in_(day_ids))
        .order_by(CashMovement.at)
    )
    floats = _grouped(
        DayFloat.select(DayFloat.currency, peewee.fn.SUM(DayFloat.amount_minor))
        .where(DayFloat.day.in_(day_ids))
        .group_by(DayFloat.currency)
    )
    expected = {currency: money.to_minor() for currency, money in expected_cash(day_ids).items()}
    counted = _grouped(
        DrawerCount.select(DrawerCount.currency, peewee.fn.SUM(DrawerCount.counted_minor))
        .join(DayClose)
        .where(DayClose.day.in_(day_ids))
        .group_by(DrawerCount.currency)
    )
    counted_map = {currency: int(minor) for currency, minor in counted}
    reversed_ = _balance_reversals([row[6] for row in voids] + [row[8] for row in refunds])
    refunded = {}
    for row in refunds:
        refunded[row[1]] = refunded.get(row[1], 0) + row[2]
    return ReportSections(
        sales=[
            SalesTotal(
                c,
                n,
                total=_money(t, c),
                vat=_money(v, c),
                rounding=_money(r, c),
                refunds=_money(refunded.get(c, 0), c),
                net=_money(t + r - refunded.get(c, 0), c),
            )
            for c, n, t, v, r in totals
        ],
        by_method=[MethodTotal(m, n, _money(t, c)) for m, c, n, t in by_method],
        mobile_money=[MobileMoneyReference(p, ref, rn, _money(a, c)) for p, c, ref, a, rn in references],
        by_bundle=[BundleTotal(code, name, n, _money(t, c)) for code, name, c, n, t in by_bundle],
        by_agent=[AgentTotal(u, name, n, _money(t, c)) for u, name, c, n, t in by_agent],
        by_hour=[HourTotal(h, n, _money(t, c)) for (h, c), (n, t) in sorted(hours.items())],
        voids=[
            VoidLine(
                rn,
                reason,
                user=names.get(u),
                approved_by=names.get(a),
                user_name=full.get(u),
                approved_by_name=full.get(a),
                amount=_money(p, c),
                balance_reversed=reversed_.get(uuid),
            )
            for rn, c, p, reason, u, a, uuid in voids
        ],
        refunds=[
            RefundLine(
                rn,
                m,
                prov,
                reason,
                user=names.get(u),
                approved_by=names.get(a),
                user_name=full.get(u),
                approved_by_name=full.get(a),
                amount=_money(amt, c),
                balance_reversed=reversed_.get(uuid),
                handed_other=_handed(c, amt, other, other_minor, settles),
            )
            for rn, c, amt, m, prov, reason, u, a, uuid, other, other_minor, settles in refunds
        ],
        cash_movements=[
            CashMovementLine(at, d, reason, names.get(u), full.get(u), _money(a, c))
            for at, d, c, a, reason, u in movements
        ],
        cash=[
            DrawerLine(
                c,
                opening_float=_money(f, c),
                expected=_money(expected.get(c, 0), c),
                counted=_money(counted_map[c], c) if c in counted_map else None,
                variance=_money(counted_map[c] - expected.get(c, 0), c) if c in counted_map else None,
            )
            for c, f in sorted(floats)
        ],
    )


def daily_report(
    counter: Counter,
    business_date: date,
    *,
    terminal: str | None = None,
    whole_outlet: bool = False,
    approver: SignedInUser | None = None,
) -> DailyReport:
    """X report while the day is open, Z report once closed; ``whole_outlet`` sums every terminal.

    A cashier who closed the day with a manager's approval sees its Z report on that approval.
    """
    authorise(counter, Right.REPORTS, approver)
    outlet = counter.terminal.outlet
    terminal_code = None if whole_outlet else (terminal or counter.terminal.label).rpartition("-")[2]
    days = _days(outlet.code, terminal_code, business_date)
    if (
        not whole_outlet
        and terminal_code
        and not Terminal.select()
        .join(Outlet)
        .where((Outlet.code == outlet.code) & (Terminal.code == terminal_code))
        .exists()
    ):
        raise NotFound("No terminal {terminal}", field="terminal", terminal=terminal)
    closes = {c.day_id: c for c in DayClose.select().where(DayClose.day.in_([d.id for d in days]))}
    users = {u.id: u.username for u in User.select(User.id, User.username)}
    full = {u.id: u.full_name for u in User.select(User.id, User.full_name)}
    return DailyReport(
        kind="outlet" if whole_outlet else ("Z" if days and days[0].id in closes else "X"),
        outlet=ReportOutlet(outlet.code, outlet.name, outlet.address, outlet.language, outlet.zone),
        terminal=None if whole_outlet else f"{outlet.code}-{terminal_code}",
        business_date=business_date,
        days=[
            ReportDay(
                terminal=f"{outlet.code}-{d.terminal.code}",
                opened_at=d.opened_at,
                opened_by=users.get(d.opened_by_id),
                opened_by_name=full.get(d.opened_by_id),
                closed_at=closes[d.id].closed_at if d.id in closes else None,
                closed_by=users.get(closes[d.id].closed_by_id) if d.id in closes else None,
                closed_by_name=full.get(closes[d.id].closed_by_id) if d.id in closes else None,
                z_number=closes[d.id].z_number if d.id in closes else None,
                comment=closes[d.id].comment if d.id in closes else "",
                journal=_journal_anchor(closes[d.id].uuid) if d.id in closes else None,
            )
            for d in days
        ],
        sections=build_report([d.id for d in days]),
    )


_JSON_NAMES = {"opening_float": "float"}


def _jsonable(value: Any) -> Any:
    """The report as ``--json`` prints it: an amount as {currency, minor, amount}, a row's own
    ``amount`` spread into the row, the sections beside the header, instants and dates in ISO."""
    if isinstance(value, Money):
        return {"currency": value.currency, "minor": value.to_minor(), "amount": str(value.amount)}
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if not is_dataclass(value):
        return value
    result: dict[str, Any] = {}
    for field in fields(value):
        item = getattr(value, field.name)
        if field.name == "sections" or (field.name == "amount" and isinstance(item, Money)):
            result.update(_jsonable(item))
        else:
            result[_JSON_NAMES.get(field.name, field.name)] = _jsonable(item)
    return result


def report_json(report: DailyReport) -> str:
    return json.dumps(_jsonable(report), ensure_ascii=False, indent=2)


def daily_report_pdf(
    counter: Counter,
    business_date: date,
    *,
    language: str | None = None,
    fmt: str = "a4",
    terminal: str | None = None,
    whole_outlet: bool = False,
    approver: SignedInUser | None = None,
) -> bytes:
    """The report as a PDF, in the outlet's language unless another is asked for."""
    from konnect_pos.documents.daily_report_pdf import render_daily_report

    report = daily_report(
        counter, business_date, terminal=terminal, whole_outlet=whole_outlet, approver=approver
    )
    return render_daily_report(report, language or counter.terminal.outlet.language, fmt)


def _handed(
    currency: str, minor: int, other: str | None, other_minor: int | None, settles: int | None
) -> tuple[Money, ...]:
    """A cash refund handed back partly or wholly in the other currency: the notes per currency
    (the sale's first, when some); nothing when it was handed back in the sale's currency alone."""
    if other is None:
        return ()
    own = _money(minor - (settles or 0), currency)
    return tuple(m for m in (own, _money(other_minor or 0, other)) if m.amount)
