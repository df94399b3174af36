"""docs/screenshots/ of the counter and the corporate window as they open on 1366×768 and 1920×1080 screens.

python scripts/screenshots_window_size.py

Each size runs in its own process on an offscreen screen of that size (Qt's offscreen platform
reads the screen from a JSON file); the cashier signs in and searches by keyboard, the counter
opens maximised as it does at a shop, and the manager's corporate window opens with Ctrl+B.
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

SHOTS = {(1366, 768): ("en", "fr", "sw"), (1920, 1080): ("en",)}


def shoot(width: int, height: int, languages: tuple[str, ...]) -> None:
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

    keep: list = [QApplication.instance() or QApplication(sys.argv[:1])]
    folder = Path(tempfile.mkdtemp())
    open_database(f"sqlite:///{folder / 'demo.db'}")
    demo.seed(system_clock, customers=300)
    for language in languages:
        for user, _name, _role, pin in demo.DEMO_USERS[:2]:  # the cashier, then the manager
            settings = LocalSettings(folder / f"{language}-{user}.ini")
            settings.save(language=language, receipt_format="80mm", auto_print=False, idle_minutes=5)
            gui = App("KIN01-T1", settings)
            keep.append(gui)
            gui.login.show()
            gui.login.activateWindow()
            wait_until(
                lambda g=gui: g.login.user.count() > 0 and QApplication.focusWidget() is g.login.pin, "users"
            )
            press(Qt.Key.Key_Backtab)
            press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            type_into_focus(user)
            press(Qt.Key.Key_Tab)
            type_into_focus(pin)
            press(Qt.Key.Key_Return)
            wait_until(lambda g=gui: g.counter_window is not None, "the counter")
            window = gui.counter_window
            window.activateWindow()
            wait_until(
                lambda w=window: QApplication.focusWidget() is w.search and len(w.catalog_buttons) == 5,
                "search",
            )
            name = f"{width}x{height}-{language}"
            if user == "cashier":
                type_into_focus("mar")
                wait_until(lambda w=window: w.results.count() > 0, "results")
                press(Qt.Key.Key_Down)
                press(Qt.Key.Key_Return)
                wait_until(lambda w=window: w.panel.account.text() != "", "the customer")
                window.grab().save(str(OUT / f"counter-{name}.png"))
                print(f"wrote docs/screenshots/counter-{name}.png")
            else:
                press(Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
                wait_until(lambda w=window: getattr(w, "corporate_window", None) is not None, "corporate")
                corporate = window.corporate_window
                wait_until(lambda c=corporate: c.account_table.rowCount() > 0, "accounts")
                corporate.account_table.selectRow(0)
                wait_until(lambda c=corporate: c.line_table.rowCount() > 0, "lines")
                corporate.grab().save(str(OUT / f"corporate-{name}.png"))
                print(f"wrote docs/screenshots/corporate-{name}.png")
                corporate.reject()
            window.close()
            gui.worker.wait()


def main() -> int:
    if len(sys.argv) == 4:
        shoot(int(sys.argv[1]), int(sys.argv[2]), tuple(sys.argv[3].split(",")))
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for (width, height), languages in SHOTS.items():
        env = {**os.environ, "QT_QPA_PLATFORM": screen_platform(width, height)}
        command = [sys.executable, __file__, str(width), str(height), ",".join(languages)]
        subprocess.run(command, check=True, env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
