"""``konnect-pos void`` and ``refund``: corrections of a sale, approved by a manager."""

from __future__ import annotations

import argparse

from konnect_pos.cli.common import Commands, amount, approver, lang, open_db, payment_name, signed_in, tr


def cmd_void(args: argparse.Namespace) -> int:
    from konnect_pos.services.corrections import void_sale

    open_db(args, create=False)
    result = void_sale(
        signed_in(args), args.receipt, args.reason, remove_active=args.remove_active, approver=approver()
    )
    give_back = " + ".join(map(amount, result.give_back)) or amount(result.refund_due)
    print(
        tr(
            lang(),
            "Sale {receipt} voided; removed from the account: {bundles}; give back {amount}",
            receipt=result.receipt_number,
            bundles=", ".join(result.removed) or "-",
            amount=give_back,
        )
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
    print(
        tr(
            lang(),
            "Refund of {amount} on {receipt} ({method}); still refundable {left}",
            amount=amount(result.amount),
            receipt=result.receipt_number,
            method=how,
            left=left,
        )
    )
    if result.cash_handed and result.cash_handed != (result.amount,):  # francs for a sale in dollars
        handed = " + ".join(amount(money) for money in result.cash_handed)
        print(tr(lang(), "Hand back in cash: {amount}", amount=handed))
    _print_reversal(result.balance_reversed)
    if result.float_returned is not None:
        returned = amount(result.float_returned)
        print(tr(lang(), "Given back to the distributor's float: {amount}", amount=returned))
    return 0


def _print_reversal(reversal) -> None:
    if reversal is not None:
        print(
            tr(
                lang(),
                "Taken back from the balance of {account}: {amount}; balance now {balance}",
                account=reversal.account_number,
                amount=amount(reversal.amount),
                balance=amount(reversal.balance_after),
            )
        )


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    void = sub.add_parser("void", parents=[common])
    void.add_argument("receipt")
    void.add_argument("--reason", required=True)
    void.add_argument(
        "--remove-active", action="store_true", help="confirm removing a bundle already running"
    )
    void.add_argument("--terminal")
    void.set_defaults(handler=cmd_void)

    refund = sub.add_parser("refund", parents=[common])
    refund.add_argument("receipt")
    refund.add_argument("amount")
    refund.add_argument("--reason", required=True)
    refund.add_argument("--to", choices=["original", "cash"], default="original")
    refund.add_argument("--terminal")
    refund.set_defaults(handler=cmd_refund)
