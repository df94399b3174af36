"""``konnect-pos day`` and ``cash``: open, close or show the business day; cash in and out."""

from __future__ import annotations

import argparse
import sys

from konnect_pos.cli.common import Commands, amount, approver, lang, open_db, signed_in
from konnect_pos.domain.errors import KonnectError


def _pairs(specs: list[str] | None, what: str) -> dict[str, str]:
    result = {}
    for spec in specs or []:
        currency, sep, value = spec.partition(":")
        if not sep or not value:
            raise KonnectError("{what} {spec} not understood: use CURRENCY:AMOUNT", what=what, spec=spec[:40])
        result[currency.strip().upper()] = value.strip()
    return result


def _counts(specs: list[str] | None) -> dict[str, dict[str, str]]:
    result: dict[str, dict[str, str]] = {}
    for spec in specs or []:
        currency, _, rest = spec.partition(":")
        key, sep, quantity = rest.partition("=")
        if not sep or ":" not in key or not quantity.strip():
            raise KonnectError(
                "Count {spec} not understood: use CURRENCY:note|coin:VALUE=QUANTITY", spec=spec[:40]
            )
        result.setdefault(currency.strip().upper(), {})[key.strip()] = quantity.strip()
    return result


def cmd_day(args: argparse.Namespace) -> int:
    from konnect_pos.services import business_day

    open_db(args, create=False)
    counter = signed_in(args)
    if args.action == "open":
        day = business_day.open_day(counter, _pairs(args.float, "Float"), approver=approver())
        floats = ", ".join(amount(m) for m in day.floats.values())
        print(f"Business day {day.business_date} opened at {counter.terminal.label}; float {floats}")
    elif args.action == "close":
        result = business_day.close_day(
            counter, _counts(args.count), comment=args.comment or "", approver=approver()
        )
        print(f"Business day {result.business_date} closed: Z report {result.z_number}")
        for count in result.counts:
            print(
                f"  {count.currency}: expected {amount(count.expected)}, counted {amount(count.counted)}, "
                f"variance {amount(count.variance)}"
            )
        if result.backup is not None:
            from konnect_pos.i18n import tr, translate_error

            if result.backup.error is None:
                print(tr(lang(), "Backup written: {path}", path=str(result.backup.path)))
            else:
                reason = translate_error(result.backup.error, lang())
                print(tr(lang(), "The backup failed: {reason}", reason=reason), file=sys.stderr)
    else:
        day = business_day.current_day(counter)
        print(f"{counter.terminal.label}: " + (f"{day.business_date} {day.status}" if day else "no day open"))
    return 0


def cmd_cash(args: argparse.Namespace) -> int:
    from konnect_pos.services import business_day

    open_db(args, create=False)
    counter = signed_in(args)
    moved = business_day.cash_movement(
        counter, args.direction, args.amount, args.currency.upper(), args.reason, approver=approver()
    )
    print(f"Cash {args.direction}: {amount(moved)} ({args.reason})")
    return 0


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    day = sub.add_parser("day", parents=[common])
    day.add_argument("action", choices=["open", "close", "status"])
    day.add_argument("--terminal")
    day.add_argument("--float", action="append", help="opening float CURRENCY:AMOUNT (repeat per currency)")
    day.add_argument("--count", action="append", help="drawer count CURRENCY:note|coin:VALUE=QUANTITY")
    day.add_argument("--comment")
    day.set_defaults(handler=cmd_day)

    cash = sub.add_parser("cash", parents=[common])
    cash.add_argument("direction", choices=["in", "out"])
    cash.add_argument("amount")
    cash.add_argument("currency")
    cash.add_argument("--reason", required=True)
    cash.add_argument("--terminal")
    cash.set_defaults(handler=cmd_cash)
