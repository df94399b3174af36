"""Commands of corporate billing (managers): accounts, service lines, plan changes with their
prorated preview, the §3.13 queries, the invoice run and invoices as PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from konnect_pos.cli.common import Commands, amount, given_date, instant, lang, open_db, print_json, signed_in
from konnect_pos.domain.errors import KonnectError


def _blocks(specs: list[str] | None) -> dict[str, int]:
    blocks: dict[str, int] = {}
    for spec in specs or []:
        pool, _, quantity = spec.partition(":")
        if not quantity.isdigit():
            raise KonnectError("Data blocks are POOL:QUANTITY, e.g. local_priority:2 (not {spec})", spec=spec)
        blocks[pool] = int(quantity)
    return blocks


def _account_fields(args: argparse.Namespace) -> dict[str, object]:
    names = {
        "company": args.company,
        "tax_id": args.tax_id,
        "address": args.address,
        "contact_name": args.contact_name,
        "contact_phone": args.contact_phone,
        "contact_email": args.contact_email,
        "payment_terms_days": args.terms,
        "language": args.language,
    }
    return {name: value for name, value in names.items() if value is not None}


def _print_account(account) -> None:
    day = account.billing_day or "-"
    print(f"{account.code}  {account.company}  ({account.tax_id})")
    print(
        f"  outlet {account.outlet_code}, {account.currency}, billing day {day}, "
        f"due after {account.payment_terms_days} days"
    )
    contacts = ", ".join(c for c in (account.contact_name, account.contact_phone, account.contact_email) if c)
    if contacts:
        print(f"  contacts: {contacts}")
    print(f"  {account.lines} service line(s)")


def _print_line(line) -> None:
    pending = f" -> {line.pending_product} next cycle" if line.pending_product else ""
    blocks = ", ".join(f"{pool} {qty}" for pool, qty in line.blocks.items())
    print(
        f"{line.kit_serial:<20} {line.status:<15} {line.product_id} ({line.monthly_price}){pending}  {blocks}"
    )


def cmd_accounts(args: argparse.Namespace) -> int:
    from konnect_pos.services.corporate import list_accounts

    open_db(args, create=False)
    found = list_accounts(signed_in(args), args.query or "")
    if args.json:
        print_json(found)
    for account in [] if args.json else found:
        print(
            f"{account.code:<14} {account.company:<36} {account.currency} "
            f"day {account.billing_day or '-':<3} {account.lines} line(s)"
        )
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from konnect_pos.services.corporate import AccountInput, create_account

    open_db(args, create=False)
    fields = _account_fields(args)
    created = create_account(
        signed_in(args),
        AccountInput(outlet_code=args.outlet, currency=args.currency, **fields),  # type: ignore[arg-type]
    )
    if args.json:
        print_json(created)
    else:
        print(f"Corporate account {created.code} created: {created.company}")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    from konnect_pos.services.corporate import edit_account

    open_db(args, create=False)
    edited = edit_account(signed_in(args), args.account, _account_fields(args))
    _print_account(edited)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from konnect_pos.services.corporate import get_account, list_lines

    open_db(args, create=False)
    counter = signed_in(args)
    account = get_account(counter, args.account)
    lines = list_lines(counter, args.account)
    if args.json:
        print_json({"account": account, "lines": lines})
        return 0
    _print_account(account)
    for line in lines:
        _print_line(line)
    return 0


def cmd_lines(args: argparse.Namespace) -> int:
    from konnect_pos.services.corporate import list_lines

    open_db(args, create=False)
    lines = list_lines(signed_in(args), args.account)
    if args.json:
        print_json(lines)
    for line in [] if args.json else lines:
        _print_line(line)
    return 0


def cmd_add_line(args: argparse.Namespace) -> int:
    from konnect_pos.services.corporate import add_line

    open_db(args, create=False)
    line = add_line(
        signed_in(args),
        args.account,
        args.kit_serial,
        args.product,
        at=instant(args.at),
        label=args.label or "",
        blocks=_blocks(args.blocks),
    )
    if args.json:
        print_json(line)
    else:
        _print_line(line)
    return 0


def _print_preview(preview, language: str) -> None:
    print(
        f"{preview.kit_serial}: {preview.old_product} -> {preview.new_product} ({preview.kind}) "
        f"at {preview.at.isoformat()}"
    )
    print(f"  effective {preview.effective_at.isoformat()}")
    for charge in preview.charges:
        print(f"  {amount(charge.amount):>14}  {charge.text(language)}")
    print(f"  prorated amount on the next invoice (VAT excluded): {amount(preview.amount)}")


def cmd_change_plan(args: argparse.Namespace) -> int:
    from konnect_pos.services.corporate import change_plan, preview_plan_change

    open_db(args, create=False)
    counter = signed_in(args)
    at = instant(args.at) or counter.clock()
    if args.yes:
        preview = change_plan(counter, args.kit_serial, args.product, at)
    else:
        preview = preview_plan_change(counter, args.kit_serial, args.product, at)
    if args.json:
        print_json({"confirmed": bool(args.yes), "preview": preview})
        return 0
    _print_preview(preview, lang())
    if args.yes:
        print("Plan change confirmed.")
    else:
        print(f"Nothing changed. To confirm this amount: --yes --at {at.isoformat()}")
    return 0


def _line_action(args: argparse.Namespace) -> int:
    from konnect_pos.services import corporate

    open_db(args, create=False)
    counter = signed_in(args)
    at = instant(args.at)
    if args.action == "pause":
        line = corporate.pause_line(counter, args.kit_serial, at)
    elif args.action == "cancel":
        line = corporate.cancel_line(counter, args.kit_serial, at)
    elif args.action == "reactivate":
        line = corporate.reactivate_line(counter, args.kit_serial, product_id=args.product, at=at)
    elif args.action == "blocks":
        line = corporate.change_data_blocks(counter, args.kit_serial, args.pool, args.quantity, at)
    else:
        line = corporate.record_overage(counter, args.kit_serial, args.pool, args.gigabytes, at)
    _print_line(line)
    return 0


def cmd_periods(args: argparse.Namespace) -> int:
    from konnect_pos.services.corporate import line_periods

    open_db(args, create=False)
    periods = line_periods(signed_in(args), args.kit_serial)
    if args.json:
        print_json([{"start": p.start, "end": p.end, "product_id": p.product_id} for p in periods])
    for p in [] if args.json else periods:
        print(f"{p.start.isoformat()}  {p.end.isoformat()}  {p.product_id}")
    return 0


def cmd_products(args: argparse.Namespace) -> int:
    from konnect_pos.services.corporate import available_products

    open_db(args, create=False)
    products = available_products(signed_in(args), args.currency)
    if args.json:
        print_json(
            [
                {
                    "product_id": p.product_id,
                    "name": p.name,
                    "monthly_price": str(p.monthly_price.amount),
                    "currency": p.monthly_price.currency,
                }
                for p in products
            ]
        )
    for p in [] if args.json else products:
        print(f"{p.product_id:<20} {amount(p.monthly_price):>16}  {p.name}")
    return 0


def cmd_invoices_run(args: argparse.Namespace) -> int:
    from konnect_pos.services.corporate import invoices_run

    open_db(args, create=False)
    result = invoices_run(signed_in(args), given_date(args.date))
    if args.json:
        print_json(result)
        return 0
    print(
        f"{result.run_date.isoformat()}: {result.due_accounts} account(s) due, "
        f"{len(result.issued)} invoice(s) issued, "
        f"{result.already_issued} already issued, {result.nothing_to_bill} with nothing to bill"
    )
    for number in result.issued:
        print(f"  {number}")
    return 0


def cmd_invoices_list(args: argparse.Namespace) -> int:
    from konnect_pos.services.corporate import list_invoices

    open_db(args, create=False)
    found = list_invoices(signed_in(args), args.account, args.limit)
    if args.json:
        print_json(found)
    for i in [] if args.json else found:
        print(
            f"{i.number:<18} {i.invoice_date.isoformat()} due {i.due_date.isoformat()}  "
            f"{i.total!s:>16}  {i.company}"
        )
    return 0


def cmd_invoices_pdf(args: argparse.Namespace) -> int:
    from konnect_pos.services.corporate import invoice_pdf

    open_db(args, create=False)
    pdf = invoice_pdf(signed_in(args), args.number, language=args.language)
    Path(args.out).write_bytes(pdf)
    print(f"Invoice {args.number.upper()} written to {args.out}")
    return 0


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    base = argparse.ArgumentParser(add_help=False, parents=[common])
    base.add_argument(
        "--terminal", help="terminal label, e.g. KIN01-T1 (KONNECT_POS_USER / KONNECT_POS_PIN sign in)"
    )
    when = argparse.ArgumentParser(add_help=False)
    when.add_argument("--at", help="ISO instant with zone (default: now)")

    corporate = sub.add_parser("corporate")
    actions = corporate.add_subparsers(dest="action", required=True)

    accounts = actions.add_parser("accounts", parents=[base], help="list accounts")
    accounts.add_argument("--query", help="part of the company, code or tax id")
    accounts.add_argument("--json", action="store_true")
    accounts.set_defaults(handler=cmd_accounts)

    def account_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
        parser.add_argument("--company", required=required)
        parser.add_argument("--tax-id", required=required)
        parser.add_argument("--address")
        parser.add_argument("--contact-name")
        parser.add_argument("--contact-phone")
        parser.add_argument("--contact-email")
        parser.add_argument("--terms", type=int, help="payment terms in days (default 7)")
        parser.add_argument("--language", choices=["en", "fr", "sw"])

    add = actions.add_parser("add", parents=[base], help="create an account")
    account_options(add, required=True)
    add.add_argument("--outlet", required=True, help="outlet code, e.g. KIN01")
    add.add_argument("--currency", help="billing currency (default: the country's first)")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=cmd_add)

    edit = actions.add_parser("edit", parents=[base], help="edit company details, contacts, terms")
    edit.add_argument("account")
    account_options(edit, required=False)
    edit.set_defaults(handler=cmd_edit)

    show = actions.add_parser("show", parents=[base], help="one account with its lines")
    show.add_argument("account")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    lines = actions.add_parser("lines", parents=[base], help="the service lines of an account")
    lines.add_argument("account")
    lines.add_argument("--json", action="store_true")
    lines.set_defaults(handler=cmd_lines)

    add_line = actions.add_parser("add-line", parents=[base, when], help="activate a kit on an account")
    add_line.add_argument("account")
    add_line.add_argument("kit_serial")
    add_line.add_argument("--product", required=True)
    add_line.add_argument("--label")
    add_line.add_argument("--blocks", action="append", help="POOL:QUANTITY (local_priority, global_priority)")
    add_line.add_argument("--json", action="store_true")
    add_line.set_defaults(handler=cmd_add_line)

    change = actions.add_parser(
        "change-plan", parents=[base, when], help="show the prorated amount; --yes confirms it"
    )
    change.add_argument("kit_serial")
    change.add_argument("product")
    change.add_argument("--yes", action="store_true", help="confirm the change")
    change.add_argument("--json", action="store_true")
    change.set_defaults(handler=cmd_change_plan)

    for name, text in (("pause", "pause at the period end"), ("cancel", "cancel at the period end")):
        action = actions.add_parser(name, parents=[base, when], help=text)
        action.add_argument("kit_serial")
        action.set_defaults(handler=_line_action)
    reactivate = actions.add_parser("reactivate", parents=[base, when], help="back in service (prorated)")
    reactivate.add_argument("kit_serial")
    reactivate.add_argument("--product", help="another plan (default: the plan it held)")
    reactivate.set_defaults(handler=_line_action)
    blocks = actions.add_parser(
        "blocks", parents=[base, when], help="data block quantity from the next cycle"
    )
    blocks.add_argument("kit_serial")
    blocks.add_argument("pool", choices=["local_priority", "global_priority"])
    blocks.add_argument("quantity", type=int)
    blocks.set_defaults(handler=_line_action)
    overage = actions.add_parser("overage", parents=[base, when], help="record GB used beyond the allowance")
    overage.add_argument("kit_serial")
    overage.add_argument("pool", choices=["local_priority", "global_priority"])
    overage.add_argument("gigabytes")
    overage.set_defaults(handler=_line_action)

    periods = actions.add_parser("periods", parents=[base], help="partial periods: start, end, product id")
    periods.add_argument("kit_serial")
    periods.add_argument("--json", action="store_true")
    periods.set_defaults(handler=cmd_periods)

    products = actions.add_parser("products", parents=[base], help="plans on sale with monthly prices")
    products.add_argument("--currency")
    products.add_argument("--json", action="store_true")
    products.set_defaults(handler=cmd_products)

    invoices = sub.add_parser("invoices")
    invoice_actions = invoices.add_subparsers(dest="action", required=True)
    run = invoice_actions.add_parser("run", parents=[base], help="issue the invoices of a billing date")
    run.add_argument("--date", required=True, help="YYYY-MM-DD")
    run.add_argument("--json", action="store_true")
    run.set_defaults(handler=cmd_invoices_run)
    listing = invoice_actions.add_parser("list", parents=[base], help="latest invoices")
    listing.add_argument("--account")
    listing.add_argument("--limit", type=int, default=50)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_invoices_list)
    pdf = invoice_actions.add_parser("pdf", parents=[base], help="write an invoice as A4 PDF")
    pdf.add_argument("number")
    pdf.add_argument("--out", required=True)
    pdf.add_argument("--language", choices=["en", "fr", "sw"])
    pdf.set_defaults(handler=cmd_invoices_pdf)
