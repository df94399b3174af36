"""Versioned schema: apply the pending migration steps at open, refuse newer databases."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import peewee

from konnect_pos.store import migrations
from konnect_pos.store.database import StoreError, create_private_file, is_postgres

VERSION_TABLE = "konnect_schema"
STEP_TABLE = "konnect_schema_step"


def steps() -> list[ModuleType]:
    found = [
        importlib.import_module(f"{migrations.__name__}.{info.name}")
        for info in pkgutil.iter_modules(migrations.__path__)
        if info.name.startswith("m") and info.name[1:5].isdigit()
    ]
    found.sort(key=lambda module: module.VERSION)
    return found


def latest_version() -> int:
    return steps()[-1].VERSION


def dialect(database: peewee.Database) -> str:
    return "postgres" if is_postgres(database) else "sqlite"


def current_version(database: peewee.Database) -> int:
    if not database.table_exists(VERSION_TABLE):
        return 0
    row = database.execute_sql(f"SELECT version FROM {VERSION_TABLE}").fetchone()
    return int(row[0]) if row else 0


def applied_versions(database: peewee.Database) -> set[int]:
    """The steps this database has, one row each in ``STEP_TABLE``.

    Databases from before that table applied their steps strictly in order, so for them every
    version up to the recorded one counts as applied.
    """
    if not database.table_exists(STEP_TABLE):
        return set(range(1, current_version(database) + 1))
    return {int(row[0]) for row in database.execute_sql(f"SELECT version FROM {STEP_TABLE}")}


def migrate(
    database: peewee.Database,
    *,
    target: int | None = None,
    before_upgrade: Callable[[int], None] | None = None,
) -> int:
    """Apply every step up to ``target`` (default latest) that this database lacks; return the
    highest version it then has.

    Steps are recorded one by one, so a step that landed after a higher one (two changes merged
    in another order) is still applied. Each step and its record commit together: a crash
    mid-upgrade leaves the database with whole steps only.
    """
    target = latest_version() if target is None else target
    version = current_version(database)
    if version > latest_version():
        raise StoreError(
            "This database was written by a newer Konnect POS (schema {found}, this app knows {known}). "
            "Update the app.",
            found=version,
            known=latest_version(),
        )
    applied = applied_versions(database)
    pending = [step for step in steps() if step.VERSION not in applied and target >= step.VERSION]
    if pending and version > 0 and before_upgrade is not None:
        before_upgrade(version)
    for step in pending:
        with database.atomic():
            if not database.table_exists(VERSION_TABLE):
                database.execute_sql(f"CREATE TABLE {VERSION_TABLE} (version INTEGER NOT NULL)")
                database.execute_sql(f"INSERT INTO {VERSION_TABLE} (version) VALUES (0)")
            if not database.table_exists(STEP_TABLE):
                database.execute_sql(f"CREATE TABLE {STEP_TABLE} (version INTEGER PRIMARY KEY)")
                for done in sorted(applied):
                    database.execute_sql(f"INSERT INTO {STEP_TABLE} (version) VALUES ({int(done)})")
            step.apply(database, dialect(database))
            database.execute_sql(f"INSERT INTO {STEP_TABLE} (version) VALUES ({int(step.VERSION)})")
            version = max(version, step.VERSION)
            database.execute_sql(f"UPDATE {VERSION_TABLE} SET version = {int(version)}")
        applied.add(step.VERSION)
    return version


def sqlite_backup(database: peewee.Database, path: Path, version: int) -> Path:
    """A copy of the SQLite file taken before an upgrade (``VACUUM INTO``)."""
    backup = path.with_name(f"{path.name}.schema-v{version}.bak")
    if backup.exists():
        backup.unlink()
    create_private_file(backup)  # VACUUM INTO fills an empty file and keeps its mode: 0600
    database.execute_sql("VACUUM INTO ?", (str(backup),))
    return backup


def open_database(url: str | None = None, *, create: bool = True) -> peewee.Database:
    """Connect, upgrade the schema (SQLite backed up first) and bind the models to it."""
    from konnect_pos.store.database import connect, db, resolve_url

    resolved = resolve_url(url)
    database = connect(resolved, create=create)

    def backup(version: int) -> None:
        if isinstance(database, peewee.SqliteDatabase):
            sqlite_backup(database, Path(database.database), version)

    try:
        migrate(database, before_upgrade=backup)
    except peewee.DatabaseError as exc:
        database.close()
        raise StoreError(
            "Cannot open database {url}: {reason}", url=resolved, reason=str(exc).splitlines()[0]
        ) from None
    except StoreError:
        database.close()
        raise
    db.initialize(database)
    return database
