"""Balance, auto-renewing plans and Connect+ at the counter and in the daily run (RULES.md §2).

The decisions are the pure engine's (``domain/connect_plus.py``); this module stores them:
the ledger rows (append-only, unique key per account), the engine state per account (JSON),
a top-up as a sale like any other (receipt number, payments, journal, outbox), opt-in/out
journaled, and ``run_daily`` which catches every account up to a day, idempotently.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from konnect_pos.documents.receipt_data import ReceiptTopUp
from konnect_pos.domain import connect_plus as engine
from konnect_pos.domain.balance import EntryKind, Ledger, LedgerEntry, adjustment, top_up
from konnect_pos.domain.errors import CurrencyMismatch, NotFound, StateError, ValidationError
from konnect_pos.domain.money import Money, parse_amount
from konnect_pos.domain.payments import Tender
from konnect_pos.domain.roles import Right
from konnect_pos.domain.top_up_advice import TopUpAdvice, advise_top_up
from konnect_pos.services import journal
from konnect_pos.services.checkout import commit_sale, top_up_payload
from konnect_pos.services.clock import Clock
from konnect_pos.services.customers import customer_row
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.outlets import get_terminal
from konnect_pos.services.session import Counter
from konnect_pos.store.database import db, write_transaction
from konnect_pos.store.models import BalanceEntry, Customer, Outlet, Plan, PlanAccount, Sale, Terminal

RUN_CHUNK = 2_000


# --- plans and state ---------------------------------------------------------------------


def plan_terms(plan: Plan) -> engine.PlanTerms:
    currency = plan.currency

    def money(minor: int | None) -> Money | None:
        return None if minor is None else Money.from_minor(minor, currency)

    connect_plus = None
    if plan.cp_daily_fee_minor is not None:
        connect_plus = engine.ConnectPlusTerms(
            daily_fee=Money.from_minor(plan.cp_daily_fee_minor, currency),
            daily_data_mb=plan.cp_daily_data_mb,
            max_activations=plan.cp_max_activations,
            activation_window_days=plan.cp_window_days,
            grace_days=plan.cp_grace_days,
            offnet_minute_rate=money(plan.cp_offnet_minute_minor),
            sms_rate=money(plan.cp_sms_minor),
        )
    return engine.PlanTerms(
        plan.code, plan.name, Money.from_minor(plan.fee_minor, currency), plan.period_days, connect_plus
    )


def add_plan(code: str, name: str, country: str, fee: Money, period_days: int) -> Plan:
    """A plan with the published Connect+ terms when its name is in the eligible family."""
    terms = engine.PlanTerms(
        code, name, fee, period_days, engine.published_connect_plus(name, fee.currency)
    )  # validates
    cp = terms.connect_plus

    def minor(value: Money | None) -> int | None:
        return None if value is None else value.to_minor()

    return Plan.create(
        code=code,
        name=name,
        country=country,
        currency=fee.currency,
        fee_minor=fee.to_minor(),
        period_days=period_days,
        cp_daily_fee_minor=minor(cp.daily_fee) if cp else None,
        cp_daily_data_mb=cp.daily_data_mb if cp else None,
        cp_max_activations=cp.max_activations if cp else None,
        cp_window_days=cp.activation_window_days if cp else None,
        cp_grace_days=cp.grace_days if cp else None,
        cp_offnet_minute_minor=minor(cp.offnet_minute_rate) if cp else None,
        cp_sms_minor=minor(cp.sms_rate) if cp else None,
    )


def _dump_state(state: engine.AccountPlanState, charged_key: str | None = None) -> str:
    """JSON of the state; ``charged_key`` stands in for ``daily_fee_charged`` when the state was
    read without its ledger (the daily run's shortcut for paid periods)."""

    def day(value: date | None) -> str | None:
        return value.isoformat() if value else None

    return json.dumps(
        {
            "paid_until": day(state.paid_until),
            "last_processed_day": day(state.last_processed_day),
            "service": state.service.value,
            "reason": state.reason.value if state.reason else None,
            "lapsed_on": day(state.lapsed_on),
            "connect_plus_since": day(state.connect_plus_since),
            "activations": [d.isoformat() for d in state.activations],
            "opted_out": state.opted_out,
            "daily_fee_charged": state.daily_fee_charged.key if state.daily_fee_charged else charged_key,
        },
        sort_keys=True,
    )


def _load_state(text: str, ledger: Ledger | None) -> engine.AccountPlanState:
    """The stored state; without a ledger, ``daily_fee_charged`` is left out (see _dump_state)."""
    return _state_of(json.loads(text), ledger)


def _state_of(raw: dict[str, Any], ledger: Ledger | None) -> engine.AccountPlanState:
    def day(value: str | None) -> date | None:
        return date.fromisoformat(value) if value else None

    charged = raw["daily_fee_charged"]
    return engine.AccountPlanState(
        paid_until=day(raw["paid_until"]),
        last_processed_day=day(raw["last_processed_day"]),
        service=engine.ServiceStatus(raw["service"]),
        reason=engine.SuspendReason(raw["reason"]) if raw["reason"] else None,
        lapsed_on=day(raw["lapsed_on"]),
        connect_plus_since=day(raw["connect_plus_since"]),
        activations=tuple(date.fromisoformat(d) for d in raw["activations"]),
        opted_out=raw["opted_out"],
        daily_fee_charged=ledger.entry(charged) if charged and ledger else None,
    )


def _entry(row: BalanceEntry) -> LedgerEntry:
    return _entry_of(tuple(getattr(row, field.name) for field in LEDGER_FIELDS))


def _entry_values(customer_id: int, entry: LedgerEntry, recorded_at: Any, sale_id: int | None = None) -> dict:
    return {
        "customer": customer_id,
        "entry_key": entry.key,
        "day": entry.day.isoformat(),
        "kind": entry.kind.value,
        "currency": entry.amount.currency,
        "amount_minor": entry.amount.to_minor(),
        "corrects": entry.corrects,
        "note": entry.note,
        "period_start": entry.period_start.isoformat() if entry.period_start else None,
        "period_end": entry.period_end.isoformat() if entry.period_end else None,
        "recorded_at": recorded_at,
        "sale": sale_id,
    }


def ledger_of(customer_id: int, currency: str) -> Ledger:
    rows = BalanceEntry.select().where(BalanceEntry.customer == customer_id).order_by(BalanceEntry.id)
    return Ledger(currency, tuple(_entry(row) for row in rows))


@dataclass(frozen=True, slots=True)
class _Account:
    customer: Customer
    row: PlanAccount
    terms: engine.PlanTerms
    ledger: Ledger
    state: engine.AccountPlanState


def _account(account_number: str) -> _Account:
    customer = customer_row(account_number)
    row = PlanAccount.get_or_none(PlanAccount.customer == customer.id)
    if row is None:
        raise NotFound(
            "Account {account} has no plan with a balance", field="account", account=customer.account_number
        )
    terms = plan_terms(row.plan)
    ledger = ledger_of(customer.id, terms.currency)
    return _Account(customer, row, terms, ledger, _load_state(row.state, ledger))


def entry_payload(account_number: str, entry: LedgerEntry) -> dict[str, Any]:
    """A ledger entry's journal content (HQ's ``balance_entry``; a top-up's credit rides in its sale)."""
    return {
        "uuid": new_uuid(),
        "customer": account_number,
        "key": entry.key,
        "day": entry.day.isoformat(),
        "kind": entry.kind.value,
        "currency": entry.amount.currency,
        "amount_minor": entry.amount.to_minor(),
        "corrects": entry.corrects,
        "period_start": entry.period_start.isoformat() if entry.period_start else None,
        "period_end": entry.period_end.isoformat() if entry.period_end else None,
    }


def _journal_entries(terminal_id: int, account_number: str, entries: Sequence[LedgerEntry], at: Any) -> None:
    if not entries:
        return
    journal.lock_terminal(terminal_id)
    for entry in entries:
        payload = entry_payload(account_number, entry)
        journal.append(terminal_id, "balance_entry", payload["uuid"], at, payload)


def _store(account: _Account, outcome: engine.DayOutcome, recorded_at: Any, terminal_id: int) -> None:
    for entry in outcome.entries:
        BalanceEntry.create(**_entry_values(account.customer.id, entry, recorded_at))
    _journal_entries(terminal_id, account.customer.account_number, outcome.entries, recorded_at)
    last = outcome.state.last_processed_day
    PlanAccount.update(
        state=_dump_state(outcome.state), last_processed_day=last.isoformat() if last else None
    ).where(PlanAccount.id == account.row.id).execute()


def local_day(counter: Counter) -> date:
    return counter.clock().astimezone(ZoneInfo(counter.terminal.outlet.zone)).date()


def _event_day(account: _Account, today: date) -> date:
    """The day a counter event belongs to: today, or the account's day if a daily run has
    already processed it further (HQ's run ahead of this counter's clock)."""
    last = account.state.last_processed_day
    return max(today, last) if last else today


def subscribe(account_number: str, plan_code: str, *, on: date, paid_until: date | None = None) -> None:
    """Put a customer on a plan (demo and tests; plan sales themselves are outside the POS)."""
    customer = customer_row(account_number)
    plan = Plan.get_or_none(Plan.code == plan_code)
    if plan is None:
        raise NotFound("No plan with code {code}", field="plan", code=plan_code)
    state = (
        engine.AccountPlanState.paid(paid_until, processed_through=on - timedelta(days=1))
        if paid_until
        else engine.AccountPlanState(last_processed_day=on - timedelta(days=1))
    )
    with write_transaction():
        PlanAccount.create(
            customer=customer.id,
            plan=plan.id,
            subscribed_on=on.isoformat(),
            state=_dump_state(state),
            last_processed_day=state.last_processed_day.isoformat() if state.last_processed_day else None,
        )


# --- status ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlanStatus:
    account_number: str
    plan_code: str
    plan_name: str
    plan_fee: Money
    period_days: int
    status: engine.ConnectPlusStatus
    daily_fee: Money | None
    top_up: TopUpAdvice  # what a top-up does today: the top-up dialog shows it


def plan_status(account_number: str, day: date) -> PlanStatus | None:
    """The counter's view of the account's plan and Connect+; None for a customer without a plan."""
    try:
        account = _account(account_number)
    except NotFound:
        if Customer.get_or_none(Customer.account_number == account_number) is None:
            raise
        return None
    state, ledger = account.state, account.ledger
    last = state.last_processed_day
    if last is not None and last < day:  # as today's run will decide it (nothing is stored here)
        run = engine.run_days(account.terms, state, ledger, [], last + timedelta(days=1), day)
        state, ledger = run.state, run.ledger
    cp = account.terms.connect_plus
    return PlanStatus(
        account_number=account.customer.account_number,
        plan_code=account.terms.code,
        plan_name=account.terms.name,
        plan_fee=account.terms.fee,
        period_days=account.terms.period_days,
        status=engine.status(account.terms, state, ledger.balance, day),
        daily_fee=cp.daily_fee if cp else None,
        top_up=advise_top_up(account.terms, state, ledger.balance, day),
    )


def balance(account_number: str) -> tuple[Money, tuple[tuple[LedgerEntry, Money], ...]]:
    """The balance and every ledger entry with the running balance after it."""
    account = _account(account_number)
    return account.ledger.balance, account.ledger.running_balances()


# --- top-up ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TopUpResult:
    receipt_number: str
    amount: Money
    balance: Money
    charged: Money
    change: Money
    outcome: engine.DayOutcome
    status: engine.ConnectPlusStatus


def parse_top_up(text: str | Money, currency: str) -> Money:
    if isinstance(text, Money):
        amount = text
        if amount.currency != currency:
            raise CurrencyMismatch(
                "This account's balance is in {currency}", field="amount", currency=currency
            )
    else:
        amount = Money(parse_amount(text), currency)
    if amount.amount <= 0:
        raise ValidationError("A top-up must be more than zero", field="amount")
    return amount


def top_up_balance(
    counter: Counter,
    account_number: str,
    amount: str | Money,
    tenders: Sequence[Tender],
    *,
    language: str | None = None,
) -> TopUpResult:
    """Money into the balance as a sale (receipt, payments, journal, outbox), then the engine's
    decision at once: renewed if the fee is covered, Connect+ if the daily fee is."""
    counter.require(Right.SELL)
    at = counter.clock()
    with write_transaction():
        account = _account(account_number)
        day = _event_day(account, local_day(counter))
        value = parse_top_up(amount, account.terms.currency)
        key = f"top-up:{new_uuid()}"
        credit = top_up(key, day, value, note="counter")
        outcome_box: list[engine.DayOutcome] = []

        def write(sale_id: int) -> tuple[list, dict[str, Any]]:
            current = _caught_up(account, day, at, counter.terminal.id)
            row = BalanceEntry.create(**_entry_values(account.customer.id, credit, at, sale_id))
            ledger = current.ledger.append(credit)
            outcome = engine.apply_top_up(current.terms, current.state, ledger.balance, day)
            _store(current, outcome, at, counter.terminal.id)
            outcome_box.append(outcome)
            return [], top_up_payload(row)

        committed = commit_sale(
            counter, account.customer, value, Money.zero(value.currency), [*tenders], at,
            language=language, write_lines=write,
        )  # fmt: skip
    outcome = outcome_box[0]
    final = _account(account_number)
    return TopUpResult(
        receipt_number=committed.receipt_number,
        amount=value,
        balance=final.ledger.balance,
        charged=committed.settlement.charged,
        change=committed.settlement.change,
        outcome=outcome,
        status=engine.status(final.terms, final.state, final.ledger.balance, day),
    )


def _caught_up(account: _Account, day: date, at: Any, terminal_id: int) -> _Account:
    """Days missed before ``day`` are processed first (the laptop was off), their fees stored."""
    last = account.state.last_processed_day
    if last is None or last >= day - timedelta(days=1):
        return account
    run = engine.run_days(
        account.terms, account.state, account.ledger, [], last + timedelta(days=1), day - timedelta(days=1)
    )
    for entry in run.new_entries:
        BalanceEntry.create(**_entry_values(account.customer.id, entry, at))
    _journal_entries(terminal_id, account.customer.account_number, run.new_entries, at)
    return replace(account, ledger=run.ledger, state=run.state)


def top_up_effect(sale: Sale) -> ReceiptTopUp | None:
    """What a top-up sale did, read back from the ledger rows written in its transaction
    (so a reprint months later still says what happened then); None for other sales."""
    credit = BalanceEntry.get_or_none(BalanceEntry.sale == sale)
    if credit is None:
        return None
    row = PlanAccount.get(PlanAccount.customer == credit.customer_id)
    terms = plan_terms(row.plan)
    same_moment = BalanceEntry.select().where(
        (BalanceEntry.customer == credit.customer_id) & (BalanceEntry.recorded_at == credit.recorded_at)
    )
    written = [_entry(entry) for entry in same_moment.order_by(BalanceEntry.id)]
    last_id = max(entry.id for entry in same_moment)
    through = BalanceEntry.select().where(
        (BalanceEntry.customer == credit.customer_id) & (BalanceEntry.id <= last_id)
    )
    balance_after = Ledger(
        terms.currency, tuple(_entry(entry) for entry in through.order_by(BalanceEntry.id))
    )
    renewal = next((e for e in written if e.kind is EntryKind.PLAN_FEE and e.day == e.period_start), None)
    daily = next((e for e in written if e.kind is EntryKind.CONNECT_PLUS_FEE), None)
    return ReceiptTopUp(
        amount=Money.from_minor(credit.amount_minor, credit.currency),
        balance_after=balance_after.balance,
        plan_name=terms.name,
        renewed_until=renewal.period_end if renewal else None,
        connect_plus_fee=-daily.amount if daily and renewal is None else None,
    )


# --- opt in / out ------------------------------------------------------------------------


def set_opt(counter: Counter, account_number: str, opted_in: bool) -> engine.ConnectPlusStatus:
    """``*257*7#`` / ``*257*8#`` at the counter, journaled with who did it."""
    counter.require(Right.SELL)
    at = counter.clock()
    with write_transaction():
        account = _account(account_number)
        day = _event_day(account, local_day(counter))
        if account.terms.connect_plus is None:
            raise ValidationError("Plan {plan} has no Connect+", field="plan", plan=account.terms.name)
        current = _caught_up(account, day, at, counter.terminal.id)
        apply = engine.apply_opt_in if opted_in else engine.apply_opt_out
        outcome = apply(current.terms, current.state, current.ledger.balance, day)
        _store(current, outcome, at, counter.terminal.id)
        journal.lock_terminal(counter.terminal.id)
        kind = "connect_plus_opt_in" if opted_in else "connect_plus_opt_out"
        journal.append(
            counter.terminal.id,
            kind,
            new_uuid(),
            at,
            {
                "customer": account.customer.account_number,
                "user": counter.user.username,
                "day": day.isoformat(),
            },
        )
    final = _account(account_number)
    return engine.status(final.terms, final.state, final.ledger.balance, day)


# --- the daily run ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DailyRunSummary:
    day: date
    accounts: int
    days_processed: int
    renewed: int
    connect_plus_days: int
    entries: int


def run_daily(
    day: date,
    clock: Clock,
    progress: Callable[[int, int], None] | None = None,
    *,
    terminal: str | None = None,
) -> DailyRunSummary:
    """Every plan account processed through ``day``; missed days are caught up in order.

    Running it again for the same day changes nothing (accounts already at ``day`` are not read).
    One transaction per chunk of accounts: a crash leaves whole accounts done or not done.
    The fees and refunds it writes are journaled under ``terminal`` (default: the database's
    first terminal), in the chunk's transaction and with the same bulk insert, so they reach HQ.
    """
    run_by = _run_terminal(terminal)
    target = day.isoformat()
    pending = PlanAccount.select(PlanAccount.id).where(
        PlanAccount.last_processed_day.is_null() | (PlanAccount.last_processed_day < target)
    )
    total = pending.count()
    plans = {plan.id: plan_terms(plan) for plan in Plan.select()}
    done = days = renewed = cp_days = written = 0
    for ids in _chunks(
        [account_id for (account_id,) in pending.order_by(PlanAccount.id).tuples()], RUN_CHUNK
    ):
        now = clock()
        with write_transaction():
            rows = _rows_in(
                "SELECT id, customer_id, plan_id, subscribed_on, state FROM plan_account WHERE id IN ({})",
                ids,
            )
            updates: list[tuple[str, str, int]] = []
            busy = []
            for account_id, customer_id, plan_id, subscribed_on, state_text in rows:
                raw = json.loads(state_text)
                state = _state_of(raw, None)
                quiet = engine.paid_through(plans[plan_id], state, day)
                if quiet is None:
                    busy.append((account_id, customer_id, plan_id, subscribed_on, raw))
                    continue
                days += (day - state.last_processed_day).days
                updates.append((_dump_state(quiet, raw["daily_fee_charged"]), target, account_id))
            entries: dict[int, list[LedgerEntry]] = {row[1]: [] for row in busy}
            ledgers = f"SELECT customer_id, {LEDGER_COLUMNS} FROM balance_entry WHERE customer_id IN ({{}})"
            for values in _rows_in(f"{ledgers} ORDER BY id", list(entries)):
                entries[values[0]].append(_entry_of(values[1:]))
            new_rows: list[tuple[Any, ...]] = []
            stored_now = BalanceEntry.recorded_at.db_value(now)  # one conversion per chunk
            records: list[tuple[str, str, Any, dict[str, Any]]] = []
            numbers = dict(
                _rows_in("SELECT id, account_number FROM customer WHERE id IN ({})", list(entries))
            )
            for account_id, customer_id, plan_id, subscribed_on, raw in busy:
                terms = plans[plan_id]
                ledger = Ledger(terms.currency, tuple(entries[customer_id]))
                state = _state_of(raw, ledger)
                last = state.last_processed_day
                first = last + timedelta(days=1) if last else date.fromisoformat(subscribed_on)
                if first > day:
                    continue
                run = engine.run_days(terms, state, ledger, [], first, day)
                days += len(run.outcomes)
                renewed += sum(o.renewed for o in run.outcomes)
                cp_days += sum(o.status is engine.ServiceStatus.CONNECT_PLUS for o in run.outcomes)
                new_rows.extend(_entry_row(customer_id, e, stored_now) for e in run.new_entries)
                for entry in run.new_entries:
                    payload = entry_payload(numbers[customer_id], entry)
                    records.append(("balance_entry", payload["uuid"], now, payload))
                updates.append((_dump_state(run.state), target, account_id))
            mark = db.param
            cursor = db.cursor()
            if new_rows:
                columns, marks = ", ".join(ENTRY_COLUMNS), ", ".join(mark for _ in ENTRY_COLUMNS)
                cursor.executemany(f"INSERT INTO balance_entry ({columns}) VALUES ({marks})", new_rows)
            if records and run_by is not None:
                journal.lock_terminal(run_by)
                journal.append_many(run_by, records)
            cursor.executemany(
                f"UPDATE plan_account SET state = {mark}, last_processed_day = {mark} WHERE id = {mark}",
                updates,
            )
            written += len(new_rows)
        done += len(ids)
        if progress:
            progress(done, total)
    return DailyRunSummary(day, done, days, renewed, cp_days, written)


def _run_terminal(label: str | None) -> int | None:
    """The terminal whose journal carries the run's entries; None in a database without terminals."""
    if label is not None:
        return get_terminal(label).id
    first = Terminal.select(Terminal.id).order_by(Terminal.id).first()
    return first.id if first else None


LEDGER_FIELDS = (
    BalanceEntry.entry_key, BalanceEntry.day, BalanceEntry.kind, BalanceEntry.currency,
    BalanceEntry.amount_minor, BalanceEntry.corrects, BalanceEntry.note, BalanceEntry.period_start,
    BalanceEntry.period_end,
)  # fmt: skip
LEDGER_COLUMNS = ", ".join(field.column_name for field in LEDGER_FIELDS)


def _rows_in(sql: str, ids: list[int]) -> list[tuple[Any, ...]]:
    """A statement with one ``IN ({})`` list of ids, run raw: for the daily run's chunks of
    thousands of ids, peewee building the SQL and the rows cost more than the query itself."""
    if not ids:
        return []
    return db.execute_sql(sql.format(", ".join([db.param] * len(ids))), ids).fetchall()


ENTRY_COLUMNS = (
    "customer_id", "entry_key", "day", "kind", "currency", "amount_minor", "corrects", "note", "period_start",
    "period_end", "recorded_at",
)  # fmt: skip


def _entry_of(values: tuple[Any, ...]) -> LedgerEntry:
    key, day, kind, currency, amount_minor, corrects, note, period_start, period_end = values
    return LedgerEntry(
        key=key,
        day=date.fromisoformat(day),
        kind=EntryKind(kind),
        amount=Money.from_minor(amount_minor, currency),
        corrects=corrects,
        note=note,
        period_start=date.fromisoformat(period_start) if period_start else None,
        period_end=date.fromisoformat(period_end) if period_end else None,
    )


def _entry_row(customer_id: int, entry: LedgerEntry, stored_at: Any) -> tuple[Any, ...]:
    """The ``ENTRY_COLUMNS`` values of a new entry; ``stored_at`` already in its stored form."""
    return (
        customer_id,
        entry.key,
        entry.day.isoformat(),
        entry.kind.value,
        entry.amount.currency,
        entry.amount.to_minor(),
        entry.corrects,
        entry.note,
        entry.period_start.isoformat() if entry.period_start else None,
        entry.period_end.isoformat() if entry.period_end else None,
        stored_at,
    )


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- demo ------------------------------------------------------------------------------------

DEMO_PLANS = {  # country: (currency, Salom+ fee, plain plan fee): invented demo prices
    "TZ": ("TZS", "55000", "40000"),
    "CD": ("USD", "25", "18"),
    "CG": ("XAF", "15000", "11000"),
    "CI": ("XOF", "15000", "11000"),
}


def seed_demo_plans(countries: Sequence[str], today: date, recorded_at: Any) -> None:
    """Per country a "Salom+" plan (Connect+) and a plan without; the country's first three
    customers on them: paid for 10 more days with the fee in the balance (renews itself), lapsed
    yesterday with 3 days of Connect+ money, and on the plan without Connect+, lapsed."""
    for code in countries:
        currency, salom_fee, plain_fee = DEMO_PLANS[code]
        salom = add_plan(f"{code}-SALOM", "Salom+ 30", code, Money.of(salom_fee, currency), 30)
        add_plan(f"{code}-HOME", "Konnect Home 30", code, Money.of(plain_fee, currency), 30)
        daily = Money.from_minor(salom.cp_daily_fee_minor, currency)
        first = Customer.select().where(Customer.country == code).order_by(Customer.id).limit(3)
        for customer, (plan_code, paid_until, opening) in zip(
            first,
            (
                (f"{code}-SALOM", today + timedelta(days=10), Money.of(salom_fee, currency)),
                (f"{code}-SALOM", today - timedelta(days=1), daily * 3),
                (f"{code}-HOME", today - timedelta(days=1), Money.zero(currency)),
            ),
            strict=False,
        ):
            account = customer.account_number
            subscribe(account, plan_code, on=today, paid_until=paid_until)
            if opening.amount > 0:  # no money taken: an adjustment, journaled like the run's entries
                credit = adjustment(f"demo-opening:{account}", today, opening, "demo opening balance")
                with write_transaction():
                    BalanceEntry.create(**_entry_values(customer.id, credit, recorded_at))
                    _journal_entries(_demo_terminal(code), account, [credit], recorded_at)


def _demo_terminal(country: str) -> int:
    """The country's first terminal journals the demo's opening balances (a currency of its own)."""
    first = Terminal.select(Terminal.id).join(Outlet).where(Outlet.country == country).order_by(Terminal.id)
    return first.get().id


# --- reversal of a top-up (void or refund) ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class TopUpReversal:
    account_number: str
    amount: Money  # taken back out of the balance (positive)
    balance_after: Money
    entry_key: str


def reversal_key(record_uuid: str) -> str:
    """The balance entry of a void or refund is named after that correction (one per record)."""
    return f"reversal:{record_uuid}"


def reverse_top_up(
    sale: Sale, amount: Money, record_uuid: str, what: str, day: date, at: Any
) -> TopUpReversal | None:
    """Take a voided or refunded top-up back out of the balance, in the caller's transaction.

    A new adjustment entry names the top-up it corrects; the top-up itself is never touched.
    Refused when the balance no longer holds the amount (the credit already paid a renewal or
    Connect+ days): giving back money the customer has used would be a loss. None for a sale
    that is not a top-up.
    """
    credit = BalanceEntry.get_or_none(
        (BalanceEntry.sale == sale.id) & (BalanceEntry.kind == EntryKind.TOP_UP.value)
    )
    if credit is None:
        return None
    customer = Customer.get_by_id(credit.customer_id)
    ledger = ledger_of(credit.customer_id, credit.currency)
    if amount > ledger.balance:
        raise StateError(
            "Only {balance} of this top-up is left in the balance of {account} (already spent on the plan or"
            " Connect+): {amount} cannot be given back",
            field="amount",
            balance=str(ledger.balance if ledger.balance.amount > 0 else Money.zero(ledger.currency)),
            account=customer.account_number,
            amount=str(amount),
        )
    entry = adjustment(
        reversal_key(record_uuid), day, -amount, f"{what} of {sale.receipt_number}", corrects=credit.entry_key
    )
    after = ledger.append(entry)
    BalanceEntry.create(**_entry_values(credit.customer_id, entry, at))
    return TopUpReversal(customer.account_number, amount, after.balance, entry.key)
