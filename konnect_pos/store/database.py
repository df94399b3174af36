"""Opening the database from a URL: SQLite (default, embedded) or PostgreSQL.

peewee's advice: one ``DatabaseProxy`` that every model names, initialised at
run time. SQLite gets WAL, foreign keys, ``synchronous=FULL`` (money) and a busy
timeout; writes take the lock up front (``BEGIN IMMEDIATE``) so two processes
never deadlock upgrading a read lock.

The file holds customers' names, phones and the PIN hashes: it is created readable by its
owner only (0600), and SQLite gives its -wal and -shm files the same mode.

A fault of the disk or the link (full, read-only, lost, damaged) becomes one ``StoreError``
line in the user's language; the transaction it interrupted is rolled back by the database.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

import peewee

from konnect_pos.domain.errors import KonnectError
from konnect_pos.paths import user_data_dir
from konnect_pos.store import postgres_driver
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
PRIVATE_FILE_MODE = 0o600
SQLITE_SIDE_FILES = ("-wal", "-shm")


class StoreError(KonnectError):
    """The database cannot be opened or used (missing, corrupt, unreachable, too new)."""


def default_url() -> str:
    return f"sqlite:///{user_data_dir() / 'konnect-pos.db'}"


def demo_url() -> str:
    """Where ``konnect-pos demo`` keeps its shop unless told otherwise."""
    return f"sqlite:///{user_data_dir() / 'demo.db'}"


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
        demo = demo_url()
        if url == default_url() and Path(demo[len("sqlite:///") :]).exists():  # after ``konnect-pos demo``
            raise StoreError(
                "No database at {path}; the demo shop is in {demo}: add --db {demo} (or set KONNECT_POS_DB)",
                path=str(path),
                demo=demo,
            )
        raise StoreError("No database at {path}", path=str(path))
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        create_private_file(path)
    keep_private(path)
    return peewee.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, check_same_thread=False)


def create_private_file(path: Path) -> None:
    """An empty file only its owner can read (0600, whatever the umask), or the existing one as is."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE_MODE))
    except OSError as exc:
        raise StoreError("Cannot create {path}: {reason}", path=str(path), reason=exc.strerror) from None


def keep_private(path: Path) -> None:
    """Take group and others' access away from a database (and its -wal/-shm) created before 0600."""
    for candidate in (path, *(path.with_name(path.name + suffix) for suffix in SQLITE_SIDE_FILES)):
        try:
            mode = candidate.stat().st_mode
            if mode & 0o077:
                candidate.chmod(mode & 0o700)  # the owner's own rights (read-only stays read-only)
        except OSError:
            continue  # missing, or another user's file: opening it will say what is wrong


class _Postgres(peewee.PostgresqlDatabase):
    """PostgreSQL that lets go of a dead link: peewee keeps using a socket the server closed.

    Outside a transaction a statement that finds the link lost closes the connection (the error
    still goes up, one line at the edge), so the next statement connects again. Inside one,
    ``write_transaction`` does the same once the transaction has ended.
    """

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        try:
            return super().execute_sql(sql, params)
        except (peewee.OperationalError, peewee.InterfaceError) as exc:
            if self.transaction_depth() == 0 and any(_link_lost(e) for e in _exception_chain(exc)):
                with suppress(Exception):
                    self.close()
            raise


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
    postgres_driver.bind()
    clean = {k: v for k, v in params.items() if v is not None}
    return _Postgres(name, prefer_psycopg3=True, **clean)


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
        fault = store_fault(exc) if isinstance(database, peewee.SqliteDatabase) else None
        if fault is not None and not fault.template.startswith("Database error"):
            raise fault from None  # a full disk or a read-only folder, said as such
        raise StoreError(
            "Cannot open database {url}: {reason}", url=redact(url), reason=_first_line(exc)
        ) from None
    return database


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _exception_chain(error: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _link_lost(error: BaseException) -> bool:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return False
    if isinstance(error, psycopg.InterfaceError):
        return True
    if isinstance(error, psycopg.OperationalError):
        state = error.sqlstate or ""
        return not state or state.startswith("08") or state in ("57P01", "57P02", "57P03")
    return False


def _fault_kind(error: BaseException) -> str | None:
    if _link_lost(error):
        return "link_lost"
    if not isinstance(error, peewee.DatabaseError | sqlite3.Error):
        return None
    text = str(error).lower()
    if "disk is full" in text or "file too large" in text or "no space left" in text:
        return "disk_full"
    if "readonly database" in text or "read-only" in text or "unable to open database file" in text:
        return "read_only"
    if "malformed" in text or "file is not a database" in text:
        return "damaged"
    if "disk i/o error" in text:
        return "io"
    return "other"


def store_fault(error: BaseException) -> StoreError | None:
    """A database fault anywhere in ``error``'s chain as one translatable line, else ``None``.

    The chain matters: when SQLite rolls a full-disk commit back by itself, peewee's own
    rollback then fails ("no transaction is active") and hides the real cause.
    """
    if isinstance(error, StoreError):
        return error
    kinds = [(kind, link) for link in _exception_chain(error) if (kind := _fault_kind(link))]
    if not kinds:
        return None
    kind, link = next(((k, e) for k, e in kinds if k != "other"), kinds[-1])
    if kind == "disk_full":
        return StoreError("The disk is full: nothing was saved. Free some space and try again")
    if kind == "read_only":
        return StoreError("The database cannot be written (read-only file or folder): nothing was saved")
    if kind == "link_lost":
        return StoreError(
            "The connection to the database server was lost: check the network, "
            "then look up the last receipt before trying again"
        )
    if kind == "io":
        return StoreError(
            "The disk could not be read or written (full, removed or failing): nothing was saved"
        )
    if kind == "damaged":
        return StoreError("The database file is damaged: run konnect-pos verify and restore a backup")
    return StoreError("Database error: {reason}", reason=_first_line(link)[:200])


@contextmanager
def write_transaction(database: peewee.Database | None = None) -> Iterator[object]:
    """A transaction that takes the write lock at once on SQLite (``BEGIN IMMEDIATE``).

    A fault of the disk or the link leaves as a ``StoreError``. A lost PostgreSQL link is
    closed once the outermost transaction has ended, so the next action connects again.
    """
    target = database or db
    real = target.obj if isinstance(target, peewee.DatabaseProxy) else target
    transaction = real.atomic("IMMEDIATE") if isinstance(real, peewee.SqliteDatabase) else real.atomic()
    try:
        with transaction:
            yield transaction
    except (peewee.DatabaseError, peewee.InterfaceError, sqlite3.Error) as exc:
        fault = store_fault(exc)
        if fault is None or fault.template.startswith("Database error"):
            raise
        if real.transaction_depth() == 0 and fault.template.startswith("The connection"):
            with suppress(Exception):
                real.close()
        raise fault from exc


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
