"""What every command shares: language, database, clock, JSON output, signing in."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Protocol

from konnect_pos.domain.errors import KonnectError

if TYPE_CHECKING:
    from datetime import date

    from konnect_pos.domain.money import Money

EXIT_USAGE = 2
LINE_LIMIT = 240


class Commands(Protocol):
    """What an area module's ``register`` adds its commands to (``cli._Commands``: argparse's
    sub-parsers, each command's help line taken from ``cli.COMMANDS``)."""

    choices: dict[str, argparse.ArgumentParser]

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...


# argparse's own error texts (Python 3.11), as templates of our catalogs: the detail of a usage
# error is said in the user's language too. English keeps argparse's words.
ARGPARSE_ERRORS = (
    (r"the following arguments are required: (?P<names>.+)", "the following arguments are required: {names}"),
    (r"unrecognized arguments: (?P<names>.+)", "unrecognized arguments: {names}"),
    (r"one of the arguments (?P<names>.+) is required", "one of the arguments {names} is required"),
    (
        r"argument (?P<argument>[^:]+): invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)",
        "argument {argument}: invalid choice: {value} (choose from {choices})",
    ),
    (r"argument (?P<argument>[^:]+): expected one argument", "argument {argument}: expected one argument"),
    (
        r"argument (?P<argument>[^:]+): invalid \w+ value: (?P<value>.+)",
        "argument {argument}: invalid value: {value}",
    ),
    (
        r"argument (?P<argument>[^:]+): not allowed with argument (?P<other>.+)",
        "argument {argument}: not allowed with argument {other}",
    ),
)


def usage_detail(language: str, message: str) -> str:
    """argparse's error ``message`` in ``language`` (as argparse said it when no template fits)."""
    import re

    from konnect_pos.i18n import tr

    for pattern, template in ARGPARSE_ERRORS:
        found = re.fullmatch(pattern, message, re.DOTALL)
        if found:
            return tr(language, template, **found.groupdict())
    return message


class OneLineParser(argparse.ArgumentParser):
    """argparse's usage errors as one translated line and exit code 2, like every other refusal."""

    def error(self, message: str) -> NoReturn:
        from konnect_pos.i18n import tr

        language = lang()
        text = tr(
            language,
            "Command line not understood ({command}): {detail}",
            command=self.prog,
            detail=usage_detail(language, message),
        )
        text = " ".join(text.split())  # one line even when a value holds newlines
        print(f"konnect-pos: {text[:LINE_LIMIT]}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def output_path(text: str | None) -> Path | None:
    """Where a PDF will be written, checked before anything is recorded: a sale is never
    committed only for its receipt to fail on a missing folder."""
    if text is None:
        return None
    path = Path(text)
    folder = path.parent if str(path.parent) else Path(".")
    if not text.strip() or path.is_dir() or not folder.is_dir() or not os.access(folder, os.W_OK):
        raise KonnectError("Cannot write a file at {path}", path=text)
    return path


def lang() -> str:
    lang = os.environ.get("KONNECT_POS_LANG", "en")
    return lang if lang in ("en", "fr", "sw") else "en"


def amount(value: Money) -> str:
    """An amount as every screen and document writes it, in KONNECT_POS_LANG."""
    from konnect_pos.domain.money import format_money

    return format_money(value, lang())


def tr(language: str, template: str, **params: Any) -> str:
    """``konnect_pos.i18n.tr``, imported when a line is said: ``--help`` never loads babel."""
    from konnect_pos.i18n import tr as translated

    return translated(language, template, **params)


def translate_error(error: KonnectError, language: str) -> str:
    """``konnect_pos.i18n.translate_error``, imported when an error is said."""
    from konnect_pos.i18n import translate_error as translated

    return translated(error, language)


def payment_name(method: str, provider: str | None, language: str) -> str:
    """``konnect_pos.payment_names.payment_name``, imported when a payment is printed."""
    from konnect_pos.payment_names import payment_name as named

    return named(method, provider, language)


def open_db(args: argparse.Namespace, *, create: bool = True) -> None:
    from konnect_pos.store.schema import open_database

    open_database(args.db, create=create)


def clock() -> Callable[[], Any]:
    from konnect_pos.services.clock import system_clock

    return system_clock


def jsonable(value: Any) -> Any:
    from dataclasses import asdict, is_dataclass
    from decimal import Decimal

    if is_dataclass(value):
        return jsonable(asdict(value))
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def print_json(value: Any) -> None:
    import json

    print(json.dumps(jsonable(value), ensure_ascii=False, indent=2))


def terminal_label(args: argparse.Namespace) -> str:
    """--terminal, else KONNECT_POS_TERMINAL, else the database's only terminal."""
    from konnect_pos.services.outlets import list_terminals

    terminal = getattr(args, "terminal", None) or os.environ.get("KONNECT_POS_TERMINAL")
    if terminal:
        return terminal
    terminals = list_terminals()
    if len(terminals) != 1:
        raise KonnectError(
            "Choose a terminal with --terminal (one of: {terminals})",
            terminals=", ".join(terminals) or "none",
        )
    return terminals[0]


def terminal_id(args: argparse.Namespace) -> int:
    from konnect_pos.services.outlets import get_terminal

    return get_terminal(terminal_label(args)).id


def signed_in(args: argparse.Namespace):
    """Sign in from KONNECT_POS_USER / KONNECT_POS_PIN (or a prompt) at the chosen terminal."""
    import getpass

    from konnect_pos.services.session import sign_in

    terminal = terminal_label(args)
    user = os.environ.get("KONNECT_POS_USER")
    pin = os.environ.get("KONNECT_POS_PIN")
    if not user or pin is None:
        if not sys.stdin.isatty():
            raise KonnectError("Set KONNECT_POS_USER and KONNECT_POS_PIN, or run in a terminal to be asked")
        user = user or input("User: ")
        pin = getpass.getpass("PIN: ")
    return sign_in(terminal, user, pin, clock())


def given_date(text: str) -> date:
    """A local date typed as YYYY-MM-DD, or a ValidationError in the user's language."""
    from datetime import date

    from konnect_pos.domain.errors import ValidationError

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError("Not a date (YYYY-MM-DD): {text}", field="date", text=str(text)[:40]) from None


def instant(text: str | None):
    from datetime import datetime

    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise KonnectError("Not an ISO date and time: {text}", text=text[:40]) from None
    if moment.tzinfo is None:
        raise KonnectError("Give the time zone with --at, e.g. 2026-11-20T14:30+01:00")
    return moment


def approver():
    """A manager's approval for a cashier: KONNECT_POS_APPROVER and KONNECT_POS_APPROVER_PIN."""
    from konnect_pos.services.users import authenticate

    name = os.environ.get("KONNECT_POS_APPROVER")
    if not name:
        return None
    return authenticate(name, os.environ.get("KONNECT_POS_APPROVER_PIN", ""), clock())
