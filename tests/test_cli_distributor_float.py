"""``konnect-pos hq float-limit / offline-limit / float-top-up / floats`` against a real HQ and
``konnect-pos float status / override`` at the distributor's terminal; bad input is one line, exit 2."""

from __future__ import annotations

import json
from datetime import date

import pytest

from konnect_pos.hq import admin as hq_admin
from konnect_pos.hq import commissions as hq_commissions
from konnect_pos.services import demo
from konnect_pos.services.clock import system_clock
from konnect_pos.services.sync import client, reference
from konnect_pos.store.limit_models import OfflineOverride
from konnect_pos.store.schema import open_database
from tests.cli_support import run
from tests.sync_support import HQ, private_credentials, sell_cash

LUB = "LUB01-T1"


@pytest.fixture
def hq(pg_server, monkeypatch, tmp_path):
    private_credentials(monkeypatch, tmp_path)
    created = HQ(pg_server)
    yield created
    created.drop()


@pytest.fixture
def terminal(hq, sqlite_url, monkeypatch, capsys):
    """The distributor's laptop, linked to HQ; KONNECT_POS_DB names it, HQ commands give --db."""
    opened = open_database(sqlite_url)
    demo.seed(system_clock, customers=20, only_country="CD")
    reference.load_reference(hq.url)
    terminal_url = hq_admin.add_terminal(hq.url, "LUB01", "T1")
    client.link(LUB, terminal_url, system_clock)
    monkeypatch.setenv("KONNECT_POS_DB", sqlite_url)
    monkeypatch.setenv("KONNECT_POS_TERMINAL", LUB)
    capsys.readouterr()
    yield terminal_url
    opened.close()


def test_hq_sets_the_float_the_terminal_pulls_it_and_hq_reports_every_position(terminal, hq, capsys):
    assert run(capsys, "hq", "float-limit", "lub01", "USD", "50", "--db", hq.url)[0] == 0
    code, out, _ = run(
        capsys, "hq", "float-top-up", "LUB01", "100", "BANK-42", "--date", "2026-11-19", "--db", hq.url
    )
    assert code == 0 and "$100.00" in out
    assert run(capsys, "hq", "offline-limit", "LUB01", "14", "300", "-", "--db", hq.url)[0] == 0
    client.sync(LUB, system_clock)
    open_database(None)
    sell_cash(system_clock, LUB, "CD00000001")

    code, out, _ = run(capsys, "float", "status")
    assert code == 0
    assert "LUB01-T1: float left $144.00 (paid in $100.00, used $6.00, credit limit $50.00)" in out
    assert "Offline allowance left until a sync: " in out and "299 sale(s)" in out
    assert "14 days" in out or "13.9 days" in out  # the days left in the reader's numbers, not "14.0"
    code, out, _ = run(capsys, "float", "status", "--json")
    state = json.loads(out)
    assert state["float"]["left"] == "144.00" and state["offline"]["sales_left"] == 299

    client.sync(LUB, system_clock)
    code, out, _ = run(capsys, "hq", "floats", "--json", "--db", hq.url)
    (row,) = json.loads(out)
    assert (row["outlet_code"], row["left"], row["used"], row["sales"]) == ("LUB01", "144.00", "6.00", 1)
    code, out, _ = run(capsys, "hq", "floats", "--db", hq.url)
    assert code == 0 and "LUB01    left $144.00" in out


