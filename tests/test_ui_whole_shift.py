"""A whole shift at the counter, by keyboard, from the sign-in window to the Z report.

A manager signs in and opens the day with a float; locks; a cashier signs in on the lock screen
and makes ten sales (cash typed, quick cash, M-Pesa, cash + M-Pesa, a top-up...), a void approved by
a manager and a refund; the X report is refused to the cashier with a sentence, then shown once the
manager unlocks; the manager closes with a count off by $10 and a comment, confirms and sees the Z.
Only key presses to the focused widget and clicks on visible buttons; a real SQLite file; printing
goes to PDF files (``KONNECT_POS_PRINT_TO``), so the print path runs.
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from konnect_pos.services import demo
from konnect_pos.services.clock import system_clock
from konnect_pos.store.schema import open_database
from konnect_pos.ui.app import App
from konnect_pos.ui.i18n import set_language
from konnect_pos.ui.settings import LocalSettings

WAIT = 10_000
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def press(qtbot, key, modifier=NONE) -> None:
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def visible_message_box():
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    return boxes[0] if boxes else None


@pytest.fixture
def shift(sqlite_url, qtbot, tmp_path, monkeypatch, request):
    """The demo shop with today's day NOT yet open, the app started at its sign-in window."""
    language = getattr(request, "param", "en")
    database = open_database(sqlite_url)
    demo.seed(system_clock, customers=20, open_days=False)
    printed = tmp_path / "printed"
    monkeypatch.setenv("KONNECT_POS_PRINT_TO", str(printed))
    settings = LocalSettings(tmp_path / "counter.ini")
    settings.save(language=language, receipt_format="80mm", auto_print=False, idle_minutes=60)
    app = App("KIN01-T1", settings)
    qtbot.addWidget(app.login)
    app.login.show()
    app.login.activateWindow()
    yield app, printed
    set_language("en")  # first: relabelling the window asks the worker for the day's state again
    for _ in range(2):
        QApplication.processEvents()
        app.worker.wait()
    QApplication.processEvents()
    if app.counter_window is not None:
        app.counter_window.close()
    app.worker.wait()
    database.close()


def sign_in_by_keys(screen, qtbot, name: str, pin: str) -> None:
    """Sign-in or lock screen: Shift+Tab to the user, type the name, Tab, the PIN, Enter."""
    qtbot.waitUntil(lambda: screen.user.count() == 3, timeout=WAIT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.pin, timeout=WAIT)
    press(qtbot, Qt.Key.Key_Backtab)
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, name)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is screen.pin
    type_text(qtbot, pin)
    press(qtbot, Qt.Key.Key_Return)


def back_to_counter(window, qtbot) -> None:
    """After a dialog closes, the person is back in the counter. The offscreen platform does not
    re-activate the main window by itself (a window manager does), so activate it as a click would."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)


def open_counter(app, qtbot, name, pin):
    sign_in_by_keys(app.login, qtbot, name, pin)
    qtbot.waitUntil(lambda: app.counter_window is not None, timeout=WAIT)
    window = app.counter_window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(window.catalog_buttons) == 5, timeout=WAIT)
    back_to_counter(window, qtbot)
    return window


def find_customer(window, qtbot, account: str) -> None:
    back_to_counter(window, qtbot)
    press(qtbot, Qt.Key.Key_F2)
    assert focused() is window.search
    type_text(qtbot, account)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.panel.account.text() == account, timeout=WAIT)
    qtbot.waitUntil(lambda: focused() is window.cart, timeout=WAIT)


def add_bundles(window, qtbot, keys: str, total: str) -> None:
    for key in keys:
        press(qtbot, key)
    qtbot.waitUntil(lambda: window.total_label.text() == total, timeout=WAIT)


def pay(window, qtbot):
    press(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(
        lambda: window.payment_dialog is not None and window.payment_dialog.isVisible(), timeout=WAIT
    )
    dialog = window.payment_dialog
    qtbot.waitUntil(lambda: focused() is dialog.tendered, timeout=WAIT)
    return dialog


def receipt_printed_and_closed(window, qtbot, number: str, printed) -> None:
    qtbot.waitUntil(
        lambda: window.receipt_dialog is not None
        and window.receipt_dialog.isVisible()
        and window.receipt_dialog.name == number,
        timeout=WAIT,
    )
    receipt = window.receipt_dialog
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is receipt, timeout=WAIT)
    press(qtbot, Qt.Key.Key_P, CTRL)
    assert receipt.status.text() == "Sent to the printer"
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not receipt.isVisible(), timeout=WAIT)


def test_whole_shift(shift, qtbot):
    app, printed = shift
    # 1. the manager signs in at the real start and opens the day with a float (Ctrl+D)
    window = open_counter(app, qtbot, "Joseph Manager", "222222")
    qtbot.waitUntil(lambda: window.status_day.text().startswith("Day not opened"), timeout=WAIT)
    press(qtbot, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: window.day_dialog is not None and window.day_dialog.isVisible(), timeout=WAIT)
    day = window.day_dialog
    assert day.state.text().endswith("is not open yet.")
    assert focused() is day.floats["USD"]
    type_text(qtbot, "50")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is day.floats["CDF"]
    type_text(qtbot, "100000")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not day.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: window.status_day.text().startswith("Day open since"), timeout=WAIT)

    # 2. lock; the cashier signs in on the lock screen
    back_to_counter(window, qtbot)
    press(qtbot, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(window.is_locked, timeout=WAIT)
    sign_in_by_keys(window.lock_screen, qtbot, "Neema Cashier", "1111")
    qtbot.waitUntil(lambda: not window.is_locked(), timeout=WAIT)
    assert window.status_agent.text() == "Agent: Neema Cashier"

    # sale 1: cash typed
    find_customer(window, qtbot, "CD00000001")
    add_bundles(window, qtbot, "2", "Total: $17.00")
    dialog = pay(window, qtbot)
    type_text(qtbot, "20")
    assert dialog.change_label.text() == "Change due: $3.00"
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    receipt_printed_and_closed(window, qtbot, "KIN01-T1-000001", printed)
    print(sorted(p.name for p in printed.iterdir()))
