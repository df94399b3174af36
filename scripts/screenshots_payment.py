"""Screenshots of the payment dialog (F9, a split tender) and the top-up dialog (Ctrl+T) in
en, fr and sw, each drawn over the counter window at 1366×768 as a cashier sees it.

    QT_QPA_PLATFORM=offscreen python -m scripts.screenshots_payment [--out FOLDER] [--every-plan]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from scripts.screenshot_support import OUT, over_window, spin


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--every-plan", action="store_true", help="also the other demo plan customers")
    args = parser.parse_args()
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (alive for the run)
    from konnect_pos.services import demo
    from konnect_pos.store.models import Customer
    from konnect_pos.store.schema import open_database
    from konnect_pos.ui.app import App
    from konnect_pos.ui.settings import LocalSettings

    folder = Path(tempfile.mkdtemp())
    open_database(f"sqlite:///{folder / 'demo.db'}")
    demo.seed(lambda: datetime.now(UTC), customers=60)

    def plan_customer(country: str, index: int) -> str:
        """The demo's plan customers: 0 paid ahead, 1 lapsed with Connect+, 2 without Connect+."""
        rows = Customer.select().where(Customer.country == country).order_by(Customer.id)
        return rows.offset(index).first().account_number

    keep: list[App] = []
    for lang, terminal, country, reference, top_up_index in (
        ("en", "KIN01-T1", "CD", "QK7AB12CD3", 1),
        ("fr", "KIN01-T1", "CD", "RT5CD67XY8", 1),
        ("sw", "DAR01-T1", "TZ", "MP4ZZ81QK2", 2),
    ):
        settings = LocalSettings(folder / f"{lang}.ini")
        settings.save(language=lang, receipt_format="80mm", auto_print=False, idle_minutes=5)
        gui = App(terminal, settings)
        keep.append(gui)
        gui.login.show()
        spin(lambda g=gui: g.login.user.count() == 3)
        gui.login.user.setCurrentIndex(gui.login.user.findData("cashier"))
        gui.login.pin.setText("1111")
        gui.login.submit()
        spin(lambda g=gui: g.counter_window is not None)
        window = gui.counter_window
        window.resize(1366, 768)
        spin(lambda w=window: len(w.catalog_buttons) == 5)
        account = plan_customer(country, 3)
        window.pick(account)
        spin(lambda w=window, a=account: w.panel.account.text() == a)
        window.add_nth(1)
        spin(lambda w=window: w.cart.rowCount() == 1 and w.preview is not None)
        window.open_payment()  # the dialog opens once the service says the day sells
        spin(lambda w=window: w.payment_dialog is not None and w.payment_dialog.isVisible())
        dialog = window.payment_dialog
        step = {"USD": "10", "TZS": "10000"}[window.preview.total.currency]
        dialog.tendered.setText(step)
        dialog.add_cash_payment()
        dialog.tabs.setCurrentWidget(dialog.mobile_page)
        dialog.reference.setText(reference)
        over_window(window, dialog, out / f"payment-split-{lang}.png")
        dialog.add_mobile_payment()
        if args.every_plan:
            over_window(window, dialog, out / f"payment-paid-{lang}.png")
        dialog.reject()
        account = plan_customer(country, top_up_index)
        window.pick(account)
        spin(
            lambda w=window, a=account: (
                w.panel.plan.status is not None and w.panel.plan.status.account_number == a
            ),
        )
        window.open_top_up()
        spin(window.top_up_dialog.isVisible)
        over_window(window, window.top_up_dialog, out / f"top-up-{lang}.png")
        window.top_up_dialog.reject()
        for index in (0, 2 if top_up_index == 1 else 1) if args.every_plan else ():
            account = plan_customer(country, index)
            window.pick(account)
            spin(
                lambda w=window, a=account: (
                    w.panel.plan.status is not None and w.panel.plan.status.account_number == a
                ),
            )
            window.open_top_up()
            spin(window.top_up_dialog.isVisible)
            over_window(window, window.top_up_dialog, out / f"top-up-{lang}-{index}.png")
            window.top_up_dialog.reject()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
