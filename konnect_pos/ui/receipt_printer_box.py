"""Settings → Receipt printer: a thermal printer's URL and paper width, and "Print a test page".

Empty URL: no thermal printer, receipts go through the PDF preview and the OS printer as before.
The URL is checked when it is saved and when a test page is sent; a printer that is off or
stuck is said in one line under the box (the sending runs on its own thread, with a timeout).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton

from konnect_pos.domain.errors import KonnectError
from konnect_pos.services import receipt_printer
from konnect_pos.ui.counter.receipt_printing import (
    PAPER_KEY,
    PRINTER_KEY,
    PrinterLine,
    thermal_paper,
    thermal_printer,
)
from konnect_pos.ui.i18n import error_text


class ReceiptPrinterBox(QGroupBox):
    def __init__(self, store: QSettings, language: str) -> None:
        super().__init__()
        self.store, self.language = store, language
        self.printer = QLineEdit(thermal_printer(store))
        self.printer.setPlaceholderText("tcp://192.168.1.50:9100")
        self.printer.editingFinished.connect(self.check_printer)  # said before Save closes the dialog
        self.paper = QComboBox()
        self.paper.addItem("80 mm", "80mm")
        self.paper.addItem("58 mm", "58mm")
        self.paper.setCurrentIndex(self.paper.findData(thermal_paper(store)))
        self.test_button = QPushButton()
        self.test_button.clicked.connect(self.print_test_page)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)  # one line only once there is something to say
        # One row: the settings dialog must still fit a 1366×768 screen (tests/test_ui_window_size.py).
        row = QHBoxLayout()
        row.addWidget(self.printer, 1)
        row.addWidget(self.paper)
        row.addWidget(self.test_button)
        self.form = QFormLayout(self)
        self.form.addRow(QLabel(), row)
        self.form.addRow(self.message)
        self.line = PrinterLine(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Receipt printer (ESC/POS)"))
        label = self.form.itemAt(0, QFormLayout.ItemRole.LabelRole).widget()
        label.setText(self.tr("&Printer"))
        label.setBuddy(self.printer)
        self.printer.setToolTip(self.tr("Empty: receipts print through the PDF preview"))
        self.paper.setToolTip(self.tr("Paper width"))
        self.test_button.setText(self.tr("Print a &test page"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def print_test_page(self) -> None:
        if not self.check_printer():
            return
        printer, paper, language = self.printer.text().strip(), self.paper.currentData(), self.language
        if not printer:
            self.say(self.tr("No receipt printer is set: choose one in Settings"))
            return
        self.test_button.setEnabled(False)
        self.say(self.tr("Sending a test page…"))
        self.line.send(
            printer, lambda: receipt_printer.printer_test_page(printer, paper, language), self._sent
        )

    def _sent(self, error: Exception | None) -> None:
        self.test_button.setEnabled(True)
        self.say(error_text(error) if error else self.tr("Test page sent"))

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def check_printer(self) -> bool:
        printer = self.printer.text().strip()
        try:
            if printer:
                receipt_printer.parse_printer(printer)
        except KonnectError as error:
            self.say(error_text(error))
            return False
        self.say("")
        return True

    def save_settings(self) -> None:
        """Kept as typed when it parses; a malformed URL keeps the one saved before."""
        if not self.check_printer():
            return
        self.store.setValue(PRINTER_KEY, self.printer.text().strip())
        self.store.setValue(PAPER_KEY, self.paper.currentData())
        self.store.sync()
