"""Settings ▸ Customer-service desk…: make this outlet a desk and give each country's merchant numbers.

A desk sells by phone to callers of every country: mobile money only, to the number given for the
caller's country. The rule and the checks live in ``services.customer_service``; this dialog only
shows the current numbers (asked on the worker) and sends what the administrator typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.domain.countries import COUNTRIES, PROVIDERS
from konnect_pos.i18n import country_name
from konnect_pos.services import customer_service
from konnect_pos.services.session import Counter
from konnect_pos.ui.forms import set_label
from konnect_pos.ui.i18n import current_language, error_text
from konnect_pos.ui.worker import DbWorker


class DeskDialog(QDialog):
    """The outlet's kind and, for a desk, a merchant number per country and provider."""

    saved = Signal(object)  # the outlet as saved (services.outlets.OutletView)

    def __init__(
        self, counter: Callable[[], Counter], worker: DbWorker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.counter, self.worker = counter, worker
        outlet = counter().terminal.outlet
        self.kind = QComboBox()
        for kind in customer_service.KINDS:
            self.kind.addItem(kind, kind)
        self.kind.setCurrentIndex(self.kind.findData(outlet.kind))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.kind)
        self.numbers_box = QGroupBox()
        numbers_form = QFormLayout(self.numbers_box)
        self.fields: dict[tuple[str, str], QLineEdit] = {}
        self.country_labels: dict[str, QLabel] = {}
        for code, market in COUNTRIES.items():
            row = QHBoxLayout()
            for provider in market.providers:
                field = QLineEdit()
                field.setPlaceholderText(PROVIDERS[provider].name)
                field.setToolTip(PROVIDERS[provider].name)
                self.fields[(code, provider)] = field
                row.addWidget(field)
            label = QLabel()
            self.country_labels[code] = label
            numbers_form.addRow(label, row)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c")
        self.error.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.numbers_box)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.retranslate()
        self._kind_changed()
        self.worker.submit(lambda: customer_service.desk_numbers(outlet), self.show_numbers, self.show_error)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Customer-service desk"))
        set_label(self.form, self.kind, self.tr("&Kind of outlet"))
        for index, text in enumerate(
            (self.tr("Konnect shop"), self.tr("Distributor"), self.tr("Customer Service (by phone)"))
        ):
            self.kind.setItemText(index, text)
        self.numbers_box.setTitle(self.tr("Merchant numbers given to callers of each country"))
        language = current_language()
        for code, label in self.country_labels.items():
            label.setText(country_name(code, language))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _kind_changed(self) -> None:
        self.numbers_box.setEnabled(self.kind.currentData() == customer_service.DESK)

    def show_numbers(self, numbers: dict[str, dict[str, str]]) -> None:
        for (code, provider), field in self.fields.items():
            field.setText(numbers.get(code, {}).get(provider, ""))

    def save(self) -> None:
        numbers: dict[str, dict[str, str]] = {}
        for (code, provider), field in self.fields.items():
            numbers.setdefault(code, {})[provider] = field.text()
        kind, counter = self.kind.currentData(), self.counter()
        self.save_button.setEnabled(False)
        self.worker.submit(
            lambda: customer_service.set_up_desk(counter, kind=kind, numbers=numbers),
            self._saved,
            self.show_error,
        )

    def _saved(self, outlet) -> None:
        self.saved.emit(outlet)
        self.accept()

    def show_error(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(error_text(error))
