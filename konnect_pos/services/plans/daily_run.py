"""The daily run: every plan account caught up to a day, idempotently, in chunks."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from konnect_pos.domain import connect_plus as engine
from konnect_pos.domain.connect_plus import PlanTerms
from konnect_pos.services import journal
from konnect_pos.services.clock import Clock
from konnect_pos.services.outlets import get_terminal
from konnect_pos.services.plans.deciding import Decided, Deciders, Job
from konnect_pos.services.plans.ledger import ENTRY_COLUMNS, LEDGER_COLUMNS
from konnect_pos.services.plans.state import dump_state, state_of
from konnect_pos.services.plans.terms import plan_terms
from konnect_pos.store import statements
from konnect_pos.store.database import db, write_transaction
from konnect_pos.store.models import BalanceEntry, Plan, PlanAccount, Terminal

RUN_CHUNK = 2_000
PARALLEL_FROM = 20_000  # accounts: below this, starting a second process costs more than it saves


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
    processes: int | None = None,
) -> DailyRunSummary:
    """Every plan account processed through ``day``; missed days are caught up in order.

    Running it again for the same day changes nothing (accounts already at ``day`` are not read).
    One transaction per chunk of accounts: a crash leaves whole accounts done or not done.
    The fees and refunds it writes are journaled under ``terminal`` (default: the database's
    first terminal), in the chunk's transaction and with the same bulk insert, so they reach HQ.
    ``processes``: how many decide the busy accounts (default: two from ``PARALLEL_FROM``
    accounts on a machine with two cores or more, else one).
    """
    run_by = _run_terminal(terminal)
    target = day.isoformat()
    pending = PlanAccount.select(PlanAccount.id).where(
        PlanAccount.last_processed_day.is_null() | (PlanAccount.last_processed_day < target)
    )
    sql, params = pending.order_by(PlanAccount.id).sql()
    ids = [account_id for (account_id,) in db.execute_sql(sql, params)]
    total = len(ids)
    plans = {plan.id: plan_terms(plan) for plan in Plan.select()}
    if processes is None:
        processes = 2 if total >= PARALLEL_FROM and (os.cpu_count() or 1) > 1 else 1
    done = days = renewed = cp_days = written = 0
    with Deciders(processes) as deciders:
        for chunk in _chunks(ids, RUN_CHUNK):
            now = clock()
            with write_transaction():
                quiet, busy = _read_chunk(chunk, plans, day)
                days += quiet.days
                decided = deciders.decide(busy, plans, day, now, BalanceEntry.recorded_at.db_value(now))
                quiet.extend(decided)
                _write(quiet, run_by)
                days += decided.days
                renewed += decided.renewed
                cp_days += decided.connect_plus_days
                written += len(decided.new_rows)
            done += len(chunk)
            if progress:
                progress(done, total)
    return DailyRunSummary(day, done, days, renewed, cp_days, written)


def _read_chunk(chunk: list[int], plans: dict[int, PlanTerms], day: date) -> tuple[Decided, list[Job]]:
    """The chunk's accounts as read: those a paid period covers, decided here without their
    ledger (``paid_through``); the others as jobs, each with its ledger rows and account number."""
    target = day.isoformat()
    rows = _rows_in(
        "SELECT id, customer_id, plan_id, subscribed_on, state, next_plan_id, next_plan_from"
        " FROM plan_account WHERE id IN ({})",
        chunk,
    )
    quiet = Decided()
    busy = []
    for account_id, customer_id, plan_id, subscribed_on, state_text, next_id, next_from in rows:
        raw = json.loads(state_text)
        state = state_of(raw, None)
        due = next_id is not None and date.fromisoformat(next_from) <= day
        decided = None if due else engine.paid_through(plans[plan_id], state, day)
        if decided is None:
            waiting = (next_id, next_from) if next_id else None
            busy.append((account_id, customer_id, plan_id, subscribed_on, raw, waiting))
            continue
        quiet.days += (day - state.last_processed_day).days
        quiet.updates.append((dump_state(decided, raw["daily_fee_charged"]), target, account_id))
    customers = list({row[1] for row in busy})
    ledgers: dict[int, list[tuple[Any, ...]]] = {customer_id: [] for customer_id in customers}
    sql = f"SELECT customer_id, {LEDGER_COLUMNS} FROM balance_entry WHERE customer_id IN ({{}}) ORDER BY id"
    for values in _rows_in(sql, customers):
        ledgers[values[0]].append(values[1:])
    numbers = dict(_rows_in("SELECT id, account_number FROM customer WHERE id IN ({})", customers))
    jobs: list[Job] = [(*row, ledgers[row[1]], numbers[row[1]]) for row in busy]
    return quiet, jobs


def _write(decided: Decided, run_by: int | None) -> None:
    mark = db.param
    cursor = db.cursor()
    statements.insert_many("balance_entry", ENTRY_COLUMNS, decided.new_rows)
    if decided.records and run_by is not None:
        journal.lock_terminal(run_by)
        journal.append_many(run_by, decided.records)
    cursor.executemany(
        f"UPDATE plan_account SET state = {mark}, last_processed_day = {mark} WHERE id = {mark}",
        decided.updates,
    )
    if decided.switches:
        cursor.executemany(
            f"UPDATE plan_account SET plan_id = {mark}, next_plan_id = NULL, next_plan_from = NULL"
            f" WHERE id = {mark}",
            decided.switches,
        )


def _run_terminal(label: str | None) -> int | None:
    """The terminal whose journal carries the run's entries; None in a database without terminals."""
    if label is not None:
        return get_terminal(label).id
    first = Terminal.select(Terminal.id).order_by(Terminal.id).first()
    return first.id if first else None


def _rows_in(sql: str, ids: list[int]) -> list[tuple[Any, ...]]:
    """A statement with one ``IN ({})`` list of ids, run raw: for the daily run's chunks of
    thousands of ids, peewee building the SQL and the rows cost more than the query itself."""
    if not ids:
        return []
    return db.execute_sql(sql.format(", ".join([db.param] * len(ids))), ids).fetchall()


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
