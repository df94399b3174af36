"""The counter at a distributor (issue 19) driven like a person: the status bar shows the float left
as pulled from a real HQ, a sale consumes it, and a sale past it is refused on screen with what is left."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from konnect_pos.hq import admin as hq_admin
from konnect_pos.hq import commissions as hq_commissions
from konnect_pos.hq import distributor_float as hq_float
from konnect_pos.services import demo
from konnect_pos.services.clock import system_clock
from konnect_pos.services.sync import client, reference
from konnect_pos.store.limit_models import FloatReturn, FloatUse, OfflineOverride
from konnect_pos.store.models import Sale
from konnect_pos.store.schema import open_database
from konnect_pos.ui.app import App
from konnect_pos.ui.i18n import set_language
from konnect_pos.ui.settings import LocalSettings
from tests.sync_support import HQ, private_credentials

WAIT = 10_000
LUB = "LUB01-T1"


@pytest.fixture
def distributor(sqlite_url, pg_server, monkeypatch, tmp_path):
    private_credentials(monkeypatch, tmp_path)
    hq = HQ(pg_server)
    database = open_database(sqlite_url)
    demo.seed(system_clock, customers=20, only_country="CD")  # the app runs on the real clock
    reference.load_reference(hq.url)
    client.link(LUB, hq_admin.add_terminal(hq.url, "LUB01", "T1"), system_clock)
    yield hq
    database.close()
    hq.drop()


@pytest.fixture
def gui(distributor, qtbot, tmp_path):
    set_language("en")
    app = App(LUB, LocalSettings(tmp_path / "counter.ini"))
    qtbot.addWidget(app.login)
    app.login.show()
    qtbot.waitUntil(lambda: app.login.user.count() == 3, timeout=WAIT)
    yield app
    if app.counter_window is not None:
        app.counter_window.close()
    app.worker.wait()
    set_language("en")


def type_into_focus(qtbot, text: str) -> None:
    for char in text:
        qtbot.keyClick(QApplication.focusWidget(), char)


def sign_in(app, qtbot):
    login = app.login
    login.user.setCurrentIndex(login.user.findData("cashier"))
    login.pin.setFocus()
    qtbot.keyClicks(login.pin, "1111")
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.counter_window is not None, timeout=WAIT)
    window = app.counter_window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(window.catalog_buttons) == 5, timeout=WAIT)
    return window


def look_up_by_keys(window, qtbot, account: str) -> None:
    """Back in the counter (offscreen Qt does not re-activate it after a dialog), F2, the account typed,
    Enter."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search, timeout=WAIT)
    window.search.clear()
    type_into_focus(qtbot, account)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def sell_a_week_bundle_for_cash(window, qtbot, account: str):
    """F2, the account, Enter, key 1 (the 6 USD bundle), F9, 6 in the cash field, Enter, Enter."""
    look_up_by_keys(window, qtbot, account)
    qtbot.waitUntil(lambda: window.panel.account.text() == account, timeout=WAIT)
    window.cart.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
    qtbot.waitUntil(lambda: window.preview is not None and window.cart.rowCount() == 1, timeout=WAIT)
    return pay_cash(window, qtbot)


