"""The counter GUI driven like a person would: real widgets offscreen, a real SQLite demo shop."""

from __future__ import annotations

import io
import time

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from konnect_pos.services import demo
from konnect_pos.services.clock import system_clock
from konnect_pos.store.schema import open_database
from konnect_pos.ui.app import App
from konnect_pos.ui.i18n import set_language
from konnect_pos.ui.login_window import LoginWindow
from konnect_pos.ui.settings import LocalSettings

WAIT = 10_000


def open_demo_shop(url: str):
    database = open_database(url)
    demo.seed(system_clock, customers=60)  # the app runs on the real clock: today's day is open
    return database


@pytest.fixture
def shop(sqlite_url):
    database = open_demo_shop(sqlite_url)
    yield database
    database.close()


@pytest.fixture
def gui(shop, qtbot, tmp_path):
    set_language("en")
    app = App("KIN01-T1", LocalSettings(tmp_path / "counter.ini"))
    qtbot.addWidget(app.login)
    app.login.show()
    qtbot.waitUntil(lambda: app.login.user.count() == 3, timeout=WAIT)
    yield app
    if app.counter_window is not None:
        app.counter_window.close()
    app.worker.wait()
    set_language("en")


def sign_in(app, qtbot, username="cashier", pin="1111"):
    login = app.login
    login.user.setCurrentIndex(login.user.findData(username))
    login.pin.clear()
    qtbot.keyClicks(login.pin, pin)
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.counter_window is not None, timeout=WAIT)
    window = app.counter_window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(window.catalog_buttons) == 5, timeout=WAIT)
    return window


def find_customer(window, qtbot, query="CD00000001"):
    window.search.setFocus()
    qtbot.keyClicks(window.search, query)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.panel.account.text() == "CD00000001", timeout=WAIT)


def press_pay(window, qtbot):
    """F9 as a person presses it: the payment dialog opens once the service says the day sells."""
    window.activateWindow()  # back in the counter after a dialog (offscreen Qt does not re-activate it)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(
        lambda: window.payment_dialog is not None and window.payment_dialog.isVisible(), timeout=WAIT
    )
    return window.payment_dialog


