"""A word-wrapped label that always gets the height of its wrapped text.

A wrapped QLabel inside a form inside a group box is laid out at the height its size hint
guesses (about one line), and a second line is cut in half: the plan box's "Service" line
was unreadable at 1366×768 and at 1920×1080 alike. Asking for the height that the label's
actual width needs fixes that wherever such a label sits.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class WrappingLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def _fit_height(self) -> None:
        needed = self.heightForWidth(self.width()) if self.width() > 0 else -1
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()
