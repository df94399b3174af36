"""The hand-written statements whose text differs between SQLite and PostgreSQL, written once.

Services that write rows in bulk or take the next number of a counter call these instead of
building SQL with the driver's parameter mark or a ``FOR UPDATE`` of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import peewee

from konnect_pos.store.database import db, is_postgres


def insert_many(
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    conflict: str | None = None,
    update: Sequence[str] = (),
) -> None:
    """Many rows of ``table`` through one prepared statement (the driver's ``executemany``).

    The values are as stored (each field's ``db_value`` already applied). ``conflict`` names the
    unique column(s) of an upsert; ``update`` the columns the incoming row then overwrites.
    Peewee's ``insert_many`` builds the text of every row anew: too slow for the invoice run's
    tens of thousands of lines or the first pull's million customers.
    """
    if not rows:
        return
    marks = ", ".join([db.param] * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
    if conflict is not None:
        changes = ", ".join(f"{name} = excluded.{name}" for name in update)
        sql += f" ON CONFLICT ({conflict}) " + (f"DO UPDATE SET {changes}" if update else "DO NOTHING")
    with peewee.__exception_wrapper__:  # the driver's errors as peewee's, as ``execute_sql`` raises them
        db.cursor().executemany(sql, rows)


def lock_counter(owner: peewee.ForeignKeyField, owner_id: int) -> int:
    """The ``last_number`` of a counter row (made at 0 if missing), locked until the transaction ends.

    ``owner`` is the counter model's key column (``ReceiptCounter.terminal``,
    ``InvoiceCounter.outlet``). On PostgreSQL the row is locked with ``FOR UPDATE``, which
    serialises two processes numbering for the same owner; on SQLite the write transaction
    (``BEGIN IMMEDIATE``) already holds the database's lock.
    """
    table, column, p = owner.model._meta.table_name, owner.column_name, db.param
    db.execute_sql(
        f'INSERT INTO "{table}" ("{column}", last_number) VALUES ({p}, 0) ON CONFLICT DO NOTHING',
        (owner_id,),
    )
    lock = " FOR UPDATE" if is_postgres(db) else ""
    sql = f'SELECT last_number FROM "{table}" WHERE "{column}" = {p}{lock}'
    return int(db.execute_sql(sql, (owner_id,)).fetchone()[0])