class KeyCounter:
    def __init__(self, qtbot):
        self.qtbot, self.count = qtbot, 0

    def press(self, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
        self.count += 1
        self.qtbot.keyClick(widget, key, modifier)


def test_keyboard_only_sale_with_two_triggers_and_mobile_money(gui, qtbot):
    window = sign_in(gui, qtbot)
    find_customer(window, qtbot)
    keys = KeyCounter(qtbot)
    keys.press(window.cart, Qt.Key.Key_2)  # Konnect Lite 15 Go
    keys.press(window.cart, Qt.Key.Key_3)  # Konnect Standard 40 Go, queued at the end of the period
    qtbot.waitUntil(lambda: window.cart.rowCount() == 2 and window.preview is not None, timeout=WAIT)
    keys.press(window.cart, Qt.Key.Key_Space)  # the selected (second) bundle: when the data runs out
    qtbot.waitUntil(lambda: window.cart.activation_text(1) == "When the data runs out", timeout=WAIT)
    qtbot.waitUntil(lambda: window.total_label.text() == "Total: $46.00", timeout=WAIT)
    assert window.cart.activation_text(0) == "Now"
    keys.press(window, Qt.Key.Key_F9)
    qtbot.waitUntil(
        lambda: window.payment_dialog is not None and window.payment_dialog.isVisible(), timeout=WAIT
    )
    dialog = window.payment_dialog
    assert dialog.remaining_label.text() == "To pay: $46.00"
    keys.press(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # mobile money tab
    assert dialog.merchant.text() == "880011"
    qtbot.keyClicks(dialog.reference, "qk7ab12cd3")  # typed from the customer's SMS (data, not commands)
    keys.press(dialog.reference, Qt.Key.Key_Return)  # add the payment: fully paid
    assert dialog.remaining_label.text() == "Fully paid" and dialog.confirm_button.isEnabled()
    keys.press(dialog.reference, Qt.Key.Key_Return)  # confirm
    qtbot.waitUntil(
        lambda: window.receipt_dialog is not None and window.receipt_dialog.isVisible(), timeout=WAIT
    )
    receipt = window.receipt_dialog
    assert receipt.windowTitle() == "Receipt KIN01-T1-000001"
    qtbot.waitUntil(lambda: receipt.page_count() == 1, timeout=WAIT)
    printed = []
    receipt.ask_printer = lambda printer: printed.append(printer) or False  # the person cancels the dialog
    keys.press(receipt, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(printed) == 1
    assert keys.count <= 12
    text = PdfReader(io.BytesIO(receipt.pdf)).pages[0].extract_text()
    assert "QK7AB12CD3" in text and "KIN01-T1-000001" in text
    qtbot.waitUntil(lambda: window.panel.purchases.count() == 1, timeout=WAIT)
    assert window.cart.rowCount() == 0


def test_split_cash_and_mpesa_then_reprint_a_copy(gui, qtbot, tmp_path):
    window = sign_in(gui, qtbot)
    find_customer(window, qtbot)
    qtbot.keyClick(window.cart, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: window.preview is not None and window.cart.rowCount() == 1, timeout=WAIT)
    dialog = press_pay(window, qtbot)
    dialog.tabs.setCurrentWidget(dialog.mobile_page)
    dialog.reference.setText("AB12CD34EF")
    dialog.mobile_amount.setText("10")
    dialog.add_mobile_payment()
    assert dialog.remaining_label.text() == "To pay: $7.00" and not dialog.confirm_button.isEnabled()
    dialog.tabs.setCurrentWidget(dialog.cash_page)
    dialog.tendered.setText("10")
    assert dialog.change_label.text() == "Change due: $3.00"
    dialog.add_cash_payment()
    assert dialog.paid_list.count() == 2 and dialog.confirm_button.isEnabled()
    dialog.confirm()
    qtbot.waitUntil(lambda: window.receipt_dialog is not None, timeout=WAIT)
    first = window.receipt_dialog
    saved = tmp_path / "receipt.pdf"
    first.ask_save_path = lambda: str(saved)
    assert first.save_pdf() and saved.read_bytes().startswith(b"%PDF")
    first.accept()
    qtbot.waitUntil(lambda: window.panel.reprint_button.isEnabled(), timeout=WAIT)
    qtbot.mouseClick(window.panel.reprint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.receipt_dialog is not first and window.receipt_dialog is not None, timeout=WAIT
    )
    text = PdfReader(io.BytesIO(window.receipt_dialog.pdf)).pages[0].extract_text()
    assert "DUPLICATA" in text  # Kinshasa prints in French by default


def test_a_reused_reference_is_shown_next_to_the_field(gui, qtbot):
    window = sign_in(gui, qtbot)
    for account in ("CD00000001", "CD00000005"):
        window.pick(account)
        qtbot.waitUntil(lambda a=account: window.panel.account.text() == a, timeout=WAIT)
        window.add_nth(0)
        qtbot.waitUntil(lambda: window.preview is not None and window.cart.rowCount() == 1, timeout=WAIT)
        dialog = press_pay(window, qtbot)
        dialog.tabs.setCurrentWidget(dialog.mobile_page)
        dialog.reference.setText("QK7AB12CD3")
        dialog.add_mobile_payment()
        dialog.confirm()
        if account == "CD00000001":
            qtbot.waitUntil(lambda: window.receipt_dialog is not None, timeout=WAIT)
            window.receipt_dialog.accept()
            window.receipt_dialog = None
    qtbot.waitUntil(lambda: "already used" in dialog.mobile_error.text(), timeout=WAIT)
    assert dialog.isVisible() and window.receipt_dialog is None
    assert dialog.remaining_label.text() == "To pay: $6.00"


def test_malformed_reference_is_flagged_as_typed(gui, qtbot):
    window = sign_in(gui, qtbot)
    find_customer(window, qtbot)
    window.add_nth(0)
    qtbot.waitUntil(lambda: window.preview is not None, timeout=WAIT)
    dialog = press_pay(window, qtbot)
    dialog.tabs.setCurrentWidget(dialog.mobile_page)
    qtbot.keyClicks(dialog.reference, "QK7")
    assert "not a valid M-Pesa reference" in dialog.mobile_error.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and window.cart.rowCount() == 1


def test_five_wrong_pins_lock_the_user_even_after_a_restart(gui, qtbot):
    login = gui.login
    login.user.setCurrentIndex(login.user.findData("cashier"))
    for attempt in range(5):
        login.pin.setText("0000")
        login.submit()
        qtbot.waitUntil(lambda: login.sign_in_button.isEnabled() and login.error.text() != "", timeout=WAIT)
        if attempt < 4:
            assert "Wrong PIN" in login.error.text()
    assert "locked" in login.error.text()
    restarted = LoginWindow(gui.worker, "KIN01-T1", login.clock)
    qtbot.addWidget(restarted)
    qtbot.waitUntil(lambda: restarted.user.count() == 3, timeout=WAIT)
    restarted.user.setCurrentIndex(restarted.user.findData("cashier"))
    restarted.pin.setText("1111")
    restarted.submit()
    qtbot.waitUntil(lambda: "locked" in restarted.error.text(), timeout=WAIT)


def test_idle_lock_returns_to_the_same_cart(gui, qtbot):
    window = sign_in(gui, qtbot)
    find_customer(window, qtbot)
    window.add_nth(1)
    qtbot.waitUntil(lambda: window.cart.rowCount() == 1, timeout=WAIT)
    window.idle_timer.setInterval(50)
    window.idle_timer.start()
    qtbot.waitUntil(window.is_locked, timeout=WAIT)
    screen = window.lock_screen
    assert screen.title.text() == "Locked"
    qtbot.waitUntil(lambda: screen.user.count() == 3, timeout=WAIT)
    window.idle_timer.setInterval(60_000)
    for key in "1111":
        screen.press(key)
    screen.submit()
    qtbot.waitUntil(lambda: not window.is_locked(), timeout=WAIT)
    assert window.cart.rowCount() == 1 and window.panel.account.text() == "CD00000001"


def test_typing_in_any_window_keeps_the_session_open_and_stopping_locks_it(gui, qtbot):
    """Keys reach the idle watcher the way the platform delivers them: to the top-level window
    (its QWindow), the counter's or a dialog's, whichever has the focus."""
    window = sign_in(gui, qtbot)
    find_customer(window, qtbot)
    qtbot.keyClick(window.cart, Qt.Key.Key_1)  # the digit adds the first bundle
    qtbot.waitUntil(lambda: window.cart.rowCount() == 1, timeout=WAIT)

    def type_for(seconds: float, target) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QTest.keyClick(target.windowHandle(), Qt.Key.Key_Shift)
            qtbot.wait(100)

    window.idle_timer.setInterval(400)
    window.idle_timer.start()
    type_for(1.2, window)
    assert not window.is_locked()
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_F9)
    qtbot.waitUntil(
        lambda: window.payment_dialog is not None and window.payment_dialog.isVisible(), timeout=WAIT
    )
    type_for(1.2, window.payment_dialog)  # the dialog is a window of its own
    assert not window.is_locked()
    qtbot.waitUntil(window.is_locked, timeout=WAIT)  # no more keys: the idle lock comes
    window.idle_timer.setInterval(60_000)


def test_signed_in_before_the_counter_has_loaded_the_login_says_so_then_the_counter_opens(
    gui, qtbot, monkeypatch
):
    """A quick typist's Enter can beat the preloading (~1 s of imports and Qt's enums): no freeze,
    the login says the counter is opening, and it opens once everything is in."""
    from konnect_pos.ui.preload import QtModuleLoader

    # Held back from its first turn, as if this machine were slow to load it: in a test process
    # that has shown a counter before, everything is in and the loader would finish at once.
    start = QtModuleLoader.start
    monkeypatch.setattr(QtModuleLoader, "start", lambda loader: None)
    login = gui.login
    login.user.setCurrentIndex(login.user.findData("cashier"))
    qtbot.keyClicks(login.pin, "1")  # the first key starts the preloading
    qtbot.waitUntil(lambda: gui.preloader is not None, timeout=WAIT)
    qtbot.keyClicks(login.pin, "111")
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: login.hint.isVisible(), timeout=WAIT)
    assert login.hint.text() == "Opening the counter…" and not login.sign_in_button.isEnabled()
    assert gui.counter_window is None and login.isVisible()
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)  # Enter again while it opens: no second sign-in
    assert not login.pin.isEnabled()
    start(gui.preloader)
    qtbot.waitUntil(lambda: gui.counter_window is not None and gui.counter_window.isVisible(), timeout=WAIT)
    qtbot.addWidget(gui.counter_window)
    assert gui.preloader.done and not login.isVisible()
    assert not login.hint.isVisible() and login.sign_in_button.isEnabled()  # ready for the next sign-in
    assert login.pin.isEnabled() and login.pin.text() == ""


