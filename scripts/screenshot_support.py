"""What the scripts/screenshots*.py scripts share: where pictures go, an offscreen screen of a
given size, waiting for the screen to reach a state, and drawing a dialog over its window."""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def screen_platform(width: int, height: int) -> str:
    """A QT_QPA_PLATFORM value: Qt's offscreen platform with one width×height screen at 96 dpi
    (it reads the screen from a JSON file); set it before the QApplication is made."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as config:
        screen = {"name": "screen", "x": 0, "y": 0, "width": width, "height": height, "dpi": 96, "dpr": 1}
        json.dump({"screens": [screen]}, config)
    return f"offscreen:configfile={config.name}"


def use_screen(width: int, height: int) -> None:
    """This process draws on an offscreen width×height screen."""
    os.environ["QT_QPA_PLATFORM"] = screen_platform(width, height)


def spin(until: Callable[[], object], timeout_ms: int = 15_000) -> None:
    """Run the event loop until ``until()`` holds; an error if it never does."""
    waited = 0
    while not until() and waited < timeout_ms:
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()
        waited += 50
    if not until():
        raise RuntimeError("the screen did not reach the expected state")


def settle(seconds: float = 0.4) -> None:
    """Let layouts follow the last texts (and previews draw their pages) before a picture."""
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        QApplication.processEvents()


def signed_in_counter(folder: Path, account: str, user: str = "cashier", pin: str = "1111"):
    """The app on the database already open, signed in by keyboard on KIN01-T1, with ``account``
    looked up in the counter window: (the app, its counter window)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from konnect_pos.ui.app import App
    from konnect_pos.ui.settings import LocalSettings

    shell = App("KIN01-T1", LocalSettings(folder / "counter.ini"))
    shell.login.show()
    spin(lambda: shell.login.user.count() == 3)
    shell.login.user.setCurrentIndex(shell.login.user.findData(user))
    QTest.keyClicks(shell.login.pin, pin)
    QTest.keyClick(shell.login.pin, Qt.Key.Key_Return)
    spin(lambda: shell.counter_window is not None)
    window = shell.counter_window
    window.show()
    QTest.keyClicks(window.search, account)
    QTest.keyClick(window.search, Qt.Key.Key_Return)
    return shell, window


def grab(widget: QWidget, name: str, out: Path = OUT) -> None:
    """The widget as drawn, saved as ``out/name``."""
    widget.grab().save(str(out / name))
    print(f"wrote {out / name} ({widget.width()}×{widget.height()})")


def over_window(
    window: QWidget, dialog: QWidget, path: Path, *, keep_size: bool = False, dim: bool = True
) -> None:
    """The window with the dialog centred on it, the way the dialog opens at the counter
    (``keep_size``: a dialog sized to the screen, such as a PDF preview, keeps its size;
    ``dim``: the window darkened behind a modal dialog)."""
    if not keep_size:
        dialog.adjustSize()
    shot = QPixmap(window.grab())
    painter = QPainter(shot)
    if dim:
        painter.fillRect(shot.rect(), QColor(0, 0, 0, 70))
    painter.drawPixmap(
        (shot.width() - dialog.width()) // 2, (shot.height() - dialog.height()) // 2, dialog.grab()
    )
    painter.end()
    shot.save(str(path))
    print(f"wrote {path}")
