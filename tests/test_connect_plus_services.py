"""Balance, plans and Connect+ through the services and a real store (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from konnect_pos.domain.connect_plus import ServiceStatus, SuspendReason
from konnect_pos.domain.errors import CurrencyMismatch, KonnectError, NotFound, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender, MobileMoneyTender
from konnect_pos.services import plans as cp
from konnect_pos.services.session import sign_in
from konnect_pos.services.verify import verify
from konnect_pos.store.models import BalanceEntry, Customer, JournalEntry, OutboxEvent, PlanAccount, Sale

TODAY = date(2026, 11, 20)  # the clock fixture's day (09:30 UTC, 10:30 in Kinshasa)
RENEWS = "CD00000001"  # Salom+ paid until 30 Nov, balance 25 (= the fee)
LAPSED = "CD00000005"  # Salom+ lapsed on the 19th, balance 3
PLAIN = "CD00000009"  # a plan without Connect+, lapsed


def usd(value: str) -> Money:
    return Money.of(value, "USD")


@pytest.fixture
def counter(demo_db, clock):
    return sign_in("KIN01-T1", "cashier", "1111", clock)


def test_the_demo_accounts_are_as_described(demo_db):
    assert cp.plan_status(RENEWS, TODAY).status.paid_until == TODAY + timedelta(days=10)
    assert cp.balance(LAPSED)[0] == usd("3")
    assert cp.plan_status("CD00000013", TODAY) is None  # a customer without a plan


def test_daily_run_activates_connect_plus_the_day_after_the_period(demo_db, clock):
    summary = cp.run_daily(TODAY, clock)
    assert summary.accounts >= 3 and summary.days_processed >= 3
    status = cp.plan_status(LAPSED, TODAY).status
    assert status.service is ServiceStatus.CONNECT_PLUS and status.connect_plus_since == TODAY
    assert status.window_days_left == 5 and status.activations_used == 1
    assert cp.balance(LAPSED)[0] == usd("2")  # the day's 1 USD, charged in advance
    plain = cp.plan_status(PLAIN, TODAY).status
    assert plain.service is ServiceStatus.SUSPENDED and plain.reason is SuspendReason.NOT_ELIGIBLE


def test_the_daily_run_is_idempotent(demo_db, clock):
    cp.run_daily(TODAY, clock)
    entries, states = (
        BalanceEntry.select().count(),
        [a.state for a in PlanAccount.select().order_by(PlanAccount.id)],
    )
    again = cp.run_daily(TODAY, clock)
    assert again.accounts == 0 and again.entries == 0
    assert BalanceEntry.select().count() == entries
    assert [a.state for a in PlanAccount.select().order_by(PlanAccount.id)] == states


def _ledgers_and_states() -> tuple[list[tuple], list[tuple]]:
    entries = [
        (e.customer.account_number, e.entry_key, e.amount_minor)
        for e in BalanceEntry.select().order_by(BalanceEntry.customer, BalanceEntry.entry_key)
    ]
    states = [
        (a.customer.account_number, a.state) for a in PlanAccount.select().order_by(PlanAccount.customer)
    ]
    return entries, states


def test_missed_days_are_caught_up_in_order_like_day_by_day(demo_db, clock, tmp_path):
    from konnect_pos.services import demo
    from konnect_pos.store.schema import open_database

    cp.run_daily(TODAY + timedelta(days=6), clock)  # the laptop was off for six days
    caught_up = _ledgers_and_states()
    status = cp.plan_status(LAPSED, TODAY + timedelta(days=6)).status
    assert status.service is ServiceStatus.SUSPENDED  # 3 USD paid three Connect+ days, then nothing
    fees = [key for account, key, _ in caught_up[0] if account == LAPSED and key.startswith("connect-plus")]
    assert fees == [f"connect-plus-fee:{(TODAY + timedelta(days=n)).isoformat()}" for n in range(3)]

    open_database(f"sqlite:///{tmp_path / 'day-by-day.db'}")
    demo.seed(clock, customers=200)
    for n in range(7):
        cp.run_daily(TODAY + timedelta(days=n), clock)
    assert _ledgers_and_states() == caught_up


def test_a_top_up_covering_the_fee_renews_at_once_and_is_a_sale(counter, clock):
    cp.run_daily(TODAY, clock)
    before = Sale.select().count()
    result = cp.top_up_balance(
        counter, LAPSED, "25", [MobileMoneyTender("mpesa", "QK7AB12CD3", "0812345678", None)]
    )
    assert result.outcome.renewed
    assert result.status.service is ServiceStatus.PLAN
    assert result.status.paid_until == TODAY + timedelta(days=29)
    # 3 + 25 − today's Connect+ fee refunded − the 25 fee = 3
    assert result.balance == usd("3")
    assert Sale.select().count() == before + 1
    sale = Sale.get(Sale.receipt_number == result.receipt_number)
    assert sale.total_minor == 2500 and sale.vat_minor == 0
    assert JournalEntry.select().where(JournalEntry.record_uuid == sale.uuid).exists()
    assert OutboxEvent.select().where(OutboxEvent.record_uuid == sale.uuid).exists()
    assert verify().problems == []  # the journal's sale, top-up included, matches the rows


def test_a_small_top_up_on_a_suspended_account_activates_connect_plus(counter, clock):
    cp.run_daily(TODAY + timedelta(days=3), clock)  # balance used up on the 22nd
    clock.advance(days=3)
    from tests.support import next_business_day

    next_business_day(clock, days=0)
    counter = sign_in("KIN01-T1", "cashier", "1111", clock)
    assert cp.plan_status(LAPSED, TODAY + timedelta(days=3)).status.service is ServiceStatus.SUSPENDED
    result = cp.top_up_balance(counter, LAPSED, "2", [CashTender(usd("2"))])
    assert result.status.service is ServiceStatus.CONNECT_PLUS
    assert result.balance == usd("1")


@pytest.mark.parametrize(
    ("amount", "error", "message"),
    [
        ("", ValidationError, "Enter an amount"),
        ("-5", ValidationError, "more than zero"),
        ("0", ValidationError, "more than zero"),
        ("12,345,678,901,234,567", ValidationError, "too large"),
        ("abc", ValidationError, "Not an amount"),
        ("1.234", ValidationError, "decimals"),
        (Money.of("5", "CDF"), CurrencyMismatch, "in USD"),
    ],
)
def test_bad_top_ups_change_nothing(counter, clock, amount, error, message):
    before = (Sale.select().count(), BalanceEntry.select().count(), JournalEntry.select().count())
    with pytest.raises(error, match=message):
        cp.top_up_balance(counter, LAPSED, amount, [CashTender(usd("100"))])
    assert (Sale.select().count(), BalanceEntry.select().count(), JournalEntry.select().count()) == before


def test_top_up_of_an_unknown_account_or_one_without_a_plan(counter):
    with pytest.raises(NotFound, match="No customer"):
        cp.top_up_balance(counter, "CD99999999", "5", [CashTender(usd("5"))])
    with pytest.raises(NotFound, match="has no plan"):
        cp.top_up_balance(counter, "CD00000013", "5", [CashTender(usd("5"))])


def test_underpaid_top_up_is_refused_and_writes_nothing(counter):
    before = BalanceEntry.select().count()
    with pytest.raises(KonnectError):
        cp.top_up_balance(counter, LAPSED, "10", [CashTender(usd("5"))])
    assert BalanceEntry.select().count() == before


def test_opt_out_stops_connect_plus_and_is_journaled(counter, clock):
    cp.run_daily(TODAY, clock)
    status = cp.set_opt(counter, LAPSED, opted_in=False)
    assert status.opted_out and status.service is ServiceStatus.SUSPENDED
    assert JournalEntry.select().where(JournalEntry.kind == "connect_plus_opt_out").count() == 1
    cp.run_daily(TODAY + timedelta(days=1), clock)
    assert cp.plan_status(LAPSED, TODAY + timedelta(days=1)).status.reason is SuspendReason.OPTED_OUT
    back = cp.set_opt(counter, LAPSED, opted_in=True)
    assert not back.opted_out


def test_opt_in_on_a_plan_without_connect_plus_is_refused(counter):
    with pytest.raises(ValidationError, match="has no Connect"):
        cp.set_opt(counter, PLAIN, opted_in=True)


@pytest.fixture
def cp_store(database):
    """Five Kinshasa customers on either backend; each hypothesis example runs in a transaction
    rolled back at its end, so every example starts from this same store."""
    from datetime import UTC, datetime

    from konnect_pos.services import demo
    from tests.support import ManualClock

    demo.seed(ManualClock(datetime(2026, 11, 20, 9, 30, tzinfo=UTC)), customers=5, only_country="CD")
    return database


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    steps=st.lists(
        st.tuples(
            st.integers(0, 3), st.sampled_from(["run", "top_up", "opt_in", "opt_out"]), st.integers(1, 30)
        ),
        min_size=1,
        max_size=12,
    )
)
def test_store_level_properties(cp_store, steps):
    """Through services and a real store (SQLite and PostgreSQL): ≤ 10 activations in any 30
    days, never active below the daily fee, no fee twice for a period or day, the daily run
    idempotent."""
    from datetime import UTC, datetime

    from tests.support import ManualClock, next_business_day

    clock = ManualClock(datetime(2026, 11, 20, 9, 30, tzinfo=UTC))
    with cp_store.atomic() as example:
        try:
            _run_store_steps(clock, steps, next_business_day)
        finally:
            example.rollback()


def _run_store_steps(clock, steps, next_business_day) -> None:
    day = TODAY
    lapsed = Customer.select().where(Customer.country == "CD").order_by(Customer.id).offset(1).first()
    customer_id, account = lapsed.id, lapsed.account_number
    counter = None
    for gap, action, amount in steps:
        if gap:
            day += timedelta(days=gap)
            clock.advance(days=gap)
            next_business_day(clock, days=0)
        if gap or counter is None:  # a PIN check costs a deliberate key stretch: once a day
            counter = sign_in("KIN01-T1", "cashier", "1111", clock)
        if action == "run":
            cp.run_daily(day, clock)
            keys = BalanceEntry.select().count()
            assert cp.run_daily(day, clock).entries == 0 and BalanceEntry.select().count() == keys
        elif action == "top_up":
            cp.top_up_balance(counter, account, str(amount), [CashTender(usd(str(amount)))])
        else:
            cp.set_opt(counter, account, opted_in=action == "opt_in")
        status = cp.plan_status(account, day).status
        assert status.activations_used <= 10
        entries = list(
            BalanceEntry.select().where(BalanceEntry.customer == customer_id).order_by(BalanceEntry.id)
        )
        keys = [entry.entry_key for entry in entries]
        assert len(keys) == len(set(keys))
        assert cp.balance(account)[0].amount >= 0
        # Never active below the fee: each Connect+ day was paid in advance from a balance that
        # held the whole fee, and a day shown as Connect+ after the day's run has its fee.
        for index, entry in enumerate(entries):
            if entry.kind == "connect_plus_fee":
                before = sum(earlier.amount_minor for earlier in entries[:index])
                assert before >= -entry.amount_minor > 0, (entry.day, before)
        if action == "run" and status.service is ServiceStatus.CONNECT_PLUS:
            paid = {entry.period_start for entry in entries if entry.kind == "connect_plus_fee"}
            assert day.isoformat() in paid, day


def _pdf_text(pdf: bytes) -> str:
    import io

    from pypdf import PdfReader

    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_top_up_receipt_states_the_new_balance_and_what_it_triggered(counter, clock):
    from konnect_pos.services.receipts import receipt_pdf

    cp.run_daily(TODAY, clock)
    renewed = cp.top_up_balance(counter, LAPSED, "25", [CashTender(usd("25"))])
    text = _pdf_text(receipt_pdf(counter, renewed.receipt_number, language="en"))
    assert "Balance top-up" in text and "New balance: $3.00" in text
    assert "Plan Salom+ 30 renewed until 19 Dec 2026" in text
    assert "VAT 0 %" in text
    french = _pdf_text(receipt_pdf(counter, renewed.receipt_number, language="fr", copy=True))
    assert "Nouveau solde" in french and "renouvelé jusqu" in french

    cp.run_daily(TODAY + timedelta(days=33), clock)  # lapsed on 20 Dec, three Connect+ days spent the 3
    clock.advance(days=33)
    from tests.support import next_business_day

    next_business_day(clock, days=0)
    counter = sign_in("KIN01-T1", "cashier", "1111", clock)
    plus = cp.top_up_balance(counter, LAPSED, "2", [CashTender(usd("2"))])
    text = _pdf_text(receipt_pdf(counter, plus.receipt_number, language="en"))
    assert "Connect+ active: $1.00 per day" in text


def test_the_commands(demo_db, db_url, capsys, monkeypatch):
    from konnect_pos.cli import main

    monkeypatch.setenv("KONNECT_POS_USER", "cashier")
    monkeypatch.setenv("KONNECT_POS_PIN", "1111")
    monkeypatch.setenv("KONNECT_POS_TERMINAL", "KIN01-T1")
    assert main(["run-daily", "--date", TODAY.isoformat(), "--db", db_url]) == 0
    assert "Daily run 2026-11-20" in capsys.readouterr().out
    assert main(["connectplus", "status", LAPSED, "--date", TODAY.isoformat(), "--db", db_url]) == 0
    assert "Connect+ active since 2026-11-20" in capsys.readouterr().out
    assert main(["balance", LAPSED, "--db", db_url]) == 0
    assert f"Balance of {LAPSED}: $2.00" in capsys.readouterr().out
    assert main(["connectplus", "opt-out", LAPSED, "--db", db_url]) == 0
    assert "opted out" in capsys.readouterr().out
    assert main(["topup", LAPSED, "0", "--pay", "cash:5", "--db", db_url]) == 2
    assert "more than zero" in capsys.readouterr().err
    assert main(["balance", "CD99999999", "--db", db_url]) == 2


def test_the_demo_plans_are_dated_by_each_countrys_own_day_not_utcs(tmp_path):
    """At 23:30 UTC it is already the 30th in Kinshasa: the counter sees the "lapsed yesterday"
    account lapsed on the 29th (one Connect+ day from its 3 USD), as at any other hour. Seeded on
    the UTC date, it had lapsed two days before and showed $1.00, and three GUI tests failed
    every night between 23:00 and midnight UTC."""
    from datetime import UTC, datetime

    from konnect_pos.services import demo
    from konnect_pos.store.schema import open_database
    from tests.support import ManualClock

    database = open_database(f"sqlite:///{tmp_path / 'late.db'}")
    try:
        demo.seed(ManualClock(datetime(2026, 11, 29, 23, 30, tzinfo=UTC)), customers=12)
        kinshasa_today = date(2026, 11, 30)
        assert cp.plan_status(RENEWS, kinshasa_today).status.paid_until == kinshasa_today + timedelta(days=10)
        lapsed = cp.plan_status(LAPSED, kinshasa_today).status
        assert lapsed.service is ServiceStatus.CONNECT_PLUS and lapsed.balance == usd("2")
    finally:
        database.close()


def test_connectplus_status_without_a_date_is_the_accounts_own_day_not_utcs(
    demo_db, db_url, capsys, monkeypatch
):
    """At 23:30 UTC on 30 November it is already 1 December in Kinshasa, the day the plan renews."""
    from datetime import UTC, datetime

    from konnect_pos.cli import main
    from konnect_pos.services import clock as clocks

    def status(*extra: str) -> str:
        assert main(["connectplus", "status", RENEWS, "--db", db_url, *extra]) == 0
        return capsys.readouterr().out

    utc_day, local_day = status("--date", "2026-11-30"), status("--date", "2026-12-01")
    assert utc_day != local_day  # paid until the 30th; renewed on the 1st
    monkeypatch.setattr(clocks, "system_clock", lambda: datetime(2026, 11, 30, 23, 30, tzinfo=UTC))
    assert status() == local_day


@pytest.mark.parametrize("charged", [True, False])
def test_a_state_read_without_its_ledger_then_given_it_is_the_state_read_with_it(charged):
    import json

    from konnect_pos.domain.balance import EntryKind, Ledger, LedgerEntry, top_up
    from konnect_pos.domain.connect_plus import AccountPlanState
    from konnect_pos.services.plans.state import dump_state, state_of, with_ledger

    day = date(2026, 11, 20)
    fee = LedgerEntry(
        "connect-plus-fee:2026-11-20",
        day,
        EntryKind.CONNECT_PLUS_FEE,
        Money.of("-0.5", "USD"),
        period_start=day,
        period_end=day,
    )
    ledger = Ledger("USD", (top_up("t1", day, Money.of(3, "USD")), fee))
    state = AccountPlanState(
        last_processed_day=day,
        service=ServiceStatus.CONNECT_PLUS,
        reason=None,
        lapsed_on=day,
        connect_plus_since=day,
        activations=(day,),
        daily_fee_charged=fee if charged else None,
    )
    raw = json.loads(dump_state(state))
    assert with_ledger(state_of(raw, None), raw, ledger) == state_of(raw, ledger) == state
