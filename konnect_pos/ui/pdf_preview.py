"""One PDF preview for receipts, daily reports and invoices: zoom, print, save, re-render.

The pages are rasterised by PDFium (``ui/pdf_pages.py``, pypdfium2), not QtPdf, which only the
438 MB PySide6-Addons wheel carries; ``PdfPageView`` shows them one under the other, fitting the
width when it opens; +/− zoom (Ctrl++ / Ctrl+−) and "Fit width" (Ctrl+0).
The kind of document gives the title, the save dialog's title and the file name.
With ``KONNECT_POS_PRINT_TO`` set to a folder, printing writes each job there as a PDF file
instead of asking for a printer (a counter without a printer, or a test of the print path).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QRect, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QPainter, QPaintEvent, QPalette, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.languages import LANGUAGE_NAMES
from konnect_pos.ui import pdf_printing
from konnect_pos.ui.i18n import error_text
from konnect_pos.ui.pdf_pages import PdfPages

KINDS = ("receipt", "report", "invoice")
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)
FORMATS = {"80mm": "80 mm", "a4": "A4"}
PRINT_TO_ENV = "KONNECT_POS_PRINT_TO"
PRINT_DPI = 300  # sharp on paper (thermal printers are 203 dpi), fast to draw


class PdfPageView(QScrollArea):
    """The pages one under the other on a grey ground, at a zoom or fitting the viewport's width.

    Zoom 1.0 shows a point at the screen's logical dpi (72 pt = 1 inch), as QPdfView did. Pages
    are rendered when first painted, at the device's pixel ratio, and only the visible ones are
    kept (a 400 % A4 page is ~57 MB).
    """

    MARGIN = 6  # around the pages and between two pages, in pixels
    zoomFactorChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = b""
        self.sizes: list[QSizeF] = []  # each page's size in points
        self.fitting = True
        self._zoom = 1.0
        self._shown_zoom = 0.0
        self._rects: list[QRect] = []
        self._images: dict[int, QImage] = {}
        self.pages = _Pages(self)
        self.setWidget(self.pages)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setBackgroundRole(QPalette.ColorRole.Dark)
        # Always there, so fitting the width never makes the scroll bar come and go.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)

    def set_pdf(self, pdf: bytes) -> None:
        with PdfPages(pdf) as document:
            self.sizes = document.sizes
        self.pdf = pdf
        self._images.clear()
        self._lay_out()

    def page_count(self) -> int:
        return len(self.sizes)

    def zoom_factor(self) -> float:
        """The scale the pages are shown at now, also while they fit the width."""
        if not self.fitting or not self.sizes:
            return self._zoom
        widest = max(size.width() for size in self.sizes) * self._dots_per_point(1.0)
        return max(1, self.viewport().width() - 2 * self.MARGIN) / widest

    def set_zoom(self, zoom: float) -> None:
        self.fitting, self._zoom = False, zoom
        self._lay_out()

    def fit_width(self) -> None:
        self.fitting = True
        self._lay_out()

    def _dots_per_point(self, zoom: float) -> float:
        return zoom * (self.logicalDpiX() or 96) / 72

    def _lay_out(self) -> None:
        zoom = self.zoom_factor()
        scale = self._dots_per_point(zoom)
        sizes = [QSize(round(size.width() * scale), round(size.height() * scale)) for size in self.sizes]
        width = max((size.width() for size in sizes), default=0) + 2 * self.MARGIN
        rects, top = [], self.MARGIN
        for size in sizes:
            rects.append(QRect((width - size.width()) // 2, top, size.width(), size.height()))
            top += size.height() + self.MARGIN
        if rects != self._rects:
            self._images.clear()
        self._rects = rects
        self.pages.resize(width, top)
        self.pages.update()
        if zoom != self._shown_zoom:
            self._shown_zoom = zoom
            self.zoomFactorChanged.emit(zoom)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self._lay_out()

    def paint_pages(self, painter: QPainter, area: QRect) -> None:
        visible = self.pages.visibleRegion().boundingRect()
        wanted = [index for index, rect in enumerate(self._rects) if rect.intersects(area)]
        for index in [index for index in self._images if not self._rects[index].intersects(visible)]:
            del self._images[index]  # scrolled away
        missing = [index for index in wanted if index not in self._images]
        if missing:
            ratio = self.devicePixelRatioF()
            with PdfPages(self.pdf) as document:
                for index in missing:
                    rect = self._rects[index]
                    image = document.render(
                        index, QSize(round(rect.width() * ratio), round(rect.height() * ratio))
                    )
                    image.setDevicePixelRatio(ratio)
                    self._images[index] = image
        for index in wanted:
            painter.drawImage(self._rects[index], self._images[index])


class _Pages(QWidget):
    def __init__(self, view: PdfPageView) -> None:
        super().__init__()
        self.view = view

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self.view.paint_pages(painter, event.rect())
        finally:
            painter.end()


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
        self.view = PdfPageView()
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
        self.extra_buttons = QHBoxLayout()  # what a caller adds (the receipt's "Send by SMS…")
        buttons.addLayout(self.extra_buttons)
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

    def add_button(self, button: QPushButton) -> None:
        """A caller's action beside Print and Save."""
        self.extra_buttons.addWidget(button)

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
        self.fit_button.setChecked(self.view.fitting)
        self.zoom_label.setText(f"{round(self.zoom_factor() * 100)} %")

    def zoom_factor(self) -> float:
        """The scale the page is shown at now, also while it fits the width."""
        return self.view.zoom_factor()

    def zoom_by(self, factor: float) -> None:
        low, high = ZOOM_RANGE
        self.view.set_zoom(min(high, max(low, self.zoom_factor() * factor)))
        self._show_zoom()

    def fit_width(self) -> None:
        self.view.fit_width()
        self._show_zoom()

    def show_pdf(self, pdf: bytes) -> None:
        self.pdf = pdf
        self.view.set_pdf(pdf)
        self.view.verticalScrollBar().setValue(0)  # start at the top of the first page

    def page_count(self) -> int:
        return self.view.page_count()

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
        pdf_printing.prepare(printer, self.view.sizes[0] if self.view.sizes else QSizeF(595, 842))
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
