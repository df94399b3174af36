"""A plan customer's balance: the plan box, top-up (Ctrl+T), the Connect+ opt-in/opt-out, and
putting a customer on a plan or changing it (Ctrl+Shift+P, ``plan_dialog``).

What a top-up does, and whether Connect+ runs, is the services' answer (``plans``); this
part asks for it, words the question to the cashier and takes the payment through the same
payment dialog and receipt as a sale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QPushButton

from konnect_pos.domain.errors import KonnectError
from konnect_pos.services import plans
from konnect_pos.services.plans.changes import change_plan, plan_history, plan_offers, set_plan
from konnect_pos.ui.counter.plan_dialog import PlanDialog
from konnect_pos.ui.counter.top_up_dialog import TopUpDialog
from konnect_pos.ui.i18n import error_text
from konnect_pos.ui.payment_dialog import PaymentDialog

if TYPE_CHECKING:
    from konnect_pos.ui.counter.window import CounterWindow


class SetPlanButton(QPushButton):
    """Shown under the customer's details when they have no plan."""

    def __init__(self) -> None:
        super().__init__()
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Put on a plan… (Ctrl+Shift+P)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PlanActions(QObject):
    """Drives ``window.panel.plan``; the dialogs it opens stay reachable for tests and the lock."""

    def __init__(self, window: CounterWindow) -> None:
        super().__init__(window)
        self.window = window
        self.top_up_dialog: TopUpDialog | None = None
        self.opt_box: QMessageBox | None = None
        self.plan_dialog: PlanDialog | None = None
        window.panel.plan.top_up_requested.connect(self.open_top_up)
        window.panel.plan.opt_requested.connect(self.toggle_connect_plus)
        window.panel.plan.plan_requested.connect(self.open_plans)
        # a customer without a plan: the plan box is hidden, this button puts them on one
        self.set_plan_button = SetPlanButton()
        self.set_plan_button.setVisible(False)
        self.set_plan_button.clicked.connect(self.open_plans)
        panel_layout = window.panel.layout()
        panel_layout.insertWidget(panel_layout.indexOf(window.panel.plan) + 1, self.set_plan_button)
        QShortcut(QKeySequence("Ctrl+Shift+P"), window, self.open_plans)

    def load_plan(self) -> None:
        window = self.window
        number = window.account
        day = window.counter.today()
        self.set_plan_button.setVisible(False)

        def show(status: plans.PlanStatus | None) -> None:
            if number != window.account:  # another customer was picked meanwhile
                return
            window.panel.plan.show_status(status)
            self.set_plan_button.setVisible(status is None)

        window.worker.submit(lambda: plans.plan_status(number, day), show, window.sale.show_error, owner=self)

    def open_plans(self) -> None:
        """Ctrl+Shift+P: the plans of the customer's country and their history, then set or change."""
        window = self.window
        number = window.account
        if not number:
            window.sale.cart_error.setText(self.tr("Find the customer first (F2)"))
            return
        day = window.counter.today()
        window.worker.submit(
            lambda: (plans.plan_status(number, day), plan_offers(number), plan_history(number)),
            lambda found: self._open_dialog(number, *found),
            window.sale.show_error,
            owner=self,
        )

    def _open_dialog(self, number: str, status: plans.PlanStatus | None, offers, history) -> None:
        window = self.window
        if number != window.account:
            return
        dialog = PlanDialog(number, status, offers, history, window)
        self.plan_dialog = dialog

        def chosen() -> None:
            code, counter = dialog.chosen, window.counter
            use = set_plan if status is None else change_plan

            def failed(error: Exception) -> None:
                dialog.show_error(error_text(error))

            def done(_result) -> None:
                self.plan_dialog = None
                self.load_plan()

            window.worker.submit(lambda: use(counter, number, code), done, failed, owner=self)

        dialog.accepted.connect(chosen)
        dialog.open()

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
                amount = plans.parse_top_up(dialog.amount.text(), status.plan_fee.currency)
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
            lambda: plans.top_up_balance(counter, account_number, amount, tenders),
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
                lambda: plans.set_opt(counter, number, opted_in=opt_in),
                lambda _status: self.load_plan(),
                window.sale.show_error,
            )

        box.buttonClicked.connect(answered)
        self.opt_box = box
        box.open()
