"""``receipt NUMBER --send sms|whatsapp`` and ``sell … --send-receipt`` (SQLite and PostgreSQL):
the text and "SMS queued" in the user's language; bad input one line, exit 2, nothing written; a
refused message after a sale leaves the sale standing and says so."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from konnect_pos.cli import main
from konnect_pos.store.database import connect
from tests.cli_support import run


@pytest.fixture
def shop(db_url, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_TERMINAL", "KIN01-T1")
    monkeypatch.setenv("KONNECT_POS_USER", "cashier")
    monkeypatch.setenv("KONNECT_POS_PIN", "1111")
    monkeypatch.delenv("KONNECT_POS_LANG", raising=False)
    assert main(["demo", "--no-gui", "--customers", "4", "--db", db_url]) == 0
    capsys.readouterr()
    return db_url


def queued(url: str) -> list[tuple]:
    database = connect(url)
    try:
        return database.execute_sql(
            "SELECT channel, phone, parts FROM receipt_message ORDER BY id"
        ).fetchall()
    finally:
        database.close()


SALE = (
    "sell", "--customer", "CD00000001", "--bundle", "CD-WEEK5", "--pay", "mobile:mpesa:QK7AB12CD3:0812345678"
)  # fmt: skip


def test_sell_with_send_receipt_queues_it_after_the_sale(shop, capsys):
    code, out, err = run(capsys, *SALE, "--bundle", "CD-LITE15:data_exhausted", "--send-receipt", "sms",
                         "--db", shop)  # fmt: skip
    assert code == 0 and err == ""
    lines = out.splitlines()
    # in the customer's language (French), folded to the GSM alphabet: "Reçu" → "Recu"
    assert "Recu Konnect KIN01-T1-000001" in lines and "Réf. QK7AB12CD3" in lines
    assert any(line.endswith(" : à l'épuisement des données") for line in lines)
    assert lines[-1].startswith("SMS queued for +243") and lines[-1].endswith("(1 part)")
    assert [row[0] for row in queued(shop)] == ["sms"]


def test_receipt_send_by_whatsapp_to_another_number_in_french(shop, capsys, monkeypatch):
    assert run(capsys, *SALE, "--db", shop)[0] == 0
    assert queued(shop) == []  # a sale that asks for no message writes none
    monkeypatch.setenv("KONNECT_POS_LANG", "fr")
    code, out, _ = run(capsys, "receipt", "KIN01-T1-000001", "--send", "whatsapp", "--phone", "0991234567",
                       "--db", shop)  # fmt: skip
    assert code == 0 and out.splitlines()[-1] == "Message WhatsApp en file d'attente pour +243 991 234 567"
    assert queued(shop) == [("whatsapp", "+243991234567", 1)]


def test_receipt_send_in_the_language_asked(shop, capsys):
    assert run(capsys, *SALE, "--db", shop)[0] == 0
    argv = ("receipt", "KIN01-T1-000001", "--send", "sms", "--language", "sw", "--db", shop)
    code, out, _ = run(capsys, *argv)
    assert code == 0 and out.startswith("Risiti ya Konnect KIN01-T1-000001\n")


def test_json_sale_carries_the_message(shop, capsys):
    code, out, _ = run(capsys, *SALE, "--send-receipt", "sms", "--json", "--db", shop)
    message = json.loads(out)["receipt_message"]
    assert code == 0 and message["channel"] == "sms" and message["parts"] == 1
    assert message["text"].startswith("Recu Konnect KIN01-T1-000001\n")


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (("receipt", "KIN01-T1-000099", "--send", "sms"), "konnect-pos: Aucun reçu KIN01-T1-000099"),
        (("receipt", "KIN01-T1-000001", "--send", "sms", "--phone", "12"),
         "konnect-pos: 12 n'est pas un numéro de téléphone valide pour Congo-Kinshasa"),
    ],
)  # fmt: skip
def test_bad_input_is_one_translated_line_exit_2_nothing_written(shop, capsys, monkeypatch, argv, line):
    assert run(capsys, *SALE, "--db", shop)[0] == 0
    monkeypatch.setenv("KONNECT_POS_LANG", "fr")
    code, out, err = run(capsys, *argv, "--db", shop)
    assert (code, out, err.strip()) == (2, "", line)
    assert queued(shop) == []


def test_a_refused_message_leaves_the_sale_standing_and_says_so(shop, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_LANG", "sw")
    code, out, err = run(capsys, *SALE, "--send-receipt", "sms", "--send-to", "12", "--db", shop)
    assert code == 0 and out.startswith("Risiti KIN01-T1-000001")
    assert err.startswith("Mauzo KIN01-T1-000001 yanabaki; risiti yake haikutumwa: ")
    assert queued(shop) == []


def test_the_installed_command_in_a_child_process(sqlite_url):
    env = {**os.environ, "KONNECT_POS_TERMINAL": "KIN01-T1", "KONNECT_POS_USER": "cashier",
           "KONNECT_POS_PIN": "1111", "KONNECT_POS_DB": sqlite_url, "KONNECT_POS_LANG": "en"}  # fmt: skip
    for argv in (("demo", "--no-gui", "--customers", "4"), SALE):
        done = subprocess.run([sys.executable, "-m", "konnect_pos.cli", *argv], env=env, capture_output=True)
        assert done.returncode == 0, done.stderr
    sent = subprocess.run(
        [sys.executable, "-m", "konnect_pos.cli", "receipt", "KIN01-T1-000001", "--send", "sms"],
        env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert sent.returncode == 0 and sent.stdout.splitlines()[-1].endswith("(1 part)"), sent.stderr
