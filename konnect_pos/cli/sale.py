"""``konnect-pos sell``, ``receipt`` and ``usage``: a sale and its receipt, and the data used since."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from konnect_pos.cli import counter_text
from konnect_pos.cli.common import (
    Commands,
    amount,
    instant,
    lang,
    open_db,
    output_path,
    payment_name,
    print_json,
    signed_in,
    tr,
)
from konnect_pos.cli.timeline import timeline_json, timeline_lines
from konnect_pos.domain.errors import KonnectError

if TYPE_CHECKING:
    from konnect_pos.domain.payments import SettledPayment


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
    from konnect_pos.cli import receipt_messages
    from konnect_pos.domain.payments import CashTender, parse_tender_spec
    from konnect_pos.services.checkout import sell
    from konnect_pos.services.receipts import receipt_pdf

    receipt = output_path(args.receipt)
    open_db(args, create=False)
    counter = signed_in(args)
    currency = counter.terminal.outlet.country.currency
    tenders = [parse_tender_spec(spec, currency) for spec in args.pay or []]
    if args.change_in:
        from dataclasses import replace

        tenders = [
            replace(t, change_in=args.change_in.upper()) if isinstance(t, CashTender) else t for t in tenders
        ]
    result = sell(counter, args.customer, _bundle_items(args.bundle), tenders, language=args.language)
    if receipt:
        receipt.write_bytes(receipt_pdf(counter, result.receipt_number, fmt=args.format))
    message = None
    if args.send_receipt:  # its own transaction, after the sale: a refusal leaves the sale as it is
        message = receipt_messages.after_sale(counter, result.receipt_number, args.send_receipt, args.send_to)
    if args.json:
        print_json(
            {
                "receipt_number": result.receipt_number,
                "total": str(result.total.amount),
                "charged": str(result.charged.amount),
                "currency": result.total.currency,
                "change": str(result.change.amount),
                "payments": [_payment_json(p) for p in result.payments],
                "timeline": timeline_json(result.timeline),
                **({} if message is None else {"receipt_message": (
                    {"error": message} if isinstance(message, str) else receipt_messages.message_json(message)
                )}),
            }
        )  # fmt: skip
        if isinstance(message, str):
            print(message, file=sys.stderr)
        return 0
    sold = {"number": result.receipt_number, "total": amount(result.charged), "change": amount(result.change)}
    print(tr(lang(), counter_text.SALE, **sold))
    print(tr(lang(), counter_text.PAID, payments="; ".join(_payment_line(p) for p in result.payments)))
    print("\n".join(timeline_lines(result.timeline, counter.terminal.outlet.zone)))
    if message is not None:
        receipt_messages.say_after_sale(message)
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
    print("\n".join(timeline_lines(timeline, counter.terminal.outlet.zone)))
    return 0


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    sell = sub.add_parser("sell", parents=[common])
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

    receipt = sub.add_parser("receipt", parents=[common])
    receipt.add_argument("number")
    receipt.add_argument("--out", required=True)
    receipt.add_argument("--copy", action="store_true", help="a reprint, marked COPY")
    receipt.add_argument("--invoice", action="store_true", help="the A4 invoice instead of the receipt")
    receipt.add_argument("--format", choices=["80mm", "a4"], default="80mm")
    receipt.add_argument("--language", choices=["en", "fr", "sw"])
    receipt.add_argument("--terminal")
    receipt.set_defaults(handler=cmd_receipt)

    usage = sub.add_parser("usage", parents=[common])
    usage.add_argument("account")
    usage.add_argument("gb_used")
    usage.add_argument("--at", help="ISO instant with zone (default: now)")
    usage.add_argument("--terminal")
    usage.set_defaults(handler=cmd_usage)
