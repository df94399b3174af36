"""Receipts by SMS or WhatsApp from the command line: ``receipt NUMBER --send sms|whatsapp
[--phone P]``, ``sell … --send-receipt sms|whatsapp [--send-to P]`` and, at HQ, ``hq messages``.

``receipt`` belongs to the counter commands; like ``printing``, this module adds its options to it.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from konnect_pos.cli import printing
from konnect_pos.cli.common import Commands, lang, open_db, print_json, signed_in, tr, translate_error
from konnect_pos.domain.errors import KonnectError

if TYPE_CHECKING:
    from konnect_pos.services.receipt_messages import QueuedMessage
    from konnect_pos.services.session import Counter

CHANNEL_HELP = "queue the receipt's text for HQ's gateway: sms or whatsapp"
PHONE_HELP = "the number to send to (default: the customer's)"


def queued_line(queued: QueuedMessage) -> str:
    """ "SMS queued for +243 81 234 5678 (1 part)" in KONNECT_POS_LANG."""
    from konnect_pos.i18n import ngettext

    shown = queued.preview
    if shown.channel == "whatsapp":
        return tr(lang(), "WhatsApp message queued for {phone}", phone=shown.phone_shown)
    return ngettext(
        lang(), "SMS queued for {phone} ({n} part)", "SMS queued for {phone} ({n} parts)", shown.parts,
        phone=shown.phone_shown,
    )  # fmt: skip


def message_json(queued: QueuedMessage) -> dict[str, Any]:
    shown = queued.preview
    return {
        "uuid": queued.uuid, "channel": shown.channel, "phone": shown.phone, "language": shown.language,
        "parts": shown.parts, "text": shown.text,
    }  # fmt: skip


def after_sale(counter: Counter, receipt_number: str, channel: str, phone: str | None) -> QueuedMessage | str:
    """The receipt of a committed sale queued in its own transaction, or the refusal's line: the
    sale stands either way (a refusal is said on stderr, the exit code stays 0 so that no script
    sells again)."""
    from konnect_pos.services.receipt_messages import send_receipt

    try:
        return send_receipt(counter, receipt_number, channel, phone)
    except KonnectError as refused:
        reason = translate_error(refused, lang())
        return tr(lang(), "Sale {number} stands; its receipt was not sent: {reason}", number=receipt_number,
                  reason=reason)  # fmt: skip


def say_after_sale(outcome: QueuedMessage | str) -> None:
    if isinstance(outcome, str):
        print(outcome, file=sys.stderr)
        return
    print(outcome.preview.text)
    print(queued_line(outcome))


def cmd_receipt(args: argparse.Namespace) -> int:
    """``receipt NUMBER --send sms|whatsapp`` (``--language``: the text's, else the customer's); with
    ``--out`` or ``--printer`` too, that first."""
    if args.send is None:
        return printing.cmd_receipt(args)
    from konnect_pos.services.receipt_messages import send_receipt

    if args.out or args.printer:
        printing.cmd_receipt(args)
    else:
        open_db(args, create=False)
    queued = send_receipt(signed_in(args), args.number, args.send, args.phone, args.language)
    print(queued.preview.text)
    print(queued_line(queued))
    return 0


def hq_messages(url: str, args: argparse.Namespace) -> None:
    """HQ's queue for its gateway, after processing what terminals pushed."""
    from konnect_pos.hq.message_queue import queued_messages
    from konnect_pos.hq.processing import process

    process(url)
    rows = queued_messages(url)
    if args.json:
        print_json(rows)
        return
    for row in rows:
        print(f"{row.queued_at:%Y-%m-%d %H:%M} {row.terminal:<12} {row.receipt_number:<18} {row.channel:<8} "
              f"{row.phone:<16} {row.parts}")  # fmt: skip
    if not rows:
        print(tr(lang(), "No messages queued"))


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    receipt = sub.choices["receipt"]  # the counter command, with printing's options already
    receipt.add_argument("--send", choices=["sms", "whatsapp"], help=CHANNEL_HELP)
    receipt.add_argument("--phone", help=PHONE_HELP)
    receipt.set_defaults(handler=cmd_receipt)
    sell = sub.choices["sell"]
    sell.add_argument("--send-receipt", choices=["sms", "whatsapp"], help=CHANNEL_HELP)
    sell.add_argument("--send-to", metavar="PHONE", help=PHONE_HELP)
