"""Backups of the terminal's SQLite database and restoring one.

A backup is an online copy (SQLite's backup API, so the counter keeps selling), checked with
``PRAGMA integrity_check``, mode 0600, named ``konnect-pos-OUTLET-TERMINAL-YYYYMMDD-HHMMSS.db``
in the outlet's local time; the last ``keep`` of one terminal are kept in a folder. Day close
writes one to a configured folder (a USB stick): a missing stick never stops the close.

Where backups go and how many are kept are settings of this machine (a USB stick is a property
of the laptop, not of the outlet), in ``backup.ini`` of the user's config folder.
"""

from __future__ import annotations

import configparser
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import platformdirs

from konnect_pos.domain.errors import KonnectError
from konnect_pos.paths import user_data_dir
from konnect_pos.services.clock import Clock
from konnect_pos.services.journal_anchor import write_anchor_file
from konnect_pos.services.outlets import TerminalView
from konnect_pos.store.database import db, is_postgres
from konnect_pos.store.sqlite_file import (
    copy_into,
    integrity_problem,
    online_copy,
    sqlite_path,
    terminal_uuids,
)

DEFAULT_KEEP = 30
PREFIX = "konnect-pos-"
STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True, slots=True)
class BackupSettings:
    folder: str = ""  # day close writes here (a USB stick); empty: the default backups folder
    keep: int = DEFAULT_KEEP


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    at: datetime
    size: int
    removed: tuple[Path, ...]


@dataclass(frozen=True, slots=True)
class DayCloseBackup:
    """What day close tells the user: where the backup went, or why there is none."""

    path: Path | None
    error: KonnectError | None


@dataclass(frozen=True, slots=True)
class RestoreResult:
    restored_from: Path
    kept_aside: Path | None
    sales: int
    entries: int


def _config_file() -> Path:
    return Path(platformdirs.user_config_dir("konnect-pos", "Konnect")) / "backup.ini"


def load_settings() -> BackupSettings:
    parser = configparser.ConfigParser()
    parser.read(_config_file(), encoding="utf-8")
    section = parser["backup"] if parser.has_section("backup") else {}
    try:
        keep = max(1, min(1000, int(section.get("keep", DEFAULT_KEEP))))
    except ValueError:
        keep = DEFAULT_KEEP
    return BackupSettings(folder=str(section.get("folder", "")).strip(), keep=keep)


def save_settings(settings: BackupSettings) -> BackupSettings:
    if not 1 <= settings.keep <= 1000:
        raise KonnectError("Keep between 1 and 1000 backups", field="keep")
    parser = configparser.ConfigParser()
    parser["backup"] = {"folder": settings.folder.strip(), "keep": str(settings.keep)}
    path = _config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        parser.write(handle)
    return load_settings()


def default_folder() -> Path:
    return user_data_dir() / "backups"


def _database_file() -> Path:
    """The open SQLite file; on PostgreSQL the one line that says what to use instead."""
    if is_postgres(db):
        raise KonnectError("This database is on PostgreSQL: back it up with pg_dump")
    return Path(db.obj.database)


def _state_file() -> Path:
    return user_data_dir() / "last-backup.json"


def _record(database: Path, at: datetime) -> None:
    path = _state_file()
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        state = {}
    state[str(database.resolve())] = at.isoformat()
    path.write_text(json.dumps(state, indent=1), encoding="utf-8")


def backs_up_here() -> bool:
    """False on PostgreSQL: the server's own backups (pg_dump) cover it, no age to show."""
    return not is_postgres(db)


def last_backup_at() -> datetime | None:
    """When this database was last backed up on this machine (None: never, or PostgreSQL)."""
    if is_postgres(db):
        return None
    try:
        state = json.loads(_state_file().read_text(encoding="utf-8"))
        return datetime.fromisoformat(state[str(Path(db.obj.database).resolve())])
    except (OSError, ValueError, KeyError):
        return None


def _prune(folder: Path, terminal: TerminalView, keep: int) -> tuple[Path, ...]:
    pattern = re.compile(re.escape(f"{PREFIX}{terminal.label}-") + r"(\d{8}-\d{6})(?:-(\d+))?\.db")
    found = [(pattern.fullmatch(p.name), p) for p in folder.iterdir()]
    mine = [p for *_, p in sorted((m.group(1), int(m.group(2) or 1), p) for m, p in found if m)]
    removed = tuple(mine[:-keep]) if len(mine) > keep else ()
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def back_up(
    terminal: TerminalView, clock: Clock, to: Path | None = None, *, keep: int | None = None
) -> BackupResult:
    """Copy the open database into ``to`` (default: the backups folder in the user data dir).

    A folder that was given must already exist: a USB stick that is not plugged in must not turn
    into a folder of the same name on the laptop's own disk.
    """
    source = _database_file()
    if to is None:
        folder = default_folder()
        folder.mkdir(parents=True, exist_ok=True)
    else:
        folder = Path(to).expanduser()
        if not folder.is_dir():
            raise KonnectError(
                "The backup folder {folder} does not exist (is the USB stick in?)", folder=str(folder)
            )
    now = clock()
    local = now.astimezone(ZoneInfo(terminal.outlet.zone)).strftime(STAMP)
    target = folder / f"{PREFIX}{terminal.label}-{local}.db"
    counter = 2
    while target.exists():
        target = folder / f"{PREFIX}{terminal.label}-{local}-{counter}.db"
        counter += 1
    # The journal heads beside the backup, read before the copy: the copy holds at least these
    # entries, and the live file must keep holding them (decisions.md "Sales, receipts and the journal").
    write_anchor_file(target, now)
    try:
        online_copy(source, target)
    except OSError as exc:
        raise KonnectError(
            "Cannot write the backup to {folder}: {reason}",
            folder=str(folder),
            reason=exc.strerror or str(exc),
        ) from None
    removed = _prune(folder, terminal, keep if keep is not None else load_settings().keep)
    _record(source, now)
    return BackupResult(path=target, at=now, size=target.stat().st_size, removed=removed)


