"""Void or refund a sale from the customer's purchase list, with the reason and, for a cashier,
a manager's name and PIN (recorded as the approver)."""

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

from konnect_pos.ui.forms import set_label
from konnect_pos.ui.i18n import error_text


class CorrectionDialog(QDialog):
    """Emits ``void_requested(reason, remove_active, approval)`` or
    ``refund_requested(amount, reason, method, approval)``."""

    void_requested = Signal(str, bool, object)
    refund_requested = Signal(str, str, str, object)

    def __init__(self, receipt_number: str, *, needs_approval: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.receipt_number = receipt_number
        self.kind = QComboBox()
        self.kind.addItem("", "void")
        self.kind.addItem("", "refund")
        self.reason = QLineEdit()
        self.amount = QLineEdit()
        self.method = QComboBox()
        self.method.addItem("", "original")
        self.method.addItem("", "cash")
        self.remove_active = QCheckBox()
        self.approver = QLineEdit()
        self.approver_pin = QLineEdit()
        self.approver_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.form = QFormLayout()
        for widget in (self.kind, self.reason, self.amount, self.method, self.remove_active):
            self.form.addRow(QLabel(), widget)
        if needs_approval:
            self.form.addRow(QLabel(), self.approver)
            self.form.addRow(QLabel(), self.approver_pin)
        self.needs_approval = needs_approval
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c")
        self.error.setWordWrap(True)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.action = QPushButton()
        self.action.clicked.connect(self.submit)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch()
        buttons.addWidget(self.action)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)
        self.kind.currentIndexChanged.connect(self._show_fields)
        self.retranslate()
        self._show_fields()

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
            (self.approver, self.tr("Manager")),
            (self.approver_pin, self.tr("Manager's PIN")),
        ):
            set_label(self.form, widget, text)
        self.action.setText(self.tr("Confirm"))
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

    def approval(self) -> tuple[str, str] | None:
        return (self.approver.text().strip(), self.approver_pin.text()) if self.needs_approval else None

    def submit(self) -> None:
        self.error.clear()
        if self.kind.currentData() == "void":
            self.void_requested.emit(self.reason.text(), self.remove_active.isChecked(), self.approval())
        else:
            self.refund_requested.emit(
                self.amount.text(), self.reason.text(), self.method.currentData(), self.approval()
            )

    def show_error(self, error: Exception) -> None:
        self.error.setText(error_text(error))
        if getattr(error, "field", None) == "remove_active":
            self.remove_active.setFocus()
