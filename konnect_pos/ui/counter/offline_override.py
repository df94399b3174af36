"""A manager lifts the offline limits (Ctrl+Shift+L, issue 19): the reason, the manager's PIN when a
cashier asks, one journaled record; selling then counts again from now until the next sync."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from konnect_pos.domain.roles import Right, can
from konnect_pos.services import outlet_limits
from konnect_pos.services.session import Counter
from konnect_pos.ui.approval_widget import ApprovalWidget, approving_user
from konnect_pos.ui.forms import set_label
from konnect_pos.ui.i18n import error_text
from konnect_pos.ui.worker import DbWorker

OPEN_KEY = "Ctrl+Shift+L"


class OfflineOverrideDialog(QDialog):
    """``requested(reason, approval)``; the window's worker records it."""

    requested = Signal(str, object)

    def __init__(self, worker: DbWorker, *, needs_approval: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reason = QLineEdit()
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.reason)
        self.approval = ApprovalWidget(worker, (Right.OPEN_CLOSE_DAY,), needed=needs_approval)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c")
        self.error.setWordWrap(True)
        self.save = QPushButton()
        self.save.setDefault(True)  # Enter in the reason or the manager's PIN records
        self.save.clicked.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.approval)
        layout.addWidget(self.error)
        layout.addWidget(self.save)
        self.setTabOrder(self.reason, self.approval.approver)
        self.setTabOrder(self.approval.approver, self.approval.pin)
        self.setTabOrder(self.approval.pin, self.save)
        self.retranslate()
        self.reason.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Lift the offline limits"))
        set_label(self.form, self.reason, self.tr("Reason"))
        self.save.setText(self.tr("Lift until the next sync"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def submit(self) -> None:
        self.error.clear()
        self.requested.emit(self.reason.text(), self.approval.approval())

    def show_error(self, error: Exception) -> None:
        self.error.setText(error_text(error))
        self.approval.refused(error)


class OfflineOverride:
    """Opens the dialog on Ctrl+Shift+L at ``window``; ``done`` runs after a recorded override."""

    def __init__(
        self, window: QWidget, counter: Callable[[], Counter], worker: DbWorker, done: Callable[[], None]
    ):
        self.window, self.counter, self.worker, self.done = window, counter, worker, done
        self.dialog: OfflineOverrideDialog | None = None
        QShortcut(QKeySequence(OPEN_KEY), window, self.open)

    def open(self) -> None:
        counter = self.counter()
        dialog = OfflineOverrideDialog(
            self.worker, needs_approval=not can(counter.user.role, Right.OPEN_CLOSE_DAY), parent=self.window
        )

        def record(reason: str, approval) -> None:
            def call():
                return outlet_limits.override_offline(
                    counter, approving_user(approval, counter.clock), reason
                )

            def recorded(_at) -> None:
                dialog.approval.approved()
                dialog.accept()
                self.done()

            self.worker.submit(call, recorded, dialog.show_error)

        dialog.requested.connect(record)
        self.dialog = dialog
        dialog.open()
