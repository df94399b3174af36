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


def receipt_printed_and_closed(window, qtbot, number: str) -> None:
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


def count(qtbot, table, how_many: dict[int, str]) -> None:
    """In a denomination table: Down to each row, type how many, Enter (any key starts editing)."""
    assert focused() is table
    row = table.currentRow()
    for target, text in sorted(how_many.items()):
        while row < target:
            press(qtbot, Qt.Key.Key_Down)
            row += 1
        type_text(qtbot, text)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.item(target, 1).text() == text and focused() is table, timeout=WAIT)


def summary_rows(dialog):
    table = dialog.summary_table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


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
    press(qtbot, Qt.Key.Key_Return)  # adds the cash
    press(qtbot, Qt.Key.Key_Return)  # confirms
    receipt_printed_and_closed(window, qtbot, "KIN01-T1-000001")

    # sale 2: quick cash
    find_customer(window, qtbot, "CD00000013")
    add_bundles(window, qtbot, "1", "Total: $6.00")
    dialog = pay(window, qtbot)
    quick = [b for b in dialog.cash_page.findChildren(QPushButton) if b.isVisible() and b.text() == "$10.00"]
    click(qtbot, quick[0])
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.remaining_label.text() == "Fully paid"
    press(qtbot, Qt.Key.Key_Return)
    receipt_printed_and_closed(window, qtbot, "KIN01-T1-000002")

    # sale 3: M-Pesa with the reference from the customer's SMS
    find_customer(window, qtbot, "CD00000017")
    add_bundles(window, qtbot, "3", "Total: $29.00")
    dialog = pay(window, qtbot)
    press(qtbot, Qt.Key.Key_2, ALT)
    assert focused() is dialog.reference
    type_text(qtbot, "qk7ab12cd3")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    receipt_printed_and_closed(window, qtbot, "KIN01-T1-000003")

    # sale 4: two bundles, the second switched to "when the data runs out" (Space); cash + M-Pesa
    find_customer(window, qtbot, "CD00000009")
    add_bundles(window, qtbot, "23", "Total: $46.00")
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.cart.activation_text(1) == "When the data runs out", timeout=WAIT)
    dialog = pay(window, qtbot)
    type_text(qtbot, "20")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.remaining_label.text() == "To pay: $26.00"
    press(qtbot, Qt.Key.Key_2, ALT)
    type_text(qtbot, "rt5yu78io9")
    press(qtbot, Qt.Key.Key_Return)
    assert [dialog.paid_list.item(i).text() for i in range(dialog.paid_list.count())] == [
        "M-Pesa RT5YU78IO9: $26.00",  # listed as the sale records it
        "Cash: $20.00",
    ]
    press(qtbot, Qt.Key.Key_Return)
    receipt_printed_and_closed(window, qtbot, "KIN01-T1-000004")

    # sale 5: a top-up for a plan customer (Ctrl+T), the proposed amount renews the plan
    find_customer(window, qtbot, "CD00000005")
    qtbot.waitUntil(  # the plan box shows this customer's plan
        lambda: window.panel.plan.isVisible() and window.panel.plan.status.account_number == "CD00000005",
        timeout=WAIT,
    )
    press(qtbot, Qt.Key.Key_T, CTRL)
    qtbot.waitUntil(lambda: getattr(window, "top_up_dialog", None) is not None, timeout=WAIT)
    top_up = window.top_up_dialog
    qtbot.waitUntil(lambda: focused() is top_up.amount, timeout=WAIT)
    assert top_up.amount.text() == "22.00" and top_up.outcome.text() == "This amount renews the plan now."
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.payment_dialog is not None and window.payment_dialog.isVisible(), timeout=WAIT
    )
    qtbot.waitUntil(lambda: focused() is window.payment_dialog.tendered, timeout=WAIT)
    type_text(qtbot, "22")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    receipt_printed_and_closed(window, qtbot, "KIN01-T1-000005")

    # sales 6 to 10: cash and M-Pesa, one bundle each
    for number, (account, key, total, tender) in enumerate(
        [
            ("CD00000001", "1", "$6.00", "6"),
            ("CD00000013", "4", "$45.00", "mpesa:zx9cv8bn76"),
            ("CD00000017", "5", "$64.50", "70"),
            ("CD00000009", "1", "$6.00", "10"),
            ("CD00000001", "1", "$6.00", "6"),
        ],
        start=6,
    ):
        find_customer(window, qtbot, account)
        add_bundles(window, qtbot, key, f"Total: {total}")
        pay(window, qtbot)
        if tender.startswith("mpesa:"):
            press(qtbot, Qt.Key.Key_2, ALT)
            tender = tender.removeprefix("mpesa:")
        type_text(qtbot, tender)
        press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Return)
        receipt_printed_and_closed(window, qtbot, f"KIN01-T1-{number:06d}")

    # a void of the last sale, approved by a manager chosen by name in the approval widget
    find_customer(window, qtbot, "CD00000001")
    qtbot.waitUntil(lambda: window.panel.correct_button.isEnabled(), timeout=WAIT)
    press(qtbot, Qt.Key.Key_V, ALT)  # "&Void or refund…" for the selected (last) purchase
    qtbot.waitUntil(
        lambda: window.correction_dialog is not None and window.correction_dialog.isVisible(), timeout=WAIT
    )
    correction = window.correction_dialog
    assert correction.windowTitle() == "Correct sale KIN01-T1-000010"
    qtbot.waitUntil(lambda: correction.approval.approver.count() == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: focused() is correction.reason, timeout=WAIT)
    type_text(qtbot, "sold twice by mistake")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)  # past "also remove a bundle already running": it is queued
    assert focused() is correction.approval.approver
    type_text(qtbot, "J")
    assert correction.approval.approver.currentText() == "Joseph Manager"
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "222222")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: correction.result_label.text() != "", timeout=WAIT)
    print(correction.result_label.text())
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not correction.isVisible(), timeout=WAIT)

    # a refund of $4.50 on sale 8, to cash
    find_customer(window, qtbot, "CD00000017")
    qtbot.waitUntil(lambda: window.panel.correct_button.isEnabled(), timeout=WAIT)
    press(qtbot, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(
        lambda: window.correction_dialog is not correction and window.correction_dialog.isVisible(),
        timeout=WAIT,
    )
    correction = window.correction_dialog
    assert correction.windowTitle() == "Correct sale KIN01-T1-000008"
    qtbot.waitUntil(lambda: correction.approval.approver.count() == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: focused() is correction.reason, timeout=WAIT)
    press(qtbot, Qt.Key.Key_Backtab)
    press(qtbot, Qt.Key.Key_Down)  # Action: Refund
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "speed below the promise")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is correction.amount
    type_text(qtbot, "4.50")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)  # past "Refund to": the original payment (cash)
    type_text(qtbot, "J")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "222222")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: correction.result_label.text() != "", timeout=WAIT)
    print(correction.result_label.text())
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not correction.isVisible(), timeout=WAIT)

    # the X report: refused to the cashier with a sentence
    back_to_counter(window, qtbot)
    press(qtbot, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(lambda: visible_message_box() is not None, timeout=WAIT)
    box = visible_message_box()
    print("box:", box.text())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box, timeout=WAIT)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: visible_message_box() is None, timeout=WAIT)
    assert window.report_dialog is None

    # lock; the manager unlocks: the X report, then the close
    back_to_counter(window, qtbot)
    press(qtbot, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(window.is_locked, timeout=WAIT)
    sign_in_by_keys(window.lock_screen, qtbot, "Joseph Manager", "222222")
    qtbot.waitUntil(lambda: not window.is_locked(), timeout=WAIT)
    back_to_counter(window, qtbot)
    press(qtbot, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(lambda: window.report_dialog is not None and window.report_dialog.isVisible(), timeout=WAIT)
    report = window.report_dialog
    qtbot.waitUntil(lambda: report.page_count() >= 1, timeout=WAIT)
    print("X:", PdfReader(io.BytesIO(report.pdf)).pages[0].extract_text())
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is report, timeout=WAIT)
    press(qtbot, Qt.Key.Key_P, CTRL)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not report.isVisible(), timeout=WAIT)

    back_to_counter(window, qtbot)
    press(qtbot, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: window.day_dialog is not day and window.day_dialog.isVisible(), timeout=WAIT)
    day = window.day_dialog
    print(day.state.text(), day.next_step.text())
    usd = day.tables["USD"]
    assert focused() is usd
    count(qtbot, usd, {0: "1", 1: "1", 2: "1", 4: "1", 5: "1"})  # $177
    print(day.summaries["USD"].text())
    press(qtbot, Qt.Key.Key_Tab)
    print("after tab", focused())
    count(qtbot, day.tables["CDF"], {0: "5"})
    print(day.summaries["CDF"].text())
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: day.summary_table.rowCount() == 2, timeout=WAIT)
    print(summary_rows(day), day.comment_label.text(), focused())
    type_text(qtbot, "10 USD short, counted twice")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.report_dialog is not report and window.report_dialog.isVisible(), timeout=WAIT)
    z = window.report_dialog
    qtbot.waitUntil(lambda: z.page_count() >= 1, timeout=WAIT)
    print("Z:", PdfReader(io.BytesIO(z.pdf)).pages[0].extract_text())
    print(sorted(p.name for p in printed.iterdir()))