def test_new_customer_with_live_validation(gui, qtbot):
    window = sign_in(gui, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    qtbot.waitUntil(
        lambda: window.customer_dialog is not None and window.customer_dialog.isVisible(), timeout=WAIT
    )
    dialog = window.customer_dialog
    qtbot.keyClicks(dialog.phone, "0754123456")
    assert "not a valid phone number" in dialog.errors["phone"].text()
    dialog.phone.clear()
    dialog.name.setText("Zoé Mbala")  # QTest cannot type non-ASCII keys; a person can
    qtbot.keyClicks(dialog.phone, "0991234567")
    qtbot.keyClicks(dialog.account, "CD-NEW-7")
    assert dialog.validate()
    dialog.save()
    qtbot.waitUntil(lambda: window.panel.account.text() == "CD-NEW-7", timeout=WAIT)
    assert window.panel.name.text() == "Zoé Mbala"


def test_search_debounces_and_scanner_enter_picks_the_kit(gui, qtbot, monkeypatch):
    from konnect_pos.services import customers

    searched: list[str] = []  # the real search, with each query it was asked noted
    real_search = customers.search_customers
    monkeypatch.setattr(
        customers, "search_customers", lambda query, **kw: searched.append(query) or real_search(query, **kw)
    )
    window = sign_in(gui, qtbot)
    qtbot.keyClicks(window.search, "KITCD000000005")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)  # the scanner's Enter, before the debounce fires
    qtbot.waitUntil(lambda: window.panel.account.text() == "CD00000005", timeout=WAIT)
    window.search.clear()
    qtbot.keyClicks(window.search, "CD0000000")  # typed key by key: one search once typing pauses
    qtbot.waitUntil(lambda: searched[-1] == "CD0000000" and window.results.count() > 1, timeout=WAIT)
    assert all("CD0000000" in window.results.item(row).text() for row in range(window.results.count()))
    assert "CD0" not in searched and "CD00000" not in searched  # one search once typing paused
    for _ in range(7):
        qtbot.keyClick(window.search, Qt.Key.Key_Backspace)  # "CD": too short to search
    qtbot.waitUntil(lambda: window.results.count() == 0, timeout=WAIT)
    assert window.search.text() == "CD" and window.search_error.text() == ""


