"""Managers' screens: the audit trail (filterable) and the users (add, deactivate, reset PIN, unlock)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.domain.roles import Right
from konnect_pos.services.audit import AuditRow
from konnect_pos.services.users import UserRow
from konnect_pos.ui.approval_widget import ApprovalWidget
from konnect_pos.ui.forms import set_label
from konnect_pos.ui.i18n import error_text, local_time_text
from konnect_pos.ui.worker import DbWorker


def data_table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class AuditDialog(QDialog):
    """Emits ``filter_changed(user, kind)``; the window loads the rows and calls ``show_rows``."""

    filter_changed = Signal(str, str)

    def __init__(self, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = ZoneInfo(zone)
        self.user = QLineEdit()
        self.kind = QComboBox()
        for kind in ("", "sale", "void", "refund", "day", "cash_movement", "queue", "usage", "user_"):
            self.kind.addItem(kind or "—", kind)
        self.table = data_table(6)
        self.error = QLabel()
        self.filter_button = QPushButton()
        self.filter_button.clicked.connect(self.apply)
        self.user.returnPressed.connect(self.apply)
        row = QHBoxLayout()
        self.user_label, self.kind_label = QLabel(), QLabel()
        for widget in (self.user_label, self.user, self.kind_label, self.kind, self.filter_button):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        self.resize(900, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Audit trail"))
        self.user_label.setText(self.tr("User"))
        self.kind_label.setText(self.tr("Action"))
        self.filter_button.setText(self.tr("Filter"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Terminal"),
                self.tr("Action"),
                self.tr("User"),
                self.tr("Approved by"),
                self.tr("About"),
            ]
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def apply(self) -> None:
        self.filter_changed.emit(self.user.text().strip(), self.kind.currentData())

    def show_rows(self, rows: list[AuditRow]) -> None:
        self.error.clear()
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            values = (
                local_time_text(row.at, self.zone.key),
                row.terminal,
                row.kind,
                row.user,
                row.approved_by or "",
                row.subject,
            )
            for column, value in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(value))

    def show_error(self, error: Exception) -> None:
        self.error.setText(error_text(error))


class UsersDialog(QDialog):
    """Emits ``action_requested(action, username, fields)`` for add / deactivate / reset_pin / unlock."""

    action_requested = Signal(str, str, dict)

    def __init__(self, *, can_manage: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = data_table(4)
        self.username, self.full_name, self.pin = QLineEdit(), QLineEdit(), QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox()
        for role in ("cashier", "manager", "admin"):
            self.role.addItem(role, role)
        self.form = QFormLayout()
        for widget in (self.username, self.full_name, self.role, self.pin):
            self.form.addRow(QLabel(), widget)
        self.buttons = {name: QPushButton() for name in ("add", "reset_pin", "deactivate", "unlock")}
        for name, button in self.buttons.items():
            button.clicked.connect(lambda _=False, n=name: self.request(n))
            if name != "unlock":
                button.setEnabled(can_manage)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c")
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(self.form)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.table.itemSelectionChanged.connect(self._pick)
        self.resize(720, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Users"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("User"), self.tr("Name"), self.tr("Role"), self.tr("State")]
        )
        for widget, text in (
            (self.username, self.tr("User")),
            (self.full_name, self.tr("Name")),
            (self.role, self.tr("Role")),
            (self.pin, self.tr("New PIN")),
        ):
            set_label(self.form, widget, text)
        for name, text in (
            ("add", self.tr("Add user")),
            ("reset_pin", self.tr("Reset PIN")),
            ("deactivate", self.tr("Deactivate")),
            ("unlock", self.tr("Unlock")),
        ):
            self.buttons[name].setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_users(self, users: list[UserRow]) -> None:
        self.error.clear()
        self.table.setRowCount(len(users))
        for index, user in enumerate(users):
            state = (
                (self.tr("locked") if user.locked else self.tr("active"))
                if user.active
                else self.tr("deactivated")
            )
            for column, value in enumerate((user.username, user.full_name, user.role, state)):
                self.table.setItem(index, column, QTableWidgetItem(value))

    def _pick(self) -> None:
        row = self.table.currentRow()
        if row >= 0 and self.table.item(row, 0):
            self.username.setText(self.table.item(row, 0).text())

    def request(self, action: str) -> None:
        self.error.clear()
        self.action_requested.emit(
            action,
            self.username.text().strip(),
            {"full_name": self.full_name.text(), "role": self.role.currentData(), "pin": self.pin.text()},
        )

    def show_error(self, error: Exception) -> None:
        self.error.setText(error_text(error))


class CashMovementDialog(QDialog):
    """Cash in or out of the drawer (Ctrl+M): ``requested(direction, amount, currency, reason, approval)``."""

    requested = Signal(str, str, str, str, object)

    def __init__(
        self,
        currencies: tuple[str, ...],
        worker: DbWorker,
        *,
        needs_approval: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.direction = QComboBox()
        self.direction.addItem("", "out")
        self.direction.addItem("", "in")
        self.amount = QLineEdit()
        self.currency = QComboBox()
        for currency in currencies:
            self.currency.addItem(currency, currency)
        self.reason = QLineEdit()
        self.form = QFormLayout()
        for widget in (self.direction, self.amount, self.currency, self.reason):
            self.form.addRow(QLabel(), widget)
        self.needs_approval = needs_approval
        self.approval = ApprovalWidget(worker, (Right.CASH_MOVEMENTS,), needed=needs_approval)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c")
        self.error.setWordWrap(True)
        self.save = QPushButton()
        self.save.setDefault(True)  # Enter in any field, the manager's PIN included, records
        self.save.clicked.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.approval)
        layout.addWidget(self.error)
        layout.addWidget(self.save)
        for first, second in (
            (self.direction, self.amount),
            (self.amount, self.currency),
            (self.currency, self.reason),
            (self.reason, self.approval.approver),
            (self.approval.approver, self.approval.pin),
            (self.approval.pin, self.save),
        ):
            self.setTabOrder(first, second)
        self.retranslate()
        self.amount.setFocus()  # the amount is typed first; the direction is one Shift+Tab away

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Cash in / cash out"))
        self.direction.setItemText(0, self.tr("Cash out (expense, bank drop)"))
        self.direction.setItemText(1, self.tr("Cash in"))
        for widget, text in (
            (self.direction, self.tr("Movement")),
            (self.amount, self.tr("Amount")),
            (self.currency, self.tr("Currency")),
            (self.reason, self.tr("Reason")),
        ):
            set_label(self.form, widget, text)
        self.save.setText(self.tr("Record"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def submit(self) -> None:
        self.error.clear()
        self.requested.emit(
            self.direction.currentData(),
            self.amount.text(),
            self.currency.currentData(),
            self.reason.text(),
            self.approval.approval(),
        )

    def show_error(self, error: Exception) -> None:
        self.error.setText(error_text(error))
        self.approval.refused(error)
