"""``konnect-pos users``: add, deactivate, reset the PIN of or unlock a user."""

from __future__ import annotations

import argparse

from konnect_pos.cli.common import Commands, open_db, signed_in
from konnect_pos.domain.errors import KonnectError


def cmd_users(args: argparse.Namespace) -> int:
    from konnect_pos.services import users

    open_db(args, create=False)
    counter = signed_in(args)
    if args.action == "add":
        if not args.name or not args.role:
            raise KonnectError("users add needs --name and --role")
        users.add_user(counter, args.username, args.name, args.role, args.pin or "")
    elif args.action == "deactivate":
        users.deactivate_user(counter, args.username)
    elif args.action == "reset-pin":
        users.reset_pin(counter, args.username, args.pin or "")
    else:
        users.unlock_user(counter, args.username)
    print(f"{args.action}: {args.username} done")
    return 0


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    users = sub.add_parser("users", parents=[common])
    users.add_argument("action", choices=["add", "deactivate", "reset-pin", "unlock"])
    users.add_argument("username")
    users.add_argument("--name")
    users.add_argument("--role", choices=["cashier", "manager", "admin"])
    users.add_argument("--pin")
    users.add_argument("--terminal")
    users.set_defaults(handler=cmd_users)
