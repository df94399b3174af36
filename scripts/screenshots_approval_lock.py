"""Screenshots of a manager's approval (the void dialog), the lock screen, and a cash refund of a sale
paid in francs (the notes to hand back), en/fr/sw, 1366×768.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots_approval_lock.py [--out FOLDER]

The void dialog is drawn where it opens, over the counter window, so what is cut off shows.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QApplication

from scripts.screenshot_support import OUT, over_window, spin

SHOPS = (
    ("en", "KIN01-T1", "CD00000001", "CD-WEEK5", "6", "USD"),
    ("fr", "KIN01-T1", "CD00000005", "CD-WEEK5", "6", "USD"),
    ("sw", "DAR01-T1", "TZ00000004", "TZ-WEEK5", "12000", "TZS"),
)


def correction_dialog(ini: Path, lang: str, terminal: str, account: str):
    """The app in ``lang`` on ``terminal``, the cashier signed in, the counter at 1366×768 with
    ``account`` picked and its correction dialog open: (the app, its window, the dialog)."""
    from konnect_pos.ui.app import App
    from konnect_pos.ui.settings import LocalSettings

    settings = LocalSettings(ini)
    settings.save(language=lang, receipt_format="80mm", auto_print=False, idle_minutes=5)
    gui = App(terminal, settings)
    gui.login.show()
    spin(lambda: gui.login.user.count() == 3)
    gui.login.user.setCurrentIndex(gui.login.user.findData("cashier"))
    gui.login.pin.setText("1111")
    gui.login.submit()
    spin(lambda: gui.counter_window is not None)
    window = gui.counter_window
    window.resize(1366, 768)
    window.show()
    spin(lambda: len(window.catalog_buttons) == 5)
    window.pick(account)
    spin(lambda: window.panel.correct_button.isEnabled())
    window.panel.correct_button.click()
    spin(lambda: window.correction_dialog is not None)
    dialog = window.correction_dialog
    spin(lambda: dialog.approval.approver.count() == 2)
    return gui, window, dialog


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (alive for the run)
    from konnect_pos.domain.money import Money
    from konnect_pos.domain.payments import CashTender
    from konnect_pos.services import checkout, demo, session
    from konnect_pos.services.checkout import CartItem
    from konnect_pos.store.schema import open_database

    clock = lambda: datetime.now(UTC)  # noqa: E731
    folder = Path(tempfile.mkdtemp())
    open_database(f"sqlite:///{folder / 'demo.db'}")
    demo.seed(clock, customers=60)
    keep = []
    for lang, terminal, account, bundle, price, currency in SHOPS:
        cashier = session.sign_in(terminal, "cashier", "1111", clock)
        checkout.sell(cashier, account, [CartItem(bundle)], [CashTender(Money(Decimal(price), currency))])
        gui, window, dialog = correction_dialog(folder / f"{lang}.ini", lang, terminal, account)
        keep.append(gui)
        dialog.reason.setText({"en": "wrong bundle", "fr": "mauvais forfait", "sw": "kifurushi kibaya"}[lang])
        dialog.remove_active.setChecked(True)
        dialog.approval.approver.setCurrentIndex(dialog.approval.approver.findData("manager"))
        dialog.approval.pin.setText("1234")
        dialog.submit()
        spin(lambda d=dialog: d.error.text() != "")
        dialog.adjustSize()
        over_window(window, dialog, args.out / f"void-approval-{lang}.png", dim=False)
        dialog.approval.pin.setText("222222")
        dialog.submit()
        spin(lambda d=dialog: d.result_label.text() != "")
        dialog.adjustSize()
        over_window(window, dialog, args.out / f"void-done-{lang}.png", dim=False)
        dialog.accept()
        window.lock()
        spin(lambda w=window: w.lock_screen is not None and w.lock_screen.user.count() == 3)
        window.grab().save(str(args.out / f"lock-screen-{lang}.png"))
        print(f"wrote {args.out / f'lock-screen-{lang}.png'}")
    for lang, account in (("en", "CD00000009"), ("fr", "CD00000013"), ("sw", "CD00000017")):
        cashier = session.sign_in("KIN01-T1", "cashier", "1111", clock)
        checkout.sell(cashier, account, [CartItem("CD-WEEK5")], [CashTender(Money(Decimal(20000), "CDF"))])
        gui, window, dialog = correction_dialog(folder / f"refund-{lang}.ini", lang, "KIN01-T1", account)
        keep.append(gui)
        dialog.kind.setCurrentIndex(1)  # Refund
        dialog.reason.setText({"en": "slow at night", "fr": "lent la nuit", "sw": "polepole usiku"}[lang])
        dialog.amount.setText("4")
        dialog.approval.approver.setCurrentIndex(dialog.approval.approver.findData("manager"))
        dialog.approval.pin.setText("222222")
        dialog.submit()
        spin(lambda d=dialog: d.result_label.text() != "")
        dialog.adjustSize()
        over_window(window, dialog, args.out / f"refund-francs-{lang}.png", dim=False)
        dialog.accept()
    for gui in keep:
        gui.counter_window.close()
        gui.worker.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
