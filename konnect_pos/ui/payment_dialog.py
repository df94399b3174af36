"""Taking payment (F9): cash, mobile money, card; several payments for split tender.

The dialog collects tenders and shows the domain's allocation of them (``allocate``): the rows
and what remains are exactly what the checkout service records. The sale itself is committed by
the service, whose errors come back next to the field they concern. Keyboard: the cursor starts
in the preselected method's first field, Enter adds that payment, Enter again confirms once
fully paid, Esc backs out. Where the outlet takes cash in two currencies (DRC: USD prices,
francs too), Alt+U picks the currency handed over and Alt+G the one the change is given in;
the amounts in francs are the domain's (``cash_left_in``, ``allocate``), never converted here.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut, QShowEvent
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
from konnect_pos.domain.exchange import rate_text
from konnect_pos.domain.money import Money, parse_amount
from konnect_pos.domain.payments import (
    Allocation,
    CardTender,
    CashTender,
    MobileMoneyTender,
    PaymentRules,
    SettledPayment,
    Tender,
    allocate,
    cash_left_in,
    check_tender,
    quick_cash_amounts,
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
        rules: PaymentRules,
        merchant_numbers: dict[str, str],
        customer_phone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.total = total
        self.rules = rules
        self.tenders: list[Tender] = []
        self.allocation: Allocation = allocate(total, [], rules)
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
        self.cash_currency = QComboBox()
        self.change_currency = QComboBox()
        self.rate_label = QLabel(rate_text(rules.rate) if rules.rate else "")
        self.currencies = rules.cash_currencies(total.currency)
        for currency in self.currencies:
            self.cash_currency.addItem(currency, currency)
            self.change_currency.addItem(currency, currency)
        for choice in (self.cash_currency, self.change_currency):
            choice.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Alt+U / Alt+G, not in the Tab round
        self.left_in_other = QLabel()
        self.left_in_other.setAlignment(Qt.AlignmentFlag.AlignCenter)
        cash_form = QFormLayout(self.cash_page)
        cash_form.addRow(QLabel(), self.cash_currency)
        cash_form.addRow(QLabel(), self.tendered)
        cash_form.addRow(QLabel(), self.change_currency)
        cash_form.addRow(self.rate_label)
        for field in (self.cash_currency, self.change_currency, self.rate_label):
            cash_form.setRowVisible(field, len(self.currencies) > 1)
        cash_form.addRow(self.quick)
        cash_form.addRow(self.change_label)
        cash_form.addRow(self.cash_error)
        cash_form.addRow(self.add_cash)
        self.cash_form = cash_form
        # mobile money: the reference first (it is what the cashier types), the phone prefilled
        self.mobile_page = QWidget()
        self.provider = QComboBox()
        for code in rules.providers:
            self.provider.addItem(PROVIDERS[code].name, code)
        self.merchant = _big(QLabel(), 10)
        self.reference = QLineEdit()
        self.mobile_amount = QLineEdit()
        self.phone = QLineEdit(customer_phone)
        self.mobile_error = _error_label()
        self.add_mobile = QPushButton()
        mobile_form = QFormLayout(self.mobile_page)
        mobile_form.addRow(QLabel(), self.provider)
        mobile_form.addRow(QLabel(), self.merchant)
        mobile_form.addRow(QLabel(), self.reference)
        mobile_form.addRow(QLabel(), self.mobile_amount)
        mobile_form.addRow(QLabel(), self.phone)
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
        pages = {"cash": self.cash_page, "mobile_money": self.mobile_page, "card": self.card_page}
        for method in rules.methods:  # the domain says what this outlet takes
            self.tabs.addTab(pages[method], "")
        self.paid_list = QListWidget()
        self.paid_list.setMaximumHeight(90)
        self.paid_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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
        layout.addWidget(self.left_in_other)
        self.left_in_other.setVisible(len(self.currencies) > 1)
        layout.addWidget(self.tabs)
        layout.addWidget(self.paid_list)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.tendered.textChanged.connect(self._update_change)
        self.cash_currency.currentIndexChanged.connect(self._cash_currency_chosen)
        self.change_currency.currentIndexChanged.connect(self._update_change)
        self.add_cash.clicked.connect(self.add_cash_payment)
        self.reference.textChanged.connect(self._check_reference)
        self.add_mobile.clicked.connect(self.add_mobile_payment)
        self.provider.currentIndexChanged.connect(self._show_merchant)
        self.add_card.clicked.connect(self.add_card_payment)
        self.tabs.currentChanged.connect(self._focus_tab)
        QShortcut(QKeySequence("Alt+1"), self, lambda: self._show_page(self.cash_page))
        QShortcut(QKeySequence("Alt+2"), self, lambda: self._show_page(self.mobile_page))
        QShortcut(QKeySequence("Alt+3"), self, lambda: self._show_page(self.card_page))
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self._set_tab_order()
        self._fields = self._enter_fields()
        for field in self._fields:
            field.installEventFilter(self)
        self.setMinimumWidth(560)
        self.retranslate()
        self._show_merchant()

    def _set_tab_order(self) -> None:
        """Tab follows what is on screen: the method tabs, the page's fields and its Add button,
        then Confirm and Back (Qt skips the fields of the hidden pages)."""
        chain = (
            self.tabs.tabBar(),
            self.tendered,
            self.add_cash,
            self.provider,
            self.reference,
            self.mobile_amount,
            self.phone,
            self.add_mobile,
            self.approval,
            self.last4,
            self.card_amount,
            self.add_card,
            self.confirm_button,
            self.cancel_button,
        )
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- labels -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Payment"))
        set_label(self.cash_form, self.tendered, self.tr("Amount &tendered"))
        set_label(self.cash_form, self.cash_currency, self.tr("C&urrency handed over"))
        set_label(self.cash_form, self.change_currency, self.tr("Chan&ge in"))
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

    def showEvent(self, event: QShowEvent) -> None:
        """Opened with the cursor in the preselected method's field: F9, type, Enter."""
        super().showEvent(event)
        self._focus_tab()

    # --- state --------------------------------------------------------------------------
    def left(self) -> Money:
        return self.allocation.left

    def is_fully_paid(self) -> bool:
        return bool(self.tenders) and not self.left()

    def _row_text(self, payment: SettledPayment) -> str:
        amount = money_text(payment.amount)
        if payment.method == "cash":
            text = self.tr("Cash: {amount}").replace("{amount}", amount)
            if payment.change:
                text += " " + (
                    self.tr("(tendered {tendered}, change {change})")
                    .replace("{tendered}", money_text(payment.tendered))
                    .replace("{change}", money_text(payment.change))
                )
            if payment.settles is not None:
                text += " " + self.tr("= {value}").replace("{value}", money_text(payment.settles))
            return text
        if payment.method == "mobile_money":
            name = PROVIDERS[payment.provider].name if payment.provider in PROVIDERS else payment.provider
            return f"{name} {payment.reference}: {amount}"
        return (
            self.tr("Card ****{last4}: {amount}")
            .replace("{last4}", payment.last4 or "")
            .replace("{amount}", amount)
        )

    def _cash_currency(self) -> str:
        return self.cash_currency.currentData() or self.total.currency

    def _in_other_text(self) -> str:
        """What is left in the outlet's other cash currency, as the domain converts it."""
        others = [cash_left_in(self.allocation, self.rules, currency) for currency in self.currencies]
        shown = [money_text(m) for m in others if m and m.currency != self.left().currency]
        if not shown:
            return ""
        return self.tr("= {amounts} at the day's rate").replace("{amounts}", " / ".join(shown))

    def _cash_currency_chosen(self) -> None:
        """Picking the currency handed over also offers the change in it; the cursor goes back
        to the amount, so the cashier types the notes next."""
        index = self.change_currency.findData(self._cash_currency())
        if index >= 0:
            self.change_currency.setCurrentIndex(index)
        self._refresh()
        self.tendered.setFocus()

    def _refresh(self) -> None:
        left = cash_left_in(self.allocation, self.rules, self._cash_currency())
        if self.is_fully_paid():
            self.remaining_label.setText(self.tr("Fully paid"))
        else:
            self.remaining_label.setText(
                self.tr("To pay: {amount}").replace("{amount}", money_text(self.left()))
            )
        self.left_in_other.setText("" if self.is_fully_paid() else self._in_other_text())
        self.confirm_button.setEnabled(self.is_fully_paid())
        self.paid_list.clear()
        for payment in self.allocation.payments:
            self.paid_list.addItem(self._row_text(payment))
        owed = cash_left_in(self.allocation, self.rules, self.total.currency)
        placeholder = money_text(owed) if owed else ""
        self.mobile_amount.setPlaceholderText(placeholder)
        self.card_amount.setPlaceholderText(placeholder)
        while self.quick.count():
            item = self.quick.takeAt(0)
            if item.widget():
                item.widget().hide()  # gone at once, not when the deferred delete runs
                item.widget().deleteLater()
        if left:
            for amount in quick_cash_amounts(left, self.rules.steps):
                button = QPushButton(money_text(amount))
                button.setAutoDefault(False)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.clicked.connect(lambda _=False, a=amount: self._quick_amount(a))
                self.quick.addWidget(button)
        self._update_change()

    def _quick_amount(self, amount: Money) -> None:
        """A quick-amount button fills the field and leaves the cursor there: Enter adds it."""
        self.tendered.setText(str(amount.amount))
        self.tendered.setFocus()

    def _show_merchant(self) -> None:
        code = self.provider.currentData()
        self.merchant.setText(self.merchant_numbers.get(code, "—") if code else "—")
        self._check_reference()

    def _show_page(self, page: QWidget) -> None:
        if self.tabs.indexOf(page) >= 0:
            self.tabs.setCurrentWidget(page)
            self._focus_tab()

    def _focus_tab(self) -> None:
        target = {
            self.cash_page: self.tendered,
            self.mobile_page: self.reference,
            self.card_page: self.approval,
        }.get(self.tabs.currentWidget())
        if target is not None:
            target.setFocus()

    def _amount(self, text: str) -> Money:
        return Money(parse_amount(text), self.total.currency)

    def _cash_tender(self, text: str) -> CashTender:
        """Cash as typed, in the currency picked; the change currency only where there is a choice."""
        if len(self.currencies) < 2 or self.rules.rate is None:
            return CashTender(Money(parse_amount(text), self._cash_currency()))
        change_in = self.change_currency.currentData()
        amount = Money(parse_amount(text), self._cash_currency())
        return CashTender(amount, change_in, self.rules.rate.per_base)

    def _update_change(self) -> None:
        text = self.tendered.text().strip()
        self.cash_error.clear()
        self.change_label.clear()
        if not text:
            return
        try:
            trial = allocate(self.total, [*self.tenders, self._cash_tender(text)], self.rules)
        except KonnectError as error:
            self.cash_error.setText(error_text(error))
            return
        if not trial.left:
            self.change_label.setText(
                self.tr("Change due: {amount}").replace("{amount}", money_text(trial.change))
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

    def _add(self, build, error_label: QLabel) -> bool:
        """Add the tender ``build()`` returns if the domain accepts it with the others."""
        try:
            tender = check_tender(self.rules, build(), self.tenders)
            allocation = allocate(self.total, [*self.tenders, tender], self.rules)
        except KonnectError as error:
            error_label.setText(error_text(error))
            return False
        self.tenders.append(tender)
        self.allocation = allocation
        error_label.clear()
        self.error.clear()
        self._refresh()
        if self.is_fully_paid():
            self.confirm_button.setFocus()
        return True

    def _optional_amount(self, field: QLineEdit) -> Money | None:
        return self._amount(field.text()) if field.text().strip() else None

    def add_cash_payment(self) -> None:
        if self._add(lambda: self._cash_tender(self.tendered.text()), self.cash_error):
            self.tendered.clear()

    def add_mobile_payment(self) -> None:
        def build() -> Tender:
            amount = self._optional_amount(self.mobile_amount)
            return MobileMoneyTender(
                self.provider.currentData(), self.reference.text(), self.phone.text(), amount
            )

        if self._add(build, self.mobile_error):
            self.reference.clear()
            self.mobile_amount.clear()

    def add_card_payment(self) -> None:
        def build() -> Tender:
            return CardTender(
                self.approval.text(), self.last4.text(), self._optional_amount(self.card_amount)
            )

        if self._add(build, self.card_error):
            self.approval.clear()
            self.last4.clear()
            self.card_amount.clear()

    def _enter_fields(self) -> dict[QLineEdit, tuple[tuple[QLineEdit, ...], Callable[[], None]]]:
        """Each field, the fields whose text means "add this payment", and the action."""
        cash = ((self.tendered,), self.add_cash_payment)
        mobile = ((self.reference,), self.add_mobile_payment)
        card = ((self.approval, self.last4), self.add_card_payment)
        return {
            self.tendered: cash,
            self.reference: mobile,
            self.mobile_amount: mobile,
            self.phone: mobile,
            self.approval: card,
            self.last4: card,
            self.card_amount: card,
        }

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in a field adds that payment when something is typed there, else confirms a
        fully paid sale: one Enter never does both."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and watched in self._fields
        ):
            typed, add = self._fields[watched]
            if any(field.text().strip() for field in typed) or not self.is_fully_paid():
                add()
            else:
                self.confirm()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter on a button reached with Tab presses it; anywhere else it confirms, only when
        fully paid."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if isinstance(focus, QPushButton) and focus.isEnabled():
                focus.click()
            else:
                self.confirm()
            return
        super().keyPressEvent(event)

    def confirm(self) -> None:
        if self.is_fully_paid() and self.confirm_button.isEnabled():
            self.confirm_button.setEnabled(False)
            self.confirmed.emit(list(self.tenders))

    def show_error(self, error: Exception) -> None:
        """A refusal from the checkout service, placed next to its field."""
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
            self.allocation = allocate(self.total, self.tenders, self.rules)
            self.tabs.setCurrentWidget(self.mobile_page)
        self._refresh()
