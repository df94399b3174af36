"""Corporate proration and invoices (RULES.md §3.3-3.13): one worked example per rule and per
trap of §4 (Kill Bill 2133, Lago PR 1840/6173/6194), then hypothesis properties."""

import ast
import itertools
import string
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.messages.pofile import read_po
from hypothesis import assume, given
from hypothesis import strategies as st

from konnect_pos.domain.corporate import billing_cycle
from konnect_pos.domain.corporate.billing_cycle import BillingCycle, BillingPeriod
from konnect_pos.domain.corporate.charges import (
    DESCRIPTIONS,
    UPGRADE_CHARGE,
    UPGRADE_CREDIT_FULL,
    Billed,
    LineKind,
    line_amount,
    period_charges,
    remaining_fraction,
)
from konnect_pos.domain.corporate.invoice import BillableAccount, compute_invoice
from konnect_pos.domain.corporate.line_events import (
    Activation,
    Cancellation,
    DataBlockChange,
    DataBlocks,
    DataPool,
    LineHistory,
    OverageUsage,
    Pause,
    PlanChange,
    Reactivation,
)
from konnect_pos.domain.corporate.line_state import PartialPeriod, partial_periods
from konnect_pos.domain.corporate.products import ChangeKind, Product, available_products, classify_change
from konnect_pos.domain.errors import CurrencyMismatch, NotFound, StateError, ValidationError
from konnect_pos.domain.money import Money, money_sum
from konnect_pos.i18n import gettext
from konnect_pos.paths import RESOURCES

FEE_KINDS = {
    LineKind.MONTHLY_FEE,
    LineKind.NEW_LINE,
    LineKind.REACTIVATION,
    LineKind.UPGRADE_CREDIT,
    LineKind.UPGRADE_CHARGE,
}


def billed_for_period(charges, currency: str) -> Money:
    """Sum of the plan-fee lines of a period: what the integral of the monthly price over the
    time in service is compared with."""
    return money_sum([c.amount for c in charges if c.kind in FEE_KINDS], currency)


def usd(amount: str) -> Money:
    return Money.of(amount, "USD")


CATALOG = {
    "LITE": usd("25"),
    "STD": usd("50"),
    "STD-B": usd("50"),  # same price as STD
    "PRI": usd("75"),
    "MAX": usd("120"),
}
LOCAL, GLOBAL = DataPool.LOCAL_PRIORITY, DataPool.GLOBAL_PRIORITY
DAR = "Africa/Dar_es_Salaam"
UTC_DAY1 = BillingCycle(1, "UTC")
NOV = UTC_DAY1.period(2023, 11)  # 1 Nov 2023 → 1 Dec 2023, 30 days
T_NOV = datetime(2023, 10, 20, 9, tzinfo=UTC)  # an activation before November's period


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def line(*events, line_id: str = "kit-1") -> LineHistory:
    return LineHistory(line_id, tuple(events))


def charges(service_line: LineHistory, period: BillingPeriod = NOV):
    return period_charges(service_line, period, CATALOG, "USD")


def kinds(lines) -> list[tuple[LineKind, Money]]:
    return [(item.kind, item.amount) for item in lines]


# --- §3.4 / §3.11 / §3.12 upgrade: two lines, exact instant -------------------------------------


def test_upgrade_gives_a_credit_and_a_charge_for_the_remaining_part():
    upgraded = line(Activation(T_NOV, "STD"), PlanChange(at(2023, 11, 12, 14, 30), "PRI"))
    period = charges(upgraded)
    assert kinds(period.advance) == [(LineKind.MONTHLY_FEE, usd("50"))]
    credit, charge = period.arrears
    remaining = Fraction(18 * 86400 + 9 * 3600 + 30 * 60, 30 * 86400)
    assert credit.quantity == charge.quantity == remaining
    assert credit.amount == usd("-30.66")  # 50 × 18.3958 / 30 = 30.6597
    assert charge.amount == usd("45.99")  # 75 × 18.3958 / 30 = 45.9896
    assert (
        charge.description
        == "Upgrade to PRI on 2023-11-12 14:30 UTC: 18 d 9 h 30 min 0 s of 30 d × 75.00 USD"
    )
    assert credit.description.startswith("Unused part of STD after the upgrade on 2023-11-12 14:30 UTC")
    assert credit.billed is charge.billed is Billed.ARREARS
    assert (charge.covers_start, charge.covers_end) == (at(2023, 11, 12, 14, 30), NOV.end)


