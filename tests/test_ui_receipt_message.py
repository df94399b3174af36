"""Sending the receipt by SMS or WhatsApp from the receipt preview, as a person does it: Ctrl+Shift+M,
the customer's phone already there, the text and its SMS parts on screen, a wrong number refused in
the dialog, Enter queues it and the preview says so."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPushButton

from konnect_pos.ui.counter.receipt_sending import ReceiptMessageDialog
from tests.test_ui_counter import WAIT, Qt, gui, shop, sign_in  # noqa: F401  (fixtures)
from tests.test_ui_printing import CTRL, press, sell_for_cash, type_text

SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_send_dialog(window, qtbot) -> ReceiptMessageDialog:
    preview = window.receipt_dialog
    press(qtbot, Qt.Key.Key_M, CTRL | SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ReceiptMessageDialog), timeout=WAIT)
    dialog = QApplication.activeModalWidget()
    assert dialog.parent() is preview
    qtbot.waitUntil(lambda: dialog.phone.text() != "" and dialog.text.toPlainText() != "", timeout=WAIT)
    return dialog


def test_ctrl_shift_m_sends_the_receipt_by_whatsapp_after_a_wrong_number(gui, qtbot):  # noqa: F811
    window = sign_in(gui, qtbot)
    sell_for_cash(window, qtbot)
    preview = window.receipt_dialog
    button = next(b for b in preview.findChildren(QPushButton) if b.text() == "Send by SMS… (Ctrl+Shift+M)")
    assert button.isVisible()
    dialog = open_send_dialog(window, qtbot)
    assert dialog.phone.text().startswith("+243 ")  # the customer's phone
    assert dialog.text.toPlainText().startswith("Recu Konnect KIN01-T1-000001\n")  # the customer reads French
    assert dialog.parts.text() == "SMS parts: 1"
    qtbot.mouseClick(dialog.whatsapp, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.parts.text() == "WhatsApp: one message", timeout=WAIT)
    assert dialog.text.toPlainText().startswith("Reçu Konnect KIN01-T1-000001\n")  # accents kept
    dialog.phone.setFocus()
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "12")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=WAIT)
    assert dialog.isVisible() and dialog.error.text() == "12 is not a valid phone number for Congo - Kinshasa"
    assert QApplication.focusWidget() is dialog.phone
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "0991234567")
    assert dialog.error.text() == ""  # cleared as the number is typed again
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    assert preview.isVisible()
    assert preview.status.text() == "WhatsApp message queued for +243 991 234 567"


def test_enter_sends_the_sms_to_the_customers_phone(gui, qtbot):  # noqa: F811
    window = sign_in(gui, qtbot)
    sell_for_cash(window, qtbot)
    dialog = open_send_dialog(window, qtbot)
    phone = dialog.phone.text()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    assert window.receipt_dialog.status.text() == f"SMS queued for {phone} (parts: 1)"
