"""The ``konnect-pos`` command: the GUI by default, sub-commands for headless work.

Every error a user can cause is one translated line on stderr and exit code 2;
nothing is written when that happens (the services raise before committing).
Each area's commands live in their own module with a ``register(sub, common)``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from konnect_pos.cli import gui
from konnect_pos.cli.common import EXIT_USAGE, OneLineParser, lang, tr, translate_error
from konnect_pos.domain.errors import KonnectError

# Every command, in ``--help``'s order: the area modules that register it (``register(sub, common)``;
# ``printing`` and ``receipt_messages`` add options to ``sale``'s commands) and its line in
# ``--help``. A command's modules are imported only when it is the one run, so ``--help`` and the
# GUI import none of them (issue 17; tests/test_import_budget.py).
COMMANDS: dict[str, tuple[tuple[str, ...], str]] = {
    "demo": (("demo",), "create a demo shop and open the app"),
    "customers": (("customers",), "look up and register customers"),
    "sell": (("sale", "receipt_messages"), "sell bundles (KONNECT_POS_USER / KONNECT_POS_PIN)"),
    "receipt": (("sale", "printing", "receipt_messages"), "write a receipt (or its invoice) as PDF"),
    "usage": (("sale",), "record high-speed GB used by the active bundle"),
    "day": (("day",), "open, close or show the business day"),
    "cash": (("day",), "cash in or out of the drawer, with a reason"),
    "void": (("corrections",), "void a sale of the open business day"),
    "refund": (("corrections",), "refund money on a sale"),
    "report": (("report",), "daily sales summary (X while open, Z after close)"),
    "users": (("users",), "add, deactivate, reset the PIN of or unlock a user"),
    "audit": (("audit",), "who did what and when (managers)"),
    "sync": (("sync",), "send sales to headquarters and fetch its changes"),
    "terminal": (("sync",), "add a counter to this shop's database"),
    "hq": (("sync",), "headquarters: schema, terminals, prices, reports"),
    "corporate": (("corporate",), "corporate accounts and service lines (managers)"),
    "invoices": (("corporate",), "corporate invoices: run a billing day, list, PDF"),
    "balance": (("connect_plus",), "a customer's balance and its ledger"),
    "topup": (("connect_plus",), "money into a balance, sold like any sale"),
    "connectplus": (("connect_plus",), "Connect+ status, opt-in (*257*7#), opt-out"),
    "run-daily": (("connect_plus",), "plan fees and Connect+ for every account"),
    "backup": (("backup",), "copy the database to a backup file (SQLite)"),
    "restore": (("backup",), "replace the database with a backup"),
    "backup-settings": (("backup",), "where day close backs up, how many backups to keep"),
    "verify": (("verify",), "check the database, the journal and every money record"),
    "rate": (("exchange_rate",), "the day's USD→CDF rate of a DRC outlet"),
    "print-test": (("sale", "printing"), "print a test page on a thermal receipt printer"),
    "advise": (("advice",), "the bundle that fits a customer's history"),
    "outlets": (("advice",), "the outlet directory"),
    "crash-logs": (("crash_logs",), "where crash logs are; whether they go to headquarters"),
    "reconcile": (("reconcile",), "mobile-money statements against our payments"),
    "plan": (("plans",), "put a customer on a plan, change plan, plan history"),
    "float": (("distributor_float",), "a distributor's float and the offline limits"),
    "commissions": (("commissions",), "what the outlet earned on its sales"),
    "catalog": (("catalog",), "bundles and plans: list, add, change, retire"),
    "desk": (("desk",), "the customer-service desk: add, set up, show"),
}
# The area modules, in the order they register (each after those whose commands it extends).
AREAS = (
    "demo", "customers", "sale", "day", "corrections", "report", "users", "audit", "sync", "corporate",
    "connect_plus", "backup", "verify", "exchange_rate", "printing", "receipt_messages", "advice",
    "crash_logs", "reconcile", "plans", "distributor_float", "commissions", "catalog", "desk",
)  # fmt: skip
ALL = "*"  # build_parser's every command, with its modules (the tests' and the fuzzer's parser)
# Options a user may give before or after the sub-command (``--db X sell`` = ``sell --db X``).
SHARED_OPTIONS = ("db", "terminal")


def build_parser(command: str | None = ALL) -> argparse.ArgumentParser:
    """The command tree. ``command``: only that command's modules are imported and registered (the
    others are listed by name and help); None: no command module; ``ALL``: every one."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", help="database URL: sqlite:///path or postgresql://… (default: KONNECT_POS_DB)"
    )
    parser = OneLineParser(prog="konnect-pos", parents=[common], description=__doc__)
    parser.add_argument("--terminal", help="terminal label, e.g. KIN01-T1")
    parser.set_defaults(handler=gui.cmd_gui)
    sub = parser.add_subparsers(dest="command", parser_class=OneLineParser)
    if command == ALL:
        needed = set(AREAS)
    elif command in COMMANDS:
        needed = set(COMMANDS[command][0])
    else:  # no command (the GUI, --help) or an unknown one (refused by the listing parser)
        needed = set()
    for area in AREAS:
        if area in needed:
            importlib.import_module(f"konnect_pos.cli.{area}").register(_Commands(sub), common)
    for name, (_, words) in COMMANDS.items():
        if name not in sub.choices:  # listed for --help; another command is the one run
            sub.add_parser(name, help=words, add_help=False)
    _keep_shared_options(parser)
    return parser