def test_the_two_upgrade_lines_sum_to_the_difference_times_the_remaining_fraction():
    upgraded = line(Activation(T_NOV, "STD"), PlanChange(at(2023, 11, 12, 14, 30), "PRI"))
    credit, charge = charges(upgraded).arrears
    exact = (
        Decimal(25)
        * Decimal(remaining_fraction(at(2023, 11, 12, 14, 30), NOV).numerator)
        / Decimal(remaining_fraction(at(2023, 11, 12, 14, 30), NOV).denominator)
    )
    assert abs((credit.amount + charge.amount).amount - exact) <= Decimal("0.01")


def test_proration_counts_the_exact_instant_not_whole_days():
    on_the_minute = line(Activation(T_NOV, "LITE"), PlanChange(at(2023, 11, 12, 14, 30), "MAX"))
    later_that_day = line(Activation(T_NOV, "LITE"), PlanChange(at(2023, 11, 12, 23, 59, 59), "MAX"))
    a, b = charges(on_the_minute).arrears, charges(later_that_day).arrears
    assert a[1].amount != b[1].amount
    assert b[1].params["seconds"] == "1" and b[1].params["days"] == "18"
    assert b[1].description.startswith(
        "Upgrade to MAX on 2023-11-12 23:59:59 UTC: 18 d 0 h 0 min 1 s of 30 d"
    )


def test_lago_6194_the_denominator_stays_the_full_period_after_an_upgrade():
    twice = line(
        Activation(T_NOV, "LITE"),
        PlanChange(at(2023, 11, 11), "STD"),  # 20 days left
        PlanChange(at(2023, 11, 21), "PRI"),  # 10 days left, still over 30
    )
    lines = charges(twice).arrears
    assert [item.quantity for item in lines] == [Fraction(2, 3)] * 2 + [Fraction(1, 3)] * 2
    assert [item.amount for item in lines] == [usd("-16.67"), usd("33.33"), usd("-16.67"), usd("25")]
    # 25 × 10/30 + 50 × 10/30 + 75 × 10/30 = 50 exactly; five lines each rounded once
    assert billed_for_period(charges(twice).lines, "USD") == usd("49.99")


def test_an_upgrade_at_the_period_start_bills_the_new_plan_for_the_whole_period():
    upgraded = line(Activation(T_NOV, "STD"), PlanChange(NOV.start, "PRI"))
    assert billed_for_period(charges(upgraded).lines, "USD") == usd("75")


# --- §3.3 proration from 1 November 2023 -------------------------------------------------------


def test_changes_before_1_november_2023_bill_a_full_month():
    october = UTC_DAY1.period(2023, 10)
    new = line(Activation(at(2023, 10, 20, 9), "STD"))
    fee = charges(new, october).arrears[0]
    assert (fee.kind, fee.amount, fee.quantity) == (LineKind.NEW_LINE, usd("50"), Fraction(1))
    assert fee.description == (
        "New service line STD from 2023-10-20 09:00 UTC: full monthly fee"
        " (no proration before 1 November 2023)"
    )
    upgraded = line(Activation(at(2023, 9, 1), "STD"), PlanChange(at(2023, 10, 31, 23), "PRI"))
    credit, charge = charges(upgraded, october).arrears
    assert (credit.amount, charge.amount) == (usd("-50"), usd("75"))
    assert credit.template == UPGRADE_CREDIT_FULL


def test_the_1_november_cutoff_is_read_in_the_account_zone():
    cycle = BillingCycle(20, DAR)
    period = cycle.period(2023, 10)  # 20 Oct → 20 Nov, local
    local_first_of_november = datetime(2023, 10, 31, 22, tzinfo=UTC)  # 01:00 on 1 Nov in Dar
    fee = period_charges(line(Activation(local_first_of_november, "STD")), period, CATALOG, "USD").arrears[0]
    assert fee.quantity == Fraction(19 * 24 - 1, 31 * 24)  # 18 d 23 h left of 31 d
    assert fee.params["at"] == "2023-11-01 01:00 EAT"


def test_changes_from_1_november_2023_appear_on_the_1_december_invoice():
    account = BillableAccount("ACME", UTC_DAY1, "USD", (line(Activation(at(2023, 11, 16), "STD")),))
    invoice = compute_invoice(account, NOV.next(), CATALOG, Decimal(0))
    assert invoice.invoice_date == date(2023, 12, 1)
    assert kinds(invoice.lines) == [(LineKind.NEW_LINE, usd("25")), (LineKind.MONTHLY_FEE, usd("50"))]


# --- §3.5 downgrade, §3.6 same price -----------------------------------------------------------


def test_downgrade_waits_for_the_next_cycle_and_bills_nothing_now():
    downgraded = line(Activation(T_NOV, "PRI"), PlanChange(at(2023, 11, 10), "LITE"))
    assert charges(downgraded) == charges(line(Activation(T_NOV, "PRI")))
    assert [p.product_id for p in partial_periods(downgraded, NOV, CATALOG)] == ["PRI"]
    december = charges(downgraded, NOV.next())
    assert kinds(december.lines) == [(LineKind.MONTHLY_FEE, usd("25"))]
    assert partial_periods(downgraded, NOV.next(), CATALOG) == [
        PartialPeriod(NOV.end, NOV.next().end, "LITE")
    ]


