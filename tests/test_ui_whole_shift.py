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
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from konnect_pos.domain.money import Money
from konnect_pos.services import demo
from konnect_pos.services.clock import system_clock
from konnect_pos.services.verify import verify
from konnect_pos.store.models import Refund, Sale, SaleVoid
from konnect_pos.store.schema import open_database
from konnect_pos.ui.app import App
from konnect_pos.ui.i18n import money_text, set_language
from konnect_pos.ui.settings import LocalSettings

WAIT = 10_000
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier

# what the screen says, per language (the catalogs' words, written out so a lost translation fails)
WORDS = {
    "en": {
        "not_opened": "Day not opened",
        "open_since": "Day open since",
        "total": "Total: {amount}",
        "locked": "Locked",
        "agent": "Agent: {name}",
        "fully_paid": "Fully paid",
        "printed": "Sent to the printer",
        "reports_refused": "Only a manager can see reports.",
        "comment_needed": "Comment (required: a variance is above the limit)",
        "closed": "Day closed at",
    },
    "fr": {
        "not_opened": "Journée non ouverte",
        "open_since": "Journée ouverte depuis",
        "total": "Total : {amount}",
        "locked": "Verrouillé",
        "agent": "Agent : {name}",
        "fully_paid": "Entièrement payé",
        "printed": "Envoyé à l'imprimante",
        "reports_refused": "Seul un responsable peut consulter les rapports.",
        "comment_needed": "Commentaire (obligatoire : un écart dépasse la limite)",
        "closed": "Journée clôturée à",
    },
    "sw": {
        "not_opened": "Siku haijafunguliwa",
        "open_since": "Siku iko wazi tangu",
        "total": "Jumla: {amount}",
        "locked": "Imefungwa",
        "agent": "Wakala: {name}",
        "fully_paid": "Imelipwa kikamilifu",
        "printed": "Imetumwa kwa printa",
        "reports_refused": "Meneja pekee anaweza kuona ripoti.",
        "comment_needed": "Maoni (yanahitajika: tofauti imezidi kikomo)",
        "closed": "Siku imefungwa saa",
    },
}


def usd(value: str) -> str:
    """An amount as the screen shows it in the current language."""
    return money_text(Money.of(value, "USD"))


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
    language = request.param
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
    yield app, printed, WORDS[language]
    set_language("en")  # first: relabelling the window asks the worker for the day's state again
    for _ in range(2):
        QApplication.processEvents()
        app.worker.wait()
    QApplication.processEvents()
    if app.counter_window is not None:
        app.counter_window.close()
    app.worker.wait()
    QApplication.processEvents()
    if app.counter_window is not None:
        # deleted now, not at the next test's event loop: there, switching the language would
        # relabel it and its day-state answer would reach a window already gone
        shiboken6.delete(app.counter_window)
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


def add_bundles(window, qtbot, words, keys: str, total: str) -> None:
    """Digit keys in the cart add the catalog's bundles; the total shows once the service priced them."""
    for key in keys:
        press(qtbot, key)
    shown = words["total"].replace("{amount}", usd(total))
    qtbot.waitUntil(lambda: window.total_label.text() == shown, timeout=WAIT)


def pay(window, qtbot):
    press(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(
        lambda: window.payment_dialog is not None and window.payment_dialog.isVisible(), timeout=WAIT
    )
    dialog = window.payment_dialog
    qtbot.waitUntil(lambda: focused() is dialog.tendered, timeout=WAIT)
    return dialog


def receipt_printed_and_closed(window, qtbot, words, number: str) -> None:
    qtbot.waitUntil(
        lambda: (
            window.receipt_dialog is not None
            and window.receipt_dialog.isVisible()
            and window.receipt_dialog.name == number
        ),
        timeout=WAIT,
    )
    receipt = window.receipt_dialog
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is receipt, timeout=WAIT)
    press(qtbot, Qt.Key.Key_P, CTRL)  # printed off the GUI thread: the preview says when it is done
    qtbot.waitUntil(lambda: receipt.status.text() == words["printed"], timeout=WAIT)
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
        qtbot.waitUntil(
            lambda row=target, text=text: table.item(row, 1).text() == text and focused() is table,
            timeout=WAIT,
        )


