"""Commands for balances, plans and Connect+: balance, topup, connectplus, run-daily."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from konnect_pos.cli.common import (
    Commands,
    amount,
    clock,
    given_date,
    lang,
    open_db,
    output_path,
    print_json,
    signed_in,
    tr,
)
from konnect_pos.domain.errors import ValidationError

if TYPE_CHECKING:
    from datetime import date


def _status_lines(account: str, day: date) -> list[str]:
    from konnect_pos.services.plans import plan_status

    found = plan_status(account, day)
    if found is None:
        return [f"{account}: no plan"]
    s = found.status
    lines = [
        f"{account}: plan {found.plan_name} ({amount(found.plan_fee)} every {found.period_days} days)",
        f"Balance: {amount(s.balance)}",
        f"Service: {s.service.value}" + (f" since {s.connect_plus_since}" if s.connect_plus_since else ""),
        f"Paid until: {s.paid_until or '—'}; next fee date: {s.next_fee_date or '—'}",
    ]
    if s.eligible:
        left = "—" if s.window_days_left is None else str(s.window_days_left)
        fee = amount(found.daily_fee) if found.daily_fee else "—"
        lines.append(
            f"Connect+: {fee} a day; days left in the window {left}; "
            f"activations {s.activations_used} of {s.max_activations} in {s.activation_window_days} days"
            + ("; opted out" if s.opted_out else "")
        )
    lines.append(tr(lang(), s.explanation, **s.params))
    return lines


def _account_today(args: argparse.Namespace, account: str) -> date:
    """``--date``, else today where the account is (its country's day, not UTC's: at 23:30 UTC
    Kinshasa and Dar es Salaam are already on the next day)."""
    if args.date:
        return given_date(args.date)
    from konnect_pos.domain.countries import COUNTRIES
    from konnect_pos.services.clock import local_date
    from konnect_pos.services.customers import get_customer

    return local_date(clock()(), COUNTRIES[get_customer(account).country].zones[0])


def cmd_balance(args: argparse.Namespace) -> int:
    from konnect_pos.services.plans import balance

    open_db(args, create=False)
    total, entries = balance(args.account)
    if args.json:
        print_json({"balance": total, "entries": [{"entry": e, "balance_after": b} for e, b in entries]})
        return 0
    for entry, after in entries:
        moved, total_after = amount(entry.amount), amount(after)
        print(f"{entry.day}  {entry.kind.value:<17} {moved:>14}  → {total_after:>14}  {entry.key}")
    print(f"Balance of {args.account.upper()}: {amount(total)}")
    return 0


def cmd_topup(args: argparse.Namespace) -> int:
    from konnect_pos.domain.payments import parse_tender_spec
    from konnect_pos.services.plans import top_up_balance
    from konnect_pos.services.receipts import receipt_pdf

    receipt = output_path(args.receipt)
    open_db(args, create=False)
    counter = signed_in(args)
    currency = counter.terminal.outlet.country.currency
    tenders = [parse_tender_spec(spec, currency) for spec in args.pay or []]
    result = top_up_balance(counter, args.account, args.amount, tenders, language=args.language)
    if receipt:
        receipt.write_bytes(receipt_pdf(counter, result.receipt_number, fmt=args.format))
    print(f"Receipt {result.receipt_number}: top-up {amount(result.amount)}, change {amount(result.change)}")
    print(f"New balance: {amount(result.balance)}")
    print(tr(lang(), result.outcome.explanation, **result.outcome.params))
    return 0


def cmd_connectplus(args: argparse.Namespace) -> int:
    from konnect_pos.services.plans import set_opt

    open_db(args, create=False)
    if args.action != "status":
        set_opt(signed_in(args), args.account, opted_in=args.action == "opt-in")
    account = args.account.upper()
    print("\n".join(_status_lines(account, _account_today(args, account))))
    return 0


def cmd_run_daily(args: argparse.Namespace) -> int:
    from konnect_pos.domain.roles import Right
    from konnect_pos.services.plans import run_daily

    open_db(args, create=False)
    counter = signed_in(args)
    counter.require(Right.SELL)
    today = counter.today()
    day = given_date(args.date) if args.date else today
    if day > today:  # fees would be charged for days not yet lived
        raise ValidationError(
            "The daily run cannot go past today ({today})", field="date", today=today.isoformat()
        )

    def progress(done: int, total: int) -> None:
        if total >= 10_000 and (done == total or done % 50_000 == 0):
            print(f"  {done:,} / {total:,} accounts", file=sys.stderr)

    summary = run_daily(day, counter.clock, progress, terminal=counter.terminal.label)
    print(
        f"Daily run {summary.day}: {summary.accounts:,} account(s), "
        f"{summary.days_processed:,} day(s) processed, "
        f"{summary.renewed:,} renewal(s), {summary.connect_plus_days:,} Connect+ day(s), "
        f"{summary.entries:,} ledger entries"
    )
    return 0


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    balance = sub.add_parser("balance", parents=[common])
    balance.add_argument("account")
    balance.add_argument("--json", action="store_true")
    balance.set_defaults(handler=cmd_balance)

    topup = sub.add_parser("topup", parents=[common])
    topup.add_argument("account")
    topup.add_argument("amount")
    topup.add_argument("--pay", action="append", help="same forms as sell --pay")
    topup.add_argument("--receipt", help="write the receipt PDF here")
    topup.add_argument("--format", choices=["80mm", "a4"], default="80mm")
    topup.add_argument("--language", choices=["en", "fr", "sw"])
    topup.add_argument("--terminal")
    topup.set_defaults(handler=cmd_topup)

    plus = sub.add_parser("connectplus", parents=[common])
    plus.add_argument("action", choices=["status", "opt-in", "opt-out"])
    plus.add_argument("account")
    plus.add_argument("--date", help="status on this day (default today)")
    plus.add_argument("--terminal")
    plus.set_defaults(handler=cmd_connectplus)

    daily = sub.add_parser("run-daily", parents=[common])
    daily.add_argument("--date", help="process every account through this day (default today)")
    daily.add_argument("--terminal", help="the terminal that runs it: its journal carries the run's fees")
    daily.set_defaults(handler=cmd_run_daily)
