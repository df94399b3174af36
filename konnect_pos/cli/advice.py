"""``konnect-pos advise ACCOUNT`` and ``konnect-pos outlets nearest --town T | --at LAT,LON``."""

from __future__ import annotations

import argparse

from konnect_pos.cli.common import Commands, clock, lang, open_db, print_json


def cmd_advise(args: argparse.Namespace) -> int:
    from konnect_pos.advice_words import advice_line
    from konnect_pos.services.advice import advise

    open_db(args, create=False)
    advice = advise(args.account, clock()())
    if args.json:
        print_json(
            None
            if advice is None
            else {
                "bundle": advice.offer.code,
                "name": advice.offer.name,
                "price": str(advice.offer.price.amount),
                "currency": advice.offer.price.currency,
                "trigger": advice.trigger.value,
                "reason": advice.reason.value,
                "days": advice.days,
                "percent": advice.percent,
                "bundles_seen": advice.bundles_seen,
                "ran_out": advice.ran_out,
                "gb_per_day": None if advice.gb_per_day is None else str(round(advice.gb_per_day, 3)),
            }
        )
        return 0
    if advice is not None:
        print(advice_line(advice, lang()))
    return 0


def cmd_outlets(args: argparse.Namespace) -> int:
    from konnect_pos.advice_words import NEAREST_HEAD, NONE_NEAR, nearby_line
    from konnect_pos.i18n import tr
    from konnect_pos.services.outlet_directory import nearest_outlets

    open_db(args, create=False)
    found = nearest_outlets(town=args.town, at=args.at, kind=args.kind, limit=args.limit)
    if args.json:
        print_json(
            {
                "origin": found.origin,
                "outlets": [
                    {
                        "code": n.outlet.code,
                        "name": n.outlet.name,
                        "kind": n.outlet.kind,
                        "country": n.outlet.country,
                        "town": n.outlet.town,
                        "district": n.outlet.district,
                        "address": n.outlet.address,
                        "latitude": str(n.outlet.point.latitude),
                        "longitude": str(n.outlet.point.longitude),
                        "distance_km": str(n.distance_km),
                        "opening_hours": n.outlet.opening_hours,
                        "phone": n.outlet.phone,
                        "takes": list(n.outlet.methods),
                    }
                    for n in found.outlets
                ],
            }
        )
        return 0
    print(tr(lang(), NEAREST_HEAD, origin=found.origin))
    if not found.outlets:
        print(tr(lang(), NONE_NEAR))
    for rank, nearby in enumerate(found.outlets, start=1):
        print(nearby_line(rank, nearby, lang()))
    return 0


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    advise = sub.add_parser("advise", parents=[common])
    advise.add_argument("account")
    advise.add_argument("--json", action="store_true")
    advise.add_argument("--terminal")
    advise.set_defaults(handler=cmd_advise)
    outlets = sub.add_parser("outlets", parents=[common])
    outlets.add_argument("action", choices=["nearest"])
    where = outlets.add_mutually_exclusive_group(required=True)
    where.add_argument("--town", help="a town of the directory, e.g. Goma")
    where.add_argument(
        "--at", help="LATITUDE,LONGITUDE in degrees; south or west with =: --at=-6.8161,39.2804"
    )
    outlets.add_argument("--kind", choices=["shop", "distributor"])
    outlets.add_argument("--limit", type=int, default=10)
    outlets.add_argument("--json", action="store_true")
    outlets.add_argument("--terminal")
    outlets.set_defaults(handler=cmd_outlets)
