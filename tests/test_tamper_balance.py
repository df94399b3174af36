"""The balance ledger changed behind the app's back with SQL is found by ``verify`` (SQLite and
PostgreSQL): the daily run's Connect+ fees, the demo's opening balances and a top-up's credit,
each edit in its own rolled-back transaction, both ways (a row without its journal entry and a
journal entry without its row)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender
from konnect_pos.services import corrections, demo
from konnect_pos.services import plans as cp
from konnect_pos.services.session import sign_in
from konnect_pos.services.verify import verify
from konnect_pos.store.models import BalanceEntry, Customer, JournalEntry, Terminal

LAPSED = "CD00000005"  # the demo's account that lapsed yesterday with 3 days of Connect+ money


@pytest.fixture
def ledger(database, clock):
    """Two days of the daily run (Connect+ fees journaled by the first terminal, the second
    day's last in its journal) and a counter top-up, on the demo shop."""
    demo.seed(clock, customers=20)
    cashier = sign_in("KIN01-T1", "cashier", "1111", clock)
    top = cp.top_up_balance(cashier, "CD00000009", "10", [CashTender(Money.of("10", "USD"))])
    manager = sign_in("KIN01-T1", "manager", "222222", clock)
    corrections.refund_sale(manager, top.receipt_number, "4", "asked back", method="cash")  # a reversal
    first = clock().date()
    assert cp.run_daily(first, clock).entries >= 1
    clock.advance(days=1)
    assert cp.run_daily(first + timedelta(days=1), clock).entries >= 1
    fees = BalanceEntry.select().where(BalanceEntry.kind == "connect_plus_fee").count()
    assert fees >= 2
    report = verify()
    assert report.problems == []
    carried = BalanceEntry.sale.is_null(False) | BalanceEntry.entry_key.startswith("reversal:")
    journaled = BalanceEntry.select().where(~carried).count()  # all but the credit and its reversal
    assert JournalEntry.select().where(JournalEntry.kind == "balance_entry").count() == journaled
    return first


LAST = (  # the run's terminal's last journal entry: a fee of the second day
    "(SELECT j.id FROM journal_entry j WHERE j.kind = 'balance_entry' AND j.terminal_id = {run}"
    " AND j.seq = (SELECT MAX(seq) FROM journal_entry j2 WHERE j2.terminal_id = {run}))"
)
MINE = "(SELECT id FROM customer WHERE account_number = 'CD00000005')"
OTHER = "(SELECT id FROM customer WHERE account_number = 'CD00000009')"


def _names() -> dict[str, str]:
    """What the SQL below names: the two days' fees of CD00000005, the run's last entry and its fee."""
    run = Terminal.select(Terminal.id).order_by(Terminal.id).first().id
    last = JournalEntry.select().where(JournalEntry.terminal == run).order_by(JournalEntry.seq.desc()).first()
    content = json.loads(last.payload)
    assert last.kind == "balance_entry"
    return {
        "run": str(run),
        "last_key": content["key"],
        "last_account": content["customer"],
        "mine": MINE,
        "other": OTHER,
    }


def _fee(day: str) -> str:
    return f"connect-plus-fee:{day}"


DELETE_LAST = [
    f"DELETE FROM outbox_event WHERE record_uuid = (SELECT record_uuid FROM journal_entry WHERE id = {LAST})",
    f"DELETE FROM journal_entry WHERE id = {LAST}",
]


TAMPERS = {
    "delete a daily-run fee": (
        ["DELETE FROM balance_entry WHERE entry_key = '{fee2}' AND customer_id = {mine}"],
        "its balance entry row is missing ({fee2} of CD00000005)",
    ),
    "change a fee's amount": (
        [
            "UPDATE balance_entry SET amount_minor = amount_minor - 100"
            " WHERE entry_key = '{fee1}' AND customer_id = {mine}"
        ],
        "balance entry {fee1} of CD00000005 no longer matches what was recorded",
    ),
    "move a fee to another account": (
        [
            "UPDATE balance_entry SET customer_id = {other}"
            " WHERE entry_key = '{fee1}' AND customer_id = {mine}"
        ],
        "balance entry {fee1} of CD00000009: no journal entry",
    ),
    "insert a credit with no sale": (
        [
            "INSERT INTO balance_entry (customer_id, entry_key, day, kind, currency, amount_minor, note,"
            " recorded_at) SELECT customer_id, 'top-up:forged', day, 'top_up', currency, 500000, 'counter',"
            " recorded_at FROM balance_entry WHERE entry_key = '{fee1}' AND customer_id = {mine}"
        ],
        "balance entry top-up:forged of CD00000005: no journal entry",
    ),
    "raise a demo opening balance": (
        [
            "UPDATE balance_entry SET amount_minor = amount_minor * 10"
            " WHERE entry_key = 'demo-opening:CD00000001'"
        ],
        "balance entry demo-opening:CD00000001 of CD00000001 no longer matches",
    ),
    "rewrite the reason of a demo opening balance (an adjustment)": (
        [
            "UPDATE balance_entry SET note = 'goodwill, approved by HQ'"
            " WHERE entry_key = 'demo-opening:CD00000001'"
        ],
        "balance entry demo-opening:CD00000001 of CD00000001 no longer matches",
    ),
    "delete the journal entry of the last fee, with its outbox copy (the chain stays whole)": (
        DELETE_LAST,
        "balance entry {last_key} of {last_account}: no journal entry",
    ),
    "give a top-up sale a second credit": (
        [
            "INSERT INTO balance_entry (customer_id, entry_key, day, kind, currency, amount_minor, note,"
            " recorded_at, sale_id) SELECT customer_id, 'top-up:again', day, kind, currency, amount_minor,"
            " note, recorded_at, sale_id FROM balance_entry WHERE sale_id IS NOT NULL"
        ],
        "sale KIN01-T1-000001: 2 top-up credits in the balance, one was recorded",
    ),
    "move a top-up's credit to another account": (
        ["UPDATE balance_entry SET customer_id = {mine} WHERE sale_id IS NOT NULL"],
        "sale KIN01-T1-000001: its top-up credit",
    ),
    "move a fee to another moment": (
        [
            "UPDATE balance_entry SET recorded_at = (SELECT b.recorded_at FROM balance_entry b"
            " WHERE b.entry_key = 'demo-opening:CD00000001')"
            " WHERE entry_key = '{fee2}' AND customer_id = {mine}"
        ],
        "balance entry {fee2} of CD00000005 no longer matches what was recorded",
    ),
    "copy a top-up's reversal into another account, as a credit": (
        [
            "INSERT INTO balance_entry (customer_id, entry_key, day, kind, currency, amount_minor, corrects,"
            " note, recorded_at) SELECT {mine}, entry_key, day, kind, currency, 400, corrects, note,"
            " recorded_at FROM balance_entry WHERE substr(entry_key, 1, 9) = 'reversal:'"
        ],
        "rows under one key, one was recorded",
    ),
}


def test_every_edit_of_the_balance_ledger_behind_the_apps_back_is_found(ledger, database):
    days = {
        "fee1": _fee(ledger.isoformat()),
        "fee2": _fee((ledger + timedelta(days=1)).isoformat()),
        **_names(),
    }
    missed = {}
    for name, (statements, expected) in TAMPERS.items():
        with database.atomic() as transaction:
            for statement in statements:
                database.execute_sql(statement.format(**days))
            problems = verify().problems
            transaction.rollback()
        if not any(expected.format(**days) in problem for problem in problems):
            missed[name] = problems
    assert missed == {}
    assert verify().problems == []  # every edit was rolled back: the ledger verifies again


def test_a_fee_whose_journal_entry_is_gone_and_an_entry_whose_fee_is_gone_are_both_named(ledger, database):
    """Both directions at once, in one verify: each break is named by account and key."""
    fee1, names = _fee(ledger.isoformat()), _names()
    seq = _seq_of(fee1, LAPSED)
    with database.atomic() as transaction:
        database.execute_sql(f"DELETE FROM balance_entry WHERE entry_key = '{fee1}' AND customer_id = {MINE}")
        for statement in DELETE_LAST:
            database.execute_sql(statement.format(**names))
        report = verify()
        transaction.rollback()
    assert not report.ok
    assert [p for p in report.problems if "balance entry" in p] == [
        f"DAR01-T1 journal entry {seq}: its balance entry row is missing ({fee1} of {LAPSED})",
        f"balance entry {names['last_key']} of {names['last_account']}: no journal entry",
    ]


def _seq_of(key: str, account: str) -> int:
    for seq, payload in (
        JournalEntry.select(JournalEntry.seq, JournalEntry.payload)
        .where(JournalEntry.kind == "balance_entry")
        .tuples()
    ):
        content = json.loads(payload)
        if (content["key"], content["customer"]) == (key, account):
            return seq
    raise AssertionError(key)


def test_an_entry_journaled_before_notes_were_still_verifies_and_new_ones_carry_their_note(ledger):
    """Entries journaled before stop 25 hold no note: ``verify`` compares what they hold."""
    from konnect_pos.domain.balance import adjustment
    from konnect_pos.services import journal
    from konnect_pos.services.plans.ledger import entry_payload, entry_values

    entry = adjustment("old-style:CD00000005", ledger, Money.of("1", "USD"), "goodwill")
    payload = entry_payload(LAPSED, entry)
    assert payload["note"] == "goodwill"
    del payload["note"]  # as the app journaled it before
    customer = Customer.get(Customer.account_number == LAPSED).id
    BalanceEntry.create(**entry_values(customer, entry, ledger_at := JournalEntry.select().first().at))
    journal.append(Terminal.select().first().id, "balance_entry", payload["uuid"], ledger_at, payload)
    assert verify().problems == []