def test_a_later_upgrade_withdraws_a_pending_downgrade():
    changed = line(
        Activation(T_NOV, "STD"),
        PlanChange(at(2023, 11, 5), "LITE"),  # downgrade, pending
        PlanChange(at(2023, 11, 16), "PRI"),  # upgrade from STD, immediate
    )
    assert kinds(charges(changed).arrears) == [
        (LineKind.UPGRADE_CREDIT, usd("-25")),
        (LineKind.UPGRADE_CHARGE, usd("37.50")),
    ]
    assert kinds(charges(changed, NOV.next()).advance) == [(LineKind.MONTHLY_FEE, usd("75"))]


def test_same_price_change_is_immediate_and_changes_no_invoice():
    same = line(Activation(T_NOV, "STD"), PlanChange(at(2023, 11, 10, 8), "STD-B"))
    assert charges(same) == charges(line(Activation(T_NOV, "STD")))
    assert partial_periods(same, NOV, CATALOG) == [
        PartialPeriod(NOV.start, at(2023, 11, 10, 8), "STD"),
        PartialPeriod(at(2023, 11, 10, 8), NOV.end, "STD-B"),
    ]
    assert charges(same, NOV.next()).advance[0].params["product"] == "STD-B"


def test_classify_change_by_price():
    assert classify_change(usd("50"), usd("75")) is ChangeKind.UPGRADE
    assert classify_change(usd("50"), usd("25")) is ChangeKind.DOWNGRADE
    assert classify_change(usd("50"), usd("50")) is ChangeKind.SAME_PRICE


# --- §3.7 pause, cancel, reactivation --------------------------------------------------------------


def test_pause_keeps_the_line_to_the_period_end_then_stops_billing():
    paused = line(Activation(T_NOV, "STD"), Pause(at(2023, 11, 3)))
    assert partial_periods(paused, NOV, CATALOG) == [PartialPeriod(NOV.start, NOV.end, "STD")]
    assert charges(paused) == charges(line(Activation(T_NOV, "STD")))
    assert charges(paused, NOV.next()).lines == ()
    assert partial_periods(paused, NOV.next(), CATALOG) == []


def test_reactivation_later_is_prorated_like_a_new_line():
    december = NOV.next()  # 31 days
    back = line(
        Activation(T_NOV, "STD"), Cancellation(at(2023, 11, 3)), Reactivation(at(2023, 12, 21), "PRI")
    )
    fee = charges(back, december).arrears[0]
    assert (fee.kind, fee.quantity, fee.amount) == (LineKind.REACTIVATION, Fraction(11, 31), usd("26.61"))
    assert (
        fee.description
        == "Reactivation of PRI on 2023-12-21 00:00 UTC: 11 d 0 h 0 min 0 s of 31 d × 75.00 USD"
    )
    assert partial_periods(back, december, CATALOG) == [PartialPeriod(at(2023, 12, 21), december.end, "PRI")]
    assert kinds(charges(back, december.next()).advance) == [(LineKind.MONTHLY_FEE, usd("75"))]


def test_reactivation_before_the_period_end_withdraws_the_pause():
    withdrawn = line(Activation(T_NOV, "STD"), Pause(at(2023, 11, 3)), Reactivation(at(2023, 11, 20)))
    assert charges(withdrawn) == charges(line(Activation(T_NOV, "STD")))
    assert kinds(charges(withdrawn, NOV.next()).advance) == [(LineKind.MONTHLY_FEE, usd("50"))]
    upgraded = line(Activation(T_NOV, "STD"), Pause(at(2023, 11, 3)), Reactivation(at(2023, 11, 16), "PRI"))
    assert kinds(charges(upgraded).arrears) == [
        (LineKind.UPGRADE_CREDIT, usd("-25")),
        (LineKind.UPGRADE_CHARGE, usd("37.50")),
    ]


def test_reactivation_without_a_product_keeps_the_plan_scheduled_before_the_pause():
    back = line(
        Activation(T_NOV, "PRI"),
        PlanChange(at(2023, 11, 2), "LITE"),
        Pause(at(2023, 11, 3)),
        Reactivation(at(2024, 1, 16)),
    )
    assert charges(back, NOV.next()).lines == ()
    fee = charges(back, UTC_DAY1.period(2024, 1)).arrears[0]
    assert (fee.params["product"], fee.amount) == ("LITE", usd("12.90"))  # 25 × 16/31


