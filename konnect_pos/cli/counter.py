"""Commands of the counter: demo, customers, sales, receipts, the business day, managers' tools."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from konnect_pos.cli import counter_text
from konnect_pos.cli.common import (
    amount,
    approver,
    clock,
    instant,
    lang,
    open_db,
    output_path,
    payment_name,
    print_json,
    signed_in,
    tr,
)
from konnect_pos.domain.errors import KonnectError

if TYPE_CHECKING:
    from collections.abc import Callable

    from konnect_pos.domain.payments import SettledPayment


def _demo_url(args: argparse.Namespace) -> str:
    from konnect_pos.paths import user_data_dir

    return args.db or os.environ.get("KONNECT_POS_DB") or f"sqlite:///{user_data_dir() / 'demo.db'}"


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
    return _launch_gui(None, args.terminal)  # already open


def _launch_gui(open_database: Callable[[], None] | None, terminal: str | None) -> int:
    from konnect_pos.ui.app import run

    return run(open_database, terminal)


def cmd_gui(args: argparse.Namespace) -> int:
    return _launch_gui(lambda: open_db(args), args.terminal)  # opened once the login window shows


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

        print_json({**asdict(customer), "timeline": _timeline_json(timeline)})
    else:
        print(f"{customer.account_number}  {customer.name}  {customer.phone}  {customer.kit_serial or ''}")
        print("\n".join(_timeline_lines(timeline, country(customer.country).zones[0])))
    return 0


def _timeline_lines(timeline, zone: str) -> list[str]:
    return counter_text.timeline_lines(timeline, zone, lang())


def _timeline_json(timeline) -> dict[str, Any]:
    return {
        "status": timeline.status.value,
        "at": timeline.at.isoformat(),
        "bundles": [
            {
                "purchase": e.purchase_id,
                "code": e.terms.code,
                "name": e.terms.name,
                "state": e.state.value,
                "trigger": e.trigger.value,
                "starts_at": e.starts_at.isoformat(),
                "starts_exact": e.starts_exact,
                "ends_at": e.ends_at.isoformat(),
                "ends_exact": e.ends_exact,
                "period_end": e.period_end.isoformat(),
                "data_left_gb": str(e.data_left_gb) if e.data_left_gb is not None else None,
            }
            for e in timeline.entries
        ],
    }


def _bundle_items(specs: list[str]):
    from konnect_pos.domain.bundle_queue import Trigger
    from konnect_pos.services.checkout import CartItem

    items = []
    for spec in specs or []:
        code, _, trigger = spec.partition(":")
        if trigger and trigger not in ("period_end", "data_exhausted"):
            raise KonnectError(
                "Activation must be period_end or data_exhausted, not {trigger}", trigger=trigger
            )
        items.append(CartItem(code.strip().upper(), Trigger(trigger) if trigger else None))
    return items


def _payment_json(payment: SettledPayment) -> dict[str, str | None]:
    """One recorded payment: what each tender paid once the amount-less one took the rest."""
    return {
        "method": payment.method,
        "amount": str(payment.amount.amount),
        "provider": payment.provider,
        "reference": payment.reference,
        "last4": payment.last4,
    }


def _payment_line(payment: SettledPayment) -> str:
    name = payment_name(payment.method, payment.provider, lang())
    detail = payment.reference or (f"****{payment.last4}" if payment.last4 else "")
    line = " ".join(part for part in (name, detail, amount(payment.amount)) if part)
    if payment.settles is not None and payment.settles.currency != payment.amount.currency:
        from konnect_pos.domain.exchange import ExchangeRate, rate_text

        rate = ExchangeRate(payment.settles.currency, payment.amount.currency, payment.rate)
        line += f" (= {amount(payment.settles)}, {rate_text(rate)})"
    return line


def cmd_sell(args: argparse.Namespace) -> int:
    from konnect_pos.domain.payments import CashTender, parse_tender_spec
    from konnect_pos.services.checkout import sell
    from konnect_pos.services.receipts import receipt_pdf

    receipt = output_path(args.receipt)
    open_db(args, create=False)
    counter = signed_in(args)
    currency = counter.terminal.outlet.country.currency
    tenders = [parse_tender_spec(spec, currency) for spec in args.pay or []]
    if args.change_in:
        tenders = [
            replace(t, change_in=args.change_in.upper()) if isinstance(t, CashTender) else t for t in tenders
        ]
    result = sell(counter, args.customer, _bundle_items(args.bundle), tenders, language=args.language)
    if receipt:
        receipt.write_bytes(receipt_pdf(counter, result.receipt_number, fmt=args.format))
    if args.json:
        print_json(
            {
                "receipt_number": result.receipt_number,
                "total": str(result.total.amount),
                "charged": str(result.charged.amount),
                "currency": result.total.currency,
                "change": str(result.change.amount),
                "payments": [_payment_json(p) for p in result.payments],
                "timeline": _timeline_json(result.timeline),
            }
        )
        return 0
    sold = {"number": result.receipt_number, "total": amount(result.charged), "change": amount(result.change)}
    print(tr(lang(), counter_text.SALE, **sold))
    print(tr(lang(), counter_text.PAID, payments="; ".join(_payment_line(p) for p in result.payments)))
    print("\n".join(_timeline_lines(result.timeline, counter.terminal.outlet.zone)))
    return 0


def cmd_receipt(args: argparse.Namespace) -> int:
    from konnect_pos.services.receipts import invoice_pdf, receipt_pdf

    output_path(args.out)
    open_db(args, create=False)
    counter = signed_in(args)
    if args.invoice:
        pdf = invoice_pdf(counter, args.number, language=args.language)
    else:
        pdf = receipt_pdf(counter, args.number, copy=args.copy, fmt=args.format, language=args.language)
    Path(args.out).write_bytes(pdf)
    print(f"Written {args.out}")
    return 0


def cmd_usage(args: argparse.Namespace) -> int:
    from konnect_pos.services.account import record_usage

    open_db(args, create=False)
    counter = signed_in(args)
    timeline = record_usage(counter, args.account, args.gb_used, instant(args.at))
    print("\n".join(_timeline_lines(timeline, counter.terminal.outlet.zone)))
    return 0


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


def cmd_void(args: argparse.Namespace) -> int:
    from konnect_pos.services.corrections import void_sale

    open_db(args, create=False)
    result = void_sale(
        signed_in(args), args.receipt, args.reason, remove_active=args.remove_active, approver=approver()
    )
    print(
        f"Sale {result.receipt_number} voided; removed from the account: {', '.join(result.removed) or '-'}; "
        f"give back {' + '.join(map(amount, result.give_back)) or amount(result.refund_due)}"
    )
    _print_reversal(result.balance_reversed)
    return 0


def cmd_refund(args: argparse.Namespace) -> int:
    from konnect_pos.services.corrections import refund_sale

    open_db(args, create=False)
    result = refund_sale(
        signed_in(args), args.receipt, args.amount, args.reason, method=args.to, approver=approver()
    )
    how = payment_name(result.method, result.provider, lang())
    left = amount(result.refundable_left)
    print(f"Refund of {amount(result.amount)} on {result.receipt_number} ({how}); still refundable {left}")
    _print_reversal(result.balance_reversed)
    return 0


def _print_reversal(reversal) -> None:
    if reversal is not None:
        print(
            f"Taken back from the balance of {reversal.account_number}: {amount(reversal.amount)}; "
            f"balance now {amount(reversal.balance_after)}"
        )


def cmd_report(args: argparse.Namespace) -> int:
    from konnect_pos.documents.daily_report_pdf import render_daily_report
    from konnect_pos.services.daily_report import daily_report, parse_date, report_json

    output_path(args.out)
    open_db(args, create=False)
    counter = signed_in(args)
    report = daily_report(counter, parse_date(args.date), terminal=args.terminal, whole_outlet=args.outlet)
    if args.out:
        Path(args.out).write_bytes(
            render_daily_report(report, args.language or report["outlet"]["language"], args.format)
        )
    if args.json:
        print(report_json(report))
    else:
        from konnect_pos.domain.money import Money

        for row in report["sales"]:
            total, net = (Money.from_minor(row[k]["minor"], row[k]["currency"]) for k in ("total", "net"))
            total, net = amount(total), amount(net)
            day = f"{report['kind']} {report['business_date']}"
            print(f"{day}: {row['count']} sales, total {total}, net {net}")
        if not report["sales"]:
            print(f"{report['kind']} {report['business_date']}: no sales")
    return 0


def cmd_users(args: argparse.Namespace) -> int:
    from konnect_pos.services import users

    open_db(args, create=False)
    counter = signed_in(args)
    if args.action == "add":
        if not args.name or not args.role:
            raise KonnectError("users add needs --name and --role")
        users.add_user(counter, args.username, args.name, args.role, args.pin or "")
    elif args.action == "deactivate":
        users.deactivate_user(counter, args.username)
    elif args.action == "reset-pin":
        users.reset_pin(counter, args.username, args.pin or "")
    else:
        users.unlock_user(counter, args.username)
    print(f"{args.action}: {args.username} done")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from konnect_pos.services.audit import audit_trail

    open_db(args, create=False)
    rows = audit_trail(
        signed_in(args),
        user=args.user,
        kind=args.kind,
        since=instant(args.since),
        until=instant(args.until),
        limit=args.limit,
    )
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        approved = f" (approved by {row.approved_by})" if row.approved_by else ""
        when = f"{row.at:%Y-%m-%d %H:%M:%S}"
        print(f"{when} {row.terminal:<10} {row.kind:<16} {row.user:<10} {row.subject}{approved}")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:

    demo = sub.add_parser("demo", parents=[common], help="create a demo shop and open the app")
    demo.add_argument("--customers", type=int, default=2_000)
    demo.add_argument("--country", help="only this country's outlet (TZ, CD, CG, CI)")
    demo.add_argument("--no-gui", action="store_true", help="only seed and print where the database is")
    demo.add_argument("--fresh", action="store_true", help="delete the demo database first")
    demo.add_argument("--terminal", default=argparse.SUPPRESS, help="terminal label to open, e.g. KIN01-T1")
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
    add.add_argument("--terminal", help="the counter recording it (default: the only terminal)")
    add.set_defaults(handler=cmd_customers_add)

    show = customers.add_parser("show", parents=[common], help="one customer")
    show.add_argument("account")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_customers_show)

    sell = sub.add_parser("sell", parents=[common], help="sell bundles (KONNECT_POS_USER / KONNECT_POS_PIN)")
    sell.add_argument("--terminal")
    sell.add_argument("--customer", required=True, help="account number")
    sell.add_argument("--bundle", action="append", help="CODE or CODE:period_end|data_exhausted")
    sell.add_argument(
        "--pay",
        action="append",
        help="cash:AMOUNT[:CURRENCY] | mobile:PROVIDER:REFERENCE:PHONE[:AMOUNT] "
        "| card:APPROVAL:LAST4[:AMOUNT]",
    )
    sell.add_argument("--change-in", help="currency of the change (DRC: USD or CDF)")
    sell.add_argument("--receipt", help="write the receipt PDF here")
    sell.add_argument("--format", choices=["80mm", "a4"], default="80mm")
    sell.add_argument("--language", choices=["en", "fr", "sw"])
    sell.add_argument("--json", action="store_true")
    sell.set_defaults(handler=cmd_sell)

    receipt = sub.add_parser("receipt", parents=[common], help="write a receipt (or its invoice) as PDF")
    receipt.add_argument("number")
    receipt.add_argument("--out", required=True)
    receipt.add_argument("--copy", action="store_true", help="a reprint, marked COPY")
    receipt.add_argument("--invoice", action="store_true", help="the A4 invoice instead of the receipt")
    receipt.add_argument("--format", choices=["80mm", "a4"], default="80mm")
    receipt.add_argument("--language", choices=["en", "fr", "sw"])
    receipt.add_argument("--terminal")
    receipt.set_defaults(handler=cmd_receipt)

    usage = sub.add_parser("usage", parents=[common], help="record high-speed GB used by the active bundle")
    usage.add_argument("account")
    usage.add_argument("gb_used")
    usage.add_argument("--at", help="ISO instant with zone (default: now)")
    usage.add_argument("--terminal")
    usage.set_defaults(handler=cmd_usage)

    day = sub.add_parser("day", parents=[common], help="open, close or show the business day")
    day.add_argument("action", choices=["open", "close", "status"])
    day.add_argument("--terminal")
    day.add_argument("--float", action="append", help="opening float CURRENCY:AMOUNT (repeat per currency)")
    day.add_argument("--count", action="append", help="drawer count CURRENCY:note|coin:VALUE=QUANTITY")
    day.add_argument("--comment")
    day.set_defaults(handler=cmd_day)

    cash = sub.add_parser("cash", parents=[common], help="cash in or out of the drawer, with a reason")
    cash.add_argument("direction", choices=["in", "out"])
    cash.add_argument("amount")
    cash.add_argument("currency")
    cash.add_argument("--reason", required=True)
    cash.add_argument("--terminal")
    cash.set_defaults(handler=cmd_cash)

    void = sub.add_parser("void", parents=[common], help="void a sale of the open business day")
    void.add_argument("receipt")
    void.add_argument("--reason", required=True)
    void.add_argument(
        "--remove-active", action="store_true", help="confirm removing a bundle already running"
    )
    void.add_argument("--terminal")
    void.set_defaults(handler=cmd_void)

    refund = sub.add_parser("refund", parents=[common], help="refund money on a sale")
    refund.add_argument("receipt")
    refund.add_argument("amount")
    refund.add_argument("--reason", required=True)
    refund.add_argument("--to", choices=["original", "cash"], default="original")
    refund.add_argument("--terminal")
    refund.set_defaults(handler=cmd_refund)

    report = sub.add_parser("report", help="daily sales summary (X while open, Z after close)")
    report_sub = report.add_subparsers(dest="report", required=True)
    daily = report_sub.add_parser("daily", parents=[common])
    daily.add_argument("--date", required=True, help="YYYY-MM-DD, the outlet's local business day")
    daily.add_argument("--terminal")
    daily.add_argument("--outlet", action="store_true", help="all terminals of the outlet")
    daily.add_argument("--out", help="write the PDF here")
    daily.add_argument("--format", choices=["a4", "80mm"], default="a4")
    daily.add_argument("--language", choices=["en", "fr", "sw"])
    daily.add_argument("--json", action="store_true")
    daily.set_defaults(handler=cmd_report)

    users = sub.add_parser(
        "users", parents=[common], help="add, deactivate, reset the PIN of or unlock a user"
    )
    users.add_argument("action", choices=["add", "deactivate", "reset-pin", "unlock"])
    users.add_argument("username")
    users.add_argument("--name")
    users.add_argument("--role", choices=["cashier", "manager", "admin"])
    users.add_argument("--pin")
    users.add_argument("--terminal")
    users.set_defaults(handler=cmd_users)

    audit = sub.add_parser("audit", parents=[common], help="who did what and when (managers)")
    audit.add_argument("--user")
    audit.add_argument("--kind", help="e.g. sale, void, refund, day, cash, user_")
    audit.add_argument("--since", help="ISO instant with zone")
    audit.add_argument("--until", help="ISO instant with zone")
    audit.add_argument("--limit", type=int, default=200)
    audit.add_argument("--json", action="store_true")
    audit.add_argument("--terminal")
    audit.set_defaults(handler=cmd_audit)
