"""At a customer-service desk: what the agent tells the caller, above the cart.

"Caller from Tanzania · mobile money only: M-Pesa 5039595 · Mixx by Yas 7739595 · Customer
Service Monday to Saturday, 9am–6pm, +255 768 132 829". The terms (merchant numbers of the
caller's country, its catalog and currency) are asked of ``services.customer_service`` on the
worker each time a customer is loaded; a late answer for an earlier caller is dropped.
Hidden at a shop or distributor.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from konnect_pos.domain.countries import PROVIDERS
from konnect_pos.i18n import country_name
from konnect_pos.services import customer_service
from konnect_pos.services.customer_service import CallerTerms
from konnect_pos.services.session import Counter
from konnect_pos.ui.i18n import current_language
from konnect_pos.ui.worker import DbWorker


class CallerLine(QWidget):
    """The caller's country's merchant numbers and Customer Service hours; ``terms`` once known."""

    terms_changed = Signal(object)  # CallerTerms | None

    def __init__(self, counter: Callable[[], Counter], worker: DbWorker, parent: QWidget) -> None:
        super().__init__(parent)
        self.counter, self.worker = counter, worker
        self.terms: CallerTerms | None = None
        self._serial = 0
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet("color: #047857; font-weight: bold")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        self.setVisible(False)

    def show_for(self, caller_country: str | None) -> None:
        """A customer was loaded (None: nobody at the counter)."""
        self._serial += 1
        serial, outlet = self._serial, self.counter().terminal.outlet
        if caller_country is None or not customer_service.is_desk(outlet):
            self._show(serial, None)
            return
        self.worker.submit(
            lambda: customer_service.caller_terms(outlet, caller_country),
            lambda terms: self._show(serial, terms),
            lambda _error: self._show(serial, None),
        )

    def _show(self, serial: int, terms: CallerTerms | None) -> None:
        if serial != self._serial:
            return  # an answer for an earlier caller
        self.terms = terms
        self.retranslate()
        self.terms_changed.emit(terms)

    def retranslate(self) -> None:
        terms = self.terms
        if terms is None:
            self.text.clear()
            self.setVisible(False)
            return
        language = current_language()
        numbers = " · ".join(f"{PROVIDERS[p].name} {n}" for p, n in terms.merchant_numbers.items())
        parts = [
            self.tr("Caller from {country}").replace("{country}", country_name(terms.country.code, language)),
            self.tr("mobile money only: {numbers}").replace(
                "{numbers}", numbers or self.tr("no merchant number set")
            ),
            self.tr("Customer Service {hours}, {phone}")
            .replace("{hours}", self.tr("Monday to Saturday, 9am–6pm"))
            .replace("{phone}", terms.service.phone),
        ]
        self.text.setText(" · ".join(parts))
        self.setVisible(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
