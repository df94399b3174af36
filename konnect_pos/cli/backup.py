"""Commands that copy the terminal's database out and back: backup, restore, backup-settings."""

from __future__ import annotations

import argparse
from pathlib import Path

from konnect_pos.cli.common import Commands, clock, lang, open_db, terminal_label, tr
from konnect_pos.domain.errors import KonnectError


def cmd_backup(args: argparse.Namespace) -> int:
    from konnect_pos.services.backup import back_up
    from konnect_pos.services.outlets import get_terminal

    if _is_postgres(args):
        raise KonnectError("This database is on PostgreSQL: back it up with pg_dump")
    open_db(args, create=False)
    result = back_up(get_terminal(terminal_label(args)), clock(), Path(args.to) if args.to else None)
    print(tr(lang(), "Backup written: {path} ({size} KB)", path=str(result.path), size=result.size // 1024))
    for path in result.removed:
        print(tr(lang(), "Older backup removed: {name}", name=path.name))
    return 0


def _is_postgres(args: argparse.Namespace) -> bool:
    from konnect_pos.store.database import resolve_url

    return not resolve_url(args.db).startswith("sqlite:///")


def cmd_restore(args: argparse.Namespace) -> int:
    import os

    from konnect_pos.services.backup import restore
    from konnect_pos.store.database import resolve_url

    if _is_postgres(args):
        raise KonnectError("This database is on PostgreSQL: restore it with pg_restore")
    label = args.terminal or os.environ.get("KONNECT_POS_TERMINAL")
    result = restore(Path(args.file), resolve_url(args.db), label, force=args.force, clock=clock())
    print(
        tr(
            lang(),
            "Restored from {name}: {sales} sales, {entries} journal entries, journal verified",
            name=result.restored_from.name,
            sales=result.sales,
            entries=result.entries,
        )
    )
    if result.kept_aside:
        print(tr(lang(), "The database as it was is kept as {path}", path=str(result.kept_aside)))
    return 0


def cmd_backup_settings(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from konnect_pos.services.backup import load_settings, save_settings

    settings = load_settings()
    if args.folder is not None or args.keep is not None:
        settings = save_settings(
            replace(
                settings,
                folder=settings.folder if args.folder is None else args.folder,
                keep=settings.keep if args.keep is None else args.keep,
            )
        )
    folder = settings.folder or tr(lang(), "(the backups folder in the user data folder)")
    print(tr(lang(), "Day close backs up to: {folder}", folder=folder))
    print(tr(lang(), "Backups kept per terminal: {keep}", keep=settings.keep))
    return 0


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    backup = sub.add_parser("backup", parents=[common])
    backup.add_argument("--to", help="folder to write into (default: the backups folder)")
    backup.add_argument("--terminal")
    backup.set_defaults(handler=cmd_backup)

    restore = sub.add_parser("restore", parents=[common])
    restore.add_argument("file")
    restore.add_argument("--terminal", help="this terminal, OUTLET-CODE (default: the database's only one)")
    restore.add_argument("--force", action="store_true", help="restore a backup of another terminal")
    restore.set_defaults(handler=cmd_restore)

    settings = sub.add_parser("backup-settings", parents=[common])
    settings.add_argument("--folder", help="folder for day close backups (a USB stick); '' for the default")
    settings.add_argument("--keep", type=int, help="backups kept per terminal (default 30)")
    settings.set_defaults(handler=cmd_backup_settings)
