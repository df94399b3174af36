"""``konnect-pos reconcile import FILE --provider P [--layout NAME]`` and
``konnect-pos reconcile report [--date D] [--json] [--csv FILE] [--pdf FILE]``.

An export in a layout we do not know is mapped once: ``reconcile import FILE --provider P
--save-layout NAME --reference COL --amount COL --date-column COL --date-format FMT …``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from konnect_pos.cli.common import Commands, lang, open_db, output_path, print_json, signed_in, tr

MAPPING_OPTIONS = {
    "encoding": "text encoding, e.g. utf-8, cp1252",
    "delimiter": "column separator, e.g. ',' ';' or 'tab'",
    "reference": "the column holding the transaction reference",
    "amount": "the column holding the amount received",
    "date_column": "the column holding the date (and time)",
    "date_format": "its format, e.g. %%d/%%m/%%Y %%H:%%M",
    "phone": "the payer's phone column (optional)",
    "currency": "the currency column (optional)",
    "decimal_separator": "'.' or ','",
    "thousands_separator": "e.g. ',' or ' ' (optional)",
}


def cmd_import(args: argparse.Namespace) -> int:
    from konnect_pos.services.reconciliation import import_statement, save_layout

    raw = Path(args.file).read_bytes()
    open_db(args, create=False)
    counter = signed_in(args)
    layout = args.layout
    if args.save_layout:
        spec = {key: getattr(args, key) for key in MAPPING_OPTIONS if key != "date_column"}
        spec["date"] = args.date_column
        if spec["delimiter"] == "tab":
            spec["delimiter"] = "\t"
        missing = [k for k in ("reference", "amount", "date", "date_format") if not spec.get(k)]
        if missing:
            from konnect_pos.domain.errors import ValidationError

            raise ValidationError(
                "To save a layout give --reference, --amount, --date-column and --date-format"
            )
        spec = {k: v for k, v in spec.items() if v is not None}
        spec.setdefault("encoding", "utf-8")
        spec.setdefault("delimiter", ",")
        save_layout(counter, args.save_layout, args.provider, spec)
        layout = args.save_layout
    result = import_statement(counter, raw, Path(args.file).name, args.provider, layout)
    language = lang()
    if result.already_imported:
        print(tr(language, "This statement was imported already: nothing changed"))
    else:
        print(
            tr(
                language,
                "Imported {count} payments of {provider} ({first} to {last}), layout {layout}",
                count=result.lines,
                provider=result.provider,
                first=str(result.first_day or "—"),
                last=str(result.last_day or "—"),
                layout=result.layout,
            )
        )
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from konnect_pos.documents.reconciliation_pdf import row_cells, summary_lines
    from konnect_pos.services.reconciliation import report

    pdf_path = output_path(args.pdf)
    csv_path = output_path(args.csv)
    open_db(args, create=False)
    counter = signed_in(args)
    result = report(counter, args.date)
    language = lang()
    if pdf_path is not None:
        from konnect_pos.documents.reconciliation_pdf import render_reconciliation

        pdf_path.write_bytes(render_reconciliation(result, language))
    if csv_path is not None:
        _write_csv(result, csv_path)
    if args.json:
        print_json(
            {
                "outlet": result.outlet,
                "terminal": result.terminal,
                "date": result.day,
                "providers_checked": list(result.providers_checked),
                "counts": result.counts,
                "rows": [
                    {
                        "outcome": row.outcome,
                        "state": row.state,
                        "provider": row.provider,
                        "reference": row.reference,
                        "receipts": list(row.receipts),
                        "ours": None if row.ours is None else str(row.ours.amount),
                        "statement": None if row.theirs is None else str(row.theirs.amount),
                        "statement_rows": list(row.statement_rows),
                    }
                    for row in result.rows
                ],
            }
        )
        return 0
    for line in summary_lines(result, language):
        print(line)
    for row in result.rows:
        print("  " + "  ".join(row_cells(row, language)))
    return 0


def _write_csv(result, path: Path) -> None:
    import csv

    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["date", "provider", "reference", "receipts", "ours", "statement", "currency", "outcome", "state"]
        )
        for row in result.rows:
            amount = row.ours or row.theirs
            writer.writerow(
                [
                    result.day.isoformat(),
                    row.provider,
                    row.reference,
                    " ".join(row.receipts),
                    "" if row.ours is None else str(row.ours.amount),
                    "" if row.theirs is None else str(row.theirs.amount),
                    amount.currency if amount else "",
                    row.outcome or "not_checked",
                    row.state or "",
                ]
            )


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    reconcile = sub.add_parser("reconcile", parents=[common])
    actions = reconcile.add_subparsers(dest="action", required=True, parser_class=type(reconcile))
    importing = actions.add_parser("import", parents=[common], help="import a provider's CSV statement")
    importing.add_argument("file")
    importing.add_argument("--provider", required=True, help="mpesa, orange_money, mtn_momo, airtel_money…")
    importing.add_argument("--layout", help="a saved layout's name (default: the provider's own)")
    importing.add_argument("--save-layout", metavar="NAME", help="map this export's columns once, by name")
    for key, text in MAPPING_OPTIONS.items():
        importing.add_argument("--" + key.replace("_", "-"), dest=key, help=text)
    importing.add_argument("--terminal")
    importing.set_defaults(handler=cmd_import)
    reporting = actions.add_parser("report", parents=[common], help="the day's reconciliation")
    reporting.add_argument("--date", help="YYYY-MM-DD, the outlet's local day (default today)")
    reporting.add_argument("--json", action="store_true")
    reporting.add_argument("--csv", metavar="FILE")
    reporting.add_argument("--pdf", metavar="FILE")
    reporting.add_argument("--terminal")
    reporting.set_defaults(handler=cmd_report)
