"""The daily run's decisions for busy accounts: from the rows read to the rows to write.

Plain tuples and dicts in and out, no database: the run can hand half of a chunk's accounts to a
second process while it decides the other half (``Deciders``), then writes both in its own
transaction. The journal chain is not made here: the run appends the records in account order.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from konnect_pos.domain import connect_plus as engine
from konnect_pos.domain.balance import Ledger
from konnect_pos.domain.plan_change import run_with_change
from konnect_pos.services.plans.ledger import entry_of, entry_payload, entry_row
from konnect_pos.services.plans.state import dump_state, state_of

# One busy account as read: (account id, customer id, plan id, subscribed on, its state as read
# from JSON, (waiting plan id, from) or None, its ledger rows in order, its account number).
Job = tuple[int, int, int, str, dict[str, Any], tuple[int, str] | None, list[tuple[Any, ...]], str]


@dataclass(slots=True)
class Decided:
    """What a set of accounts' decisions write, in the accounts' order."""

    updates: list[tuple[str, str, int]] = field(default_factory=list)  # (state JSON, day, account id)
    switches: list[tuple[int, int]] = field(default_factory=list)  # (plan id, account id)
    new_rows: list[tuple[Any, ...]] = field(default_factory=list)  # balance_entry rows
    records: list[tuple[str, str, datetime, dict[str, Any]]] = field(default_factory=list)  # to journal
    days: int = 0
    renewed: int = 0
    connect_plus_days: int = 0

    def extend(self, other: Decided) -> None:
        self.updates += other.updates
        self.switches += other.switches
        self.new_rows += other.new_rows
        self.records += other.records
        self.days += other.days
        self.renewed += other.renewed
        self.connect_plus_days += other.connect_plus_days


def decide(
    jobs: Sequence[Job], plans: dict[int, engine.PlanTerms], day: date, now: datetime, stored_now: Any
) -> Decided:
    """Each account caught up through ``day`` (missed days in order, a waiting plan change on its
    day); ``stored_now`` is ``now`` as a balance entry's ``recorded_at`` stores it."""
    target = day.isoformat()
    done = Decided()
    for account_id, customer_id, plan_id, subscribed_on, raw, waiting_row, ledger_rows, number in jobs:
        terms = plans[plan_id]
        ledger = Ledger(terms.currency, tuple(entry_of(values) for values in ledger_rows))
        state = state_of(raw, ledger)
        last = state.last_processed_day
        first = last + timedelta(days=1) if last else date.fromisoformat(subscribed_on)
        if first > day:
            continue
        waiting = (plans[waiting_row[0]], date.fromisoformat(waiting_row[1])) if waiting_row else None
        run, switched = run_with_change(terms, waiting, state, ledger, first, day)
        if switched and waiting_row:
            done.switches.append((waiting_row[0], account_id))
        done.days += len(run.outcomes)
        done.renewed += sum(o.renewed for o in run.outcomes)
        done.connect_plus_days += sum(o.status is engine.ServiceStatus.CONNECT_PLUS for o in run.outcomes)
        done.new_rows.extend(entry_row(customer_id, e, stored_now) for e in run.new_entries)
        for entry in run.new_entries:
            payload = entry_payload(number, entry)
            done.records.append(("balance_entry", payload["uuid"], now, payload))
        done.updates.append((dump_state(run.state), target, account_id))
    return done


class Deciders:
    """This process, and a second one when the run is big enough to pay for starting it (~0.5 s):
    each decides half of every chunk's busy accounts. A fault in the second process fails the
    chunk, whose transaction then writes nothing."""

    def __init__(self, processes: int) -> None:
        self._pool = (
            ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) if processes > 1 else None
        )

    def __enter__(self) -> Deciders:
        return self

    def __exit__(self, *_: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def decide(
        self, jobs: list[Job], plans: dict[int, engine.PlanTerms], day: date, now: datetime, stored_now: Any
    ) -> Decided:
        if self._pool is None or len(jobs) < 2:
            return decide(jobs, plans, day, now, stored_now)
        half = len(jobs) // 2
        theirs: Future[Decided] = self._pool.submit(decide, jobs[:half], plans, day, now, stored_now)
        ours = decide(jobs[half:], plans, day, now, stored_now)
        done = theirs.result()
        done.extend(ours)
        return done
