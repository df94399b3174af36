"""The ``konnect-pos`` command: the GUI by default, sub-commands for headless work.

Every error a user can cause is one translated line on stderr and exit code 2;
nothing is written when that happens (the services raise before committing).
Each area's commands live in their own module with a ``register(sub, common)``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from konnect_pos.cli import (
    advice,
    audit,
    backup,
    commissions,
    connect_plus,
    corporate,
    corrections,
    crash_logs,
    customers,
    day,
    demo,
    desk,
    distributor_float,
    exchange_rate,
    gui,
    plans,
    printing,
    receipt_messages,
    reconcile,
    report,
    sale,
    sync,
    users,
    verify,
)
from konnect_pos.cli import catalog as catalog_cli
from konnect_pos.cli.common import EXIT_USAGE, OneLineParser, lang, tr, translate_error
from konnect_pos.domain.errors import KonnectError

AREAS = (
    demo,
    customers,
    sale,
    day,
    corrections,
    report,
    users,
    audit,
    sync,
    corporate,
    connect_plus,
    backup,
    verify,
    exchange_rate,
    printing,
    receipt_messages,
    advice,
    crash_logs,
    reconcile,
    plans,
    distributor_float,
    commissions,
    catalog_cli,
    desk,
)
# Options a user may give before or after the sub-command (``--db X sell`` = ``sell --db X``).
SHARED_OPTIONS = ("db", "terminal")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", help="database URL: sqlite:///path or postgresql://… (default: KONNECT_POS_DB)"
    )
    parser = OneLineParser(prog="konnect-pos", parents=[common], description=__doc__)
    parser.add_argument("--terminal", help="terminal label, e.g. KIN01-T1")
    parser.set_defaults(handler=gui.cmd_gui)
    sub = parser.add_subparsers(dest="command", parser_class=OneLineParser)
    for area in AREAS:
        area.register(sub, common)
    _keep_shared_options(parser)
    return parser


def _starts_gui(argv: Sequence[str]) -> bool:
    import contextlib
    import io

    with contextlib.redirect_stderr(io.StringIO()), contextlib.suppress(SystemExit):
        args, _ = build_parser().parse_known_args(argv)
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
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
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
