"""The counter's lock (Ctrl+L or idle): the PIN screen in front, and whoever signs in takes over.

While locked nothing behind the screen answers: the open dialogs are hidden and every shortcut
and menu of the window is off. The same user gets everything back as it was (dialogs included);
another user gets their own session, and the previous user's dialogs are closed, never handed over.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from konnect_pos.services.session import Counter
from konnect_pos.ui.login_window import LoginWindow
from konnect_pos.ui.worker import DbWorker


class SessionLock(QObject):
    """Emits ``unlocked(counter, same_user)`` once someone has signed in on the lock screen."""

    unlocked = Signal(object, bool)

    def __init__(self, window: QMainWindow, stack: QStackedWidget, worker: DbWorker) -> None:
        super().__init__(window)
        self.window, self.stack, self.worker = window, stack, worker
        self.screen: LoginWindow | None = None
        self.locked_by: Counter | None = None
        self._home: QWidget | None = None
        self._hidden: list[QWidget] = []
        self._switched_off: list[QShortcut | QAction] = []

    def lock(self, counter: Counter) -> None:
        if self.screen is not None:
            return
        self.locked_by = counter
        screen = LoginWindow(
            self.worker, counter.terminal.label, counter.clock, lock_user=counter.user.username
        )
        screen.signed_in.connect(self._signed_in)
        self._hidden = [
            widget
            for widget in self.window.findChildren(QWidget)
            if widget.isWindow() and widget.isVisible() and widget is not self.window
        ]
        for widget in self._hidden:
            widget.hide()
        keys = [*self.window.findChildren(QShortcut), *self.window.actions()]
        self._switched_off = [key for key in keys if key.isEnabled()]
        for key in self._switched_off:
            key.setEnabled(False)
        self.window.menuBar().setEnabled(False)
        self._home = self.stack.currentWidget()
        self.screen = screen
        self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)
        screen.pin.setFocus()

    def _signed_in(self, counter: Counter) -> None:
        same_user = self.locked_by is not None and counter.user.id == self.locked_by.user.id
        screen, self.screen = self.screen, None
        if self._home is not None:
            self.stack.setCurrentWidget(self._home)
        if screen is not None:
            self.stack.removeWidget(screen)
            screen.deleteLater()
        for key in self._switched_off:
            key.setEnabled(True)
        self.window.menuBar().setEnabled(True)
        hidden, self._hidden, self._switched_off = self._hidden, [], []
        for widget in hidden:
            if same_user:
                widget.show()
            else:
                widget.close()
        self.unlocked.emit(counter, same_user)
