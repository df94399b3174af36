"""The day's exchange rate at the counter (DRC: USD prices, cash in francs too).

``RateLine`` shows the rate in force under the totals ("1 USD = 2 850 FC") and hands it to the
payment dialog; ``ExchangeRateDialog`` (Managers ▸ Exchange rate…, Ctrl+E) sets today's rate.
Both ask the service on the worker; outlets with one currency show nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.domain.exchange import ExchangeRate, rate_pair, rate_text
from konnect_pos.services import exchange_rates
from konnect_pos.services.session import Counter
from konnect_pos.ui.forms import set_label
from konnect_pos.ui.i18n import error_text
from konnect_pos.ui.worker import DbWorker


class ExchangeRateDialog(QDialog):
    """Emits ``requested(text)`` with the rate as typed; the caller sets it on the worker."""

    requested = Signal(str)

    def __init__(self, base: str, quote: str, current: ExchangeRate | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.base, self.quote, self.current = base, quote, current
        self.rate = QLineEdit(str(int(current.per_base)) if current else "")
        self.now = QLabel()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(lambda: self.requested.emit(self.rate.text()))
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.rate)
        layout = QVBoxLayout(self)
        layout.addWidget(self.now)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Today's exchange rate"))
        set_label(
            self.form,
            self.rate,
            self.tr("&{quote} for 1 {base}").replace("{quote}", self.quote).replace("{base}", self.base),
        )
        self.now.setText(
            self.tr("In force: {rate}").replace("{rate}", rate_text(self.current))
            if self.current
            else self.tr("No rate is set yet: cash in {quote} is refused until one is.").replace(
                "{quote}", self.quote
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Opened with the rate selected: the manager types the new one over it, Enter."""
        super().showEvent(event)
        self.rate.setFocus()
        self.rate.selectAll()

    def show_error(self, error: Exception) -> None:
        self.error.setText(error_text(error))
        self.rate.setFocus()


class RateLine(QLabel):
    """The rate in force, under the counter's totals; ``rate`` is what the payment dialog uses."""

    def __init__(self, counter: Callable[[], Counter], worker: DbWorker, parent: QWidget | None = None):
        super().__init__(parent)
        self.counter, self.worker = counter, worker
        self.rate: ExchangeRate | None = None
        self.dialog: ExchangeRateDialog | None = None
        self.pair = rate_pair(counter().terminal.outlet.country)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setVisible(self.pair is not None)
        self.refresh()

    def refresh(self) -> None:
        if self.pair is None:
            return
        counter = self.counter()
        self.worker.submit(lambda: exchange_rates.current_rate(counter), self._show, lambda _error: None)

    def _show(self, rate: ExchangeRate | None) -> None:
        self.rate = rate
        self.retranslate()

    def retranslate(self) -> None:
        if self.pair is None:
            return
        if self.rate is None:
            self.setText(self.tr("No exchange rate set today (Ctrl+E)"))
            return
        today = self.counter().today()
        text = self.tr("Rate: {rate}").replace("{rate}", rate_text(self.rate))
        if self.rate.since is not None and self.rate.since < today:
            text += " " + self.tr("(set for {date})").replace("{date}", self.rate.since.isoformat())
        self.setText(text)

    def open_dialog(self) -> None:
        """Managers ▸ Exchange rate…: type the francs for one dollar, Enter."""
        if self.pair is None:
            return
        dialog = ExchangeRateDialog(*self.pair, self.rate, self.window())
        counter = self.counter()

        def done(_view) -> None:
            dialog.accept()
            self.refresh()

        dialog.requested.connect(
            lambda text: self.worker.submit(
                lambda: exchange_rates.set_rate(counter, *self.pair, text), done, dialog.show_error
            )
        )
        self.dialog = dialog
        dialog.open()
