"""A plan customer's balance: the plan box, top-up (Ctrl+T) and the Connect+ opt-in/opt-out.

What a top-up does, and whether Connect+ runs, is the services' answer (``connect_plus``); this
part asks for it, words the question to the cashier and takes the payment through the same
payment dialog and receipt as a sale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from konnect_pos.domain.errors import KonnectError
from konnect_pos.services import connect_plus
from konnect_pos.ui.counter.top_up_dialog import TopUpDialog
from konnect_pos.ui.i18n import error_text
from konnect_pos.ui.payment_dialog import PaymentDialog

if TYPE_CHECKING:
    from konnect_pos.ui.counter.window import CounterWindow


class PlanActions(QObject):
    """Drives ``window.panel.plan``; the dialogs it opens stay reachable for tests and the lock."""

    def __init__(self, window: CounterWindow) -> None:
        super().__init__(window)
        self.window = window
        self.top_up_dialog: TopUpDialog | None = None
        self.opt_box: QMessageBox | None = None
        window.panel.plan.top_up_requested.connect(self.open_top_up)
        window.panel.plan.opt_requested.connect(self.toggle_connect_plus)

    def load_plan(self) -> None:
        window = self.window
        number = window.account
        day = window.counter.today()
        show, failed = window.panel.plan.show_status, window.sale.show_error
        window.worker.submit(lambda: connect_plus.plan_status(number, day), show, failed)

    def open_top_up(self) -> None:
        """Ctrl+T: amount, then the payment dialog; the receipt says what the top-up triggered."""
        window = self.window
        status = window.panel.plan.status
        if status is None:
            window.sale.cart_error.setText(self.tr("This customer has no plan with a balance"))
            return
        dialog = TopUpDialog(status, window)
        self.top_up_dialog = dialog

        def amount_entered() -> None:
            try:
                amount = connect_plus.parse_top_up(dialog.amount.text(), status.plan_fee.currency)
            except KonnectError as error:
                dialog.error.setText(error_text(error))
                dialog.show()
                return
            payment = window.sale.payment_for(amount)
            payment.confirmed.connect(
                lambda tenders: self._top_up(payment, status.account_number, amount, tenders)
            )
            payment.open()

        dialog.accepted.connect(amount_entered)
        dialog.open()

    def _top_up(self, dialog: PaymentDialog, account_number: str, amount, tenders: list) -> None:
        sale, counter = self.window.sale, self.window.counter

        def done(result) -> None:
            dialog.accept()
            sale.payment_dialog = None
            sale.after_payment(result.receipt_number)

        self.window.worker.submit(
            lambda: connect_plus.top_up_balance(counter, account_number, amount, tenders),
            done,
            dialog.show_error,
        )

    def toggle_connect_plus(self, opt_in: bool) -> None:
        """Opt-in (*257*7#) or opt-out (*257*8#) for the customer, after a confirmation."""
        window = self.window
        status = window.panel.plan.status
        if status is None:
            return
        question = (
            self.tr("Switch Connect+ back on for {account}?")
            if opt_in
            else self.tr("Switch Connect+ off for {account}? It will not start again until they opt in.")
        ).replace("{account}", status.account_number)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Connect+"), question, parent=window)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        number = status.account_number

        def answered(button) -> None:
            if box.standardButton(button) != QMessageBox.StandardButton.Yes:
                return
            counter = window.counter
            window.worker.submit(
                lambda: connect_plus.set_opt(counter, number, opted_in=opt_in),
                lambda _status: self.load_plan(),
                window.sale.show_error,
            )

        box.buttonClicked.connect(answered)
        self.opt_box = box
        box.open()
