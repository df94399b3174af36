"""One PDF preview (QtPdf) for receipts, daily reports and invoices: zoom, print, save, re-render.

The page fits the width when it opens; +/− zoom (Ctrl++ / Ctrl+−) and "Fit width" (Ctrl+0).
The kind of document gives the title, the save dialog's title and the file name.
With ``KONNECT_POS_PRINT_TO`` set to a folder, printing writes each job there as a PDF file
instead of asking for a printer (a counter without a printer, or a test of the print path).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QSize, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
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

from konnect_pos.languages import LANGUAGE_NAMES
from konnect_pos.ui import pdf_printing
from konnect_pos.ui.i18n import error_text

KINDS = ("receipt", "report", "invoice")
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)
FORMATS = {"80mm": "80 mm", "a4": "A4"}
PRINT_TO_ENV = "KONNECT_POS_PRINT_TO"
PRINT_DPI = 300  # sharp on paper (thermal printers are 203 dpi), fast to draw


def print_to_file(folder: str, stem: str) -> Path:
    """The next free ``stem-N.pdf`` in the print folder (made if missing): jobs never overwrite."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    number = 1
    while (target / f"{stem}-{number}.pdf").exists():
        number += 1
    return target / f"{stem}-{number}.pdf"


class PdfPreviewDialog(QDialog):
    """Shows PDF bytes; ``render(fmt, language)`` makes them again when the choice changes."""

    def __init__(
        self,
        name: str,
        pdf: bytes,
        render: Callable[[str, str], None],
        *,
        kind: str,
        fmt: str,
        language: str,
        formats: tuple[str, ...] = ("80mm", "a4"),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(f"unknown document kind {kind!r}")
        self.name, self.kind = name, kind
        self.pdf = pdf
        self.render = render
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setMinimumSize(QSize(360, 420))
        self.format = QComboBox()
        for code in formats:
            self.format.addItem(FORMATS[code], code)
        self.format.setCurrentIndex(max(0, self.format.findData(fmt)))
        self.format.setVisible(len(formats) > 1)
        self.language = QComboBox()
        for code, language_name in LANGUAGE_NAMES.items():
            self.language.addItem(language_name, code)
        self.language.setCurrentIndex(self.language.findData(language))
        self.zoom_out_button, self.zoom_in_button, self.fit_button = (
            QPushButton("−"),
            QPushButton("+"),
            QPushButton(),
        )
        for button in (self.zoom_out_button, self.zoom_in_button):
            button.setFixedWidth(36)
        self.fit_button.setCheckable(True)
        self.zoom_label = QLabel()
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.fit_button.clicked.connect(self.fit_width)
        self.status = QLabel()
        self.print_button = QPushButton()
        self.save_button = QPushButton()
        self.close_button = QPushButton()
        self.print_button.clicked.connect(self.print_pdf)
        self.print_job = pdf_printing.PrintJob(self)
        self.print_elsewhere: Callable[[], None] | None = None
        self.print_job.printed.connect(self._printed)
        self.print_job.failed.connect(self._print_failed)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.accept)
        self.format.currentIndexChanged.connect(self._rerender)
        self.language.currentIndexChanged.connect(self._rerender)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_pdf)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_pdf)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self.zoom_by(ZOOM_STEP))
        QShortcut(QKeySequence("Ctrl+="), self, lambda: self.zoom_by(ZOOM_STEP))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self.zoom_by(1 / ZOOM_STEP))
        QShortcut(QKeySequence("Ctrl+0"), self, self.fit_width)
        choices = QHBoxLayout()
        choices.addWidget(self.format)
        choices.addWidget(self.language)
        choices.addStretch()
        choices.addWidget(self.zoom_out_button)
        choices.addWidget(self.zoom_label)
        choices.addWidget(self.zoom_in_button)
        choices.addWidget(self.fit_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch()
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.view.zoomFactorChanged.connect(lambda _factor: self._show_zoom())
        self.retranslate()
        self.show_pdf(pdf)
        self._fit_screen(fmt)
        self.print_button.setDefault(True)

    def _fit_screen(self, fmt: str) -> None:
        """Large enough to read: most of the screen's height, an A4 page's width (a roll's narrower)."""
        screen = (
            self.parentWidget().screen() if self.parentWidget() else None
        ) or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen else None
        height = int(available.height() * 0.9) if available else 720
        width = min(
            int(height * (0.62 if fmt == "80mm" else 0.8)) + 60, available.width() if available else 900
        )
        self.resize(max(width, 520), height)

    def retranslate(self) -> None:
        titles = {
            "receipt": self.tr("Receipt {number}"),
            "report": self.tr("Daily sales summary {date}"),
            "invoice": self.tr("Invoice {number}"),
        }
        self.setWindowTitle(titles[self.kind].replace("{number}", self.name).replace("{date}", self.name))
        self.print_button.setText(self.tr("&Print (Ctrl+P)"))
        self.save_button.setText(self.tr("&Save as PDF (Ctrl+S)"))
        self.close_button.setText(self.tr("Close (Esc)"))
        self.fit_button.setText(self.tr("Fit width"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.fit_button.setToolTip(self.tr("Fit the page to the width (Ctrl+0)"))
        self._show_zoom()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_zoom(self) -> None:
        fitting = self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
        self.fit_button.setChecked(fitting)
        self.zoom_label.setText(f"{round(self.zoom_factor() * 100)} %")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._show_zoom()  # fitting the width, the scale follows the window

    def zoom_factor(self) -> float:
        """The scale the page is shown at now, also while it fits the width."""
        page = self.document.pagePointSize(0)
        if self.view.zoomMode() != QPdfView.ZoomMode.FitToWidth or page.width() <= 0:
            return self.view.zoomFactor()
        # QPdfView renders points at the screen's logical dpi (72 pt = 1 inch)
        dpi = self.view.logicalDpiX() or 96
        return self.view.viewport().width() / (page.width() * dpi / 72)

    def zoom_by(self, factor: float) -> None:
        low, high = ZOOM_RANGE
        zoom = min(high, max(low, self.zoom_factor() * factor))
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(zoom)
        self._show_zoom()

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_zoom()

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

    def save_title(self) -> str:
        return {
            "receipt": self.tr("Save receipt"),
            "report": self.tr("Save daily report"),
            "invoice": self.tr("Save invoice"),
        }[self.kind]

    # Modal questions behind small methods, so tests can answer them.
    def ask_printer(self, printer: QPrinter) -> bool:
        return QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted

    def ask_save_path(self) -> str:
        stem = f"daily-report-{self.name}" if self.kind == "report" else self.name
        path, _ = QFileDialog.getSaveFileName(self, self.save_title(), f"{stem}.pdf", "PDF (*.pdf)")
        return path

    def print_pdf(self, *, direct: bool = False) -> bool:
        """The print dialog here; the rendering on the print job's thread (konnect_pos/ui/pdf_printing.py)."""
        if not self.print_button.isEnabled():
            return False  # a print is still running
        if self.print_elsewhere is not None:  # e.g. the counter's thermal receipt printer
            self.print_elsewhere()
            return True
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        pdf_printing.prepare(
            printer, self.document.pagePointSize(0) if self.document.pageCount() else QSizeF(595, 842)
        )
        folder = os.environ.get(PRINT_TO_ENV)
        if folder:  # every print job into a file of that folder, no dialog (tests, a shop without a printer)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(print_to_file(folder, f"{self.kind}-{self.name}")))
        elif not direct and not self.ask_printer(printer):
            return False
        pdf_printing.choose_resolution(printer)
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("Printing…"))
        self.print_job.start(self.pdf, printer)
        return True

    def _printed(self, _pages: int) -> None:
        self.print_button.setEnabled(True)
        self.status.setText(self.tr("Sent to the printer"))

    def _print_failed(self, _reason: str) -> None:
        self.print_button.setEnabled(True)
        self.status.setText(self.tr("The printer could not be opened"))

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
