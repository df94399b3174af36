"""PDF pages rasterised with PDFium (pypdfium2) into QImages: the preview and OS printing use it.

QtPdf would do the same but ships only in the PySide6-Addons wheel (438 MB with WebEngine, 3D,
multimedia…); pypdfium2 is a 4 MB wheel (docs/decisions.md "Field kit").

**PDFium is not thread-safe**: two threads must never be inside it at once, even on different
documents. The preview renders on the GUI thread and printing on a pool thread, so every pdfium
call of the app goes through this module and holds ``PDFIUM_LOCK`` (one process-wide lock),
including closing what was opened: a document or page left to the garbage collector would be
closed by pypdfium2's finalizer on whatever thread collects it, outside the lock. Nothing else
may import pypdfium2 (tests/test_ui_pdf_preview.py checks it). Importing it initialises PDFium
once, before any other call can run (Python's import lock); the counter's modules, this one
included, are imported on the DB worker while the PIN is typed (ui/app.py), not at start-up.
"""

from __future__ import annotations

import ctypes
import threading
from types import TracebackType

import pypdfium2
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QSize, QSizeF, Qt
from PySide6.QtGui import QImage

PDFIUM_LOCK = threading.Lock()
SCREEN_FLAGS = pdfium_c.FPDF_ANNOT
PRINT_FLAGS = pdfium_c.FPDF_ANNOT | pdfium_c.FPDF_PRINTING


class PdfPages:
    """One open PDF: its page sizes in points and any band of a page rendered at a given size.

    Use it in a ``with`` block (or call ``close``) so the document is closed under the lock.
    Raises ``OSError`` when the bytes are not a PDF that PDFium can read.
    """

    def __init__(self, pdf: bytes) -> None:
        with PDFIUM_LOCK:
            try:
                self._document: pypdfium2.PdfDocument | None = pypdfium2.PdfDocument(pdf)
            except pypdfium2.PdfiumError as error:
                raise OSError("the PDF could not be read") from error
            document = self._document
            self.sizes = [QSizeF(*document.get_page_size(index)) for index in range(len(document))]

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        with PDFIUM_LOCK:
            if self._document is not None:
                self._document.close()
                self._document = None

    def render(
        self, index: int, size: QSize, top: int = 0, rows: int | None = None, *, flags: int = SCREEN_FLAGS
    ) -> QImage:
        """Rows ``top`` to ``top + rows`` of page ``index`` drawn at ``size`` pixels, on white.

        PDFium draws straight into the QImage's memory: its BGRx is Qt's RGB32 on the
        little-endian machines the app runs on (x86-64, ARM64). Only one band is in memory.
        """
        rows = size.height() - top if rows is None else rows
        image = QImage(size.width(), rows, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        with PDFIUM_LOCK:
            if self._document is None:
                raise OSError("the PDF is closed")
            page = self._document[index]
            pixels = image.bits()
            memory = (ctypes.c_ubyte * image.sizeInBytes()).from_buffer(pixels)
            bitmap = pdfium_c.FPDFBitmap_CreateEx(
                size.width(), rows, pdfium_c.FPDFBitmap_BGRx, memory, image.bytesPerLine()
            )
            try:
                pdfium_c.FPDF_RenderPageBitmap(bitmap, page, 0, -top, size.width(), size.height(), 0, flags)
            finally:
                pdfium_c.FPDFBitmap_Destroy(bitmap)
                page.close()
            del memory, pixels  # release the QImage's buffer before it is used
        return image
