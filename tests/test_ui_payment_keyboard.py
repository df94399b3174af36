"""Taking payment by keyboard, as a cashier does: F9, type the cash, Enter, Enter; split tender
in either order records exactly the rows the dialog showed; Esc backs out with nothing sold."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

from konnect_pos.domain.money import Money
from konnect_pos.store.models import Payment, Sale
from konnect_pos.ui.i18n import money_text, set_language
from tests.test_ui_counter import WAIT, Qt, gui, shop, sign_in  # noqa: F401  (fixtures)

NONE = Qt.KeyboardModifier.NoModifier


def usd(value):
    return Money.of(value, "USD")


def press(qtbot, key, modifier=NONE):
    """A key pressed where the cursor is, as a person does."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def type_text(qtbot, text):
    qtbot.keyClicks(QApplication.focusWidget(), text)


def counter_with_a_bundle(gui, qtbot):  # noqa: F811
    """Sign in, find CD00000001 by typing, add Konnect Lite ($17) with the 2 key, press F9."""
    window = sign_in(gui, qtbot)
    press(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search, timeout=WAIT)
    type_text(qtbot, "CD00000001")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.panel.account.text() == "CD00000001", timeout=WAIT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.cart, timeout=WAIT)
    press(qtbot, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: window.total_label.text() == "Total: $17.00", timeout=WAIT)
    press(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(
        lambda: window.payment_dialog is not None and window.payment_dialog.isVisible(), timeout=WAIT
    )
    dialog = window.payment_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.tendered, timeout=WAIT)
    assert dialog.remaining_label.text() == "To pay: $17.00"
    return window, dialog


def rows(dialog):
    return [dialog.paid_list.item(i).text() for i in range(dialog.paid_list.count())]


def wait_for_receipt(window, qtbot):
    qtbot.waitUntil(
        lambda: window.receipt_dialog is not None and window.receipt_dialog.isVisible(), timeout=WAIT
    )
    assert window.receipt_dialog.windowTitle() == "Receipt KIN01-T1-000001"
    sale = Sale.get(Sale.receipt_number == "KIN01-T1-000001")
    return [
        (p.method, p.amount_minor, p.reference)
        for p in Payment.select().where(Payment.sale == sale).order_by(Payment.position)
    ]


def test_cash_typed_then_enter_adds_and_enter_again_sells(gui, qtbot):  # noqa: F811
    window, dialog = counter_with_a_bundle(gui, qtbot)
    type_text(qtbot, "25")
    assert dialog.change_label.text() == "Change due: $8.00"
    press(qtbot, Qt.Key.Key_Return)
    assert rows(dialog) == ["Cash: $17.00 (tendered $25.00, change $8.00)"]
    assert dialog.remaining_label.text() == "Fully paid" and dialog.confirm_button.isEnabled()
    assert Sale.select().count() == 0
    press(qtbot, Qt.Key.Key_Return)
    assert wait_for_receipt(window, qtbot) == [("cash", 1700, None)]
    sale = Sale.get()
    assert (sale.paid_minor, sale.change_minor) == (1700, 800)


