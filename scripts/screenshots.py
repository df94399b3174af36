"""Regenerate docs/screenshots/: every counter screen (en, fr, sw) and receipts, from a fresh demo shop.

QT_QPA_PLATFORM=offscreen python scripts/screenshots.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from scripts.screenshot_support import OUT, grab, spin


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (alive for the run)
    from konnect_pos.domain.bundle_queue import Trigger
    from konnect_pos.services import demo
    from konnect_pos.store.schema import open_database
    from konnect_pos.ui.app import App
    from konnect_pos.ui.settings import LocalSettings

    OUT.mkdir(parents=True, exist_ok=True)
    keep: list[App] = []
    folder = Path(tempfile.mkdtemp())
    open_database(f"sqlite:///{folder / 'demo.db'}")
    demo.seed(lambda: datetime.now(UTC), customers=300)
    for lang, terminal, account, reference in (
        ("en", "KIN01-T1", "CD00000001", "QK7AB12CD3"),
        ("fr", "KIN01-T1", "CD00000005", "RT5CD67XY8"),
        ("sw", "DAR01-T1", "TZ00000004", "MP4ZZ81QK2"),
    ):
        settings = LocalSettings(folder / f"{lang}.ini")
        settings.save(language=lang, receipt_format="80mm", auto_print=False, idle_minutes=5)
        gui = App(terminal, settings)
        keep.append(gui)  # windows and their worker live until the end of the run
        gui.login.resize(900, 640)
        gui.login.show()
        spin(lambda g=gui: g.login.user.count() == 3)
        gui.login.user.setCurrentIndex(gui.login.user.findData("cashier"))
        if lang == "en":
            grab(gui.login, "login.png")
        gui.login.pin.setText("1111")
        gui.login.submit()
        spin(lambda g=gui: g.counter_window is not None)
        window = gui.counter_window
        window.showNormal()  # the app opens it maximised on the (800×800 offscreen) screen
        window.resize(1366, 768)
        spin(lambda w=window: len(w.catalog_buttons) == 5)
        window.pick(account)
        spin(lambda w=window, a=account: w.panel.account.text() == a)
        window.add_nth(1)
        window.add_nth(2)
        spin(lambda w=window: w.cart.rowCount() == 2 and w.preview is not None)
        window.cart.set_trigger(1, Trigger.DATA_EXHAUSTED)
        spin(
            lambda w=window: w.preview is not None and w.preview.lines[1].trigger is Trigger.DATA_EXHAUSTED,
        )
        grab(window, f"counter-{lang}.png")
        window.open_payment()  # the payment dialog opens once the service says the day sells
        spin(lambda w=window: w.payment_dialog is not None)
        dialog = window.payment_dialog
        dialog.tabs.setCurrentWidget(dialog.mobile_page)
        dialog.reference.setText(reference)
        dialog.mobile_amount.setText(str(window.preview.total.amount // 2))
        dialog.add_mobile_payment()
        dialog.tabs.setCurrentWidget(dialog.cash_page)
        dialog.tendered.setText(str(window.preview.total.amount))
        if lang == "en":
            grab(dialog, "payment.png")
        dialog.add_cash_payment()
        dialog.confirm()
        spin(lambda w=window: w.receipt_dialog is not None)
        receipt = window.receipt_dialog
        receipt.resize(520, 760)
        spin(lambda r=receipt: r.page_count() == 1)
        grab(receipt, f"receipt-preview-{lang}.png")
        receipt.accept()
        if lang == "en":  # the day dialog and the reports: scripts/screenshots_day.py
            window.lock()
            spin(lambda w=window: w.lock_screen is not None and w.lock_screen.user.count() == 3)
            grab(window, "idle-lock.png")
        window.close()
        gui.login.close()
    pdf = folder / "receipt.pdf"
    env = {
        **os.environ,
        "KONNECT_POS_USER": "cashier",
        "KONNECT_POS_PIN": "1111",
        "KONNECT_POS_TERMINAL": "DAR01-T1",
    }
    subprocess.run(
        [
            sys.executable,
            "-m",
            "konnect_pos.cli",
            "receipt",
            "DAR01-T1-000001",
            "--copy",
            "--db",
            f"sqlite:///{folder / 'demo.db'}",
            "--out",
            str(pdf),
        ],
        check=True,
        env=env,
    )
    subprocess.run(
        ["pdftoppm", "-png", "-r", "100", "-singlefile", str(pdf), str(OUT / "receipt-80mm-sw-copy")],
        check=True,
    )
    print("wrote docs/screenshots/receipt-80mm-sw-copy.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