# --- §3.8-3.10 data blocks and overage ---------------------------------------------------------------


def test_data_blocks_are_never_prorated_and_pools_are_separate_lines():
    blocks = (DataBlocks(LOCAL, 2, usd("10")), DataBlocks(GLOBAL, 1, usd("30")))
    new = line(Activation(at(2023, 11, 25), "STD", blocks))
    assert kinds(charges(new).arrears) == [
        (LineKind.NEW_LINE, usd("10")),  # 50 × 6/30
        (LineKind.DATA_BLOCKS, usd("20")),
        (LineKind.DATA_BLOCKS, usd("30")),
    ]
    assert (
        charges(new).arrears[1].description
        == "Local Priority data blocks, 2023-11-01 to 2023-11-30: 2 × 10.00 USD"
    )
    assert charges(new).arrears[2].template.startswith("Global Priority")
    assert kinds(charges(new, NOV.next()).advance) == [
        (LineKind.MONTHLY_FEE, usd("50")),
        (LineKind.DATA_BLOCKS, usd("20")),
        (LineKind.DATA_BLOCKS, usd("30")),
    ]


def test_block_quantity_change_takes_effect_at_the_next_cycle():
    changed = line(
        Activation(T_NOV, "STD", (DataBlocks(LOCAL, 2, usd("10")),)),
        DataBlockChange(at(2023, 11, 15), DataBlocks(LOCAL, 5, usd("10"))),
        DataBlockChange(at(2023, 11, 16), DataBlocks(GLOBAL, 1, usd("30"))),
    )
    assert kinds(charges(changed).lines) == [
        (LineKind.MONTHLY_FEE, usd("50")),
        (LineKind.DATA_BLOCKS, usd("20")),
    ]
    assert kinds(charges(changed, NOV.next()).advance) == [
        (LineKind.MONTHLY_FEE, usd("50")),
        (LineKind.DATA_BLOCKS, usd("50")),
        (LineKind.DATA_BLOCKS, usd("30")),
    ]
    stopped = line(
        Activation(T_NOV, "STD", (DataBlocks(LOCAL, 2, usd("10")),)),
        DataBlockChange(at(2023, 11, 15), DataBlocks(LOCAL, 0, usd("10"))),
    )
    assert kinds(charges(stopped, NOV.next()).advance) == [(LineKind.MONTHLY_FEE, usd("50"))]


def test_overage_is_billed_in_full_whatever_the_plan_changes():
    used = line(
        Activation(T_NOV, "STD"),
        OverageUsage(at(2023, 11, 10), LOCAL, Decimal("3.5"), usd("2")),
        PlanChange(at(2023, 11, 20), "PRI"),
        PlanChange(at(2023, 11, 22), "LITE"),
        OverageUsage(at(2023, 11, 28), GLOBAL, Decimal(1), usd("9.99")),
    )
    overage = [item for item in charges(used).arrears if item.kind is LineKind.OVERAGE]
    assert [(o.amount, o.template.split()[0]) for o in overage] == [
        (usd("7"), "Local"),
        (usd("9.99"), "Global"),
    ]
    assert overage[0].description == "Local Priority data overage on 2023-11-10 00:00 UTC: 3.5 GB × 2.00 USD"


# --- §3.13 queries ---------------------------------------------------------------------------------


def test_partial_periods_list_start_end_and_product():
    history = line(
        Activation(at(2023, 11, 5, 10), "LITE"),
        PlanChange(at(2023, 11, 12, 14, 30), "STD"),
        PlanChange(at(2023, 11, 20), "PRI"),
    )
    assert partial_periods(history, NOV, CATALOG) == [
        PartialPeriod(at(2023, 11, 5, 10), at(2023, 11, 12, 14, 30), "LITE"),
        PartialPeriod(at(2023, 11, 12, 14, 30), at(2023, 11, 20), "STD"),
        PartialPeriod(at(2023, 11, 20), NOV.end, "PRI"),
    ]


def test_available_products_cheapest_first():
    assert available_products(CATALOG)[:2] == [Product("LITE", usd("25")), Product("STD", usd("50"))]
    mixed = {**CATALOG, "XOF-STD": Money.of("30000", "XOF")}
    assert [p.product_id for p in available_products(mixed, "XOF")] == ["XOF-STD"]


# --- §4 traps: month ends and leap days --------------------------------------------------------------


