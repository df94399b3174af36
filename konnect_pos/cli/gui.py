"""Open the app: ``konnect-pos`` with no sub-command, and ``demo`` once the shop is seeded."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from konnect_pos.cli.common import open_db


def launch_gui(open_database: Callable[[], None] | None, terminal: str | None) -> int:
    """``open_database`` runs on the database thread once the login window shows (None: already open)."""
    from konnect_pos.ui.app import run

    return run(open_database, terminal)


def cmd_gui(args: argparse.Namespace) -> int:
    return launch_gui(lambda: open_db(args), args.terminal)  # opened once the login window shows
