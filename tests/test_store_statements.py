"""The statements written once for both backends: bulk insert (plain and upsert) and the counter lock."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import peewee
import psycopg
import pytest

from konnect_pos.store import statements
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import Customer, InvoiceCounter, Outlet, ReceiptCounter, Terminal

AT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
COLUMNS = ("uuid", "account_number", "name", "phone", "country", "search_text", "created_at", "updated_at")


def _row(n: int, name: str) -> tuple[object, ...]:
    at = Customer.created_at.db_value(AT)
    return (f"u{n}", f"ACC{n}", name, f"+24381000000{n}", "CD", name.lower(), at, at)


def _names() -> dict[str, str]:
    return {c.account_number: c.name for c in Customer.select().order_by(Customer.account_number)}


def test_insert_many_writes_every_row_as_the_model_reads_it(database: peewee.Database) -> None:
    with write_transaction():
        statements.insert_many("customer", COLUMNS, [_row(n, f"Name {n}") for n in range(3)])
        statements.insert_many("customer", COLUMNS, [])
    assert _names() == {"ACC0": "Name 0", "ACC1": "Name 1", "ACC2": "Name 2"}
    assert Customer.get(Customer.account_number == "ACC1").created_at == AT


def test_upsert_overwrites_only_the_columns_named_and_adds_the_new(database: peewee.Database) -> None:
    with write_transaction():
        statements.insert_many("customer", COLUMNS, [_row(n, f"Name {n}") for n in range(2)])
    renamed = [_row(1, "Renamed"), _row(2, "New")]
    with write_transaction():
        statements.insert_many("customer", COLUMNS, renamed, conflict="account_number", update=("name",))
    assert _names() == {"ACC0": "Name 0", "ACC1": "Renamed", "ACC2": "New"}
    assert Customer.get(Customer.account_number == "ACC1").search_text == "name 1"  # not in ``update``
    with write_transaction():
        statements.insert_many("customer", COLUMNS, [_row(0, "Ignored")], conflict="account_number")
    assert _names()["ACC0"] == "Name 0"


def test_a_duplicate_without_conflict_is_refused_and_nothing_is_written(database: peewee.Database) -> None:
    with pytest.raises(peewee.IntegrityError), write_transaction():
        statements.insert_many("customer", COLUMNS, [_row(5, "Once"), _row(5, "Twice")])
    assert _names() == {}


def _other_writer_blocked(db_url: str, table: str, column: str, owner_id: int) -> bool:
    """Whether a second connection (another process would hold one) cannot take the counter now."""
    if db_url.startswith("sqlite:///"):
        other = sqlite3.connect(db_url[len("sqlite:///") :], timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.rollback()
            return False
        except sqlite3.OperationalError as error:
            assert "locked" in str(error)
            return True
        finally:
            other.close()
    with psycopg.connect(db_url) as other:
        try:
            other.execute(
                f"SELECT last_number FROM {table} WHERE {column} = %s FOR UPDATE NOWAIT", (owner_id,)
            )
            return False
        except psycopg.errors.LockNotAvailable:
            return True


@pytest.mark.parametrize(
    ("owner", "table", "column"),
    [
        (ReceiptCounter.terminal, "receipt_counter", "terminal_id"),
        (InvoiceCounter.outlet, "invoice_counter", "outlet_id"),
    ],
)
def test_the_counter_row_is_made_at_zero_and_locked_until_commit(
    demo_db: peewee.Database, db_url: str, owner: peewee.ForeignKeyField, table: str, column: str
) -> None:
    owner_id = (Terminal if owner.model is ReceiptCounter else Outlet).select().first().id
    owner.model.delete().where(owner == owner_id).execute()
    with write_transaction():
        assert statements.lock_counter(owner, owner_id) == 0
    with write_transaction():
        assert statements.lock_counter(owner, owner_id) == 0
        assert _other_writer_blocked(db_url, table, column, owner_id)
        owner.model.update(last_number=41).where(owner == owner_id).execute()
    assert not _other_writer_blocked(db_url, table, column, owner_id)
    with write_transaction():
        assert statements.lock_counter(owner, owner_id) == 41  # an existing row is kept, not reset
    assert owner.model.select().where(owner == owner_id).count() == 1