def back_up_after_close(terminal: TerminalView, clock: Clock) -> DayCloseBackup | None:
    """Day close's backup to the configured folder; a failure is reported, never raised.

    None on PostgreSQL: the server's own backups (pg_dump) cover a shared database.
    """
    if is_postgres(db):
        return None
    settings = load_settings()
    try:
        result = back_up(
            terminal, clock, Path(settings.folder) if settings.folder else None, keep=settings.keep
        )
    except KonnectError as error:
        return DayCloseBackup(path=None, error=error)
    return DayCloseBackup(path=result.path, error=None)


def check_backup(
    backup_file: Path, current: Path, terminal_label: str | None, *, force: bool = False
) -> Path:
    """The backup's integrity and whose it is, read from the files alone (no database is switched).

    Returns the backup's path; raises the one-line reason it must not replace ``current``.
    """
    backup_file = Path(backup_file).expanduser()
    if not backup_file.is_file():
        raise KonnectError("No backup file at {path}", path=str(backup_file))
    problem = integrity_problem(backup_file)
    if problem:
        raise KonnectError("The backup {path} is damaged: {reason}", path=backup_file.name, reason=problem)
    mine = terminal_uuids(current) if current.exists() and not integrity_problem(current) else {}
    theirs = terminal_uuids(backup_file)
    if not force:
        label = terminal_label or (next(iter(mine)) if len(mine) == 1 else None)
        if label is None:
            raise KonnectError("Choose the terminal with --terminal, or restore with --force")
        if label not in theirs or (label in mine and mine[label] != theirs[label]):
            raise KonnectError(
                "{path} is a backup of another terminal ({terminals}), not {label}: restore it with --force",
                path=backup_file.name,
                terminals=", ".join(sorted(theirs)) or "none",
                label=label,
            )
    return backup_file


def restore(
    backup_file: Path, database_url: str, terminal_label: str | None, *, force: bool = False, clock: Clock
) -> RestoreResult:
    """Replace the SQLite database at ``database_url`` with ``backup_file``.

    Refused, with nothing changed, when the backup fails its integrity check, its journal does
    not verify, or it belongs to another terminal (unless ``force``). The current database is
    kept beside it as ``<name>.before-restore-<time>.db``.
    """
    from konnect_pos.services.verify import verify
    from konnect_pos.store.schema import open_database

    current = sqlite_path(database_url)
    if current is None:
        raise KonnectError("This database is on PostgreSQL: restore it with pg_restore")
    backup_file = check_backup(backup_file, current, terminal_label, force=force)
    staging = current.with_name(f"{current.name}.restoring")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{staging}{suffix}").unlink(missing_ok=True)
    current.parent.mkdir(parents=True, exist_ok=True)
    try:
        online_copy(backup_file, staging)
        opened = open_database(f"sqlite:///{staging}", create=False)
        try:
            report = verify()
        finally:
            opened.close()
        if not report.ok:
            raise KonnectError(
                "The backup's journal does not check out: {problem}", problem=report.problems[0]
            )
        stamp = clock().astimezone().strftime(STAMP)
        aside = None
        if current.exists():
            aside = current.with_name(f"{current.stem}.before-restore-{stamp}.db")
            online_copy(current, aside)
        copy_into(staging, current)
    finally:
        for leftover in [Path(f"{staging}{s}") for s in ("", "-wal", "-shm")] + list(
            staging.parent.glob(f"{staging.name}.schema-v*.bak")
        ):
            leftover.unlink(missing_ok=True)
        if current.exists():
            open_database(database_url, create=False)  # back on the app's database (verify moved it)
    return RestoreResult(
        restored_from=backup_file, kept_aside=aside, sales=report.sales, entries=report.entries
    )


def check_backup_for(terminal: TerminalView, backup_file: Path) -> Path:
    """The GUI's check before it asks to restore (files only: the open database stays as it is)."""
    return check_backup(backup_file, _database_file(), terminal.label)


def restore_here(terminal: TerminalView, backup_file: Path, clock: Clock) -> RestoreResult:
    """The GUI's restore of the open database (its other connections stay open: see copy_into)."""
    return restore(backup_file, f"sqlite:///{_database_file()}", terminal.label, clock=clock)
