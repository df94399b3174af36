"""Taking payment (F9): cash, mobile money, card; several payments for split tender.

The dialog only collects tenders and shows what remains; the sale itself is committed by
the checkout service, whose errors come back next to the field they concern.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.domain.countries import PROVIDERS
from konnect_pos.domain.errors import KonnectError
from konnect_pos.domain.money import Money, parse_amount
from konnect_pos.domain.payments import (
    CardTender,
    CashTender,
    MobileMoneyTender,
    Tender,
    quick_cash_amounts,
    remaining,
    validate_reference,
)
from konnect_pos.ui.forms import set_label
from konnect_pos.ui.i18n import error_text, money_text


def _big(widget: QLabel, extra: int) -> QLabel:
    font = QFont(widget.font())
    font.setPointSize(font.pointSize() + extra)
    font.setBold(True)
    widget.setFont(font)
    return widget


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #b91c1c")
    label.setWordWrap(True)
    return label


class PaymentDialog(QDialog):
    """Emits ``confirmed(list[Tender])`` when fully paid and confirmed; Esc writes nothing."""

    confirmed = Signal(list)

    def __init__(
        self,
        total: Money,
        *,
        providers: tuple[str, ...],
        merchant_numbers: dict[str, str],
        accepts_card: bool,
        cash_allowed: bool,
        customer_phone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.total = total
        self.tenders: list[Tender] = []
        self._enter_consumed = False
        self.merchant_numbers = merchant_numbers
        self.remaining_label = _big(QLabel(), 10)
        self.remaining_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs = QTabWidget()
        # cash
        self.cash_page = QWidget()
        self.tendered = QLineEdit()
        self.quick = QHBoxLayout()
        self.change_label = _big(QLabel(), 8)
        self.cash_error = _error_label()
        self.add_cash = QPushButton()
        cash_form = QFormLayout(self.cash_page)
        cash_form.addRow(QLabel(), self.tendered)
        cash_form.addRow(self.quick)
        cash_form.addRow(self.change_label)
        cash_form.addRow(self.cash_error)
        cash_form.addRow(self.add_cash)
        self.cash_form = cash_form
        # mobile money
        self.mobile_page = QWidget()
        self.provider = QComboBox()
        for code in providers:
            self.provider.addItem(PROVIDERS[code].name, code)
        self.merchant = _big(QLabel(), 10)
        self.phone = QLineEdit(customer_phone)
        self.reference = QLineEdit()
        self.mobile_amount = QLineEdit()
        self.mobile_error = _error_label()
        self.add_mobile = QPushButton()
        mobile_form = QFormLayout(self.mobile_page)
        mobile_form.addRow(QLabel(), self.provider)
        mobile_form.addRow(QLabel(), self.merchant)
        mobile_form.addRow(QLabel(), self.phone)
        mobile_form.addRow(QLabel(), self.reference)
        mobile_form.addRow(QLabel(), self.mobile_amount)
        mobile_form.addRow(self.mobile_error)
        mobile_form.addRow(self.add_mobile)
        self.mobile_form = mobile_form
        # card
        self.card_page = QWidget()
        self.approval = QLineEdit()
        self.last4 = QLineEdit()
        self.last4.setMaxLength(19)
        self.card_amount = QLineEdit()
        self.card_error = _error_label()
        self.add_card = QPushButton()
        card_form = QFormLayout(self.card_page)
        card_form.addRow(QLabel(), self.approval)
        card_form.addRow(QLabel(), self.last4)
        card_form.addRow(QLabel(), self.card_amount)
        card_form.addRow(self.card_error)
        card_form.addRow(self.add_card)
        self.card_form = card_form
        if cash_allowed:
            self.tabs.addTab(self.cash_page, "")
        if providers:
            self.tabs.addTab(self.mobile_page, "")
        if accepts_card and cash_allowed:
            self.tabs.addTab(self.card_page, "")
        self.paid_list = QListWidget()
        self.paid_list.setMaximumHeight(90)
        self.error = _error_label()
        self.confirm_button = QPushButton()
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.remaining_label)
        layout.addWidget(self.tabs)
        layout.addWidget(self.paid_list)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.tendered.textChanged.connect(self._update_change)
        self.tendered.returnPressed.connect(self.add_cash_payment)
        self.add_cash.clicked.connect(self.add_cash_payment)
        self.reference.textChanged.connect(self._check_reference)
        self.reference.returnPressed.connect(self.add_mobile_payment)
        self.mobile_amount.returnPressed.connect(self.add_mobile_payment)
        self.add_mobile.clicked.connect(self.add_mobile_payment)
        self.provider.currentIndexChanged.connect(self._show_merchant)
        self.last4.returnPressed.connect(self.add_card_payment)
        self.card_amount.returnPressed.connect(self.add_card_payment)
        self.add_card.clicked.connect(self.add_card_payment)
        self.tabs.currentChanged.connect(self._focus_tab)
        QShortcut(QKeySequence("Alt+1"), self, lambda: self.tabs.setCurrentWidget(self.cash_page))
        QShortcut(QKeySequence("Alt+2"), self, lambda: self.tabs.setCurrentWidget(self.mobile_page))
        QShortcut(QKeySequence("Alt+3"), self, lambda: self.tabs.setCurrentWidget(self.card_page))
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.setMinimumWidth(520)
        self.retranslate()
        self._show_merchant()
        self._refresh()

    # --- labels -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Payment"))
        set_label(self.cash_form, self.tendered, self.tr("Amount &tendered"))
        self.add_cash.setText(self.tr("Add cash payment"))
        set_label(self.mobile_form, self.provider, self.tr("Pro&vider"))
        set_label(self.mobile_form, self.merchant, self.tr("Merchant number"))
        set_label(self.mobile_form, self.phone, self.tr("Payer's p&hone"))
        set_label(self.mobile_form, self.reference, self.tr("Transaction &reference"))
        set_label(self.mobile_form, self.mobile_amount, self.tr("Amount (empty: all that remains)"))
        self.add_mobile.setText(self.tr("Add mobile-money payment"))
        set_label(self.card_form, self.approval, self.tr("&Approval code"))
        set_label(self.card_form, self.last4, self.tr("&Last 4 digits"))
        set_label(self.card_form, self.card_amount, self.tr("Amount (empty: all that remains)"))
        self.add_card.setText(self.tr("Add card payment"))
        for page, text in (
            (self.cash_page, self.tr("&Cash")),
            (self.mobile_page, self.tr("&Mobile money")),
            (self.card_page, self.tr("Car&d")),
        ):
            index = self.tabs.indexOf(page)
            if index >= 0:
                self.tabs.setTabText(index, text)
        self.confirm_button.setText(self.tr("Confirm sale (Enter)"))
        self.cancel_button.setText(self.tr("Back (Esc)"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- state --------------------------------------------------------------------------
    def paid(self) -> list[Money]:
        amounts = []
        left = self.total
        for tender in self.tenders:
            amount = tender.tendered if isinstance(tender, CashTender) else (tender.amount or left)
            amount = min(amount, left) if not isinstance(tender, CashTender) else amount
            amounts.append(amount)
            left = remaining(self.total, amounts)
        return amounts

    def left(self) -> Money:
        return remaining(self.total, self.paid())

    def is_fully_paid(self) -> bool:
        return not self.left()

    def _refresh(self) -> None:
        left = self.left()
        if left:
            self.remaining_label.setText(self.tr("To pay: {amount}").replace("{amount}", money_text(left)))
        else:
            self.remaining_label.setText(self.tr("Fully paid"))
        self.confirm_button.setEnabled(self.is_fully_paid())
        while self.quick.count():
            item = self.quick.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if left:
            for amount in quick_cash_amounts(left):
                button = QPushButton(money_text(amount))
                button.setAutoDefault(False)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.clicked.connect(lambda _=False, a=amount: self.tendered.setText(str(a.amount)))
                self.quick.addWidget(button)
        self._update_change()

    def _show_merchant(self) -> None:
        code = self.provider.currentData()
        self.merchant.setText(self.merchant_numbers.get(code, "—") if code else "—")
        self._check_reference()

    def _focus_tab(self) -> None:
        page = self.tabs.currentWidget()
        target = {
            self.cash_page: self.tendered,
            self.mobile_page: self.reference,
            self.card_page: self.approval,
        }.get(page)
        if target is not None:
            target.setFocus()

    def _amount(self, text: str) -> Money:
        return Money(parse_amount(text), self.total.currency)

    def _update_change(self) -> None:
        text = self.tendered.text().strip()
        self.cash_error.clear()
        self.change_label.clear()
        if not text:
            return
        try:
            tendered = self._amount(text)
        except KonnectError as error:
            self.cash_error.setText(error_text(error))
            return
        left = self.left()
        if left and tendered >= left:
            self.change_label.setText(
                self.tr("Change due: {amount}").replace("{amount}", money_text(tendered - left))
            )

    def _check_reference(self) -> None:
        text = self.reference.text().strip()
        self.mobile_error.clear()
        if not text or not self.provider.currentData():
            return
        try:
            validate_reference(self.provider.currentData(), text)
        except KonnectError as error:
            self.mobile_error.setText(error_text(error))

    def _consume_enter(self) -> None:
        """The Enter that added a payment must not also confirm the sale as it bubbles up."""
        self._enter_consumed = True
        QTimer.singleShot(0, lambda: setattr(self, "_enter_consumed", False))

    def _add(self, tender: Tender, error_label: QLabel, describe: str) -> None:
        self._consume_enter()
        self.tenders.append(tender)
        self.paid_list.addItem(describe)
        error_label.clear()
        self.error.clear()
        self._refresh()
        if self.is_fully_paid():
            self.confirm_button.setFocus()

    def _guard(self, build: Callable[[], None], error_label: QLabel) -> None:
        try:
            build()
        except KonnectError as error:
            error_label.setText(error_text(error))

    def add_cash_payment(self) -> None:
        def build() -> None:
            tendered = self._amount(self.tendered.text())
            if tendered.amount <= 0:
                raise KonnectError("A payment must be more than zero")
            label = self.tr("Cash")
            self._add(CashTender(tendered), self.cash_error, f"{label}: {money_text(tendered)}")
            self.tendered.clear()

        if self.tendered.text().strip() == "" and self.is_fully_paid():
            self.confirm()
            return
        self._guard(build, self.cash_error)

    def add_mobile_payment(self) -> None:
        def build() -> None:
            code = self.provider.currentData()
            reference = validate_reference(code, self.reference.text())
            amount = self._amount(self.mobile_amount.text()) if self.mobile_amount.text().strip() else None
            if amount is not None and amount > self.left():
                raise KonnectError(
                    "Mobile money and card cannot pay more than is due ({due} left)",
                    due=money_text(self.left()),
                )
            tender = MobileMoneyTender(code, reference, self.phone.text(), amount)
            shown = money_text(amount or self.left())
            self._add(tender, self.mobile_error, f"{self.provider.currentText()} {reference}: {shown}")
            self.reference.clear()
            self.mobile_amount.clear()

        if self.reference.text().strip() == "" and self.is_fully_paid():
            self.confirm()
            return
        self._guard(build, self.mobile_error)

    def add_card_payment(self) -> None:
        def build() -> None:
            from konnect_pos.domain.payments import refuse_card_numbers

            refuse_card_numbers(self.last4.text(), self.approval.text())
            amount = self._amount(self.card_amount.text()) if self.card_amount.text().strip() else None
            tender = CardTender(self.approval.text(), self.last4.text().strip(), amount)
            card_label = self.tr("Card")
            self._add(
                tender,
                self.card_error,
                f"{card_label} ****{tender.last4}: {money_text(amount or self.left())}",
            )
            self.approval.clear()
            self.last4.clear()
            self.card_amount.clear()

        self._guard(build, self.card_error)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter confirms only when fully paid; in a field it first adds that field's payment."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self._enter_consumed and not isinstance(self.focusWidget(), QLineEdit):
                self.confirm()
            return
        super().keyPressEvent(event)

    def confirm(self) -> None:
        if self.is_fully_paid():
            self.confirm_button.setEnabled(False)
            self.confirmed.emit(list(self.tenders))

    def show_error(self, error: Exception) -> None:
        """A refusal from the checkout service, placed next to its field."""
        self.confirm_button.setEnabled(self.is_fully_paid())
        field = getattr(error, "field", None)
        target = {
            "reference": self.mobile_error,
            "phone": self.mobile_error,
            "provider": self.mobile_error,
            "last4": self.card_error,
            "approval_code": self.card_error,
        }.get(field, self.error)
        target.setText(error_text(error))
        if field in ("reference", "phone", "provider"):
            self.tenders = [t for t in self.tenders if not isinstance(t, MobileMoneyTender)]
            self.paid_list.clear()
            for tender in self.tenders:
                self.paid_list.addItem(str(tender))
            self.tabs.setCurrentWidget(self.mobile_page)
            self._refresh()
