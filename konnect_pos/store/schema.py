"""Versioned schema: apply the pending migration steps at open, refuse newer databases."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import peewee

from konnect_pos.store import migrations
from konnect_pos.store.database import StoreError, is_postgres

VERSION_TABLE = "konnect_schema"


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


def migrate(
    database: peewee.Database,
    *,
    target: int | None = None,
    before_upgrade: Callable[[int], None] | None = None,
) -> int:
    """Bring the schema to ``target`` (default latest); return the version reached.

    Each step and its version bump commit together, so a crash mid-upgrade leaves
    the database at the last completed version.
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
    pending = [step for step in steps() if version < step.VERSION <= target]
    if pending and version > 0 and before_upgrade is not None:
        before_upgrade(version)
    for step in pending:
        with database.atomic():
            if not database.table_exists(VERSION_TABLE):
                database.execute_sql(f"CREATE TABLE {VERSION_TABLE} (version INTEGER NOT NULL)")
                database.execute_sql(f"INSERT INTO {VERSION_TABLE} (version) VALUES (0)")
            step.apply(database, dialect(database))
            database.execute_sql(f"UPDATE {VERSION_TABLE} SET version = {int(step.VERSION)}")
        version = step.VERSION
    return version


def sqlite_backup(database: peewee.Database, path: Path, version: int) -> Path:
    """A copy of the SQLite file taken before an upgrade (``VACUUM INTO``)."""
    backup = path.with_name(f"{path.name}.schema-v{version}.bak")
    if backup.exists():
        backup.unlink()
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
