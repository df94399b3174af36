"""The PDF preview draws real pages with PDFium (pypdfium2), not QtPdf: what is on screen is read
back pixel by pixel, the zoom keys change it, a later page appears when scrolled to, and every
PDFium call of the app is serialized by one lock (PDFium is not thread-safe)."""

from __future__ import annotations

import io
import re
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from konnect_pos.ui import pdf_pages
from konnect_pos.ui.pdf_pages import PdfPages
from konnect_pos.ui.pdf_preview import PdfPreviewDialog

ROOT = Path(__file__).resolve().parent.parent
WAIT = 10_000
CTRL = Qt.KeyboardModifier.ControlModifier


def pixels(image: QImage) -> tuple[int, int, bytes]:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return image.width(), image.height(), bytes(image.constBits())


def dark_pixels(image: QImage) -> int:
    """Pixels of ink: all three channels under 100 (BGRx bytes)."""
    _, _, raw = pixels(image)
    return sum(1 for b, g, r in zip(raw[0::4], raw[1::4], raw[2::4], strict=True) if max(b, g, r) < 100)


def white_span(image: QImage, row: int) -> int:
    """How wide the page (pure white) is on that row, from its first white pixel to its last."""
    width, _, raw = pixels(image)
    line = raw[row * width * 4 : (row + 1) * width * 4]
    white = [x for x in range(width) if min(line[x * 4 : x * 4 + 3]) >= 250]
    return white[-1] - white[0] + 1 if white else 0


def on_screen(dialog: PdfPreviewDialog) -> QImage:
    return dialog.view.viewport().grab().toImage()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def numbered_pages(count: int) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for number in range(1, count + 1):
        canvas.setFont("Helvetica-Bold", 48)
        canvas.drawString(72, 760, f"Page {number}")
        canvas.rect(72, 500, 200, 100, fill=1)  # a block of ink on every page
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def receipt(fmt: str) -> bytes:
    from benchmarks.receipt_pdf import sample
    from konnect_pos.documents.receipt_pdf import render_receipt

    return render_receipt(sample(), fmt)


def open_preview(qtbot, pdf: bytes, *, kind: str = "receipt", fmt: str = "a4") -> PdfPreviewDialog:
    dialog = PdfPreviewDialog("KIN01-T1-000123", pdf, lambda *_: None, kind=kind, fmt=fmt, language="fr")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.page_count() >= 1, timeout=WAIT)
    qtbot.waitUntil(lambda: dark_pixels(on_screen(dialog)) > 1000, timeout=WAIT)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=WAIT)
    return dialog


def test_the_receipt_is_drawn_on_screen_fitting_the_width_and_the_zoom_keys_resize_it(qtbot):
    dialog = open_preview(qtbot, receipt("a4"))
    shot = on_screen(dialog)
    row = shot.height() // 2
    margin = dialog.view.MARGIN
    assert dark_pixels(shot) > 1000  # the receipt's text, not a blank page
    assert abs(white_span(shot, row) - (shot.width() - 2 * margin)) <= 2  # the page fits the width
    assert dialog.fit_button.isChecked()
    fitted = int(dialog.zoom_label.text().rstrip(" %"))

    press(qtbot, Qt.Key.Key_Minus, CTRL)
    qtbot.waitUntil(lambda: white_span(on_screen(dialog), row) < shot.width() - 2 * margin - 20, timeout=WAIT)
    smaller = on_screen(dialog)
    assert abs(white_span(smaller, row) - white_span(shot, row) / 1.25) <= 3  # the page, 1/1.25 as wide
    assert dark_pixels(smaller) > 1000 and not dialog.fit_button.isChecked()
    assert int(dialog.zoom_label.text().rstrip(" %")) == round(fitted / 1.25)

    press(qtbot, Qt.Key.Key_0, CTRL)  # fit the width again
    qtbot.waitUntil(lambda: white_span(on_screen(dialog), row) == white_span(shot, row), timeout=WAIT)
    assert dialog.fit_button.isChecked() and dialog.zoom_label.text() == f"{fitted} %"


def test_a_later_page_is_drawn_when_scrolled_to_and_a_new_pdf_replaces_the_pages(qtbot):
    dialog = open_preview(qtbot, numbered_pages(3), kind="report")
    assert dialog.page_count() == 3
    bar = dialog.view.verticalScrollBar()
    assert bar.value() == 0 and bar.maximum() > 2 * dialog.view.viewport().height()
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton)
    while bar.value() < bar.maximum():  # as a person pages down to the end
        before = bar.value()
        qtbot.keyClick(dialog.view, Qt.Key.Key_PageDown)
        assert bar.value() > before
    last = on_screen(dialog)
    assert dark_pixels(last) > 5000  # the third page's block of ink and its title

    dialog.show_pdf(receipt("a4"))  # a new language or format: the worker hands new bytes
    assert dialog.page_count() == 1 and bar.value() == 0
    qtbot.waitUntil(lambda: dark_pixels(on_screen(dialog)) > 1000, timeout=WAIT)


def test_a_page_rendered_in_bands_is_the_same_image_as_rendered_whole():
    size = QSize(1240, 1754)  # A4 at 150 dpi
    with PdfPages(receipt("a4")) as document:
        whole = document.render(0, size)
        stitched = QImage(size, QImage.Format.Format_RGB32)
        painter = QPainter(stitched)
        for top in range(0, size.height(), 64):
            painter.drawImage(0, top, document.render(0, size, top, min(64, size.height() - top)))
        painter.end()
    assert dark_pixels(whole) > 5000
    assert pixels(stitched) == pixels(whole)


def test_pdfium_is_called_from_several_threads_at_once_and_every_page_comes_out_whole():
    pdf = receipt("80mm")
    size = QSize(640, 1200)
    with PdfPages(pdf) as document:
        expected = pixels(document.render(0, size))
    results: list[tuple[int, int, bytes]] = []
    errors: list[BaseException] = []

    def render_many() -> None:
        try:
            for _ in range(10):
                with PdfPages(pdf) as document:  # each thread its own document, as the app does
                    results.append(pixels(document.render(0, size)))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=render_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors and len(results) == 40
    assert all(result == expected for result in results)
    assert not pdf_pages.PDFIUM_LOCK.locked()


def test_only_pdf_pages_imports_pypdfium2_so_every_call_holds_the_lock():
    importers = [
        source.relative_to(ROOT).as_posix()
        for source in (ROOT / "konnect_pos").rglob("*.py")
        if re.search(r"^\s*(import|from) pypdfium2", source.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert importers == ["konnect_pos/ui/pdf_pages.py"]


def test_bytes_that_are_not_a_pdf_raise_one_oserror_and_leave_the_lock_free():
    with pytest.raises(OSError, match="the PDF could not be read"):
        PdfPages(b"%PDF-1.4 this is not a PDF")
    assert not pdf_pages.PDFIUM_LOCK.locked()
