"""``konnect-pos verify``: the database's integrity, the journal and every money record,
checked against the anchors of the journal's head it can reach (HQ, anchor files, paper)."""

from __future__ import annotations

import argparse
import sys

from konnect_pos.cli.common import Commands, open_db


def cmd_verify(args: argparse.Namespace) -> int:
    from konnect_pos.services.journal_anchor import parse_anchor, read_anchor_file
    from konnect_pos.services.sync.anchor import hq_anchors
    from konnect_pos.services.verify import verify

    anchors = [parse_anchor(text) for text in args.anchor or []]
    open_db(args, create=False)
    for path in args.anchor_file or []:
        anchors += read_anchor_file(path)
    notes: list[str] = []
    if not args.no_hq:
        from_hq, notes = hq_anchors()
        anchors += from_hq
    report = verify(anchors)
    for note in notes:
        print(f"NOTE: {note}", file=sys.stderr)
    if not report.ok:
        for problem in report.problems:
            print(f"BROKEN: {problem}", file=sys.stderr)
        return 1
    counts = (
        f"{report.terminals} terminals, {report.entries} journal entries, {report.sales} sales, "
        f"{report.records} money records"
    )
    print(f"OK: {counts} verified")
    if report.anchored:
        print("Anchored against: " + "; ".join(report.anchored))
    else:
        print(
            "No anchor reached: a journal rewritten whole or cut short would not show "
            "(give --anchor or --anchor-file, or link to headquarters)"
        )
    return 0


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    verify = sub.add_parser("verify", parents=[common])
    verify.add_argument(
        "--anchor",
        action="append",
        help="a journal head from paper: 'KIN01-T1 #57 3fa2c1d9e0b4' (Z report), 'RECEIPT|HASH' (QR)",
    )
    verify.add_argument("--anchor-file", action="append", help="an anchor.json written beside a backup")
    verify.add_argument(
        "--no-hq", action="store_true", help="do not ask headquarters for its copy of the head"
    )
    verify.set_defaults(handler=cmd_verify)
