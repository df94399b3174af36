"""The ``konnect-pos`` command: the GUI by default, sub-commands for headless work.

Every error a user can cause is one translated line on stderr and exit code 2;
nothing is written when that happens (the services raise before committing).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, is_dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from konnect_pos.domain.errors import KonnectError
from konnect_pos.i18n import translate_error

EXIT_USAGE = 2


def _lang() -> str:
    lang = os.environ.get("KONNECT_POS_LANG", "en")
    return lang if lang in ("en", "fr", "sw") else "en"


def _open(args: argparse.Namespace, *, create: bool = True) -> None:
    from konnect_pos.store.schema import open_database

    open_database(args.db, create=create)


def _clock() -> Callable[[], Any]:
    from konnect_pos.services.clock import system_clock

    return system_clock


def _jsonable(value: Any) -> Any:
    if is_dataclass(value):
        return _jsonable(asdict(value))
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _print_json(value: Any) -> None:
    print(json.dumps(_jsonable(value), ensure_ascii=False, indent=2))


def _demo_url(args: argparse.Namespace) -> str:
    from konnect_pos.paths import user_data_dir

    return args.db or os.environ.get("KONNECT_POS_DB") or f"sqlite:///{user_data_dir() / 'demo.db'}"


def cmd_demo(args: argparse.Namespace) -> int:
    from konnect_pos.services import demo
    from konnect_pos.store.models import Outlet
    from konnect_pos.store.schema import open_database

    if args.customers < 0 or args.customers > 5_000_000:
        raise KonnectError("--customers must be between 0 and 5,000,000")
    url = _demo_url(args)
    if args.fresh and url.startswith("sqlite:///"):
        for suffix in ("", "-wal", "-shm"):
            Path(url[len("sqlite:///") :] + suffix).unlink(missing_ok=True)
    open_database(url)
    if not Outlet.select().exists():

        def progress(done: int, total: int) -> None:
            if total >= 20_000 and (done == total or done % 50_000 == 0):
                print(f"  {done:,} / {total:,} customers", file=sys.stderr)

        summary = demo.seed(_clock(), customers=args.customers, only_country=args.country, progress=progress)
        print(f"Demo shop created: {', '.join(summary.terminals)}; {summary.customers:,} customers")
    print(f"Database: {url}")
    print("Users: cashier (PIN 1111), manager (PIN 2222), admin (PIN 9999)")
    if args.no_gui:
        return 0
    os.environ["KONNECT_POS_DB"] = url
    return _launch_gui(url, args.terminal)


def _launch_gui(url: str, terminal: str | None) -> int:
    from konnect_pos.ui.app import run

    return run(url, terminal)


def cmd_gui(args: argparse.Namespace) -> int:
    from konnect_pos.store.database import resolve_url

    _open(args)
    return _launch_gui(resolve_url(args.db), args.terminal)


def _region(args: argparse.Namespace) -> str:
    from konnect_pos.domain.countries import country

    return country(args.country).code


def cmd_customers_search(args: argparse.Namespace) -> int:
    from konnect_pos.services.customers import search_customers

    _open(args, create=False)
    found = search_customers(args.query, region=_region(args), limit=args.limit)
    if args.json:
        _print_json(found)
    elif not found:
        print("No customer found")
    else:
        for c in found:
            print(f"{c.account_number:<12} {c.name:<32} {c.phone:<16} {c.kit_serial or ''}")
    return 0


def cmd_customers_add(args: argparse.Namespace) -> int:
    from konnect_pos.domain.customers import CustomerInput
    from konnect_pos.services.customers import create_customer

    _open(args, create=False)
    created = create_customer(
        CustomerInput(
            name=args.name,
            phone=args.phone,
            country=_region(args),
            account_number=args.account,
            kit_serial=args.kit_serial or "",
            language=args.language or "",
        ),
        _clock(),
    )
    if args.json:
        _print_json(created)
    else:
        print(f"Customer {created.account_number} created: {created.name}, {created.phone}")
    return 0


def cmd_customers_show(args: argparse.Namespace) -> int:
    from konnect_pos.services.customers import get_customer

    _open(args, create=False)
    customer = get_customer(args.account)
    if args.json:
        _print_json(customer)
    else:
        print(f"{customer.account_number}  {customer.name}  {customer.phone}  {customer.kit_serial or ''}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", help="database URL: sqlite:///path or postgresql://… (default: KONNECT_POS_DB)"
    )
    parser = argparse.ArgumentParser(prog="konnect-pos", parents=[common], description=__doc__)
    parser.add_argument("--terminal", help="terminal label, e.g. KIN01-T1")
    parser.set_defaults(handler=cmd_gui)
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo", parents=[common], help="create a demo shop and open the app")
    demo.add_argument("--customers", type=int, default=2_000)
    demo.add_argument("--country", help="only this country's outlet (TZ, CD, CG, CI)")
    demo.add_argument("--no-gui", action="store_true", help="only seed and print where the database is")
    demo.add_argument("--fresh", action="store_true", help="delete the demo database first")
    demo.add_argument("--terminal", help="terminal label to open, e.g. KIN01-T1")
    demo.set_defaults(handler=cmd_demo)

    customers = sub.add_parser("customers", help="look up and register customers").add_subparsers(
        dest="action", required=True
    )
    search = customers.add_parser("search", parents=[common], help="find customers by any fragment")
    search.add_argument("query")
    search.add_argument("--country", default="CD", help="country for reading local phone numbers")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=cmd_customers_search)

    add = customers.add_parser("add", parents=[common], help="register a customer")
    add.add_argument("--name", required=True)
    add.add_argument("--phone", required=True)
    add.add_argument("--country", required=True)
    add.add_argument("--account", required=True)
    add.add_argument("--kit-serial")
    add.add_argument("--language", choices=["en", "fr", "sw"])
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=cmd_customers_add)

    show = customers.add_parser("show", parents=[common], help="one customer")
    show.add_argument("account")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_customers_show)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except KonnectError as error:
        print(f"konnect-pos: {translate_error(error, _lang())}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
