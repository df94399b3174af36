"""PDF preview (QtPdf) with Print and Save as PDF, format and language: receipts and daily reports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QSize, Qt
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.i18n import LANGUAGE_NAMES
from konnect_pos.ui.i18n import error_text


class ReceiptDialog(QDialog):
    """Shows PDF bytes; ``render(fmt, language) -> bytes`` makes them again when the choice changes."""

    def __init__(
        self,
        receipt_number: str,
        pdf: bytes,
        render: Callable[[str, str], None],
        *,
        fmt: str,
        language: str,
        title: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.receipt_number = receipt_number
        self.title = title  # a daily report reuses this preview with its own title
        self.pdf = pdf
        self.render = render
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setMinimumSize(QSize(360, 480))
        self.format = QComboBox()
        self.format.addItem("80 mm", "80mm")
        self.format.addItem("A4", "a4")
        self.format.setCurrentIndex(self.format.findData(fmt))
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(language))
        self.status = QLabel()
        self.print_button = QPushButton()
        self.save_button = QPushButton()
        self.close_button = QPushButton()
        self.print_button.clicked.connect(self.print_receipt)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.accept)
        self.format.currentIndexChanged.connect(self._rerender)
        self.language.currentIndexChanged.connect(self._rerender)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_receipt)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_pdf)
        choices = QHBoxLayout()
        choices.addWidget(self.format)
        choices.addWidget(self.language)
        choices.addStretch()
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch()
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.view)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.retranslate()
        self.show_pdf(pdf)
        self.print_button.setDefault(True)

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.title or self.tr("Receipt {number}").replace("{number}", self.receipt_number)
        )
        self.print_button.setText(self.tr("&Print (Ctrl+P)"))
        self.save_button.setText(self.tr("&Save as PDF (Ctrl+S)"))
        self.close_button.setText(self.tr("Close (Esc)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_pdf(self, pdf: bytes) -> None:
        self.pdf = pdf
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.view.verticalScrollBar().setValue(0)  # start at the top of the first page

    def page_count(self) -> int:
        return self.document.pageCount()

    def _rerender(self) -> None:
        self.render(self.format.currentData(), self.language.currentData())

    def show_error(self, error: Exception) -> None:
        self.status.setText(error_text(error))

    # Modal questions behind small methods, so tests can answer them.
    def ask_printer(self, printer: QPrinter) -> bool:
        return QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted

    def ask_save_path(self) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save receipt"), f"{self.receipt_number}.pdf", "PDF (*.pdf)"
        )
        return path

    def print_receipt(self, *, direct: bool = False) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not direct and not self.ask_printer(printer):
            return False
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText(self.tr("The printer could not be opened"))
            return False
        for page in range(self.document.pageCount()):
            if page:
                printer.newPage()
            target = painter.viewport().size()
            image = self.document.render(page, target)
            painter.drawImage(0, 0, image)
        painter.end()
        self.status.setText(self.tr("Sent to the printer"))
        return True

    def save_pdf(self) -> bool:
        path = self.ask_save_path()
        if not path:
            return False
        Path(path).write_bytes(self.pdf)
        self.status.setText(self.tr("Saved: {path}").replace("{path}", path))
        return True

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.accept()
            return
        super().keyPressEvent(event)
