"""A manager's approval and the counter's lock, driven like a person: keys to the focused widget,
clicks on visible buttons, then what the screen shows (and, for the void, what the database holds).

The sale to correct is made through the checkout service before the GUI starts: selling is not
what these tests are about.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QApplication, QMessageBox

from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender
from konnect_pos.domain.roles import Right
from konnect_pos.services import checkout, demo, exchange_rates, session, users
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.clock import system_clock
from konnect_pos.store.models import CashMovement, JournalEntry, Refund, SaleVoid, User
from konnect_pos.store.schema import open_database
from konnect_pos.ui.app import App
from konnect_pos.ui.i18n import money_text, set_language
from konnect_pos.ui.settings import LocalSettings

WAIT = 10_000
CUSTOMER = "CD00000001"
RECEIPT = "KIN01-T1-000001"


@pytest.fixture
def shop(sqlite_url):
    database = open_database(sqlite_url)
    demo.seed(system_clock, customers=20)  # the app runs on the real clock: today's day is open
    yield database
    database.close()


@pytest.fixture
def gui(shop, qtbot, tmp_path):
    set_language("en")
    app = App("KIN01-T1", LocalSettings(tmp_path / "counter.ini"))
    qtbot.addWidget(app.login)
    app.login.show()
    app.login.activateWindow()
    yield app
    if app.counter_window is not None:
        app.counter_window.close()
    app.worker.wait()


@pytest.fixture
def sold(shop):
    """One cash sale of $6.00 by the cashier, today."""
    counter = session.sign_in("KIN01-T1", "cashier", "1111", system_clock)
    checkout.sell(counter, CUSTOMER, [CartItem("CD-WEEK5")], [CashTender(Money(Decimal("6"), "USD"))])


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def type_into_focus(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def sign_in_by_keys(screen, qtbot, name: str, pin: str) -> None:
    """On the sign-in or lock screen: back to the user field, type the display name, Tab, PIN, Enter."""
    qtbot.waitUntil(lambda: screen.user.count() == 3, timeout=WAIT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.pin, timeout=WAIT)
    press(qtbot, Qt.Key.Key_Backtab)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_into_focus(qtbot, name)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is screen.pin
    type_into_focus(qtbot, pin)
    press(qtbot, Qt.Key.Key_Return)


def open_counter(app, qtbot, name: str, pin: str):
    sign_in_by_keys(app.login, qtbot, name, pin)
    qtbot.waitUntil(lambda: app.counter_window is not None, timeout=WAIT)
    window = app.counter_window
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: len(window.catalog_buttons) == 5, timeout=WAIT)
    return window


def find_customer(window, qtbot) -> None:
    press(qtbot, Qt.Key.Key_F2)
    type_into_focus(qtbot, CUSTOMER)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.panel.account.text() == CUSTOMER, timeout=WAIT)


def visible_message_box():
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    return boxes[0] if boxes else None


def message_box_in_front(qtbot) -> QMessageBox:
    """The message box, once it has the keyboard (a person reads it, then presses Enter)."""
    qtbot.waitUntil(lambda: visible_message_box() is not None, timeout=WAIT)
    box = visible_message_box()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box, timeout=WAIT)
    return box


def open_void_dialog(window, qtbot):
    qtbot.waitUntil(lambda: window.panel.correct_button.isEnabled(), timeout=WAIT)
    qtbot.mouseClick(window.panel.correct_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.correction_dialog is not None and window.correction_dialog.isVisible(), timeout=WAIT
    )
    dialog = window.correction_dialog
    qtbot.waitUntil(lambda: dialog.approval.approver.count() == 2, timeout=WAIT)  # Grace, Joseph
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.reason, timeout=WAIT)
    type_into_focus(qtbot, "wrong bundle")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.remove_active  # the refund's fields are hidden and skipped
    press(qtbot, Qt.Key.Key_Space)  # the bundle is already running: remove it too
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.approval.approver
    type_into_focus(qtbot, "J")  # the manager chosen by the name on the screen
    assert dialog.approval.approver.currentText() == "Joseph Manager"
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.approval.pin
    return dialog


def test_a_void_approved_by_a_manager_chosen_by_name_says_what_was_reversed(gui, sold, qtbot):
    window = open_counter(gui, qtbot, "Neema Cashier", "1111")
    find_customer(window, qtbot)
    dialog = open_void_dialog(window, qtbot)
    assert dialog.approval.isVisible() and dialog.approval.approver.itemText(0) == "Grace Admin"
    type_into_focus(qtbot, "222222")
    press(qtbot, Qt.Key.Key_Return)  # Enter in the PIN confirms (it used to press Cancel)
    qtbot.waitUntil(lambda: dialog.result_label.text() != "", timeout=WAIT)
    assert dialog.result_label.text() == (
        f"Sale {RECEIPT} is voided. Give back $6.00 (cash). Removed from the account: Konnect Semaine 5 Go."
    )
    assert dialog.isVisible() and dialog.error.text() == "" and dialog.action.text() == "Close"
    void = SaleVoid.get()
    assert void.sale.receipt_number == RECEIPT and void.reason == "wrong bundle"
    assert void.approved_by.username == "manager" and void.user.username == "cashier"
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: window.panel.status.text().startswith("Dormant"), timeout=WAIT)
    again = open_void_dialog(window, qtbot)  # a second void of the same sale is refused, in the dialog
    type_into_focus(qtbot, "222222")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: again.error.text() != "", timeout=WAIT)
    assert again.error.text() == f"Sale {RECEIPT} is already voided"
    assert again.isVisible() and again.result_label.text() == "" and SaleVoid.select().count() == 1


def test_a_wrong_pin_is_said_in_the_dialog_which_stays_open_and_voids_nothing(gui, sold, qtbot):
    window = open_counter(gui, qtbot, "Neema Cashier", "1111")
    find_customer(window, qtbot)
    dialog = open_void_dialog(window, qtbot)
    type_into_focus(qtbot, "999999")  # the administrator's PIN, not the chosen manager's
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=WAIT)
    assert dialog.error.text() == "Wrong PIN (4 tries left before the user is locked)"
    assert dialog.isVisible() and dialog.result_label.text() == ""
    assert focused() is dialog.approval.pin and dialog.approval.pin.text() == ""
    assert SaleVoid.select().count() == 0
    assert User.get(User.username == "manager").failed_pins == 1
    type_into_focus(qtbot, "222222")  # the manager tries again: the same dialog, now accepted
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "is voided" in dialog.result_label.text(), timeout=WAIT)
    assert SaleVoid.select().count() == 1


def test_a_manager_unlocking_a_cashiers_counter_gets_the_managers_menu_and_a_clear_screen(gui, qtbot):
    window = open_counter(gui, qtbot, "Neema Cashier", "1111")
    assert not window.managers_menu.menuAction().isVisible()
    find_customer(window, qtbot)
    press(qtbot, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: window.cart.rowCount() == 1, timeout=WAIT)
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.is_locked, timeout=WAIT)
    screen = window.lock_screen
    assert screen.isVisible() and screen.title.text() == "Locked"
    qtbot.waitUntil(lambda: "Locked by Neema Cashier" in screen.hint.text(), timeout=WAIT)
    sign_in_by_keys(screen, qtbot, "Joseph Manager", "222222")
    qtbot.waitUntil(lambda: not window.is_locked(), timeout=WAIT)
    menu = window.managers_menu.menuAction()
    assert menu.isVisible() and menu.isEnabled() and window.menuBar().isEnabled()
    assert window.status_agent.text() == "Agent: Joseph Manager"
    assert window.panel.account.text() == "" and window.panel.name.text().startswith("No customer")
    assert window.cart.rowCount() == 0 and window.search.text() == ""
    qtbot.waitUntil(lambda: window.total_label.text() == "Total: —", timeout=WAIT)
    assert focused() is window.search
    keys = [s.key().toString() for s in window.findChildren(QShortcut)]
    keys += [a.shortcut().toString() for a in window.actions() if not a.shortcut().isEmpty()]
    assert sorted(keys) == sorted(set(keys))  # an ambiguous shortcut would silently do nothing
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # now his own rights: the X report
    qtbot.waitUntil(lambda: window.report_dialog is not None, timeout=WAIT)
    assert window.report_dialog.isVisible()
    assert visible_message_box() is None


def test_a_cashier_unlocking_a_managers_counter_loses_the_menu_and_is_told_why(gui, qtbot):
    window = open_counter(gui, qtbot, "Joseph Manager", "222222")
    assert window.managers_menu.menuAction().isVisible()
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.is_locked, timeout=WAIT)
    press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # nothing behind the lock answers
    assert getattr(window, "corporate_window", None) is None and visible_message_box() is None
    sign_in_by_keys(window.lock_screen, qtbot, "Neema Cashier", "1111")
    qtbot.waitUntil(lambda: not window.is_locked(), timeout=WAIT)
    assert not window.managers_menu.menuAction().isVisible()
    assert window.status_agent.text() == "Agent: Neema Cashier"
    press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    box = message_box_in_front(qtbot)
    assert box.text() == "Only a manager can manage corporate accounts."
    assert getattr(window, "corporate_window", None) is None
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: visible_message_box() is None, timeout=WAIT)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)  # back to the counter
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert message_box_in_front(qtbot).text() == "Only a manager can see reports."
    assert window.report_dialog is None
    for key, refusal in (
        (Qt.Key.Key_U, "Only a manager can unlock a user."),
        (Qt.Key.Key_K, "Only a manager can review the conflicts found by headquarters."),
    ):
        press(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
        press(qtbot, key, Qt.KeyboardModifier.ControlModifier)
        assert message_box_in_front(qtbot).text() == refusal
    assert window.users_dialog is None


def test_the_same_user_unlocking_resumes_the_cart(gui, qtbot):
    window = open_counter(gui, qtbot, "Neema Cashier", "1111")
    find_customer(window, qtbot)
    press(qtbot, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: window.cart.rowCount() == 1 and window.preview is not None, timeout=WAIT)
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.is_locked, timeout=WAIT)
    screen = window.lock_screen
    qtbot.waitUntil(lambda: screen.user.count() == 3, timeout=WAIT)
    assert screen.user.currentText() == "Neema Cashier (cashier)"  # the locked user is preselected
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.pin, timeout=WAIT)
    type_into_focus(qtbot, "1111")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked(), timeout=WAIT)
    assert window.panel.account.text() == CUSTOMER and window.cart.rowCount() == 1
    assert window.total_label.text() != "Total: —"
    assert focused() is window.cart


def refund_dialog(window, qtbot):
    """The correction dialog opened by its button, its action turned to Refund by keys."""
    qtbot.waitUntil(lambda: window.panel.correct_button.isEnabled(), timeout=WAIT)
    qtbot.mouseClick(window.panel.correct_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.correction_dialog is not None, timeout=WAIT)
    dialog = window.correction_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.reason, timeout=WAIT)
    press(qtbot, Qt.Key.Key_Backtab)
    press(qtbot, Qt.Key.Key_Down)  # Action: Refund
    return dialog


def test_a_refund_too_large_is_refused_in_the_dialog_then_a_smaller_one_says_what_went_back(gui, sold, qtbot):
    window = open_counter(gui, qtbot, "Neema Cashier", "1111")
    find_customer(window, qtbot)
    dialog = refund_dialog(window, qtbot)
    assert dialog.kind.currentText() == "Refund" and dialog.amount.isVisible()
    press(qtbot, Qt.Key.Key_Tab)
    type_into_focus(qtbot, "customer unhappy")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.amount
    type_into_focus(qtbot, "10")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)  # past "Refund to": the original payment (cash)
    qtbot.waitUntil(lambda: dialog.approval.approver.count() == 2, timeout=WAIT)  # the names are shown
    type_into_focus(qtbot, "J")
    assert dialog.approval.approver.currentText() == "Joseph Manager"
    press(qtbot, Qt.Key.Key_Tab)
    type_into_focus(qtbot, "222222")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=WAIT)
    assert dialog.error.text().startswith("At most") and dialog.isVisible()
    assert focused() is dialog.amount and Refund.select().count() == 0
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_into_focus(qtbot, "2")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result_label.text() != "", timeout=WAIT)
    assert dialog.result_label.text() == (
        f"$2.00 refunded on sale {RECEIPT}, to cash. Still refundable: $4.00."
    )
    refund = Refund.get()
    assert refund.amount_minor == 200 and refund.method == "cash"
    assert refund.approved_by.username == "manager"


def test_approvers_are_the_active_users_who_hold_the_right(shop):
    assert users.list_approvers(Right.VOID, Right.REFUND) == [
        ("admin", "Grace Admin"),
        ("manager", "Joseph Manager"),
    ]
    assert users.list_approvers(Right.MANAGE_USERS) == [("admin", "Grace Admin")]
    admin = session.sign_in("KIN01-T1", "admin", "999999", system_clock)
    users.deactivate_user(admin, "manager")
    assert users.list_approvers(Right.VOID) == [("admin", "Grace Admin")]


def test_a_cashier_records_cash_out_with_the_same_approval(gui, qtbot):
    window = open_counter(gui, qtbot, "Neema Cashier", "1111")
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.cash_dialog is not None and window.cash_dialog.isVisible(), timeout=WAIT)
    dialog = window.cash_dialog
    qtbot.waitUntil(lambda: dialog.approval.approver.count() == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.amount, timeout=WAIT)
    type_into_focus(qtbot, "5")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)  # past the currency (USD)
    type_into_focus(qtbot, "bank drop")
    press(qtbot, Qt.Key.Key_Tab)
    type_into_focus(qtbot, "J")
    assert dialog.approval.approver.currentText() == "Joseph Manager"
    press(qtbot, Qt.Key.Key_Tab)
    type_into_focus(qtbot, "1111")  # the cashier's own PIN is not the manager's
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=WAIT)
    assert dialog.error.text().startswith("Wrong PIN") and dialog.isVisible()
    assert CashMovement.select().count() == 0 and focused() is dialog.approval.pin
    type_into_focus(qtbot, "222222")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    movement = CashMovement.get()
    assert movement.amount_minor == 500 and movement.direction == "out"
    entry = JournalEntry.get(JournalEntry.record_uuid == movement.uuid)
    assert json.loads(entry.payload)["approved_by"] == "manager"


def test_two_approvers_of_one_name_are_told_apart(qtbot):
    from konnect_pos.ui.approval_widget import ApprovalWidget
    from konnect_pos.ui.worker import DbWorker

    worker = DbWorker()
    widget = ApprovalWidget(worker, (Right.VOID,), needed=False)  # needed=False: nothing is loaded
    qtbot.addWidget(widget)
    widget.show_approvers([("jm", "Joseph Manager"), ("jm2", "Joseph Manager"), ("ga", "Grace Admin")])
    assert [widget.approver.itemText(i) for i in range(3)] == [
        "Joseph Manager (jm)",
        "Joseph Manager (jm2)",
        "Grace Admin",
    ]
    widget.show_approvers([])
    assert widget.approver.count() == 0 and widget.hint.text() == "Nobody at this terminal can approve this."


def test_a_cash_refund_of_a_sale_paid_in_francs_says_to_hand_back_francs(gui, shop, qtbot):
    """Refunded by keys in cash: the result says which notes to count out, at the sale's rate."""
    counter = session.sign_in("KIN01-T1", "cashier", "1111", system_clock)
    rate = exchange_rates.current_rate(counter).per_base
    checkout.sell(counter, CUSTOMER, [CartItem("CD-WEEK5")], [CashTender(Money(Decimal("20000"), "CDF"))])
    window = open_counter(gui, qtbot, "Neema Cashier", "1111")
    find_customer(window, qtbot)
    dialog = refund_dialog(window, qtbot)
    press(qtbot, Qt.Key.Key_Tab)
    type_into_focus(qtbot, "customer unhappy")
    press(qtbot, Qt.Key.Key_Tab)
    type_into_focus(qtbot, "6")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)  # past "Refund to": the original payment (cash)
    qtbot.waitUntil(lambda: dialog.approval.approver.count() == 2, timeout=WAIT)
    type_into_focus(qtbot, "J")
    press(qtbot, Qt.Key.Key_Tab)
    type_into_focus(qtbot, "222222")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result_label.text() != "", timeout=WAIT)
    francs = Money(Decimal(6 * rate), "CDF")  # 6 USD at the sale's rate (the demo's: a multiple of 50 FC)
    assert dialog.result_label.text() == (
        f"$6.00 refunded on sale {RECEIPT}, to cash. Still refundable: $0.00."
        f" Hand back in cash: {money_text(francs)}."
    )
    refund = Refund.get()
    assert (refund.amount_minor, refund.cash_currency, refund.cash_minor) == (600, "CDF", francs.to_minor())
