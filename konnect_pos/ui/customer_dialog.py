"""New customer (F3) with validation messages as the agent types."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
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

from konnect_pos.domain.customers import CustomerInput, field_problems, validate_customer
from konnect_pos.domain.errors import KonnectError
from konnect_pos.ui.forms import set_label
from konnect_pos.ui.i18n import error_text


class NewCustomerDialog(QDialog):
    """Emits ``submitted(CustomerInput)``; the window saves it and calls ``show_error`` on refusal."""

    submitted = Signal(object)

    def __init__(self, country: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.country = country
        self.name, self.phone, self.account, self.kit = (QLineEdit() for _ in range(4))
        self.language = QComboBox()
        for code, label in (("", "—"), ("en", "English"), ("fr", "Français"), ("sw", "Kiswahili")):
            self.language.addItem(label, code)
        self.errors = {field: QLabel() for field in ("name", "phone", "account_number", "kit_serial", "form")}
        for label in self.errors.values():
            label.setStyleSheet("color: #b91c1c")
        self.form = QFormLayout()
        for field, widget in (
            ("name", self.name),
            ("phone", self.phone),
            ("account_number", self.account),
            ("kit_serial", self.kit),
        ):
            self.form.addRow(QLabel(), widget)
            self.form.addRow(QLabel(), self.errors[field])
        self.form.addRow(QLabel(), self.language)
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.errors["form"])
        layout.addLayout(buttons)
        for widget in (self.name, self.phone, self.account, self.kit):
            widget.textEdited.connect(self.validate)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New customer"))
        for widget, text in (
            (self.name, self.tr("&Name")),
            (self.phone, self.tr("&Phone")),
            (self.account, self.tr("&Account number")),
            (self.kit, self.tr("&Kit serial")),
            (self.language, self.tr("Receipt &language")),
        ):
            set_label(self.form, widget, text)
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def data(self) -> CustomerInput:
        return CustomerInput(
            name=self.name.text(),
            phone=self.phone.text(),
            country=self.country,
            account_number=self.account.text(),
            kit_serial=self.kit.text(),
            language=self.language.currentData(),
        )

    def validate(self) -> bool:
        """Live check: each field typed so far shows its own problem."""
        for label in self.errors.values():
            label.clear()
        data = self.data()
        problems = field_problems(data)
        for field, error in problems.items():
            if field in self.errors and getattr(data, field):
                self.errors[field].setText(error_text(error))
        return not problems

    def save(self) -> None:
        try:
            validate_customer(self.data())
        except KonnectError as error:
            self.show_error(error)
            return
        self.submitted.emit(self.data())

    def show_error(self, error: Exception) -> None:
        field = getattr(error, "field", None)
        self.errors.get(field, self.errors["form"]).setText(error_text(error))