def test_kill_bill_2133_a_line_added_on_the_last_day_of_a_month():
    cycle = BillingCycle(1, DAR)
    february = cycle.period(2024, 2)  # 29 days
    added = line(Activation(datetime(2024, 2, 29, 18, tzinfo=ZoneInfo(DAR)), "MAX"))
    fee = period_charges(added, february, CATALOG, "USD").arrears[0]
    assert fee.quantity == Fraction(6, 29 * 24)
    assert fee.amount == usd("1.03")  # 120 × 6/696 = 1.0345
    assert fee.params["at"] == "2024-02-29 18:00 EAT"
    march = period_charges(added, february.next(), CATALOG, "USD")
    assert kinds(march.advance) == [(LineKind.MONTHLY_FEE, usd("120"))]


def test_day_31_account_bills_every_month_through_the_leap_year():
    cycle = BillingCycle(31, "UTC")
    account = BillableAccount("ACME", cycle, "USD", (line(Activation(at(2024, 1, 31, 12), "STD")),))
    period = cycle.period(2024, 2)
    dates, totals = [], []
    for _ in range(4):
        invoice = compute_invoice(account, period, CATALOG, Decimal(0))
        dates.append(invoice.invoice_date)
        totals.append(invoice.total)
        period = period.next()
    assert dates == [date(2024, 2, 29), date(2024, 3, 31), date(2024, 4, 30), date(2024, 5, 31)]
    # the first invoice: 28 d 12 h of 29 d for the activation (31 Jan 12:00), then the fee in advance
    assert totals == [usd("49.14") + usd("50"), usd("50"), usd("50"), usd("50")]


def test_a_line_added_on_a_clamped_billing_date_starts_a_full_period():
    cycle = BillingCycle(31, "UTC")
    april = cycle.period(2024, 4)  # 30 Apr → 31 May, 31 days
    added = line(Activation(at(2024, 4, 30, 6), "STD"))
    assert april.invoice_date == date(2024, 4, 30)
    fee = period_charges(added, april, CATALOG, "USD").arrears[0]
    assert fee.quantity == Fraction(31 * 24 - 6, 31 * 24)


def test_lago_6173_leap_day_partial_periods_have_no_gap_or_overlap():
    cycle = BillingCycle(29, "UTC")
    february = cycle.period(2024, 2)  # 29 Feb → 29 Mar
    history = line(Activation(at(2024, 1, 29), "LITE"), PlanChange(at(2024, 2, 29, 23, 59, 59), "STD"))
    parts = partial_periods(history, february, CATALOG)
    assert parts == [
        PartialPeriod(at(2024, 2, 29), at(2024, 2, 29, 23, 59, 59), "LITE"),
        PartialPeriod(at(2024, 2, 29, 23, 59, 59), at(2024, 3, 29), "STD"),
    ]
    january = partial_periods(history, february.previous(), CATALOG)
    assert january == [PartialPeriod(at(2024, 1, 29), at(2024, 2, 29), "LITE")]


# --- invoices ------------------------------------------------------------------------------------------


def test_invoice_for_an_account_with_two_lines_and_vat_on_the_subtotal():
    cycle = billing_cycle.billing_cycle_from_first_activation([at(2023, 10, 1, 9), at(2023, 11, 16)], "UTC")
    assert cycle == UTC_DAY1
    first = line(Activation(at(2023, 10, 1, 9), "STD"), PlanChange(at(2023, 11, 16), "PRI"), line_id="kit-1")
    second = line(Activation(at(2023, 11, 16), "LITE", (DataBlocks(LOCAL, 1, usd("10")),)), line_id="kit-2")
    account = BillableAccount("ACME", cycle, "USD", (first, second), payment_terms_days=14)
    invoice = compute_invoice(account, NOV.next(), CATALOG, Decimal("0.18"))
    assert [(item.line_id, item.kind, item.amount, item.billed) for item in invoice.lines] == [
        ("kit-1", LineKind.UPGRADE_CREDIT, usd("-25"), Billed.ARREARS),
        ("kit-1", LineKind.UPGRADE_CHARGE, usd("37.50"), Billed.ARREARS),
        ("kit-1", LineKind.MONTHLY_FEE, usd("75"), Billed.ADVANCE),
        ("kit-2", LineKind.NEW_LINE, usd("12.50"), Billed.ARREARS),
        ("kit-2", LineKind.DATA_BLOCKS, usd("10"), Billed.ARREARS),
        ("kit-2", LineKind.MONTHLY_FEE, usd("25"), Billed.ADVANCE),
        ("kit-2", LineKind.DATA_BLOCKS, usd("10"), Billed.ADVANCE),
    ]
    assert invoice.subtotal == usd("145")
    assert invoice.vat == usd("26.10")
    assert invoice.total == usd("171.10")
    assert (invoice.invoice_date, invoice.due_date) == (date(2023, 12, 1), date(2023, 12, 15))
    assert invoice.previous_period == NOV


