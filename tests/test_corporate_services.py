"""Corporate accounts, lines and the invoice run through the services, on SQLite and PostgreSQL:
worked examples crossing month ends, a leap day and a billing day of 31, idempotent runs with
gapless numbers, the prorated preview of a plan change, and every refusal changing nothing."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from konnect_pos.domain.errors import (
    Conflict,
    KonnectError,
    NotFound,
    PermissionDenied,
    StateError,
    ValidationError,
)
from konnect_pos.domain.money import Money
from konnect_pos.services import corporate, journal
from konnect_pos.services.corporate import AccountInput
from konnect_pos.services.session import Counter, sign_in
from konnect_pos.store.models import (
    CorporateAccount,
    CorporateInvoice,
    CorporateInvoiceLine,
    JournalEntry,
    ServiceLine,
    ServiceLineEvent,
)
from tests.support import ManualClock

WAT = timedelta(hours=1)  # Africa/Kinshasa, no daylight saving


def usd(text: str) -> Money:
    return Money.of(text, "USD")


@pytest.fixture
def manager(database, clock: ManualClock) -> Counter:
    from konnect_pos.services import demo

    demo.seed(clock, customers=0)
    return sign_in("KIN01-T1", "manager", "222222", clock)


def at(clock: ManualClock, *args: int) -> datetime:
    """A UTC instant, and the clock moved there (changes cannot be dated in the future)."""
    moment = datetime(*args, tzinfo=UTC)
    clock.now = moment
    return moment


def account(manager: Counter, tax_id: str = "CD-0001", **fields) -> str:
    data = AccountInput(
        company=fields.pop("company", "Acme Congo SARL"), tax_id=tax_id, outlet_code="KIN01", **fields
    )
    return corporate.create_account(manager, data).code


def snapshot() -> tuple[int, ...]:
    return tuple(
        model.select().count()
        for model in (CorporateAccount, ServiceLine, ServiceLineEvent, CorporateInvoice, JournalEntry)
    )


# --- worked examples ------------------------------------------------------------------------


def test_billing_day_31_crosses_february_and_comes_back(manager, clock):
    code = account(manager)
    corporate.add_line(manager, code, "KIT-A31", "BIZ-STANDARD", at=at(clock, 2026, 1, 31, 9))
    assert corporate.get_account(manager, code).billing_day == 31
    at(clock, 2026, 2, 28, 6)
    run = corporate.invoices_run(manager, date(2026, 2, 28))
    assert len(run.issued) == 1
    invoice = corporate.get_invoice(manager, run.issued[0])
    new_line, fee = invoice.lines
    # 31 Jan 10:00 WAT to 28 Feb 00:00 WAT: 27 d 14 h of a 28-day period × 50.00
    assert new_line.amount == usd("49.26")  # 50 × 662/672 = 49.2559…
    assert "27 d 14 h 0 min 0 s of 28 d × $50.00" in new_line.text("en")
    assert fee.amount == usd("50.00") and "2026-02-28 to 2026-03-30" in fee.text("en")
    assert invoice.subtotal == usd("99.26") and invoice.vat == usd("15.88") and invoice.total == usd("115.14")
    assert invoice.due_date == date(2026, 3, 7)
    at(clock, 2026, 3, 31, 6)
    march = corporate.invoices_run(manager, date(2026, 3, 31))
    assert [line.amount for line in corporate.get_invoice(manager, march.issued[0]).lines] == [usd("50")]
    assert corporate.invoices_run(manager, date(2026, 3, 30)).due_accounts == 0


def test_leap_day_bills_days_29_30_31(manager, clock):
    codes = []
    for day in (29, 30, 31):
        code = account(manager, tax_id=f"LEAP-{day}")
        corporate.add_line(manager, code, f"KIT-LEAP{day}", "BIZ-ESSENTIAL", at=at(clock, 2027, 12, day, 12))
        codes.append(code)
    at(clock, 2028, 2, 28, 12)
    assert corporate.invoices_run(manager, date(2028, 2, 28)).due_accounts == 0
    at(clock, 2028, 3, 1, 12)
    leap = corporate.invoices_run(manager, date(2028, 2, 29))
    assert leap.due_accounts == 3 and len(leap.issued) == 3
    periods = {
        corporate.get_invoice(manager, n).account_code: corporate.get_invoice(manager, n) for n in leap.issued
    }
    for code in codes:
        invoice = periods[code]
        assert invoice.invoice_date == date(2028, 2, 29)
        assert invoice.period_start == datetime(2028, 2, 28, 23, tzinfo=UTC)  # 29 Feb 00:00 WAT
    # the day-30 account's period is [29 Feb, 30 Mar); the day-31 account's [29 Feb, 31 Mar)
    assert periods[codes[1]].period_end == datetime(2028, 3, 29, 23, tzinfo=UTC)
    assert periods[codes[2]].period_end == datetime(2028, 3, 30, 23, tzinfo=UTC)


def test_upgrade_preview_is_what_the_next_invoice_bills(manager, clock):
    code = account(manager)
    corporate.add_line(
        manager, code, "KIT-UP1", "BIZ-STANDARD", at=at(clock, 2026, 10, 31, 23)
    )  # 1 Nov 00:00 WAT
    at(clock, 2026, 11, 12, 14, 30)
    before_preview = snapshot()
    preview = corporate.preview_plan_change(manager, "KIT-UP1", "BIZ-PRIORITY")
    assert preview.kind == "upgrade" and preview.effective_at == preview.at
    credit, charge = preview.charges
    # 12 Nov 14:30 UTC to 30 Nov 23:00 UTC = 18 d 8 h 30 min of 30 d
    assert credit.amount == usd("-30.59") and charge.amount == usd("45.89") and preview.amount == usd("15.30")
    assert "18 d 8 h 30 min 0 s of 30 d × $75.00" in charge.text("en")
    assert snapshot() == before_preview  # the preview wrote nothing
    before = ServiceLineEvent.select().count()
    clock.advance(minutes=2)  # the manager reads, then confirms: the previewed instant is kept
    corporate.change_plan(manager, "KIT-UP1", "BIZ-PRIORITY", preview.at)
    assert ServiceLineEvent.select().count() == before + 1
    assert corporate.get_line(manager, "KIT-UP1").product_id == "BIZ-PRIORITY"
    at(clock, 2026, 12, 1, 8)
    run = corporate.invoices_run(manager, date(2026, 12, 1))
    invoice = corporate.get_invoice(manager, run.issued[0])
    kinds = [(line.kind, line.amount) for line in invoice.lines]
    assert kinds == [
        ("new_line", usd("50.00")),  # activated at 1 Nov 00:00 WAT: the whole of November
        ("upgrade_credit", usd("-30.59")),
        ("upgrade_charge", usd("45.89")),
        ("monthly_fee", usd("75.00")),
    ]


def test_downgrade_waits_for_the_next_cycle_and_same_price_is_free(manager, clock):
    code = account(manager)
    corporate.add_line(manager, code, "KIT-DN1", "BIZ-STANDARD", at=at(clock, 2026, 9, 30, 23))
    at(clock, 2026, 10, 20, 10)
    same = corporate.change_plan(manager, "KIT-DN1", "BIZ-STANDARD-PLUS", clock.now)
    assert same.kind == "same_price" and same.amount == usd("0") and not same.charges
    down = corporate.change_plan(manager, "KIT-DN1", "BIZ-ESSENTIAL", clock.now)
    assert down.kind == "downgrade" and down.effective_at == datetime(2026, 10, 31, 23, tzinfo=UTC)
    line = corporate.get_line(manager, "KIT-DN1")
    assert line.product_id == "BIZ-STANDARD-PLUS" and line.pending_product == "BIZ-ESSENTIAL"
    at(clock, 2026, 11, 1, 8)
    invoice = corporate.get_invoice(manager, corporate.invoices_run(manager, date(2026, 11, 1)).issued[0])
    assert [(line.kind, line.amount) for line in invoice.lines] == [
        ("new_line", usd("50.00")),  # October in full, at the plan held all month
        ("monthly_fee", usd("25.00")),  # November on the lower plan
    ]


def test_pause_reactivation_blocks_and_overage(manager, clock):
    code = account(manager)
    corporate.add_line(
        manager, code, "KIT-PA1", "BIZ-STANDARD", at=at(clock, 2026, 9, 30, 23), blocks={"local_priority": 2}
    )
    at(clock, 2026, 10, 10, 12)
    assert corporate.pause_line(manager, "KIT-PA1").status == "pause_pending"
    corporate.record_overage(manager, "KIT-PA1", "global_priority", "3.5")
    at(clock, 2026, 11, 1, 8)
    first = corporate.invoices_run(manager, date(2026, 11, 1))
    lines = corporate.get_invoice(manager, first.issued[0]).lines
    assert [(line.kind, line.amount) for line in lines] == [
        ("new_line", usd("50.00")),
        ("data_blocks", usd("20.00")),
        ("overage", usd("3.50")),  # 3.5 GB × 1.00, in full; paused: no November fee
    ]
    assert corporate.get_line(manager, "KIT-PA1").status == "paused"
    # reactivated on 16 Nov 00:00 WAT: 15 of 30 days, with its data blocks in full
    reactivated = corporate.reactivate_line(manager, "KIT-PA1", at=at(clock, 2026, 11, 15, 23))
    assert reactivated.status == "active"
    corporate.change_data_blocks(manager, "KIT-PA1", "local_priority", 5)
    assert corporate.get_line(manager, "KIT-PA1").next_blocks == {"local_priority": 5}
    at(clock, 2026, 12, 1, 8)
    december = corporate.invoices_run(manager, date(2026, 12, 1))
    amounts = [(line.kind, line.amount) for line in corporate.get_invoice(manager, december.issued[0]).lines]
    assert amounts == [
        ("reactivation", usd("25.00")),
        ("data_blocks", usd("20.00")),
        ("monthly_fee", usd("50.00")),
        ("data_blocks", usd("50.00")),
    ]


def test_queries_partial_periods_and_products(manager, clock):
    code = account(manager)
    corporate.add_line(manager, code, "KIT-Q1", "BIZ-STANDARD", at=at(clock, 2026, 9, 30, 23))
    upgrade = at(clock, 2026, 10, 12, 14, 30)
    corporate.change_plan(manager, "KIT-Q1", "BIZ-PREMIUM", upgrade)
    at(clock, 2026, 11, 5, 9)
    periods = corporate.line_periods(manager, "KIT-Q1")
    assert [(p.start, p.end, p.product_id) for p in periods] == [
        (datetime(2026, 9, 30, 23, tzinfo=UTC), upgrade, "BIZ-STANDARD"),
        (upgrade, datetime(2026, 10, 31, 23, tzinfo=UTC), "BIZ-PREMIUM"),
        (datetime(2026, 10, 31, 23, tzinfo=UTC), datetime(2026, 11, 30, 23, tzinfo=UTC), "BIZ-PREMIUM"),
    ]
    products = corporate.available_products(manager, "USD")
    assert products[0].product_id == "BIZ-ESSENTIAL" and products[0].monthly_price == usd("25")
    assert [p.monthly_price for p in products] == sorted(p.monthly_price for p in products)


# --- invoice run: idempotent, gapless ------------------------------------------------------


def test_invoice_run_is_idempotent_and_numbers_stay_gapless(manager, clock):
    first = account(manager, tax_id="G-1")
    second = account(manager, tax_id="G-2")
    corporate.add_line(manager, first, "KIT-G1", "BIZ-STANDARD", at=at(clock, 2026, 9, 9, 23))
    corporate.add_line(manager, second, "KIT-G2", "BIZ-ESSENTIAL", at=at(clock, 2026, 9, 9, 23, 30))
    at(clock, 2026, 10, 10, 6)
    run = corporate.invoices_run(manager, date(2026, 10, 10))
    assert run.issued == ("KIN01-INV-000001", "KIN01-INV-000002")
    journal_before, lines_before = JournalEntry.select().count(), CorporateInvoiceLine.select().count()
    again = corporate.invoices_run(manager, date(2026, 10, 10))
    assert again.issued == () and again.already_issued == 2
    assert (JournalEntry.select().count(), CorporateInvoiceLine.select().count()) == (
        journal_before,
        lines_before,
    )
    third = account(manager, tax_id="G-3")  # joins on the same billing day
    corporate.add_line(manager, third, "KIT-G3", "BIZ-PREMIUM", at=at(clock, 2026, 10, 10, 8))
    at(clock, 2026, 11, 10, 6)
    november = corporate.invoices_run(manager, date(2026, 11, 10))
    assert november.issued == ("KIN01-INV-000003", "KIN01-INV-000004", "KIN01-INV-000005")
    numbers = sorted(i.number for i in corporate.list_invoices(manager))
    assert numbers == [f"KIN01-INV-{n:06d}" for n in range(1, 6)]
    kinds = {e.kind for e in JournalEntry.select()}
    assert {"corporate_account", "corporate_line_event", "corporate_invoice"} <= kinds
    assert journal.check_chain(manager.terminal.id) is None  # the batch-written entries chain on


def test_a_change_in_an_invoiced_period_is_refused(manager, clock):
    code = account(manager)
    corporate.add_line(manager, code, "KIT-IN1", "BIZ-STANDARD", at=at(clock, 2026, 9, 30, 23))
    at(clock, 2026, 11, 1, 8)
    corporate.invoices_run(manager, date(2026, 11, 1))
    before = snapshot()
    with pytest.raises(StateError):
        corporate.pause_line(manager, "KIT-IN1", at=datetime(2026, 10, 15, tzinfo=UTC))
    assert snapshot() == before


# --- refusals change nothing -----------------------------------------------------------------


def test_only_managers(manager, clock):
    cashier = sign_in("KIN01-T1", "cashier", "1111", clock)
    before = snapshot()
    for call in (
        lambda: corporate.list_accounts(cashier),
        lambda: corporate.create_account(cashier, AccountInput("X", "Y", "KIN01")),
        lambda: corporate.available_products(cashier),
        lambda: corporate.invoices_run(cashier, date(2026, 11, 1)),
        lambda: corporate.list_invoices(cashier),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert snapshot() == before


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"company": "  "}, ValidationError),
        ({"tax_id": ""}, ValidationError),
        ({"currency": "XOF"}, ValidationError),
        ({"payment_terms_days": -1}, ValidationError),
        ({"payment_terms_days": 400}, ValidationError),
        ({"contact_email": "billing-at-acme"}, ValidationError),
        ({"language": "de"}, ValidationError),
        ({"company": "x" * 201}, ValidationError),
        ({"outlet_code": "NOPE1"}, NotFound),
    ],
)
def test_bad_account_input_changes_nothing(manager, fields, error):
    data = {"company": "Acme", "tax_id": "T-1", "outlet_code": "KIN01", **fields}
    before = snapshot()
    with pytest.raises(error):
        corporate.create_account(manager, AccountInput(**data))
    assert snapshot() == before


def test_account_edits_and_their_refusals(manager):
    code = account(manager, payment_terms_days=30)
    edited = corporate.edit_account(manager, code, {"contact_name": "Mme Mbuyi", "payment_terms_days": 14})
    assert (edited.contact_name, edited.payment_terms_days) == ("Mme Mbuyi", 14)
    before = snapshot()
    for changes, error in (
        ({"currency": "CDF"}, ValidationError),
        ({"payment_terms_days": "seven"}, ValidationError),
        ({"tax_id": " "}, ValidationError),
    ):
        with pytest.raises(error):
            corporate.edit_account(manager, code, changes)
    with pytest.raises(NotFound):
        corporate.edit_account(manager, "KIN01-C9999", {"company": "X"})
    with pytest.raises(Conflict):
        account(manager)  # same tax id at the same outlet
    assert snapshot() == before
    assert corporate.get_account(manager, code).payment_terms_days == 14


def test_bad_line_changes_change_nothing(manager, clock):
    code = account(manager)
    corporate.add_line(manager, code, "KIT-BAD1", "BIZ-STANDARD", at=at(clock, 2026, 11, 2, 9))
    corporate.pause_line(manager, "KIT-BAD1", at=at(clock, 2026, 11, 10, 9))
    before = snapshot()
    future = clock.now + timedelta(hours=1)
    refusals = [
        (lambda: corporate.add_line(manager, code, "KIT-BAD1", "BIZ-STANDARD"), Conflict),
        (lambda: corporate.add_line(manager, code, "K!", "BIZ-STANDARD"), ValidationError),
        (lambda: corporate.add_line(manager, code, "KIT-NEW1", "NO-SUCH-PLAN"), NotFound),
        (lambda: corporate.add_line(manager, code, "KIT-NEW1", "BIZ-STANDARD", at=future), ValidationError),
        (lambda: corporate.add_line(manager, "KIN01-C9999", "KIT-NEW1", "BIZ-STANDARD"), NotFound),
        (
            lambda: corporate.add_line(manager, code, "KIT-NEW1", "BIZ-STANDARD", blocks={"x": 1}),
            ValidationError,
        ),
        (
            lambda: corporate.add_line(
                manager, code, "KIT-NEW1", "BIZ-STANDARD", blocks={"local_priority": -1}
            ),
            ValidationError,
        ),
        (
            lambda: corporate.add_line(manager, code, "KIT-NEW1", "BIZ-STANDARD", at=datetime(2026, 11, 2)),
            ValidationError,
        ),
        (lambda: corporate.pause_line(manager, "KIT-BAD1"), StateError),  # already pending
        (lambda: corporate.preview_plan_change(manager, "KIT-BAD1", "BIZ-PREMIUM"), StateError),
        (
            lambda: corporate.cancel_line(manager, "KIT-BAD1", at=datetime(2026, 11, 5, tzinfo=UTC)),
            ValidationError,
        ),
        (lambda: corporate.pause_line(manager, "KIT-NONE"), NotFound),
        (lambda: corporate.change_data_blocks(manager, "KIT-BAD1", "local_priority", 2.5), ValidationError),
        (lambda: corporate.change_data_blocks(manager, "KIT-BAD1", "both", 1), ValidationError),
        (lambda: corporate.record_overage(manager, "KIT-BAD1", "local_priority", "-1"), ValidationError),
        (lambda: corporate.record_overage(manager, "KIT-BAD1", "local_priority", "lots"), ValidationError),
        (lambda: corporate.invoices_run(manager, date(2026, 11, 21)), ValidationError),
        (lambda: corporate.get_invoice(manager, "KIN01-INV-999999"), NotFound),
    ]
    for call, error in refusals:
        with pytest.raises(error):
            call()
    assert snapshot() == before
    corporate.reactivate_line(manager, "KIT-BAD1")
    with pytest.raises(StateError):
        corporate.reactivate_line(manager, "KIT-BAD1", at=clock.now)  # already active
    with pytest.raises(ValidationError):
        corporate.preview_plan_change(manager, "KIT-BAD1", "BIZ-STANDARD")  # already on it


def test_every_refusal_is_translated(manager):
    from konnect_pos.i18n import translate_error

    with pytest.raises(KonnectError) as caught:
        corporate.pause_line(manager, "KIT-NONE")
    assert translate_error(caught.value, "fr") == "Aucune ligne de service pour le kit KIT-NONE"
    assert "laini ya huduma" in translate_error(caught.value, "sw")


def test_demo_accounts_bill_in_their_currency(manager, clock):
    accounts = {a.code: a for a in corporate.list_accounts(manager)}
    assert accounts["DAR01-C0001"].currency == "TZS" and accounts["KIN01-C0001"].lines == 3
    assert corporate.list_accounts(manager, "kilimanjaro")[0].code == "DAR01-C0001"
    day = accounts["KIN01-C0001"].billing_day
    run = corporate.invoices_run(manager, date(2026, 11, day))
    invoice = corporate.get_invoice(manager, run.issued[0])
    assert invoice.vat_rate == Decimal("0.16") and invoice.total == invoice.subtotal + invoice.vat


RUNNER = """
import sys
from datetime import UTC, date, datetime
from konnect_pos.services.corporate import invoices_run
from konnect_pos.services.session import sign_in
from konnect_pos.store.schema import open_database

open_database(sys.argv[1])
counter = sign_in("KIN01-T1", "manager", "222222", lambda: datetime(2026, 11, 10, 12, tzinfo=UTC))
print(len(invoices_run(counter, date(2026, 11, 10)).issued))
"""


def test_concurrent_runs_issue_each_invoice_once_with_gapless_numbers(manager, clock, db_url):
    import subprocess
    import sys

    for index in range(30):
        code = account(manager, tax_id=f"RUN-{index}")
        corporate.add_line(
            manager, code, f"KIT-RUN{index:03d}", "BIZ-STANDARD", at=at(clock, 2026, 10, 10, 9)
        )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RUNNER, db_url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(3)
    ]
    issued = 0
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        issued += int(out.strip())
    assert issued == 30
    numbers = sorted(i.number for i in corporate.list_invoices(manager))
    assert numbers == [f"KIN01-INV-{n:06d}" for n in range(1, 31)]