def summary_rows(dialog):
    table = dialog.summary_table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def sign_in_and_open_the_day(app, qtbot, words):
    """The manager signs in at the app's start, opens the day with $50 and CDF 100,000, and locks;
    the cashier signs in on the lock screen."""
    window = open_counter(app, qtbot, "Joseph Manager", "222222")
    qtbot.waitUntil(lambda: window.status_day.text().startswith(words["not_opened"]), timeout=WAIT)
    press(qtbot, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: window.day_dialog is not None and window.day_dialog.isVisible(), timeout=WAIT)
    day = window.day_dialog
    assert focused() is day.floats["USD"]
    type_text(qtbot, "50")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is day.floats["CDF"]
    type_text(qtbot, "100000")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not day.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: window.status_day.text().startswith(words["open_since"]), timeout=WAIT)
    lock_and_sign_in(window, qtbot, words, "Neema Cashier", "1111")
    return window


def lock_and_sign_in(window, qtbot, words, name: str, pin: str) -> None:
    back_to_counter(window, qtbot)
    press(qtbot, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(window.is_locked, timeout=WAIT)
    assert window.lock_screen.title.text() == words["locked"]
    sign_in_by_keys(window.lock_screen, qtbot, name, pin)
    qtbot.waitUntil(lambda: not window.is_locked(), timeout=WAIT)
    assert window.status_agent.text() == words["agent"].replace("{name}", name)


def cash_sale(window, qtbot, words, account: str, key: str, total: str, tendered: str, number: int) -> None:
    find_customer(window, qtbot, account)
    add_bundles(window, qtbot, words, key, total)
    dialog = pay(window, qtbot)
    type_text(qtbot, tendered)
    press(qtbot, Qt.Key.Key_Return)  # adds the cash
    assert dialog.remaining_label.text() == words["fully_paid"]
    press(qtbot, Qt.Key.Key_Return)  # confirms
    receipt_printed_and_closed(window, qtbot, words, f"KIN01-T1-{number:06d}")


def x_report_refused_to_the_cashier(window, qtbot, words) -> None:
    back_to_counter(window, qtbot)
    press(qtbot, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(lambda: visible_message_box() is not None, timeout=WAIT)
    box = visible_message_box()
    assert box.text() == words["reports_refused"]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box, timeout=WAIT)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: visible_message_box() is None, timeout=WAIT)
    assert window.report_dialog is None


def report_text(report) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(report.pdf)).pages)


def print_and_close(report, qtbot) -> None:
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is report, timeout=WAIT)
    press(qtbot, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: report.print_button.isEnabled(), timeout=WAIT)  # the print job is done
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not report.isVisible(), timeout=WAIT)


def close_the_day(window, qtbot, words, usd_count: dict[int, str], expected_usd: str):
    """Ctrl+D: count USD (rows by Down), Tab to CDF (5 × 20,000), Enter to review, the comment, Enter.
    Returns the Z report's preview."""
    back_to_counter(window, qtbot)
    earlier = window.day_dialog
    press(qtbot, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: window.day_dialog is not earlier and window.day_dialog.isVisible(), timeout=WAIT)
    day = window.day_dialog
    count(qtbot, day.tables["USD"], usd_count)
    press(qtbot, Qt.Key.Key_Tab)  # on to the next currency
    count(qtbot, day.tables["CDF"], {0: "5"})
    press(qtbot, Qt.Key.Key_Return)  # review the count: nothing is closed yet
    qtbot.waitUntil(lambda: day.summary_table.rowCount() == 2, timeout=WAIT)
    usd_row, cdf_row = summary_rows(day)
    counted = sum(int(n) * (100, 50, 20, 10, 5, 2, 1)[row] for row, n in usd_count.items())
    assert usd_row == ["USD", usd(expected_usd), usd(str(counted)), usd(str(counted - int(expected_usd)))]
    assert cdf_row[0] == "CDF" and cdf_row[1] == cdf_row[2]
    assert day.comment_label.text() == words["comment_needed"] and focused() is day.comment
    type_text(qtbot, "10 USD short, counted twice")
    press(qtbot, Qt.Key.Key_Return)  # confirm and close the day
    qtbot.waitUntil(lambda: not day.isVisible(), timeout=WAIT)
    qtbot.waitUntil(
        lambda: window.report_dialog is not None and window.report_dialog.isVisible(), timeout=WAIT
    )
    z = window.report_dialog
    qtbot.waitUntil(lambda: z.page_count() >= 1, timeout=WAIT)
    return z


