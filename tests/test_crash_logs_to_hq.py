"""Crash logs travel to HQ with the next sync, only when this machine opted in (issue 16, item 7).

Real crashes in real processes, a real HQ database, the terminal's own PostgreSQL role.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from konnect_pos import crash_log
from konnect_pos.hq import admin as hq_admin
from konnect_pos.hq.connection import HQUnreachable, terminal_timeouts
from konnect_pos.services.sync import client, reference
from konnect_pos.services.sync.crash_logs import unsent_pieces
from tests.cli_support import run
from tests.sync_support import StallingProxy, open_terminal_db, private_credentials

ROOT = Path(__file__).resolve().parent.parent
T1 = "KIN01-T1"

SIGN_IN_CRASH = """
import sys
from konnect_pos import crash_log
from konnect_pos.services.clock import system_clock
from konnect_pos.services.session import sign_in
from konnect_pos.store.schema import open_database

crash_log.install()
open_database(sys.argv[1], create=False)
sign_in("KIN01-T1", "cashier", "1111", system_clock)
sign_in("KIN01-T1", "manager", "864213", system_clock)  # a wrong PIN, the error left unhandled
"""

CRASH = """
import sys
from konnect_pos import crash_log

crash_log.install()
raise RuntimeError(sys.argv[1])
"""


@pytest.fixture(autouse=True)
def _machine(monkeypatch, tmp_path):
    """This machine's config (the opt-in, HQ passwords) and log folders, under tmp_path."""
    private_credentials(monkeypatch, tmp_path)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # platformdirs' user log dir


@pytest.fixture
def kin(tmp_path, clock, hq) -> str:
    open_terminal_db(tmp_path / "kin.db", clock, customers=5)
    reference.load_reference(hq.url)
    terminal_url = hq_admin.add_terminal(hq.url, "KIN01", "T1")
    client.link(T1, terminal_url, clock)
    return terminal_url


