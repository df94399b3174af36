"""The counter's main flow in a fresh process, for tests/test_gui_thread.py (not a test module).

python tests/gui_flow_probe.py SQLITE_URL  →  one JSON line: the modules the GUI thread imported
from the PIN's Enter until the counter window was ready, the Qt modules imported off the GUI
thread (none should be), and the stalls the watchdog logged over the
whole flow (sign-in, search, a sale paid by mobile money, the receipt's preview). Keys go to the
focused widget as a person types them.
"""

from __future__ import annotations

import json
import sys
import threading
import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from konnect_pos.services.clock import system_clock
from konnect_pos.store.schema import open_database
from konnect_pos.ui.app import App
from konnect_pos.ui.gc_guard import GuiGarbageCollector
from konnect_pos.ui.settings import LocalSettings
from konnect_pos.ui.worker import hand_over_the_gil_quickly


class GuiThreadImports:
    """A meta-path finder that notes the modules first imported on the GUI thread while recording,
    and, all along, any Qt module (PySide's or the GUI's own) first imported on another thread."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.qt_elsewhere: list[str] = []
        self.recording = False

    def find_spec(self, name, path=None, target=None):
        on_gui_thread = threading.current_thread() is threading.main_thread()
        if self.recording and on_gui_thread:
            self.names.append(name)
        if not on_gui_thread and name.startswith(("PySide6", "shiboken6", "konnect_pos.ui")):
            self.qt_elsewhere.append(name)
        return None


def wait_until(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {condition.__doc__ or condition}")
        QApplication.processEvents()
        time.sleep(0.005)


def type_keys(text: str, pause: float = 0.0) -> None:
    """Each character to the focused widget; ``pause`` seconds between them (events run meanwhile)."""
    for char in text:
        QTest.keyClicks(QApplication.focusWidget(), char)
        if pause:
            end = time.monotonic() + pause
            wait_until(lambda end=end: time.monotonic() > end)


def press(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget(), key, modifier)


def main(url: str, folder: str) -> None:
    from konnect_pos.services import demo

    open_database(url)
    demo.seed(system_clock, customers=30)
    imports = GuiThreadImports()
    sys.meta_path.insert(0, imports)
    app = QApplication(sys.argv[:1])
    collector = GuiGarbageCollector(app)  # as ui.app.run does
    hand_over_the_gil_quickly()
    gui = App("KIN01-T1", LocalSettings(f"{folder}/counter.ini"))
    assert gui.watchdog is not None, "run with KONNECT_POS_WATCHDOG=1"
    gui.login.show()
    gui.login.activateWindow()
    wait_until(lambda: gui.login.user.count() == 3)
    login = gui.login
    login.user.setCurrentIndex(login.user.findData("cashier"))
    login.pin.setFocus()
    wait_until(lambda: QApplication.focusWidget() is login.pin)
    type_keys("1111", pause=0.15)  # a quick typist's pace: the counter loads meanwhile
    imports.recording = True
    press(Qt.Key.Key_Return)
    wait_until(lambda: gui.counter_window is not None and len(gui.counter_window.catalog_buttons) == 5)
    imports.recording = False
    window = gui.counter_window
    window.activateWindow()
    window.search.setFocus()
    wait_until(lambda: QApplication.focusWidget() is window.search)
    type_keys("CD00000001")
    press(Qt.Key.Key_Return)
    wait_until(lambda: window.panel.account.text() == "CD00000001")
    QTest.keyClick(window.cart, Qt.Key.Key_2)
    wait_until(lambda: window.cart.rowCount() == 1 and window.preview is not None)
    QTest.keyClick(window, Qt.Key.Key_F9)
    wait_until(lambda: window.payment_dialog is not None and window.payment_dialog.isVisible())
    dialog = window.payment_dialog
    QTest.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # the mobile-money tab
    QTest.keyClicks(dialog.reference, "qk7ab12cd3")
    QTest.keyClick(dialog.reference, Qt.Key.Key_Return)  # add the payment
    QTest.keyClick(dialog.reference, Qt.Key.Key_Return)  # confirm
    wait_until(lambda: window.receipt_dialog is not None and window.receipt_dialog.isVisible())
    wait_until(lambda: window.receipt_dialog.page_count() == 1)
    title = window.receipt_dialog.windowTitle()
    end = time.monotonic() + 0.2  # a few more beats of the watchdog after the preview is drawn
    wait_until(lambda: time.monotonic() > end)
    gui.watchdog.stop()
    stalls = [round(ms) for ms, _stack in gui.watchdog.stalls]
    seen = {"imports": imports.names, "qt_elsewhere": imports.qt_elsewhere}
    seen.update(stalls=stalls, receipt=title)
    print(json.dumps(seen), flush=True)
    window.close()
    gui.worker.wait()
    collector.stop()
    del app


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