@pytest.mark.parametrize("shift", ["en"], indirect=True)
def test_a_whole_shift_by_keyboard(shift, qtbot):
    app, printed, words = shift
    window = sign_in_and_open_the_day(app, qtbot, words)

    # 1: cash typed; 2: a quick-cash button
    cash_sale(window, qtbot, words, "CD00000001", "2", "17", "20", 1)
    find_customer(window, qtbot, "CD00000013")
    add_bundles(window, qtbot, words, "1", "6")
    dialog = pay(window, qtbot)
    quick = [b for b in dialog.cash_page.findChildren(QPushButton) if b.isVisible() and b.text() == "$10.00"]
    click(qtbot, quick[0])
    assert focused() is dialog.tendered and dialog.change_label.text() == "Change due: $4.00"
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    receipt_printed_and_closed(window, qtbot, words, "KIN01-T1-000002")

    # 3: M-Pesa with the reference from the customer's SMS
    find_customer(window, qtbot, "CD00000017")
    add_bundles(window, qtbot, words, "3", "29")
    dialog = pay(window, qtbot)
    press(qtbot, Qt.Key.Key_2, ALT)
    assert focused() is dialog.reference and dialog.merchant.text() == "880011"
    type_text(qtbot, "qk7ab12cd3")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    receipt_printed_and_closed(window, qtbot, words, "KIN01-T1-000003")

    # 4: two bundles, the second switched to "when the data runs out" (Space); cash + M-Pesa
    find_customer(window, qtbot, "CD00000009")
    plan = window.panel.plan
    qtbot.waitUntil(lambda: plan.isVisible() and plan.status.account_number == "CD00000009", timeout=WAIT)
    add_bundles(window, qtbot, words, "23", "46")
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
    receipt_printed_and_closed(window, qtbot, words, "KIN01-T1-000004")

    # 5: a top-up for a plan customer (Ctrl+T): the proposed amount renews the plan
    find_customer(window, qtbot, "CD00000005")
    shown = window.panel.plan.status  # never the previous customer's plan, which Ctrl+T would top up
    assert shown is None or shown.account_number == "CD00000005"
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
    receipt_printed_and_closed(window, qtbot, words, "KIN01-T1-000005")

    # 6 to 10: cash and M-Pesa, one bundle each
    cash_sale(window, qtbot, words, "CD00000001", "1", "6", "6", 6)
    find_customer(window, qtbot, "CD00000013")
    add_bundles(window, qtbot, words, "4", "45")
    pay(window, qtbot)
    press(qtbot, Qt.Key.Key_2, ALT)
    type_text(qtbot, "zx9cv8bn76")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    receipt_printed_and_closed(window, qtbot, words, "KIN01-T1-000007")
    cash_sale(window, qtbot, words, "CD00000017", "5", "64.50", "70", 8)
    cash_sale(window, qtbot, words, "CD00000009", "1", "6", "10", 9)
    cash_sale(window, qtbot, words, "CD00000001", "1", "6", "6", 10)

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
    press(qtbot, Qt.Key.Key_Tab)  # past "also remove a bundle already running": this one is queued
    assert focused() is correction.approval.approver
    type_text(qtbot, "J")
    assert correction.approval.approver.currentText() == "Joseph Manager"
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "222222")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: correction.result_label.text() != "", timeout=WAIT)
    assert correction.result_label.text() == (
        "Sale KIN01-T1-000010 is voided. Give back $6.00 (cash). "
        "Removed from the account: Konnect Semaine 5 Go."
    )
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
    assert correction.result_label.text() == (
        "$4.50 refunded on sale KIN01-T1-000008, to cash. Still refundable: $60.00."
    )
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not correction.isVisible(), timeout=WAIT)

    # the X report: refused to the cashier, shown to the manager who unlocks
    x_report_refused_to_the_cashier(window, qtbot, words)
    lock_and_sign_in(window, qtbot, words, "Joseph Manager", "222222")
    back_to_counter(window, qtbot)
    press(qtbot, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(
        lambda: window.report_dialog is not None and window.report_dialog.isVisible(), timeout=WAIT
    )
    x = window.report_dialog
    qtbot.waitUntil(lambda: x.page_count() >= 1, timeout=WAIT)
    assert "Rapport X" in report_text(x)  # the outlet's language (Kinshasa: French)
    print_and_close(x, qtbot)

    # the close: $50 float + $141.50 cash in - $6 voided - $4.50 refunded = $187 expected; $177 counted
    z = close_the_day(window, qtbot, words, {0: "1", 1: "1", 2: "1", 4: "1", 5: "1"}, "187")
    text = report_text(z)
    assert "Rapport Z" in text and "Commentaire à la clôture: 10 USD short, counted twice" in text
    assert "USD\n9\n241,50 $US\n30,28 $US\n0,00 $US\n4,50 $US\n237,00 $US" in text  # 10 sold, 1 voided
    assert "Espèces\n7\n141,50 $US\nMobile money\n3\n100,00 $US" in text
    assert "USD\n50,00 $US\n187,00 $US\n177,00 $US\n-10,00 $US" in text  # float, expected, counted, variance
    assert "CDF\n100 000,00 CDF\n100 000,00 CDF\n100 000,00 CDF\n0,00 CDF" in text
    assert "KIN01-T1-000010\n6,00 $US\nsold twice by mistake" in text
    assert "KIN01-T1-000008\n4,50 $US (Espèces)\nspeed below the promise" in text
    print_and_close(z, qtbot)
    qtbot.waitUntil(lambda: window.status_day.text().startswith(words["closed"]), timeout=WAIT)

    printed_files = sorted(path.name for path in printed.iterdir())
    assert printed_files == [f"receipt-KIN01-T1-{n:06d}-1.pdf" for n in range(1, 11)] + [
        f"report-{z.name}-1.pdf",  # the X
        f"report-{z.name}-2.pdf",  # the Z
    ]
    assert all(len(PdfReader(printed / name).pages) >= 1 for name in printed_files)
    assert Sale.select().count() == 10 and SaleVoid.select().count() == 1 and Refund.select().count() == 1
    checked = verify()
    assert checked.ok and checked.sales == 10, checked.problems


@pytest.mark.parametrize("shift", ["fr", "sw"], indirect=True)
def test_a_shorter_shift_in_each_language(shift, qtbot):
    """The day opened, a sale, the X refused to the cashier, the close with a comment and the Z."""
    app, printed, words = shift
    window = sign_in_and_open_the_day(app, qtbot, words)
    cash_sale(window, qtbot, words, "CD00000001", "2", "17", "20", 1)
    x_report_refused_to_the_cashier(window, qtbot, words)
    lock_and_sign_in(window, qtbot, words, "Joseph Manager", "222222")
    z = close_the_day(window, qtbot, words, {0: "0", 3: "5", 4: "1"}, "67")  # $55 counted
    text = report_text(z)
    assert "Rapport Z" in text and "10 USD short, counted twice" in text
    assert "USD\n50,00 $US\n67,00 $US\n55,00 $US\n-12,00 $US" in text
    print_and_close(z, qtbot)
    qtbot.waitUntil(lambda: window.status_day.text().startswith(words["closed"]), timeout=WAIT)
    assert len(list(printed.iterdir())) == 2  # the receipt and the Z
    assert Sale.select().count() == 1 and verify().ok
