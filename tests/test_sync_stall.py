"""A link that stops forwarding mid-push (a real TCP proxy in front of PostgreSQL).

``sync --once`` must end with exit 3 within its bound (``--timeout`` seconds for HQ to
answer, plus as much again at most for the network, plus the process's own start),
lose nothing, and the next sync through a healthy link must leave every record at HQ
exactly once. The counter's own background pass must end as Offline without the
cashier ever waiting for it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from konnect_pos.hq import admin as hq_admin
from konnect_pos.services.outlets import get_terminal
from konnect_pos.services.sync import client, reference
from konnect_pos.store.models import OutboxEvent
from konnect_pos.store.schema import open_database
from tests.sync_support import StallingProxy, open_terminal_db, private_credentials, sell_cash

T1 = "KIN01-T1"
TIMEOUT = 2  # seconds HQ may take to answer (the default is 30)
BOUND = 2 * TIMEOUT + 8  # the watchdog's bound plus a Python process's start on a busy CI machine


@pytest.fixture(autouse=True)
def _credentials(monkeypatch, tmp_path):
    private_credentials(monkeypatch, tmp_path)


@pytest.fixture
def proxy():
    link = StallingProxy()
    yield link
    link.close()


def _cli(*argv: str) -> tuple[int, str, float]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "konnect_pos.cli", *argv],
        env={**os.environ, "KONNECT_POS_LANG": "en"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.returncode, done.stderr, time.monotonic() - started


def test_a_link_stalled_mid_push_exits_3_in_bound_and_the_next_sync_sends_everything_once(
    tmp_path, clock, hq, proxy
):
    url = open_terminal_db(tmp_path / "kin.db", clock)
    reference.load_reference(hq.url)
    client.link(T1, proxy.url(hq_admin.add_terminal(hq.url, "KIN01", "T1")), clock)
    for n in range(5):
        sell_cash(clock, T1, f"CD{n + 1:08d}")
    mine = OutboxEvent.terminal == get_terminal(T1).id
    local = {e.uuid for e in OutboxEvent.select().where(mine)}

    proxy.stall_at(3)  # HQ's count, the first batch, the second batch: its answer never comes back
    code, err, elapsed = _cli("sync", "--once", "--batch", "2", "--timeout", str(TIMEOUT), "--db", url)
    assert code == 3, err
    assert elapsed < BOUND
    assert f"did not answer within {2 * TIMEOUT} s" in err and err.count("\n") == 1
    open_database(url)
    assert OutboxEvent.select().where(mine & OutboxEvent.sent_at.is_null()).count() == len(local) - 2
    assert hq.query("SELECT count(*) FROM hq_inbound")[0][0] == 4  # HQ committed the lost answer's batch

    proxy.heal()
    code, err, _elapsed = _cli("sync", "--once", "--batch", "2", "--timeout", str(TIMEOUT), "--db", url)
    assert code == 0, err
    open_database(url)
    held = [row[0] for row in hq.query("SELECT uuid FROM hq_inbound WHERE terminal = %s", (T1,))]
    assert sorted(held) == sorted(local)  # every record, each exactly once
    assert OutboxEvent.select().where(mine & OutboxEvent.sent_at.is_null()).count() == 0


def test_a_link_stalled_while_connecting_is_unreachable_within_the_bound(tmp_path, clock, hq, proxy):
    url = open_terminal_db(tmp_path / "kin.db", clock)
    reference.load_reference(hq.url)
    client.link(T1, proxy.url(hq_admin.add_terminal(hq.url, "KIN01", "T1")), clock)
    sell_cash(clock, T1, "CD00000001")
    proxy.stall_at(0)  # the connection opens, the login never completes
    code, err, elapsed = _cli("sync", "--once", "--timeout", str(TIMEOUT), "--db", url)
    assert code == 3 and "Headquarters is unreachable" in err
    assert elapsed < BOUND


def test_the_counter_shows_offline_after_a_stalled_background_pass_and_never_waits(
    sqlite_url, hq, proxy, qtbot, tmp_path, monkeypatch
):
    from konnect_pos.services import demo
    from konnect_pos.services.clock import system_clock
    from konnect_pos.ui.app import App
    from konnect_pos.ui.i18n import set_language
    from konnect_pos.ui.settings import LocalSettings
    from tests.test_ui_counter import WAIT, find_customer, sign_in

    monkeypatch.setenv("KONNECT_POS_HQ_TIMEOUT", "1")
    database = open_database(sqlite_url)
    demo.seed(system_clock, customers=30, only_country="CD")
    reference.load_reference(hq.url)
    client.link(T1, proxy.url(hq_admin.add_terminal(hq.url, "KIN01", "T1")), system_clock)
    set_language("en")
    app = App(T1, LocalSettings(tmp_path / "counter.ini"))
    qtbot.addWidget(app.login)
    app.login.show()
    qtbot.waitUntil(lambda: app.login.user.count() == 3, timeout=WAIT)
    window = sign_in(app, qtbot)
    try:
        proxy.stall_at(2)  # HQ's count goes through; the first batch never gets an answer
        with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
            window.sync.timer.timeout.emit()  # what the 5-minute timer does
            find_customer(window, qtbot)  # the cashier works on while the pass hangs on HQ
            assert window.sync.running
        qtbot.waitUntil(lambda: "did not answer" in window.status_sync.toolTip(), timeout=WAIT)
        assert window.status_sync.text().startswith("Offline")
        assert client.status(T1).waiting > 0
    finally:
        window.sync.worker.wait()
        window.close()
        app.worker.wait()
        database.close()
