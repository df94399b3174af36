"""Printing from the counter, as a person does it: Ctrl+P in the preview to a PDF printer, the
thermal printer chosen in Settings, a cash sale that prints and kicks the drawer, a manager's
"Open the cash drawer", and a printer that is off."""

from __future__ import annotations

import itertools
import socket
import time
from datetime import UTC, datetime

from pypdf import PdfReader
from PySide6.QtCore import QSize, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from konnect_pos.store.models import JournalEntry, Sale
from konnect_pos.ui.pdf_pages import PdfPages
from konnect_pos.ui.pdf_preview import PdfPreviewDialog
from konnect_pos.ui.receipt_printer_box import ReceiptPrinterBox
from tests.test_thermal_printer import CUT, DRAWER, QR, Listener, text_of
from tests.test_ui_counter import WAIT, Qt, gui, shop, sign_in  # noqa: F401  (fixtures)
from tests.test_ui_pdf_preview import dark_pixels

NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot, key, modifier=NONE):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def type_text(qtbot, text):
    qtbot.keyClicks(QApplication.focusWidget(), text)


def sell_for_cash(window, qtbot):
    """F2, the account, Enter, the 2 key (Konnect Lite, $17), F9, 20 in cash, Enter, Enter."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    press(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search, timeout=WAIT)
    type_text(qtbot, "CD00000001")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.cart, timeout=WAIT)
    press(qtbot, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: window.total_label.text() == "Total: $17.00", timeout=WAIT)
    press(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: window.payment_dialog is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.payment_dialog.tendered, timeout=WAIT)
    type_text(qtbot, "20")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.receipt_dialog is not None and window.receipt_dialog.isVisible(), timeout=WAIT
    )


def test_ctrl_p_prints_to_a_pdf_file_off_the_gui_thread(qtbot, tmp_path):
    from benchmarks.receipt_pdf import sample
    from konnect_pos.documents.receipt_pdf import render_receipt

    dialog = PdfPreviewDialog(
        "KIN01-T1-000123",
        render_receipt(sample(), "80mm"),
        lambda *_: None,
        kind="receipt",
        fmt="80mm",
        language="fr",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.page_count() == 1, timeout=WAIT)
    out = tmp_path / "printed.pdf"

    def to_file(printer: QPrinter) -> bool:  # the print dialog, answered as a person picks "Print to file"
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    dialog.ask_printer = to_file
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=WAIT)
    press(qtbot, Qt.Key.Key_P, CTRL)
    ticks.append(time.perf_counter())  # the key press returned: the print did not run inside it
    qtbot.waitUntil(lambda: dialog.status.text() == "Sent to the printer", timeout=WAIT)
    timer.stop()
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert len(ticks) > 2 and max(gaps) < 1.5  # the event loop kept turning (it froze 4–6 s before)
    assert dialog.print_button.isEnabled()
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    width_mm = float(reader.pages[0].mediabox.width) * 25.4 / 72
    assert abs(width_mm - 80) < 1  # the roll's own width, not an A4 sheet
    with PdfPages(out.read_bytes()) as printed:  # what reached the "paper", rasterised back
        page = printed.render(
            0, QSize(320, round(320 * printed.sizes[0].height() / printed.sizes[0].width()))
        )
    assert dark_pixels(page) > 2000  # the receipt's text was printed, not a blank roll


def test_thermal_printer_from_settings_prints_a_cash_sale_and_opens_the_drawer(gui, qtbot):  # noqa: F811
    listener = Listener()
    try:
        window = sign_in(gui, qtbot, "admin", "999999")
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=WAIT)
        press(qtbot, Qt.Key.Key_Comma, CTRL)
        qtbot.waitUntil(
            lambda: window.settings_dialog is not None and window.settings_dialog.isVisible(), timeout=WAIT
        )
        dialog = window.settings_dialog
        box = dialog.findChild(ReceiptPrinterBox)
        assert box.isVisible() and box.printer.text() == ""
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT)
        qtbot.mouseClick(box.printer, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is box.printer, timeout=WAIT)
        type_text(qtbot, "192.168.1.50")  # no scheme: told at once, on leaving the field
        press(qtbot, Qt.Key.Key_Tab)
        assert box.message.isVisible() and "tcp://HOST:9100" in box.message.text()
        qtbot.mouseClick(box.printer, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is box.printer, timeout=WAIT)
        press(qtbot, Qt.Key.Key_A, CTRL)  # select what was typed, to type over it
        type_text(qtbot, listener.url)
        qtbot.mouseClick(box.paper, Qt.MouseButton.LeftButton)  # a combo box opens its list on a click
        popup = box.paper.view()
        qtbot.waitUntil(popup.isVisible, timeout=WAIT)
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Return)
        assert box.paper.currentText() == "58 mm"
        (test_button,) = [
            b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == "Print a test page"
        ]
        qtbot.mouseClick(test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: box.message.text() not in ("", "Sending a test page…"), timeout=WAIT)
        assert (box.message.text(), box.printer.text()) == ("Test page sent", listener.url)
        assert "Printer test page" in text_of(listener.job())
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)

        sell_for_cash(window, qtbot)
        status = window.receipt_printer.status
        qtbot.waitUntil(
            lambda: status.text() == "Receipt KIN01-T1-000001 printed, drawer opened", timeout=WAIT
        )
        job = listener.job()
        text = text_of(job)
        assert (
            "KIN01-T1-000001" in text and "Espèces" in text and "Monnaie à rendre" in text
        )  # the sale in French
        assert QR in job and CUT in job and DRAWER in job
        plain = [line for line in text.split("\n") if "\x1b" not in line and "\x1d" not in line]
        assert max(len(line) for line in plain) <= 32  # the 58 mm roll chosen in Settings

        preview = window.receipt_dialog  # Ctrl+P there prints on the thermal printer again, drawer shut
        preview.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is preview, timeout=WAIT)
        press(qtbot, Qt.Key.Key_P, CTRL)
        qtbot.waitUntil(lambda: preview.status.text() == "Receipt KIN01-T1-000001 printed", timeout=WAIT)
        again = listener.job()
        assert "KIN01-T1-000001" in text_of(again) and CUT in again and DRAWER not in again

        QTest.keyClick(window.receipt_dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not window.receipt_dialog.isVisible(), timeout=WAIT)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
        assert "Open the cash drawer" in [a.text() for a in window.managers_menu.actions()]
        press(qtbot, Qt.Key.Key_O, CTRL | Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: status.text() == "Cash drawer opened", timeout=WAIT)
        assert DRAWER in listener.job()
        opened = JournalEntry.select().where(JournalEntry.kind == "drawer_opened")
        assert [entry.at.astimezone(UTC).date() for entry in opened] == [datetime.now(UTC).date()]
    finally:
        listener.close()


def test_a_printer_that_is_off_says_so_in_one_line_and_the_sale_stays(gui, qtbot):  # noqa: F811
    closed = socket.create_server(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    gui.settings.store.setValue("thermal_printer", f"tcp://127.0.0.1:{port}")  # set earlier in Settings
    window = sign_in(gui, qtbot)
    sell_for_cash(window, qtbot)
    status = window.receipt_printer.status
    qtbot.waitUntil(lambda: "did not print" in status.text(), timeout=WAIT)
    assert "\n" not in status.text() and "Traceback" not in status.text()
    assert Sale.select().count() == 1 and window.receipt_dialog.isVisible()


def test_a_cashier_asking_to_open_the_drawer_is_told_who_can(gui, qtbot):  # noqa: F811
    window = sign_in(gui, qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=WAIT)
    press(qtbot, Qt.Key.Key_O, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.menus.refusal_box is not None, timeout=WAIT)
    assert window.menus.refusal_box.text() == "Only a manager can put cash in or take cash out of the drawer."
    assert JournalEntry.select().where(JournalEntry.kind == "drawer_opened").count() == 0
