"""The counter's thermal receipt printer: the receipt and the drawer kick after a sale, "Open drawer".

The bytes are built on the database worker (they read the sale); sending them happens on a
thread of its own, with a timeout, because a printer that is off or stuck must neither freeze
the window nor hold up the next database call. The sale is committed before any of this: a
printer fault is one line in the status bar, and the receipt can be printed again from the
customer's purchases.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QLabel, QMainWindow

from konnect_pos.services import receipt_printer
from konnect_pos.services.session import Counter
from konnect_pos.ui.i18n import error_text
from konnect_pos.ui.pdf_preview import PdfPreviewDialog
from konnect_pos.ui.worker import BackgroundWorker, DbWorker

PRINTER_KEY, PAPER_KEY = "thermal_printer", "thermal_paper"


def thermal_printer(store: QSettings) -> str:
    """The printer URL of this machine, "" for none (receipts then go through the PDF preview)."""
    return str(store.value(PRINTER_KEY, "") or "").strip()


def thermal_paper(store: QSettings) -> str:
    value = str(store.value(PAPER_KEY, "80mm"))
    return value if value in receipt_printer.PAPERS else "80mm"


class PrinterLine(QObject):
    """Sends bytes to a printer on its own thread and answers on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = BackgroundWorker(self)  # one job at a time: a receipt is never interleaved

    def send(
        self, printer: str, payload: bytes | Callable[[], bytes], done: Callable[[Exception | None], None]
    ) -> None:
        """``payload`` may be a callable that builds the bytes, so building runs on this thread too."""

        def run() -> None:
            receipt_printer.send(printer, payload() if callable(payload) else payload)

        # a fault is shown as one line, never raised
        self.worker.submit(run, lambda _nothing: done(None), done)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.worker.wait(msecs)


class ReceiptPrinting(QObject):
    """Owns the status-bar line that says what the printer did."""

    def __init__(
        self, counter: Callable[[], Counter], worker: DbWorker, store: QSettings, window: QMainWindow
    ) -> None:
        super().__init__(window)
        self.counter, self.worker, self.store = counter, worker, store  # the counter changes at unlock
        self.line = PrinterLine(self)
        self.status = QLabel()
        window.statusBar().addWidget(self.status)

    def enabled(self) -> bool:
        return bool(thermal_printer(self.store))

    def after_sale(self, receipt_number: str) -> None:
        """The new sale's receipt, with the drawer kick when cash was taken."""
        printer = thermal_printer(self.store)
        if not printer:
            return
        counter, paper = self.counter(), thermal_paper(self.store)
        self.status.setText(self.tr("Printing the receipt…"))

        def built(receipt: receipt_printer.ThermalReceipt) -> None:
            self.line.send(printer, receipt.payload, lambda error: self._printed(receipt, error))

        self.worker.submit(
            lambda: receipt_printer.thermal_receipt(counter, receipt_number, paper=paper), built, self._failed
        )

    def _printed(self, receipt: receipt_printer.ThermalReceipt, error: Exception | None) -> None:
        if error is not None:
            self._failed(error)
        elif receipt.opens_drawer:
            self.status.setText(
                self.tr("Receipt {number} printed, drawer opened").replace("{number}", receipt.receipt_number)
            )
        else:
            self.status.setText(
                self.tr("Receipt {number} printed").replace("{number}", receipt.receipt_number)
            )

    def attach(self, preview: PdfPreviewDialog, receipt_number: str, *, copy: bool) -> None:
        """With a thermal printer set, the preview's Print (Ctrl+P) prints there: no drawer kick."""
        if not self.enabled():
            return

        def print_again() -> None:
            counter, printer, paper = self.counter(), thermal_printer(self.store), thermal_paper(self.store)
            language = preview.language.currentData()

            def built(receipt: receipt_printer.ThermalReceipt) -> None:
                def sent(error: Exception | None) -> None:
                    self._printed(receipt, error)
                    preview.status.setText(self.status.text())

                self.line.send(printer, receipt.payload, sent)

            self.worker.submit(
                lambda: receipt_printer.thermal_receipt(
                    counter, receipt_number, paper=paper, copy=copy, language=language, drawer=False
                ),
                built,
                lambda error: preview.status.setText(error_text(error)),
            )

        preview.print_elsewhere = print_again

    def open_drawer(self) -> None:
        """Managers → Open the cash drawer: journaled by the service, then the pulse is sent."""
        printer = thermal_printer(self.store)
        if not printer:
            self.status.setText(self.tr("No receipt printer is set: choose one in Settings"))
            return
        counter = self.counter()

        def journaled(pulse: bytes) -> None:
            self.line.send(printer, pulse, self._drawer_sent)

        self.worker.submit(lambda: receipt_printer.open_drawer(counter, printer), journaled, self._failed)

    def _drawer_sent(self, error: Exception | None) -> None:
        if error is not None:
            self._failed(error)
        else:
            self.status.setText(self.tr("Cash drawer opened"))

    def _failed(self, error: Exception) -> None:
        self.status.setText(error_text(error))
