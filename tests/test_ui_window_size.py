"""Window size: the counter opens maximised, every window fits a 1366×768 laptop in every language,
and a bigger screen's extra height goes to the lists.

The fit is checked on a real 1366×768 offscreen screen, in a child process (the test session's
screen is Qt's default 800×800): a manager signs in by keyboard and opens each window with its key.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from konnect_pos.services import demo
from konnect_pos.services.clock import system_clock
from konnect_pos.store.schema import open_database
from konnect_pos.ui.app import App
from konnect_pos.ui.i18n import set_language
from konnect_pos.ui.settings import LocalSettings

ROOT = Path(__file__).resolve().parent.parent
PINS = {username: pin for username, _name, _role, pin in demo.DEMO_USERS}
SCREEN = (1366, 768)
# A desktop takes a panel (~40 px) from the screen and a title bar (~30 px) from each window.
INSIDE = (SCREEN[0] - 16, SCREEN[1] - 70)
KEYS = [  # (key, with Ctrl): every window a manager opens from the counter without a sale
    ("F3", False),
    ("D", True),
    ("R", True),
    ("J", True),
    ("U", True),
    ("M", True),
    ("K", True),
    ("B", True),
    ("Comma", True),
]


def child(folder: str) -> None:
    """Runs in the 1366×768 process: prints one JSON line of what each window measures."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from long_session import press, type_into_focus, wait_until
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    open_database(f"sqlite:///{Path(folder) / 'demo.db'}")
    demo.seed(system_clock, customers=40)
    screen = app.primaryScreen().availableGeometry()
    seen: list[dict] = []

    def measure(language: str, widget) -> None:
        hint = widget.minimumSizeHint()
        seen.append(
            {
                "language": language,
                "window": type(widget).__name__,
                "minimum": [hint.width(), hint.height()],
                "size": [widget.width(), widget.height()],
                "maximised": widget.isMaximized(),
            }
        )

    for language in ("en", "fr", "sw"):
        settings = LocalSettings(Path(folder) / f"{language}.ini")
        settings.save(language=language, receipt_format="80mm", auto_print=False, idle_minutes=5)
        gui = App("KIN01-T1", settings)
        gui.login.show()
        gui.login.activateWindow()
        wait_until(lambda g=gui: QApplication.focusWidget() is g.login.pin, "the PIN field")
        measure(language, gui.login)
        press(Qt.Key.Key_Backtab)
        press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_into_focus("manager")
        press(Qt.Key.Key_Tab)
        type_into_focus(PINS["manager"])
        press(Qt.Key.Key_Return)
        wait_until(lambda g=gui: g.counter_window is not None, "the counter")
        window = gui.counter_window
        window.activateWindow()
        wait_until(lambda w=window: QApplication.focusWidget() is w.search, "the search box")
        measure(language, window)
        for key, ctrl in KEYS:
            before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
            window.activateWindow()
            wait_until(lambda w=window: QApplication.activeWindow() is w, "the counter to be active")
            modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
            press(getattr(Qt.Key, f"Key_{key}"), modifier)

            def opened(before=before) -> list:
                return [w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in before]

            wait_until(lambda opened=opened: bool(opened()), f"a window after {key}")
            wait_until(lambda gui=gui: gui.worker.wait(0), "the window's data")
            app.processEvents()
            for widget in opened():
                measure(language, widget)
                widget.close()
        # The payment dialog needs a customer and a bundle in the cart: found and added by keys.
        window.activateWindow()
        wait_until(lambda w=window: QApplication.focusWidget() is not None and w.isActiveWindow(), "focus")
        press(Qt.Key.Key_F2)
        type_into_focus("CD00000001")
        press(Qt.Key.Key_Return)
        wait_until(lambda w=window: w.panel.account.text() == "CD00000001", "the customer")
        wait_until(lambda w=window: QApplication.focusWidget() is w.cart, "the cart")
        press(Qt.Key.Key_1)
        wait_until(lambda w=window: w.cart.rowCount() == 1 and w.pay_button.isEnabled(), "the cart")
        press(Qt.Key.Key_F9)
        wait_until(lambda w=window: w.payment_dialog is not None and w.payment_dialog.isVisible(), "payment")
        measure(language, window.payment_dialog)
        window.payment_dialog.close()
        window.close()
        gui.login.close()
        gui.worker.wait()
    print(json.dumps({"screen": [screen.width(), screen.height()], "windows": seen}))