def crash(message: str) -> None:
    """A real process of the app dies of an unhandled exception, leaving its trace in the log."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KONNECT_POS_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-c", CRASH, message], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1 and f"RuntimeError: {message}" in done.stderr


def test_off_by_default_nothing_is_sent_and_no_pin_is_in_the_log(kin, hq, clock, capsys, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KONNECT_POS_LANG": "en"}
    url = f"sqlite:///{tmp_path / 'kin.db'}"
    done = subprocess.run(
        [sys.executable, "-c", SIGN_IN_CRASH, url], env=env, capture_output=True, text=True, timeout=120
    )
    assert "AuthenticationFailed: Wrong PIN" in done.stderr
    log = crash_log.log_file().read_text(encoding="utf-8")
    assert "AuthenticationFailed: Wrong PIN" in log
    assert "864213" not in log and "1111" not in log  # the typed PINs are in no message and no stack
    assert run(capsys, "crash-logs")[1].splitlines()[1] == "Crash logs stay on this computer"

    assert client.sync(T1, clock).crash_logs == 0
    assert hq.query("SELECT count(*) FROM hq_crash_log") == [(0,)]


def test_opted_in_a_crash_reaches_hq_once_then_only_what_is_new_and_only_hq_reads_it(
    kin, hq, clock, capsys, monkeypatch
):
    code, out, _ = run(capsys, "crash-logs", "--send-to-hq", "on")
    assert code == 0 and out.splitlines() == [
        f"Crash logs are in {crash_log.log_dir()}",
        "Crash logs go to headquarters with the next sync",
    ]
    crash("boom while selling")

    assert client.sync(T1, clock).crash_logs == 1
    assert client.sync(T1, clock).crash_logs == 0  # marked sent: not twice
    rows = hq.query("SELECT terminal, file_name, content, truncated FROM hq_crash_log")
    assert len(rows) == 1
    terminal, name, content, truncated = rows[0]
    assert (terminal, name, truncated) == (T1, "konnect-pos.log", False)
    assert "Unhandled exception" in content and "RuntimeError: boom while selling" in content
    assert hq.query("SELECT count(*) FROM hq_inbound") == hq.query("SELECT acked_seq FROM hq_terminal")

    log = crash_log.log_file()
    log.rename(log.with_name(crash_log.LOG_NAME + ".1"))  # what the rotating handler does at 1 MB
    assert client.sync(T1, clock).crash_logs == 0  # a rotated file is the same file, already sent

    crash("boom at day close")
    assert client.sync(T1, clock).crash_logs == 1
    second = hq.query("SELECT content FROM hq_crash_log ORDER BY id")[1][0]
    assert "boom at day close" in second and "boom while selling" not in second  # only what is new

    monkeypatch.setenv("KONNECT_POS_LANG", "fr")
    code, out, _ = run(capsys, "hq", "crash-logs", "--terminal", "kin01-t1", "--db", hq.url)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2 and all(T1 in line and "konnect-pos.log" in line for line in lines)
    number = lines[0].split()[0]
    code, out, _ = run(capsys, "hq", "crash-log", number, "--db", hq.url)
    assert out.startswith(f"Journal de plantage {number} de {T1} (konnect-pos.log), reçu le ")
    assert "RuntimeError: boom while selling" in out
    assert run(capsys, "hq", "crash-logs", "--terminal", "KIN01-T9", "--db", hq.url)[1] == (
        "Aucun journal de plantage\n"
    )
    code, _, err = run(capsys, "hq", "crash-log", "999", "--db", hq.url)
    assert code == 2 and err == "konnect-pos: Aucun journal de plantage numéro 999\n"
    monkeypatch.setenv("KONNECT_POS_LANG", "sw")
    assert run(capsys, "crash-logs", "--send-to-hq", "off")[1].splitlines()[1] == (
        "Kumbukumbu za hitilafu zinabaki kwenye kompyuta hii"
    )
    crash("boom after opting out")
    assert client.sync(T1, clock).crash_logs == 0

    # The terminal's own role reads no crash log (its own or another's) and sends only as itself.
    hq_admin.add_terminal(hq.url, "KIN01", "T2")
    with psycopg.connect(kin, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT content FROM hq_crash_log")
        with pytest.raises(psycopg.Error, match="may not send logs for terminal KIN01-T2"):
            conn.execute("SELECT hq_send_crash_log('KIN01-T2', 'k', 'x.log', 'forged', FALSE)")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO hq_crash_log (terminal, piece_key, file_name, content) VALUES"
                         " ('KIN01-T2', 'k', 'x.log', 'direct')")  # fmt: skip
    assert hq.query("SELECT terminal, count(*) FROM hq_crash_log GROUP BY terminal") == [(T1, 2)]


def test_a_link_stalled_while_sending_a_log_ends_in_bound_and_hq_keeps_it_once(tmp_path, clock, hq, capsys):
    proxy = StallingProxy()
    try:
        open_terminal_db(tmp_path / "kin.db", clock, customers=5)
        reference.load_reference(hq.url)
        client.link(T1, proxy.url(hq_admin.add_terminal(hq.url, "KIN01", "T1")), clock)
        run(capsys, "crash-logs", "--send-to-hq", "on")
        crash("boom while selling")
        proxy.needle = b"hq_send_crash_log"
        proxy.stall_at(1)  # HQ stores the log; its answer never comes back
        with pytest.raises(HQUnreachable, match="did not answer within 2 s"):
            client.sync(T1, clock, timeouts=terminal_timeouts(1))
        assert hq.query("SELECT count(*) FROM hq_crash_log") == [(1,)]
        assert len(unsent_pieces()) == 1  # not marked sent without HQ's answer

        proxy.heal()
        assert client.sync(T1, clock, timeouts=terminal_timeouts(1)).crash_logs == 0  # resent, stored once
        assert hq.query("SELECT count(*) FROM hq_crash_log") == [(1,)]
        assert unsent_pieces() == []
    finally:
        proxy.close()


def test_a_long_log_sends_its_last_256_kb_in_whole_lines():
    line = "2026-11-29 10:00:00 4242 ERROR konnect_pos: " + "x" * 100 + "\n"
    crash_log.log_file().write_text("first line\n" + line * 3000 + "half a line being writ", encoding="utf-8")

    (piece,) = unsent_pieces()

    assert piece.truncated and piece.name == crash_log.LOG_NAME
    assert len(piece.content.encode()) <= 256 * 1024 and piece.content.startswith("2026-11-29 10:00:00 4242")
    assert piece.content.endswith(line) and "first line" not in piece.content  # the tail, whole lines
