"""``konnect-pos float status [--json]``, ``float override --reason R`` at a terminal, and HQ's side
(``hq float-limit``, ``hq offline-limit``, ``hq float-top-up``, ``hq floats``) called from ``hq``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from konnect_pos.cli.common import Commands, amount, approver, clock, lang, open_db, print_json, signed_in, tr
from konnect_pos.domain.errors import ValidationError

if TYPE_CHECKING:
    from konnect_pos.services.outlet_limits import LimitsStatus

HQ_ACTIONS = ("float-limit", "offline-limit", "float-top-up", "floats")


def status_lines(state: LimitsStatus, language: str) -> list[str]:
    """What ``float status`` prints (the counter's status bar says the same in fewer words)."""
    from konnect_pos.i18n import days_text

    lines = []
    position = state.float
    if position is None:
        lines.append(
            tr(language, "{terminal}: no float at headquarters for this outlet", terminal=state.terminal)
        )
    else:
        lines.append(
            tr(
                language,
                "{terminal}: float left {left} (paid in {paid}, used {used}, credit limit {credit})",
                terminal=state.terminal,
                left=position.left,
                paid=position.topped_up,
                used=position.used + position.used_since,
                credit=position.credit_limit,
            )
        )
    offline = state.offline
    if offline is None:
        lines.append(tr(language, "No offline limit applies"))
        return lines
    parts = []
    if offline.days_left is not None:
        parts.append(days_text(offline.days_left, language))
    if offline.sales_left is not None:
        parts.append(tr(language, "{sales} sale(s)", sales=offline.sales_left))
    if offline.amount_left is not None:
        parts.append(amount(offline.amount_left))
    lines.append(tr(language, "Offline allowance left until a sync: {left}", left=", ".join(parts)))
    if offline.warning:
        lines.append(tr(language, "Warning: sync with headquarters soon, the offline limit is near"))
    return lines


def cmd_float(args: argparse.Namespace) -> int:
    from konnect_pos.services.outlet_limits import limits_status, override_offline

    open_db(args, create=False)
    if args.action == "override":
        if not args.reason:
            raise ValidationError("Give the reason for the override (at most 200 characters)", field="reason")
        counter = signed_in(args)
        at = override_offline(counter, approver(), args.reason)
        print(
            tr(
                lang(),
                "Offline limits lifted until the next sync (override at {at} UTC)",
                at=f"{at:%Y-%m-%d %H:%M}",
            )
        )
        return 0
    from konnect_pos.cli.common import terminal_label
    from konnect_pos.services.outlets import get_terminal

    state = limits_status(get_terminal(terminal_label(args)), clock()())
    if args.json:
        print_json(
            {
                "terminal": state.terminal,
                "pulled_at": state.pulled_at,
                "float": None
                if state.float is None
                else {
                    "currency": state.float.left.currency,
                    "left": state.float.left.amount,
                    "credit_limit": state.float.credit_limit.amount,
                    "topped_up": state.float.topped_up.amount,
                    "used": (state.float.used + state.float.used_since).amount,
                    "used_since_pull": state.float.used_since.amount,
                },
                "offline": None
                if state.offline is None
                else {
                    "since": state.offline.use.since,
                    "sales": state.offline.use.sales,
                    "days_left": state.offline.days_left,
                    "sales_left": state.offline.sales_left,
                    "amount_left": None
                    if state.offline.amount_left is None
                    else state.offline.amount_left.amount,
                    "warning": state.offline.warning,
                },
            }
        )
        return 0
    for line in status_lines(state, lang()):
        print(line)
    return 0


def _whole(text: str, name: str) -> int | None:
    if text == "-":
        return None
    if not text.isdigit():
        raise ValidationError("The offline {name} must be a whole number above zero", field=name, name=name)
    return int(text)


def hq_float(url: str, args: argparse.Namespace) -> None:
    """The ``hq`` actions of issue 19 (cli/sync.py hands them over)."""
    from konnect_pos.hq import distributor_float as hq_float_admin

    names = args.names
    if args.action == "float-limit":
        if len(names) != 3:
            raise ValidationError("Use: hq float-limit OUTLET CURRENCY CREDIT_LIMIT")
        limit = hq_float_admin.set_credit_limit(url, *names)
        print(f"{names[0].upper()}: credit limit {amount(limit)}")
    elif args.action == "offline-limit":
        if len(names) not in (4, 5):
            raise ValidationError(
                "Use: hq offline-limit OUTLET DAYS SALES AMOUNT [CURRENCY] ('-' for no limit)"
            )
        days, sales = _whole(names[1], "days"), _whole(names[2], "sales")
        money = None if names[3] == "-" else names[3]
        hq_float_admin.set_offline_limits(
            url, names[0], days, sales, money, names[4] if len(names) == 5 else None
        )
        print(f"{names[0].upper()}: offline limits {names[1]} day(s), {names[2]} sale(s), amount {names[3]}")
    elif args.action == "float-top-up":
        if len(names) != 3 or not args.date:
            raise ValidationError("Use: hq float-top-up OUTLET AMOUNT REFERENCE --date YYYY-MM-DD")
        from konnect_pos.cli.common import given_date

        paid = hq_float_admin.record_top_up(url, names[0], names[1], names[2], given_date(args.date))
        print(f"{names[0].upper()}: float topped up by {amount(paid)} ({names[2]})")
    else:
        rows = hq_float_admin.positions(url)
        if args.json:
            print_json(
                [
                    {
                        "outlet_code": r.outlet_code,
                        "currency": r.currency,
                        "credit_limit": r.credit_limit.amount,
                        "topped_up": r.topped_up.amount,
                        "used": r.used.amount,
                        "balance": r.balance.amount,
                        "left": r.left.amount,
                        "sales": r.sales,
                        "last_top_up": r.last_top_up,
                        "last_push_at": r.last_push_at,
                    }
                    for r in rows
                ]
            )
            return
        print("Distributors' floats (sales HQ has received)")
        for r in rows:
            print(
                f"{r.outlet_code:<8} left {amount(r.left)}  paid in {amount(r.topped_up)}"
                f"  used {amount(r.used)} ({r.sales} sale(s))  credit limit {amount(r.credit_limit)}"
                f"  balance {amount(r.balance)}"
            )
        if not rows:
            print("No outlet has a float")


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("float", parents=[common])
    parser.add_argument("action", choices=["status", "override"])
    parser.add_argument("--reason", help="override: why selling continues without a sync")
    parser.add_argument("--terminal")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=cmd_float)
