"""Thermal printers from the command line: ``print-test`` and ``receipt NUMBER --printer URL``.

``receipt`` belongs to the counter commands (it writes a PDF with ``--out``); this module adds
``--printer`` and ``--paper`` to it, so one command prints either way and the counter module is
left as it is.
"""

from __future__ import annotations

import argparse

from konnect_pos.cli import sale
from konnect_pos.cli.common import Commands, lang, open_db, signed_in, tr
from konnect_pos.domain.errors import KonnectError

PAPER_HELP = "paper width of the thermal roll (default 80mm)"
PRINTER_HELP = "tcp://HOST:9100, usb://VID:PID, serial:///dev/ttyUSB0 or win32://NAME"


def cmd_print_test(args: argparse.Namespace) -> int:
    from konnect_pos.services.receipt_printer import printer_test_page, send

    send(args.printer, printer_test_page(args.printer, args.paper, args.language or lang()))
    print(tr(lang(), "Test page sent to {printer}", printer=args.printer))
    return 0


def cmd_receipt(args: argparse.Namespace) -> int:
    """A PDF with ``--out`` (the counter command), the printer with ``--printer``, or both."""
    if args.printer is None:
        if not args.out:
            raise KonnectError("Give --out FILE.pdf or --printer URL")
        return sale.cmd_receipt(args)
    from konnect_pos.services.receipt_printer import parse_printer, send, thermal_receipt

    parse_printer(args.printer)
    if args.out:
        sale.cmd_receipt(args)
    else:
        open_db(args, create=False)
    receipt = thermal_receipt(
        signed_in(args), args.number, paper=args.paper, copy=args.copy, language=args.language
    )
    send(args.printer, receipt.payload)
    sent = tr(
        lang(), "Receipt {number} sent to {printer}", number=receipt.receipt_number, printer=args.printer
    )
    print(sent)
    if receipt.opens_drawer:
        print(tr(lang(), "Cash drawer opened"))
    return 0


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    test = sub.add_parser("print-test")
    test.add_argument("--printer", required=True, help=PRINTER_HELP)
    test.add_argument("--paper", choices=["58mm", "80mm"], default="80mm", help=PAPER_HELP)
    test.add_argument("--language", choices=["en", "fr", "sw"])
    test.set_defaults(handler=cmd_print_test)

    receipt = sub.choices["receipt"]  # registered by the counter commands, before this module
    for action in receipt._actions:
        if action.dest == "out":
            action.required = False
    receipt.add_argument("--printer", help=PRINTER_HELP)
    receipt.add_argument("--paper", choices=["58mm", "80mm"], default="80mm", help=PAPER_HELP)
    receipt.set_defaults(handler=cmd_receipt)
