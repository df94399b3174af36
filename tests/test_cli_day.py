"""konnect-pos day / cash: the manager's day from the command line, refusals exit 2."""

import pytest

from konnect_pos.cli import main
from tests.cli_support import run


@pytest.fixture
def shop(sqlite_url, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_TERMINAL", "KIN01-T1")
    monkeypatch.setenv("KONNECT_POS_USER", "manager")
    monkeypatch.setenv("KONNECT_POS_PIN", "222222")
    assert main(["demo", "--no-gui", "--customers", "20", "--db", sqlite_url]) == 0
    capsys.readouterr()
    return sqlite_url


def test_cash_out_then_close_with_count(shop, capsys):
    assert run(capsys, "cash", "out", "10", "USD", "--reason", "bank drop", "--db", shop)[0] == 0
    code, out, _ = run(
        capsys, "day", "close", "--count", "USD:note:20=2", "--count", "CDF:note:20000=1", "--db", shop
    )
    assert code == 0 and "Z report 1" in out and "USD: expected $40.00, counted $40.00" in out
    code, _, err = run(capsys, "day", "close", "--comment", "again", "--db", shop)
    assert code == 2 and "no open business day" in err
    assert "closed" in run(capsys, "day", "status", "--db", shop)[1]


def test_close_with_a_variance_needs_a_comment(shop, capsys):
    argv = ("day", "close", "--count", "USD:note:20=2", "--count", "CDF:note:20000=1", "--db", shop)
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "The USD drawer is off by -$10.00 (more than $1.00): write a comment" in err
    assert "open" in run(capsys, "day", "status", "--db", shop)[1]
    code, out, _ = run(capsys, *argv, "--comment", "ten dollars short, counted twice")
    assert code == 0 and "variance -$10.00" in out


def test_cashier_needs_an_approver(shop, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_USER", "cashier")
    monkeypatch.setenv("KONNECT_POS_PIN", "1111")
    code, _, err = run(capsys, "cash", "out", "5", "USD", "--reason", "petty", "--db", shop)
    assert code == 2 and "Only a manager can" in err
    monkeypatch.setenv("KONNECT_POS_APPROVER", "manager")
    monkeypatch.setenv("KONNECT_POS_APPROVER_PIN", "222222")
    assert run(capsys, "cash", "out", "5", "USD", "--reason", "petty", "--db", shop)[0] == 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["day", "close", "--count", "USD:note:20=-2"], "whole number"),
        (["day", "close", "--count", "USD20"], "not understood"),
        (["day", "open", "--float", "USD"], "not understood"),
        (["day", "open"], "already open"),
        (["cash", "out", "abc", "USD", "--reason", "x"], "Not an amount"),
    ],
)
def test_bad_day_input(shop, capsys, argv, message):
    code, _, err = run(capsys, *argv, "--db", shop)
    assert code == 2 and message in err and err.count("\n") == 1


def test_void_and_refund_from_the_command_line(shop, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_USER", "cashier")
    monkeypatch.setenv("KONNECT_POS_PIN", "1111")
    for account in ("CD00000001", "CD00000005"):
        assert (
            run(
                capsys, "sell", "--customer", account, "--bundle", "CD-WEEK5", "--pay", "cash:6", "--db", shop
            )[0]
            == 0
        )
    code, _, err = run(capsys, "void", "KIN01-T1-000001", "--reason", "typo", "--db", shop)
    assert code == 2 and "Only a manager can" in err
    monkeypatch.setenv("KONNECT_POS_USER", "manager")
    monkeypatch.setenv("KONNECT_POS_PIN", "222222")
    code, _, err = run(capsys, "void", "KIN01-T1-000001", "--reason", "typo", "--db", shop)
    assert code == 2 and "confirm that it is removed" in err
    code, out, _ = run(capsys, "void", "KIN01-T1-000001", "--reason", "typo", "--remove-active", "--db", shop)
    assert code == 0 and "give back $6.00" in out
    code, out, _ = run(capsys, "refund", "KIN01-T1-000002", "2.50", "--reason", "goodwill", "--db", shop)
    assert code == 0 and "still refundable $3.50" in out
    code, _, err = run(capsys, "refund", "KIN01-T1-000002", "9", "--reason", "too much", "--db", shop)
    assert code == 2 and "At most $3.50" in err
    assert run(capsys, "verify", "--db", shop)[0] == 0
