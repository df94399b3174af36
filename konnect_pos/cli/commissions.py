"""``konnect-pos commissions statement --from D --to D [--json] [--csv FILE] [--pdf FILE]``: the
outlet's commission statement for local business dates D..D (a manager's report)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from konnect_pos.cli.common import Commands, lang, open_db, output_path, print_json, signed_in

if TYPE_CHECKING:
    from konnect_pos.domain.commissions import CommissionStatement


CSV_HEADER = (
    "outlet",
    "date",
    "receipt",
    "terminal",
    "entry",
    "bundle",
    "amount",
    "currency",
    "rate",
    "commission",
)


def statement_json(statement: CommissionStatement) -> dict[str, Any]:
    return {
        "outlet": statement.outlet,
        "outlet_kind": statement.outlet_kind,
        "from": statement.first,
        "to": statement.last,
        "totals": [
            {
                "currency": t.currency,
                "sales": str(t.sales.amount),
                "lines": t.lines,
                "reversed": str(t.reversed.amount),
                "net_sales": str(t.net_sales.amount),
                "earned": str(t.earned.amount),
                "taken_back": str(t.taken_back.amount),
                "net_commission": str(t.net_commission.amount),
                "owed": str(t.wholesale.amount),
            }
            for t in statement.totals
        ],
        "entries": [
            {
                "date": e.day,
                "kind": e.kind,
                "receipt": e.receipt,
                "terminal": e.terminal,
                "bundle": e.bundle,
                "amount": str(e.amount.amount),
                "currency": e.amount.currency,
                "percent": None if e.percent is None else str(e.percent),
                "commission": str(e.commission.amount),
            }
            for e in statement.entries
        ],
    }


def write_csv(statements: list[CommissionStatement], path: Path) -> None:
    """One row per entry (amounts as plain decimals, for a spreadsheet)."""
    import csv

    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "outlet",
                "date",
                "receipt",
                "terminal",
                "entry",
                "bundle",
                "amount",
                "currency",
                "rate",
                "commission",
            ]
        )
        for statement in statements:
            for e in statement.entries:
                writer.writerow(
                    [
                        statement.outlet, e.day.isoformat(), e.receipt, e.terminal, e.kind, e.bundle,
                        str(e.amount.amount), e.amount.currency, "" if e.percent is None else str(e.percent),
                        str(e.commission.amount),
                    ]
                )  # fmt: skip


def print_statement(statement: CommissionStatement, language: str) -> None:
    from konnect_pos.documents.commission_pdf import entry_cells, summary_lines

    for line in summary_lines(statement, language):
        print(line)
    for entry in statement.entries:
        print("  " + "  ".join(entry_cells(entry, language)))


def cmd_statement(args: argparse.Namespace) -> int:
    from konnect_pos.services.commissions import statement

    pdf_path = output_path(args.pdf)
    csv_path = output_path(args.csv)
    open_db(args, create=False)
    found = statement(signed_in(args), args.first, args.last)
    language = lang()
    if pdf_path is not None:
        from konnect_pos.documents.commission_pdf import render_commission_statement

        pdf_path.write_bytes(render_commission_statement(found, language))
    if csv_path is not None:
        write_csv([found], csv_path)
    if args.json:
        print_json(statement_json(found))
    else:
        print_statement(found, language)
    return 0


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    commissions = sub.add_parser("commissions", parents=[common])
    actions = commissions.add_subparsers(dest="action", required=True, parser_class=type(commissions))
    stating = actions.add_parser("statement", parents=[common], help="the commission statement of a period")
    stating.add_argument("--from", dest="first", required=True, help="first local business date, YYYY-MM-DD")
    stating.add_argument("--to", dest="last", required=True, help="last local business date, YYYY-MM-DD")
    stating.add_argument("--json", action="store_true")
    stating.add_argument("--csv", metavar="FILE")
    stating.add_argument("--pdf", metavar="FILE")
    stating.add_argument("--terminal")
    stating.set_defaults(handler=cmd_statement)