@pytest.mark.parametrize(
    ("lang", "pay", "title"),
    [("fr", "Payer (F9)", "Rechercher un client (F2)"), ("sw", "Lipa (F9)", "Tafuta mteja (F2)")],
)
def test_switching_language_relabels_without_restart(gui, qtbot, lang, pay, title):
    window = sign_in(gui, qtbot)
    assert window.pay_button.text() == "Pay (F9)"
    set_language(lang)
    qtbot.waitUntil(lambda: window.pay_button.text() == pay, timeout=WAIT)
    assert window.search_box.title() == title
    window.search.setText("k")
    window.run_search()
    set_language("en")
    qtbot.waitUntil(lambda: window.pay_button.text() == "Pay (F9)", timeout=WAIT)


def test_admin_edits_merchant_numbers_a_cashier_cannot(gui, qtbot):
    window = sign_in(gui, qtbot, "admin", "999999")
    gui.open_settings(window)
    dialog = window.settings_dialog
    assert dialog.outlet_box.isEnabled()
    dialog.merchant_fields["mpesa"].setText("12")
    dialog.save()
    qtbot.waitUntil(lambda: "4 to 15 letters or digits" in dialog.error.text(), timeout=WAIT)
    dialog.merchant_fields["mpesa"].setText("889900")
    dialog.save()
    qtbot.waitUntil(lambda: window.outlet.merchant_numbers.get("mpesa") == "889900", timeout=WAIT)
    find_customer(window, qtbot)
    window.add_nth(0)
    qtbot.waitUntil(lambda: window.preview is not None, timeout=WAIT)
    press_pay(window, qtbot)
    window.payment_dialog.tabs.setCurrentWidget(window.payment_dialog.mobile_page)
    assert window.payment_dialog.merchant.text() == "889900"


def test_a_cashier_sees_the_outlet_settings_locked(gui, qtbot):
    window = sign_in(gui, qtbot)
    gui.open_settings(window)
    assert not window.settings_dialog.outlet_box.isEnabled()
    from konnect_pos.domain.errors import PermissionDenied
    from konnect_pos.services.outlet_settings import update_outlet

    with pytest.raises(PermissionDenied):
        update_outlet(window.counter, name="X", address="", accepts_card=True, merchant_numbers={})


