"""``konnect-pos demo``: a demo shop in its own database, then the app on it."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from konnect_pos.cli.common import Commands, clock
from konnect_pos.cli.gui import launch_gui
from konnect_pos.domain.errors import KonnectError


def _demo_url(args: argparse.Namespace) -> str:
    from konnect_pos.store.database import demo_url

    return args.db or os.environ.get("KONNECT_POS_DB") or demo_url()


def cmd_demo(args: argparse.Namespace) -> int:
    from konnect_pos.services import demo, outlets
    from konnect_pos.store.schema import open_database

    if args.customers < 0 or args.customers > 5_000_000:
        raise KonnectError("--customers must be between 0 and 5,000,000")
    url = _demo_url(args)
    if args.fresh and url.startswith("sqlite:///"):
        for suffix in ("", "-wal", "-shm"):
            Path(url[len("sqlite:///") :] + suffix).unlink(missing_ok=True)
    open_database(url)
    if not outlets.list_terminals():

        def progress(done: int, total: int) -> None:
            if total >= 20_000 and (done == total or done % 50_000 == 0):
                print(f"  {done:,} / {total:,} customers", file=sys.stderr)

        summary = demo.seed(clock(), customers=args.customers, only_country=args.country, progress=progress)
        print(f"Demo shop created: {', '.join(summary.terminals)}; {summary.customers:,} customers")
    print(f"Database: {url}")
    print("Users: cashier (PIN 1111), manager (PIN 222222), admin (PIN 999999)")
    if args.no_gui:
        return 0
    os.environ["KONNECT_POS_DB"] = url
    return launch_gui(None, args.terminal)  # already open


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    demo = sub.add_parser("demo", parents=[common])
    demo.add_argument("--customers", type=int, default=2_000)
    demo.add_argument("--country", help="only this country's outlet (TZ, CD, CG, CI)")
    demo.add_argument("--no-gui", action="store_true", help="only seed and print where the database is")
    demo.add_argument("--fresh", action="store_true", help="delete the demo database first")
    demo.add_argument("--terminal", default=argparse.SUPPRESS, help="terminal label to open, e.g. KIN01-T1")
    demo.set_defaults(handler=cmd_demo)
