"""Sync in the counter window: status bar, Sync now against a real HQ, HQ's conflicts for managers."""

from __future__ import annotations

import psycopg
import pytest
from psycopg.types.json import Jsonb
from PySide6.QtCore import Qt

from konnect_pos.domain.errors import PermissionDenied
from konnect_pos.hq import admin as hq_admin
from konnect_pos.services import demo
from konnect_pos.services.clock import system_clock
from konnect_pos.services.sync import client, reference
from konnect_pos.store.models import SyncLink
from konnect_pos.store.schema import open_database
from konnect_pos.ui.app import App
from konnect_pos.ui.i18n import set_language
from konnect_pos.ui.settings import LocalSettings
from tests.test_ui_counter import WAIT, sign_in


@pytest.fixture
def linked_gui(sqlite_url, hq, qtbot, tmp_path):
    database = open_database(sqlite_url)
    demo.seed(system_clock, customers=30, only_country="CD")
    reference.load_reference(hq.url)
    client.link("KIN01-T1", hq_admin.add_terminal(hq.url, "KIN01", "T1"), system_clock)
    set_language("en")
    app = App("KIN01-T1", LocalSettings(tmp_path / "counter.ini"))
    qtbot.addWidget(app.login)
    app.login.show()
    qtbot.waitUntil(lambda: app.login.user.count() == 3, timeout=WAIT)
    yield app
    if app.counter_window is not None:
        app.counter_window.sync.worker.wait()
        app.counter_window.close()
    app.worker.wait()
    database.close()


def _sync_now(window, qtbot) -> None:
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        qtbot.keyClick(
            window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )


def test_sync_now_sends_everything_and_the_status_bar_says_online(linked_gui, qtbot):
    window = sign_in(linked_gui, qtbot)
    qtbot.waitUntil(lambda: "waiting" in window.status_sync.text(), timeout=WAIT)
    assert window.status_sync.text().startswith("Offline")  # linked, never synced yet
    _sync_now(window, qtbot)
    qtbot.waitUntil(lambda: window.status_sync.text().startswith("Online"), timeout=WAIT)
    assert "0 waiting" in window.status_sync.text()


def test_unreachable_hq_shows_offline_with_the_reason_and_keeps_records(linked_gui, qtbot):
    SyncLink.update(hq_url=SyncLink.get().hq_url.replace("@127.0.0.1", "@127.0.0.1:1")).execute()
    window = sign_in(linked_gui, qtbot)
    _sync_now(window, qtbot)
    qtbot.waitUntil(lambda: window.status_sync.text().startswith("Offline"), timeout=WAIT)
    assert "unreachable" in window.status_sync.toolTip()
    assert client.status("KIN01-T1").waiting > 0


def _flag_reused_reference(hq) -> None:
    with psycopg.connect(hq.url, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO hq_conflict (kind, outlet_code, subject, details) VALUES "
            "('reused_reference', 'KIN01', 'mpesa:QK7AB12CD3@KIN01', %s)",
            (
                Jsonb(
                    {
                        "sales": [
                            {"receipt": "KIN01-T1-000001", "terminal": "KIN01-T1"},
                            {"receipt": "LUB01-T1-000001", "terminal": "LUB01-T1"},
                        ]
                    }
                ),
            ),
        )


def test_managers_see_hq_conflicts_of_their_outlet(linked_gui, qtbot, hq):
    _flag_reused_reference(hq)
    window = sign_in(linked_gui, qtbot, "manager", "222222")
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.conflicts_dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT)
    assert dialog.table.item(0, 1).text() == "Mobile-money reference used at two terminals"
    assert "LUB01-T1-000001" in dialog.table.item(0, 3).text()


def test_cashiers_are_refused_the_conflicts_list(linked_gui, qtbot, hq):
    _flag_reused_reference(hq)
    window = sign_in(linked_gui, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    box = window.menus.refusal_box
    assert box is not None and box.isVisible() and getattr(window, "conflicts_dialog", None) is None
    assert box.text() == "Only a manager can review the conflicts found by headquarters."
    with pytest.raises(PermissionDenied):  # the service refuses too, whatever the screen offers
        client.hq_conflicts(window.counter)


def test_the_background_pass_syncs_without_a_dialog(linked_gui, qtbot):
    window = sign_in(linked_gui, qtbot)
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync.timer.timeout.emit()  # what the 5-minute timer does
    assert window.sync.dialog is None
    qtbot.waitUntil(lambda: window.status_sync.text().startswith("Online"), timeout=WAIT)
    assert client.status("KIN01-T1").waiting == 0
