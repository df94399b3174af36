"""Screenshots of "Send by SMS…" on the receipt preview (Ctrl+Shift+M), en / fr / sw, 1366×768.

python -m scripts.screenshots_receipt_message [OUT_DIR]   (default: docs/screenshots)

A fresh demo shop; a sale of three bundles (now, at the end of the period, when the data runs out)
paid by M-Pesa; the preview of its receipt with the dialog over it: the customer's phone, SMS
chosen, the text in the customer's language (here the same as the screen's) and its one SMS part.
Writes ``receipt-message-1366x768-LANG.png``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from scripts.screenshot_support import OUT as DOCS
from scripts.screenshot_support import settle, signed_in_counter, spin, use_screen

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS
ACCOUNT = "CD00000013"


def _compose(layers: list[QWidget], path: Path) -> None:
    """The counter window, then each dialog centred over the one before, dimmed behind it."""
    shot = QPixmap(layers[0].grab())
    painter = QPainter(shot)
    for layer in layers[1:]:
        painter.fillRect(shot.rect(), QColor(0, 0, 0, 60))
        painter.drawPixmap(
            (shot.width() - layer.width()) // 2, (shot.height() - layer.height()) // 2, layer.grab()
        )
    painter.end()
    shot.save(str(path))
    print(f"wrote {path}")


def main() -> None:
    from konnect_pos.domain.bundle_queue import Trigger
    from konnect_pos.domain.customers import CustomerInput
    from konnect_pos.domain.payments import MobileMoneyTender
    from konnect_pos.services import checkout, customers, demo
    from konnect_pos.services.checkout import CartItem
    from konnect_pos.services.clock import system_clock
    from konnect_pos.services.session import sign_in
    from konnect_pos.store.schema import open_database
    from konnect_pos.ui.counter.receipt_sending import ReceiptMessageDialog, SendReceiptButton
    from konnect_pos.ui.i18n import set_language

    use_screen(1366, 768)
    app = QApplication.instance() or QApplication([])  # noqa: F841 (kept alive for the whole run)
    folder = Path(tempfile.mkdtemp())
    open_database(f"sqlite:///{folder / 'shop.db'}")
    demo.seed(system_clock, customers=20)
    counter = sign_in("KIN01-T1", "cashier", "1111", system_clock)
    items = [
        CartItem("CD-STD40"), CartItem("CD-STD40", Trigger.PERIOD_END),
        CartItem("CD-LITE15", Trigger.DATA_EXHAUSTED),
    ]  # fmt: skip
    sale = checkout.sell(counter, ACCOUNT, items, [MobileMoneyTender("mpesa", "QK7AB12CD3", "0812345678")])
    OUT.mkdir(parents=True, exist_ok=True)
    _shell, window = signed_in_counter(folder, ACCOUNT)  # the app kept alive with its window
    spin(lambda: window.panel.overview is not None)
    window.sale.show_receipt(sale.receipt_number, copy=False)
    spin(lambda: window.sale.receipt_dialog is not None and window.sale.receipt_dialog.isVisible())
    preview = window.sale.receipt_dialog
    preview.resize(560, 700)
    for lang in ("en", "fr", "sw"):
        now = customers.get_customer(ACCOUNT)
        customers.update_customer(
            ACCOUNT,
            CustomerInput(now.name, now.phone, now.country, ACCOUNT, now.kit_serial or "", lang),
            system_clock,
        )
        set_language(lang)
        preview.findChild(SendReceiptButton).click()
        spin(lambda: isinstance(QApplication.activeModalWidget(), ReceiptMessageDialog))
        dialog = QApplication.activeModalWidget()
        spin(lambda d=dialog: d.phone.text() != "" and d.parts.text() != "")
        settle()
        _compose([window, preview, dialog], OUT / f"receipt-message-1366x768-{lang}.png")
        dialog.reject()
        settle(0.2)
    set_language("en")
    window.close()


if __name__ == "__main__":
    main()
