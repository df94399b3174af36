"""Settings → Back up now, and the backup's age in the status bar, driven like a person."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender
from konnect_pos.services import demo
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.clock import system_clock
from konnect_pos.store.schema import open_database
from konnect_pos.ui.app import App
from konnect_pos.ui.i18n import set_language
from konnect_pos.ui.settings import LocalSettings

WAIT = 10_000


@pytest.fixture
def gui(sqlite_url, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    database = open_database(sqlite_url)
    demo.seed(system_clock, customers=10)
    set_language("en")
    app = App("KIN01-T1", LocalSettings(tmp_path / "counter.ini"))
    qtbot.addWidget(app.login)
    app.login.show()
    qtbot.waitUntil(lambda: app.login.user.count() == 3, timeout=WAIT)
    yield app
    if app.counter_window is not None:
        app.counter_window.close()
    app.worker.wait()
    database.close()


def sign_in_as_admin(app, qtbot):
    login = app.login
    login.user.setCurrentIndex(login.user.findData("admin"))
    login.pin.setFocus()
    QTest.keyClicks(QApplication.focusWidget(), "999999")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.counter_window is not None, timeout=WAIT)
    window = app.counter_window
    qtbot.addWidget(window)
    window.activateWindow()
    return window


def open_settings(window, qtbot):
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=WAIT)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: window.settings_dialog is not None and window.settings_dialog.isVisible(), timeout=WAIT
    )
    return window.settings_dialog


def backup_button(dialog):
    (button,) = [b for b in dialog.findChildren(type(dialog.save_button)) if b.text() == "Back up now"]
    return button


def test_back_up_now_shows_the_new_age_in_the_status_bar(gui, qtbot, tmp_path):
    window = sign_in_as_admin(gui, qtbot)
    status = window.status_backup
    qtbot.waitUntil(lambda: status.text() == "Backup: never", timeout=WAIT)
    assert "#b45309" in status.styleSheet()  # never backed up: the warning colour
    dialog = open_settings(window, qtbot)
    button = backup_button(dialog)
    assert button.isVisible() and button.isEnabled()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: status.text() == "Backup: just now", timeout=WAIT)
    assert status.styleSheet() == ""
    (written,) = (tmp_path / "data" / "konnect-pos" / "backups").iterdir()
    assert written.name.startswith("konnect-pos-KIN01-T1-")
    assert str(written) in " ".join(label.text() for label in dialog.findChildren(type(status)))


def test_restore_refuses_a_damaged_backup_on_screen(gui, qtbot, tmp_path):
    window = sign_in_as_admin(gui, qtbot)
    dialog = open_settings(window, qtbot)
    damaged = tmp_path / "konnect-pos-KIN01-T1-20261120-100000.db"
    damaged.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)
    (box,) = [w for w in dialog.children() if type(w).__name__ == "BackupBox"]
    box.choose_file = lambda: str(damaged)  # the file dialog, replaced as a person's pick
    (button,) = [b for b in dialog.findChildren(type(dialog.save_button)) if b.text() == "Restore…"]

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: "is damaged" in box.message.text(), timeout=WAIT)
    assert "#b91c1c" in box.message.styleSheet()


def sale_count(path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT COUNT(*) FROM sale").fetchone()[0]
    finally:
        connection.close()


def test_restore_in_settings_brings_the_backup_back(gui, qtbot, tmp_path, sqlite_url):
    from konnect_pos.services import backup, checkout, session
    from konnect_pos.services.outlets import get_terminal

    saved = backup.back_up(get_terminal("KIN01-T1"), system_clock, tmp_path).path  # before the sale
    counter = session.sign_in("KIN01-T1", "cashier", "1111", system_clock)
    checkout.sell(counter, "CD00000001", [CartItem("CD-WEEK5")], [CashTender(Money(Decimal("6"), "USD"))])
    database_file = sqlite_url[len("sqlite:///") :]
    assert sale_count(database_file) == 1
    window = sign_in_as_admin(gui, qtbot)
    dialog = open_settings(window, qtbot)
    (box,) = [w for w in dialog.children() if type(w).__name__ == "BackupBox"]
    box.choose_file = lambda: str(saved)  # the file dialog, replaced as a person's pick
    (button,) = [b for b in dialog.findChildren(type(dialog.save_button)) if b.text() == "Restore…"]

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.confirm is not None and box.confirm.isVisible(), timeout=WAIT)
    assert saved.name in box.confirm.text()
    qtbot.mouseClick(box.confirm.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(
        lambda: print(repr(box.message.text())) or "journal verified" in box.message.text(), timeout=WAIT
    )
    assert "0 sales" in box.message.text()
    assert box.closing_notice.isVisible() and box.closing_notice.text() == box.message.text()
    assert sale_count(database_file) == 0
    (aside,) = (tmp_path).glob("konnect.before-restore-*.db")
    assert sale_count(aside) == 1


def test_day_close_without_the_stick_says_so_in_the_status_bar(gui, qtbot, tmp_path):
    stick = tmp_path / "stick-not-plugged-in"
    window = sign_in_as_admin(gui, qtbot)
    dialog = open_settings(window, qtbot)
    (box,) = [w for w in dialog.children() if type(w).__name__ == "BackupBox"]
    dialog.activateWindow()
    box.folder.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box.folder, timeout=WAIT)
    QTest.keyClicks(QApplication.focusWidget(), str(stick))
    assert box.folder.text() == str(stick)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: window.status_day.text().endswith(": open"), timeout=WAIT)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=WAIT)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.day_dialog is not None and window.day_dialog.isVisible(), timeout=WAIT)
    day = window.day_dialog
    usd = day.tables["USD"]
    row = next(r for r in range(usd.rowCount()) if usd.item(r, 0).data(Qt.ItemDataRole.UserRole) == "note:20")
    usd.item(row, 1).setText("2")

    qtbot.mouseClick(day.action, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: window.status_day.text().endswith(": closed"), timeout=WAIT)
    expected = f"Backup failed: The backup folder {stick} does not exist (is the USB stick in?)"
    qtbot.waitUntil(lambda: window.status_backup.text() == expected, timeout=WAIT)
    assert "#b45309" in window.status_backup.styleSheet() and not stick.exists()
