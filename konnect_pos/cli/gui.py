"""Open the app: ``konnect-pos`` with no sub-command, and ``demo`` once the shop is seeded."""

from __future__ import annotations

import argparse

from konnect_pos.cli.common import open_db


def launch_gui(url: str, terminal: str | None) -> int:
    from konnect_pos.ui.app import run

    return run(url, terminal)


def cmd_gui(args: argparse.Namespace) -> int:
    from konnect_pos.store.database import resolve_url

    open_db(args)
    return launch_gui(resolve_url(args.db), args.terminal)
