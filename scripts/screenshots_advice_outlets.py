"""Screenshots of the bundle advice beside the cart and the nearest-outlets dialog, en / fr / sw.

python -m scripts.screenshots_advice_outlets [OUT_DIR]   (default: docs/screenshots)

A fresh demo shop; the customer has run out of a Standard 40 once, so the line above the cart
advises a bigger bundle "when the data runs out"; F8 has added it. The dialog (Ctrl+O) ranks
the outlets nearest to Goma.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from scripts.screenshot_support import OUT as DOCS
from scripts.screenshot_support import signed_in_counter, spin, use_screen

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS


def main() -> None:
    from konnect_pos.domain.bundle_queue import Trigger
    from konnect_pos.domain.money import Money
    from konnect_pos.domain.payments import CashTender
    from konnect_pos.services import account, checkout, demo
    from konnect_pos.services.checkout import CartItem
    from konnect_pos.services.clock import system_clock
    from konnect_pos.services.session import sign_in
    from konnect_pos.store.schema import open_database
    from konnect_pos.ui.i18n import set_language

    use_screen(1366, 768)
    app = QApplication.instance() or QApplication([])  # noqa: F841 (kept alive for the whole run)
    folder = Path(tempfile.mkdtemp())
    open_database(f"sqlite:///{folder / 'shop.db'}")
    demo.seed(system_clock, customers=20)
    counter = sign_in("KIN01-T1", "cashier", "1111", system_clock)
    items = [CartItem("CD-STD40"), CartItem("CD-STD40", Trigger.DATA_EXHAUSTED)]
    checkout.sell(counter, "CD00000001", items, [CashTender(Money.of("58", "USD"))])
    account.record_usage(counter, "CD00000001", "40")
    OUT.mkdir(parents=True, exist_ok=True)
    _shell, window = signed_in_counter(folder, "CD00000001")  # the app kept alive with its window
    spin(lambda: window.advice.isVisible())
    QTest.keyClick(window, Qt.Key.Key_F8)
    spin(lambda: window.cart.rowCount() == 1 and window.preview is not None)
    for lang in ("en", "fr", "sw"):
        set_language(lang)
        word = {"en": "Advice", "fr": "Conseil", "sw": "Ushauri"}[lang]
        spin(lambda w=word: window.advice.text.text().startswith(w))
        ticks: list[int] = []
        spin(lambda t=ticks: t.append(1) or len(t) > 8)  # the rest of the window follows
        window.grab().save(str(OUT / f"advice_{lang}.png"))
        print(f"wrote {OUT / f'advice_{lang}.png'}")
        window.outlet_finder.open()
        dialog = window.outlet_finder.dialog
        dialog.town.setText("")
        QTest.keyClicks(dialog.town, "Goma")
        QTest.keyClick(dialog.town, Qt.Key.Key_Return)
        spin(lambda d=dialog: d.table.rowCount() == 10)
        dialog.grab().save(str(OUT / f"nearest_outlets_{lang}.png"))
        print(f"wrote {OUT / f'nearest_outlets_{lang}.png'}")
        dialog.close()
    set_language("en")
    window.close()


if __name__ == "__main__":
    main()