def test_default_payment_terms_are_seven_days():
    account = BillableAccount("ACME", UTC_DAY1, "USD", (line(Activation(T_NOV, "STD")),))
    assert compute_invoice(account, NOV, CATALOG, Decimal(0)).due_date == date(2023, 11, 8)


def test_zero_decimal_currencies_round_to_whole_francs():
    catalog = {"BASE": Money.of("20000", "XOF"), "PLUS": Money.of("35000", "XOF")}
    cycle = BillingCycle(1, "Africa/Abidjan")
    history = line(Activation(at(2023, 10, 1), "BASE"), PlanChange(at(2023, 11, 11, 7), "PLUS"))
    credit, charge = period_charges(history, cycle.period(2023, 11), catalog, "XOF").arrears
    # 19 d 17 h of 30 d: 20000 × 473/720 = 13138.9, 35000 × 473/720 = 22993.1
    assert (credit.amount, charge.amount) == (Money.of("-13139", "XOF"), Money.of("22993", "XOF"))
    assert line_amount(Money.of("35000", "XOF"), Fraction(1, 2)) == Money.of("17500", "XOF")


def test_half_up_rounding_once_per_line_and_credits_mirror_charges():
    assert line_amount(usd("0.01"), Fraction(1, 2)) == usd("0.01")
    assert line_amount(usd("0.01"), Fraction(1, 2), credit=True) == usd("-0.01")
    assert line_amount(usd("0.03"), Fraction(1, 3)) == usd("0.01")


# --- refused input -------------------------------------------------------------------------------------


def test_events_must_follow_the_lines_state():
    with pytest.raises(StateError, match="must start with its activation"):
        charges(line(PlanChange(at(2023, 11, 2), "PRI")))
    with pytest.raises(StateError, match="already activated"):
        charges(line(Activation(T_NOV, "STD"), Activation(at(2023, 11, 2), "STD")))
    with pytest.raises(StateError, match="reactivate it first"):
        charges(line(Activation(T_NOV, "STD"), Pause(at(2023, 11, 2)), PlanChange(at(2023, 11, 3), "PRI")))
    with pytest.raises(StateError, match="reactivate it first"):
        charges(line(Activation(T_NOV, "STD"), Cancellation(at(2023, 11, 2)), Pause(at(2023, 12, 3))))
    with pytest.raises(StateError, match="already active"):
        charges(line(Activation(T_NOV, "STD"), Reactivation(at(2023, 11, 3))))


def test_bad_products_prices_and_inputs_are_refused():
    with pytest.raises(NotFound, match="Unknown product: GOLD"):
        charges(line(Activation(T_NOV, "GOLD")))
    with pytest.raises(CurrencyMismatch):
        period_charges(line(Activation(T_NOV, "STD")), NOV, CATALOG, "TZS")
    with pytest.raises(CurrencyMismatch):
        charges(
            line(
                Activation(T_NOV, "STD"),
                OverageUsage(at(2023, 11, 2), LOCAL, Decimal(1), Money.of("5", "TZS")),
            )
        )
    with pytest.raises(ValidationError, match="time zone"):
        line(Activation(datetime(2023, 11, 2), "STD"))
    with pytest.raises(ValidationError, match="needs an id"):
        line(Activation(T_NOV, "STD"), line_id=" ")
    with pytest.raises(ValidationError, match="whole number"):
        DataBlocks(LOCAL, -1, usd("10"))
    with pytest.raises(ValidationError, match="exact number of GB"):
        OverageUsage(T_NOV, LOCAL, 1.5, usd("1"))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="appears twice"):
        BillableAccount(
            "A", UTC_DAY1, "USD", (line(Activation(T_NOV, "STD")), line(Activation(T_NOV, "STD")))
        )
    account = BillableAccount("A", UTC_DAY1, "USD", (line(Activation(T_NOV, "STD")),))
    with pytest.raises(ValidationError, match="VAT rate"):
        compute_invoice(account, NOV, CATALOG, 0.18)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="another billing cycle"):
        compute_invoice(account, BillingCycle(2, "UTC").period(2023, 11), CATALOG, Decimal(0))
    with pytest.raises(ValidationError, match="inside the billing period"):
        remaining_fraction(at(2023, 12, 1), NOV)
    with pytest.raises(ValidationError, match="Payment terms"):
        BillableAccount("A", UTC_DAY1, "USD", (), payment_terms_days=-3)


# --- translations --------------------------------------------------------------------------------------

ERRORS = {"ValidationError", "StateError", "NotFound", "CurrencyMismatch"}


