"""Crash logs and HQ: ``crash-logs --send-to-hq on|off`` on a terminal, ``hq crash-logs`` at HQ."""

from __future__ import annotations

import argparse

from konnect_pos.cli.common import Commands, lang, print_json, tr
from konnect_pos.domain.errors import ValidationError


def cmd_crash_logs(args: argparse.Namespace) -> int:
    from konnect_pos import crash_log
    from konnect_pos.services.sync.crash_logs import sends_to_hq, set_send_to_hq

    on = sends_to_hq() if args.send_to_hq is None else set_send_to_hq(args.send_to_hq == "on")
    print(tr(lang(), "Crash logs are in {folder}", folder=str(crash_log.log_dir())))
    if on:
        print(tr(lang(), "Crash logs go to headquarters with the next sync"))
    else:
        print(tr(lang(), "Crash logs stay on this computer"))
    return 0


def hq_crash_logs(url: str, args: argparse.Namespace) -> None:
    from konnect_pos.hq.crash_logs import crash_logs

    rows = crash_logs(url, args.terminal)
    if args.json:
        print_json(rows)
        return
    for row in rows:
        cut = tr(lang(), "last 256 KB") if row.truncated else ""
        print(f"{row.id:>5} {row.received_at:%Y-%m-%d %H:%M} {row.terminal:<12} {row.file_name:<18} "
              f"{row.size // 1024 + 1:>4} KB {cut}".rstrip())  # fmt: skip
    if not rows:
        print(tr(lang(), "No crash logs"))


def hq_crash_log(url: str, args: argparse.Namespace) -> None:
    from konnect_pos.hq.crash_logs import crash_log

    if len(args.names) != 1 or not args.names[0].isdigit():
        raise ValidationError("Give the crash log's number from hq crash-logs: hq crash-log 3")
    found = crash_log(url, int(args.names[0]))
    row = found.row
    print(
        tr(
            lang(),
            "Crash log {number} of {terminal} ({name}), received {at}",
            number=row.id,
            terminal=row.terminal,
            name=row.file_name,
            at=f"{row.received_at:%Y-%m-%d %H:%M}",
        )
    )
    print(found.content, end="" if found.content.endswith("\n") else "\n")


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    logs = sub.add_parser("crash-logs", parents=[common])
    logs.add_argument(
        "--send-to-hq", choices=["on", "off"], help="send crash logs with the next sync (this computer)"
    )
    logs.set_defaults(handler=cmd_crash_logs)
