"""``konnect-pos audit``: who did what and when (managers)."""

from __future__ import annotations

import argparse

from konnect_pos.cli.common import Commands, instant, open_db, print_json, signed_in


def cmd_audit(args: argparse.Namespace) -> int:
    from konnect_pos.services.audit import audit_trail

    open_db(args, create=False)
    rows = audit_trail(
        signed_in(args),
        user=args.user,
        kind=args.kind,
        since=instant(args.since),
        until=instant(args.until),
        limit=args.limit,
    )
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        approved = f" (approved by {row.approved_by})" if row.approved_by else ""
        when = f"{row.at:%Y-%m-%d %H:%M:%S}"
        print(f"{when} {row.terminal:<10} {row.kind:<16} {row.user:<10} {row.subject}{approved}")
    return 0


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    audit = sub.add_parser("audit", parents=[common])
    audit.add_argument("--user")
    audit.add_argument("--kind", help="e.g. sale, void, refund, day, cash, user_")
    audit.add_argument("--since", help="ISO instant with zone")
    audit.add_argument("--until", help="ISO instant with zone")
    audit.add_argument("--limit", type=int, default=200)
    audit.add_argument("--json", action="store_true")
    audit.add_argument("--terminal")
    audit.set_defaults(handler=cmd_audit)
