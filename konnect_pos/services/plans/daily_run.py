"""The daily run: every plan account caught up to a day, idempotently, in chunks."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from konnect_pos.domain import connect_plus as engine
from konnect_pos.domain.balance import Ledger, LedgerEntry
from konnect_pos.domain.plan_change import run_with_change
from konnect_pos.services import journal
from konnect_pos.services.clock import Clock
from konnect_pos.services.outlets import get_terminal
from konnect_pos.services.plans.ledger import (
    ENTRY_COLUMNS,
    LEDGER_COLUMNS,
    entry_of,
    entry_payload,
    entry_row,
)
from konnect_pos.services.plans.state import dump_state, state_of, with_ledger
from konnect_pos.services.plans.terms import plan_terms
from konnect_pos.store import statements
from konnect_pos.store.database import db, write_transaction
from konnect_pos.store.models import BalanceEntry, Plan, PlanAccount, Terminal

RUN_CHUNK = 2_000


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
    sql, params = pending.order_by(PlanAccount.id).sql()
    for ids in _chunks([account_id for (account_id,) in db.execute_sql(sql, params)], RUN_CHUNK):
        now = clock()
        with write_transaction():
            rows = _rows_in(
                "SELECT id, customer_id, plan_id, subscribed_on, state, next_plan_id, next_plan_from"
                " FROM plan_account WHERE id IN ({})",
                ids,
            )
            switches: list[tuple[int, int]] = []  # (plan id, account id): a waiting change took over
            updates: list[tuple[str, str, int]] = []
            busy = []
            for account_id, customer_id, plan_id, subscribed_on, state_text, next_id, next_from in rows:
                raw = json.loads(state_text)
                state = state_of(raw, None)
                waiting = (plans[next_id], date.fromisoformat(next_from)) if next_id else None
                due = waiting is not None and waiting[1] <= day
                quiet = None if due else engine.paid_through(plans[plan_id], state, day)
                if quiet is None:
                    row = (account_id, customer_id, plan_id, subscribed_on, raw, state, waiting, next_id)
                    busy.append(row)
                    continue
                days += (day - state.last_processed_day).days
                updates.append((dump_state(quiet, raw["daily_fee_charged"]), target, account_id))
            entries: dict[int, list[LedgerEntry]] = {row[1]: [] for row in busy}
            ledgers = f"SELECT customer_id, {LEDGER_COLUMNS} FROM balance_entry WHERE customer_id IN ({{}})"
            for values in _rows_in(f"{ledgers} ORDER BY id", list(entries)):
                entries[values[0]].append(entry_of(values[1:]))
            new_rows: list[tuple[Any, ...]] = []
            stored_now = BalanceEntry.recorded_at.db_value(now)  # one conversion per chunk
            records: list[tuple[str, str, Any, dict[str, Any]]] = []
            numbers = dict(
                _rows_in("SELECT id, account_number FROM customer WHERE id IN ({})", list(entries))
            )
            for account_id, customer_id, plan_id, subscribed_on, raw, unread, waiting, next_id in busy:
                terms = plans[plan_id]
                ledger = Ledger(terms.currency, tuple(entries[customer_id]))
                state = with_ledger(unread, raw, ledger)
                last = state.last_processed_day
                first = last + timedelta(days=1) if last else date.fromisoformat(subscribed_on)
                if first > day:
                    continue
                run, switched = run_with_change(terms, waiting, state, ledger, first, day)
                if switched:
                    switches.append((next_id, account_id))
                days += len(run.outcomes)
                for outcome in run.outcomes:
                    renewed += outcome.renewed
                    cp_days += outcome.status is engine.ServiceStatus.CONNECT_PLUS
                new_entries = run.new_entries  # a property that builds the tuple on each read
                new_rows.extend(entry_row(customer_id, e, stored_now) for e in new_entries)
                for entry in new_entries:
                    payload = entry_payload(numbers[customer_id], entry)
                    records.append(("balance_entry", payload["uuid"], now, payload))
                updates.append((dump_state(run.state), target, account_id))
            mark = db.param
            cursor = db.cursor()
            statements.insert_many("balance_entry", ENTRY_COLUMNS, new_rows)
            if records and run_by is not None:
                journal.lock_terminal(run_by)
                journal.append_many(run_by, records)
            cursor.executemany(
                f"UPDATE plan_account SET state = {mark}, last_processed_day = {mark} WHERE id = {mark}",
                updates,
            )
            if switches:
                cursor.executemany(
                    f"UPDATE plan_account SET plan_id = {mark}, next_plan_id = NULL, next_plan_from = NULL"
                    f" WHERE id = {mark}",
                    switches,
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


def _rows_in(sql: str, ids: list[int]) -> list[tuple[Any, ...]]:
    """A statement with one ``IN ({})`` list of ids, run raw: for the daily run's chunks of
    thousands of ids, peewee building the SQL and the rows cost more than the query itself."""
    if not ids:
        return []
    return db.execute_sql(sql.format(", ".join([db.param] * len(ids))), ids).fetchall()


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
