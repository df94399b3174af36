"""Sign in: choose or type the user, PIN by keyboard or on the pad. Also the idle lock screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.services.clock import Clock
from konnect_pos.ui.forms import set_label
from konnect_pos.ui.i18n import error_text
from konnect_pos.ui.worker import DbWorker

if TYPE_CHECKING:
    from konnect_pos.services.session import Counter


def _usernames() -> list[tuple[str, str]]:
    """On the database thread, which imports the services (and peewee): not before the window shows."""
    from konnect_pos.services import users

    return users.list_usernames()


def _sign_in(terminal: str, username: str, pin: str, clock: Clock) -> Counter:
    from konnect_pos.services import session

    return session.sign_in(terminal, username, pin, clock)


class LoginWindow(QWidget):
    """Emits ``signed_in(Counter)`` after a correct PIN; errors (wrong PIN, locked) shown under the PIN.

    ``list_users``: False where the database is not open yet (start-up): ``load_users`` later."""

    signed_in = Signal(object)
    users_listed = Signal()

    def __init__(
        self,
        worker: DbWorker,
        terminal: str,
        clock: Clock,
        *,
        lock_user: str | None = None,
        preselect: str | None = None,
        list_users: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker, self.terminal, self.clock, self.lock_user = worker, terminal, clock, lock_user
        self.preselect = lock_user or preselect  # the locked user, else whoever signed in last here
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.font())
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(terminal)
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.user = QComboBox()
        self.user.setEditable(True)
        self.user.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # a typed name never adds a user
        self.user.setMinimumWidth(260)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.returnPressed.connect(self.submit)
        self.user.lineEdit().returnPressed.connect(self.pin.setFocus)
        self.hint = QLabel()  # on the lock screen: who locked it, and that anyone may unlock
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.lock_name = lock_user or ""
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b91c1c; font-weight: bold")
        self.error.setWordWrap(True)
        self.sign_in_button = QPushButton()
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.submit)
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.user)
        self.form.addRow(QLabel(), self.pin)
        pad = QGridLayout()
        self.pad_buttons: list[QPushButton] = []
        for index, key in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "⌫"]):
            button = QPushButton(key)
            button.setMinimumSize(64, 52)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            pad.addWidget(button, index // 3, index % 3)
            self.pad_buttons.append(button)
        box = QWidget()
        box.setMaximumWidth(420)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addWidget(self.subtitle)
        inner.addWidget(self.hint)
        inner.addLayout(self.form)
        inner.addLayout(pad)
        inner.addWidget(self.error)
        inner.addWidget(self.sign_in_button)
        outer = QVBoxLayout(self)
        outer.addStretch()
        outer.addWidget(box, alignment=Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch()
        self.setTabOrder(self.user, self.pin)
        self.setTabOrder(self.pin, self.sign_in_button)
        self.retranslate()
        if list_users:
            self.load_users()

    def load_users(self) -> None:
        self.worker.submit(_usernames, self._fill_users, self._show_error)

    def set_terminal(self, terminal: str) -> None:
        self.terminal = terminal
        self.subtitle.setText(terminal)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Konnect POS: sign in"))
        self.title.setText(self.tr("Locked") if self.lock_user else self.tr("Konnect POS"))
        set_label(self.form, self.user, self.tr("&User"))
        set_label(self.form, self.pin, self.tr("&PIN"))
        self.sign_in_button.setText(self.tr("Sign in") if not self.lock_user else self.tr("Unlock"))
        self.hint.setVisible(bool(self.lock_user))
        self.hint.setText(
            self.tr(
                "Locked by {name}. Anyone can unlock with their own PIN; "
                "another user starts with a clear screen."
            ).replace("{name}", self.lock_name)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_users(self, names: list[tuple[str, str]]) -> None:
        self.user.clear()
        for username, full_name in names:
            self.user.addItem(f"{full_name} ({username})", username)
            if username == self.lock_user:
                self.lock_name = full_name
        self.retranslate()
        if self.preselect:
            index = self.user.findData(self.preselect)
            self.user.setCurrentIndex(max(index, 0))
        self.pin.setFocus()
        self.users_listed.emit()

    def username(self) -> str:
        """The login name for what is chosen or typed: the list entry, a display name or a login name."""
        text = self.user.currentText().strip()
        for index in range(self.user.count()):
            entry, username = self.user.itemText(index), str(self.user.itemData(index))
            full_name = entry.rsplit(" (", 1)[0]
            if text.casefold() in (entry.casefold(), full_name.casefold(), username.casefold()):
                return username
        return text.rsplit("(", 1)[-1].rstrip(")") if text.endswith(")") else text

    def press(self, key: str) -> None:
        if key == "C":
            self.pin.clear()
        elif key == "⌫":
            self.pin.backspace()
        else:
            self.pin.insert(key)
        self.pin.setFocus()

    def submit(self) -> None:
        username, pin = self.username(), self.pin.text()
        self.sign_in_button.setEnabled(False)
        self.error.clear()
        terminal = self.terminal
        self.worker.submit(
            lambda: _sign_in(terminal, username, pin, self.clock),
            self._signed_in,
            self._show_error,
        )

    def _signed_in(self, counter: Counter) -> None:
        self.sign_in_button.setEnabled(True)
        self.pin.clear()
        self.signed_in.emit(counter)

    def show_opening(self, opening: bool = True) -> None:
        """Signed in, the counter window still loading (it opens within a second); or, ``opening``
        False, back to the form."""
        self.sign_in_button.setEnabled(not opening)
        self.pin.setEnabled(not opening)  # no second sign-in while the first one's counter opens
        if opening:
            self.hint.setText(self.tr("Opening the counter…"))
            self.hint.setVisible(True)
        else:
            self.retranslate()

    def _show_error(self, error: Exception) -> None:
        self.sign_in_button.setEnabled(True)
        self.pin.clear()
        self.pin.setFocus()
        self.error.setText(error_text(error))
