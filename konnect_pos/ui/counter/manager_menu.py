"""The Managers menu of the counter and its shortcuts (Ctrl+D, M, E, Shift+O, R, Shift+R, J, U, K, B,
Shift+C).

The menu shows only to a user who holds at least one manager's right, and follows whoever is
signed in (it is re-applied after an unlock). The shortcuts stay live for everyone: a cashier
who presses one is told, in a sentence, who can do it — a refused key never does nothing.
The services check the same rights again; this only decides what is offered and what is said.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from konnect_pos.domain import roles
from konnect_pos.domain.roles import Right, can
from konnect_pos.ui.i18n import error_text


@dataclass(frozen=True, slots=True)
class _Entry:
    key: str
    shortcut: str
    right: Right | None  # None: anyone may start it (a cashier's manager approves inside)
    handler: Callable[[], None]


class ManagerMenu(QObject):
    """The menu on ``window``: ``set_role`` after every sign-in, ``retranslate`` on a language change."""

    def __init__(self, window: QMainWindow, handlers: dict[str, Callable[[], None]], role: str) -> None:
        super().__init__(window)
        self.window = window
        self.role = role
        self.refusal_box: QMessageBox | None = None
        self.menu = window.menuBar().addMenu("")
        layout = (
            ("day", "Ctrl+D", None),
            ("cash", "Ctrl+M", None),
            ("rate", "Ctrl+E", Right.OPEN_CLOSE_DAY),
            ("drawer", "Ctrl+Shift+O", Right.CASH_MOVEMENTS),
            (None, "", None),
            ("report", "Ctrl+R", Right.REPORTS),
            ("commissions", "Ctrl+Shift+R", Right.REPORTS),
            ("audit", "Ctrl+J", Right.REPORTS),
            ("users", "Ctrl+U", Right.UNLOCK_USERS),
            ("conflicts", "Ctrl+K", Right.REVIEW_CONFLICTS),
            (None, "", None),
            ("corporate", "Ctrl+B", Right.CORPORATE_BILLING),
            ("catalog", "Ctrl+Shift+C", Right.MANAGE_CATALOG),
        )
        self.entries: dict[str, _Entry] = {}
        self.actions: dict[str, QAction] = {}
        for key, shortcut, right in layout:
            if key is None:
                self.menu.addSeparator()
                continue
            entry = _Entry(key, shortcut, right, handlers[key])
            action = QAction(window)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, e=entry: self._trigger(e))
            window.addAction(action)  # the shortcut works while the menu is hidden
            self.menu.addAction(action)
            self.entries[key], self.actions[key] = entry, action
        self.set_role(role)

    def set_role(self, role: str) -> None:
        self.role = role
        manager = any(can(role, entry.right) for entry in self.entries.values() if entry.right)
        self.menu.menuAction().setVisible(manager)
        self.menu.menuAction().setEnabled(manager)

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Managers"))
        for key, text in (
            ("day", self.tr("Open or close the day…")),
            ("cash", self.tr("Cash in / cash out…")),
            ("rate", self.tr("Exchange rate of the day…")),
            ("drawer", self.tr("Open the cash drawer")),
            ("report", self.tr("Daily sales summary (X report)…")),
            ("commissions", self.tr("Commission statement…")),
            ("audit", self.tr("Audit trail…")),
            ("users", self.tr("Users…")),
            ("conflicts", self.tr("Sync conflicts…")),
            ("corporate", self.tr("Corporate accounts and invoices…")),
            ("catalog", self.tr("Catalog: bundles and plans…")),
        ):
            self.actions[key].setText(text)

    def refusal(self, right: Right) -> str:
        """Who can do it: the domain's one sentence per right, in the current language."""
        return error_text(roles.refusal(right))

    def refuse(self, right: Right) -> None:
        """Say why, in a box the person closes with Enter or Esc."""
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Not allowed"), self.refusal(right), parent=self.window
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        back_to = QApplication.focusWidget()
        box.finished.connect(lambda _result: self._back_to(back_to))
        self.refusal_box = box
        box.open()

    def _back_to(self, widget: QWidget | None) -> None:
        """The keyboard goes back where it was, so the next key press works."""
        self.window.activateWindow()
        if widget is not None and shiboken6.isValid(widget):
            widget.setFocus()

    def allowed(self, right: Right) -> bool:
        if can(self.role, right):
            return True
        self.refuse(right)
        return False

    def _trigger(self, entry: _Entry) -> None:
        if entry.right is None or self.allowed(entry.right):
            entry.handler()
