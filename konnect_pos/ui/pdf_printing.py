"""Printing a PDF through the OS printer, off the GUI thread, at the page's own size.

The preview used to paint an A4 page at the printer's "high resolution" (1200 dpi on a PDF
printer: a 9,921 × 14,031 pixel image) on the GUI thread: 4–6 s frozen and ~740 MB of memory,
even for an 80 mm receipt. Now:

- the printer is given the document's own page size (an 80 mm roll stays 80 mm) before the
  print dialog, so the person sees it and may still pick another paper;
- the resolution is what the paper needs: 203 dpi on a roll (the thermal heads' 8 dots a mm),
  300 dpi on a sheet — a 2,480 × 3,508 page image, 35 MB, rendered one page at a time;
- QPainter on a QPrinter is allowed outside the GUI thread (Qt's threading docs); the PDF is
  rasterised by PDFium (``ui/pdf_pages.py``), whose calls all hold one lock: the preview may be
  drawing pages on the GUI thread meanwhile and PDFium is not thread-safe.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QMarginsF,
    QObject,
    QPointF,
    QRectF,
    QSizeF,
    Signal,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from konnect_pos.ui.pdf_pages import PRINT_FLAGS, PdfPages
from konnect_pos.ui.worker import BackgroundWorker

ROLL_DPI = 203
SHEET_DPI = 300
ROLL_MAX_WIDTH_MM = 112  # wider than any receipt roll, narrower than A6
# A page is rendered and sent in bands: QPainter.drawImage holds Python's GIL for the whole call
# (and QtPdf's render did too), so one A4 image (~0.4 s) would stall the GUI thread's next Python
# callback; a band of rows takes a few ms, only one band is in memory at a time, and the preview
# waits at most one band for the PDFium lock.
BAND_ROWS = 64


def prepare(printer: QPrinter, page: QSizeF) -> None:
    """Paper of the page's size, no margins (the PDF has its own), the paper's resolution."""
    printer.setPageSize(QPageSize(page, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    choose_resolution(printer)


def choose_resolution(printer: QPrinter) -> None:
    """203 dpi on a roll, 300 dpi on a sheet: again after the dialog, whose paper may differ."""
    width = printer.pageLayout().fullRect(QPageLayout.Unit.Millimeter).width()
    printer.setResolution(ROLL_DPI if width <= ROLL_MAX_WIDTH_MM else SHEET_DPI)


def render_to_printer(pdf: bytes, printer: QPrinter) -> int:
    """Every page, scaled to fit the printer's paper; returns the pages printed. Any thread."""
    with PdfPages(pdf) as document:
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer could not be opened")
        pages = len(document.sizes)
        try:
            for page, points in enumerate(document.sizes):
                if page:
                    printer.newPage()
                area = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
                scale = min(area.width() / points.width(), area.height() / points.height())
                target = QSizeF(points.width() * scale, points.height() * scale).toSize()
                for top in range(0, target.height(), BAND_ROWS):
                    rows = min(BAND_ROWS, target.height() - top)
                    band = document.render(page, target, top, rows, flags=PRINT_FLAGS)
                    painter.drawImage(QPointF(0, top), band)
        finally:
            painter.end()
    return pages


class PrintJob(QObject):
    """Runs ``render_to_printer`` on a thread of its own; answers on the GUI thread."""

    printed = Signal(int)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = BackgroundWorker(self)

    def start(self, pdf: bytes, printer: QPrinter) -> None:
        # a printer fault is said on screen, never raised
        self.worker.submit(
            lambda: render_to_printer(pdf, printer),
            lambda pages: self.printed.emit(pages),
            lambda error: self.failed.emit(str(error)),
        )

    def wait(self, msecs: int = 60_000) -> bool:
        return self.worker.wait(msecs)
