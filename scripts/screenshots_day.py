"""Screenshots of the business day and the daily report at a 1366×768 screen, en / fr / sw.

python scripts/screenshots_day.py [OUT_DIR]   (default: docs/screenshots; files it writes are listed)

Per language: the day dialog before the day is opened, the count, the close summary, a blind
count, the X report preview and the Z report preview that opens after the close. The shop is a
fresh demo seeded yesterday, so yesterday's day is closed here and today's starts unopened.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from scripts.screenshot_support import OUT as DOCS
from scripts.screenshot_support import grab as grab_into
from scripts.screenshot_support import settle, spin, use_screen

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS
# language → (terminal, file names also written without the suffix for English)
SHOPS = {"en": "KIN01-T1", "fr": "LUB01-T1", "sw": "DAR01-T1"}
SALES = {  # terminal → (customer, bundle, opening float per currency), sold twice in cash
    "KIN01-T1": ("CD00000001", "CD-WEEK5", {"USD": "50", "CDF": "20000"}),
    "LUB01-T1": ("CD00000005", "CD-LITE15", {"USD": "50", "CDF": "20000"}),
    "DAR01-T1": ("TZ00000004", "TZ-WEEK5", {"TZS": "100000"}),
}


def grab(widget, name: str) -> None:
    grab_into(widget, name, OUT)


def main() -> int:
    use_screen(1366, 768)
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (alive for the run)
    from konnect_pos.domain.payments import CashTender
    from konnect_pos.services import business_day, checkout, demo, outlet_settings
    from konnect_pos.services.checkout import CartItem
    from konnect_pos.services.session import sign_in
    from konnect_pos.store.schema import open_database
    from konnect_pos.ui.app import App
    from konnect_pos.ui.settings import LocalSettings

    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp())
    open_database(f"sqlite:///{folder / 'demo.db'}")
    yesterday = datetime.now(UTC) - timedelta(days=1)
    demo.seed(lambda: yesterday, customers=60)
    now = lambda: datetime.now(UTC)  # noqa: E731
    for terminal in SHOPS.values():
        manager = sign_in(terminal, "manager", "222222", now)
        business_day.close_day(manager, {}, comment="demo: yesterday's float banked")
    admin = sign_in(SHOPS["fr"], "admin", "999999", now)
    outlet_settings.update_close_rules(admin, blind_close=True, thresholds={"USD": "5"})
    keep: list[App] = []
    for lang, terminal in SHOPS.items():
        settings = LocalSettings(folder / f"{lang}.ini")
        settings.save(language=lang, receipt_format="80mm", auto_print=False, idle_minutes=5)
        gui = App(terminal, settings)
        keep.append(gui)
        gui.login.show()
        spin(lambda g=gui: g.login.user.count() == 3)
        gui.login.user.setCurrentIndex(gui.login.user.findData("manager"))
        gui.login.pin.setText("222222")
        gui.login.submit()
        spin(lambda g=gui: g.counter_window is not None)
        window = gui.counter_window
        window.resize(1366, 768)
        window.show()
        spin(lambda w=window: len(w.catalog_buttons) == 5 and "(Ctrl+D)" in w.status_day.text())
        grab(window, f"day-not-opened-counter-{lang}.png")
        window.open_day_dialog()
        spin(lambda w=window: w.day_dialog is not None and w.day_dialog.isVisible())
        dialog = window.day_dialog
        customer, bundle, floats = SALES[terminal]
        for currency, amount in floats.items():
            dialog.floats[currency].setText(amount)
        grab(dialog, f"day-open-{lang}.png")
        dialog.action.click()
        spin(lambda w=window, d=dialog: not d.isVisible() and "(Ctrl+D)" not in w.status_day.text())
        cashier = sign_in(terminal, "cashier", "1111", now)
        for _ in range(2):
            price = checkout.preview_cart(cashier, customer, [CartItem(bundle)]).total
            checkout.sell(cashier, customer, [CartItem(bundle)], [CashTender(price)])
        window.show_daily_report()
        spin(lambda w=window: w.report_dialog is not None and w.report_dialog.page_count() >= 1)
        settle()
        grab(window.report_dialog, f"x-report-preview-{lang}.png")
        window.report_dialog.accept()
        window.open_day_dialog()
        spin(lambda w=window, d=dialog: w.day_dialog is not d and w.day_dialog.isVisible())
        dialog = window.day_dialog
        first = dialog.tables[dialog.currencies[0]]
        first.item(2, 1).setText("1")
        first.item(3, 1).setText("1")
        grab(dialog, f"close-day-{'blind' if dialog.blind else 'count'}-{lang}.png")
        dialog.action.click()
        spin(lambda d=dialog: d.summary_table.rowCount() > 0)
        grab(dialog, f"close-day-summary-{lang}.png")
        dialog.comment.setText("Float not counted: demo")
        dialog.action.click()
        spin(lambda w=window, d=dialog: not d.isVisible() and w.report_dialog.isVisible())
        spin(lambda w=window: w.report_dialog.page_count() >= 1)
        settle()
        grab(window.report_dialog, f"z-report-preview-{lang}.png")
        window.report_dialog.accept()
        window.open_day_dialog()
        spin(lambda w=window, d=dialog: w.day_dialog is not d and w.day_dialog.isVisible())
        grab(window.day_dialog, f"day-closed-{lang}.png")
        window.day_dialog.reject()
        grab(window, f"day-closed-counter-{lang}.png")
    for gui in keep:
        gui.worker.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
