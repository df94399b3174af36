"""Managers ▸ Commission statement… (Ctrl+Shift+C): the outlet's commissions over a period.

The dialog asks for the period (the month so far by default) and emits ``requested``; the window
runs the service on the database worker and calls ``show_statement`` or ``show_error``. The A4 PDF
is the same document the CLI writes, opened in the PDF preview (``pdf_requested``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.domain.commissions import CommissionStatement
from konnect_pos.ui.i18n import date_text, error_text, money_text
from konnect_pos.ui.manager_dialogs import data_table


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class CommissionDialog(QDialog):
    requested = Signal(object, object)  # first, last local business dates
    pdf_requested = Signal(object, object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = QDateEdit(_qdate(today.replace(day=1)))
        self.last = QDateEdit(_qdate(today))
        for edit in (self.first, self.last):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        self.show_button = QPushButton()
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.ask)
        self.pdf_button = QPushButton()
        self.pdf_button.setEnabled(False)
        self.pdf_button.clicked.connect(lambda: self.pdf_requested.emit(*self.period()))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.table = data_table(7)
        self.statement: CommissionStatement | None = None
        form = QFormLayout()
        self.first_label, self.last_label = QLabel(), QLabel()
        form.addRow(self.first_label, self.first)
        form.addRow(self.last_label, self.last)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.resize(860, 520)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Commission statement"))
        self.first_label.setText(self.tr("From"))
        self.last_label.setText(self.tr("To"))
        self.show_button.setText(self.tr("Show"))
        self.pdf_button.setText(self.tr("A4 PDF…"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Receipt"), self.tr("Entry"), self.tr("Bundle"), self.tr("Amount"),
             self.tr("Rate"), self.tr("Commission")]
        )  # fmt: skip

    def period(self) -> tuple[date, date]:
        return _day(self.first.date()), _day(self.last.date())

    def ask(self) -> None:
        self.error.clear()
        self.requested.emit(*self.period())

    def _kind(self, kind: str) -> str:
        return {"sale": self.tr("sale"), "void": self.tr("void"), "refund": self.tr("refund")}[kind]

    def show_statement(self, statement: CommissionStatement) -> None:
        self.statement = statement
        self.error.clear()
        lines = []
        for total in statement.totals:
            lines.append(
                self.tr("Sales {sales}, lines: {lines}, voids and refunds {reversed}, net {net}").format(
                    sales=money_text(total.sales), lines=total.lines, reversed=money_text(total.reversed),
                    net=money_text(total.net_sales),
                )
            )  # fmt: skip
            earned = self.tr(
                "Commission earned {earned}, taken back {back}, net {net}; owed to Konnect {owed}"
            )
            lines.append(
                earned.format(
                    earned=money_text(total.earned), back=money_text(total.taken_back),
                    net=money_text(total.net_commission), owed=money_text(total.wholesale),
                )
            )  # fmt: skip
        self.summary.setText("\n".join(lines) or self.tr("No sale in this period"))
        self.table.setRowCount(len(statement.entries))
        for row, entry in enumerate(statement.entries):
            cells = (
                date_text(entry.day), entry.receipt, self._kind(entry.kind), entry.bundle,
                money_text(entry.amount), "—" if entry.percent is None else f"{entry.percent} %",
                money_text(entry.commission),
            )  # fmt: skip
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.pdf_button.setEnabled(True)

    def show_error(self, error: Exception) -> None:
        self.error.setText(error_text(error))
