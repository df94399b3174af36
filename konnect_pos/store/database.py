"""Opening the database from a URL: SQLite (default, embedded) or PostgreSQL.

peewee's advice: one ``DatabaseProxy`` that every model names, initialised at
run time. SQLite gets WAL, foreign keys, ``synchronous=FULL`` (money) and a busy
timeout; writes take the lock up front (``BEGIN IMMEDIATE``) so two processes
never deadlock upgrading a read lock.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import peewee

from konnect_pos.domain.errors import KonnectError
from konnect_pos.paths import user_data_dir
from konnect_pos.urls import redact

db = peewee.DatabaseProxy()

SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a committed sale survives a power cut
    "busy_timeout": 10_000,
    "cache_size": -64_000,
}
PG_CONNECT_TIMEOUT = 5


class StoreError(KonnectError):
    """The database cannot be opened or used (missing, corrupt, unreachable, too new)."""


def default_url() -> str:
    return f"sqlite:///{user_data_dir() / 'konnect-pos.db'}"


def resolve_url(url: str | None) -> str:
    """``--db`` wins, then ``KONNECT_POS_DB``, then the per-user SQLite file."""
    return url or os.environ.get("KONNECT_POS_DB") or default_url()


def is_postgres(database: peewee.Database) -> bool:
    target = database.obj if isinstance(database, peewee.DatabaseProxy) else database
    return isinstance(target, peewee.PostgresqlDatabase)


def _sqlite(url: str, *, create: bool) -> peewee.SqliteDatabase:
    path = Path(unquote(url[len("sqlite:///") :]))
    if path.is_dir():
        raise StoreError("{path} is a folder, not a database file", path=str(path))
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_HEADER:
                raise StoreError("{path} is not a Konnect POS database (not SQLite)", path=str(path))
    elif not create:
        raise StoreError("No database at {path}", path=str(path))
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    return peewee.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, check_same_thread=False)


def _postgres(url: str) -> peewee.PostgresqlDatabase:
    parsed = urlparse(url)
    params: dict[str, object] = {
        "host": parsed.hostname or "127.0.0.1",
        "port": parsed.port or 5432,
        "user": unquote(parsed.username) if parsed.username else None,
        "password": unquote(parsed.password) if parsed.password else None,
        "connect_timeout": PG_CONNECT_TIMEOUT,
    }
    for key, values in parse_qs(parsed.query).items():
        params[key] = values[-1]
    name = parsed.path.lstrip("/") or "postgres"
    clean = {k: v for k, v in params.items() if v is not None}
    return peewee.PostgresqlDatabase(name, prefer_psycopg3=True, **clean)


def connect(url: str | None = None, *, create: bool = True) -> peewee.Database:
    """A connected database for ``url``; every failure is a one-line ``StoreError``."""
    url = resolve_url(url)
    if url.startswith("sqlite:///"):
        database: peewee.Database = _sqlite(url, create=create)
    elif url.startswith(("postgresql://", "postgres://")):
        database = _postgres(url)
    else:
        raise StoreError(
            "Unsupported database URL {url}: use sqlite:///path or postgresql://…", url=redact(url)
        )
    try:
        database.connect()
        if isinstance(database, peewee.SqliteDatabase):
            database.execute_sql("PRAGMA schema_version").fetchone()  # reads the header: fails if corrupt
    except peewee.DatabaseError as exc:
        raise StoreError(
            "Cannot open database {url}: {reason}", url=redact(url), reason=_first_line(exc)
        ) from None
    return database


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def write_transaction(database: peewee.Database | None = None) -> AbstractContextManager[object]:
    """A transaction that takes the write lock at once on SQLite (``BEGIN IMMEDIATE``)."""
    target = database or db
    real = target.obj if isinstance(target, peewee.DatabaseProxy) else target
    if isinstance(real, peewee.SqliteDatabase):
        return real.atomic("IMMEDIATE")
    return real.atomic()


@contextmanager
def large_cache(megabytes: int = 256) -> Iterator[None]:
    """A bigger page cache on this connection for a bulk load (SQLite; PostgreSQL manages its own)."""
    real = db.obj if isinstance(db, peewee.DatabaseProxy) else db
    if not isinstance(real, peewee.SqliteDatabase):
        yield
        return
    real.execute_sql(f"PRAGMA cache_size = {-1024 * int(megabytes)}")
    try:
        yield
    finally:
        real.execute_sql(f"PRAGMA cache_size = {SQLITE_PRAGMAS['cache_size']}")
