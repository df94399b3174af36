"""docs/screenshots/shift-*.png: the main screens of a shift, walked by keyboard as the whole-shift
test does, on 1366×768 and 1920×1080 screens in en, fr and sw.

    python -m scripts.screenshots_shift

Each screen size runs in its own process on an offscreen screen of that size (Qt's offscreen
platform reads it from a JSON file). Per language, a fresh demo shop whose day is not open yet:
the manager opens it (Ctrl+D) and locks (lock screen); the cashier finds CD00000009, adds two
bundles and switches the second with Space (counter); F9, $20 cash and the rest by M-Pesa (payment
split); the manager unlocks, counts $10 short and writes the comment (day close summary); Enter
closes the day and the Z report opens. Dialogs are drawn over the counter, as they open.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from scripts.screenshot_support import OUT, screen_platform  # noqa: E402 (the repository first)

SIZES = ((1366, 768), (1920, 1080))
LANGUAGES = ("en", "fr", "sw")


def shoot(width: int, height: int) -> None:
    """In this process, whose offscreen screen is width×height."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from long_session import press, type_into_focus, wait_until
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from konnect_pos.services import demo
    from konnect_pos.services.clock import system_clock
    from konnect_pos.store.schema import open_database
    from konnect_pos.ui.app import App
    from konnect_pos.ui.settings import LocalSettings
    from scripts.screenshot_support import over_window, settle

    ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
    keep: list = [QApplication.instance() or QApplication(sys.argv[:1])]
    size = f"{width}x{height}"

    def back_to(window) -> None:
        window.activateWindow()  # offscreen Qt does not re-activate the window after a dialog
        wait_until(lambda: QApplication.activeWindow() is window, "the counter in front")

    def sign_in(screen, name: str, pin: str) -> None:
        wait_until(lambda: screen.user.count() == 3 and QApplication.focusWidget() is screen.pin, "users")
        press(Qt.Key.Key_Backtab)
        press(Qt.Key.Key_A, ctrl)
        type_into_focus(name)
        press(Qt.Key.Key_Tab)
        type_into_focus(pin)
        press(Qt.Key.Key_Return)

    def count(table, rows: dict[int, str]) -> None:
        row = table.currentRow()
        for target, text in sorted(rows.items()):
            while row < target:
                press(Qt.Key.Key_Down)
                row += 1
            type_into_focus(text)
            press(Qt.Key.Key_Return)
            wait_until(  # the cell's editor closes before the next key, as between a person's keys
                lambda r=target, t=text: table.item(r, 1).text() == t and QApplication.focusWidget() is table,
                "the count",
            )

    for language in LANGUAGES:
        folder = Path(tempfile.mkdtemp())
        database = open_database(f"sqlite:///{folder / 'demo.db'}")
        demo.seed(system_clock, customers=40, open_days=False)
        settings = LocalSettings(folder / "counter.ini")
        settings.save(language=language, receipt_format="80mm", auto_print=False, idle_minutes=60)
        gui = App("KIN01-T1", settings)
        keep.append(gui)
        gui.login.show()
        gui.login.activateWindow()
        sign_in(gui.login, "Joseph Manager", "222222")
        wait_until(lambda g=gui: g.counter_window is not None, "the counter")
        window = gui.counter_window
        wait_until(lambda w=window: len(w.catalog_buttons) == 5, "the catalog")
        back_to(window)
        press(Qt.Key.Key_D, ctrl)
        wait_until(lambda w=window: w.day_dialog is not None and w.day_dialog.isVisible(), "day dialog")
        type_into_focus("50")
        press(Qt.Key.Key_Tab)
        type_into_focus("100000")
        press(Qt.Key.Key_Return)
        wait_until(lambda w=window: not w.day_dialog.isVisible(), "the day opened")

        back_to(window)
        press(Qt.Key.Key_L, ctrl)
        wait_until(lambda w=window: w.is_locked() and w.lock_screen.user.count() == 3, "the lock screen")
        settle()
        window.grab().save(str(OUT / f"shift-lock-{size}-{language}.png"))
        sign_in(window.lock_screen, "Neema Cashier", "1111")
        wait_until(lambda w=window: not w.is_locked(), "unlocked")

        back_to(window)
        press(Qt.Key.Key_F2)
        type_into_focus("CD00000009")
        press(Qt.Key.Key_Return)
        wait_until(lambda w=window: QApplication.focusWidget() is w.cart, "the customer")
        press(Qt.Key.Key_2)
        press(Qt.Key.Key_3)
        wait_until(lambda w=window: w.cart.rowCount() == 2 and w.pay_button.isEnabled(), "the cart")
        press(Qt.Key.Key_Space)
        wait_until(lambda w=window: w.preview is not None and w.panel.plan.status is not None, "the plan")
        settle()
        window.grab().save(str(OUT / f"shift-counter-{size}-{language}.png"))

        press(Qt.Key.Key_F9)
        wait_until(lambda w=window: w.payment_dialog is not None and w.payment_dialog.isVisible(), "payment")
        payment = window.payment_dialog
        wait_until(lambda p=payment: QApplication.focusWidget() is p.tendered, "the cash field")
        type_into_focus("20")
        press(Qt.Key.Key_Return)
        press(Qt.Key.Key_2, alt)
        type_into_focus("rt5yu78io9")
        press(Qt.Key.Key_Return)
        settle()
        over_window(window, payment, OUT / f"shift-payment-split-{size}-{language}.png")
        press(Qt.Key.Key_Return)
        wait_until(lambda w=window: w.receipt_dialog is not None and w.receipt_dialog.isVisible(), "receipt")
        press(Qt.Key.Key_Escape)

        back_to(window)
        press(Qt.Key.Key_L, ctrl)
        wait_until(window.is_locked, "locked")
        sign_in(window.lock_screen, "Joseph Manager", "222222")
        wait_until(lambda w=window: not w.is_locked(), "unlocked")
        back_to(window)
        opened = window.day_dialog
        press(Qt.Key.Key_D, ctrl)
        wait_until(
            lambda w=window, o=opened: w.day_dialog is not o and w.day_dialog.isVisible(), "day dialog"
        )
        day = window.day_dialog
        count(day.tables["USD"], {1: "1"})  # $50 + $20 cash expected, $50 counted
        press(Qt.Key.Key_Tab)
        count(day.tables["CDF"], {0: "5"})
        press(Qt.Key.Key_Return)
        wait_until(lambda d=day: d.summary_table.rowCount() == 2, "the summary")
        type_into_focus("20 USD short: counted twice")
        settle()
        over_window(window, day, OUT / f"shift-close-summary-{size}-{language}.png")
        press(Qt.Key.Key_Return)
        wait_until(
            lambda w=window: w.report_dialog is not None and w.report_dialog.page_count() > 0, "the Z report"
        )
        report = window.report_dialog
        settle(1.5)
        over_window(window, report, OUT / f"shift-z-report-{size}-{language}.png", keep_size=True)
        press(Qt.Key.Key_Escape)
        window.close()
        gui.worker.wait()
        database.close()


def main() -> int:
    if len(sys.argv) == 3:
        shoot(int(sys.argv[1]), int(sys.argv[2]))
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        env = {**os.environ, "QT_QPA_PLATFORM": screen_platform(width, height)}
        subprocess.run([sys.executable, __file__, str(width), str(height)], check=True, env=env)
    for path in sorted(OUT.glob("shift-*.png")):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
