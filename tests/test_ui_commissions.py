"""Managers ▸ Commission statement… (Ctrl+Shift+R): a manager sees the month's commissions on
screen and its A4 PDF; a cashier is told who may; a backwards period is refused in a sentence."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender
from konnect_pos.services import checkout
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.clock import system_clock
from konnect_pos.services.session import sign_in as sign_in_service
from konnect_pos.services.sync.hq_money import apply_commission_rates
from tests.test_ui_counter import WAIT, Qt, gui, shop, sign_in  # noqa: F401  (fixtures)
from tests.test_ui_payment_keyboard import press

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def sold_with_a_rate() -> str:
    rate = {"country": "CD", "code": "CD-WEEK5", "outlet_kind": "shop", "effective_from": date(2026, 1, 1),
            "percent": "2"}  # fmt: skip
    apply_commission_rates([rate], system_clock())
    cashier = sign_in_service("KIN01-T1", "cashier", "1111", system_clock)
    sold = checkout.sell(cashier, "CD00000001", [CartItem("CD-WEEK5")], [CashTender(Money.of("6", "USD"))])
    return sold.receipt_number


def cells(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_a_manager_sees_the_statement_and_its_pdf(gui, qtbot, tmp_path):  # noqa: F811
    receipt = sold_with_a_rate()
    window = sign_in(gui, qtbot, username="manager", pin="222222")
    press(qtbot, Qt.Key.Key_R, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.manager.commission_dialog is not None, timeout=WAIT)
    dialog = window.manager.commission_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.table.rowCount() == 1, timeout=WAIT)
    ((_day, shown_receipt, entry, bundle, amount, rate, commission),) = cells(dialog.table)
    assert (shown_receipt, entry, amount, rate, commission) == (receipt, "sale", "$6.00", "2 %", "$0.12")
    assert bundle == "Konnect Semaine 5 Go"
    summary = dialog.summary.text()
    assert "Commission earned $0.12, taken back $0.00, net $0.12; owed to Konnect $5.88" in summary

    assert dialog.pdf_button.isVisible() and dialog.pdf_button.isEnabled()
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.manager.report_dialog is not None and window.manager.report_dialog.isVisible(),
        timeout=WAIT,
    )
    shown = tmp_path / "shown.pdf"
    shown.write_bytes(window.manager.report_dialog.pdf)
    text = "\n".join(page.extract_text() for page in PdfReader(shown).pages)
    assert "Relevé de commissions, KIN01" in text and receipt in text  # in the outlet's language


def test_a_backwards_period_is_refused_in_a_sentence(gui, qtbot):  # noqa: F811
    sold_with_a_rate()
    window = sign_in(gui, qtbot, username="manager", pin="222222")
    press(qtbot, Qt.Key.Key_R, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.manager.commission_dialog is not None, timeout=WAIT)
    dialog = window.manager.commission_dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=WAIT)
    focus = QApplication.focusWidget()
    assert focus is dialog.first or focus.parent() is dialog.first, focus  # the period comes first
    press(qtbot, Qt.Key.Key_Up)  # the year section: a year later than "to"
    assert dialog.first.date().year() == dialog.last.date().year() + 1
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "before it starts" in dialog.error.text(), timeout=WAIT)
    assert dialog.error.text().startswith("The period ends (")


def test_a_cashier_is_told_who_may(gui, qtbot):  # noqa: F811
    window = sign_in(gui, qtbot)
    press(qtbot, Qt.Key.Key_R, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.menus.refusal_box is not None, timeout=WAIT)
    assert window.menus.refusal_box.text() == "Only a manager can see reports."
    assert window.manager.commission_dialog is None