def test_quick_amount_then_enter_adds_the_payment(gui, qtbot):  # noqa: F811
    window, dialog = counter_with_a_bundle(gui, qtbot)
    quick = [b for b in dialog.cash_page.findChildren(QPushButton) if b.isVisible() and b.text() == "$20.00"]
    assert len(quick) == 1
    qtbot.mouseClick(quick[0], Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is dialog.tendered and dialog.change_label.text() == "Change due: $3.00"
    press(qtbot, Qt.Key.Key_Return)
    assert rows(dialog) == ["Cash: $17.00 (tendered $20.00, change $3.00)"]
    press(qtbot, Qt.Key.Key_Return)
    assert wait_for_receipt(window, qtbot) == [("cash", 1700, None)]


def test_esc_backs_out_and_nothing_is_sold(gui, qtbot):  # noqa: F811
    window, dialog = counter_with_a_bundle(gui, qtbot)
    type_text(qtbot, "25")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and window.cart.rowCount() == 1
    assert Sale.select().count() == 0 and window.receipt_dialog is None


def test_tab_follows_the_fields_on_screen(gui, qtbot):  # noqa: F811
    _, dialog = counter_with_a_bundle(gui, qtbot)
    seen = []
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    # Confirm is skipped while it is disabled
    assert seen == [dialog.add_cash, dialog.cancel_button, dialog.tabs.tabBar(), dialog.tendered]
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.reference
    seen = []
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [dialog.mobile_amount, dialog.phone, dialog.add_mobile, dialog.cancel_button]
    press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    type_text(qtbot, "20")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.add_cash
    press(qtbot, Qt.Key.Key_Return)  # Enter on the button reached with Tab presses it
    assert rows(dialog) == ["Cash: $17.00 (tendered $20.00, change $3.00)"]
    assert QApplication.focusWidget() is dialog.confirm_button


def add_cash_10(qtbot, dialog):
    press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.tendered
    type_text(qtbot, "10")
    press(qtbot, Qt.Key.Key_Return)


def add_mpesa_without_amount(qtbot, dialog):
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.reference
    assert dialog.phone.text()  # the customer's phone, prefilled
    type_text(qtbot, "qk7ab12cd3")
    press(qtbot, Qt.Key.Key_Return)


@pytest.mark.parametrize("cash_first", [True, False], ids=["cash-then-mpesa", "mpesa-then-cash"])
def test_split_cash_and_amountless_mpesa_records_what_was_shown(gui, qtbot, cash_first):  # noqa: F811
    window, dialog = counter_with_a_bundle(gui, qtbot)
    steps = [add_cash_10, add_mpesa_without_amount]
    steps[0 if cash_first else 1](qtbot, dialog)
    assert dialog.remaining_label.text() == ("To pay: $7.00" if cash_first else "Fully paid")
    steps[1 if cash_first else 0](qtbot, dialog)
    shown = rows(dialog)
    assert shown == ["M-Pesa QK7AB12CD3: $7.00", "Cash: $10.00"]
    assert dialog.remaining_label.text() == "Fully paid" and dialog.error.text() == ""
    press(qtbot, Qt.Key.Key_Return)
    assert wait_for_receipt(window, qtbot) == [("mobile_money", 700, "QK7AB12CD3"), ("cash", 1000, None)]


def test_top_up_in_french_shows_the_fee_and_the_amount_that_renews(gui, qtbot):  # noqa: F811
    """CD00000005: Salom+ ($25) lapsed yesterday, Connect+ charged today, $2 left."""
    set_language("fr")
    window = sign_in(gui, qtbot)
    press(qtbot, Qt.Key.Key_F2)
    type_text(qtbot, "CD00000005")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.panel.plan.isVisible() and window.panel.plan.status is not None, timeout=WAIT
    )
    press(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: window.top_up_dialog is not None and window.top_up_dialog.isVisible(), timeout=WAIT
    )
    dialog = window.top_up_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.amount, timeout=WAIT)
    assert dialog.windowTitle() == dialog.heading.text() == "Recharger CD00000005"
    assert dialog.fee.text().endswith(f": {money_text(usd(25))} tous les 30 jours")
    assert dialog.balance.text() == money_text(usd(2))
    # 25 less the 2 left and today's Connect+ day, which renewing gives back
    assert dialog.renews.text() == money_text(usd(22)) and dialog.amount.text() == "22.00"
    assert dialog.outcome.text() == "Ce montant renouvelle le forfait maintenant."
    assert dialog.smaller.text() == (
        "Un montant inférieur va sur le solde et Connect+ garde le client connecté à "
        f"{money_text(usd(1))} par jour."
    )
    type_text(qtbot, "5")  # replaces the proposed amount
    assert dialog.outcome.text() == "Ce montant va sur le solde et Connect+ fonctionne."
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "22")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.payment_dialog is not None and window.payment_dialog.isVisible(), timeout=WAIT
    )
    payment = window.payment_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is payment.tendered, timeout=WAIT)
    assert payment.remaining_label.text() == f"À payer : {money_text(usd(22))}"
    type_text(qtbot, "22")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.receipt_dialog is not None and window.receipt_dialog.isVisible(), timeout=WAIT
    )
    qtbot.waitUntil(
        lambda: window.panel.plan.service.text().startswith("Forfait payé jusqu'au"), timeout=WAIT
    )
    # back to English inside the test, so the window's relabelling is answered while it is alive
    set_language("en")
    qtbot.waitUntil(lambda: window.status_day.text().startswith("Day open since"), timeout=WAIT)


def test_customer_service_is_offered_mobile_money_only_as_the_domain_says(qtbot):
    """The dialog shows the methods of the outlet's rules; it does not decide them itself."""
    from konnect_pos.domain.payments import PaymentRules
    from konnect_pos.ui.payment_dialog import PaymentDialog

    set_language("en")
    rules = PaymentRules("customer_service", "CD", ("mpesa", "orange_money"), accepts_card=True)
    dialog = PaymentDialog(
        usd(17), rules=rules, merchant_numbers={"mpesa": "880011"}, customer_phone="0812345678"
    )
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.reference, timeout=WAIT)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["&Mobile money"]
    type_text(qtbot, "qk7ab12cd3")
    press(qtbot, Qt.Key.Key_Return)
    assert rows(dialog) == ["M-Pesa QK7AB12CD3: $17.00"] and dialog.remaining_label.text() == "Fully paid"
    with qtbot.waitSignal(dialog.confirmed) as confirmed:
        press(qtbot, Qt.Key.Key_Return)
    assert [t.reference for t in confirmed.args[0]] == ["QK7AB12CD3"]