class _Commands:
    """The sub-commands as an area module registers them: each gets its ``--help`` line from
    ``COMMANDS``, the one place that says it."""

    def __init__(self, action: argparse._SubParsersAction) -> None:
        self._action = action
        self.choices = action.choices

    def add_parser(self, name: str, **kwargs: object) -> argparse.ArgumentParser:
        return self._action.add_parser(name, help=COMMANDS[name][1], **kwargs)


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line read by the parser of the command named in it: the commands listed by name
    find which one it is (``--help`` stops there), then only that command's modules are imported."""
    named, _ = build_parser(None).parse_known_args(argv)
    return build_parser(named.command).parse_args(argv)


def _starts_gui(argv: Sequence[str]) -> bool:
    import contextlib
    import io

    with contextlib.redirect_stderr(io.StringIO()), contextlib.suppress(SystemExit):
        args = _parse(argv)
        return args.handler is gui.cmd_gui or (args.command == "demo" and not args.no_gui)
    return False


EXIT_BROKEN_PIPE = 141  # what a shell reports for a command ended by SIGPIPE (128 + 13)


def entry() -> int:
    """The installed ``konnect-pos`` command: ``main`` with the crash log on (konnect_pos/crash_log.py).

    An earlier run that ended badly is told once: the GUI after sign-in, a command on stderr.
    """
    from konnect_pos import crash_log

    crashed = crash_log.install()
    if crashed is not None:
        if _starts_gui(sys.argv[1:]):
            crash_log.pending_notice = crashed
        else:
            text = tr(
                lang(),
                "Konnect POS closed unexpectedly last time: the crash log is {path}",
                path=str(crashed),
            )
            print(f"konnect-pos: {text}", file=sys.stderr)
    try:
        code = main()
        sys.stdout.flush()  # a pipe's buffer is written here, inside the try, not at the exit
        return code
    except BrokenPipeError:
        # the reader left (``konnect-pos catalog list | head``): what it wanted was printed, nothing
        # crashed; stdout goes to devnull so the interpreter's last flush does not fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def _keep_shared_options(parser: argparse.ArgumentParser, *, top: bool = True) -> None:
    """A sub-command's unset --db/--terminal must not erase the one given before the sub-command.

    The actions are shared with the top-level parser (argparse's ``parents``), so none of them
    has a default any more: ``main`` sets the missing ones to ``None``.
    """
    for action in parser._actions:
        if not top and action.dest in SHARED_OPTIONS:
            action.default = argparse.SUPPRESS
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _keep_shared_options(child, top=False)


def _gui_only(argv: Sequence[str]) -> argparse.Namespace | None:
    """The GUI's own options and nothing else (no sub-command, no --help), read without building
    the whole command tree (~10 ms of the start-up to the login window, issue 17); else None."""
    import contextlib
    import io

    top = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    top.add_argument("--db")
    top.add_argument("--terminal")
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            args, rest = top.parse_known_args(argv)
    except (argparse.ArgumentError, SystemExit):
        return None  # the full parser says what is wrong, in the user's language
    if rest:
        return None
    args.handler, args.command = gui.cmd_gui, None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = _gui_only(sys.argv[1:] if argv is None else argv)
    if args is None:
        try:
            args = _parse(argv)
        except SystemExit as stop:  # --help, or the one line OneLineParser printed
            return int(stop.code or 0) if isinstance(stop.code, int) else EXIT_USAGE
    for name in SHARED_OPTIONS:
        if not hasattr(args, name):
            setattr(args, name, None)
    try:
        return int(args.handler(args) or 0)
    except KonnectError as error:
        return _refuse(error)
    except OSError as error:
        if error.filename is None:
            raise
        return _refuse(
            KonnectError(
                "Cannot use the file {path}: {reason}", path=str(error.filename), reason=error.strerror
            )
        )
    except Exception as error:
        from konnect_pos.store.database import store_fault

        fault = store_fault(error)
        if fault is None:
            raise
        return _refuse(fault)
    finally:
        _close_database()


def _close_database() -> None:
    """The command's connection is closed when it ends, not left to the garbage collector."""
    if "konnect_pos.store.database" not in sys.modules:
        return  # nothing opened one (--help; the GUI shown and closed before its database opened)
    from konnect_pos.store.database import db

    if db.obj is not None and not db.is_closed():
        db.close()


def _refuse(error: KonnectError) -> int:
    print(f"konnect-pos: {translate_error(error, lang())}", file=sys.stderr)
    return EXIT_USAGE
