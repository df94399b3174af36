"""The konnect-pos command: demo, customers search/add, one-line errors with exit code 2."""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.cli_support import run


@pytest.fixture
def demo_url(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    code, out, _ = run(capsys, "demo", "--no-gui", "--customers", "300", "--db", url)
    assert code == 0 and "300 customers" in out
    return url


def test_demo_prints_where_the_database_is(demo_url, capsys):
    code, out, _ = run(capsys, "demo", "--no-gui", "--db", demo_url)
    assert code == 0 and demo_url in out and "PIN 1111" in out


def test_search_json(demo_url, capsys):
    code, out, _ = run(capsys, "customers", "search", "CD00000001", "--json", "--db", demo_url)
    assert code == 0
    assert json.loads(out)[0]["account_number"] == "CD00000001"


def test_add_then_find(demo_url, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_USER", "cashier")
    monkeypatch.setenv("KONNECT_POS_PIN", "1111")
    code, out, _ = run(
        capsys,
        "customers",
        "add",
        "--db",
        demo_url,
        "--name",
        "Zoé Mbala",
        "--phone",
        "+243 99 123 4567",
        "--country",
        "cd",
        "--account",
        "CD-NEW-1",
        "--terminal",
        "KIN01-T1",
    )
    assert code == 0 and "+243991234567" in out
    code, out, _ = run(capsys, "customers", "search", "zoe mbala", "--db", demo_url)
    assert "CD-NEW-1" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["customers", "search", "k"], "Type at least 3"),
        (["customers", "search", "x" * 10_000], "too long"),
        (
            [
                "customers",
                "add",
                "--name",
                " ",
                "--phone",
                "0812345678",
                "--country",
                "CD",
                "--account",
                "A1234",
            ],
            "Enter the customer's name",
        ),
        (
            [
                "customers",
                "add",
                "--name",
                "A B",
                "--phone",
                "0754123456",
                "--country",
                "CD",
                "--account",
                "A1234",
            ],
            "not a valid phone number",
        ),
        (
            [
                "customers",
                "add",
                "--name",
                "A B",
                "--phone",
                "0812345670",
                "--country",
                "CD",
                "--account",
                "CD00000001",
            ],
            "already belongs",
        ),
        (["customers", "show", "NOPE1234"], "No customer"),
        (["demo", "--no-gui", "--customers", "-5"], "--customers"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_changes_nothing(demo_url, capsys, monkeypatch, argv, message):
    monkeypatch.setenv("KONNECT_POS_TERMINAL", "KIN01-T1")
    monkeypatch.setenv("KONNECT_POS_USER", "cashier")
    monkeypatch.setenv("KONNECT_POS_PIN", "1111")
    before = run(capsys, "customers", "search", "CD000", "--json", "--limit", "500", "--db", demo_url)[1]
    code, _out, err = run(capsys, *argv, "--db", demo_url)
    assert code == 2
    assert message in err and err.count("\n") == 1
    after = run(capsys, "customers", "search", "CD000", "--json", "--limit", "500", "--db", demo_url)[1]
    assert before == after


def test_errors_in_french(demo_url, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_LANG", "fr")
    code, _, err = run(capsys, "customers", "search", "k", "--db", demo_url)
    assert code == 2 and "Saisissez au moins 3" in err


def test_not_a_database(tmp_path, capsys):
    bad = tmp_path / "photo.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" * 100)
    code, _, err = run(capsys, "customers", "search", "kabila", "--db", f"sqlite:///{bad}")
    assert code == 2 and "not a Konnect POS database" in err
    assert bad.read_bytes() == b"\xff\xd8\xff\xe0" * 100


def test_missing_database_is_not_created_by_a_search(tmp_path, capsys):
    code, _, err = run(capsys, "customers", "search", "kabila", "--db", f"sqlite:///{tmp_path / 'none.db'}")
    assert code == 2 and "No database" in err
    assert not (tmp_path / "none.db").exists()


def test_after_the_demo_a_command_without_db_says_where_the_demo_shop_is(capsys, monkeypatch):
    home = Path(tempfile.mkdtemp(prefix="kp"))  # a user's own folders, short (echoed values are cut at 80)
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.delenv("KONNECT_POS_DB", raising=False)
    code, _, err = run(capsys, "customers", "search", "kabila")
    assert code == 2 and "No database at" in err and "demo shop" not in err  # no demo yet
    code, out, _ = run(capsys, "demo", "--no-gui", "--customers", "20")
    demo = f"sqlite:///{home / 'konnect-pos' / 'demo.db'}"
    assert code == 0 and demo in out
    code, _, err = run(capsys, "customers", "search", "kabila")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert f"the demo shop is in {demo}: add --db {demo}" in err
    assert not (home / "konnect-pos" / "konnect-pos.db").exists()  # nothing made on the way
    code, out, _ = run(capsys, "customers", "search", "CD00000001", "--db", demo)
    assert code == 0 and "CD00000001" in out
    shutil.rmtree(home)


def test_unreachable_postgres(capsys):
    code, _, err = run(capsys, "customers", "search", "kabila", "--db", "postgresql://postgres@127.0.0.1:1/x")
    assert code == 2 and "Cannot open database" in err


def test_installed_entry_point_runs(demo_url):
    result = subprocess.run(
        [sys.executable, "-m", "konnect_pos.cli", "customers", "search", "k", "--db", demo_url],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and result.stderr.startswith("konnect-pos: ")


def _shape(parser: argparse.ArgumentParser) -> list[tuple]:
    """A parser's options, arguments and sub-commands, recursively, as comparable values."""
    shape = []
    for action in parser._actions:
        shape.append((type(action).__name__, tuple(action.option_strings), action.dest, action.help))
        if isinstance(action, argparse._SubParsersAction):
            shape.extend((name, _shape(child)) for name, child in action.choices.items())
    return shape


def test_each_command_run_alone_has_the_parser_it_has_among_all_of_them():
    """A command imports only the modules COMMANDS names for it: a wrong or missing name would leave
    its placeholder, and ``konnect-pos sell`` would open the GUI instead."""
    from konnect_pos.cli import ALL, COMMANDS, build_parser

    def command(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
        (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        return sub.choices[name]

    every = build_parser(ALL)
    listed = build_parser(None)
    for name in COMMANDS:
        assert _shape(command(build_parser(name), name)) == _shape(command(every, name)), name
        assert command(every, name).add_help, name  # a real parser, not a name listed for --help
    assert _shape(listed)[:4] == _shape(every)[:4]  # the same top-level options and --help lines


@pytest.mark.parametrize(
    ("lang", "argv", "said"),
    [
        ("fr", ["refund"], "ces arguments sont obligatoires : receipt, amount, --reason"),
        ("sw", ["refund", "X", "2", "--reason", "r", "--to", "bank"],
         "hoja --to: chaguo batili: 'bank' (chagua kati ya 'original', 'cash')"),
        ("fr", ["customers", "search", "x", "--bogus"], "arguments inconnus : --bogus"),
        ("sw", ["demo", "--customers", "abc"], "hoja --customers: thamani batili: 'abc'"),
        ("en", ["refund"], "the following arguments are required: receipt, amount, --reason"),
    ],
)  # fmt: skip
def test_a_command_line_argparse_refuses_is_one_line_wholly_in_the_users_language(
    capsys, monkeypatch, lang, argv, said
):
    monkeypatch.setenv("KONNECT_POS_LANG", lang)
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.rstrip().endswith(said), err
