"""``konnect-pos customers``: search, register and show customers."""

from __future__ import annotations

import argparse

from konnect_pos.cli.common import Commands, clock, open_db, print_json, signed_in
from konnect_pos.cli.timeline import timeline_json, timeline_lines


def _region(args: argparse.Namespace) -> str:
    from konnect_pos.domain.countries import country

    return country(args.country).code


def cmd_customers_search(args: argparse.Namespace) -> int:
    from konnect_pos.services.customers import search_customers

    open_db(args, create=False)
    found = search_customers(args.query, region=_region(args), limit=args.limit)
    if args.json:
        print_json(found)
    elif not found:
        print("No customer found")
    else:
        for c in found:
            print(f"{c.account_number:<12} {c.name:<32} {c.phone:<16} {c.kit_serial or ''}")
    return 0


def cmd_customers_add(args: argparse.Namespace) -> int:
    from konnect_pos.domain.customers import CustomerInput
    from konnect_pos.domain.roles import Right
    from konnect_pos.services.customers import create_customer

    open_db(args, create=False)
    counter = signed_in(args)
    counter.require(Right.EDIT_CUSTOMERS)
    created = create_customer(
        CustomerInput(
            name=args.name,
            phone=args.phone,
            country=_region(args),
            account_number=args.account,
            kit_serial=args.kit_serial or "",
            language=args.language or "",
        ),
        counter.clock,
        counter.terminal.id,
    )
    if args.json:
        print_json(created)
    else:
        print(f"Customer {created.account_number} created: {created.name}, {created.phone}")
    return 0


def cmd_customers_show(args: argparse.Namespace) -> int:
    from konnect_pos.domain.countries import country
    from konnect_pos.services.checkout import account_timeline
    from konnect_pos.services.customers import get_customer

    open_db(args, create=False)
    customer = get_customer(args.account)
    timeline = account_timeline(customer.account_number, clock()())
    if args.json:
        from dataclasses import asdict

        print_json({**asdict(customer), "timeline": timeline_json(timeline)})
    else:
        print(f"{customer.account_number}  {customer.name}  {customer.phone}  {customer.kit_serial or ''}")
        print("\n".join(timeline_lines(timeline, country(customer.country).zones[0])))
    return 0


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    customers = sub.add_parser("customers").add_subparsers(dest="action", required=True)
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
    add.add_argument("--terminal", help="the counter recording it (default: the only terminal)")
    add.set_defaults(handler=cmd_customers_add)

    show = customers.add_parser("show", parents=[common], help="one customer")
    show.add_argument("account")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_customers_show)
