"""Commands for headquarters sync: ``sync`` on a terminal, ``hq …`` at headquarters.

``sync`` exits 0 when everything reached HQ, 3 when HQ could not be reached (everything
stays queued for the next try) and 2 for any other refusal, with one translated line.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING

from konnect_pos.cli import distributor_float
from konnect_pos.cli.common import Commands, clock, given_date, lang, open_db, print_json, tr, translate_error
from konnect_pos.domain.errors import ValidationError

if TYPE_CHECKING:
    from konnect_pos.hq.connection import HQTimeouts

EXIT_OFFLINE = 3
DEFAULT_INTERVAL_MINUTES = 5
HQ_ACTIONS = (
    "init", "add-terminal", "load", "price", "process", "conflicts", "accept", "reject", "terminals",
    "report", "crash-logs", "crash-log", "float-limit", "offline-limit", "float-top-up", "floats",
    "commission-rate", "commissions", "reconcile", "messages",
)  # fmt: skip


def _progress(step: str, done: int, total: int) -> None:
    if total >= 1_000 and (done == total or done % 50_000 < 5_000):
        print(f"  {step}: {done:,} / {total:,}", file=sys.stderr)


def _terminals(args: argparse.Namespace) -> list[str]:
    from konnect_pos.services.sync.client import linked_terminals

    if args.terminal:
        return [args.terminal]
    linked = linked_terminals()
    if not linked:
        raise ValidationError("This terminal is not linked to headquarters yet: run konnect-pos sync link")
    return linked


def _sync_pass(args: argparse.Namespace) -> int:
    from konnect_pos.hq.connection import HQUnreachable
    from konnect_pos.services.sync.client import sync

    code = 0
    for label in _terminals(args):
        try:
            result = sync(label, clock(), _progress, batch=args.batch, timeouts=_timeouts(args))
        except HQUnreachable as error:
            print(f"konnect-pos: {label}: {translate_error(error, lang())}", file=sys.stderr)
            code = EXIT_OFFLINE
            continue
        pulled = sum(result.pulled.values())
        print(
            f"{label}: sent {result.pushed} record(s), HQ holds {result.hq_holds}, "
            f"{result.waiting} waiting; received {pulled} change(s)"
        )
        if result.crash_logs:
            print(tr(lang(), "{terminal}: {count} crash log(s) sent to headquarters", terminal=label,
                     count=result.crash_logs))  # fmt: skip
    return code


def _timeouts(args: argparse.Namespace) -> HQTimeouts:
    from konnect_pos.hq.connection import terminal_timeouts

    if args.timeout is not None and not 1 <= args.timeout <= 600:
        raise ValidationError("--timeout must be between 1 and 600 seconds")
    return terminal_timeouts(args.timeout)


def cmd_sync(args: argparse.Namespace) -> int:
    open_db(args, create=False)
    if args.action == "link":
        from konnect_pos.cli.common import signed_in
        from konnect_pos.domain.roles import Right
        from konnect_pos.services.sync.client import link, move_password_out
        from konnect_pos.services.sync.credentials import where

        if not args.url:
            moved = [label for label in _terminals(args) if move_password_out(label)]
            for label in moved:
                print(f"{label}: HQ password moved out of the database to {where()}")
            if not moved:
                print("No HQ password left in the database")
            return 0
        counter = signed_in(args)
        counter.require(Right.OUTLET_SETTINGS)  # where the shop's records go is an administrator's call
        label = counter.terminal.label
        held = link(label, args.url, clock(), _timeouts(args))
        print(f"{label} linked to headquarters; HQ already holds {held} of its records")
        print(f"HQ password kept in {where()}, not in the database")
        return 0
    if args.action == "status":
        from konnect_pos.cli.counter_text import sync_status_line
        from konnect_pos.services.outlets import get_terminal
        from konnect_pos.services.sync.client import status

        states = [status(label) for label in _terminals(args)]
        if args.json:
            print_json(states)
        for state in states if not args.json else []:
            print(sync_status_line(state, get_terminal(state.terminal).outlet.zone, lang()))
        return 0
    if not 1 <= args.batch <= 10_000:
        raise ValidationError("--batch must be between 1 and 10,000")
    if args.once:
        return _sync_pass(args)
    if args.interval <= 0 or args.interval > 24 * 60:
        raise ValidationError("--interval must be between 1 and 1440 minutes")
    while True:
        _sync_pass(args)
        time.sleep(args.interval * 60)


def cmd_hq(args: argparse.Namespace) -> int:
    from konnect_pos.hq import admin as hq_admin
    from konnect_pos.hq.processing import process
    from konnect_pos.store.database import resolve_url

    url = resolve_url(args.db)
    if args.action == "init":
        print(f"Headquarters schema at version {hq_admin.init_hq(url)}")
    elif args.action == "add-terminal":
        if len(args.names) != 2:
            raise ValidationError("Give the outlet and the terminal code: hq add-terminal KIN01 T2")
        terminal_url = hq_admin.add_terminal(url, *args.names)
        print("Give this URL to the terminal (konnect-pos sync link URL); it is shown only once:")
        print(terminal_url)
    elif args.action == "load":
        from konnect_pos.services.sync import reference
        from konnect_pos.store.schema import open_database

        if not args.source:
            raise ValidationError("Give the database to copy from with --from")
        open_database(args.source, create=False)
        loaded = reference.load_reference(url, lambda done, total: _progress("customers", done, total))
        print(
            f"Loaded {loaded.outlets} outlets, {loaded.bundles} bundles, {loaded.users} users, "
            f"{loaded.customers:,} customers"
        )
    elif args.action == "price":
        if len(args.names) != 3 or not args.effective:
            raise ValidationError("Use: hq price COUNTRY BUNDLE AMOUNT --effective YYYY-MM-DD")
        country, code, amount = args.names
        price = hq_admin.set_price(url, country, code, amount, given_date(args.effective))
        print(f"{code.upper()}: {price} from {args.effective}")
    elif args.action == "process":
        done = process(url)
        print(f"Processed {done.events} record(s): {done.sales} sale(s), {done.conflicts} new conflict(s)")
    elif args.action == "conflicts":
        rows = hq_admin.conflicts(url)
        if args.json:
            print_json(rows)
        for row in rows if not args.json else []:
            print(f"{row.id:>5} {row.detected_at:%Y-%m-%d %H:%M} {row.kind:<18} {row.outlet_code or '':<8} "
                  f"{row.subject:<16} {row.resolution or 'open':<8} {row.reason}")  # fmt: skip
    elif args.action in ("accept", "reject"):
        if len(args.names) != 1 or not args.names[0].isdigit():
            raise ValidationError("Give the conflict's number from hq conflicts: hq accept 12")
        decided = hq_admin.resolve_conflict(url, int(args.names[0]), accept=args.action == "accept")
        print(f"Conflict {decided.id} {decided.resolution}: {decided.subject}")
    elif args.action == "terminals":
        for row in hq_admin.registered_terminals(url):
            broken = f" chain broken at {row['chain_broken_seq']}" if row["chain_broken_seq"] else ""
            print(f"{row['label']:<12} holds {row['acked_seq']:>8}{broken}")
    elif args.action == "report":
        if args.names != ["daily"] or not args.date:
            raise ValidationError("Use: hq report daily --date YYYY-MM-DD")
        from konnect_pos.hq.daily_report import daily_report

        process(url)
        rows = daily_report(url, given_date(args.date))
        if args.json:
            print_json([{"outlet_code": r.outlet_code, "terminal": r.terminal, "currency": r.currency,
                         **r.figures} for r in rows])  # fmt: skip
            return 0
        print(f"Daily report of every outlet and terminal on {args.date}")
        for r in rows:
            f = r.figures
            print(f"{r.outlet_code:<8} {r.terminal:<12} {r.currency}")
            print(f"  {f['sales']} sale(s) {f['total']}  VAT {f['vat']}  rounding {f['rounding']}")
            print(f"  {f['voids']} void(s) {f['voided']}  {f['refunds']} refund(s) {f['refunded']}")
            print(f"  cash in {f['cash_in']}  cash out {f['cash_out']}  float {f['float']}")
            if f["counted"] is None:
                print("  drawer: not closed")
            else:
                print(f"  drawer: expected {f['expected']}  counted {f['counted']}")
            print(f"  {f['top_ups']} top-up(s) {f['topped_up']}  taken back by voids/refunds {f['reversed']}")
            print(f"  plan fees {f['plan_fees']}  Connect+ fees {f['connect_plus_fees']}  "
                  f"fee refunds {f['fee_refunds']}")  # fmt: skip
            print(f"  {f['invoices']} corporate invoice(s) {f['invoiced']}")
        if not rows:
            print("No records")
    elif args.action in ("crash-logs", "crash-log"):
        from konnect_pos.cli import crash_logs

        (crash_logs.hq_crash_logs if args.action == "crash-logs" else crash_logs.hq_crash_log)(url, args)
    elif args.action == "messages":
        from konnect_pos.cli import receipt_messages

        receipt_messages.hq_messages(url, args)
    elif args.action in distributor_float.HQ_ACTIONS:
        distributor_float.hq_float(url, args)
    elif args.action in ("commission-rate", "commissions", "reconcile"):
        from konnect_pos.cli import hq_money

        return hq_money.run(url, args)
    return 0


def cmd_terminal(args: argparse.Namespace) -> int:
    from konnect_pos.services.outlets import add_terminal

    open_db(args, create=False)
    added = add_terminal(args.outlet, args.code, clock())
    print(f"Terminal {added.label} added; a manager opens its business day before it sells")
    return 0


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    sync = sub.add_parser("sync", parents=[common])
    sync.add_argument("action", nargs="?", choices=["run", "link", "status"], default="run")
    sync.add_argument("url", nargs="?", help="for link: the URL that hq add-terminal printed")
    sync.add_argument("--once", action="store_true", help="one push and pull, then exit")
    sync.add_argument("--interval", type=int, default=DEFAULT_INTERVAL_MINUTES, help="minutes between passes")
    sync.add_argument("--batch", type=int, default=500, help="records per HQ transaction")
    sync.add_argument(
        "--timeout", type=int, help="seconds HQ may take to answer before the pass stops (default 30)"
    )
    sync.add_argument("--terminal")
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(handler=cmd_sync)

    terminal = sub.add_parser("terminal", parents=[common])
    terminal.add_argument("action", choices=["add"])
    terminal.add_argument("outlet")
    terminal.add_argument("code")
    terminal.set_defaults(handler=cmd_terminal)

    hq = sub.add_parser("hq", parents=[common])
    hq.add_argument("action", choices=HQ_ACTIONS)
    hq.add_argument(
        "names", nargs="*", help="add-terminal OUTLET CODE | price COUNTRY BUNDLE AMOUNT | daily | accept N"
    )
    hq.add_argument(
        "--from", dest="source", help="load: the database to copy from | commissions: the first local date"
    )
    hq.add_argument("--effective", help="price: first local business date it applies (YYYY-MM-DD)")
    hq.add_argument("--date", help="report: the local business date")
    hq.add_argument("--json", action="store_true")
    hq.add_argument("--terminal", help="crash-logs: only this terminal's (OUTLET-CODE)")
    hq.add_argument("--to", help="commissions statement: the last local business date (--from: the first)")
    hq.add_argument("--outlet", help="commissions, reconcile: only this outlet's")
    hq.add_argument("--csv", metavar="FILE", help="commissions, reconcile: also write a CSV file")
    hq.add_argument("--pdf", metavar="FILE", help="commissions: also write the statements as an A4 PDF")
    hq.set_defaults(handler=cmd_hq)
