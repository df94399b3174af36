"""Bad input seen in the field: one line, exit code 2, nothing written (every table's rows counted)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from konnect_pos.cli import main
from konnect_pos.domain.card_numbers import mask_card_numbers

CARD = "4111 1111 1111 1111"  # a test card number: passes Luhn
SALE = ["sell", "--customer", "CD00000001", "--bundle", "CD-WEEK5"]
ADD = ["customers", "add"]


@pytest.fixture(scope="module")
def template_shop(tmp_path_factory) -> Path:
    from konnect_pos.store.database import db

    path = tmp_path_factory.mktemp("template") / "shop.db"
    assert main(["demo", "--no-gui", "--customers", "20", "--db", f"sqlite:///{path}"]) == 0
    db.close()
    return path


@pytest.fixture
def shop(template_shop, tmp_path, monkeypatch) -> Path:
    path = tmp_path / "shop.db"
    shutil.copyfile(template_shop, path)
    monkeypatch.setenv("KONNECT_POS_TERMINAL", "KIN01-T1")
    monkeypatch.setenv("KONNECT_POS_LANG", "en")
    as_user(monkeypatch, "cashier", "1111")
    return path


def as_user(monkeypatch, user: str, pin: str) -> None:
    monkeypatch.setenv("KONNECT_POS_USER", user)
    monkeypatch.setenv("KONNECT_POS_PIN", pin)


def row_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


def run(capsys, path: Path, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--db", f"sqlite:///{path}"])
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys, path: Path, argv: list[str], message: str) -> str:
    """The command is refused in one line naming ``message``, and no table gains or loses a row."""
    before = row_counts(path)
    code, _out, err = run(capsys, path, *argv)
    assert code == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert message in err, err
    assert row_counts(path) == before
    return err


def a_sale(capsys, path: Path) -> str:
    code, out, err = run(capsys, path, *SALE, "--pay", "cash:6")
    assert code == 0, err
    return out.split()[1]


def plan_account(path: Path) -> str:
    with sqlite3.connect(path) as con:
        return con.execute(
            "SELECT c.account_number FROM plan_account p JOIN customer c ON c.id = p.customer_id "
            "WHERE c.account_number LIKE 'CD%' ORDER BY c.id LIMIT 1"
        ).fetchone()[0]


@pytest.mark.parametrize("amount", ["1e30", "9" * 400])
def test_absurd_amounts_are_refused_everywhere(shop, capsys, monkeypatch, amount):
    receipt = a_sale(capsys, shop)
    refused(capsys, shop, [*SALE, "--pay", f"cash:{amount}"], "Amount too large")
    refused(capsys, shop, ["topup", plan_account(shop), amount, "--pay", "cash:5"], "Amount too large")
    as_user(monkeypatch, "manager", "222222")
    refused(capsys, shop, ["refund", receipt, amount, "--reason", "typo"], "Amount too large")
    refused(capsys, shop, ["cash", "out", amount, "USD", "--reason", "bank"], "Amount too large")


@pytest.mark.parametrize("account", ["1e30", "Infinity", "0x10", "NaN", "-1234"])
def test_number_shaped_accounts_are_refused(shop, capsys, account):
    argv = [
        "customers",
        "add",
        "--name",
        "A B",
        "--phone",
        "0812345670",
        "--country",
        "CD",
        "--account",
        account,
    ]
    refused(capsys, shop, argv, "a letter first and at least one digit")


def test_an_empty_count_does_not_close_the_day(shop, capsys, monkeypatch):
    as_user(monkeypatch, "manager", "222222")
    refused(capsys, shop, ["day", "close", "--count", "USD:note:20="], "Count USD:note:20= not understood")
    assert "open" in run(capsys, shop, "day", "status")[1]


@pytest.mark.parametrize(
    "argv",
    [
        [
            "customers",
            "add",
            "--name",
            "A",
            "--phone",
            "0812345670",
            "--country",
            "X" * 10_000,
            "--account",
            "CD1",
        ],
        ["sell", "--customer", "C" * 10_000, "--bundle", "CD-WEEK5", "--pay", "cash:6"],
        ["sell", "--customer", "CD00000001", "--bundle", "B" * 10_000, "--pay", "cash:6"],
        [
            "customers",
            "add",
            "--name",
            "A",
            "--phone",
            "0812345670",
            "--country",
            "CD",
            "--language",
            "L" * 10_000,
        ],
    ],
)
def test_a_pasted_page_is_not_echoed_back(shop, capsys, argv):
    code, _out, err = run(capsys, shop, *argv)
    assert code == 2 and err.count("\n") == 1
    assert len(err) < 300, len(err)


def test_db_before_the_sub_command_is_honoured(shop, tmp_path, capsys, monkeypatch):
    other = tmp_path / "other.db"
    shutil.copyfile(shop, other)
    monkeypatch.setenv("KONNECT_POS_DB", f"sqlite:///{other}")
    before_shop, before_other = row_counts(shop)["sale"], row_counts(other)["sale"]
    assert main(["--db", f"sqlite:///{shop}", *SALE, "--pay", "cash:6"]) == 0
    assert main(["--terminal", "KIN01-T1", "--db", f"sqlite:///{shop}", *SALE, "--pay", "cash:6"]) == 0
    assert row_counts(shop)["sale"] == before_shop + 2
    assert row_counts(other)["sale"] == before_other


@pytest.mark.parametrize(
    "argv",
    [
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
            "CD-NEW-1",
        ],
        ["run-daily"],
        ["sync", "link", "postgresql://kin01_t1@127.0.0.1:1/hq"],
    ],
)
def test_commands_that_write_need_a_signed_in_user(shop, capsys, monkeypatch, argv):
    monkeypatch.delenv("KONNECT_POS_USER")
    monkeypatch.delenv("KONNECT_POS_PIN")
    refused(capsys, shop, argv, "Set KONNECT_POS_USER and KONNECT_POS_PIN")


def test_only_an_administrator_links_the_terminal_to_headquarters(shop, capsys, monkeypatch):
    as_user(monkeypatch, "manager", "222222")
    refused(capsys, shop, ["sync", "link", "postgresql://kin01_t1@127.0.0.1:1/hq"], "not allowed")


def test_run_daily_refuses_days_not_yet_lived(shop, capsys):
    tomorrow = date.today() + timedelta(days=2)
    refused(capsys, shop, ["run-daily", "--date", tomorrow.isoformat()], "cannot go past today")


def test_card_numbers_are_stored_masked(shop, capsys, monkeypatch):
    receipt = a_sale(capsys, shop)
    code, _, err = run(
        capsys,
        shop,
        *["customers", "add", "--name", f"Jean {CARD}", "--phone", "0812345670", "--country", "CD"],
        *["--account", "CD-NEW-1"],
    )
    assert code == 0, err
    as_user(monkeypatch, "manager", "222222")
    assert run(capsys, shop, "cash", "out", "5", "USD", "--reason", "card 4111-1111-1111-1111 refund")[0] == 0
    assert run(capsys, shop, "refund", receipt, "1", "--reason", f"paid twice, card {CARD}")[0] == 0
    voided = a_sale(capsys, shop)
    assert run(capsys, shop, "void", voided, "--reason", CARD, "--remove-active")[0] == 0
    assert run(capsys, shop, "day", "close", "--comment", f"customer left card {CARD}")[0] == 0
    dump = "\n".join(sqlite3.connect(shop).iterdump())
    assert "************1111" in dump
    for form in ("4111111111111111", CARD, "4111-1111-1111-1111"):
        assert form not in dump


def test_masking_keeps_other_numbers():
    assert (
        mask_card_numbers(f"card {CARD} and 5500-0000-0000-0004")
        == "card ************1111 and ************0004"
    )
    assert mask_card_numbers("phone 0812345670, ref 4111111111111112, kit 1234567890123") == (
        "phone 0812345670, ref 4111111111111112, kit 1234567890123"  # too short; Luhn fails twice
    )


def test_unicode_digits_in_a_count_are_refused(shop, capsys, monkeypatch):
    as_user(monkeypatch, "manager", "222222")
    refused(capsys, shop, ["day", "close", "--count", "USD:note:20=²"], "whole number")


def test_control_characters_in_a_search_are_spaces(shop, capsys):
    for query in ("abc\x00def", "\x00CD000", "jo\tseph"):
        code, _out, err = run(capsys, shop, "customers", "search", query)
        assert code == 0, err


def test_the_real_command_refuses_in_one_line(shop):
    """A few runs through the real entry point in its own process (the rest run in-process)."""
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")])}
    before = row_counts(shop)
    for argv, message in (
        ([*SALE, "--pay", "cash:1e30"], "Amount too large"),
        (["sell", "--bogus"], "Command line not understood"),
        (["customers", "show", "X" * 10_000], "No customer"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "konnect_pos.cli", *argv, "--db", f"sqlite:///{shop}"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
        assert message in done.stderr and len(done.stderr) < 300
    assert row_counts(shop) == before


def test_corporate_free_text_is_masked_but_not_the_tax_id(shop, capsys, monkeypatch):
    as_user(monkeypatch, "manager", "222222")
    code, _out, err = run(
        capsys,
        shop,
        *["corporate", "add", "--company", f"Acme {CARD}", "--tax-id", "4111111111111111"],
        *["--contact-name", f"Paid with {CARD}", "--outlet", "KIN01"],
    )
    assert code == 0, err
    with sqlite3.connect(shop) as con:
        company, tax_id, contact = con.execute(
            "SELECT company, tax_id, contact_name FROM corporate_account ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert (company, contact) == ("Acme ************1111", "Paid with ************1111")
    assert tax_id == "4111111111111111"  # an identifier the company gave, kept as typed
