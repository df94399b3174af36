"""docs/screenshots/ of the counter's newer screens, walked by keys as a person does, at 1366×768 in
en, fr and sw (and the counter with the float status at 1920×1080 in en).

    QT_QPA_PLATFORM=offscreen python -m scripts.screenshots_new_screens [--pg postgresql://postgres@127.0.0.1:5432/postgres]

Each screen size runs in its own process on an offscreen screen of that size. A fresh demo database
in a temporary folder; a fresh HQ database on the PostgreSQL server (created and dropped here) gives
the distributor LUB01 a float ($1,000 credit, a $250 top-up) and offline limits, pulled by a sync.
Per language, the manager signs in at LUB01-T1, finds CD00000001 (F2) and the counter shows the
float in its status bar; then F6 (every bundle), Ctrl+Shift+P (plans), Ctrl+Shift+L (offline
override), Ctrl+Shift+R (commission statement), Ctrl+Shift+C (catalog), each drawn over the counter.
At the customer-service desk CSC01-T1 the cashier finds a Tanzanian caller: the line above the cart.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import uuid
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from scripts.screenshot_support import OUT, screen_platform  # noqa: E402 (the repository first)

SHOTS = {(1366, 768): ("en", "fr", "sw"), (1920, 1080): ("en",)}
DISTRIBUTOR, DESK = "LUB01-T1", "CSC01-T1"
CUSTOMER, CALLER = "CD00000001", "TZ00000004"
NAMES = {"manager": ("Joseph Manager", "222222"), "cashier": ("Neema Cashier", "1111")}


def shoot(width: int, height: int, languages: tuple[str, ...], pg: str) -> None:
    """In this process, whose offscreen screen is width×height."""
    folder = Path(tempfile.mkdtemp())
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")  # HQ credentials in a file of this run
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import psycopg
    from long_session import press, type_into_focus, wait_until
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QDialog

    from konnect_pos.domain.money import Money
    from konnect_pos.domain.payments import CashTender
    from konnect_pos.hq import admin as hq_admin
    from konnect_pos.hq import distributor_float as hq_float
    from konnect_pos.services import checkout, demo
    from konnect_pos.services.checkout import CartItem
    from konnect_pos.services.clock import system_clock
    from konnect_pos.services.session import sign_in
    from konnect_pos.services.sync import client, reference
    from konnect_pos.services.sync.hq_money import apply_commission_rates
    from konnect_pos.store.schema import open_database
    from konnect_pos.ui.app import App
    from konnect_pos.ui.settings import LocalSettings
    from scripts.screenshot_support import over_window, settle

    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    keep: list = [QApplication.instance() or QApplication(sys.argv[:1])]
    size = f"{width}x{height}"

    def back_to(window) -> None:
        window.activateWindow()  # offscreen Qt does not re-activate the window after a dialog
        wait_until(lambda: QApplication.activeWindow() is window, "the counter in front")

    def open_counter(terminal: str, language: str, role: str):
        settings = LocalSettings(folder / f"{terminal}-{language}.ini")
        settings.save(language=language, receipt_format="80mm", auto_print=False, idle_minutes=60)
        gui = App(terminal, settings)
        keep.append(gui)
        gui.login.show()
        gui.login.activateWindow()
        screen = gui.login
        wait_until(lambda: screen.user.count() == 3 and QApplication.focusWidget() is screen.pin, "users")
        name, pin = NAMES[role]
        press(Qt.Key.Key_Backtab)
        press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_into_focus(name)
        press(Qt.Key.Key_Tab)
        type_into_focus(pin)
        press(Qt.Key.Key_Return)
        wait_until(lambda: gui.counter_window is not None, "the counter")
        window = gui.counter_window
        wait_until(lambda: len(window.catalog_buttons) > 0, "the catalog")
        return gui, window

    def fit_screen(window) -> None:
        """As a window manager keeps a maximised window: offscreen Qt lets it grow past the screen
        when a late text (the float) makes the status bar taller."""
        settle(1.0)  # the customer's plan and purchases, which the worker sends back
        frame = window.frameGeometry().height() - window.height()
        window.resize(
            window.width(), min(window.height(), window.screen().availableGeometry().height() - frame)
        )
        settle()

    def find(window, account: str) -> None:
        back_to(window)
        press(Qt.Key.Key_F2)
        type_into_focus(account)
        press(Qt.Key.Key_Return)
        wait_until(lambda: window.panel.account.text() == account, "the customer")

    def shown_dialog() -> QDialog | None:
        return next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()), None
        )

    def dialog_shot(window, key, modifier, name: str, ready=lambda dialog: True) -> None:
        back_to(window)
        press(key, modifier)
        wait_until(lambda: shown_dialog() is not None and ready(shown_dialog()), name)
        dialog = shown_dialog()
        settle(0.6)  # the rows the worker sends back
        over_window(window, dialog, OUT / f"{name}.png", keep_size=True)  # as large as it opens
        dialog.reject()
        wait_until(lambda: shown_dialog() is None, f"{name} closed")

    name = f"hq_shots_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    hq_url = f"{pg.rpartition('/')[0]}/{name}"
    try:
        database = open_database(f"sqlite:///{folder / 'demo.db'}")
        demo.seed(system_clock, customers=40)
        hq_admin.init_hq(hq_url)
        reference.load_reference(hq_url)
        client.link(DISTRIBUTOR, hq_admin.add_terminal(hq_url, "LUB01", "T1"), system_clock)
        hq_float.set_credit_limit(hq_url, "LUB01", "USD", "1000")
        hq_float.record_top_up(hq_url, "LUB01", "250", "BANK-7001", date.today())
        hq_float.set_offline_limits(hq_url, "LUB01", 3, 40, "900", "USD")
        client.sync(DISTRIBUTOR, system_clock)
        rate = {"country": "CD", "code": "CD-WEEK5", "outlet_kind": "distributor",
                "effective_from": date(2026, 1, 1), "percent": "2"}  # fmt: skip
        apply_commission_rates([rate], system_clock())
        cashier = sign_in(DISTRIBUTOR, "cashier", "1111", system_clock)
        for account in ("CD00000001", "CD00000005"):
            checkout.sell(cashier, account, [CartItem("CD-WEEK5")], [CashTender(Money.of("6", "USD"))])
        for language in languages:
            gui, window = open_counter(DISTRIBUTOR, language, "manager")
            find(window, CUSTOMER)
            wait_until(
                lambda w=window: w.status_float.isVisible() and w.status_float.text() != "", "the float"
            )
            fit_screen(window)
            window.grab().save(str(OUT / f"float-status-{size}-{language}.png"))
            print(f"wrote {OUT / f'float-status-{size}-{language}.png'}")
            if (width, height) == (1366, 768):
                dialog_shot(window, Qt.Key.Key_F6, None, f"catalog-list-{language}")
                dialog_shot(window, Qt.Key.Key_P, ctrl_shift, f"plan-dialog-{language}")
                dialog_shot(window, Qt.Key.Key_L, ctrl_shift, f"offline-override-{language}")
                dialog_shot(window, Qt.Key.Key_R, ctrl_shift, f"commission-statement-{language}")
                dialog_shot(window, Qt.Key.Key_C, ctrl_shift, f"catalog-manager-{language}")
            window.close()
            gui.worker.wait()
            if (width, height) != (1366, 768):
                continue
            gui, window = open_counter(DESK, language, "cashier")
            find(window, CALLER)
            wait_until(
                lambda w=window: w.sale.caller.isVisible() and w.sale.caller.text.text() != "", "caller"
            )
            fit_screen(window)
            window.grab().save(str(OUT / f"desk-caller-{language}.png"))
            print(f"wrote {OUT / f'desk-caller-{language}.png'}")
            window.close()
            gui.worker.wait()
        database.close()
    finally:
        hq_admin.drop_terminal_roles(hq_url)
        with psycopg.connect(pg, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--screen", nargs=3, metavar=("WIDTH", "HEIGHT", "LANGUAGES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.screen:
        width, height, languages = args.screen
        shoot(int(width), int(height), tuple(languages.split(",")), args.pg)
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for (width, height), languages in SHOTS.items():
        env = {**os.environ, "QT_QPA_PLATFORM": screen_platform(width, height)}
        screen = [str(width), str(height), ",".join(languages)]
        subprocess.run([sys.executable, __file__, "--pg", args.pg, "--screen", *screen], check=True, env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
