"""Find the customer (F2) or create one (F3): the first step of every sale.

Search runs as you type, after a short pause (the debounce), on the database worker; every query
carries a serial number and a late answer to an older query is dropped, so the list always
matches the text in the box. Enter picks the top hit; a barcode scanner's Enter arrives before
the pause is over, so Enter searches at once and picks what it finds.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QVBoxLayout

from konnect_pos.services import customers
from konnect_pos.services.session import Counter
from konnect_pos.ui.customer_dialog import NewCustomerDialog
from konnect_pos.ui.i18n import error_text
from konnect_pos.ui.worker import DbWorker

SEARCH_DEBOUNCE_MS = 250


class CustomerSearchBox(QGroupBox):
    """Emits ``picked(account_number)`` for a chosen or newly created customer."""

    picked = Signal(str)

    def __init__(self, counter: Callable[[], Counter], worker: DbWorker) -> None:
        super().__init__()
        self.counter, self.worker = counter, worker  # the counter changes at unlock and in settings
        self.customer_dialog: NewCustomerDialog | None = None
        self._search_serial = 0
        self._pick_when_found = False

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search_error = QLabel()
        self.search_error.setStyleSheet("color: #b91c1c")
        self.results = QListWidget()
        self.results.itemActivated.connect(lambda item: self.picked.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.new_customer_button = QPushButton()
        self.new_customer_button.clicked.connect(self.open_new_customer)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self.debounce.timeout.connect(self.run_search)
        self.search.textEdited.connect(lambda _: self.debounce.start())
        self.search.returnPressed.connect(self.search_enter)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.new_customer_button)
        layout.addLayout(row)
        layout.addWidget(self.search_error)
        layout.addWidget(self.results, 1)  # a taller screen shows more results

    def retranslate(self) -> None:
        self.setTitle(self.tr("Find a customer (F2)"))
        self.search.setPlaceholderText(self.tr("Name, phone, account number or kit serial"))
        self.new_customer_button.setText(self.tr("New customer (F3)"))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def clear(self) -> None:
        """Another user signed in: their screen starts empty, and a late answer is dropped."""
        self._search_serial += 1
        self.search.clear()
        self.results.clear()
        self.search_error.clear()

    def run_search(self) -> None:
        query = self.search.text()
        self._search_serial += 1
        serial = self._search_serial
        if len(query.strip()) < 3:
            self.results.clear()
            self.search_error.clear()
            self._pick_when_found = False
            return
        region = self.counter().terminal.outlet.country.code
        self.worker.submit(
            lambda: customers.search_customers(query, region=region),
            lambda found: self._show_results(serial, found),
            lambda error: self._search_failed(serial, error),
        )

    def _show_results(self, serial: int, found: list) -> None:
        if serial != self._search_serial:
            return  # an older query answered late
        self.search_error.clear()
        self.results.clear()
        # Rows made by Qt from plain strings: each QListWidgetItem made in Python leaks one reference
        # to None (PySide6 6.11.3, measured), i.e. ~20 per search in a long session.
        self.results.addItems(
            [
                f"{customer.name}  ·  {customer.account_number}  ·  {customer.phone}"
                + (f"  ·  {customer.kit_serial}" if customer.kit_serial else "")
                for customer in found
            ]
        )
        for row, customer in enumerate(found):
            self.results.item(row).setData(Qt.ItemDataRole.UserRole, customer.account_number)
        if not found:
            self.search_error.setText(self.tr("No customer found"))
        elif self._pick_when_found:
            self.picked.emit(found[0].account_number)
        self._pick_when_found = False

    def _search_failed(self, serial: int, error: Exception) -> None:
        if serial == self._search_serial:
            self.search_error.setText(error_text(error))
            self._pick_when_found = False

    def search_enter(self) -> None:
        """Enter picks the top hit; a scanner's Enter arrives before the debounce, so search now."""
        if self.debounce.isActive() or self.results.count() == 0:
            self.debounce.stop()
            self._pick_when_found = True
            self.run_search()
            return
        self.picked.emit(self.results.item(0).data(Qt.ItemDataRole.UserRole))

    # --- new customer (F3) ------------------------------------------------------------------
    def open_new_customer(self) -> None:
        dialog = NewCustomerDialog(self.counter().terminal.outlet.country.code, self.window())
        dialog.submitted.connect(lambda data: self._create_customer(dialog, data))
        self.customer_dialog = dialog
        dialog.open()

    def _create_customer(self, dialog: NewCustomerDialog, data) -> None:
        counter = self.counter()

        def created(view) -> None:
            dialog.accept()
            self.picked.emit(view.account_number)

        self.worker.submit(
            lambda: customers.create_customer(data, counter.clock, counter.terminal.id),
            created,
            dialog.show_error,
        )
