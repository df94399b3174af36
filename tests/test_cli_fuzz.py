"""Property-based fuzzing of every CLI sub-command's arguments and of the services' inputs.

The outcome is success, or one line with exit code 2 (a ``KonnectError`` from a service), never a
traceback; a refusal writes nothing (every table's rows are counted before and after). The
commands are found by walking the real parser, so a new sub-command is fuzzed without a change
here. Under CI the examples are derandomized (the same set each run); elsewhere each run draws
new ones. Bounded for CI: about 25 s in all (120 command lines, 300 service calls).
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sqlite3
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from konnect_pos.cli import build_parser, main
from konnect_pos.domain.errors import KonnectError

CLI_EXAMPLES = 120
SERVICE_EXAMPLES = 300
# Not fuzzed: demo (seeds thousands of rows by design; its input is checked in test_cli_foundation)
# and hq (headquarters' own PostgreSQL commands, fuzzing them needs an HQ server).
SKIPPED = {("demo",), ("hq",)}
USERS = {"manager": "222222", "cashier": "1111", "admin": "999999"}
EXIT_CODES = {("verify",): {1}, ("sync",): {3}}  # BROKEN, offline: one line each too

GARBAGE = [
    "",
    " ",
    "-",
    "1e30",
    "9" * 400,
    "NaN",
    "Infinity",
    "-Infinity",
    "0x10",
    "-1",
    "0",
    "1.005",
    "٣",
    "²",
    "x" * 3000,
    "a\nb",
    "4111 1111 1111 1111",
    "' OR 1=1 --",
    "{x}",
    "%s",
    "é",
    "\x00",
]
LIKELY = {
    "account": ["CD00000001", "CD00000002", "KIN01-C0001", "cd00000003"],
    "customer": ["CD00000001", "CD00000004"],
    "query": ["CD000", "joseph", "0812"],
    "bundle": ["CD-WEEK5", "CD-WEEK5:period_end", "cd-week5:data_exhausted", "CD-WEEK5:later"],
    "pay": [
        "cash:6",
        "cash:100",
        "cash:1e30",
        "mobile:mpesa:QK7AB12CD3:0812345678",
        "mobile:mpesa:QK7AB12CD3:0812345678:3",
        "card:AB12:1111",
        "card:AB12:4111111111111111",
        "cash",
        "bitcoin:5",
    ],
    "float": ["USD:20", "CDF:5000", "USD:", "USD:1e30", "XXX:5"],
    "count": ["USD:note:20=1", "USD:note:20=", "USD:coin:1=3", "USD:note:7=1", "USD:note:20=-1"],
    "number": ["KIN01-T1-000001", "KIN01-T1-000999", "KIN01-INV-000001"],
    "receipt_number": ["KIN01-T1-000001", "KIN01-T1-000002"],
    "amount": ["1", "5", "6.00", "0.001", "-5"],
    "gb_used": ["1", "0.5", "100001", "-1"],
    "currency": ["USD", "CDF", "usd", "TZS", "EUR"],
    "date": ["2026-11-20", "2099-01-01", "2026-02-30", "20261120"],
    "at": ["2026-11-20T10:00+01:00", "2026-11-20T10:00", "yesterday"],
    "since": ["2026-11-20T10:00+01:00", "2026-11-20"],
    "until": ["2026-11-20T10:00+01:00"],
    "terminal": ["KIN01-T1", "KIN01-T9", "DAR01-T1"],
    "country": ["CD", "cd", "TZ", "ZZ"],
    "phone": ["0812345670", "+243 81 234 5670", "12"],
    "name": ["Zoé Mbala", "A B"],
    "username": ["cashier", "manager", "newuser", "X"],
    "pin": ["1234", "123456", "12", "abcd"],
    "reason": ["typo", "card 4111 1111 1111 1111"],
    "kit_serial": ["KIT123456", "KIT9999999"],
    "product": ["BIZ-STANDARD", "BIZ-NONE"],
    "limit": ["1", "500", "0", "-3", "99999999999"],
    "url": ["postgresql://kin01_t1@127.0.0.1:1/hq", "sqlite:///x.db", "hq"],
}
FILES = ["out.pdf", "folder/missing/out.pdf", "", ".", "/"]


def leaf_commands() -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    found: list[tuple[tuple[str, ...], argparse.ArgumentParser]] = []

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs and path and path[:1] not in SKIPPED:
            found.append((path, parser))
        for sub in subs:
            for name, child in sub.choices.items():
                walk(child, (*path, name))

    walk(build_parser(), ())
    return found


COMMANDS = leaf_commands()


def values(dest: str, *, is_option: bool) -> st.SearchStrategy[str]:
    if is_option and dest in ("out", "receipt"):
        return st.sampled_from(FILES)
    key = "receipt_number" if dest == "receipt" else dest
    likely = st.sampled_from(LIKELY.get(key, ["CD00000001", "KIN01-T1-000001", "5"]))
    # two draws in three are plausible values, so whole command lines often succeed
    return st.one_of(likely, likely, likely, likely, st.sampled_from(GARBAGE), st.text(max_size=24))


@st.composite
def command_lines(draw) -> tuple[tuple[str, ...], list[str]]:
    path, parser = draw(st.sampled_from(COMMANDS))
    argv = list(path)
    options: list[str] = []
    for action in parser._actions:
        if action.dest in ("help", "db") or isinstance(action, argparse._HelpAction):
            continue
        if not action.option_strings:  # a positional
            if action.choices is not None:
                argv.append(draw(st.sampled_from([*action.choices, "bogus"])))
            elif action.nargs in ("?", "*"):
                argv.extend(draw(st.lists(values(action.dest, is_option=False), max_size=2)))
            else:
                argv.append(draw(values(action.dest, is_option=False)))
            continue
        if not draw(st.booleans()):
            continue
        flag = action.option_strings[-1]
        if action.nargs == 0:
            options.append(flag)
        elif action.choices is not None:
            options.extend([flag, draw(st.sampled_from([*action.choices, "bogus"]))])
        elif isinstance(action, argparse._AppendAction):
            for value in draw(st.lists(values(action.dest, is_option=True), min_size=1, max_size=3)):
                options.extend([flag, value])
        else:
            options.extend([flag, draw(values(action.dest, is_option=True))])
    if path == ("sync",):
        options.append("--once")  # without it the command syncs forever, by design
    return path, argv + options


def row_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


@pytest.fixture(scope="module")
def shop(tmp_path_factory) -> Path:
    from konnect_pos.store.database import db

    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "shop.db"
    assert main(["demo", "--no-gui", "--customers", "20", "--db", f"sqlite:///{path}"]) == 0
    db.close()
    return path


@pytest.fixture(scope="module")
def environment(shop):
    """The process environment of a counter: KIN01-T1, English, run from a scratch folder."""
    saved, cwd = dict(os.environ), Path.cwd()
    os.environ.update(KONNECT_POS_TERMINAL="KIN01-T1", KONNECT_POS_LANG="en")
    os.environ.pop("KONNECT_POS_DB", None)
    os.chdir(shop.parent)
    yield
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(saved)


def as_user(user: str | None) -> None:
    if user is None:
        os.environ.pop("KONNECT_POS_USER", None)
        os.environ.pop("KONNECT_POS_PIN", None)
    else:
        os.environ.update(KONNECT_POS_USER=user, KONNECT_POS_PIN=USERS[user])


@settings(
    max_examples=CLI_EXAMPLES,
    deadline=None,
    database=None,
    derandomize=bool(os.environ.get("CI")),  # CI replays one fixed set; elsewhere each run explores
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(line=command_lines(), user=st.sampled_from(["manager", "cashier", "admin", None]))
def test_every_command_succeeds_or_refuses_in_one_line_writing_nothing(shop, environment, line, user):
    path, argv = line
    as_user(user)
    before = row_counts(shop)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([*argv, "--db", f"sqlite:///{shop}"])
    assert code in {0, 2} | EXIT_CODES.get(path, set()), (argv, err.getvalue())
    if code != 0:
        text = err.getvalue()
        assert text.startswith("konnect-pos: ") and text.count("\n") == 1, (argv, text)
        assert len(text) < 400, (argv, len(text))
        assert row_counts(shop) == before, argv


# --- the services, called as the GUI calls them -----------------------------------------------


@st.composite
def service_calls(draw):
    from konnect_pos.domain.bundle_queue import Trigger
    from konnect_pos.domain.customers import CustomerInput
    from konnect_pos.domain.payments import parse_tender_spec
    from konnect_pos.services import (
        account,
        business_day,
        checkout,
        corrections,
        customers,
        plans,
        users,
    )

    def text(key: str) -> str:
        return draw(values(key, is_option=False))

    kind = draw(
        st.sampled_from(
            [
                "customer",
                "sell",
                "cash",
                "refund",
                "void",
                "usage",
                "topup",
                "add_user",
                "search",
                "close_day",
            ]
        )
    )
    if kind == "customer":
        data = CustomerInput(
            text("name"), text("phone"), text("country"), text("account"), text("kit_serial")
        )
        return kind, lambda counter: customers.create_customer(data, counter.clock, counter.terminal.id)
    if kind == "sell":
        account_number, code, spec = text("customer"), text("bundle"), text("pay")
        trigger = draw(st.sampled_from([None, Trigger.PERIOD_END, Trigger.DATA_EXHAUSTED]))

        def sell(counter):
            tenders = [parse_tender_spec(spec, "USD")]
            return checkout.sell(counter, account_number, [checkout.CartItem(code, trigger)], tenders)

        return kind, sell
    if kind == "cash":
        direction, amount, currency, reason = (
            text("direction"),
            text("amount"),
            text("currency"),
            text("reason"),
        )
        return kind, lambda counter: business_day.cash_movement(counter, direction, amount, currency, reason)
    if kind == "refund":
        number, amount, reason = text("receipt"), text("amount"), text("reason")
        method = draw(st.sampled_from(["original", "cash", "bogus"]))
        return kind, lambda counter: corrections.refund_sale(counter, number, amount, reason, method=method)
    if kind == "void":
        number, reason = text("receipt"), text("reason")
        return kind, lambda counter: corrections.void_sale(counter, number, reason, remove_active=True)
    if kind == "usage":
        account_number, gb = text("account"), text("gb_used")
        return kind, lambda counter: account.record_usage(counter, account_number, gb)
    if kind == "topup":
        account_number, amount, spec = text("account"), text("amount"), text("pay")

        def topup(counter):
            return plans.top_up_balance(counter, account_number, amount, [parse_tender_spec(spec, "USD")])

        return kind, topup
    if kind == "add_user":
        username, name, pin = text("username"), text("name"), text("pin")
        role = draw(st.sampled_from(["cashier", "manager", "admin", "owner"]))
        return kind, lambda counter: users.add_user(counter, username, name, role, pin)
    if kind == "search":
        query, country = text("query"), text("country")
        return kind, lambda _counter: customers.search_customers(query, region=country)
    counts = {"USD": {draw(st.sampled_from(["note:20", "coin:1", "note:7"])): text("amount")}}
    comment = text("reason")
    return kind, lambda counter: business_day.close_day(counter, counts, comment=comment)


COUNTERS: dict = {}


@pytest.fixture(scope="module")
def services_shop(shop, tmp_path_factory):
    from konnect_pos.store.schema import open_database

    path = tmp_path_factory.mktemp("services") / "shop.db"
    shutil.copyfile(shop, path)
    database = open_database(f"sqlite:///{path}")
    yield path
    database.close()


@settings(
    max_examples=SERVICE_EXAMPLES,
    deadline=None,
    database=None,
    derandomize=bool(os.environ.get("CI")),  # CI replays one fixed set; elsewhere each run explores
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(call=service_calls(), user=st.sampled_from(["manager", "cashier", "admin"]))
def test_every_service_input_succeeds_or_is_a_typed_refusal_writing_nothing(services_shop, call, user):
    from konnect_pos.services.clock import system_clock
    from konnect_pos.services.session import sign_in

    if user not in COUNTERS:  # argon2 is slow by design: each user signs in once
        COUNTERS[user] = sign_in("KIN01-T1", user, USERS[user], system_clock)
    counter = COUNTERS[user]
    _kind, run = call
    before = row_counts(services_shop)
    try:
        run(counter)
    except KonnectError:
        assert row_counts(services_shop) == before
