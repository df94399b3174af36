"""Windows sized for the screen they open on: nothing cut off on a 1366×768 laptop."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# What a desktop's window manager adds around a window (title bar and borders), which Qt only
# knows once the window is shown: the size asked for is the inside of the window.
FRAME_WIDTH, FRAME_HEIGHT = 16, 40


def available_area(window: QWidget) -> QRect:
    """The part of the window's screen not taken by panels and task bars."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Open at the preferred size, or smaller where the screen is smaller (never below the minimum)."""
    area = available_area(window)
    window.resize(
        max(window.minimumSizeHint().width(), min(width, area.width() - FRAME_WIDTH)),
        max(window.minimumSizeHint().height(), min(height, area.height() - FRAME_HEIGHT)),
    )
