"""Sync through the real command in real processes: SIGKILL at random points, exit codes, HQ CLI."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from konnect_pos.cli import main
from konnect_pos.hq import admin as hq_admin
from konnect_pos.hq.processing import process
from konnect_pos.services.outlets import get_terminal
from konnect_pos.services.sync import client, reference
from konnect_pos.store.models import OutboxEvent, Sale
from konnect_pos.store.schema import open_database
from tests.support import ManualClock
from tests.sync_support import open_terminal_db, private_credentials, sell_cash

T1 = "KIN01-T1"
KILL_RUNS = 50


@pytest.fixture(autouse=True)
def _credentials(monkeypatch, tmp_path):
    private_credentials(monkeypatch, tmp_path)


def _cli(*argv: str) -> subprocess.Popen:
    env = {**os.environ, "KONNECT_POS_LANG": "en"}
    return subprocess.Popen(
        [sys.executable, "-m", "konnect_pos.cli", *argv],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_sync_killed_at_random_points_50_times_then_resumed_holds_every_record_once(tmp_path, clock, hq):
    url = open_terminal_db(tmp_path / "kin.db", clock, customers=30)
    reference.load_reference(hq.url)
    client.link(T1, hq_admin.add_terminal(hq.url, "KIN01", "T1"), clock)
    for n in range(120):
        sell_cash(clock, T1, f"CD{n % 30 + 1:08d}")
    rng = random.Random(20261123)
    started = time.perf_counter()
    finished = _cli("sync", "--once", "--batch", "3", "--db", url)
    finished.communicate(timeout=120)
    full_run = time.perf_counter() - started
    OutboxEvent.update(sent_at=None).execute()  # start the experiment from "nothing acknowledged" locally
    hq.query("SELECT 1")  # HQ keeps what the timing run sent: resends must be ignored
    kills = 0
    for run in range(KILL_RUNS):
        if run % 5 == 0:
            sell_cash(clock, T1, f"CD{run % 30 + 1:08d}")  # the counter keeps selling between attempts
        proc = _cli("sync", "--once", "--batch", "3", "--db", url)
        # a random point within the first three quarters of a run: a later run resends what HQ
        # already holds and can be quicker than the timing run, and a kill after the end tests nothing
        time.sleep(rng.uniform(0.0, full_run * 0.75))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.communicate(timeout=60)
    assert kills >= KILL_RUNS // 2, f"only {kills} runs were killed before finishing"

    last = _cli("sync", "--once", "--db", url)
    _out, err = last.communicate(timeout=120)
    assert last.returncode == 0, err
    open_database(url)
    local = {e.uuid for e in OutboxEvent.select().where(OutboxEvent.terminal == get_terminal(T1).id)}
    held = hq.query("SELECT uuid FROM hq_inbound WHERE terminal = %s", (T1,))
    assert len(held) == len({row[0] for row in held}) == len(local)
    assert {row[0] for row in held} == local
    assert hq.query("SELECT chain_broken_seq FROM hq_terminal WHERE label = %s", (T1,)) == [(None,)]
    mine = OutboxEvent.terminal == get_terminal(T1).id
    assert OutboxEvent.select().where(mine & OutboxEvent.sent_at.is_null()).count() == 0
    process(hq.url)
    assert hq.query("SELECT count(*) FROM hq_sale")[0][0] == Sale.select().count()


def test_sync_against_a_closed_port_exits_3_with_one_line_and_keeps_everything(tmp_path, clock, hq):
    url = open_terminal_db(tmp_path / "kin.db", clock)
    reference.load_reference(hq.url)
    terminal_url = hq_admin.add_terminal(hq.url, "KIN01", "T1")
    client.link(T1, terminal_url, clock)
    sell_cash(clock, T1, "CD00000001")
    from konnect_pos.store.models import SyncLink

    SyncLink.update(hq_url=terminal_url.replace("@127.0.0.1", "@127.0.0.1:1")).execute()
    waiting = OutboxEvent.select().where(OutboxEvent.sent_at.is_null()).count()
    proc = _cli("sync", "--once", "--db", url)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 3
    assert "Headquarters is unreachable" in err and err.count("\n") == 1
    open_database(url)
    assert OutboxEvent.select().where(OutboxEvent.sent_at.is_null()).count() == waiting


def test_hq_commands_end_to_end(tmp_path, hq, capsys, monkeypatch):
    clock = ManualClock(datetime.now(UTC))
    url = open_terminal_db(tmp_path / "kin.db", clock)
    assert main(["hq", "init", "--db", hq.url]) == 0
    assert main(["hq", "load", "--db", hq.url, "--from", url]) == 0
    assert main(["hq", "add-terminal", "KIN01", "T1", "--db", hq.url]) == 0
    terminal_url = capsys.readouterr().out.strip().splitlines()[-1]
    monkeypatch.setenv("KONNECT_POS_USER", "admin")
    monkeypatch.setenv("KONNECT_POS_PIN", "999999")
    assert main(["sync", "link", terminal_url, "--terminal", T1, "--db", url]) == 0
    sell_cash(clock, T1, "CD00000001")
    assert main(["sync", "--once", "--db", url]) == 0
    assert "sent" in capsys.readouterr().out
    day = clock().astimezone(ZoneInfo("Africa/Kinshasa")).date().isoformat()
    assert main(["hq", "report", "daily", "--date", day, "--db", hq.url, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    sold = [(r["outlet_code"], r["terminal"], r["sales"], r["total"]["amount"]) for r in report if r["sales"]]
    assert sold == [("KIN01", T1, 1, "6.00")]
    assert main(["hq", "price", "CD", "CD-WEEK5", "-1", "--effective", day, "--db", hq.url]) == 2
    assert "more than zero" in capsys.readouterr().err
    assert main(["hq", "report", "daily", "--date", "2026-13-01", "--db", hq.url]) == 2
    assert main(["hq", "init", "--db", "sqlite:///x.db"]) == 2
    assert "postgresql://" in capsys.readouterr().err
