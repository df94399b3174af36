"""Business day (Ctrl+D): open with a float, or count the drawer, review the summary and close.

The dialog always says what state the day is in and what can be done next. Closing is two
steps: the count by denomination, then a summary per currency (expected, counted, variance)
with the comment the outlet's rule asks for, and an explicit confirmation. Under a blind
close the expected cash is not even sent to the dialog before the count is submitted: the
service returns it with the summary. A cashier needs a manager's approval (the shared approval widget).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from babel.dates import format_date
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.domain.drawer import counted_total, denominations_from_data
from konnect_pos.domain.errors import KonnectError
from konnect_pos.domain.money import Money
from konnect_pos.domain.roles import Right
from konnect_pos.i18n import BABEL_LOCALES
from konnect_pos.services.business_day import CloseForm, CloseSummary
from konnect_pos.ui.approval_widget import Approval, ApprovalWidget
from konnect_pos.ui.i18n import current_language, error_text, money_text
from konnect_pos.ui.worker import DbWorker

OPEN, COUNT, SUMMARY, CLOSED = range(4)


class DayDialog(QDialog):
    """``open_requested(floats, approver)`` · ``review_requested(counts)`` ·
    ``close_requested(counts, comment, approver)``."""

    open_requested = Signal(dict, object)
    review_requested = Signal(dict)
    close_requested = Signal(dict, str, object)

    def __init__(
        self,
        form: CloseForm,
        currencies: tuple[str, ...],
        zone: str,
        worker: DbWorker,
        *,
        needs_approval: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form, self.currencies, self.zone = form, currencies, ZoneInfo(zone)
        self.state_info = form.state
        self.blind = form.rules.blind_close
        self.summary: CloseSummary | None = None
        self.needs_approval = needs_approval
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setStyleSheet("font-weight: bold")
        self.next_step = QLabel()
        self.next_step.setWordWrap(True)

        # page: open with a float
        self.floats = {currency: QLineEdit("0") for currency in currencies}
        self.float_form = QFormLayout()
        for currency, field in self.floats.items():
            self.float_form.addRow(QLabel(currency), field)
        self.open_page = QWidget()
        self.open_page.setLayout(self.float_form)

        # page: count by denomination
        self.tables: dict[str, QTableWidget] = {}
        self.summaries: dict[str, QLabel] = {}
        count_layout = QVBoxLayout()
        self.blind_note = QLabel()
        self.blind_note.setWordWrap(True)
        self.blind_note.setVisible(self.blind)
        count_layout.addWidget(self.blind_note)
        tables_row = QHBoxLayout()
        for currency in currencies:
            rows = denominations_from_data(form.denominations, currency)
            table = QTableWidget(len(rows), 2)
            table.verticalHeader().setVisible(False)
            for row, denomination in enumerate(rows):
                label = QTableWidgetItem()
                label.setData(Qt.ItemDataRole.UserRole, denomination.key)
                label.setFlags(Qt.ItemFlag.ItemIsEnabled)
                table.setItem(row, 0, label)
                table.setItem(row, 1, QTableWidgetItem("0"))
            table.itemChanged.connect(self.update_totals)
            table.horizontalHeader().setStretchLastSection(True)
            table.setTabKeyNavigation(False)  # Tab goes on to the next currency, not to the next cell
            table.setMinimumHeight(160)
            self.tables[currency] = table
            self.summaries[currency] = QLabel()
            self.summaries[currency].setWordWrap(True)
            column = QVBoxLayout()
            column.addWidget(QLabel(currency))
            column.addWidget(table, 1)
            column.addWidget(self.summaries[currency])
            tables_row.addLayout(column)
        count_layout.addLayout(tables_row, 1)
        self.count_page = QWidget()
        self.count_page.setLayout(count_layout)

        # page: summary and confirmation
        self.summary_table = QTableWidget(0, 4)
        self.summary_table.verticalHeader().setVisible(False)
        self.summary_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.threshold_note = QLabel()
        self.threshold_note.setWordWrap(True)
        self.comment_label = QLabel()
        self.comment = QLineEdit()
        self.comment_label.setBuddy(self.comment)
        summary_layout = QVBoxLayout()
        summary_layout.addWidget(self.summary_table)
        summary_layout.addWidget(self.threshold_note)
        summary_layout.addWidget(self.comment_label)
        summary_layout.addWidget(self.comment)
        summary_layout.addStretch(1)
        self.summary_page = QWidget()
        self.summary_page.setLayout(summary_layout)

        self.pages = QStackedWidget()
        for page in (self.open_page, self.count_page, self.summary_page, QWidget()):
            self.pages.addWidget(page)

        self.approval_box = ApprovalWidget(worker, (Right.OPEN_CLOSE_DAY,), needed=needs_approval)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c")
        self.error.setWordWrap(True)
        self.back = QPushButton()
        self.back.clicked.connect(self.back_to_count)
        self.action = QPushButton()
        self.action.clicked.connect(self.submit)
        self.action.setDefault(True)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch()
        buttons.addWidget(self.back)
        buttons.addWidget(self.action)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.next_step)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.approval_box)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        status = form.state.status
        self.setMinimumWidth(640)
        self.show_page(OPEN if status == "not_opened" else CLOSED if status == "closed" else COUNT)

    # --- what is on screen --------------------------------------------------------------
    def page(self) -> int:
        return self.pages.currentIndex()

    def show_page(self, page: int) -> None:
        """One step at a time; the dialog takes the size of this step, not of the largest one."""
        for index in range(self.pages.count()):
            policy = QSizePolicy.Policy.Preferred if index == page else QSizePolicy.Policy.Ignored
            self.pages.widget(index).setSizePolicy(policy, policy)
        self.pages.setCurrentIndex(page)
        self.error.clear()
        self.approval_box.setVisible(self.needs_approval and page in (OPEN, SUMMARY))
        self.back.setVisible(page == SUMMARY and not self.blind)  # a blind count, once seen, stands
        self.action.setEnabled(page != CLOSED)
        self.retranslate()
        focus = {
            OPEN: self.floats[self.currencies[0]] if self.currencies else self.action,
            COUNT: self.tables[self.currencies[0]] if self.currencies else self.action,
            SUMMARY: self.comment,
            CLOSED: self.cancel,
        }[page]
        focus.setFocus()
        if page == COUNT:
            for table in self.tables.values():  # typing a number counts the first note at once
                table.setCurrentCell(0, 1)
        self.adjustSize()
        if page == COUNT:  # room for the denominations, within a 768-pixel-high screen
            self.resize(max(self.width(), 760), max(self.height(), 560))

    def _time(self, moment) -> str:
        return moment.astimezone(self.zone).strftime("%H:%M") if moment else ""

    def _state_text(self) -> tuple[str, str]:
        state, page = self.state_info, self.page()
        date = format_date(state.business_date, "medium", locale=BABEL_LOCALES[current_language()])
        if state.status == "not_opened":
            return (
                self.tr("Today's business day ({date}) is not open yet.").replace("{date}", date),
                self.tr("Next: enter the opening float per currency, then press Open the day."),
            )
        if state.status == "closed":
            return (
                self.tr("Today's business day ({date}) was closed at {time} by {name} (Z {number}).")
                .replace("{date}", date)
                .replace("{time}", self._time(state.closed_at))
                .replace("{name}", state.closed_by)
                .replace("{number}", str(state.z_number)),
                self.tr(
                    "Nothing more can be sold today. Open the day is not available: a terminal has one "
                    "business day per calendar date, so tomorrow's day can be opened after midnight."
                ),
            )
        if state.status == "overdue":
            heading = (
                self.tr("The day of {date} (opened at {time} by {name}) was left open past midnight.")
                .replace("{date}", date)
                .replace("{time}", self._time(state.opened_at))
                .replace("{name}", state.opened_by)
            )
        else:
            heading = (
                self.tr("Business day {date} is open since {time} by {name}.")
                .replace("{date}", date)
                .replace("{time}", self._time(state.opened_at))
                .replace("{name}", state.opened_by)
            )
        if page == SUMMARY:
            return heading, self.tr(
                "Next: check the summary, write a comment if asked, then press Confirm and close the day. "
                "The Z report opens after the close."
            )
        return heading, self.tr(
            "Next: count the drawer by denomination, then press Review the count (nothing is closed yet)."
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Business day"))
        heading, next_step = self._state_text()
        self.state.setText(heading)
        self.next_step.setText(next_step)
        page = self.page()
        self.action.setText(
            {
                OPEN: self.tr("Open the day"),
                COUNT: self.tr("Review the count"),
                SUMMARY: self.tr("Confirm and close the day"),
                CLOSED: self.tr("Open the day"),
            }[page]
        )
        self.action.setToolTip(
            self.tr("Today's day is already closed: the next one opens tomorrow") if page == CLOSED else ""
        )
        self.back.setText(self.tr("Back to the count"))
        self.blind_note.setText(
            self.tr(
                "Blind close: count what is in the drawer. The expected cash is shown once the count is in."
            )
        )
        for table in self.tables.values():
            table.setHorizontalHeaderLabels([self.tr("Note or coin"), self.tr("How many")])
            for row in range(table.rowCount()):
                item = table.item(row, 0)
                kind, _, value = item.data(Qt.ItemDataRole.UserRole).partition(":")
                item.setText(
                    (self.tr("Note {value}") if kind == "note" else self.tr("Coin {value}")).replace(
                        "{value}", value
                    )
                )
        self.summary_table.setHorizontalHeaderLabels(
            [self.tr("Currency"), self.tr("Expected"), self.tr("Counted"), self.tr("Variance")]
        )
        self._show_comment_rule()
        self.cancel.setText(self.tr("Cancel") if page != CLOSED else self.tr("Close"))
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
        """Counted per currency as the count is typed; expected and variance unless the close is blind."""
        expected_cash = self.form.expected
        for currency, label in self.summaries.items():
            try:
                counted = counted_total(
                    currency,
                    denominations_from_data(self.form.denominations, currency),
                    self.counts()[currency],
                )
            except KonnectError as error:
                label.setText(error_text(error))
                continue
            if expected_cash is None:
                label.setText(self.tr("Counted {counted}").replace("{counted}", money_text(counted)))
                continue
            expected = expected_cash.get(currency, Money.zero(currency))
            label.setText(
                self.tr("Expected {expected} · counted {counted} · variance {variance}")
                .replace("{expected}", money_text(expected))
                .replace("{counted}", money_text(counted))
                .replace("{variance}", money_text(counted - expected))
            )

    def show_summary(self, summary: CloseSummary) -> None:
        """The service's figures for the count just submitted: the confirmation step."""
        self.summary = summary
        self.summary_table.setRowCount(len(summary.counts))
        for row, count in enumerate(summary.counts):
            cells = (
                count.currency,
                money_text(count.expected),
                money_text(count.counted),
                money_text(count.variance),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.summary_table.setItem(row, column, item)
        rows = sum(self.summary_table.rowHeight(row) for row in range(self.summary_table.rowCount()))
        self.summary_table.setFixedHeight(self.summary_table.horizontalHeader().height() + rows + 4)
        self.show_page(SUMMARY)

    def _show_comment_rule(self) -> None:
        summary = self.summary
        if summary is None:
            return
        limits = ", ".join(money_text(limit) for limit in summary.thresholds.values())
        if summary.comment_required:
            self.comment_label.setText(self.tr("Comment (required: a variance is above the limit)"))
            self.threshold_note.setText(
                self.tr("A variance above {limits} needs a comment that says why.").replace(
                    "{limits}", limits
                )
            )
        else:
            self.comment_label.setText(self.tr("Comment (optional)"))
            self.threshold_note.setText(
                self.tr("Every variance is within {limits}: no comment is needed.").replace(
                    "{limits}", limits
                )
            )

    def approval(self) -> Approval | None:
        return self.approval_box.approval()

    def back_to_count(self) -> None:
        self.summary = None
        self.show_page(COUNT)

    def submit(self) -> None:
        self.error.clear()
        page = self.page()
        if page == OPEN:
            self.open_requested.emit({c: f.text() for c, f in self.floats.items()}, self.approval())
        elif page == COUNT:
            self.review_requested.emit(self.counts())
        elif page == SUMMARY:
            self.close_requested.emit(self.counts(), self.comment.text(), self.approval())

    def show_error(self, error: Exception) -> None:
        self.error.setText(error_text(error))
        self.approval_box.refused(error)