def test_a_refund_on_the_command_line_gives_float_back_and_float_status_shows_it(
    terminal, hq, capsys, monkeypatch
):
    """7.5 % commission: the 6 USD bundle consumed 5.55; refunds of 2 then 1 give back 1.85 then 0.93."""
    hq_commissions.set_commission_rate(hq.url, "CD", "CD-WEEK5", "distributor", "7.5", date(2026, 1, 1))
    assert run(capsys, "hq", "float-limit", "LUB01", "USD", "0", "--db", hq.url)[0] == 0
    top_up = ("hq", "float-top-up", "LUB01", "50", "BANK-43", "--date", "2026-11-19", "--db", hq.url)
    assert run(capsys, *top_up)[0] == 0
    client.sync(LUB, system_clock)
    open_database(None)
    receipt = sell_cash(system_clock, LUB, "CD00000001")
    client.sync(LUB, system_clock)  # HQ counted the sale: the refunds come after the pull
    assert "LUB01-T1: float left $44.45 (paid in $50.00, used $5.55" in run(capsys, "float", "status")[1]

    monkeypatch.setenv("KONNECT_POS_USER", "manager")
    monkeypatch.setenv("KONNECT_POS_PIN", "222222")
    code, out, _ = run(capsys, "refund", receipt, "2", "--reason", "slow at night")
    assert code == 0 and out.splitlines()[-1] == "Given back to the distributor's float: $1.85"
    code, out, _ = run(capsys, "float", "status")
    assert "LUB01-T1: float left $46.30 (paid in $50.00, used $3.70, credit limit $0.00)" in out
    monkeypatch.setenv("KONNECT_POS_LANG", "fr")
    code, out, _ = run(capsys, "refund", receipt, "1", "--reason", "slow at night")
    assert code == 0 and out.splitlines()[-1].startswith("Rendu à la provision du distributeur : 0,93")
    monkeypatch.setenv("KONNECT_POS_LANG", "en")
    assert json.loads(run(capsys, "float", "status", "--json")[1])["float"]["left"] == "47.23"

    client.sync(LUB, system_clock)  # HQ has the refunds: it says what the terminal says
    assert json.loads(run(capsys, "float", "status", "--json")[1])["float"]["left"] == "47.23"
    (row,) = json.loads(run(capsys, "hq", "floats", "--json", "--db", hq.url)[1])
    assert (row["left"], row["used"]) == ("47.23", "2.77")
    assert run(capsys, "verify")[0] == 0


@pytest.mark.parametrize(
    "argv, says",
    [
        (["float-limit", "LUB01", "USD", "-5"], "A credit limit cannot be below zero"),
        (["float-limit", "LUB01", "USD"], "Use: hq float-limit OUTLET CURRENCY CREDIT_LIMIT"),
        (["float-limit", "NOPE1", "USD", "5"], "No outlet with code NOPE1 at headquarters"),
        (["float-limit", "LUB01", "XOF", "5"], "Outlet LUB01 does not trade in XOF"),
        (["float-limit", "LUB01", "USD", "ten"], "ten"),
        (["offline-limit", "LUB01", "x", "3", "-"], "The offline days must be a whole number above zero"),
        (["offline-limit", "LUB01", "0", "3", "-"], "The offline days must be a whole number above zero"),
        (["offline-limit", "LUB01", "14", "-", "500"], "give the offline amount's currency"),
        (["float-top-up", "LUB01", "10", "BANK-1"], "Use: hq float-top-up OUTLET AMOUNT REFERENCE"),
        (["float-top-up", "LUB01", "10", "BANK-1", "--date", "2026-13-01"], "Not a date"),
        (["float-top-up", "LUB01", "10", "BANK-1", "--date", "2026-11-19"], "has no float: set its credit"),
    ],
)
def test_bad_hq_input_is_one_line_exit_2_and_nothing_written(terminal, hq, capsys, argv, says):
    code, out, err = run(capsys, "hq", *argv, "--db", hq.url)
    assert code == 2 and out == "" and says in err and len(err.strip().splitlines()) == 1
    assert hq.query("SELECT count(*) FROM hq_outlet_limit") == [(0,)]
    assert hq.query("SELECT count(*) FROM hq_float_top_up") == [(0,)]


def test_a_terminal_role_changing_its_float_is_refused_in_words(terminal, hq, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_LANG", "fr")
    code, out, err = run(capsys, "hq", "float-limit", "LUB01", "USD", "1000000", "--db", terminal)
    assert (
        code == 2
        and out == ""
        and err.strip()
        == (
            "konnect-pos: Seul l'administrateur du siège peut consulter ou modifier "
            "les provisions et les limites"
        )
    )
    code, _, err = run(capsys, "hq", "floats", "--db", terminal)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert hq.query("SELECT count(*) FROM hq_outlet_limit") == [(0,)]


def test_the_override_needs_a_reason_and_a_managers_pin(terminal, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_USER", "cashier")
    monkeypatch.setenv("KONNECT_POS_PIN", "1111")
    code, _, err = run(capsys, "float", "override")
    assert code == 2 and "Give the reason for the override" in err
    code, _, err = run(capsys, "float", "override", "--reason", "satellite link down")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert OfflineOverride.select().count() == 0
    monkeypatch.setenv("KONNECT_POS_APPROVER", "manager")
    monkeypatch.setenv("KONNECT_POS_APPROVER_PIN", "222222")
    monkeypatch.setenv("KONNECT_POS_LANG", "sw")
    code, out, _ = run(capsys, "float", "override", "--reason", "satellite link down")
    assert code == 0 and out.startswith("Vikomo vya nje ya mtandao vimeondolewa")
    open_database(None)
    (row,) = OfflineOverride.select()
    assert (row.reason, row.approved_by.username) == ("satellite link down", "manager")
