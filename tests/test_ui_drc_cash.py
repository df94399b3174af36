"""At a DRC counter, francs for a dollar price by keyboard: F9, Alt+U and pick CDF, type the
francs, Enter, Enter. The dialog shows the domain's amounts; the sale records francs, their
dollar value and the rate; the counter shows the day's rate; a manager sets it with Ctrl+E."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from konnect_pos.services import exchange_rates
from konnect_pos.services.session import sign_in as sign_in_service
from konnect_pos.store.models import ExchangeRate, Payment, Sale
from tests.test_ui_counter import WAIT, Qt, gui, shop, sign_in  # noqa: F401  (fixtures)
from tests.test_ui_payment_keyboard import counter_with_a_bundle, press, rows, type_text

ALT = Qt.KeyboardModifier.AltModifier


def test_francs_for_a_dollar_price_by_keyboard(gui, qtbot):  # noqa: F811
    window, dialog = counter_with_a_bundle(gui, qtbot)
    assert window.rate_line.text() == "Rate: 1 USD = 2 850 FC"
    assert dialog.rate_label.isVisible() and dialog.rate_label.text() == "1 USD = 2 850 FC"
    press(qtbot, Qt.Key.Key_U, ALT)
    assert QApplication.focusWidget() is dialog.cash_currency
    press(qtbot, Qt.Key.Key_Down)
    assert dialog.cash_currency.currentText() == "CDF" and dialog.change_currency.currentText() == "CDF"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.tendered, timeout=WAIT)
    assert dialog.remaining_label.text() == "To pay: $17.00"
    assert dialog.left_in_other.text() == "= CDF\u00a048,450.00 at the day's rate"
    type_text(qtbot, "50000")
    assert dialog.change_label.text() == "Change due: CDF\u00a01,550.00"
    press(qtbot, Qt.Key.Key_Return)
    assert rows(dialog) == [
        "Cash: CDF\u00a048,450.00 (tendered CDF\u00a050,000.00, change CDF\u00a01,550.00) = $17.00"
    ]
    assert dialog.remaining_label.text() == "Fully paid" and dialog.confirm_button.isEnabled()
    assert Sale.select().count() == 0
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.receipt_dialog is not None and window.receipt_dialog.isVisible(), timeout=WAIT
    )
    (payment,) = Payment.select()
    assert (payment.currency, payment.amount_minor, payment.tendered_minor, payment.change_minor) == (
        "CDF", 4845000, 5000000, 155000,
    )  # fmt: skip
    assert (payment.settles_minor, payment.rate) == (1700, 2850)
    assert (Sale.get().paid_minor, Sale.get().change_minor) == (1700, 0)


def test_a_manager_sets_the_rate_from_the_menu(gui, qtbot):  # noqa: F811
    window = sign_in(gui, qtbot, username="manager", pin="222222")
    qtbot.waitUntil(lambda: window.rate_line.text() == "Rate: 1 USD = 2 850 FC", timeout=WAIT)
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: window.rate_line.dialog is not None and window.rate_line.dialog.isVisible(), timeout=WAIT
    )
    dialog, rates = window.rate_line.dialog, ExchangeRate.select().count()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.rate, timeout=WAIT)
    assert dialog.now.text() == "In force: 1 USD = 2 850 FC" and dialog.rate.selectedText() == "2850"
    type_text(qtbot, "abc")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.text() == "Not an amount: abc", timeout=WAIT)
    assert dialog.isVisible() and ExchangeRate.select().count() == rates
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "2900")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.rate_line.text() == "Rate: 1 USD = 2 900 FC", timeout=WAIT)
    assert not dialog.isVisible() and ExchangeRate.select().count() == rates + 1


def test_a_rate_changed_while_the_dialog_is_open_is_refused_and_nothing_is_sold(gui, qtbot):  # noqa: F811
    window, dialog = counter_with_a_bundle(gui, qtbot)
    press(qtbot, Qt.Key.Key_U, ALT)
    press(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.tendered, timeout=WAIT)
    type_text(qtbot, "50000")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.remaining_label.text() == "Fully paid"
    # meanwhile a manager at another counter of the shop sets a new rate
    manager = sign_in_service("KIN01-T1", "manager", "222222", window.counter.clock)
    exchange_rates.set_rate(manager, "USD", "CDF", "2900")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: dialog.error.text().startswith("The rate changed to 1 USD = 2900 CDF"), timeout=WAIT
    )
    assert dialog.isVisible() and Sale.select().count() == 0
    qtbot.waitUntil(lambda: window.rate_line.text() == "Rate: 1 USD = 2 900 FC", timeout=WAIT)