def pay_cash(window, qtbot):
    """F9, 6 in the cash field, Enter (the payment), Enter (confirm)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(
        lambda: window.payment_dialog is not None and window.payment_dialog.isVisible(), timeout=WAIT
    )
    dialog = window.payment_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.tendered, timeout=WAIT)
    type_into_focus(qtbot, "6")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # add the cash payment
    qtbot.waitUntil(lambda: dialog.confirm_button.isEnabled(), timeout=WAIT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # confirm
    return dialog


def test_the_status_bar_shows_the_float_and_a_sale_past_it_is_refused_with_what_is_left(
    distributor, gui, qtbot
):
    hq_float.set_credit_limit(distributor.url, "LUB01", "USD", "0")
    hq_float.record_top_up(distributor.url, "LUB01", "10", "BANK-7001", date(2026, 11, 19))
    client.sync(LUB, system_clock)
    window = sign_in(gui, qtbot)
    qtbot.waitUntil(lambda: window.status_float.text() == "Float left: $10.00", timeout=WAIT)
    assert window.status_float.isVisible()

    sell_a_week_bundle_for_cash(window, qtbot, "CD00000001")
    qtbot.waitUntil(lambda: window.receipt_dialog is not None, timeout=WAIT)
    qtbot.keyClick(window.receipt_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.status_float.text() == "Float left: $4.00", timeout=WAIT)

    window.receipt_dialog = None
    dialog = sell_a_week_bundle_for_cash(window, qtbot, "CD00000002")
    qtbot.waitUntil(lambda: "only $4.00 is left" in dialog.error.text(), timeout=WAIT)
    assert dialog.error.isVisible() and dialog.isVisible() and window.receipt_dialog is None
    assert dialog.error.text() == (
        "This sale needs $6.00 of float but only $4.00 is left: the distributor must top up the float"
    )
    assert Sale.select().count() == 1 and FloatUse.select().count() == 1
    assert window.status_float.text() == "Float left: $4.00"


def test_past_the_offline_limit_a_manager_lifts_it_with_a_pin_and_selling_goes_on(distributor, gui, qtbot):
    hq_float.set_offline_limits(distributor.url, "LUB01", None, 1, None, None)
    client.sync(LUB, system_clock)
    window = sign_in(gui, qtbot)
    qtbot.waitUntil(lambda: window.status_float.text() == "Offline allowance: 1 sale(s)", timeout=WAIT)
    sell_a_week_bundle_for_cash(window, qtbot, "CD00000001")
    qtbot.waitUntil(lambda: window.receipt_dialog is not None, timeout=WAIT)
    qtbot.keyClick(window.receipt_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(
        lambda: window.status_float.text() == "Sync soon! Offline allowance: 0 sale(s)", timeout=WAIT
    )

    window.receipt_dialog = None
    dialog = sell_a_week_bundle_for_cash(window, qtbot, "CD00000002")
    qtbot.waitUntil(
        lambda: "1 sale(s) since it last reached headquarters" in dialog.error.text(), timeout=WAIT
    )
    assert dialog.isVisible() and Sale.select().count() == 1
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    qtbot.keyClick(
        window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    override = window.offline_override
    qtbot.waitUntil(lambda: override.dialog is not None and override.dialog.isVisible(), timeout=WAIT)
    box = override.dialog
    qtbot.waitUntil(lambda: box.approval.approver.count() > 0, timeout=WAIT)
    assert QApplication.focusWidget() is box.reason
    type_into_focus(qtbot, "HQ link down")
    box.approval.approver.setCurrentIndex(box.approval.approver.findData("manager"))
    box.approval.pin.setFocus()
    type_into_focus(qtbot, "222222")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: window.status_float.text() == "Offline allowance: 1 sale(s)", timeout=WAIT)
    (row,) = OfflineOverride.select()
    assert (row.reason, row.user.username, row.approved_by.username) == ("HQ link down", "cashier", "manager")

    pay_cash(window, qtbot)  # the cart the refusal left: paid again, sold this time
    qtbot.waitUntil(lambda: window.receipt_dialog is not None, timeout=WAIT)
    assert Sale.select().count() == 2


def refund_by_keys(window, qtbot, account: str, amount: str) -> str:
    """The customer (F2), Alt+V on their last purchase, Refund, a reason, the amount, the manager's
    name and PIN, Enter; returns what the dialog says, then Enter closes it."""
    look_up_by_keys(window, qtbot, account)
    qtbot.waitUntil(lambda: window.panel.correct_button.isEnabled(), timeout=WAIT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(
        lambda: window.correction_dialog is not None and window.correction_dialog.isVisible(), timeout=WAIT
    )
    correction = window.correction_dialog
    qtbot.waitUntil(lambda: correction.approval.approver.count() == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is correction.reason, timeout=WAIT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # Action: Refund
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_into_focus(qtbot, "slow at night")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is correction.amount
    type_into_focus(qtbot, amount)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # past "Refund to": cash, as paid
    type_into_focus(qtbot, "J")  # Joseph Manager approves
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_into_focus(qtbot, "222222")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: correction.result_label.text() != "", timeout=WAIT)
    said = correction.result_label.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not correction.isVisible(), timeout=WAIT)
    return said


def test_a_refund_done_by_keys_gives_its_share_of_the_float_back_on_the_status_bar(distributor, gui, qtbot):
    """7.5 % commission: the 6 USD bundle consumes 5.55 of the float; a refund of 2 gives back 1.85."""
    hq_commissions.set_commission_rate(
        distributor.url, "CD", "CD-WEEK5", "distributor", "7.5", date(2026, 1, 1)
    )
    hq_float.set_credit_limit(distributor.url, "LUB01", "USD", "0")
    hq_float.record_top_up(distributor.url, "LUB01", "10", "BANK-7002", date(2026, 11, 19))
    client.sync(LUB, system_clock)
    window = sign_in(gui, qtbot)
    qtbot.waitUntil(lambda: window.status_float.text() == "Float left: $10.00", timeout=WAIT)
    sell_a_week_bundle_for_cash(window, qtbot, "CD00000001")
    qtbot.waitUntil(lambda: window.receipt_dialog is not None, timeout=WAIT)
    qtbot.keyClick(window.receipt_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.status_float.text() == "Float left: $4.45", timeout=WAIT)

    said = refund_by_keys(window, qtbot, "CD00000001", "2")
    assert said == (
        "$2.00 refunded on sale LUB01-T1-000001, to cash. Still refundable: $4.00. "
        "Given back to the distributor's float: $1.85."
    )
    qtbot.waitUntil(lambda: window.status_float.text() == "Float left: $6.30", timeout=WAIT)
    (row,) = FloatReturn.select()
    assert row.amount_minor == 185
