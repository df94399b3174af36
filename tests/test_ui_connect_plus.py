"""The plan box in the customer panel: balance and Connect+, top-up (Ctrl+T) and opt-out, real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from konnect_pos.services import plans as cp
from konnect_pos.store.models import Customer
from tests.test_ui_counter import WAIT, find_customer, gui, shop, sign_in  # noqa: F401


def _lapsed_account() -> str:
    second = Customer.select().where(Customer.country == "CD").order_by(Customer.id).offset(1).first()
    return second.account_number


def test_plan_box_shows_connect_plus_and_a_top_up_renews(gui, qtbot):  # noqa: F811
    account = _lapsed_account()
    window = sign_in(gui, qtbot)
    window.pick(account)
    box = window.panel.plan
    qtbot.waitUntil(lambda: box.isVisible() and box.status is not None, timeout=WAIT)
    assert box.balance.text() == "$2.00"  # today's Connect+ day paid from the 3 USD
    assert box.service.text().startswith("Connect+ active since")
    assert "activations 1 of 10 in 30 days" in box.window.text()

    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = window.top_up_dialog
    qtbot.keyClicks(dialog.amount, "-4")
    dialog.accept()
    assert "more than zero" in dialog.error.text()  # refused before any payment
    dialog.amount.setText("25")
    dialog.accept()
    payment = window.payment_dialog
    payment.tendered.setText("30")
    payment.add_cash_payment()
    payment.confirm()
    qtbot.waitUntil(lambda: window.receipt_dialog is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: box.service.text().startswith("Plan paid until"), timeout=WAIT)
    assert box.balance.text() == "$3.00"
    window.receipt_dialog.accept()


def test_opt_out_asks_first_and_is_recorded(gui, qtbot):  # noqa: F811
    account = _lapsed_account()
    window = sign_in(gui, qtbot)
    window.pick(account)
    box = window.panel.plan
    qtbot.waitUntil(lambda: box.status is not None, timeout=WAIT)
    box.opt_button.click()
    window.opt_box.button(QMessageBox.StandardButton.No).click()
    assert not cp.plan_status(account, box.status.status.day).status.opted_out
    box.opt_button.click()
    window.opt_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: box.status.status.opted_out, timeout=WAIT)
    assert box.opt_button.text() == "Connect+ opt-in"
    assert "opted out" in box.window.text()
