"""``konnect-pos catalog`` and ``konnect-pos desk`` (issue 20 items 1 and 3): what they print in the
user's language, and bad input as one line with exit code 2, nothing changed."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from konnect_pos.cli import main
from tests.cli_support import run


@pytest.fixture
def shop(db_url, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_TERMINAL", "KIN01-T1")
    monkeypatch.setenv("KONNECT_POS_USER", "manager")
    monkeypatch.setenv("KONNECT_POS_PIN", "222222")
    assert main(["demo", "--no-gui", "--customers", "4", "--db", db_url]) == 0
    capsys.readouterr()
    return db_url


def test_catalog_list_add_change_retire_in_words_and_json(shop, capsys, monkeypatch):
    code, out, _ = run(capsys, "catalog", "list", "--country", "CD", "--db", shop)
    assert code == 0 and out.startswith("Bundles (5)\n") and "Plans (2)" in out
    assert "CD CD-WEEK5     Konnect Semaine 5 Go · 5 GB, 7 days · $6.00 (since it was added) · active" in out
    code, out, _ = run(
        capsys, "catalog", "add-bundle", "CD-MEGA300", "Konnect Mega 300 Go", "99", "300", "30", "--db", shop
    )
    assert code == 0 and out.startswith("CD CD-MEGA300")
    code, out, _ = run(
        capsys,
        "catalog",
        "change",
        "bundle",
        "CD-WEEK5",
        "--price",
        "7",
        "--from",
        "2099-01-01",
        "--db",
        shop,
    )
    assert code == 0 and out.rstrip().endswith("· $7.00 from 2099-01-01")
    code, out, _ = run(capsys, "catalog", "retire", "plan", "CD-HOME", "--db", shop)
    assert code == 0 and out.rstrip().endswith("· retired")
    code, out, _ = run(capsys, "catalog", "add-plan", "CD-BIZ", "Konnect Business", "80", "30", "--db", shop)
    assert code == 0 and "every 30 days · $80.00" in out
    monkeypatch.setenv("KONNECT_POS_LANG", "fr")
    code, out, _ = run(capsys, "catalog", "list", "--country", "CD", "--db", shop)
    assert (
        "Forfaits (6)" in out and "Abonnements (3)" in out and "retiré" in out and "tous les 30 jours" in out
    )
    code, out, _ = run(capsys, "catalog", "list", "--json", "--db", shop)
    rows = json.loads(out)
    mega = next(r for r in rows if r["code"] == "CD-MEGA300")
    assert mega == {
        "item": "bundle", "country": "CD", "code": "CD-MEGA300", "name": "Konnect Mega 300 Go",
        "price": "99.00", "currency": "USD", "since": None, "active": True, "days": 30, "data_gb": "300",
        "next_price": None, "next_from": None,
    }  # fmt: skip
    assert {r["country"] for r in rows} == {"TZ", "CD", "CG", "CI"}


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["catalog", "list", "--country", "XX"], "Unknown country: XX"),
        (["catalog", "list", "--date", "tomorrow"], "Not a date (YYYY-MM-DD): tomorrow"),
        (["catalog", "add-bundle", "CD-NEW", "New", "abc", "5", "7"], "Not an amount: abc"),
        (["catalog", "add-bundle", "CD-NEW", "New", "6", "5", "0"], "Days: a whole number from 1 to 366"),
        (
            ["catalog", "add-bundle", "CD-WEEK5", "Again", "6", "5", "7"],
            "The code CD-WEEK5 is already in the catalog",
        ),
        (["catalog", "change", "bundle", "CD-WEEK5"], "Nothing to change: give a name, a price, days or GB"),
        (
            ["catalog", "change", "bundle", "CD-WEEK5", "--price", "7", "--from", "2020-01-01"],
            "today or a later day",
        ),
        (["catalog", "change", "gadget", "CD-WEEK5", "--price", "7"], "Command line not understood"),
        (["catalog", "retire", "bundle", "CD-NOPE"], "No bundle with code CD-NOPE"),
        (["catalog"], "Command line not understood"),
        (["desk", "add", "CSC09"], "Use: desk add CODE NAME --country CC"),
        (["desk", "add", "CSC09", "Desk", "--country", "XX"], "Unknown country: XX"),
        (["desk", "add", "CSC01", "Desk", "--country", "CI"], "Outlet CSC01 already exists"),
        (
            ["desk", "add", "CSC09", "Desk", "--country", "CI", "--number", "CI-mtn"],
            "COUNTRY:PROVIDER=NUMBER",
        ),
        (
            ["desk", "set", "--kind", "customer_service", "--number", "CD:mpesa=1"],
            "4 to 15 letters or digits",
        ),
        (["desk", "set", "--kind", "bank"], "Command line not understood"),
        (
            ["desk", "set", "--kind", "shop", "--number", "CD:mpesa=880300"],
            "Merchant numbers for callers belong to a customer-service desk",
        ),
        (["desk", "show", "--caller", "XX", "--terminal", "CSC01-T1"], "Unknown country: XX"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_changes_nothing(shop, capsys, monkeypatch, argv, said):
    monkeypatch.setenv("KONNECT_POS_USER", "admin")
    monkeypatch.setenv("KONNECT_POS_PIN", "999999")
    _, before, _ = run(capsys, "catalog", "list", "--json", "--db", shop)
    code, out, err = run(capsys, *argv, "--db", shop)
    assert code == 2 and out == "" and said in err
    assert len(err.strip().splitlines()) == 1 and err.startswith("konnect-pos: ") and "Traceback" not in err
    assert run(capsys, "catalog", "list", "--json", "--db", shop)[1] == before
    assert run(capsys, "desk", "show", "--terminal", "KIN01-T1", "--db", shop)[1].startswith("KIN01 is not")


def test_a_cashier_cannot_change_the_catalog(shop, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_USER", "cashier")
    monkeypatch.setenv("KONNECT_POS_PIN", "1111")
    code, _, err = run(capsys, "catalog", "retire", "bundle", "CD-WEEK5", "--db", shop)
    assert code == 2 and err == "konnect-pos: Only a manager can change the catalog.\n"


def test_desk_show_add_and_set_in_swahili(shop, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_LANG", "sw")
    code, out, _ = run(capsys, "desk", "show", "--caller", "TZ", "--terminal", "CSC01-T1", "--db", shop)
    assert code == 0 and out.splitlines() == [
        "Mpigaji kutoka Tanzania: pesa za rununu pekee",
        "  M-Pesa: 5050100",
        "  Mixx by Yas: 7750100",
        "  Airtel Money: 6650100",
        "  Huduma kwa Wateja: Jumatatu hadi Jumamosi, saa 3 asubuhi hadi saa 12 jioni, +255 768 132 829",
    ]
    code, out, _ = run(
        capsys,
        "desk",
        "add",
        "CSC02",
        "Huduma Dar",
        "--country",
        "TZ",
        "--number",
        "CD:mpesa=880300",
        "--db",
        shop,
    )
    assert code == 0 and "CSC02-T1" in out
    monkeypatch.setenv("KONNECT_POS_LANG", "en")
    monkeypatch.setenv("KONNECT_POS_USER", "admin")
    monkeypatch.setenv("KONNECT_POS_PIN", "999999")
    code, out, _ = run(
        capsys,
        "desk",
        "set",
        "--kind",
        "customer_service",
        "--number",
        "CG:airtel_money=050300300",
        "--terminal",
        "BZV01-T1",
        "--db",
        shop,
    )
    assert code == 0 and out == "BZV01 is now: Customer Service\n"
    code, out, _ = run(capsys, "desk", "show", "--json", "--terminal", "BZV01-T1", "--db", shop)
    shown = json.loads(out)
    assert shown["kind"] == "customer_service"
    assert [(c["country"], c["merchant_numbers"]) for c in shown["callers"]] == [
        ("CG", {"airtel_money": "050300300"})
    ]


def test_desk_show_in_french_puts_a_space_before_each_colon(shop, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_LANG", "fr")
    code, out, _ = run(capsys, "desk", "show", "--caller", "CD", "--terminal", "CSC01-T1", "--db", shop)
    assert code == 0 and out.splitlines()[:3] == [
        "Appelant : Congo-Kinshasa, mobile money uniquement",  # no article to agree with the country
        "  M-Pesa : 880100",
        "  Orange Money : 770100",
    ]


def test_a_listing_cut_short_by_its_reader_ends_quietly(shop, tmp_path):
    """``konnect-pos catalog list | head -1``: the pipe closes before the command writes; no
    traceback, no crash log for the next command to report."""
    env = {
        "KONNECT_POS_DB": shop, "KONNECT_POS_TERMINAL": "KIN01-T1", "PATH": "/usr/bin:/bin",
        "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"), "PYTHONPATH": ":".join(sys.path),
    }  # fmt: skip
    command = [sys.executable, "-m", "konnect_pos.cli", "catalog", "list"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as listing:
        listing.stdout.close()  # the reader is gone before the first line
        assert listing.wait(timeout=60) == 141
        assert listing.stderr.read() == b""
    again = subprocess.run([*command, "--country", "CD"], capture_output=True, env=env, timeout=60)
    assert again.returncode == 0 and again.stderr == b""  # no "closed unexpectedly last time"


def test_issue_20s_commands_take_the_terminal_after_the_sub_command_too(shop, capsys):
    """README: every command takes --terminal before or after the sub-command."""
    for argv in (
        ["catalog", "list", "--country", "CD"],
        ["plan", "history", "CD00000001"],
        ["advise", "CD00000001"],
        ["outlets", "nearest", "--town", "Goma", "--limit", "1"],
        ["desk", "show"],
    ):
        after = run(capsys, *argv, "--terminal", "KIN01-T1", "--db", shop)
        before = run(capsys, "--terminal", "KIN01-T1", *argv, "--db", shop)
        assert after == before and after[0] == 0 and after[2] == "", argv
