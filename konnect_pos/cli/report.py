"""``konnect-pos report daily``: the X or Z report, printed, as JSON or as a PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from konnect_pos.cli.common import Commands, amount, open_db, output_path, signed_in


def cmd_report(args: argparse.Namespace) -> int:
    from konnect_pos.documents.daily_report_pdf import render_daily_report
    from konnect_pos.services.daily_report import daily_report, parse_date, report_json

    output_path(args.out)
    open_db(args, create=False)
    counter = signed_in(args)
    report = daily_report(counter, parse_date(args.date), terminal=args.terminal, whole_outlet=args.outlet)
    if args.out:
        Path(args.out).write_bytes(
            render_daily_report(report, args.language or report.outlet.language, args.format)
        )
    if args.json:
        print(report_json(report))
    else:
        day = f"{report.kind} {report.business_date.isoformat()}"
        for row in report.sections.sales:
            print(f"{day}: {row.count} sales, total {amount(row.total)}, net {amount(row.net)}")
        if not report.sections.sales:
            print(f"{day}: no sales")
    return 0


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    report = sub.add_parser("report")
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
