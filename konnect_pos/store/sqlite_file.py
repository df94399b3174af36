"""Whole-file operations on a SQLite database: an online copy, an integrity check, a swap.

These speak to ``sqlite3`` directly rather than through peewee: the online backup API copies a
database page by page while the app keeps writing, and the checks run on files that are not the
app's database (a backup about to be restored).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from konnect_pos.store.database import SQLITE_HEADER, StoreError


def sqlite_path(url: str) -> Path | None:
    """The file of a ``sqlite:///`` URL; None for any other database."""
    from urllib.parse import unquote

    return Path(unquote(url[len("sqlite:///") :])) if url.startswith("sqlite:///") else None


def integrity_problem(path: Path) -> str | None:
    """None when ``PRAGMA integrity_check`` says ok, else its first complaint (one line)."""
    try:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_HEADER:
                return "not a SQLite database"
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        finally:
            connection.close()
    except (OSError, sqlite3.DatabaseError) as exc:
        return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    if rows == [("ok",)]:
        return None
    return str(rows[0][0]).splitlines()[0] if rows else "no answer from the integrity check"


def online_copy(source: Path, target: Path) -> None:
    """Copy ``source`` into a new file ``target`` (mode 0600) with the online backup API.

    The copy is switched out of WAL mode so it is one self-contained file, then checked with
    ``PRAGMA integrity_check``; a copy that fails the check is removed and the reason raised.
    """
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(descriptor)
    try:
        origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        copy = sqlite3.connect(str(target))
        try:
            origin.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
            copy.commit()
        finally:
            copy.close()
            origin.close()
        os.chmod(target, 0o600)
        problem = integrity_problem(target)
        if problem:
            raise StoreError("The backup copy failed its integrity check: {reason}", reason=problem)
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise StoreError(
            "Cannot copy the database: {reason}", reason=(str(exc).splitlines() or ["?"])[0]
        ) from None
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def terminal_uuids(path: Path) -> dict[str, str]:
    """``OUTLET-TERMINAL`` label to terminal UUID, read from a database file that is not open."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT outlet.code || '-' || terminal.code, terminal.uuid "
            "FROM terminal JOIN outlet ON outlet.id = terminal.outlet_id"
        ).fetchall()
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            "{path} is not a Konnect POS database: {reason}", path=path.name, reason=str(exc).splitlines()[0]
        ) from None
    finally:
        connection.close()
    return dict(rows)


def copy_into(replacement: Path, current: Path) -> None:
    """Write ``replacement``'s content into the live database ``current`` with the backup API.

    The way the sqlite3 shell's ``.restore`` works: one write transaction on ``current``, so its
    other connections (this app's other threads) see either the old content or the new, and no
    file is swapped under them.
    """
    origin = sqlite3.connect(f"file:{replacement}?mode=ro", uri=True)
    target = sqlite3.connect(str(current), timeout=10)
    try:
        origin.backup(target)
    except sqlite3.OperationalError as exc:
        raise StoreError(
            "The database is in use: close every Konnect POS on it, then restore ({reason})",
            reason=(str(exc).splitlines() or ["?"])[0],
        ) from None
    finally:
        target.close()
        origin.close()