def raised_templates() -> set[str]:
    found = set()
    for path in Path(billing_cycle.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ERRORS:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
    return found


def placeholders(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name)


@pytest.mark.parametrize("lang", ["fr", "sw"])
def test_every_error_and_invoice_line_template_is_translated(lang):
    templates = raised_templates() | set(DESCRIPTIONS)
    assert "Unknown product: {product}" in templates and UPGRADE_CHARGE in templates
    path = RESOURCES / "locale" / lang / "billing.po"
    assert "Content-Type: text/plain; charset=UTF-8" in path.read_text(encoding="utf-8")
    with path.open("rb") as handle:
        own = {m.id for m in read_po(handle, locale=lang) if m.id}
    assert templates <= own
    for template in templates:
        translated = gettext(lang, template)
        assert translated != template, template
        assert placeholders(translated) == placeholders(template), template


# --- properties ------------------------------------------------------------------------------------------

PRODUCTS = sorted(CATALOG)
MICRO = timedelta(microseconds=1)
UPGRADES = [(old, new) for old in PRODUCTS for new in PRODUCTS if CATALOG[new] > CATALOG[old]]
CYCLES = st.builds(
    BillingCycle, st.integers(1, 31), st.sampled_from(["UTC", DAR, "Africa/Kinshasa", "Africa/Abidjan"])
)


SOME = st.integers(0, 6)


@st.composite
def period_and_offsets(draw, count: st.SearchStrategy[int] = SOME, min_size: int = 0):
    """A billing period from December 2023 on and sorted instants inside it."""
    cycle = draw(CYCLES)
    period = cycle.period(draw(st.integers(2023, 2027)), draw(st.integers(1, 12)))
    assume(period.start >= datetime(2023, 12, 1, tzinfo=UTC))
    micros = period.length // timedelta(microseconds=1)
    offsets = sorted(draw(st.lists(st.integers(0, micros - 1), min_size=min_size, max_size=draw(count))))
    return period, [period.start + timedelta(microseconds=o) for o in offsets]


def reference_integral(first: str, changes: list[tuple[datetime, str]], period: BillingPeriod) -> Decimal:
    """Independent model: upgrades and same-price moves are immediate, downgrades wait."""
    current, since, total = first, period.start, Fraction(0)
    for instant, product in changes:
        if CATALOG[product] >= CATALOG[current]:
            total += Fraction(CATALOG[current].amount) * Fraction(
                (instant - since) // MICRO, period.length // MICRO
            )
            current, since = product, instant
    total += Fraction(CATALOG[current].amount) * Fraction(
        (period.end - since) // MICRO, period.length // MICRO
    )
    return Decimal(total.numerator) / Decimal(total.denominator)


@given(
    data=period_and_offsets(),
    first=st.sampled_from(PRODUCTS),
    products=st.lists(st.sampled_from(PRODUCTS), max_size=6),
)
def test_billed_amount_is_the_price_integrated_over_time(data, first, products):
    period, instants = data
    changes = list(zip(instants, products, strict=False))
    history = line(
        Activation(period.start - timedelta(days=40), first), *(PlanChange(t, p) for t, p in changes)
    )
    lines = [item for item in charges(history, period).lines]
    billed = billed_for_period(lines, "USD").amount
    assert abs(billed - reference_integral(first, changes, period)) <= Decimal("0.005") * len(lines)
    parts = partial_periods(history, period, CATALOG)
    integral = sum(
        Fraction(CATALOG[p.product_id].amount) * Fraction((p.end - p.start) // MICRO, period.length // MICRO)
        for p in parts
    )
    assert abs(billed - Decimal(integral.numerator) / Decimal(integral.denominator)) <= Decimal(
        "0.005"
    ) * len(lines)


@given(
    data=period_and_offsets(),
    first=st.sampled_from(PRODUCTS),
    products=st.lists(st.sampled_from(PRODUCTS), max_size=5),
    cheaper=st.sampled_from(PRODUCTS),
    offset=st.floats(0, 1),
)
def test_a_downgrade_never_lowers_the_current_periods_charge(data, first, products, cheaper, offset):
    period, instants = data
    events = [Activation(period.start - timedelta(days=3), first)]
    events += [PlanChange(t, p) for t, p in zip(instants, products, strict=False)]
    before = period_charges(line(*events), period, CATALOG, "USD")
    current = partial_periods(line(*events), period, CATALOG)[-1].product_id
    assume(CATALOG[cheaper] < CATALOG[current])
    last = instants[-1] if instants else period.start
    moment = last + (period.end - last) * offset
    assume(moment < period.end)
    after = period_charges(line(*events, PlanChange(moment, cheaper)), period, CATALOG, "USD")
    assert after == before
    following = period_charges(line(*events, PlanChange(moment, cheaper)), period.next(), CATALOG, "USD")
    assert following.advance[0].unit_price == CATALOG[cheaper]


@given(
    cycle=CYCLES,
    year=st.integers(2024, 2027),
    month=st.integers(1, 12),
    old=st.integers(0, 10**6),
    extra=st.integers(1, 10**6),
    currency=st.sampled_from(["USD", "XOF"]),
)
def test_an_upgrade_with_no_time_left_bills_nothing_extra(cycle, year, month, old, extra, currency):
    catalog = {"OLD": Money.of(old, currency), "NEW": Money.of(old + extra, currency)}
    period = cycle.period(year, month)
    base = line(Activation(period.start - timedelta(days=1), "OLD"))
    last_instant = line(*base.events, PlanChange(period.end - MICRO, "NEW"))
    extra_lines = period_charges(last_instant, period, catalog, currency).arrears
    assert [item.kind for item in extra_lines] == [LineKind.UPGRADE_CREDIT, LineKind.UPGRADE_CHARGE]
    assert all(not item.amount for item in extra_lines)
    # at the period end itself no time is left: the upgrade belongs to the next period
    at_end = line(*base.events, PlanChange(period.end, "NEW"))
    assert period_charges(at_end, period, catalog, currency) == period_charges(
        base, period, catalog, currency
    )


@given(data=period_and_offsets(st.just(1), min_size=1), pair=st.sampled_from(UPGRADES), tzs=st.booleans())
def test_the_two_upgrade_lines_always_sum_to_the_difference_times_the_remaining_fraction(data, pair, tzs):
    period, instants = data
    old, new = pair
    catalog = {k: Money.of(v.amount * 1000, "TZS") for k, v in CATALOG.items()} if tzs else CATALOG
    currency = "TZS" if tzs else "USD"
    upgraded = line(Activation(period.start - timedelta(days=2), old), PlanChange(instants[0], new))
    credit, charge = period_charges(upgraded, period, catalog, currency).arrears
    fraction = remaining_fraction(instants[0], period)
    exact = (catalog[new].amount - catalog[old].amount) * fraction.numerator / fraction.denominator
    assert abs((credit.amount + charge.amount).amount - exact) <= Decimal("0.01")
    assert credit.amount.is_negative or not credit.amount
    assert credit.quantity == charge.quantity == fraction


EVENT_KINDS = st.sampled_from(["change", "pause", "cancel", "reactivate", "blocks", "overage"])


@given(
    cycle=CYCLES,
    start_offset_hours=st.integers(0, 24 * 120),
    steps=st.lists(st.tuples(EVENT_KINDS, st.integers(1, 24 * 40), st.sampled_from(PRODUCTS)), max_size=10),
    first=st.sampled_from(PRODUCTS),
)
def test_partial_periods_tile_each_period_without_gap_or_overlap(cycle, start_offset_hours, steps, first):
    activated = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=start_offset_hours)
    events: list = [Activation(activated, first)]
    moment, active, stopping = activated, True, False
    for kind, hours, product in steps:
        moment += timedelta(hours=hours)
        # keep only events the line's state allows; the engine refuses the others (tested above)
        if (
            cycle.period_containing(moment).start
            > cycle.period_containing(moment - timedelta(hours=hours)).start
        ):
            active, stopping = active and not stopping, False
        if kind == "change" and active and not stopping:
            events.append(PlanChange(moment, product))
        elif kind in {"pause", "cancel"} and active and not stopping:
            events.append((Pause if kind == "pause" else Cancellation)(moment))
            stopping = True
        elif kind == "reactivate" and (not active or stopping):
            events.append(Reactivation(moment, product))
            active, stopping = True, False
        elif kind == "blocks":
            events.append(DataBlockChange(moment, DataBlocks(LOCAL, hours % 4, usd("10"))))
        elif kind == "overage":
            events.append(OverageUsage(moment, GLOBAL, Decimal(hours) / 10, usd("1")))
    history = line(*events)
    for period in cycle.periods_between(activated, moment + timedelta(days=62)):
        parts = partial_periods(history, period, CATALOG)
        for before, after in itertools.pairwise(parts):
            assert before.end == after.start  # no gap, no overlap
            assert before.product_id != after.product_id  # a new stretch only when the product changes
        for part in parts:
            assert period.start <= part.start < part.end <= period.end
        if parts:
            assert parts[-1].end == period.end  # a pause waits for the period end
            assert sum((p.end - p.start for p in parts), timedelta(0)) == period.end - parts[0].start
            assert parts[0].start == period.start or any(
                isinstance(e, Activation | Reactivation) and e.at == parts[0].start for e in events
            )
        fee_lines = [
            c for c in period_charges(history, period, CATALOG, "USD").lines if c.kind is LineKind.MONTHLY_FEE
        ]
        assert bool(fee_lines) == (
            bool(parts)
            and parts[0].start == period.start
            and not any(isinstance(e, Activation | Reactivation) and e.at == period.start for e in events)
        )
