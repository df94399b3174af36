"""Void or refund a sale from the customer's purchase list, with the reason and, for a cashier,
a manager's approval (chosen by name, PIN typed; recorded as the approver).

Enter confirms. A refusal (wrong PIN, sale already voided, amount too large…) is shown here and
the dialog stays open; after success it says what was reversed, and Enter or Esc closes it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.domain.countries import PROVIDERS
from konnect_pos.domain.roles import Right
from konnect_pos.services.corrections import RefundResult, VoidResult
from konnect_pos.ui.approval_widget import ApprovalWidget
from konnect_pos.ui.forms import set_label
from konnect_pos.ui.i18n import error_text, money_text
from konnect_pos.ui.worker import DbWorker


class CorrectionDialog(QDialog):
    """Emits ``void_requested(reason, remove_active, approval)`` or
    ``refund_requested(amount, reason, method, approval)``; the window answers with
    ``show_voided`` / ``show_refunded`` or ``show_error``."""

    void_requested = Signal(str, bool, object)
    refund_requested = Signal(str, str, str, object)

    def __init__(
        self,
        receipt_number: str,
        worker: DbWorker,
        *,
        needs_approval: bool,
        methods: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.receipt_number = receipt_number
        self.methods = methods  # how the sale was paid: "cash", "card" or a provider code
        self.finished_ok = False
        self.kind = QComboBox()
        self.kind.addItem("", "void")
        self.kind.addItem("", "refund")
        self.reason = QLineEdit()
        self.amount = QLineEdit()
        self.method = QComboBox()
        self.method.addItem("", "original")
        self.method.addItem("", "cash")
        self.remove_active = QCheckBox()
        self.form = QFormLayout()
        for widget in (self.kind, self.reason, self.amount, self.method, self.remove_active):
            self.form.addRow(QLabel(), widget)
        self.approval = ApprovalWidget(worker, (Right.VOID, Right.REFUND), needed=needs_approval)
        self.needs_approval = needs_approval
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c")
        self.error.setWordWrap(True)
        self.result_label = QLabel()
        self.result_label.setStyleSheet("color: #166534; font-weight: bold")
        self.result_label.setWordWrap(True)
        self.action = QPushButton()
        self.action.setDefault(True)  # Enter anywhere in the form (the PIN included) confirms
        self.action.clicked.connect(self.submit)
        self.cancel = QPushButton()
        self.cancel.setAutoDefault(False)
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch()
        buttons.addWidget(self.action)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.approval)
        layout.addWidget(self.error)
        layout.addWidget(self.result_label)
        layout.addStretch()
        layout.addLayout(buttons)
        for first, second in (
            (self.kind, self.reason),
            (self.reason, self.amount),
            (self.amount, self.method),
            (self.method, self.remove_active),
            (self.remove_active, self.approval.approver),
            (self.approval.approver, self.approval.pin),
            (self.approval.pin, self.action),
            (self.action, self.cancel),
        ):
            self.setTabOrder(first, second)
        self.setMinimumWidth(520)
        self.kind.currentIndexChanged.connect(self._show_fields)
        self.retranslate()
        self._show_fields()
        self.reason.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Correct sale {number}").replace("{number}", self.receipt_number))
        self.kind.setItemText(0, self.tr("Void (same business day)"))
        self.kind.setItemText(1, self.tr("Refund"))
        self.method.setItemText(0, self.tr("To the original payment method"))
        self.method.setItemText(1, self.tr("In cash"))
        for widget, text in (
            (self.kind, self.tr("Action")),
            (self.reason, self.tr("&Reason")),
            (self.amount, self.tr("&Amount")),
            (self.method, self.tr("Refund to")),
            (self.remove_active, self.tr("Also remove a bundle already running")),
        ):
            set_label(self.form, widget, text)
        self.action.setText(self.tr("Close") if self.finished_ok else self.tr("Confirm"))
        self.cancel.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_fields(self) -> None:
        refund = self.kind.currentData() == "refund"
        for widget in (self.amount, self.method):
            widget.setVisible(refund)
            self.form.labelForField(widget).setVisible(refund)
        self.remove_active.setVisible(not refund)
        self.form.labelForField(self.remove_active).setVisible(not refund)

    def submit(self) -> None:
        if self.finished_ok:
            self.accept()
            return
        self.error.clear()
        approval = self.approval.approval()
        if self.kind.currentData() == "void":
            self.void_requested.emit(self.reason.text(), self.remove_active.isChecked(), approval)
        else:
            self.refund_requested.emit(
                self.amount.text(), self.reason.text(), self.method.currentData(), approval
            )

    def show_error(self, error: Exception) -> None:
        self.error.setText(error_text(error))
        self.approval.refused(error)
        if getattr(error, "field", None) == "remove_active":
            self.remove_active.setFocus()
        elif getattr(error, "field", None) == "reason":
            self.reason.setFocus()
        elif getattr(error, "field", None) == "amount":
            self.amount.setFocus()

    def method_name(self, code: str) -> str:
        if code == "cash":
            return self.tr("cash")
        if code == "card":
            return self.tr("card")
        if code == "mobile_money":
            return self.tr("mobile money")
        return PROVIDERS[code].name if code in PROVIDERS else code

    def show_voided(self, result: VoidResult) -> None:
        paid = ", ".join(self.method_name(code) for code in self.methods) or self.tr("cash")
        amount = " + ".join(map(money_text, result.give_back)) or money_text(result.refund_due)
        text = (
            self.tr("Sale {number} is voided. Give back {amount} ({methods}).")
            .replace("{number}", result.receipt_number)
            .replace("{amount}", amount)
            .replace("{methods}", paid)
        )
        if result.removed:
            text += " " + self.tr("Removed from the account: {bundles}.").replace(
                "{bundles}", ", ".join(result.removed)
            )
        self._finish(text)

    def show_refunded(self, result: RefundResult) -> None:
        text = (
            self.tr("{amount} refunded on sale {number}, to {method}. Still refundable: {left}.")
            .replace("{amount}", money_text(result.amount))
            .replace("{number}", result.receipt_number)
            .replace("{method}", self.method_name(result.provider or result.method))
            .replace("{left}", money_text(result.refundable_left))
        )
        if result.cash_handed and result.cash_handed != (result.amount,):  # francs for a sale in dollars
            handed = " + ".join(map(money_text, result.cash_handed))
            text += " " + self.tr("Hand back in cash: {amount}.").replace("{amount}", handed)
        if result.float_returned is not None:
            given = self.tr("Given back to the distributor's float: {amount}.")
            text += " " + given.replace("{amount}", money_text(result.float_returned))
        self._finish(text)

    def _finish(self, text: str) -> None:
        """Done: the form is frozen, the result stays readable, Enter or Esc closes."""
        self.finished_ok = True
        self.error.clear()
        self.result_label.setText(text)
        for widget in (self.kind, self.reason, self.amount, self.method, self.remove_active):
            widget.setEnabled(False)
        self.approval.approved()
        self.cancel.setVisible(False)
        self.retranslate()
        self.action.setFocus()
