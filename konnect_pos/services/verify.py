"""``konnect-pos verify``: recompute every terminal's hash chain and every sale's content.

A row edited or deleted behind the app's back shows up either as a broken chain
(journal rows touched) or as a sale whose rows no longer match its journal entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from konnect_pos.domain.journal import canonical
from konnect_pos.services.journal import ChainProblem, check_chain
from konnect_pos.store.models import JournalEntry, Outlet, Sale, Terminal


@dataclass(frozen=True, slots=True)
class VerifyReport:
    terminals: int
    entries: int
    sales: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def _label(terminal_id: int) -> str:
    terminal = Terminal.select(Terminal, Outlet).join(Outlet).where(Terminal.id == terminal_id).get()
    return f"{terminal.outlet.code}-{terminal.code}"


def _describe(problem: ChainProblem) -> str:
    record = f" (record {problem.record_uuid})" if problem.record_uuid else ""
    return f"{_label(problem.terminal_id)} journal entry {problem.seq}: {problem.reason}{record}"


def verify() -> VerifyReport:
    from konnect_pos.services.checkout import stored_sale_payload

    problems: list[str] = []
    terminal_ids = [t.id for t in Terminal.select(Terminal.id).order_by(Terminal.id)]
    for terminal_id in terminal_ids:
        problem = check_chain(terminal_id)
        if problem:
            problems.append(_describe(problem))
    journal = {entry.record_uuid: entry for entry in JournalEntry.select().where(JournalEntry.kind == "sale")}
    sales = 0
    for sale in Sale.select().order_by(Sale.id):
        sales += 1
        entry = journal.pop(sale.uuid, None)
        if entry is None:
            problems.append(f"sale {sale.receipt_number}: no journal entry")
            continue
        if canonical(stored_sale_payload(sale)) != entry.payload:
            problems.append(
                f"{_label(entry.terminal_id)} journal entry {entry.seq}: sale {sale.receipt_number} "
                "no longer matches what was sold"
            )
    for entry in journal.values():
        problems.append(f"{_label(entry.terminal_id)} journal entry {entry.seq}: its sale row is missing")
    return VerifyReport(
        terminals=len(terminal_ids), entries=JournalEntry.select().count(), sales=sales, problems=problems
    )