@pytest.mark.slow
def test_every_window_fits_a_1366x768_screen_in_every_language(tmp_path):
    config = tmp_path / "screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1], "dpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "KONNECT_POS_LANG": "en"}
    code = f"from tests.test_ui_window_size import child; child({str(tmp_path)!r})"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["screen"] == list(SCREEN)
    windows = report["windows"]
    names = {w["window"] for w in windows}
    assert {"LoginWindow", "CounterWindow", "CorporateWindow", "DayDialog", "PaymentDialog"} <= names
    assert len(windows) == 3 * (3 + len(KEYS)), [w["window"] for w in windows]
    for window in windows:
        where = f"{window['window']} ({window['language']})"
        assert window["minimum"][0] <= INSIDE[0] and window["minimum"][1] <= INSIDE[1], where
        if window["window"] == "CounterWindow":
            assert window["maximised"], where
        else:
            assert window["size"][0] <= INSIDE[0] and window["size"][1] <= SCREEN[1] - 40, where


@pytest.fixture
def shop(sqlite_url):
    database = open_database(sqlite_url)
    demo.seed(system_clock, customers=60)
    yield database
    database.close()


def test_a_taller_window_gives_its_height_to_the_lists_not_to_gaps(shop, qtbot, tmp_path):
    set_language("en")
    app = App("KIN01-T1", LocalSettings(tmp_path / "counter.ini"))
    qtbot.addWidget(app.login)
    app.login.show()
    qtbot.waitUntil(lambda: app.login.user.count() == 3, timeout=10_000)
    app.login.user.setCurrentIndex(app.login.user.findData("cashier"))
    qtbot.keyClicks(app.login.pin, PINS["cashier"])
    qtbot.keyClick(app.login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.counter_window is not None, timeout=10_000)
    window = app.counter_window
    qtbot.addWidget(window)
    assert window.isMaximized()
    qtbot.keyClicks(window.search, "kab")
    qtbot.waitUntil(lambda: window.results.count() > 0, timeout=10_000)
    window.showNormal()
    measured = {}
    for size in ((1366, 768), (1920, 1080)):
        window.resize(*size)
        qtbot.waitUntil(lambda size=size: (window.width(), window.height()) == size, timeout=5_000)
        panel = window.panel
        measured[size] = (
            window.results.height(),
            panel.purchases.height(),
            panel.account.y() - panel.name.y(),  # a gap would grow here
        )
    (results_small, purchases_small, gap_small) = measured[(1366, 768)]
    (results_big, purchases_big, gap_big) = measured[(1920, 1080)]
    extra = 1080 - 768
    assert results_big - results_small >= extra // 3
    assert (results_big - results_small) + (purchases_big - purchases_small) >= extra * 0.8
    assert gap_big == gap_small
    window.close()
    app.worker.wait()


def test_a_window_asked_larger_than_the_screen_opens_inside_it(qtbot):
    """The invoice preview asks for 760×960; the test session's screen is 800×800."""
    from PySide6.QtWidgets import QLabel

    from konnect_pos.ui.screen_fit import FRAME_HEIGHT, FRAME_WIDTH, available_area, fit_to_screen

    window = QLabel("invoice")
    qtbot.addWidget(window)
    area = available_area(window)
    fit_to_screen(window, 760, 960)
    assert window.height() == area.height() - FRAME_HEIGHT < 960
    assert window.width() == min(760, area.width() - FRAME_WIDTH)
    fit_to_screen(window, 300, 200)
    assert (window.width(), window.height()) == (300, 200)
