"""``konnect-pos catalog``: the whole catalog (bundles and plans) and a manager's or HQ's changes.

``list`` needs no sign-in (it is what every counter shows). ``add-bundle``, ``add-plan``, ``change``
and ``retire`` are made by a manager signed in at a terminal (journaled, pushed to HQ), or with
``--hq URL`` on HQ's catalog, which every terminal pulls at its next sync.
"""

from __future__ import annotations

import argparse

from konnect_pos.cli.common import (
    Commands,
    amount,
    clock,
    given_date,
    lang,
    open_db,
    print_json,
    signed_in,
    tr,
)


def _when(args: argparse.Namespace):
    """The day asked, else now (each country's own local date)."""
    if not args.date:
        return clock()()
    return given_date(args.date)


def entry_line(entry) -> str:
    language = lang()
    state = tr(language, "active") if entry.active else tr(language, "retired")
    since = (
        tr(language, "since {date}", date=entry.since.isoformat())
        if entry.since
        else tr(language, "since it was added")
    )
    from konnect_pos.i18n import format_data, ngettext

    if entry.item == "bundle":
        terms = (
            format_data(entry.data_gb, language)
            + ", "
            + ngettext(language, "{n} day", "{n} days", entry.days)
        )
    else:
        terms = ngettext(language, "every {n} day", "every {n} days", entry.days)
    line = (
        f"{entry.country} {entry.code:<12} {entry.name} · {terms} · {amount(entry.price)} ({since}) · {state}"
    )
    if entry.next_price is not None:
        line += " · " + tr(
            language, "{price} from {date}", price=amount(entry.next_price), date=entry.next_from.isoformat()
        )
    return line


def cmd_list(args: argparse.Namespace) -> int:
    from konnect_pos.services.catalog_admin import list_catalog

    open_db(args, create=False)
    entries = list_catalog(_when(args), args.country)
    if args.json:
        print_json(
            [
                {
                    "item": e.item, "country": e.country, "code": e.code, "name": e.name,
                    "price": str(e.price.amount), "currency": e.price.currency,
                    "since": e.since.isoformat() if e.since else None, "active": e.active, "days": e.days,
                    "data_gb": None if e.data_gb is None else str(e.data_gb),
                    "next_price": None if e.next_price is None else str(e.next_price.amount),
                    "next_from": e.next_from.isoformat() if e.next_from else None,
                }
                for e in entries
            ]
        )  # fmt: skip
        return 0
    language = lang()
    for item, title in (("bundle", tr(language, "Bundles")), ("plan", tr(language, "Plans"))):
        shown = [e for e in entries if e.item == item]
        print(f"{title} ({len(shown)})")
        for entry in shown:
            print("  " + entry_line(entry))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from konnect_pos.services import catalog_admin

    item = "bundle" if args.action == "add-bundle" else "plan"
    gb = getattr(args, "gb", "") or ""
    if args.hq:
        code = catalog_admin.hq_add(
            args.hq,
            item,
            args.country or "",
            args.code,
            args.name,
            args.price,
            args.days,
            gb,
            args.speed or "",
        )
        print(tr(lang(), "{code} added to the catalog at headquarters", code=code))
        return 0
    open_db(args, create=False)
    counter = signed_in(args)
    if item == "bundle":
        entry = catalog_admin.add_bundle(
            counter, args.country, args.code, args.name, args.price, gb, args.days, args.speed or ""
        )
    else:
        entry = catalog_admin.add_plan(counter, args.country, args.code, args.name, args.price, args.days)
    print(entry_line(entry))
    return 0


def cmd_change(args: argparse.Namespace) -> int:
    from konnect_pos.services import catalog_admin

    changes = {
        "name": args.name, "price": args.price, "effective": args.effective, "days": args.days,
        "data_gb": args.gb,
    }  # fmt: skip
    if args.hq:
        if args.action == "retire":
            catalog_admin.hq_retire(args.hq, args.item, args.code)
            print(tr(lang(), "{code} retired at headquarters", code=args.code.upper()))
        else:
            catalog_admin.hq_change(args.hq, args.item, args.code, clock(), **changes)
            print(tr(lang(), "{code} changed at headquarters", code=args.code.upper()))
        return 0
    open_db(args, create=False)
    counter = signed_in(args)
    if args.action == "retire":
        entry = catalog_admin.retire(counter, args.item, args.code)
    else:
        entry = catalog_admin.change(counter, args.item, args.code, **changes)
    print(entry_line(entry))
    return 0


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    catalog = sub.add_parser("catalog")
    actions = catalog.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", parents=[common], help="bundles and plans with today's prices")
    listing.add_argument("--country", help="TZ, CD, CG or CI (default: every country)")
    listing.add_argument("--date", help="the prices of this day (YYYY-MM-DD; default today)")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--terminal")
    listing.set_defaults(handler=cmd_list)
    hq = argparse.ArgumentParser(add_help=False)
    hq.add_argument("--hq", metavar="URL", help="change HQ's catalog instead (HQ owner's URL)")
    hq.add_argument("--terminal")
    for name, text in (("add-bundle", "a new bundle"), ("add-plan", "a new plan")):
        add = actions.add_parser(name, parents=[common, hq], help=f"{text} (managers, or --hq)")
        add.add_argument("code")
        add.add_argument("name")
        add.add_argument("price", help="VAT-inclusive, in the country's currency")
        if name == "add-bundle":
            add.add_argument("gb", help="high-speed data in GB")
        add.add_argument("days", help="validity (bundle) or period (plan) in days")
        add.add_argument("--country", help="default: the outlet's country (required with --hq)")
        add.add_argument("--speed", help="bundle: speed label, e.g. 'up to 50 Mbps'")
        add.set_defaults(handler=cmd_add)
    change = actions.add_parser("change", parents=[common, hq], help="rename, reprice from a date, new terms")
    change.add_argument("item", choices=["bundle", "plan"])
    change.add_argument("code")
    change.add_argument("--name")
    change.add_argument("--price", help="the new price")
    change.add_argument("--from", dest="effective", help="first day of the new price (default today)")
    change.add_argument("--days", help="new validity or period in days")
    change.add_argument("--gb", help="bundle: new high-speed data in GB")
    change.set_defaults(handler=cmd_change)
    retire = actions.add_parser("retire", parents=[common, hq], help="take off sale (history kept)")
    retire.add_argument("item", choices=["bundle", "plan"])
    retire.add_argument("code")
    retire.set_defaults(handler=cmd_change, name=None, price=None, effective=None, days=None, gb=None)
