"""The bundle advice beside the cart: what fits this customer's own history, and F8 adds it.

``AdviceLine`` asks ``services.advice`` on the worker each time a customer is loaded (a late
answer for an earlier customer is dropped by its serial number) and shows one sentence
("Advice: ran out after 9 days on average: Konnect Standard 40 GB, when the data runs out").
F8 puts that bundle in the cart with that activation order; the sale itself is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from konnect_pos.advice_words import advice_line
from konnect_pos.domain.advice import BundleAdvice
from konnect_pos.services import advice as advice_service
from konnect_pos.services.session import Counter
from konnect_pos.ui.cart_widget import CartWidget
from konnect_pos.ui.i18n import current_language
from konnect_pos.ui.worker import DbWorker

ADD_KEY = "F8"


class AdviceLine(QWidget):
    """One line above the cart and an "Add (F8)" button; hidden until there is advice."""

    def __init__(
        self, counter: Callable[[], Counter], worker: DbWorker, cart: CartWidget, window: QWidget
    ) -> None:
        super().__init__(window)
        self.counter, self.worker, self.cart = counter, worker, cart
        self.advice: BundleAdvice | None = None
        self._serial = 0
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet("color: #1d4ed8")
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_to_cart)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.add_button)
        QShortcut(QKeySequence(ADD_KEY), window, self.add_to_cart)
        self.setVisible(False)
        self.retranslate()

    def show_for(self, account_number: str) -> None:
        self._serial += 1
        serial, counter = self._serial, self.counter()
        self.worker.submit(
            lambda: advice_service.advise(account_number, counter.clock()),
            lambda found: self._show(serial, found),
            lambda _error: self._show(serial, None),
        )

    def _show(self, serial: int, found: BundleAdvice | None) -> None:
        if serial != self._serial:
            return  # an answer for an earlier customer
        self.advice = found
        self.retranslate()

    def add_to_cart(self) -> None:
        """F8: the advised bundle into the cart, starting as advised."""
        if self.advice is None:
            return
        self.cart.add(self.advice.offer.code)
        self.cart.set_trigger(len(self.cart.items) - 1, self.advice.trigger)
        self.cart.setFocus()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add (F8)"))
        if self.advice is None:
            self.text.clear()
            self.setVisible(False)
            return
        self.text.setText(advice_line(self.advice, current_language()))
        self.setVisible(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
