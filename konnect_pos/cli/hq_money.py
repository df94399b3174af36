"""Headquarters' commands for distributors' money (issue 19), reached through ``hq``:

``hq commission-rate COUNTRY BUNDLE OUTLET_KIND PERCENT --effective YYYY-MM-DD``,
``hq commissions statement --from D --to D [--outlet CODE] [--json] [--csv FILE] [--pdf FILE]``
and ``hq reconcile report --date D [--outlet CODE] [--json] [--csv FILE]`` (every outlet's
mobile-money payments against the statements they sent). Reports first process what terminals
pushed, as ``hq report daily`` does.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from konnect_pos.cli.common import given_date, lang, output_path, print_json
from konnect_pos.domain.errors import ValidationError

if TYPE_CHECKING:
    from datetime import date

ACTIONS = ("commission-rate", "commissions", "reconcile")


def _date(text: str | None, usage: str) -> date:
    if not text:
        raise ValidationError("Use: {usage}", usage=usage)
    return given_date(text)


def run(url: str, args: argparse.Namespace) -> int:
    if args.action == "commission-rate":
        usage = "hq commission-rate COUNTRY BUNDLE OUTLET_KIND PERCENT --effective YYYY-MM-DD"
        if len(args.names) != 4:
            raise ValidationError("Use: {usage}", usage=usage)
        from konnect_pos.hq.commissions import set_commission_rate

        country, code, kind, percent = args.names
        rate = set_commission_rate(url, country, code, kind, percent, _date(args.effective, usage))
        print(f"{code.upper()} at {kind.lower()} outlets: {rate} % from {args.effective}")
        return 0
    csv_path = output_path(args.csv)
    if args.action == "commissions":
        usage = "hq commissions statement --from YYYY-MM-DD --to YYYY-MM-DD [--outlet CODE]"
        if args.names != ["statement"]:
            raise ValidationError("Use: {usage}", usage=usage)
        first, last = _date(args.source, usage), _date(args.to, usage)
        return _commissions(url, first, last, args, csv_path, output_path(args.pdf))
    usage = "hq reconcile report --date YYYY-MM-DD [--outlet CODE]"
    if args.names != ["report"]:
        raise ValidationError("Use: {usage}", usage=usage)
    return _reconcile(url, _date(args.date, usage), args, csv_path)


def _commissions(url: str, first: date, last: date, args: argparse.Namespace, csv_path, pdf_path) -> int:
    from konnect_pos.cli.commissions import print_statement, statement_json, write_csv
    from konnect_pos.hq.commissions import statements
    from konnect_pos.hq.processing import process

    process(url)
    found = statements(url, first, last, args.outlet)
    if csv_path is not None:
        write_csv(found, csv_path)
    if pdf_path is not None:
        from konnect_pos.documents.commission_pdf import render_commission_statements

        pdf_path.write_bytes(render_commission_statements(found, lang()))
    if args.json:
        print_json([statement_json(s) for s in found])
        return 0
    for statement in found:
        print_statement(statement, lang())
    if not found:
        print(f"No sale, void or refund from {first} to {last}")
    return 0


def _reconcile(url: str, day: date, args: argparse.Namespace, csv_path) -> int:
    import csv

    from konnect_pos.documents.reconciliation_pdf import row_cells, summary_lines
    from konnect_pos.hq.processing import process
    from konnect_pos.hq.reconciliation import report

    process(url)
    outlets = report(url, day, args.outlet)
    if csv_path is not None:
        with csv_path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["outlet", "date", "provider", "reference", "receipts", "ours", "statement",
                             "currency", "outcome", "state"])  # fmt: skip
            for outlet in outlets:
                for row in outlet.rows:
                    amount = row.ours or row.theirs
                    writer.writerow(
                        [
                            outlet.outlet, day.isoformat(), row.provider, row.reference,
                            " ".join(row.receipts),
                            "" if row.ours is None else str(row.ours.amount),
                            "" if row.theirs is None else str(row.theirs.amount),
                            amount.currency if amount else "", row.outcome or "not_checked", row.state or "",
                        ]
                    )  # fmt: skip
    if args.json:
        print_json(
            [
                {
                    "outlet": o.outlet,
                    "date": o.day,
                    "providers_checked": list(o.providers_checked),
                    "counts": o.counts,
                    "rows": [
                        {
                            "outcome": r.outcome,
                            "state": r.state,
                            "provider": r.provider,
                            "reference": r.reference,
                            "receipts": list(r.receipts),
                            "ours": None if r.ours is None else str(r.ours.amount),
                            "statement": None if r.theirs is None else str(r.theirs.amount),
                            "statement_rows": list(r.statement_rows),
                        }
                        for r in o.rows
                    ],
                }
                for o in outlets
            ]
        )
        return 0
    language = lang()
    for outlet in outlets:
        for line in summary_lines(outlet, language):
            print(line)
        for row in outlet.rows:
            print("  " + "  ".join(row_cells(row, language)))
    if not outlets:
        print(f"No mobile-money payment or statement on {day}")
    return 0