def test_cashier_voids_with_manager_pin_and_manager_previews_the_x_report(gui, qtbot):
    window = sign_in(gui, qtbot)
    find_customer(window, qtbot)
    window.add_nth(1)
    qtbot.waitUntil(lambda: window.preview is not None, timeout=WAIT)
    press_pay(window, qtbot)
    window.payment_dialog.tendered.setText("20")
    window.payment_dialog.add_cash_payment()
    window.payment_dialog.confirm()
    qtbot.waitUntil(lambda: window.receipt_dialog is not None, timeout=WAIT)
    window.receipt_dialog.accept()
    qtbot.waitUntil(lambda: window.panel.correct_button.isEnabled(), timeout=WAIT)
    qtbot.mouseClick(window.panel.correct_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.correction_dialog is not None, timeout=WAIT)
    dialog = window.correction_dialog
    dialog.reason.setText("wrong bundle")
    qtbot.waitUntil(lambda: dialog.approval.approver.count() == 2, timeout=WAIT)  # manager, admin
    dialog.approval.approver.setCurrentIndex(dialog.approval.approver.findText("Joseph Manager"))
    dialog.approval.pin.setText("222222")
    dialog.submit()
    qtbot.waitUntil(lambda: "confirm that it is removed" in dialog.error.text(), timeout=WAIT)
    dialog.remove_active.setChecked(True)
    dialog.submit()
    qtbot.waitUntil(lambda: window.panel.status.text().startswith("Dormant"), timeout=WAIT)
    qtbot.waitUntil(lambda: window.panel.purchases.count() == 1, timeout=WAIT)


def test_manager_previews_the_x_report_with_ctrl_r(gui, qtbot):
    window = sign_in(gui, qtbot, "manager", "222222")
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.report_dialog is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: window.report_dialog.page_count() >= 1, timeout=WAIT)
    text = PdfReader(io.BytesIO(window.report_dialog.pdf)).pages[0].extract_text()
    assert "Rapport X" in text and "Daily sales summary" in window.report_dialog.windowTitle()  # Kinshasa: fr


def test_manager_reads_the_audit_trail_and_admin_manages_users(gui, qtbot):
    window = sign_in(gui, qtbot, "admin", "999999")
    window.open_users()
    dialog = window.users_dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=WAIT)
    dialog.username.setText("amina")
    dialog.full_name.setText("Amina Juma")
    dialog.role.setCurrentIndex(dialog.role.findData("cashier"))
    dialog.pin.setText("12")
    dialog.request("add")
    qtbot.waitUntil(lambda: "4 to 8 digits" in dialog.error.text(), timeout=WAIT)
    dialog.pin.setText("4321")
    dialog.request("add")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4, timeout=WAIT)
    dialog.request("deactivate")
    qtbot.waitUntil(
        lambda: any(dialog.table.item(r, 3).text() == "deactivated" for r in range(4)), timeout=WAIT
    )
    window.open_audit()
    audit = window.audit_dialog
    qtbot.waitUntil(lambda: audit.table.rowCount() >= 3, timeout=WAIT)
    assert audit.table.item(0, 2).text() == "user_deactivated" and audit.table.item(0, 3).text() == "admin"
    audit.kind.setCurrentIndex(audit.kind.findData("day"))
    audit.apply()
    qtbot.waitUntil(
        lambda: audit.table.rowCount() >= 1 and audit.table.item(0, 2).text() == "day_open", timeout=WAIT
    )


def test_a_manager_only_unlocks_users(gui, qtbot):
    window = sign_in(gui, qtbot, "manager", "222222")
    window.open_users()
    dialog = window.users_dialog
    assert not dialog.buttons["add"].isEnabled() and dialog.buttons["unlock"].isEnabled()


def test_manager_records_a_bank_drop_that_the_close_expects(gui, qtbot):
    window = sign_in(gui, qtbot, "manager", "222222")
    window.open_cash_movement()
    dialog = window.cash_dialog
    dialog.amount.setText("30")
    dialog.reason.setText("")
    dialog.submit()
    qtbot.waitUntil(lambda: "Give a reason" in dialog.error.text(), timeout=WAIT)
    dialog.reason.setText("bank drop")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    window.open_day_dialog()
    qtbot.waitUntil(lambda: window.day_dialog is not None, timeout=WAIT)
    assert window.day_dialog.summaries["USD"].text().startswith("Expected $20.00")


def test_the_login_offers_whoever_signed_in_last(gui, qtbot, tmp_path):
    sign_in(gui, qtbot, "manager", "222222")
    again = App("KIN01-T1", gui.settings)
    qtbot.addWidget(again.login)
    qtbot.waitUntil(lambda: again.login.user.count() == 3, timeout=WAIT)
    assert again.login.username() == "manager"
    again.worker.wait()
