"""Business day (Ctrl+D): open with a float, or count the drawer by denomination and close.

A cashier can do it only with a manager's name and PIN typed here (recorded as the approver).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.domain.drawer import counted_total, denominations_from_data
from konnect_pos.domain.errors import KonnectError
from konnect_pos.domain.money import Money
from konnect_pos.services.business_day import DayView
from konnect_pos.ui.forms import set_label
from konnect_pos.ui.i18n import error_text, money_text


class DayDialog(QDialog):
    """``open_requested(floats, approver)`` / ``close_requested(counts, comment, approver)``."""

    open_requested = Signal(dict, object)
    close_requested = Signal(dict, str, object)

    def __init__(
        self,
        day: DayView | None,
        currencies: tuple[str, ...],
        expected: dict[str, Money],
        denominations: dict,
        *,
        needs_approval: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.day, self.currencies, self.expected = day, currencies, expected
        self.denominations = denominations
        self.closing = day is not None and day.status in ("open", "overdue")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.floats = {currency: QLineEdit("0") for currency in currencies}
        self.float_form = QFormLayout()
        for currency, field in self.floats.items():
            self.float_form.addRow(QLabel(currency), field)
        self.tables: dict[str, QTableWidget] = {}
        self.summaries: dict[str, QLabel] = {}
        count_layout = QVBoxLayout()
        for currency in currencies:
            rows = denominations_from_data(denominations, currency)
            table = QTableWidget(len(rows), 2)
            table.verticalHeader().setVisible(False)
            for row, denomination in enumerate(rows):
                label = QTableWidgetItem(f"{denomination.kind} {denomination.value}")
                label.setData(Qt.ItemDataRole.UserRole, denomination.key)
                label.setFlags(Qt.ItemFlag.ItemIsEnabled)
                table.setItem(row, 0, label)
                table.setItem(row, 1, QTableWidgetItem("0"))
            table.itemChanged.connect(self.update_totals)
            table.horizontalHeader().setStretchLastSection(True)
            table.setMinimumHeight(160)
            self.tables[currency] = table
            self.summaries[currency] = QLabel()
            count_layout.addWidget(QLabel(currency))
            count_layout.addWidget(table)
            count_layout.addWidget(self.summaries[currency])
        self.comment = QLineEdit()
        self.approver = QLineEdit()
        self.approver_pin = QLineEdit()
        self.approver_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.approval_form = QFormLayout()
        self.approval_form.addRow(QLabel(), self.approver)
        self.approval_form.addRow(QLabel(), self.approver_pin)
        self.approval_box = QWidget()
        self.approval_box.setLayout(self.approval_form)
        self.approval_box.setVisible(needs_approval)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c")
        self.error.setWordWrap(True)
        self.action = QPushButton()
        self.action.clicked.connect(self.submit)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch()
        buttons.addWidget(self.action)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        self.float_box = QWidget()
        self.float_box.setLayout(self.float_form)
        layout.addWidget(self.float_box)
        self.count_box = QWidget()
        self.count_box.setLayout(count_layout)
        layout.addWidget(self.count_box)
        self.comment_label = QLabel()
        layout.addWidget(self.comment_label)
        layout.addWidget(self.comment)
        layout.addWidget(self.approval_box)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.float_box.setVisible(not self.closing)
        self.count_box.setVisible(self.closing)
        self.comment.setVisible(self.closing)
        self.comment_label.setVisible(self.closing)
        self.retranslate()
        self.update_totals()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Business day"))
        if self.day is None:
            self.state.setText(self.tr("No business day is open. Enter the opening float per currency."))
        elif self.day.status == "overdue":
            self.state.setText(
                self.tr(
                    "The day of {date} was left open past midnight: count the drawer and close "
                    "it before today's day can open."
                ).replace("{date}", str(self.day.business_date))
            )
        elif self.day.status == "open":
            self.state.setText(
                self.tr("Day {date} is open. Count the drawer by denomination to close it.").replace(
                    "{date}", str(self.day.business_date)
                )
            )
        else:
            self.state.setText(
                self.tr("Today's day is closed (Z {number}).").replace("{number}", str(self.day.z_number))
            )
            self.action.setEnabled(False)
        self.action.setText(self.tr("Close the day") if self.closing else self.tr("Open the day"))
        for table in self.tables.values():
            table.setHorizontalHeaderLabels([self.tr("Note or coin"), self.tr("How many")])
        self.cancel.setText(self.tr("Cancel"))
        self.comment_label.setText(self.tr("Comment"))
        set_label(self.approval_form, self.approver, self.tr("Manager"))
        set_label(self.approval_form, self.approver_pin, self.tr("Manager's PIN"))
        self.update_totals()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def counts(self) -> dict[str, dict[str, str]]:
        result = {}
        for currency, table in self.tables.items():
            result[currency] = {
                table.item(row, 0).data(Qt.ItemDataRole.UserRole): table.item(row, 1).text()
                for row in range(table.rowCount())
                if table.item(row, 1) is not None
            }
        return result

    def update_totals(self) -> None:
        """Expected, counted and variance per currency, as the manager types the count."""
        for currency, label in self.summaries.items():
            expected = self.expected.get(currency, Money.zero(currency))
            try:
                counted = counted_total(
                    currency, denominations_from_data(self.denominations, currency), self.counts()[currency]
                )
            except KonnectError as error:
                label.setText(error_text(error))
                continue
            label.setText(
                self.tr("Expected {expected} · counted {counted} · variance {variance}")
                .replace("{expected}", money_text(expected))
                .replace("{counted}", money_text(counted))
                .replace("{variance}", money_text(counted - expected))
            )

    def approval(self) -> tuple[str, str] | None:
        if not self.approval_box.isVisible():
            return None
        return self.approver.text().strip(), self.approver_pin.text()

    def submit(self) -> None:
        self.error.clear()
        if self.closing:
            self.close_requested.emit(self.counts(), self.comment.text(), self.approval())
        else:
            self.open_requested.emit({c: f.text() for c, f in self.floats.items()}, self.approval())

    def show_error(self, error: Exception) -> None:
        self.error.setText(error_text(error))
