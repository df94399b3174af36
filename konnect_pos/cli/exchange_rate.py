"""``konnect-pos rate set USD CDF 2850 [--date YYYY-MM-DD]`` and ``konnect-pos rate show``."""

from __future__ import annotations

import argparse

from konnect_pos.cli.common import Commands, approver, open_db, print_json, signed_in


def rate_text(rate) -> str:
    from konnect_pos.domain.exchange import rate_text as text  # money and babel: only when used

    return text(rate)


def cmd_rate(args: argparse.Namespace) -> int:
    from konnect_pos.services.exchange_rates import current_rate, recent_rates, set_rate

    open_db(args, create=False)
    counter = signed_in(args)
    if args.action == "set":
        view = set_rate(counter, args.base, args.quote, args.rate, on=args.date, approver=approver())
        print(f"{counter.terminal.outlet.code} {view.effective_date}: {rate_text(view.rate)}")
        return 0
    rate = current_rate(counter)
    views = recent_rates(counter)
    if args.json:
        print_json(
            {
                "in_force": None
                if rate is None
                else {
                    "base": rate.base,
                    "quote": rate.quote,
                    "per_base": str(rate.per_base),
                    "since": rate.since,
                },
                "recent": [
                    {
                        "date": v.effective_date,
                        "per_base": str(v.rate.per_base),
                        "set_at": v.set_at,
                        "by": v.set_by,
                    }
                    for v in views
                ],
            }
        )
        return 0
    print(f"In force: {rate_text(rate)} (since {rate.since})" if rate else "In force: no rate set")
    for view in views:
        print(
            f"  {view.effective_date}  {rate_text(view.rate)}  "
            f"set {view.set_at:%Y-%m-%d %H:%M} UTC by {view.set_by}"
        )
    return 0


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    rate = sub.add_parser("rate", parents=[common])
    rate.add_argument("action", choices=["set", "show"])
    rate.add_argument("base", nargs="?", default="USD")
    rate.add_argument("quote", nargs="?", default="CDF")
    rate.add_argument("rate", nargs="?", help="francs for one dollar, e.g. 2850")
    rate.add_argument("--date", help="YYYY-MM-DD, the outlet's local day (default today)")
    rate.add_argument("--terminal")
    rate.add_argument("--json", action="store_true")
    rate.set_defaults(handler=cmd_rate)
